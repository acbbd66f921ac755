import { UNDER_DEMANDED } from '../../max-flow/cut-side';
import type { FlowState } from '../flow-state';
import { HeapPool } from '../structures/heap-pool';
import { PairTable } from '../structures/pair-table';

/** The heaps and their lookup, built the first time a group is indexed. */
interface MoveHeaps {
  readonly heaps: HeapPool;
  readonly table: PairTable;
  /** Per arm: the pair it is an option in, or -1. */
  readonly itemPair: Int32Array;
}

/**
 * The ways a holder can leave its group, for the request side: to another group over one of its
 * other arms (key cost(a') − cost(a)), or back up to its shop or category node (key −cost(a)).
 * Keys do not depend on potentials (see FlowState), so per (group, target) pair a heap holds the
 * holders' options and a search relaxes each pair once, with its cheapest option, instead of
 * every arm of every holder. A group's pairs are built the first time a search reaches it, then
 * kept up to date as holders come and go. Only targets on the under-demanded side are kept.
 * Nothing is allocated until a search needs it: on a contested instance the request side is
 * small, and arrays sized by every arm would be wasted.
 */
export class OutwardMoves {
  private built: MoveHeaps | null = null;
  /** Per group node: its pairs. */
  private readonly pairsOut = new Map<number, number[]>();
  /** Per pair: the node it leads to (a group, or the holder's parent). */
  readonly pairTarget: number[] = [];
  private readonly indexed: Uint8Array;

  constructor(private readonly state: FlowState) {
    this.indexed = new Uint8Array(state.graph.groupCount);
  }

  get heaps(): HeapPool {
    return this.moveHeaps().heaps;
  }

  isIndexed(group: number): boolean {
    return this.indexed[group - this.state.firstGroup] === 1;
  }

  /** Indexes the moves out of a group from its current holders. */
  index(group: number): void {
    this.indexed[group - this.state.firstGroup] = 1;
    const { state } = this;
    for (let k = state.holdersStart(group); k < state.holdersEnd(group); k++) this.addHolder(state.holders[k]);
  }

  pairs(group: number): readonly number[] {
    return this.pairsOut.get(group) ?? NO_PAIRS;
  }

  /** The request of arm a was just placed in its group. */
  addHolder(a: number): void {
    const { state } = this;
    const { graph, side, m } = state;
    const g = graph.armGroup[a];
    if (this.indexed[g - state.firstGroup] === 0) return;
    const r = graph.armRequest[a];
    for (let e = graph.armStart[r]; e < graph.armStart[r + 1]; e++) {
      const target = graph.armGroup[e];
      if (e !== a && side[target] === UNDER_DEMANDED) this.insert(g, target, e, graph.armCost[e] - graph.armCost[a]);
    }
    const p = graph.parent[m + r];
    if (p >= 0 && side[p] === UNDER_DEMANDED) this.insert(g, p, a, -graph.armCost[a]);
  }

  /** The request of arm a has just left its group. */
  removeHolder(a: number): void {
    if (this.built === null) return;
    const { heaps, itemPair } = this.built;
    const { graph } = this.state;
    const r = graph.armRequest[a];
    for (let e = graph.armStart[r]; e < graph.armStart[r + 1]; e++) {
      const pair = itemPair[e];
      if (pair < 0) continue;
      heaps.remove(pair, e);
      itemPair[e] = -1;
    }
  }

  private moveHeaps(): MoveHeaps {
    if (this.built === null) {
      const { graph } = this.state;
      this.built = {
        heaps: new HeapPool(graph.groupCount, graph.armGroup.length),
        table: new PairTable(graph.nodeCount, graph.groupCount),
        itemPair: new Int32Array(graph.armGroup.length).fill(-1),
      };
    }
    return this.built;
  }

  private insert(group: number, target: number, item: number, key: number): void {
    const { heaps, table, itemPair } = this.moveHeaps();
    let pair = table.get(group, target);
    if (pair < 0) {
      pair = this.pairTarget.length;
      table.set(group, target, pair);
      this.pairTarget.push(target);
      const list = this.pairsOut.get(group);
      if (list) list.push(pair);
      else this.pairsOut.set(group, [pair]);
      heaps.ensureHeaps(pair + 1);
    }
    heaps.insert(pair, item, key);
    itemPair[item] = pair;
  }
}

const NO_PAIRS: readonly number[] = [];
