import { COVERAGE_LEVELS, CoverageLevel, EpochMs } from '../model/matching.types';
import { MatchingInputError } from '../model/matching-input.error';

/**
 * How the allocator prices serving a request with an offer. Every term is a non-negative integer,
 * so the optimum is exact (no floating-point ties) and reproducible.
 *
 *   cost = perCoverageLevel × level rank (0 comune … 4 national)
 *        + perKm × min(km, maxKm), rounded            (radius coverage only; area coverage is 0 km)
 *        + perDayYounger × (agePriorityDays − min(age in days, agePriorityDays))
 *        + perAlternative × (min(alternatives, maxAlternatives) − 1)
 *
 * The last two terms depend on the request only: a request that waited longer, or that has fewer
 * offers with room to choose from, is cheaper to serve, so when not everyone can be served the
 * optimum keeps it. Local coverage is cheaper so that national capacity is left for shops that
 * have nothing closer.
 */
export interface AllocationCostWeights {
  perCoverageLevel: number;
  perKm: number;
  maxKm: number;
  perDayYounger: number;
  agePriorityDays: number;
  perAlternative: number;
  maxAlternatives: number;
}

export const DEFAULT_ALLOCATION_COST_WEIGHTS: Readonly<AllocationCostWeights> = {
  perCoverageLevel: 100,
  perKm: 2,
  maxKm: 250,
  perDayYounger: 5,
  agePriorityDays: 90,
  perAlternative: 25,
  maxAlternatives: 20,
};

const DAY_MS = 86_400_000;
/** Keeps the solver's sentinel cost (requests × max edge cost) far inside float64's exact integers. */
const MAX_EDGE_COST = 10_000_000;

const LEVEL_RANK: Readonly<Record<CoverageLevel, number>> = Object.fromEntries(
  COVERAGE_LEVELS.map((level, rank) => [level, rank]),
) as Record<CoverageLevel, number>;

export function coverageLevelRank(level: CoverageLevel): number {
  return LEVEL_RANK[level];
}

export function resolveCostWeights(overrides: Partial<AllocationCostWeights> | undefined): AllocationCostWeights {
  const weights = { ...DEFAULT_ALLOCATION_COST_WEIGHTS, ...overrides };
  for (const [name, value] of Object.entries(weights)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new MatchingInputError('INVALID_COST_WEIGHTS', `costWeights.${name} must be a finite number ≥ 0`);
    }
  }
  if (maxEdgeCost(weights) > MAX_EDGE_COST) {
    throw new MatchingInputError('INVALID_COST_WEIGHTS', `costWeights allow an edge cost above ${MAX_EDGE_COST}`);
  }
  return weights;
}

/** The most one edge can cost under these weights. */
export function maxEdgeCost(weights: AllocationCostWeights): number {
  return Math.ceil(
    weights.perCoverageLevel * (COVERAGE_LEVELS.length - 1) +
      weights.perKm * weights.maxKm +
      weights.perDayYounger * weights.agePriorityDays +
      weights.perAlternative * weights.maxAlternatives,
  );
}

/** The part of the cost that depends on the request alone (age and alternatives). */
export function requestCostTerm(
  weights: AllocationCostWeights,
  createdAt: EpochMs,
  now: EpochMs,
  alternatives: number,
): number {
  const ageDays = Math.max(0, Math.floor((now - createdAt) / DAY_MS));
  const younger = weights.agePriorityDays - Math.min(ageDays, weights.agePriorityDays);
  const extra = Math.max(0, Math.min(alternatives, weights.maxAlternatives) - 1);
  return Math.round(weights.perDayYounger * younger + weights.perAlternative * extra);
}

/** The part of the cost that depends on how the offer reaches the shop. */
export function offerCostTerm(weights: AllocationCostWeights, levelRank: number, distanceKm: number): number {
  return Math.round(weights.perCoverageLevel * levelRank + weights.perKm * Math.min(distanceKm, weights.maxKm));
}
