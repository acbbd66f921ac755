import type { IneligibilityReason } from '../model/matching.types';
import type { RankingExplanation } from '../ranking/rank';
import type { ServiceCategory } from '../service-category';

/** One category of a shop's bundle: its help request and the engine's judgement of every candidate offer for it. */
export interface BundlePartInput {
  requestId: string;
  category: ServiceCategory;
  /** `explainAll` for the part's request: eligible offers ranked, full ones, the others with their failed rules. */
  explanation: RankingExplanation;
  /** Offers that would rank or wait for the request but which it refused (given up, or declined by their provider): left out of `explanation`. */
  refusedOfferIds?: readonly string[];
}

/** What the set search needs to know of a candidate offer beyond its score. */
export interface BundleOfferFacts {
  offerId: string;
  providerId: string;
  /** Free places now. Each part a set gives an offer holds one place of it. */
  seatsLeft: number;
}

/** Two offers that work together: one declares the other (the direction does not matter). */
export interface OfferLinkInput {
  offerId: string;
  partnerOfferId: string;
}

export interface SetSearchOptions {
  /** The best this many eligible offers of each category are considered (top-k). */
  perCategory: number;
  /** The most partial sets kept after each category (the beam). */
  beamWidth: number;
  /** The most complete sets returned. */
  maxSets: number;
  /** How many more live matches the shop may hold: a set never gives it more parts than that. */
  room: number;
}

export const DEFAULT_SET_SEARCH: Omit<SetSearchOptions, 'room'> = { perCategory: 5, beamWidth: 256, maxSets: 5 };

/**
 * Why a part has no offer in the set: a rule every candidate fails, the only offers that would
 * serve it being ones the request refused (REFUSED: it may ask one of them again), or no offer
 * covering the shop for the category at all.
 */
export type MissingReason = IneligibilityReason | 'REFUSED' | 'NO_CANDIDATE';

export const SET_REASONS = ['SINGLE_OFFER', 'SINGLE_PROVIDER', 'ALL_INTEGRATED', 'PARTLY_INTEGRATED', 'BEST_SCORES'] as const;

/** Why a set ranks where it does, as machine-readable codes (words are the adapters' job); listed in SET_REASONS. */
export type SetReason =
  /** One offer covers every category asked. */
  | 'SINGLE_OFFER'
  /** Several offers, all from one provider. */
  | 'SINGLE_PROVIDER'
  /** Every offer of the set is linked to the others through declared integrations. */
  | 'ALL_INTEGRATED'
  /** Some of the set's offers declare integrations with each other, not all. */
  | 'PARTLY_INTEGRATED'
  /** No integration links the offers: chosen for the best scores. */
  | 'BEST_SCORES';

export interface SetPart {
  requestId: string;
  category: ServiceCategory;
  offerId: string;
  providerId: string;
  /** The offer's score for this part's request (explained by the ranking). */
  score: number;
}

export interface MissingPart {
  requestId: string;
  category: ServiceCategory;
  /** Every reason, in the rules' order: for the candidates closest to fitting (fewest failed rules). */
  reasons: MissingReason[];
  /** Full offers that would otherwise fit: the part could wait for one of them. */
  waitlistOfferIds: string[];
}

export interface OfferSet {
  complete: boolean;
  /** One per category served, in the order of the bundle's parts. */
  parts: SetPart[];
  /** The categories the set leaves out, and why. Empty when complete. */
  missing: MissingPart[];
  /** The distinct offers, by id. */
  offerIds: string[];
  providerCount: number;
  /** Groups of offers connected by declared integrations (one offer alone is a group): 1 means all work together. */
  groups: number;
  /** The declared integrations among the set's offers. */
  links: OfferLinkInput[];
  /** The sum of the parts' scores. */
  score: number;
  why: SetReason[];
}

export interface SetRecommendations {
  /** Complete sets, best first: fewest groups, then fewest providers, then the highest score, then offer ids. */
  sets: OfferSet[];
  /** When no complete set exists: the set serving the most parts, ranked the same way, with what is missing. */
  bestPartial: OfferSet | null;
  search: {
    /** Eligible offers considered per part (after top-k), in the order of the parts. */
    candidatesPerPart: number[];
    /** Partial sets scored during the search. */
    statesExplored: number;
    /** True when the beam never had to drop a partial set: the ranking is then exact for the top-k candidates. */
    exhaustive: boolean;
  };
}
