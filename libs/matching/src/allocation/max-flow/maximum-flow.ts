import { AllocationGraph } from '../network/allocation-graph';

/**
 * How many requests can be served at all, and where demand exceeds supply.
 *
 * A greedy pass (tops cheapest first, each request on its cheapest group with an offer with room)
 * places almost every unit; Dinic phases place the rest, with levels counted from the free slots
 * backwards: only the part of the network that can still reach a free slot is ever labelled,
 * which is small exactly when many requests must stay unserved.
 *
 * `overDemanded` marks the nodes that cannot reach a free slot in the final residual graph (the
 * source side of the maximal minimum cut; the last phase's search labels its complement). It is
 * the same for every maximum flow, every arc leaving it is saturated and every arc entering it
 * is empty in every maximum flow, so the min-cost problem splits there into two independent
 * parts (see allocation-solver.ts).
 */
export interface MaximumFlow {
  served: number;
  overDemanded: Uint8Array;
  /** The flow found: per request its arm or -1, per member arc its units, per node its arc from the parent, per top its units. */
  assigned: Int32Array;
  memberFlow: Int32Array;
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
const FEED = 4;
const UNFEED = 5;

export function maximumFlow(graph: AllocationGraph): MaximumFlow {
  return new MaxFlowSolver(graph).run();
}

class MaxFlowSolver {
  private readonly m: number;
  private readonly firstExtra: number;
  private readonly firstGroup: number;
  private readonly n: number;
  private readonly load: Int32Array;
  private readonly assigned: Int32Array;
  private readonly memberFlow: Int32Array;
  /** Per group: the arms of its holders (CSR sized by the arms into it), and where each arm sits. */
  private readonly holderCount: Int32Array;
  private readonly holders: Int32Array;
  private readonly holderPosition: Int32Array;
  /** Per group: first member that may have room (the greedy pass only ever fills offers). */
  private readonly roomy: Int32Array;
  private readonly parentFlow: Uint8Array;
  private readonly topFlow: Int32Array;
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

  constructor(private readonly graph: AllocationGraph) {
    const { offerCount: m, requestCount: R, firstGroup, nodeCount: n, memberStart, groupCount, armGroup } = graph;
    this.m = m;
    this.firstExtra = m + R;
    this.firstGroup = firstGroup;
    this.n = n;
    this.load = new Int32Array(m);
    this.assigned = new Int32Array(R).fill(-1);
    this.memberFlow = new Int32Array(graph.memberOffer.length);
    this.holderCount = new Int32Array(groupCount);
    this.holders = new Int32Array(armGroup.length);
    this.holderPosition = new Int32Array(armGroup.length).fill(-1);
    this.roomy = memberStart.slice(0, groupCount);
    this.parentFlow = new Uint8Array(n);
    this.topFlow = new Int32Array(n);
    this.level = new Int32Array(n);
    this.current = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.stackNode = new Int32Array(n + 1);
    this.stackVia = new Int32Array(n + 1);
    this.stackViaKind = new Uint8Array(n + 1);
  }

  run(): MaximumFlow {
    const { order, supply } = this.graph;
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
    const { assigned, memberFlow, parentFlow, topFlow } = this;
    return { served: greedy + augmented, overDemanded, assigned, memberFlow, parentFlow, topFlow, greedy, augmented, phases };
  }

  /** Greedy: gives node v one unit if some request below it has a group with an offer with room. */
  private place(v: number): boolean {
    const { m, firstExtra, graph } = this;
    if (v < firstExtra) {
      const r = v - m;
      for (let a = graph.armStart[r]; a < graph.armStart[r + 1]; a++) {
        const g = graph.armGroup[a] - this.firstGroup;
        const end = graph.memberStart[g + 1];
        let k = this.roomy[g];
        while (k < end && this.load[graph.memberOffer[k]] >= graph.offerCapacity[graph.memberOffer[k]]) k++;
        this.roomy[g] = k;
        if (k === end) continue;
        this.assign(a);
        this.feed(k);
        return true;
      }
      return false;
    }
    const x = v - firstExtra;
    for (let k = graph.childStart[x]; k < graph.childStart[x + 1]; k++) {
      const c = graph.children[k];
      if (this.parentFlow[c] === 0 && this.place(c)) {
        this.parentFlow[c] = 1;
        return true;
      }
    }
    return false;
  }

  private assign(a: number): void {
    const g = this.graph.armGroup[a] - this.firstGroup;
    const k = this.graph.inArmStart[g] + this.holderCount[g]++;
    this.holders[k] = a;
    this.holderPosition[a] = k;
    this.assigned[this.graph.armRequest[a]] = a;
  }

  private unassign(a: number): void {
    const g = this.graph.armGroup[a] - this.firstGroup;
    const k = this.holderPosition[a];
    const last = this.graph.inArmStart[g] + --this.holderCount[g];
    const moved = this.holders[last];
    this.holders[k] = moved;
    this.holderPosition[moved] = k;
    this.holderPosition[a] = -1;
    this.assigned[this.graph.armRequest[a]] = -1;
  }

  private feed(k: number): void {
    this.memberFlow[k]++;
    this.load[this.graph.memberOffer[k]]++;
  }

