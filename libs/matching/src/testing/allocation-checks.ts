import { eligibility } from '../eligibility/eligibility';
import { AllocationContext, IneligibilityReason, MatchingOffer, MatchingRequest } from '../model/matching.types';
import type { AllocationResult } from '../allocation/allocate';

/** Rules that only capacity and shop limits decide: what the allocator itself arbitrates. */
const ARBITRATED: ReadonlySet<IneligibilityReason> = new Set(['FULL', 'SHOP_CATEGORY_LIMIT', 'SHOP_LIMIT']);

/**
 * Everything an allocation result must respect, checked from the public rules alone: each
 * request listed once (served or not), no offer over its free slots, every assignment passing
 * every rule but capacity and the shop's limits, the shop limits counted with the live matches
 * the shops already have. Returns the violations found (none: an empty list).
 */
export function feasibilityViolations(
  requests: readonly MatchingRequest[],
  offers: readonly MatchingOffer[],
  context: AllocationContext,
  result: Pick<AllocationResult, 'assignments' | 'unserved'>,
): string[] {
  const violations: string[] = [];
  const requestOf = new Map(requests.map((r) => [r.id, r]));
  const offerOf = new Map(offers.map((o) => [o.id, o]));
  const listed = [...result.assignments.map((a) => a.requestId), ...result.unserved.map((u) => u.requestId)].sort();
  if (JSON.stringify(listed) !== JSON.stringify(requests.map((r) => r.id).sort())) violations.push('requests not listed exactly once');

  const perOffer = new Map<string, number>();
  const perShop = new Map<string, number>();
  const perShopCategory = new Map<string, number>();
  const liveTotal = new Map<string, number>();
  const liveCategory = new Map<string, number>();
  for (const r of requests) {
    liveTotal.set(r.shopId, Math.max(liveTotal.get(r.shopId) ?? 0, r.shopLiveMatches.total));
    const key = `${r.shopId}|${r.category}`;
    liveCategory.set(key, Math.max(liveCategory.get(key) ?? 0, r.shopLiveMatches.byCategory[r.category] ?? 0));
  }
  for (const a of result.assignments) {
    const request = requestOf.get(a.requestId);
    const offer = offerOf.get(a.offerId);
    if (!request || !offer) {
      violations.push(`unknown pair ${a.requestId} → ${a.offerId}`);
      continue;
    }
    const verdict = eligibility(request, offer, context);
    if (!verdict.ok && verdict.failed.some((reason) => !ARBITRATED.has(reason))) violations.push(`${a.requestId} → ${a.offerId} fails ${verdict.failed.join(', ')}`);
    if (context.excludedPairs?.get(request.id)?.has(offer.id)) violations.push(`${a.requestId} → ${a.offerId} is excluded`);
    perOffer.set(offer.id, (perOffer.get(offer.id) ?? 0) + 1);
    perShop.set(request.shopId, (perShop.get(request.shopId) ?? 0) + 1);
    const key = `${request.shopId}|${request.category}`;
    perShopCategory.set(key, (perShopCategory.get(key) ?? 0) + 1);
  }
  for (const [id, n] of perOffer) {
    const offer = offerOf.get(id);
    if (offer && n > Math.max(0, offer.capacity - offer.used)) violations.push(`offer ${id} over its free slots`);
  }
  for (const [shop, n] of perShop) if ((liveTotal.get(shop) ?? 0) + n > context.maxLiveMatchesPerShop) violations.push(`shop ${shop} over K`);
  for (const [key, n] of perShopCategory) if ((liveCategory.get(key) ?? 0) + n > 1) violations.push(`${key} twice in a category`);
  return violations;
}

/** Sets (by setId) with some but not all of their requests served. */
export function partiallyServedSets(requests: readonly MatchingRequest[], result: Pick<AllocationResult, 'assignments'>): string[] {
  const served = new Set(result.assignments.map((a) => a.requestId));
  const bySet = new Map<string, boolean[]>();
  for (const r of requests) if (r.setId != null) bySet.set(r.setId, [...(bySet.get(r.setId) ?? []), served.has(r.id)]);
  return [...bySet].filter(([, flags]) => flags.some(Boolean) && !flags.every(Boolean)).map(([id]) => id).sort();
}
