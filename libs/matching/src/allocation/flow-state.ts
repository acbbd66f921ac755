import { HeapPool } from './heap-pool';
import { TransportProblem } from './transport-problem';

/** Side of the maximal minimum cut a node lies on (see maximum-flow.ts). */
export const UNDER_DEMANDED = 0;
export const OVER_DEMANDED = 1;

/**
 * Flow and potentials of the allocation network while the min-cost solvers run.
 *
 * A served request ("holder") always sits on a tight arc (reduced cost 0), so its potential is
 * not stored but derived: π(h) = π(offer) − cost(a). Moving a holder from offer o to offer o'
 * over its edge e' therefore costs cost(e') − cost(a) + π(o) − π(o'). For each pair (o, o') the
 * holders' options sit in a heap keyed by cost(e') − cost(a), which does not depend on
 * potentials, so a search relaxes each pair once, with its cheapest mover, instead of every edge
 * of every holder. The pairs leaving an offer are built the first time a request-side search
 * reaches it, then kept up to date as holders come and go (the slot side keeps its own heaps).
 */
export class FlowState {
  readonly m: number;
  readonly firstExtra: number;
  readonly n: number;
  /** Potentials of offers, extra nodes and unserved requests (holders: see potentialOf). */
  readonly pi: Float64Array;
  readonly edgeRequest: Int32Array;
  /** Per request: the edge serving it, or -1. */
  readonly assigned: Int32Array;
  readonly slotStart: Int32Array;
  readonly slotCount: Int32Array;
  readonly slots: Int32Array;
  private readonly slotPosition: Int32Array;
  /** Per non-top node: 1 when its parent hands it a unit. */
  readonly parentFlow: Uint8Array;
  /** Per top node: units it routes (the rest of its supply goes to ⊥). */
  readonly topFlow: Int32Array;
  /** Per node: OVER_DEMANDED or UNDER_DEMANDED. */
  readonly side: Uint8Array;
  /** Per offer: the pairs leaving it are indexed (request side only). */
  readonly indexed: Uint8Array;
  /** Per pair: holders' edges to the target, keyed by cost(e') − cost(a). */
  readonly transfers: HeapPool;
  private readonly pairId = new Map<number, number>();
  readonly pairsOut: number[][];
  readonly pairTarget: number[] = [];

  constructor(
    readonly problem: TransportProblem,
    side: Uint8Array,
  ) {
    const { offerCount: m, requestCount: R, extraCount: X, edgeStart, edgeOffer, offerCapacity } = problem;
    this.m = m;
    this.firstExtra = m + R;
    this.n = m + R + X;
    this.side = side;
    const edges = edgeOffer.length;
    this.pi = new Float64Array(this.n);
    this.edgeRequest = new Int32Array(edges);
    this.assigned = new Int32Array(R).fill(-1);
    const degree = new Int32Array(m);
    for (let r = 0; r < R; r++) {
      for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
        this.edgeRequest[e] = r;
        degree[edgeOffer[e]]++;
      }
    }
    // An offer never holds more than its free slots nor more than the requests that reach it.
    this.slotStart = new Int32Array(m + 1);
    for (let o = 0; o < m; o++) {
      this.slotStart[o + 1] = this.slotStart[o] + Math.min(offerCapacity[o], degree[o]);
    }
    this.slots = new Int32Array(this.slotStart[m]);
    this.slotCount = new Int32Array(m);
    this.slotPosition = new Int32Array(edges).fill(-1);
    this.parentFlow = new Uint8Array(this.n);
    this.topFlow = new Int32Array(this.n);
    this.indexed = new Uint8Array(m);
    this.transfers = new HeapPool(m, edges);
    this.pairsOut = Array.from({ length: m }, () => []);
  }

  isFree(o: number): boolean {
    return this.slotCount[o] < this.problem.offerCapacity[o];
  }

  /** Potential of any node; a served request's follows from its offer's. */
  potentialOf(node: number): number {
    if (node >= this.m && node < this.firstExtra) {
      const a = this.assigned[node - this.m];
      if (a >= 0) return this.pi[this.problem.edgeOffer[a]] - this.problem.edgeCost[a];
    }
    return this.pi[node];
  }

  /**
   * A node the over-demanded side can feed: it and every node above it lie on that side (a unit
   * can never cross the cut from the under-demanded side).
   */
  fedFromOverSide(v: number): boolean {
    const { parent } = this.problem;
    for (let u = v; u >= 0; u = parent[u]) if (this.side[u] !== OVER_DEMANDED) return false;
    return true;
  }

  /** Gives a unit from the source down the unique chain of tree arcs to node v. */
  feedChain(v: number): void {
    const { parent } = this.problem;
    let u = v;
    while (parent[u] >= 0) {
      this.parentFlow[u] = 1;
      u = parent[u];
    }
    this.topFlow[u]++;
  }

  assign(e: number): void {
    const o = this.problem.edgeOffer[e];
    const r = this.edgeRequest[e];
    const k = this.slotStart[o] + this.slotCount[o]++;
    this.slots[k] = e;
    this.slotPosition[e] = k;
    this.assigned[r] = e;
    this.addHolder(o, e);
  }

  /** Unserves the request of edge e; its potential becomes explicit again. */
  unassign(e: number): void {
    const o = this.problem.edgeOffer[e];
    const r = this.edgeRequest[e];
    this.pi[this.m + r] = this.potentialOf(this.m + r);
    const k = this.slotPosition[e];
    const last = this.slotStart[o] + --this.slotCount[o];
    const moved = this.slots[last];
    this.slots[k] = moved;
    this.slotPosition[moved] = k;
    this.slotPosition[e] = -1;
    this.assigned[r] = -1;
    this.removeHolder(o, e);
  }

  /** Indexes the pairs leaving offer o (request side). */
  indexOut(o: number): void {
    this.indexed[o] = 1;
    for (let k = this.slotStart[o]; k < this.slotStart[o] + this.slotCount[o]; k++) this.addHolder(o, this.slots[k]);
  }

  private pair(source: number, target: number): number {
    const key = source * this.m + target;
    let id = this.pairId.get(key);
    if (id === undefined) {
      id = this.pairTarget.length;
      this.pairId.set(key, id);
      this.pairTarget.push(target);
      this.pairsOut[source].push(id);
      this.transfers.ensureHeaps(id + 1);
    }
    return id;
  }

  private addHolder(o: number, a: number): void {
    if (this.indexed[o] === 0) return;
    const { edgeStart, edgeCost, edgeOffer } = this.problem;
    const r = this.edgeRequest[a];
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      const target = edgeOffer[e];
      if (e !== a && target !== o && this.side[target] === UNDER_DEMANDED) this.transfers.insert(this.pair(o, target), e, edgeCost[e] - edgeCost[a]);
    }
  }

  private removeHolder(o: number, a: number): void {
    if (this.indexed[o] === 0) return;
    const { edgeStart, edgeOffer } = this.problem;
    const r = this.edgeRequest[a];
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      if (e !== a && this.transfers.has(e)) this.transfers.remove(this.pair(o, edgeOffer[e]), e);
    }
  }
}