  private unfeed(k: number): void {
    this.memberFlow[k]--;
    this.load[this.graph.memberOffer[k]]--;
  }

  private isUnsaturatedTop(v: number): boolean {
    return this.graph.parent[v] < 0 && this.topFlow[v] < this.graph.supply[v];
  }

  /**
   * Breadth-first search backwards from every offer with room, over residual arcs, up to the
   * first level holding a top with supply left. False when no such top is reached: the flow
   * is maximum.
   */
  private labelFromFreeSlots(): boolean {
    const { m, firstExtra, firstGroup, graph, level, queue, parentFlow, assigned, memberFlow } = this;
    const { parent, childStart, children, armGroup, armRequest, offerCapacity, feederStart, feederMember, memberGroup, memberStart, memberOffer, inArmStart, inArm } = graph;
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
        for (let i = feederStart[v]; i < feederStart[v + 1]; i++) reach(memberGroup[feederMember[i]], at);
      } else if (v < firstExtra) {
        const a = assigned[v - m];
        if (a >= 0) reach(armGroup[a], at);
        else if (parent[v] >= 0) reach(parent[v], at);
      } else if (v < firstGroup) {
        if (parent[v] >= 0 && parentFlow[v] === 0) reach(parent[v], at);
        const x = v - firstExtra;
        for (let k = childStart[x]; k < childStart[x + 1]; k++) if (parentFlow[children[k]] === 1) reach(children[k], at);
      } else {
        const g = v - firstGroup;
        for (let i = inArmStart[g]; i < inArmStart[g + 1]; i++) {
          const a = inArm[i];
          if (assigned[armRequest[a]] !== a) reach(m + armRequest[a], at);
        }
        for (let k = memberStart[g]; k < memberStart[g + 1]; k++) if (memberFlow[k] > 0) reach(memberOffer[k], at);
      }
    }
    return stop < Infinity;
  }

  /**
   * The i-th residual arc out of node v, as the node it leads to (-2: no arc at this index,
   * -1: past the last); the arc itself is left in arcId / arcKind.
   */
  private nextArc(v: number, i: number): number {
    const { m, firstExtra, firstGroup, graph } = this;
    if (v < m) {
      // A full offer: a group feeding it can take a unit back.
      const k = graph.feederStart[v] + i;
      if (k >= graph.feederStart[v + 1]) return -1;
      const member = graph.feederMember[k];
      if (this.memberFlow[member] === 0) return -2;
      this.arcId = member;
      this.arcKind = UNFEED;
      return graph.memberGroup[member];
    }
    if (v < firstExtra) {
      const r = v - m;
      const start = graph.armStart[r];
      const degree = graph.armStart[r + 1] - start;
      if (i < degree) {
        const a = start + i;
        if (this.assigned[r] === a) return -2;
        this.arcId = a;
        this.arcKind = ASSIGN;
        return graph.armGroup[a];
      }
      if (i === degree && this.assigned[r] >= 0 && graph.parent[v] >= 0) {
        this.arcKind = UP;
        return graph.parent[v];
      }
      return -1;
    }
    if (v < firstGroup) {
      const x = v - firstExtra;
      const first = graph.childStart[x];
      const count = graph.childStart[x + 1] - first;
      if (i < count) {
        const c = graph.children[first + i];
        if (this.parentFlow[c] === 1) return -2;
        this.arcId = c;
        this.arcKind = DOWN;
        return c;
      }
      if (i === count && graph.parent[v] >= 0 && this.parentFlow[v] === 1) {
        this.arcKind = UP;
        return graph.parent[v];
      }
      return -1;
    }
    // A group: on to one of its offers, or push one of its holders out to find another place.
    const g = v - firstGroup;
    const members = graph.memberStart[g + 1] - graph.memberStart[g];
    if (i < members) {
      this.arcId = graph.memberStart[g] + i;
      this.arcKind = FEED;
      return graph.memberOffer[this.arcId];
    }
    if (i - members >= this.holderCount[g]) return -1;
    const a = this.holders[graph.inArmStart[g] + i - members];
    this.arcId = a;
    this.arcKind = UNASSIGN;
    return m + graph.armRequest[a];
  }

  /** One augmenting path in the level graph from a top with supply left (Dinic's blocking-flow step). */
  private augment(top: number): boolean {
    const { level, current, stackNode, stackVia, stackViaKind, graph } = this;
    let depth = 0;
    stackNode[0] = top;
    while (depth >= 0) {
      const v = stackNode[depth];
      if (level[v] === 0) {
        if (this.load[v] < graph.offerCapacity[v]) {
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
    // A holder leaves before it takes another arm.
    for (let d = 1; d <= depth; d++) if (stackViaKind[d] === UNASSIGN) this.unassign(stackVia[d]);
    for (let d = 1; d <= depth; d++) {
      const kind = stackViaKind[d];
      if (kind === ASSIGN) this.assign(stackVia[d]);
      else if (kind === FEED) this.feed(stackVia[d]);
      else if (kind === UNFEED) this.unfeed(stackVia[d]);
      else if (kind === DOWN) this.parentFlow[stackVia[d]] = 1;
      else if (kind === UP) this.parentFlow[stackNode[d - 1]] = 0;
    }
  }
}
