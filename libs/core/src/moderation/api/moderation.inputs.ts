import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDefined, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { worded, MultiLineText } from '../../api/input-rules';
import type { ReinstateOffer, SuspendOffer } from '../moderation.commands';
import { identifies } from '../../api/input-rules';
import { MESSAGES } from '../../messages';

@InputType({ description: 'Hide an offer from shops, with a reason its provider reads (ministry staff).' })
export class SuspendOfferInput implements SuspendOffer {
  @Field(() => ID) @IsUUID('all', identifies('offer')) offerId!: string;

  // Rules run from the one nearest the property: a missing reason is reported as missing.
  @Field({ description: 'Why, for the provider: for example, conditions that ask for a payment (10–1000 characters).' })
  @MultiLineText()
  @MaxLength(1000)
  @MinLength(10, worded((path, [min]) => MESSAGES.validation.suspensionReasonTooShort(path, Number(min))))
  @IsString()
  @IsDefined()
  reason!: string;
}

@InputType({ description: 'Lift the suspension of an offer: it becomes PAUSED, for its provider to resume (ministry staff).' })
export class ReinstateOfferInput implements ReinstateOffer {
  @Field(() => ID) @IsUUID('all', identifies('offer')) offerId!: string;

  @Field({ nullable: true, description: 'A note for the provider.' })
  @IsOptional()
  @MultiLineText({ optional: true })
  @MaxLength(1000)
  @IsString()
  note?: string;
}
