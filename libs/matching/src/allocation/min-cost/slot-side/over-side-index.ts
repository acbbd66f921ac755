import { OVER_DEMANDED } from '../../max-flow/cut-side';
import { FlowState } from '../flow-state';

/**
 * Every arm from a request the over-demanded side can feed into an over-demanded group, grouped
 * by group and sorted by (cost, arm id), with the request and cost stored alongside. The slot
 * side reads groups' in-arms over and over; contiguous arrays keep those reads sequential. Built
 * by radix sort (costs are integers below 2^24, groups below 2^31): the arms are read once in id
 * order, and each pass carries what the next needs, so no pass reads through an arm id at random.
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
    const { graph, side, firstGroup } = state;
    const { armStart, armGroup, armCost, requestCount, groupCount } = graph;
    // Per request: the top of its chain when it can take part, else -1.
    const topOf = new Int32Array(requestCount);
    let count = 0;
    let maxCost = 0;
    for (let r = 0; r < requestCount; r++) {
      const top = feedingTop(state, r);
      topOf[r] = top;
      if (top < 0) continue;
      for (let a = armStart[r]; a < armStart[r + 1]; a++) {
        if (side[armGroup[a]] !== OVER_DEMANDED) continue;
        count++;
        if (armCost[a] > maxCost) maxCost = armCost[a];
      }
    }
    let items = new Columns(count);
    for (let r = 0, k = 0; r < requestCount; r++) {
      if (topOf[r] < 0) continue;
      for (let a = armStart[r]; a < armStart[r + 1]; a++) {
        if (side[armGroup[a]] !== OVER_DEMANDED) continue;
        items.set(k++, a, armGroup[a] - firstGroup, r, armCost[a]);
      }
    }
    // Stable passes by 12 bits of the cost at a time, lowest first, then by group.
    let spare = new Columns(count);
    const digits = new Int32Array(count);
    for (let shift = 0; shift === 0 || maxCost >>> shift > 0; shift += 12) {
      for (let i = 0; i < count; i++) digits[i] = (items.cost[i] >>> shift) & 4095;
      items.scatterInto(spare, digits, 4096);
      [items, spare] = [spare, items];
    }
    this.start = items.scatterInto(spare, items.group, groupCount);
    this.arm = spare.arm;
    this.request = spare.request;
    this.cost = spare.cost;
    // The group column has served its purpose (start says where each group's run is): it takes the tops.
    this.top = spare.group;
    for (let i = 0; i < count; i++) this.top[i] = topOf[this.request[i]];
  }
}

/** The top of request r's chain when it can take part (unserved, with supply above it, fed from the over-demanded side), else -1. */
function feedingTop(state: FlowState, r: number): number {
  const { parent, supply } = state.graph;
  const v = state.m + r;
  if ((parent[v] < 0 && supply[v] === 0) || state.assigned[r] >= 0 || !state.fedFromOverSide(v)) return -1;
  let top = v;
  while (parent[top] >= 0) top = parent[top];
  return top;
}

/** The index's items as parallel columns, so that a sorting pass reads each one in order. */
class Columns {
  readonly arm: Int32Array;
  readonly group: Int32Array;
  readonly request: Int32Array;
  readonly cost: Int32Array;

  constructor(count: number) {
    this.arm = new Int32Array(count);
    this.group = new Int32Array(count);
    this.request = new Int32Array(count);
    this.cost = new Int32Array(count);
  }

  set(i: number, arm: number, group: number, request: number, cost: number): void {
    this.arm[i] = arm;
    this.group[i] = group;
    this.request[i] = request;
    this.cost[i] = cost;
  }

  /** Stable counting sort of these items into `to` by digit (0 ≤ digit < buckets); returns bucket starts. */
  scatterInto(to: Columns, digits: Int32Array, buckets: number): Int32Array {
    const start = new Int32Array(buckets + 1);
    for (let i = 0; i < digits.length; i++) start[digits[i] + 1]++;
    for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
    const fill = start.slice(0, buckets);
    for (let i = 0; i < digits.length; i++) {
      const j = fill[digits[i]]++;
      to.arm[j] = this.arm[i];
      to.group[j] = this.group[i];
      to.request[j] = this.request[i];
      to.cost[j] = this.cost[i];
    }
    return start;
  }
}
