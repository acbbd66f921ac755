import { FlowState, OVER_DEMANDED } from './flow-state';
import { OverSideIndex } from './over-side-index';
import { PairLists } from './pair-lists';
import { PairTable } from './pair-table';

/**
 * The moves that bring a holder INTO an offer, for the slot-side solver: per (source, target)
 * pair of over-demanded offers, the source's holders that have an edge to the target, keyed by cost(e') − cost(a), which does not depend on potentials (see FlowState). A search
 * settling the target relaxes each source once, with its cheapest mover. A target's pairs are
 * built the first time a search settles it, then kept up to date as holders come and go; only
 * pairs that hold someone are listed.
 */
export class InwardTransfers {
  readonly heaps: PairLists;
  readonly pairSource: number[] = [];
  private readonly pairTarget: number[] = [];
  private readonly table: PairTable;
  private readonly active: number[][];
  private readonly activePosition: number[] = [];
  private readonly indexed: Uint8Array;

  constructor(
    private readonly state: FlowState,
    private readonly edges: OverSideIndex,
  ) {
    const { m, edgeRequest } = state;
    this.heaps = new PairLists(edgeRequest.length);
    this.table = new PairTable(m, 4 * m);
    this.active = Array.from({ length: m }, () => []);
    this.indexed = new Uint8Array(m);
  }

  /** Pairs into t with at least one holder (build them first with index). */
  into(t: number): readonly number[] {
    return this.active[t];
  }

  isIndexed(t: number): boolean {
    return this.indexed[t] === 1;
  }

  /** Builds the pairs into t from every holder elsewhere with an edge to t. */
  index(t: number): void {
    this.indexed[t] = 1;
    const { state } = this;
    const { edgeOffer, edgeCost } = state.problem;
    const { edge, request, cost } = this.edges;
    for (let k = this.edges.start[t]; k < this.edges.start[t + 1]; k++) {
      const a = state.assigned[request[k]];
      if (a < 0 || a === edge[k]) continue;
      const source = edgeOffer[a];
      if (source !== t && state.side[source] === OVER_DEMANDED) this.insert(source, t, edge[k], cost[k] - edgeCost[a]);
    }
  }

  /** Request of edge a was just placed on offer(a). */
  addHolder(a: number): void {
    const { state } = this;
    const { edgeStart, edgeOffer, edgeCost } = state.problem;
    const o = edgeOffer[a];
    const r = state.edgeRequest[a];
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      const t = edgeOffer[e];
      if (e !== a && t !== o && this.indexed[t] === 1 && state.side[t] === OVER_DEMANDED) this.insert(o, t, e, edgeCost[e] - edgeCost[a]);
    }
  }

  /** Request of edge a is about to leave offer(a). */
  removeHolder(a: number): void {
    const { state, heaps } = this;
    const { edgeStart } = state.problem;
    const r = state.edgeRequest[a];
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      if (e === a || !heaps.has(e)) continue;
      const pair = heaps.setOfItem(e);
      heaps.remove(e);
      if (heaps.size(pair) === 0) this.deactivate(pair);
    }
  }

  private insert(source: number, target: number, e: number, key: number): void {
    let pair = this.table.get(source, target);
    if (pair < 0) {
      pair = this.pairSource.length;
      this.table.set(source, target, pair);
      this.pairSource.push(source);
      this.pairTarget.push(target);
      this.activePosition.push(-1);
      this.heaps.ensureSets(pair + 1);
    }
    this.heaps.insert(pair, e, key);
    if (this.activePosition[pair] < 0) {
      const list = this.active[target];
      this.activePosition[pair] = list.length;
      list.push(pair);
    }
  }

  private deactivate(pair: number): void {
    const list = this.active[this.pairTarget[pair]];
    const i = this.activePosition[pair];
    const last = list.pop() as number;
    if (last !== pair) {
      list[i] = last;
      this.activePosition[last] = i;
    }
    this.activePosition[pair] = -1;
  }
}
