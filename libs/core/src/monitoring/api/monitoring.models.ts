import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ServiceCategory } from '@vec/matching';
import { Paginated } from '../../api/pagination';
import '../../api/service-category.model';
import { ListSize } from '../../api/query-cost';
import { HelpRequestStatus } from '../../help-request/help-request.types';
import { MatchState, OutcomeCheckpoint } from '../../match/match.types';
import { VerificationStatus } from '../../provider/provider.types';

@ObjectType('StatusCount')
export class StatusCountModel {
  @Field() status!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('MonitoringKpis', { description: 'Headline figures for the filter (ratios are 0–1; null when there is nothing to divide).' })
export class MonitoringKpisModel {
  @Field(() => Int) shopsRegistered!: number;
  @ListSize(Object.keys(VerificationStatus).length) @Field(() => [StatusCountModel]) providersByStatus!: StatusCountModel[];
  @Field(() => Int, { description: 'Published offers of approved providers, still valid; with a period, those on offer during it (published before its end, valid after its start).' })
  offersPublished!: number;
  @Field(() => Int, { description: 'The places of those offers.' }) capacityTotal!: number;
  @Field(() => Int) capacityUsed!: number;
  @ListSize(Object.keys(HelpRequestStatus).length) @Field(() => [StatusCountModel]) requestsByStatus!: StatusCountModel[];
  @ListSize(Object.keys(MatchState).length) @Field(() => [StatusCountModel]) matchesByState!: StatusCountModel[];
  @Field(() => Float, { nullable: true, description: 'Requests (not cancelled) with a live or completed match ÷ those requests.' }) matchRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median hours from the request to the provider’s acceptance.' }) medianHoursToAcceptance!: number | null;
  @Field(() => Float, { nullable: true, description: 'Accepted matches the shop confirmed active ÷ accepted matches.' }) activationRate!: number | null;
  @Field(() => Int) completedMatches!: number;
  @Field(() => Int, { description: 'Completed matches (in the period, with one) whose shop answered the final survey, whenever it answered.' }) surveyedCompletions!: number;
  @Field(() => Float, { nullable: true, description: 'Of those, the share reporting online orders.' }) onlineOrdersShare!: number | null;
  @ListSize(Object.keys(OutcomeCheckpoint).length)
  @Field(() => [CheckpointOutcomeModel], { description: 'Outcome surveys answered in the period, for each checkpoint (every checkpoint listed, zeros included).' })
  outcomes!: CheckpointOutcomeModel[];
}

@ObjectType('CheckpointOutcome', { description: 'The outcome surveys answered at one checkpoint (at completion, 30 or 90 days after activation).' })
export class CheckpointOutcomeModel {
  @Field(() => OutcomeCheckpoint) checkpoint!: OutcomeCheckpoint;
  @Field(() => Int, { description: 'Answers given in the period.' }) answers!: number;
  @Field(() => Int, { description: 'Of those, answers reporting online orders.' }) withOnlineOrders!: number;
  @Field(() => Float, { nullable: true, description: 'withOnlineOrders ÷ answers.' }) onlineOrdersShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'The median of the orders reported, among the answers that had any.' }) medianOrders!: number | null;
}

@ObjectType('BreakdownRow')
export class BreakdownRowModel {
  @Field({ description: 'Region or province ISTAT code, category, or ATECO section.' }) code!: string;
  @Field() name!: string;
  @Field(() => Int) shops!: number;
  @Field(() => Int) requests!: number;
  @Field(() => Int) matchedRequests!: number;
  @Field(() => Float, { nullable: true }) matchRate!: number | null;
  @Field(() => Int) activeMatches!: number;
  @Field(() => Int) completedMatches!: number;
  @Field(() => Float, { nullable: true }) onlineOrdersShare!: number | null;
  @Field(() => Int, { description: 'Published offers reaching it.' }) offers!: number;
  @Field(() => Int, { description: 'Places of the published offers reaching it (a national offer’s count in every region).' }) capacity!: number;
  @Field(() => Int, { description: 'Places its own shops took (pending, accepted, active or completed matches of its requests), on whichever offer.' }) used!: number;
}

@ObjectType('SeriesPoint')
export class SeriesPointModel {
  @Field({ description: 'Start of the day or week (Italian time).' }) start!: Date;
  @Field(() => Int) requests!: number;
  @Field(() => Int) matches!: number;
  @Field(() => Int) activations!: number;
}

