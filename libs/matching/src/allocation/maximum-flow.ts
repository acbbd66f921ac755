import { TransportProblem } from './transport-problem';

/**
 * How many requests can be served at all, and where demand exceeds supply.
 *
 * A greedy pass (tops cheapest first, each request on its cheapest offer with room) places
 * almost every unit; Dinic phases place the rest, with levels counted from the free slots
 * backwards: only the part of the network that can still reach a free slot is ever labelled,
 * which is small exactly when many requests must stay unserved.
 *
 * `overDemanded` marks the nodes that cannot reach a free slot in the final residual graph (the
 * source side of the maximal minimum cut; the last phase's search labels its complement). It is
 * the same for every maximum flow, every arc leaving it is saturated and every arc entering it
 * is empty in every maximum flow, so the min-cost problem splits there into two independent
 * parts (see allocate.ts).
 */
export interface MaximumFlow {
  served: number;
  overDemanded: Uint8Array;
  /** The flow found: per request its edge or -1, per node its arc from the parent, per top its units. */
  assigned: Int32Array;
  parentFlow: Uint8Array;
  topFlow: Int32Array;
  /** Units placed by the greedy pass, and by augmenting paths afterwards, in how many phases. */
  greedy: number;
  augmented: number;
  phases: number;
}

// Arc kinds on a search path (the arc that leads into the node at that depth).
const DOWN = 0;
const UP = 1;
const ASSIGN = 2;
const UNASSIGN = 3;

export function maximumFlow(problem: TransportProblem): MaximumFlow {
  return new MaxFlowSolver(problem).run();
}

class MaxFlowSolver {
  private readonly m: number;
  private readonly firstExtra: number;
  private readonly n: number;
  private readonly load: Int32Array;
  private readonly assigned: Int32Array;
  private readonly edgeRequest: Int32Array;
  /** Edges by offer (CSR), to walk residual arcs backwards. */
  private readonly offerEdgeStart: Int32Array;
  private readonly offerEdges: Int32Array;
  private readonly parentFlow: Uint8Array;
  private readonly topFlow: Int32Array;
  private readonly slotStart: Int32Array;
  private readonly slots: Int32Array;
  private readonly slotPosition: Int32Array;
  /** Distance to a free slot in the current phase, -1 when unlabelled or a dead end. */
  private readonly level: Int32Array;
  private readonly current: Int32Array;
  private readonly queue: Int32Array;
  private readonly stackNode: Int32Array;
  private readonly stackVia: Int32Array;
  private readonly stackViaKind: Uint8Array;
  /** The arc found by the last nextArc call. */
  private arcId = 0;
  private arcKind = 0;

