import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsUUID } from 'class-validator';
import { identifies, EmailAddress } from '../../api/input-rules';
import type { OfferHandover } from '../delegation.commands';

@InputType({ description: 'Offer a shop you registered on paper, not claimed yet, to another approved facilitator: it takes your place once it accepts.' })
export class OfferDelegationHandoverInput implements OfferHandover {
  @Field(() => ID, { description: 'Your live delegation for the shop (DelegatedShop.delegationId).' }) @IsUUID('all', identifies('any')) delegationId!: string;
  @Field({ description: 'The other organisation’s e-mail: the one its account signs in with, or its contact address.' })
  @EmailAddress()
  toEmail!: string;
}

@InputType()
export class DelegationHandoverIdInput {
  @Field(() => ID) @IsUUID('all', identifies('any')) handoverId!: string;
}

@InputType({ description: 'Accept or decline a shop another facilitator offered to your organisation.' })
export class AnswerDelegationHandoverInput {
  @Field(() => ID) @IsUUID('all', identifies('any')) handoverId!: string;
  @Field() @IsBoolean() accept!: boolean;
}
