import { AllocationNetwork } from '../src/allocation/network/allocation-network';

/**
 * The baseline the allocator replaces: requests in the order they were created (ties by id),
 * each taking the first eligible offer with room (in offer order) that its shop's limits allow —
 * one live match per category, at most K live matches per shop. Returns how many it serves.
 */
export function firstComeFirstServed(network: AllocationNetwork): number {
  const { requests, remaining, edgeStart, edgeOffer, shops, shopOf, categoryTaken } = network;
  const R = requests.length;
  const order = Array.from({ length: R }, (_, r) => r).sort((a, b) => requests[a].createdAt - requests[b].createdAt || a - b);
  const room = remaining.slice();
  const shopRoom = Int32Array.from(shops, (shop) => shop.freeSlots);
  const servedCategories = new Set<string>();
  let served = 0;
  for (const r of order) {
    const shop = shopOf[r];
    const category = `${shop}|${requests[r].category}`;
    if (categoryTaken[r] === 1 || shopRoom[shop] === 0 || servedCategories.has(category)) continue;
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      const o = edgeOffer[e];
      if (room[o] === 0) continue;
      room[o]--;
      shopRoom[shop]--;
      servedCategories.add(category);
      served++;
      break;
    }
  }
  return served;
}
