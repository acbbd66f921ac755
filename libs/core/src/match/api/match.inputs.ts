import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, registerDecorator } from 'class-validator';
import { worded, MailedText, MultiLineText } from '../../api/input-rules';
import { OutcomeCheckpoint } from '../match.types';
import type { AnswerOutcomeSurvey } from '../match.commands';
import { identifies } from '../../api/input-rules';
import { MESSAGES } from '../../messages';

@InputType()
export class ApplyToOfferInput {
  @Field(() => ID) @IsUUID('all', identifies('helpRequest')) helpRequestId!: string;
  @Field(() => ID) @IsUUID('all', identifies('offer')) offerId!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'When the offer is full, join its waitlist (otherwise answer OfferFullError).' })
  @IsBoolean()
  joinWaitlist: boolean = true;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'The shop asks again for an offer this request refused before (gave up, or the provider declined): without it, PreviouslyRefusedError.',
  })
  @IsBoolean()
  askAgain: boolean = false;
}

@ArgsType()
export class MatchIdArgs {
  @Field(() => ID) @IsUUID('all', identifies('match')) id!: string;
}

@InputType()
export class DeclineMatchInput {
  @Field(() => ID) @IsUUID('all', identifies('match')) id!: string;

  @Field({ description: 'Why, in a few words the shop will read by e-mail (2–500 characters, no web address).' })
  @MailedText()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

/** A shop's optional words on why it gives something up: a match, or a whole set. */
export const OptionalWithdrawalReason = (): PropertyDecorator =>
  applyDecorators(Field({ nullable: true, description: 'Optional: why (up to 500 characters).' }), IsOptional(), MultiLineText({ optional: true }), IsString(), MaxLength(500));

@InputType()
export class WithdrawMatchInput {
  @Field(() => ID) @IsUUID('all', identifies('match')) id!: string;

  @OptionalWithdrawalReason()
  reason?: string;
}

/** "No online orders" cannot come with a count of them. */
function IsZeroWithoutOrders(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'zeroWithoutOrders',
      target: target.constructor,
      propertyName: String(propertyName),
      options: worded(MESSAGES.validation.zeroWithoutOrders),
      validator: { validate: (value: unknown, args) => (args?.object as AnswerOutcomeSurveyInput).gotOnlineOrders !== false || value === 0 },
    });
}

/** "Yes, online orders" comes with at least one: a yes with none would count as a success in the figures. */
function IsSomeWithOrders(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'someWithOrders',
      target: target.constructor,
      propertyName: String(propertyName),
      options: worded(MESSAGES.validation.someWithOrders),
      validator: { validate: (value: unknown, args) => (args?.object as AnswerOutcomeSurveyInput).gotOnlineOrders !== true || typeof value !== 'number' || value >= 1 },
    });
}

@InputType()
export class AnswerOutcomeSurveyInput implements AnswerOutcomeSurvey {
  @Field(() => ID) @IsUUID('all', identifies('match')) matchId!: string;

  @Field(() => OutcomeCheckpoint, { defaultValue: OutcomeCheckpoint.COMPLETION })
  @IsEnum(OutcomeCheckpoint)
  checkpoint: OutcomeCheckpoint = OutcomeCheckpoint.COMPLETION;

  @Field({ description: 'Did the service bring online orders?' })
  @IsBoolean()
  gotOnlineOrders!: boolean;

  @Field(() => Int, { description: 'Roughly how many online orders (0 when none, at least 1 with gotOnlineOrders; at most 1,000,000).' })
  @IsZeroWithoutOrders()
  @IsSomeWithOrders()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  approximateOrders!: number;
}
