import { FlowState } from './flow-state';
import { InwardTransfers } from './inward-transfers';
import { UnservedLists } from './unserved-lists';

export interface HolderMoves {
  assign(e: number): void;
  unassign(a: number): void;
}

/**
 * Paths of reduced cost 0 into offers with free slots, found breadth first (fewest holder moves)
 * over tight arcs only: an untouched unserved request whose edge is tight, or a tight move of a
 * holder from another offer (the cheapest mover of a pair, the only one that can be tight).
 * Every residual arc has reduced cost ≥ 0, so such a path is a shortest one, and augmenting it
 * keeps every potential valid (the reversed arcs are tight too). Offers a search gave up on are
 * not tried again until the next fill (Dinic's dead ends): that only skips chances.
 */
export class TightPaths {
  private readonly dead: Int32Array;
  private readonly seen: Int32Array;
  private fillStamp = 0;
  private searchStamp = 0;
  private readonly queue: Int32Array;
  private readonly from: Int32Array;
  private readonly item: Int32Array;

  constructor(
    private readonly state: FlowState,
    private readonly lists: UnservedLists,
    private readonly transfers: InwardTransfers,
    private readonly moves: HolderMoves,
  ) {
    this.dead = new Int32Array(state.m);
    this.seen = new Int32Array(state.m);
    this.queue = new Int32Array(state.m);
    this.from = new Int32Array(state.m);
    this.item = new Int32Array(state.m);
  }

  /** Fills what it can of the free slots of the given offers; returns how many. */
  fill(offers: Int32Array, count: number): number {
    this.fillStamp++;
    let filled = 0;
    for (let i = 0; i < count; i++) {
      const o = offers[i];
      while (this.state.isFree(o) && this.dead[o] !== this.fillStamp && this.find(o)) filled++;
    }
    return filled;
  }

  private find(root: number): boolean {
    const { state, lists, transfers, seen, dead, queue, from, item } = this;
    const { pi } = state;
    const { edgeCost } = state.problem;
    const heaps = transfers.heaps;
    const stamp = ++this.searchStamp;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    seen[root] = stamp;
    from[root] = -1;
    while (head < tail) {
      const v = queue[head++];
      const f = lists.firstUntouched(v);
      if (f >= 0 && edgeCost[f] - pi[v] === 0) {
        this.apply(v, f);
        return true;
      }
      if (!transfers.isIndexed(v)) transfers.index(v);
      const pairs = transfers.into(v);
      for (let i = 0; i < pairs.length; i++) {
        const pair = pairs[i];
        const source = transfers.pairSource[pair];
        if (seen[source] === stamp || dead[source] === this.fillStamp || heaps.minKey(pair) + pi[source] - pi[v] !== 0) continue;
        seen[source] = stamp;
        from[source] = v;
        item[source] = heaps.minItem(pair);
        queue[tail++] = source;
      }
    }
    // Nothing tight reaches any offer visited: skip them for the rest of this fill.
    for (let i = 0; i < tail; i++) dead[queue[i]] = this.fillStamp;
    return false;
  }

  /** Each offer on the way gains the mover from the next; the last one takes the free request. */
  private apply(last: number, free: number): void {
    const { state, moves, from, item } = this;
    // Walk from the root's side: collect the chain first (from[] points towards the root).
    let length = 0;
    for (let v = last; from[v] >= 0; v = from[v]) this.queue[length++] = v;
    for (let i = length - 1; i >= 0; i--) {
      const e = item[this.queue[i]];
      moves.unassign(state.assigned[state.edgeRequest[e]]);
      moves.assign(e);
    }
    const r = state.m + state.edgeRequest[free];
    state.feedChain(r);
    moves.assign(free);
    this.lists.touchChain(r);
  }
}
