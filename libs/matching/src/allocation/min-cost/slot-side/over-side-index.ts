import { OVER_DEMANDED } from '../../max-flow/cut-side';
import { FlowState } from '../flow-state';

/**
 * Every arm from a request the over-demanded side can feed into an over-demanded group, grouped
 * by group and sorted by (cost, arm id), with the request and cost stored alongside. The slot
 * side reads groups' in-arms over and over; contiguous arrays keep those reads sequential. Built
 * by radix sort (costs are integers below 2^24, groups below 2^31): a few linear passes.
 */
export class OverSideIndex {
  /** CSR by group index (node − firstGroup). */
  readonly start: Int32Array;
  readonly arm: Int32Array;
  readonly request: Int32Array;
  readonly cost: Int32Array;
  /** The top of each arm's request: the root of its chain, whose supply an end there draws on. */
  readonly top: Int32Array;

  constructor(state: FlowState) {
    const { m, graph, side, firstGroup } = state;
    const { armStart, armGroup, armCost, armRequest, requestCount, parent, supply, groupCount } = graph;
    let count = 0;
    for (let r = 0; r < requestCount; r++) {
      const v = m + r;
      if ((parent[v] < 0 && supply[v] === 0) || state.assigned[r] >= 0 || !state.fedFromOverSide(v)) continue;
      for (let a = armStart[r]; a < armStart[r + 1]; a++) if (side[armGroup[a]] === OVER_DEMANDED) count++;
    }
    // Arms in id order, then stable passes by the low and high 12 bits of the cost, then by group.
    let items = new Int32Array(count);
    let k = 0;
    for (let r = 0; r < requestCount; r++) {
      const v = m + r;
      if ((parent[v] < 0 && supply[v] === 0) || state.assigned[r] >= 0 || !state.fedFromOverSide(v)) continue;
      for (let a = armStart[r]; a < armStart[r + 1]; a++) if (side[armGroup[a]] === OVER_DEMANDED) items[k++] = a;
    }
    let spare = new Int32Array(count);
    let maxCost = 0;
    for (let i = 0; i < count; i++) maxCost = Math.max(maxCost, armCost[items[i]]);
    for (let shift = 0; shift === 0 || maxCost >>> shift > 0; shift += 12) {
      countingPass(items, spare, (a) => (armCost[a] >>> shift) & 4095, 4096);
      [items, spare] = [spare, items];
    }
    this.start = countingPass(items, spare, (a) => armGroup[a] - firstGroup, groupCount);
    this.arm = spare;
    this.request = new Int32Array(count);
    this.cost = new Int32Array(count);
    this.top = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const r = armRequest[spare[i]];
      this.request[i] = r;
      this.cost[i] = armCost[spare[i]];
      let top = m + r;
      while (parent[top] >= 0) top = parent[top];
      this.top[i] = top;
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
