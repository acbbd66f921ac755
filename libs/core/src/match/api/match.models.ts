import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { modelOf } from '../../api/model-instance';
import { INELIGIBILITY_REASONS, ServiceCategory } from '@vec/matching';
import type { CoverageLevel, IneligibilityReason } from '@vec/matching';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import type { SurveyNotDueReason, Words } from '../../messages';
import { PageArgs, Paginated } from '../../api/pagination';
import '../../api/service-category.model';
import { CoverageLevelEnum } from '../../matching/api/matching-enums';
import { IneligibilityExplanationModel } from '../../matching/api/recommendation.models';
import type { RecordedStep } from '../match-query.service';
import { MatchEntity } from '../match.entity';
import { MatchOrigin, MatchState, OutcomeCheckpoint } from '../match.types';
import { OutcomeSurveyEntity } from '../outcome-survey.entity';
import type { ShopEntity } from '../../shop/shop.entity';
import type { Loaders } from '../../api/loaders';
import { reasonTexts } from '../match-reasons';
import { ListSize } from '../../api/query-cost';
import type { MatchFilter } from '../match.commands';
import { identifies } from '../../api/input-rules';

registerEnumType(MatchState, {
  name: 'MatchState',
  description: 'PENDING → ACCEPTED → ACTIVE → COMPLETED; or DECLINED, WITHDRAWN, EXPIRED. WAITLISTED when the offer was full.',
});
registerEnumType(MatchOrigin, { name: 'MatchOrigin', description: 'APPLICATION by the shop, or ALLOCATION by a committed run.' });
registerEnumType(OutcomeCheckpoint, { name: 'OutcomeCheckpoint', description: 'When the outcome survey is asked.' });

@ObjectType('MatchTransition', { description: 'One step of a match: from, to, who, when, why.' })
export class MatchTransitionModel {
  @Field(() => MatchState, { nullable: true }) fromState!: MatchState | null;
  @Field(() => MatchState) toState!: MatchState;
  @Field() occurredAt!: Date;
  @Field(() => String, { nullable: true, description: 'SHOP, PROVIDER, FACILITATOR, MINISTRY, ADMIN; empty when the platform acted.' }) actorRole!: string | null;
  @Field(() => String, { nullable: true, description: 'The facilitator organisation that took the step on the shop’s behalf (actorRole FACILITATOR); empty otherwise, or when its account is gone.' })
  actorOrganisation!: string | null;
  @Field(() => String, { nullable: true, description: 'Why, as recorded: a platform code or the words of the person who acted.' }) reason!: string | null;
  @Field(() => String, { nullable: true, description: 'Why, in English words.' }) reasonText!: string | null;
  @Field(() => String, { nullable: true, description: 'Why, in Italian words.' }) reasonTextIt!: string | null;
}

@ObjectType('OutcomeSurvey', { description: 'The shop’s answer: did the service bring online orders, and roughly how many.' })
export class OutcomeSurveyModel {
  @Field(() => OutcomeCheckpoint) checkpoint!: OutcomeCheckpoint;
  @Field() gotOnlineOrders!: boolean;
  @Field(() => Int) approximateOrders!: number;
  @Field() answeredAt!: Date;
}

@ObjectType('MatchShop', {
  description:
    'The shop of a match, as its provider sees it. The contacts are given only while the provider deals with the shop: PENDING, ACCEPTED, ACTIVE, and for 90 days after COMPLETED; otherwise null (contactsAvailable false) — name, comune and sector stay.',
})
export class MatchShopModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() comuneCode!: string;
  @Field() atecoSection!: string;
  @Field() atecoDivision!: string;
  @Field({ description: 'False when the contacts are withheld from the caller: the match never started or completed more than 90 days ago.' })
  contactsAvailable!: boolean;
  @Field(() => String, { nullable: true, description: 'Null when contactsAvailable is false.' }) contactEmail!: string | null;
  @Field(() => String, { nullable: true, description: 'Null when contactsAvailable is false, or when the shop gave none.' }) contactPhone!: string | null;
}

