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
const TRANSFER = 2; // a group, whose cheapest mover of pair `via` moves to the group it was reached from
const UNFEED = 3; // an offer, which hands a unit back to the group of member arc `via`

/**
 * Paths of reduced cost 0 into offers with free slots, found breadth first (fewest moves) over
 * tight arcs only: an untouched unserved request whose arm is tight, a tight move of a holder
 * from another group (the cheapest mover of a pair, the only one that can be tight), or a group
 * and one of its offers at the same potential. Every residual arc has reduced cost ≥ 0, so such
 * a path is a shortest one, and augmenting it keeps every potential valid (the reversed arcs
 * are tight too). Nodes a search gave up on are not tried again until the next fill (Dinic's
 * dead ends): that only skips chances.
 *
 * One search serves an offer's free slots one after the other: a path found is applied again
 * while it stays tight (its group still has a tight untouched request, each pair on it still a
 * tight mover, each offer it passes still a unit to hand back), then the search goes on from
 * where it stopped to the next path, checked the same way before it is applied (see fillOffer).
 */
export class TightPaths {
  private readonly dead: Int32Array;
  private readonly seen: Int32Array;
  private fillStamp = 0;
  private searchStamp = 0;
  private readonly queue: Int32Array;
  private head = 0;
  private tail = 0;
  private readonly from: Int32Array;
  private readonly how: Uint8Array;
  /** Per node: the member arc (FEED, UNFEED) or the pair (TRANSFER) it was reached by. */
  private readonly via: Int32Array;
  /** The group where the search's last path starts, or -1. */
  private end = -1;

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
      if (this.state.isFree(o) && this.dead[o] !== this.fillStamp) filled += this.fillOffer(o);
    }
    return filled;
  }

  /**
   * Fills free slots of one offer; returns how many. A path that no longer holds sends the offer
   * to a fresh search. When a search runs out without meeting one, no tight path is left: the
   * arcs that applied paths open all lead to nodes on those paths, which the search has visited,
   * and a group it met without a tight untouched request cannot gain one.
   */
  private fillOffer(root: number): number {
    const { state } = this;
    let filled = 0;
    for (;;) {
      this.begin(root);
      let stale = false;
      while (!stale && this.explore()) {
        if (!this.pathHolds()) {
          stale = true;
          break;
        }
        do {
          this.apply();
          filled++;
        } while (state.isFree(root) && this.pathHolds());
        if (!state.isFree(root)) return filled;
        // The end may still have tight requests the path can no longer bring here.
        stale = this.tightStart(this.end);
      }
      if (stale) continue;
      // Nothing tight reaches any node visited: skip them for the rest of this fill.
      const { queue, dead, fillStamp } = this;
      for (let i = 0; i < this.tail; i++) dead[this.slot(queue[i])] = fillStamp;
      return filled;
    }
  }

  private begin(root: number): void {
    this.searchStamp++;
    this.head = 0;
    this.tail = 0;
    this.end = -1;
    this.visit(root, -1, 0, 0);
  }

  /**
   * Goes on with the search until it reaches a group with a tight untouched request (this.end),
   * or has nothing left to visit. The node being expanded when one is found is expanded again
   * next time: nodes already seen are skipped.
   */
  private explore(): boolean {
    const { state, transfers, queue } = this;
    const { pi, m, memberFlow, firstGroup, side } = state;
    const { feederStart, feederMember, memberGroup, memberStart, memberOffer } = state.graph;
    const heaps = transfers.heaps;
    this.end = -1;
    while (this.head < this.tail) {
      const v = queue[this.head];
      if (v < m) {
        for (let i = feederStart[v]; i < feederStart[v + 1]; i++) {
          const k = feederMember[i];
          const g = memberGroup[k];
          if (pi[g] === pi[v] && side[g] === OVER_DEMANDED && this.visit(g, v, FEED, k)) return true;
        }
      } else {
        if (!transfers.isIndexed(v)) transfers.index(v);
        const pairs = transfers.into(v);
        for (let i = 0; i < pairs.length; i++) {
          const pair = pairs[i];
          const source = transfers.pairSource[pair];
          if (heaps.minKey(pair) + pi[source] - pi[v] === 0 && this.visit(source, v, TRANSFER, pair)) return true;
        }
        const g = v - firstGroup;
        for (let k = memberStart[g]; k < memberStart[g + 1]; k++) {
          const o = memberOffer[k];
          if (memberFlow[k] > 0 && pi[o] === pi[v] && side[o] === OVER_DEMANDED && this.visit(o, v, UNFEED, k)) return true;
        }
      }
      this.head++;
    }
    return false;
  }

  /**
   * Marks v reached from `parent`; returns whether v is a group with a tight untouched request
   * (checked as soon as it is reached, not when its turn comes: plateaus are wide).
   */
  private visit(v: number, parent: number, how: number, via: number): boolean {
    const at = this.slot(v);
    if (this.seen[at] === this.searchStamp || this.dead[at] === this.fillStamp) return false;
    this.seen[at] = this.searchStamp;
    this.from[at] = parent;
    this.how[at] = how;
    this.via[at] = via;
    this.queue[this.tail++] = v;
    if (v < this.state.m || !this.tightStart(v)) return false;
    this.end = v;
    return true;
  }

  /** Whether group node g has an untouched unserved request whose arm is tight. */
  private tightStart(g: number): boolean {
    const f = this.lists.firstUntouched(g);
    return f >= 0 && this.state.graph.armCost[f] - this.state.pi[g] === 0;
  }

  /**
   * Whether the path from this.end to the root is still tight and free: paths applied since it
   * was found may have taken its request, its pairs' tight movers, or the units it hands back.
   */
  private pathHolds(): boolean {
    const { state, transfers } = this;
    if (!this.tightStart(this.end)) return false;
    for (let v = this.end; this.from[this.slot(v)] >= 0; v = this.from[this.slot(v)]) {
      const at = this.slot(v);
      const via = this.via[at];
      if (this.how[at] === UNFEED && state.memberFlow[via] === 0) return false;
      if (this.how[at] === TRANSFER && (transfers.heaps.size(via) === 0 || transfers.heaps.minKey(via) + state.pi[v] - state.pi[this.from[at]] !== 0)) return false;
    }
    return true;
  }

  /** Where node v (an offer or a group) sits in the per-node arrays. */
  private slot(v: number): number {
    return v < this.state.m ? v : v - this.state.firstGroup + this.state.m;
  }

  /** Applies the moves back to the root, then the free request takes the end group. */
  private apply(): void {
    const { state, moves, transfers } = this;
    const { armRequest } = state.graph;
    for (let v = this.end; this.from[this.slot(v)] >= 0; v = this.from[this.slot(v)]) {
      const via = this.via[this.slot(v)];
      const how = this.how[this.slot(v)];
      if (how === FEED) state.feed(via);
      else if (how === UNFEED) state.unfeed(via);
      else {
        // The pair's cheapest mover now: the path held, so it is tight (see pathHolds).
        const mover = transfers.heaps.minItem(via);
        moves.unassign(state.assigned[armRequest[mover]]);
        moves.assign(mover);
      }
    }
    const free = this.lists.firstUntouched(this.end);
    const r = state.m + armRequest[free];
    state.feedChain(r);
    moves.assign(free);
    this.lists.touchChain(r);
  }
}
