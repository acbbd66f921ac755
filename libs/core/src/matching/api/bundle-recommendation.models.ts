import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DEFAULT_SET_SEARCH, INELIGIBILITY_REASONS, ServiceCategory, SET_REASONS, type MissingReason, type OfferSet, type SetReason } from '@vec/matching';
import { IsUUID } from 'class-validator';
import { identifies } from '../../api/input-rules';
import { ListSize } from '../../api/query-cost';
import { MESSAGES } from '../../messages';
import { OfferModel, toOfferModel } from '../../offer/api/offer.models';
import type { OfferEntity } from '../../offer/offer.entity';
import type { BundleRecommendations } from '../bundle-recommendation.service';

const asEnum = <T extends string>(values: readonly T[]): Record<T, T> => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
const MISSING_REASONS: readonly MissingReason[] = [...INELIGIBILITY_REASONS, 'REFUSED', 'NO_CANDIDATE'];
export const MissingReasonEnum = asEnum<MissingReason>(MISSING_REASONS);
export const SetReasonEnum = asEnum<SetReason>(SET_REASONS);
registerEnumType(MissingReasonEnum, { name: 'MissingReason', description: 'Why a service of a bundle has no offer in a set: a matching rule, REFUSED (the offers that would serve it are ones the request gave up or whose provider declined it: it may ask again), or NO_CANDIDATE (no offer of the service covers the shop).' });
registerEnumType(SetReasonEnum, { name: 'SetReason', description: 'Why a set of offers is proposed for a bundle.' });

const CATEGORY_COUNT = Object.values(ServiceCategory).length;
/** Full offers named for a missing part: the best few. */
const WAITLIST_SHOWN = 5;

@ObjectType('SetReasonExplanation')
export class SetReasonExplanationModel {
  @Field(() => SetReasonEnum) code!: SetReason;
  @Field() message!: string;
  @Field() messageIt!: string;
}

@ObjectType('MissingReasonExplanation')
export class MissingReasonExplanationModel {
  @Field(() => MissingReasonEnum) code!: MissingReason;
  @Field() message!: string;
  @Field() messageIt!: string;
}

@ObjectType('SetPart', { description: 'The offer a set gives one service of the bundle, with its score for that request.' })
export class SetPartModel {
  @Field(() => ID) helpRequestId!: string;
  @Field(() => ServiceCategory) category!: ServiceCategory;
  @Field(() => OfferModel) offer!: OfferModel;
  @Field(() => Float) score!: number;
}

@ObjectType('MissingPart', { description: 'A service of the bundle the set leaves without an offer, and why.' })
export class MissingPartModel {
  @Field(() => ID) helpRequestId!: string;
  @Field(() => ServiceCategory) category!: ServiceCategory;
  @ListSize(MISSING_REASONS.length) @Field(() => [MissingReasonExplanationModel]) reasons!: MissingReasonExplanationModel[];
  @ListSize(WAITLIST_SHOWN) @Field(() => [OfferModel], { description: 'Full offers that would fit: the service could wait for one of them.' }) waitlistOffers!: OfferModel[];
}

@ObjectType('OfferLink', { description: 'Two offers of a set that work together: one declares the other.' })
export class OfferLinkModel {
  @Field(() => ID) offerId!: string;
  @Field(() => ID) partnerOfferId!: string;
}

@ObjectType('OfferSet', { description: 'A set of offers for a bundle: one per service, ranked and explained.' })
export class OfferSetModel {
  @Field({ description: 'Every service of the bundle has an offer.' }) complete!: boolean;
  @ListSize(CATEGORY_COUNT) @Field(() => [SetPartModel]) parts!: SetPartModel[];
  @ListSize(CATEGORY_COUNT) @Field(() => [MissingPartModel]) missing!: MissingPartModel[];
  @Field(() => Int) providerCount!: number;
  @Field(() => Int, { description: 'Groups of offers linked by declared integrations: 1 means they all work together.' }) groups!: number;
  @ListSize((CATEGORY_COUNT * (CATEGORY_COUNT - 1)) / 2) @Field(() => [OfferLinkModel]) links!: OfferLinkModel[];
  @Field(() => Float, { description: 'The sum of the parts’ scores.' }) score!: number;
  @ListSize(SET_REASONS.length) @Field(() => [SetReasonExplanationModel]) why!: SetReasonExplanationModel[];
}

@ObjectType('SetSearch', { description: 'How far the bounded search for sets looked.' })
export class SetSearchModel {
  @Field(() => Int, { description: 'The best eligible offers considered per service.' }) perCategory!: number;
  @Field(() => Int, { description: 'The most partial sets kept after each service.' }) beamWidth!: number;
  @ListSize(CATEGORY_COUNT) @Field(() => [Int]) candidatesPerPart!: number[];
  @Field(() => Int) statesExplored!: number;
  @Field({ description: 'No partial set was dropped: the ranking is exact over the candidates considered.' }) exhaustive!: boolean;
}

@ObjectType('BundleRecommendations', { description: 'Sets of offers for a bundle’s open services, best first; the best partial set when none is complete.' })
export class BundleRecommendationsModel {
  @Field(() => ID) bundleId!: string;
  @ListSize(CATEGORY_COUNT) @Field(() => [ID], { description: 'The open requests the sets are for (matched ones keep their offer).' }) openRequestIds!: string[];
  @ListSize(DEFAULT_SET_SEARCH.maxSets) @Field(() => [OfferSetModel]) sets!: OfferSetModel[];
  @Field(() => OfferSetModel, { nullable: true }) bestPartial!: OfferSetModel | null;
  @Field(() => SetSearchModel) search!: SetSearchModel;
}

@ArgsType()
export class BundleRecommendationArgs {
  @Field(() => ID) @IsUUID('all', identifies('any')) bundleId!: string;
}

export function toBundleRecommendationsModel({ bundle, openRequestIds, result, offers }: BundleRecommendations): BundleRecommendationsModel {
  const offer = (id: string): OfferModel => {
    const entity: OfferEntity | undefined = offers.get(id);
    if (!entity) throw new Error(`set names unknown offer ${id}`);
    return toOfferModel(entity);
  };
  const toSet = (set: OfferSet): OfferSetModel => ({
    complete: set.complete,
    parts: set.parts.map((part) => ({ helpRequestId: part.requestId, category: part.category, offer: offer(part.offerId), score: part.score })),
    missing: set.missing.map((part) => ({
      helpRequestId: part.requestId,
      category: part.category,
      reasons: part.reasons.map((code) => {
        const words = MESSAGES.bundle.missing(code, part.waitlistOfferIds.length > 0);
        return { code, message: words.en, messageIt: words.it };
      }),
      waitlistOffers: part.waitlistOfferIds.slice(0, WAITLIST_SHOWN).map(offer),
    })),
    providerCount: set.providerCount,
    groups: set.groups,
    links: set.links,
    score: set.score,
    why: set.why.map((code) => {
      const words = MESSAGES.bundle.why(code, set.complete);
      return { code, message: words.en, messageIt: words.it };
    }),
  });
  return {
    bundleId: bundle.id,
    openRequestIds,
    sets: result.sets.map(toSet),
    bestPartial: result.bestPartial ? toSet(result.bestPartial) : null,
    search: { ...result.search, perCategory: DEFAULT_SET_SEARCH.perCategory, beamWidth: DEFAULT_SET_SEARCH.beamWidth },
  };
}
