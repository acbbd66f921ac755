import { compileOffer, CompiledOffer, matchCoverage, remainingCapacity } from '../eligibility/compiled-offer';
import { failedRules } from '../eligibility/eligibility';
import {
  COVERAGE_LEVELS,
  CoverageLevel,
  IneligibilityReason,
  MatchingContext,
  MatchingOffer,
  MatchingRequest,
} from '../model/matching.types';

export type ScoreComponentName = 'COVERAGE' | 'DISTANCE' | 'CATEGORY_FIT' | 'FREE_PERIOD' | 'REMAINING_CAPACITY';

/**
 * One term of the score. `raw` is the measured fact, `value` its normalisation to [0, 1]
 * (1 = best), and `contribution = value × weight` is what it adds to the score.
 */
export interface ScoreComponent {
  name: ScoreComponentName;
  /**
   * COVERAGE: steps away from COMUNE (0 comune … 4 national); DISTANCE: km (see CoverageMatch);
   * CATEGORY_FIT: how many categories the offer spans; FREE_PERIOD: months;
   * REMAINING_CAPACITY: free slots.
   */
  raw: number;
  value: number;
  weight: number;
  contribution: number;
}

export interface RankedOffer {
  offerId: string;
  coverageLevel: CoverageLevel;
  distanceKm: number;
  /** Sum of the contributions, 0 … sum of weights; higher ranks first, ties by offer id. */
  score: number;
  components: readonly ScoreComponent[];
}

export interface IneligibleOffer {
  offerId: string;
  failed: readonly IneligibilityReason[];
}

export interface RankingExplanation {
  /** Eligible offers, best first. */
  ranked: RankedOffer[];
  /**
   * Offers that fail only because they are full: the shop may join their waitlist. Scored like
   * the eligible ones (with no seats left), best first.
   */
  waitlist: RankedOffer[];
  /** Every other offer with the rules it fails, by offer id. */
  ineligible: IneligibleOffer[];
}

export type RankWeights = Readonly<Record<ScoreComponentName, number>>;

/** Locality first, as docs/product.md lists it; weights sum to 100 so a score reads as points out of 100. */
export const DEFAULT_RANK_WEIGHTS: RankWeights = {
  COVERAGE: 40,
  DISTANCE: 20,
  CATEGORY_FIT: 15,
  FREE_PERIOD: 15,
  REMAINING_CAPACITY: 10,
};

/** The distance value is 1 / (1 + d / this): half at this many km, a third at twice as many; close providers matter, far ones still count a little. */
const DISTANCE_HALF_KM = 10;
/** A free period of two years or more earns the full FREE_PERIOD value. */
const FREE_PERIOD_FULL_MONTHS = 24;

/** Six decimals, as scores and distances are kept: 95.333333, not 95.33333300000001. */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

function component(name: ScoreComponentName, raw: number, value: number, weights: RankWeights): ScoreComponent {
  const weight = weights[name];
  return { name, raw, value: round6(value), weight, contribution: round6(value * weight) };
}

function scoreOffer(request: MatchingRequest, offer: CompiledOffer, weights: RankWeights): RankedOffer {
  const match = matchCoverage(request.location, offer);
  if (match === null) throw new Error('scoreOffer called on an offer that does not cover the shop');
  const levelRank = COVERAGE_LEVELS.indexOf(match.level);
  const categoryCount = Math.max(1, offer.categories.size);
  const months = Math.max(0, offer.offer.freePeriodMonths);
  const remaining = remainingCapacity(offer.offer);
  const capacity = Math.max(1, offer.offer.capacity);
  const components = [
    component('COVERAGE', levelRank, 1 - levelRank / (COVERAGE_LEVELS.length - 1), weights),
    component('DISTANCE', round6(match.distanceKm), 1 / (1 + match.distanceKm / DISTANCE_HALF_KM), weights),
    // A specialist (one category) fits better than a generalist spreading itself across many.
    component('CATEGORY_FIT', categoryCount, 1 / categoryCount, weights),
    component('FREE_PERIOD', months, Math.min(months, FREE_PERIOD_FULL_MONTHS) / FREE_PERIOD_FULL_MONTHS, weights),
    component('REMAINING_CAPACITY', remaining, Math.min(1, remaining / capacity), weights),
  ];
  const score = round6(components.reduce((sum, c) => sum + c.contribution, 0));
  return { offerId: offer.offer.id, coverageLevel: match.level, distanceKm: round6(match.distanceKm), score, components };
}

const byScoreThenId = (a: RankedOffer, b: RankedOffer): number =>
  b.score - a.score || (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0);

const byOfferId = (a: IneligibleOffer, b: IneligibleOffer): number =>
  a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0;

/** Ranks every offer for one request, lists the full ones it could wait for, and says why each other one is excluded. */
export function explainAll(
  request: MatchingRequest,
  offers: readonly MatchingOffer[],
  context: MatchingContext,
  weights: RankWeights = DEFAULT_RANK_WEIGHTS,
): RankingExplanation {
  const ranked: RankedOffer[] = [];
  const waitlist: RankedOffer[] = [];
  const ineligible: IneligibleOffer[] = [];
  for (const offer of offers) {
    const compiled = compileOffer(offer);
    const failed = failedRules(request, compiled, context);
    if (failed.length === 0) ranked.push(scoreOffer(request, compiled, weights));
    else if (failed.length === 1 && failed[0] === 'FULL') waitlist.push(scoreOffer(request, compiled, weights));
    else ineligible.push({ offerId: offer.id, failed });
  }
  return { ranked: ranked.sort(byScoreThenId), waitlist: waitlist.sort(byScoreThenId), ineligible: ineligible.sort(byOfferId) };
}

/** The eligible offers for one request, best first, each with its explained score. */
export function rank(
  request: MatchingRequest,
  offers: readonly MatchingOffer[],
  context: MatchingContext,
  weights: RankWeights = DEFAULT_RANK_WEIGHTS,
): RankedOffer[] {
  return explainAll(request, offers, context, weights).ranked;
}
