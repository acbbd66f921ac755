import { AllocationGraph } from '../network/allocation-graph';
import { OVER_DEMANDED } from '../max-flow/cut-side';
import { OutwardMoves } from './request-side/outward-moves';

/**
 * Flow and potentials of the allocation graph while the min-cost solvers run.
 *
 * A served request ("holder" of its group) always sits on a tight arm (reduced cost 0), so its
 * potential is not stored but derived: π(h) = π(group) − cost(arm). Moving a holder from group g
 * to group g' over its arm a' therefore costs cost(a') − cost(a) + π(g) − π(g'), a key that does
 * not depend on potentials; the solvers keep such moves in heaps per (group, group) pair.
 */
export class FlowState {
  readonly m: number;
  readonly firstExtra: number;
  readonly firstGroup: number;
  readonly n: number;
  /** Potentials of every node but holders (see potentialOf). */
  readonly pi: Float64Array;
  /** Per request: the arm serving it, or -1. */
  readonly assigned: Int32Array;
  /** Per group: the arms of its holders (CSR sized by the arms into it), and where each arm sits. */
  readonly holderCount: Int32Array;
  readonly holders: Int32Array;
  private readonly holderPosition: Int32Array;
  /** Per member arc: units the group sends that offer. */
  readonly memberFlow: Int32Array;
  /** Per offer: units it holds. */
  readonly load: Int32Array;
  /** Per non-top node: 1 when its parent hands it a unit. */
  readonly parentFlow: Uint8Array;
  /** Per top node: units it routes (the rest of its supply goes to ⊥). */
  readonly topFlow: Int32Array;
  /** Per node: OVER_DEMANDED or UNDER_DEMANDED. */
  readonly side: Uint8Array;
  /** Moves of holders out of groups, indexed for the request side. */
  readonly outward: OutwardMoves;

  constructor(
    readonly graph: AllocationGraph,
    side: Uint8Array,
  ) {
    const { offerCount: m, requestCount: R, firstGroup, nodeCount: n, groupCount, armGroup, memberOffer } = graph;
    this.m = m;
    this.firstExtra = m + R;
    this.firstGroup = firstGroup;
    this.n = n;
    this.side = side;
    this.pi = new Float64Array(n);
    this.assigned = new Int32Array(R).fill(-1);
    this.holderCount = new Int32Array(groupCount);
    this.holders = new Int32Array(armGroup.length);
    this.holderPosition = new Int32Array(armGroup.length).fill(-1);
    this.memberFlow = new Int32Array(memberOffer.length);
    this.load = new Int32Array(m);
    this.parentFlow = new Uint8Array(n);
    this.topFlow = new Int32Array(n);
    this.outward = new OutwardMoves(this);
  }

  isFree(o: number): boolean {
    return this.load[o] < this.graph.offerCapacity[o];
  }

  /** Potential of any node; a served request's follows from its group's. */
  potentialOf(node: number): number {
    if (node >= this.m && node < this.firstExtra) {
      const a = this.assigned[node - this.m];
      if (a >= 0) return this.pi[this.graph.armGroup[a]] - this.graph.armCost[a];
    }
    return this.pi[node];
  }

  /** The side whose potentials a node's follow: a served request's are its group's. */
  potentialSide(node: number): number {
    if (node >= this.m && node < this.firstExtra) {
      const a = this.assigned[node - this.m];
      if (a >= 0) return this.side[this.graph.armGroup[a]];
    }
    return this.side[node];
  }

  /**
   * A node the over-demanded side can feed: it and every node above it lie on that side (a unit
   * can never cross the cut from the under-demanded side).
   */
  fedFromOverSide(v: number): boolean {
    const { parent } = this.graph;
    for (let u = v; u >= 0; u = parent[u]) if (this.side[u] !== OVER_DEMANDED) return false;
    return true;
  }

  /** Gives a unit from the source down the unique chain of tree arcs to node v. */
  feedChain(v: number): void {
    const { parent } = this.graph;
    let u = v;
    while (parent[u] >= 0) {
      this.parentFlow[u] = 1;
      u = parent[u];
    }
    this.topFlow[u]++;
  }

  /** First arm of a group's holders, and one past the last (into `holders`). */
  holdersStart(group: number): number {
    return this.graph.inArmStart[group - this.firstGroup];
  }

  holdersEnd(group: number): number {
    const g = group - this.firstGroup;
    return this.graph.inArmStart[g] + this.holderCount[g];
  }

  assign(a: number): void {
    const { graph } = this;
    const g = graph.armGroup[a] - this.firstGroup;
    const k = graph.inArmStart[g] + this.holderCount[g]++;
    this.holders[k] = a;
    this.holderPosition[a] = k;
    this.assigned[graph.armRequest[a]] = a;
    this.outward.addHolder(a);
  }

  /** Unserves the request of arm a; its potential becomes explicit again. */
  unassign(a: number): void {
    const { graph } = this;
    const r = graph.armRequest[a];
    this.pi[this.m + r] = this.potentialOf(this.m + r);
    const g = graph.armGroup[a] - this.firstGroup;
    const k = this.holderPosition[a];
    const last = graph.inArmStart[g] + --this.holderCount[g];
    const moved = this.holders[last];
    this.holders[k] = moved;
    this.holderPosition[moved] = k;
    this.holderPosition[a] = -1;
    this.assigned[r] = -1;
    this.outward.removeHolder(a);
  }

  /** The group of member arc k sends one more unit to its offer. */
  feed(k: number): void {
    this.memberFlow[k]++;
    this.load[this.graph.memberOffer[k]]++;
  }

  unfeed(k: number): void {
    this.memberFlow[k]--;
    this.load[this.graph.memberOffer[k]]--;
  }
}