  constructor(private readonly problem: TransportProblem) {
    const { offerCount: m, requestCount: R, extraCount: X, edgeStart, edgeOffer, offerCapacity } = problem;
    this.m = m;
    this.firstExtra = m + R;
    this.n = m + R + X;
    const edges = edgeOffer.length;
    this.load = new Int32Array(m);
    this.assigned = new Int32Array(R).fill(-1);
    this.edgeRequest = new Int32Array(edges);
    this.offerEdgeStart = new Int32Array(m + 1);
    for (let r = 0; r < R; r++) {
      for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
        this.edgeRequest[e] = r;
        this.offerEdgeStart[edgeOffer[e] + 1]++;
      }
    }
    this.slotStart = new Int32Array(m + 1);
    for (let o = 0; o < m; o++) {
      const degree = this.offerEdgeStart[o + 1];
      this.slotStart[o + 1] = this.slotStart[o] + Math.min(offerCapacity[o], degree);
      this.offerEdgeStart[o + 1] += this.offerEdgeStart[o];
    }
    this.offerEdges = new Int32Array(edges);
    const fill = this.offerEdgeStart.slice(0, m);
    for (let e = 0; e < edges; e++) this.offerEdges[fill[edgeOffer[e]]++] = e;
    this.slots = new Int32Array(this.slotStart[m]);
    this.slotPosition = new Int32Array(edges).fill(-1);
    this.parentFlow = new Uint8Array(this.n);
    this.topFlow = new Int32Array(this.n);
    this.level = new Int32Array(this.n);
    this.current = new Int32Array(this.n);
    this.queue = new Int32Array(this.n);
    this.stackNode = new Int32Array(this.n + 1);
    this.stackVia = new Int32Array(this.n + 1);
    this.stackViaKind = new Uint8Array(this.n + 1);
  }

  run(): MaximumFlow {
    const { order, supply } = this.problem;
    let greedy = 0;
    for (let i = 0; i < order.length; i++) {
      const top = order[i];
      while (this.topFlow[top] < supply[top] && this.place(top)) {
        this.topFlow[top]++;
        greedy++;
      }
    }
    let augmented = 0;
    let phases = 0;
    while (this.labelFromFreeSlots()) {
      phases++;
      this.current.fill(0);
      for (let i = 0; i < order.length; i++) {
        const top = order[i];
        while (this.topFlow[top] < supply[top] && this.level[top] >= 0 && this.augment(top)) augmented++;
      }
    }
    // The last search found no top: it labelled exactly the nodes that can reach a free slot.
    const overDemanded = new Uint8Array(this.n);
    for (let v = 0; v < this.n; v++) overDemanded[v] = this.level[v] < 0 ? 1 : 0;
    const { assigned, parentFlow, topFlow } = this;
    return { served: greedy + augmented, overDemanded, assigned, parentFlow, topFlow, greedy, augmented, phases };
  }

  /** Greedy: gives node v one unit if some request below it has an offer with room. */
  private place(v: number): boolean {
    const { m, firstExtra, problem } = this;
    if (v < firstExtra) {
      const r = v - m;
      for (let e = problem.edgeStart[r]; e < problem.edgeStart[r + 1]; e++) {
        const o = problem.edgeOffer[e];
        if (this.load[o] < problem.offerCapacity[o]) {
          this.assign(e);
          return true;
        }
      }
      return false;
    }
    const x = v - firstExtra;
    for (let k = problem.childStart[x]; k < problem.childStart[x + 1]; k++) {
      const c = problem.children[k];
      if (this.parentFlow[c] === 0 && this.place(c)) {
        this.parentFlow[c] = 1;
        return true;
      }
    }
    return false;
  }

  private assign(e: number): void {
    const o = this.problem.edgeOffer[e];
    const k = this.slotStart[o] + this.load[o]++;
    this.slots[k] = e;
    this.slotPosition[e] = k;
    this.assigned[this.edgeRequest[e]] = e;
  }

  private unassign(e: number): void {
    const o = this.problem.edgeOffer[e];
    const k = this.slotPosition[e];
    const last = this.slotStart[o] + --this.load[o];
    const moved = this.slots[last];
    this.slots[k] = moved;
    this.slotPosition[moved] = k;
    this.slotPosition[e] = -1;
    this.assigned[this.edgeRequest[e]] = -1;
  }

  private isUnsaturatedTop(v: number): boolean {
    return this.problem.parent[v] < 0 && this.topFlow[v] < this.problem.supply[v];
  }

  /**
   * Breadth-first search backwards from every offer with room, over residual arcs, up to the
   * first level holding a top with supply left. False when no such top is reached: the flow
   * is maximum.
   */
  private labelFromFreeSlots(): boolean {
    const { m, firstExtra, problem, level, queue, parentFlow, assigned } = this;
    const { parent, childStart, children, edgeOffer, offerCapacity } = problem;
    level.fill(-1);
    let head = 0;
    let tail = 0;
    for (let o = 0; o < m; o++) {
      if (this.load[o] < offerCapacity[o]) {
        level[o] = 0;
        queue[tail++] = o;
      }
    }
    let stop = Infinity;
    const reach = (u: number, at: number): void => {
      if (level[u] >= 0) return;
      level[u] = at;
      queue[tail++] = u;
      if (at < stop && this.isUnsaturatedTop(u)) stop = at;
    };
    while (head < tail) {
      const v = queue[head++];
      const at = level[v] + 1;
      if (at > stop) break;
      if (v < m) {
        for (let k = this.offerEdgeStart[v]; k < this.offerEdgeStart[v + 1]; k++) {
          const e = this.offerEdges[k];
          const r = this.edgeRequest[e];
          if (assigned[r] !== e) reach(m + r, at);
        }
      } else if (v < firstExtra) {
        const a = assigned[v - m];
        if (a >= 0) reach(edgeOffer[a], at);
        else if (parent[v] >= 0) reach(parent[v], at);
      } else {
        if (parent[v] >= 0 && parentFlow[v] === 0) reach(parent[v], at);
        const x = v - firstExtra;
        for (let k = childStart[x]; k < childStart[x + 1]; k++) if (parentFlow[children[k]] === 1) reach(children[k], at);
      }
    }
    return stop < Infinity;
  }

  /**
   * The i-th residual arc out of node v, as the node it leads to (-2: no arc at this index,
   * -1: past the last); the arc itself is left in arcId / arcKind.
   */
  private nextArc(v: number, i: number): number {
    const { m, firstExtra, problem } = this;
    if (v < m) {
      // Offer: each holder can be pushed out to find another place.
      if (i >= this.load[v]) return -1;
      const a = this.slots[this.slotStart[v] + i];
      this.arcId = a;
      this.arcKind = UNASSIGN;
      return m + this.edgeRequest[a];
    }
    if (v < firstExtra) {
      const r = v - m;
      const start = problem.edgeStart[r];
      const degree = problem.edgeStart[r + 1] - start;
      if (i < degree) {
        const e = start + i;
        if (this.assigned[r] === e) return -2;
        this.arcId = e;
        this.arcKind = ASSIGN;
        return problem.edgeOffer[e];
      }
      if (i === degree && this.assigned[r] >= 0 && problem.parent[v] >= 0) {
        this.arcKind = UP;
        return problem.parent[v];
      }
      return -1;
    }
    const x = v - firstExtra;
    const first = problem.childStart[x];
    const count = problem.childStart[x + 1] - first;
    if (i < count) {
      const c = problem.children[first + i];
      if (this.parentFlow[c] === 1) return -2;
      this.arcId = c;
      this.arcKind = DOWN;
      return c;
    }
    if (i === count && problem.parent[v] >= 0 && this.parentFlow[v] === 1) {
      this.arcKind = UP;
      return problem.parent[v];
    }
    return -1;
  }

  /** One augmenting path in the level graph from a top with supply left (Dinic's blocking-flow step). */
  private augment(top: number): boolean {
    const { level, current, stackNode, stackVia, stackViaKind, problem } = this;
    let depth = 0;
    stackNode[0] = top;
    while (depth >= 0) {
      const v = stackNode[depth];
      if (level[v] === 0) {
        if (this.load[v] < problem.offerCapacity[v]) {
          this.apply(top, depth);
          return true;
        }
        level[v] = -1; // filled up during this phase
        depth--;
        continue;
      }
      let w = -2;
      while (w === -2) {
        w = this.nextArc(v, current[v]);
        if (w === -1) break;
        if (w >= 0 && level[w] !== level[v] - 1) w = -2;
        if (w === -2) current[v]++;
      }
      if (w < 0) {
        level[v] = -1;
        depth--;
        if (depth >= 0) current[stackNode[depth]]++;
        continue;
      }
      depth++;
      stackNode[depth] = w;
      stackVia[depth] = this.arcId;
      stackViaKind[depth] = this.arcKind;
    }
    return false;
  }

  private apply(top: number, depth: number): void {
    const { stackNode, stackVia, stackViaKind } = this;
    this.topFlow[top]++;
    // Holders leave before newcomers arrive, so no offer's slot list overflows.
    for (let d = 1; d <= depth; d++) if (stackViaKind[d] === UNASSIGN) this.unassign(stackVia[d]);
    for (let d = 1; d <= depth; d++) {
      const kind = stackViaKind[d];
      if (kind === ASSIGN) this.assign(stackVia[d]);
      else if (kind === DOWN) this.parentFlow[stackVia[d]] = 1;
      else if (kind === UP) this.parentFlow[stackNode[d - 1]] = 0;
    }
  }
}