@ObjectType('Match', { description: 'A help request paired with an offer.' })
export class MatchModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) helpRequestId!: string;
  @Field(() => ID) offerId!: string;
  shopId!: string;
  @Field(() => ServiceCategory) category!: ServiceCategory;
  @Field(() => MatchState) state!: MatchState;
  @Field(() => MatchOrigin) origin!: MatchOrigin;
  @Field(() => ID, { nullable: true }) allocationRunId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The set application this match is a part of: the parts a shop applied to together for its bundle share it; they wait, and can be withdrawn, as one (withdrawMatchSet). Null for a single application.' })
  setId!: string | null;
  @Field(() => CoverageLevelEnum, { description: 'How the offer reaches the shop when the match was made.' }) coverageLevel!: CoverageLevel;
  @Field(() => Float, { description: 'Radius coverage: the shop’s distance from the centre of the covering radius; 0 for area coverage (see coverageLevel), where no distance applies.' })
  distanceKm!: number;
  @Field(() => Date, { nullable: true, description: 'PENDING: the provider answers by then, or the held place is released.' }) respondBy!: Date | null;
  @Field(() => Date, { nullable: true }) waitlistedAt!: Date | null;
  @Field(() => Date, { nullable: true }) acceptedAt!: Date | null;
  @Field(() => Date, { nullable: true }) activatedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'ACTIVE: when the free period ends.' }) freeUntil!: Date | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it ended, as recorded: a platform code or the words of the person who acted.' }) endReason!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it ended, in English words.' }) endReasonText!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it ended, in Italian words.' }) endReasonTextIt!: string | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('MatchPage')
export class MatchPageModel extends Paginated(MatchModel, 'MatchPageBase') {}

@ObjectType('NotEligibleError', { implements: () => [BusinessErrorModel], description: 'The offer does not fit the request: every failed rule.' })
export class NotEligibleErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'NOT_ELIGIBLE' as const;
  @ListSize(INELIGIBILITY_REASONS.length) @Field(() => [IneligibilityExplanationModel]) readonly reasons: IneligibilityExplanationModel[];
  readonly failed: readonly IneligibilityReason[];

  constructor(words: Words, field: string, failed: readonly IneligibilityReason[], reasons: IneligibilityExplanationModel[]) {
    super(words, field);
    this.failed = failed;
    this.reasons = reasons;
  }
}

@ObjectType('OfferFullError', { implements: () => [BusinessErrorModel], description: 'No place is free and joinWaitlist was false.' })
export class OfferFullErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'OFFER_FULL' as const;
}

@ObjectType('AlreadyAppliedError', { implements: () => [BusinessErrorModel], description: 'The request already has an open match (or waitlist place).' })
export class AlreadyAppliedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'ALREADY_APPLIED' as const;
  @Field(() => ID) readonly matchId: string;
  @Field(() => MatchState) readonly state: MatchState;

  constructor(words: Words, field: string, matchId: string, state: MatchState) {
    super(words, field);
    this.matchId = matchId;
    this.state = state;
  }
}

@ObjectType('PreviouslyRefusedError', {
  implements: () => [BusinessErrorModel],
  description: 'The request refused this offer before (the shop gave it up, or the provider declined it): apply again with askAgain to ask for it anyway.',
})
export class PreviouslyRefusedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'PREVIOUSLY_REFUSED' as const;
  @Field(() => MatchState, { description: 'WITHDRAWN or DECLINED.' }) readonly endedAs: MatchState;
  @Field() readonly endedAt: Date;

  constructor(words: Words, field: string, endedAs: MatchState, endedAt: Date) {
    super(words, field);
    this.endedAs = endedAs;
    this.endedAt = endedAt;
  }
}

@ObjectType('InvalidMatchTransitionError', { implements: () => [BusinessErrorModel], description: 'The match is in a state that does not allow this (or the request is no longer open).' })
export class InvalidMatchTransitionErrorModel extends BusinessFailure implements BusinessErrorModel {
  @Field(() => String) readonly currentState: string;

