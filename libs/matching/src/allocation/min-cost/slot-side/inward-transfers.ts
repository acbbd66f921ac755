import { OVER_DEMANDED } from '../../max-flow/cut-side';
import { FlowState } from '../flow-state';
import { OverSideIndex } from './over-side-index';
import { PairLists } from '../structures/pair-lists';
import { PairTable } from '../structures/pair-table';
import { IntBuffer } from '../../network/int-buffer';

/**
 * The moves that bring a holder INTO a group, for the slot-side solver: per (source, target) pair
 * of over-demanded groups, the source's holders that have an arm to the target, keyed by
 * cost(a') − cost(a), which does not depend on potentials (see FlowState). A search settling the
 * target relaxes each source once, with its cheapest mover. A target's pairs are built the first
 * time a search settles it, then kept up to date as holders come and go; only pairs that hold
 * someone are listed.
 */
export class InwardTransfers {
  readonly heaps: PairLists;
  /** Per pair: the source and target groups' node ids (typed: searches read the source for every pair they relax). */
  private readonly sources = new IntBuffer();
  private readonly targets = new IntBuffer();
  private readonly table: PairTable;
  /** Per target group index: its pairs with at least one mover. */
  private readonly active: number[][];
  private readonly activePosition: number[] = [];
  private readonly indexed: Uint8Array;

  constructor(
    private readonly state: FlowState,
    private readonly arms: OverSideIndex,
  ) {
    const { graph } = state;
    this.heaps = new PairLists(graph.armGroup.length);
    this.table = new PairTable(graph.nodeCount, 4 * graph.groupCount);
    this.active = Array.from({ length: graph.groupCount }, () => []);
    this.indexed = new Uint8Array(graph.groupCount);
  }

  /** Per pair: the source group's node id. */
  get pairSource(): Int32Array {
    return this.sources.data;
  }

  /** The group node a pair leads into. */
  targetOf(pair: number): number {
    return this.targets.data[pair];
  }

  /** Pairs into group node t with at least one mover (build them first with index). */
  into(t: number): readonly number[] {
    return this.active[t - this.state.firstGroup];
  }

  isIndexed(t: number): boolean {
    return this.indexed[t - this.state.firstGroup] === 1;
  }

  /** Builds the pairs into group node t from every holder elsewhere with an arm to t. */
  index(t: number): void {
    const { state, arms } = this;
    const g = t - state.firstGroup;
    this.indexed[g] = 1;
    const { armGroup, armCost } = state.graph;
    for (let k = arms.start[g]; k < arms.start[g + 1]; k++) {
      const a = state.assigned[arms.request[k]];
      if (a < 0 || a === arms.arm[k]) continue;
      const source = armGroup[a];
      if (source !== t && state.side[source] === OVER_DEMANDED) this.insert(source, t, arms.arm[k], arms.cost[k] - armCost[a]);
    }
  }

  /** The request of arm a was just placed in its group. */
  addHolder(a: number): void {
    const { state } = this;
    const { armStart, armGroup, armCost, armRequest } = state.graph;
    const source = armGroup[a];
    const r = armRequest[a];
    for (let e = armStart[r]; e < armStart[r + 1]; e++) {
      const t = armGroup[e];
      if (e !== a && this.indexed[t - state.firstGroup] === 1 && state.side[t] === OVER_DEMANDED) this.insert(source, t, e, armCost[e] - armCost[a]);
    }
  }

  /** The request of arm a is about to leave its group. */
  removeHolder(a: number): void {
    const { state, heaps } = this;
    const { armStart, armRequest } = state.graph;
    const r = armRequest[a];
    for (let e = armStart[r]; e < armStart[r + 1]; e++) {
      if (e === a || !heaps.has(e)) continue;
      const pair = heaps.setOfItem(e);
      heaps.remove(e);
      if (heaps.size(pair) === 0) this.deactivate(pair);
    }
  }

  private insert(source: number, target: number, e: number, key: number): void {
    let pair = this.table.get(source, target);
    if (pair < 0) {
      pair = this.sources.length;
      this.table.set(source, target, pair);
      this.sources.push(source);
      this.targets.push(target);
      this.activePosition.push(-1);
      this.heaps.ensureSets(pair + 1);
    }
    this.heaps.insert(pair, e, key);
    if (this.activePosition[pair] < 0) {
      const list = this.active[target - this.state.firstGroup];
      this.activePosition[pair] = list.length;
      list.push(pair);
    }
  }

  private deactivate(pair: number): void {
    const list = this.active[this.targetOf(pair) - this.state.firstGroup];
    const i = this.activePosition[pair];
    const last = list.pop() as number;
    if (last !== pair) {
      list[i] = last;
      this.activePosition[last] = i;
    }
    this.activePosition[pair] = -1;
  }
}
