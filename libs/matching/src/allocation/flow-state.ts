import { HeapPool } from './heap-pool';
import { TransportProblem } from './transport-problem';

/**
 * Flow and potentials of the allocation network while the solver runs.
 *
 * A served request ("holder") always sits on a tight arc (reduced cost 0), so its potential is
 * not stored but derived: π(h) = π(offer) − cost(a). Moving a holder from offer o to offer o'
 * over its edge e' therefore costs cost(e') − cost(a) + π(o) − π(o'). For each pair (o, o') the
 * holders' options sit in a heap keyed by cost(e') − cost(a), which does not depend on
 * potentials, so a search reaching o relaxes each target o' once, with its cheapest mover,
 * instead of every edge of every holder. Pairs are built the first time a search reaches the
 * offer, then kept up to date as holders come and go.
 */
export class FlowState {
  readonly m: number;
  readonly firstExtra: number;
  readonly n: number;
  /** Potentials of offers, extra nodes and unserved requests (holders: see potentialOf). */
  readonly pi: Float64Array;
  readonly edgeFlow: Uint8Array;
  readonly edgeRequest: Int32Array;
  /** Per request: the edge serving it, or -1. */
  readonly assigned: Int32Array;
  readonly slotStart: Int32Array;
  readonly slotCount: Int32Array;
  readonly slots: Int32Array;
  private readonly slotPosition: Int32Array;
  readonly parentFlow: Uint8Array;
  /** Per top node: units sent to ⊥. */
  readonly bottomFlow: Int32Array;
  /** Per offer: holders that sit under a shop or category node (their arc up needs a look). */
  readonly treeHolders: Int32Array;
  readonly built: Uint8Array;
  /** Per (offer, target offer) pair: holders' edges to the target, keyed by cost(e') − cost(a). */
  readonly transfers: HeapPool;
  /** Pair ids by offer · offers + target. */
  private readonly pairId = new Map<number, number>();
  /** Per offer: ids of its pairs; per pair: its target offer. */
  readonly pairsOf: number[][];
  readonly pairTarget: number[] = [];
  /** Per offer: edges of its top-node holders keyed by −cost (the costliest can go to ⊥). */
  readonly topHolders: HeapPool;

  constructor(readonly problem: TransportProblem) {
    const { offerCount: m, requestCount: R, extraCount: X, edgeStart, edgeOffer, offerCapacity } = problem;
    this.m = m;
    this.firstExtra = m + R;
    this.n = m + R + X;
    const edges = edgeOffer.length;
    this.pi = new Float64Array(this.n);
    this.edgeFlow = new Uint8Array(edges);
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
    for (let o = 0; o < m; o++) this.slotStart[o + 1] = this.slotStart[o] + Math.min(offerCapacity[o], degree[o]);
    this.slots = new Int32Array(this.slotStart[m]);
    this.slotCount = new Int32Array(m);
    this.slotPosition = new Int32Array(edges).fill(-1);
    this.parentFlow = new Uint8Array(this.n);
    this.bottomFlow = new Int32Array(this.n);
    this.treeHolders = new Int32Array(m);
    this.built = new Uint8Array(m);
    this.transfers = new HeapPool(m, edges);
    this.pairsOf = Array.from({ length: m }, () => []);
    this.topHolders = new HeapPool(m, edges);
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

  assign(e: number): void {
    const o = this.problem.edgeOffer[e];
    const r = this.edgeRequest[e];
    const k = this.slotStart[o] + this.slotCount[o]++;
    this.slots[k] = e;
    this.slotPosition[e] = k;
    this.edgeFlow[e] = 1;
    this.assigned[r] = e;
    if (this.problem.parent[this.m + r] >= 0) this.treeHolders[o]++;
    if (this.built[o] === 1) this.addHolder(o, e);
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
    this.edgeFlow[e] = 0;
    this.assigned[r] = -1;
    if (this.problem.parent[this.m + r] >= 0) this.treeHolders[o]--;
    if (this.built[o] === 1) this.removeHolder(o, e);
  }

  /** Builds an offer's heaps the first time a search needs them. */
  build(o: number): void {
    this.built[o] = 1;
    for (let k = this.slotStart[o]; k < this.slotStart[o] + this.slotCount[o]; k++) this.addHolder(o, this.slots[k]);
  }

  private pair(o: number, target: number): number {
    const key = o * this.m + target;
    let id = this.pairId.get(key);
    if (id === undefined) {
      id = this.pairTarget.length;
      this.pairId.set(key, id);
      this.pairTarget.push(target);
      this.pairsOf[o].push(id);
      this.transfers.ensureHeaps(id + 1);
    }
    return id;
  }

  private addHolder(o: number, a: number): void {
    const { edgeStart, edgeCost, edgeOffer, parent } = this.problem;
    const r = this.edgeRequest[a];
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      if (e !== a) this.transfers.insert(this.pair(o, edgeOffer[e]), e, edgeCost[e] - edgeCost[a]);
    }
    if (parent[this.m + r] < 0) this.topHolders.insert(o, a, -edgeCost[a]);
  }

  private removeHolder(o: number, a: number): void {
    const { edgeStart, edgeOffer } = this.problem;
    const r = this.edgeRequest[a];
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      if (e !== a && this.transfers.has(e)) this.transfers.remove(this.pair(o, edgeOffer[e]), e);
    }
    if (this.topHolders.has(a)) this.topHolders.remove(o, a);
  }
}
