import { FlowState, OVER_DEMANDED } from './flow-state';

/**
 * Every edge from a request the over-demanded side can feed into an over-demanded offer, grouped
 * by offer and sorted by (cost, edge id), with the request and cost stored alongside. The slot
 * side reads offers' in-edges over and over; contiguous arrays keep those reads sequential, where
 * looking each edge up in request order would jump all over memory. Built by radix sort (costs
 * are integers below 2^24, offers below 2^24): a few linear passes, no comparisons.
 */
export class OverSideIndex {
  readonly start: Int32Array;
  readonly edge: Int32Array;
  readonly request: Int32Array;
  readonly cost: Int32Array;

  constructor(state: FlowState) {
    const { m, edgeRequest } = state;
    const { edgeStart, edgeOffer, edgeCost, requestCount, parent, supply } = state.problem;
    let count = 0;
    const usable = new Uint8Array(requestCount);
    for (let r = 0; r < requestCount; r++) {
      const v = m + r;
      if ((parent[v] < 0 && supply[v] === 0) || state.assigned[r] >= 0 || !state.fedFromOverSide(v)) continue;
      usable[r] = 1;
      count += edgeStart[r + 1] - edgeStart[r];
    }
    // Edges in id order, then stable passes by the low and high 12 bits of the cost, then by offer.
    let items = new Int32Array(count);
    let k = 0;
    for (let r = 0; r < requestCount; r++) {
      if (usable[r] === 0) continue;
      for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) if (state.side[edgeOffer[e]] === OVER_DEMANDED) items[k++] = e;
    }
    items = items.subarray(0, k);
    count = k;
    let spare = new Int32Array(count);
    let maxCost = 0;
    for (let i = 0; i < count; i++) maxCost = Math.max(maxCost, edgeCost[items[i]]);
    for (let shift = 0; shift === 0 || maxCost >>> shift > 0; shift += 12) {
      countingPass(items, spare, (e) => (edgeCost[e] >>> shift) & 4095, 4096);
      [items, spare] = [spare, items];
    }
    this.start = countingPass(items, spare, (e) => edgeOffer[e], m);
    items = spare;
    this.edge = items;
    this.request = new Int32Array(count);
    this.cost = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      this.request[i] = edgeRequest[items[i]];
      this.cost[i] = edgeCost[items[i]];
    }
  }
}

/** Stable counting sort of `from` into `to` by digit (0 ≤ digit < buckets); returns bucket starts. */
function countingPass(from: Int32Array, to: Int32Array, digit: (item: number) => number, buckets: number): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < from.length; i++) start[digit(from[i]) + 1]++;
  for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
  const fill = start.slice(0, buckets);
  for (let i = 0; i < from.length; i++) {
    const item = from[i];
    to[fill[digit(item)]++] = item;
  }
  return start;
}
