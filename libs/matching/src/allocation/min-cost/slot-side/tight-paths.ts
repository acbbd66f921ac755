import { OVER_DEMANDED } from '../../max-flow/cut-side';
import { FlowState } from '../flow-state';
import { InwardTransfers } from './inward-transfers';
import { UnservedLists } from './unserved-lists';

export interface HolderMoves {
  assign(a: number): void;
  unassign(a: number): void;
}

// How a node was reached from the slot's side (the move that brings it a unit).
const FEED = 1; // a group, reached from the offer it feeds over member arc `via`
const TRANSFER = 2; // a group, whose holder request(via) moves to the group it was reached from
const UNFEED = 3; // an offer, which hands a unit back to the group of member arc `via`

/**
 * Paths of reduced cost 0 into offers with free slots, found breadth first (fewest moves) over
 * tight arcs only: an untouched unserved request whose arm is tight, a tight move of a holder
 * from another group (the cheapest mover of a pair, the only one that can be tight), or a group
 * and one of its offers at the same potential. Every residual arc has reduced cost ≥ 0, so such
 * a path is a shortest one, and augmenting it keeps every potential valid (the reversed arcs
 * are tight too). Nodes a search gave up on are not tried again until the next fill (Dinic's
 * dead ends): that only skips chances.
 */
export class TightPaths {
  private readonly dead: Int32Array;
  private readonly seen: Int32Array;
  private fillStamp = 0;
  private searchStamp = 0;
  private readonly queue: Int32Array;
  private readonly from: Int32Array;
  private readonly how: Uint8Array;
  private readonly via: Int32Array;

  constructor(
    private readonly state: FlowState,
    private readonly lists: UnservedLists,
    private readonly transfers: InwardTransfers,
    private readonly moves: HolderMoves,
  ) {
    // Only offers and groups are visited: they take slots [0, m) and [m, m + groups).
    const size = state.m + state.graph.groupCount;
    this.dead = new Int32Array(size);
    this.seen = new Int32Array(size);
    this.queue = new Int32Array(size);
    this.from = new Int32Array(size);
    this.how = new Uint8Array(size);
    this.via = new Int32Array(size);
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
    const { state, lists, transfers, seen, dead, queue } = this;
    const { pi, m, memberFlow, firstGroup } = state;
    const { armCost, feederStart, feederMember, memberGroup, memberStart, memberOffer } = state.graph;
    const heaps = transfers.heaps;
    const stamp = ++this.searchStamp;
    const shift = firstGroup - m;
    let endGroup = -1;
    let endArm = -1;
    // A group is checked for a tight untouched request as soon as it is reached, not when its
    // turn comes: plateaus are wide, and the first such group ends the search.
    const visit = (v: number, parent: number, how: number, via: number): void => {
      const at = v < m ? v : v - shift;
      if (seen[at] === stamp || dead[at] === this.fillStamp || endGroup >= 0) return;
      seen[at] = stamp;
      this.from[at] = parent;
      this.how[at] = how;
      this.via[at] = via;
      queue[tail++] = v;
      if (v < m) return;
      const f = lists.firstUntouched(v);
      if (f >= 0 && armCost[f] - pi[v] === 0) {
        endGroup = v;
        endArm = f;
      }
    };
    let head = 0;
    let tail = 0;
    visit(root, -1, 0, 0);
    while (head < tail && endGroup < 0) {
      const v = queue[head++];
      if (v < m) {
        for (let i = feederStart[v]; i < feederStart[v + 1]; i++) {
          const k = feederMember[i];
          const g = memberGroup[k];
          if (pi[g] === pi[v] && state.side[g] === OVER_DEMANDED) visit(g, v, FEED, k);
        }
        continue;
      }
      if (!transfers.isIndexed(v)) transfers.index(v);
      const pairs = transfers.into(v);
      for (let i = 0; i < pairs.length; i++) {
        const pair = pairs[i];
        const source = transfers.pairSource[pair];
        if (heaps.minKey(pair) + pi[source] - pi[v] === 0) visit(source, v, TRANSFER, heaps.minItem(pair));
      }
      const g = v - firstGroup;
      for (let k = memberStart[g]; k < memberStart[g + 1]; k++) {
        const o = memberOffer[k];
        if (memberFlow[k] > 0 && pi[o] === pi[v] && state.side[o] === OVER_DEMANDED) visit(o, v, UNFEED, k);
      }
    }
    if (endGroup >= 0) {
      this.apply(endGroup, endArm);
      return true;
    }
    // Nothing tight reaches any node visited: skip them for the rest of this fill.
    for (let i = 0; i < tail; i++) dead[queue[i] < m ? queue[i] : queue[i] - shift] = this.fillStamp;
    return false;
  }

  /** Where node v (an offer or a group) sits in the per-node arrays. */
  private slot(v: number): number {
    return v < this.state.m ? v : v - this.state.firstGroup + this.state.m;
  }

  /** Applies the moves back to the root, then the free request takes the group `last`. */
  private apply(last: number, free: number): void {
    const { state, moves } = this;
    const { armRequest } = state.graph;
    for (let v = last; this.from[this.slot(v)] >= 0; v = this.from[this.slot(v)]) {
      const via = this.via[this.slot(v)];
      const how = this.how[this.slot(v)];
      if (how === FEED) state.feed(via);
      else if (how === UNFEED) state.unfeed(via);
      else {
        moves.unassign(state.assigned[armRequest[via]]);
        moves.assign(via);
      }
    }
    const r = state.m + armRequest[free];
    state.feedChain(r);
    moves.assign(free);
    this.lists.touchChain(r);
  }
}