@ObjectType('UnmetDemand', { description: 'Open requests of a province and category that no offer serves.' })
export class UnmetDemandModel {
  @Field() provinceCode!: string;
  @Field() provinceName!: string;
  @Field() regionCode!: string;
  @Field() regionName!: string;
  @Field(() => ServiceCategory) category!: ServiceCategory;
  @Field(() => Int, { description: 'No valid offer covers them at all: providers are missing here.' }) coverageGap!: number;
  @Field(() => Int, { description: 'Offers cover them but all are full: more capacity is missing.' }) capacityGap!: number;
  @Field(() => Int, { description: 'The only offers covering them are ones they refused (declined by the provider, or given up by the shop): other providers are missing.' })
  refusedGap!: number;
  @Field() oldestWaitingSince!: Date;
}

@ObjectType('UnmetDemandPage')
export class UnmetDemandPageModel extends Paginated(UnmetDemandModel, 'UnmetDemandPageBase') {
  @Field({ description: 'When the requests were judged (every five minutes and after each allocation run): later changes are not counted yet.' })
  computedAt!: Date;
}

/** The slot figures offers and providers share. */
@ObjectType({ isAbstract: true })
abstract class SlotFiguresModel {
  @Field(() => Int) capacity!: number;
  @Field(() => Int, { description: 'PENDING: places held while the provider answers.' }) held!: number;
  @Field(() => Int) accepted!: number;
  @Field(() => Int) active!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Int) remaining!: number;
  @Field(() => Int) waitlist!: number;
}

@ObjectType('OfferCapacity')
export class OfferCapacityModel extends SlotFiguresModel {
  @Field(() => ID) offerId!: string;
  @Field() title!: string;
  @Field(() => ID) providerId!: string;
  @Field() providerName!: string;
  @Field() status!: string;
  @Field(() => Int) freePeriodMonths!: number;
  @Field(() => Date, { nullable: true }) validUntil!: Date | null;
  @Field(() => Int, { nullable: true }) validityEndsInDays!: number | null;
  @Field(() => Date, { nullable: true, description: 'The earliest end of an active free period.' }) nextFreePeriodEnd!: Date | null;
  @Field(() => Int, { nullable: true }) freePeriodEndsInDays!: number | null;
}

@ObjectType('OfferCapacityPage')
export class OfferCapacityPageModel extends Paginated(OfferCapacityModel, 'OfferCapacityPageBase') {}

@ObjectType('ProviderCapacity')
export class ProviderCapacityModel extends SlotFiguresModel {
  @Field(() => ID) providerId!: string;
  @Field() providerName!: string;
  @Field(() => Int) offers!: number;
}

@ObjectType('ProviderCapacityPage')
export class ProviderCapacityPageModel extends Paginated(ProviderCapacityModel, 'ProviderCapacityPageBase') {}

@ObjectType('PublicFigures', { description: 'National totals anyone may see (the open data, summed).' })
export class PublicFiguresModel {
  @Field(() => Int) shops!: number;
  @Field(() => Int) approvedProviders!: number;
  @Field(() => Int) publishedOffers!: number;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) requests!: number;
  @Field(() => Int) matchedRequests!: number;
  @Field(() => Int) activeMatches!: number;
  @Field(() => Int) completedMatches!: number;
  @Field(() => Float, { nullable: true }) onlineOrdersShare!: number | null;
  @Field(() => Int, { description: 'Shops reached through an intermediary: a facilitator acted for them under their delegation.' }) shopsThroughIntermediaries!: number;
  @Field() updatedAt!: Date;
}

@ObjectType('FacilitatorUptake', { description: 'Uptake through one intermediary: shops onboarded, served, and their outcomes.' })
export class FacilitatorUptakeModel {
  @Field(() => ID) facilitatorId!: string;
  @Field() name!: string;
  @Field() kind!: string;
  @Field() verificationStatus!: string;
  @Field(() => Int, { description: 'Shops it ever acted for under a delegation.' }) shopsOnboarded!: number;
  @Field(() => Int, { description: 'Of those, registered on paper and not yet claimed.' }) shopsOnPaper!: number;
  @Field(() => Int) liveDelegations!: number;
  @Field(() => Int, { description: 'Onboarded shops with a match accepted, active or completed.' }) shopsServed!: number;
  @Field(() => Int) completedMatches!: number;
  @Field(() => Int) surveyAnswers!: number;
  @Field(() => Int) answersReportingOrders!: number;
}

@ObjectType('FacilitatorUptakePage')
export class FacilitatorUptakePageModel extends Paginated(FacilitatorUptakeModel, 'FacilitatorUptakePageBase') {}

export const toCounts = (record: Record<string, number>): StatusCountModel[] =>
  Object.entries(record)
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => (a.status < b.status ? -1 : 1));
