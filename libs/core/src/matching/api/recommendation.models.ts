import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { INELIGIBILITY_REASONS, type CoverageLevel, type IneligibilityReason, type RankedOffer, type ScoreComponent, type ScoreComponentName } from '@vec/matching';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { OfferModel, toOfferModel } from '../../offer/api/offer.models';
import type { OfferEntity } from '../../offer/offer.entity';
import { MESSAGES } from '../../messages';
import { CoverageLevelEnum, IneligibilityReasonEnum, ScoreComponentNameEnum } from './matching-enums';
import { ListSize, SizedByParentPage } from '../../api/query-cost';
import { MatchState } from '../../match/match.types';
import { identifies } from '../../api/input-rules';

@ObjectType('ScoreComponent', { description: 'One term of the score: the measured fact, its 0–1 value, its weight, and what it adds.' })
export class ScoreComponentModel {
  @Field(() => ScoreComponentNameEnum) name!: ScoreComponentName;
  @Field(() => Float, { description: 'COVERAGE: steps from comune (0) to national (4); DISTANCE: km; CATEGORY_FIT: categories of the offer; FREE_PERIOD: months; REMAINING_CAPACITY: places left.' })
  raw!: number;
  @Field(() => Float) value!: number;
  @Field(() => Float) weight!: number;
  @Field(() => Float) contribution!: number;
}

@ObjectType('RankedOffer', { description: 'An offer that fits a request, with the explained score that ranks it.' })
export class RankedOfferModel {
  @Field(() => OfferModel) offer!: OfferModel;
  @Field(() => Float, { description: 'Points out of the sum of the weights (100 by default).' }) score!: number;
  @Field(() => CoverageLevelEnum) coverageLevel!: CoverageLevel;
  @Field(() => Float, { description: 'Km from the centre of the covering radius; 0 for area coverage.' }) distanceKm!: number;
  @Field(() => Int) seatsLeft!: number;
  @ListSize(Object.keys(ScoreComponentNameEnum).length) @Field(() => [ScoreComponentModel]) components!: ScoreComponentModel[];
}

@ObjectType('IneligibilityExplanation', { description: 'One rule the offer fails, with its wording.' })
export class IneligibilityExplanationModel {
  @Field(() => IneligibilityReasonEnum) code!: IneligibilityReason;
  @Field() message!: string;
  @Field() messageIt!: string;
}

@ObjectType('IneligibleOffer')
export class IneligibleOfferModel {
  @Field(() => OfferModel) offer!: OfferModel;
  @ListSize(INELIGIBILITY_REASONS.length) @Field(() => [IneligibilityExplanationModel]) reasons!: IneligibilityExplanationModel[];
}

@ObjectType('ShopLimits', {
  description: 'The services the shop holds now against its limits. At a limit it can neither apply nor join a waitlist, until one of them ends or it gives one up.',
})
export class ShopLimitsModel {
  @Field(() => Int, { description: 'Pending, accepted or active matches the shop holds now.' }) liveMatches!: number;
  @Field(() => Int, { description: 'The most it may hold at once (MAX_LIVE_MATCHES_PER_SHOP).' }) maxLiveMatches!: number;
  @Field(() => Int, { description: 'Of those, in the request’s category: one at a time.' }) liveInCategory!: number;
}

@ObjectType('RefusedOffer', {
  description: 'An offer that would fit, but the request refused it before: the shop gave it up, or the provider declined it. It is never proposed again; the shop may ask for it again itself.',
})
export class RefusedOfferModel {
  @Field(() => RankedOfferModel) ranked!: RankedOfferModel;
  @Field({ description: 'Full: asking again would mean joining its waitlist.' }) waitlistOnly!: boolean;
  @Field(() => MatchState, { description: 'WITHDRAWN (the shop gave it up) or DECLINED (the provider said no).' }) endedAs!: MatchState;
  @Field() endedAt!: Date;
}

@ObjectType('OfferRecommendations', { description: 'The offers that cover a request’s shop and category, ranked and explained.' })
export class OfferRecommendationsModel {
  @Field(() => ID) helpRequestId!: string;
  @Field(() => ShopLimitsModel) shopLimits!: ShopLimitsModel;
  @SizedByParentPage() @Field(() => [RankedOfferModel], { description: 'Offers to apply to now, best first.' }) eligible!: RankedOfferModel[];
  @SizedByParentPage() @Field(() => [RankedOfferModel], { description: 'Full offers whose waitlist the shop may join, best first.' }) waitlist!: RankedOfferModel[];
  @SizedByParentPage() @Field(() => [IneligibleOfferModel], { description: 'Offers covering the place and category that fail another rule.' }) notEligible!: IneligibleOfferModel[];
  @SizedByParentPage()
  @Field(() => [RefusedOfferModel], { description: 'Offers that would fit but that this request refused before: listed apart, never ranked among the others.' })
  refused!: RefusedOfferModel[];
  @Field(() => Int, { description: 'Offers found through the coverage index and judged by the engine.' }) candidateCount!: number;
}

@ObjectType('OfferEligibility', { description: 'Whether one offer fits one request, and every reason why not.' })
export class OfferEligibilityModel {
  @Field(() => ID) helpRequestId!: string;
  @Field(() => ID) offerId!: string;
  @Field() eligible!: boolean;
  @Field({ description: 'Fails only because it is full: the shop may join the waitlist.' }) waitlistOnly!: boolean;
  @ListSize(INELIGIBILITY_REASONS.length) @Field(() => [IneligibilityExplanationModel]) reasons!: IneligibilityExplanationModel[];
  @Field(() => RankedOfferModel, { nullable: true, description: 'The score, when the offer fits (or fits but for capacity).' })
  ranking!: RankedOfferModel | null;
}

@ArgsType()
export class RecommendationArgs {
  @Field(() => ID) @IsUUID('all', identifies('helpRequest')) helpRequestId!: string;

  @Field(() => Int, { defaultValue: 20, description: 'At most this many offers in each list (1–100).' })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 20;
}

@ArgsType()
export class OfferEligibilityArgs {
  @Field(() => ID) @IsUUID('all', identifies('helpRequest')) helpRequestId!: string;
  @Field(() => ID) @IsUUID('all', identifies('offer')) offerId!: string;
}

export const toScoreComponent = (c: ScoreComponent): ScoreComponentModel => ({ ...c });

export const toRankedOfferModel = (ranked: RankedOffer, offer: OfferEntity): RankedOfferModel => ({
  offer: toOfferModel(offer),
  score: ranked.score,
  coverageLevel: ranked.coverageLevel,
  distanceKm: ranked.distanceKm,
  seatsLeft: Math.max(0, offer.capacity - offer.used),
  components: ranked.components.map(toScoreComponent),
});

/** The waitlist is open only when being full is all that stands in the way. */
export const toExplanations = (failed: readonly IneligibilityReason[]): IneligibilityExplanationModel[] =>
  failed.map((code) => {
    const words = MESSAGES.reason.ineligible(code, failed.length === 1);
    return { code, message: words.en, messageIt: words.it };
  });