  // One GraphQL type for three refusals, told apart by their code.
  constructor(
    readonly code: 'INVALID_TRANSITION' | 'RESPONSE_DEADLINE_PASSED' | 'REQUEST_NOT_OPEN',
    words: Words,
    field: string,
    currentState: string,
  ) {
    super(words, field);
    this.currentState = currentState;
  }
}

@ObjectType('SurveyNotDueError', { implements: () => [BusinessErrorModel], description: 'This checkpoint of the survey cannot be answered (yet, or again).' })
export class SurveyNotDueErrorModel extends BusinessFailure implements BusinessErrorModel {
  /** The code is the reason itself (NOT_COMPLETED, TOO_EARLY…). */
  constructor(
    readonly code: SurveyNotDueReason,
    words: Words,
    field: string,
  ) {
    super(words, field);
  }
}

@InputType()
export class MatchFilterInput implements MatchFilter {
  @Field(() => MatchState, { nullable: true }) @IsOptional() @IsEnum(MatchState) state?: MatchState;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', identifies('offer')) offerId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', identifies('helpRequest')) helpRequestId?: string;
}

@ArgsType()
export class MatchListArgs extends PageArgs {
  @Field(() => MatchFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => MatchFilterInput)
  filter: MatchFilterInput = {};
}

export const toMatchModel = (e: MatchEntity): MatchModel => {
  const [endReasonText, endReasonTextIt] = reasonTexts(e.endReason);
  return modelOf(MatchModel, {
    id: e.id,
    helpRequestId: e.helpRequestId,
    offerId: e.offerId,
    shopId: e.shopId,
    category: e.category,
    state: e.state,
    origin: e.origin,
    allocationRunId: e.allocationRunId,
    setId: e.setId,
    coverageLevel: e.coverageLevel as CoverageLevel,
    distanceKm: e.distanceKm,
    respondBy: e.respondBy,
    waitlistedAt: e.waitlistedAt,
    acceptedAt: e.acceptedAt,
    activatedAt: e.activatedAt,
    freeUntil: e.freeUntil,
    completedAt: e.completedAt,
    endedAt: e.endedAt,
    endReason: e.endReason,
    endReasonText,
    endReasonTextIt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  });
};

/** Whether the shop's owner erased the account: the shop keeps its place in histories and records, and no way to reach anyone. */
export const shopOwnerErased = async (loaders: Loaders, shop: ShopEntity): Promise<boolean> => shop.ownerUserId !== null && (await loaders.ownerErased.load(shop.ownerUserId));

/** The shop of a match; `withContacts` false (see shop-disclosure.ts) leaves out how to reach it. */
export const toMatchShopModel = (shop: ShopEntity, withContacts = true): MatchShopModel => ({
  id: shop.id,
  name: shop.tradingName ?? shop.legalName,
  comuneCode: shop.comuneCode,
  atecoSection: shop.atecoSection,
  atecoDivision: shop.atecoDivision,
  contactsAvailable: withContacts,
  contactEmail: withContacts ? shop.contactEmail : null,
  contactPhone: withContacts ? shop.contactPhone : null,
});

/** A step of a match; `reason` is the recorded one as the caller may read it (see shop-disclosure.ts). */
export const toTransitionModel = (e: RecordedStep, reason: string | null = e.reason): MatchTransitionModel => {
  const [reasonText, reasonTextIt] = reasonTexts(reason);
  return { fromState: e.fromState, toState: e.toState, occurredAt: e.occurredAt, actorRole: e.actorRole, actorOrganisation: e.actorOrganisation, reason, reasonText, reasonTextIt };
};

export const toSurveyModel = (e: OutcomeSurveyEntity): OutcomeSurveyModel => modelOf(OutcomeSurveyModel, {
  checkpoint: e.checkpoint,
  gotOnlineOrders: e.gotOnlineOrders,
  approximateOrders: e.approximateOrders,
  answeredAt: e.answeredAt,
});
