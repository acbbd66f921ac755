import {
  CoverageLevel,
  EligibilityResult,
  IneligibilityReason,
  MatchingContext,
  MatchingOffer,
  MatchingRequest,
} from '../model/matching.types';
import { compileOffer, CompiledOffer, matchCoverage, remainingCapacity, sectorEligible, validityFailures } from './compiled-offer';

const ELIGIBLE: EligibilityResult = { ok: true };

/** The shop's live matches in the request's category (rule 6, first half). */
export function liveInCategory(request: MatchingRequest): number {
  return request.shopLiveMatches.byCategory[request.category] ?? 0;
}

/** Every failed rule, in the canonical order of INELIGIBILITY_REASONS. */
export function failedRules(request: MatchingRequest, offer: CompiledOffer, context: MatchingContext): IneligibilityReason[] {
  const failed: IneligibilityReason[] = [];
  if (!offer.categories.has(request.category)) failed.push('CATEGORY');
  if (matchCoverage(request.location, offer) === null) failed.push('OUTSIDE_COVERAGE');
  if (!sectorEligible(request.sector, offer)) failed.push('SECTOR');
  if (remainingCapacity(offer.offer) === 0) failed.push('FULL');
  failed.push(...validityFailures(offer.offer, context.now));
  if (liveInCategory(request) >= 1) failed.push('SHOP_CATEGORY_LIMIT');
  if (request.shopLiveMatches.total >= context.maxLiveMatchesPerShop) failed.push('SHOP_LIMIT');
  return failed;
}

export function toEligibilityResult(failed: IneligibilityReason[]): EligibilityResult {
  const [first, ...rest] = failed;
  return first === undefined ? ELIGIBLE : { ok: false, failed: [first, ...rest] };
}

/** Whether `offer` may serve `request` now, listing every rule it fails (rules 1-6 of docs/product.md). */
export function eligibility(request: MatchingRequest, offer: MatchingOffer, context: MatchingContext): EligibilityResult {
  return toEligibilityResult(failedRules(request, compileOffer(offer), context));
}

/** The most local level at which the offer covers the shop: COMUNE > RADIUS > PROVINCE > REGION > NATIONAL. */
export function coverageLevel(request: MatchingRequest, offer: MatchingOffer): CoverageLevel | null {
  return matchCoverage(request.location, compileOffer(offer))?.level ?? null;
}
