import { OVER_DEMANDED } from '../../max-flow/cut-side';
import { FlowState } from '../flow-state';
import { EndBound } from './end-bound';
import { InwardTransfers } from './inward-transfers';
import { OverSideIndex } from './over-side-index';
import { SearchSpace, SearchStats, SETTLED } from '../search-space';
import { EndQueue } from './slot-side-ends';
import { dearestFirst, warmStartSlotSide } from './slot-side-warm-start';
import { TightPaths } from './tight-paths';
import { UnservedLists } from './unserved-lists';

// The arc leaving a node towards the slot being filled (predKind), in the flow's direction.
const ASSIGN = 1; // id = arm: the node (a tree node) hands its unserved child request(arm) a unit, which takes group(arm)
const TRANSFER = 2; // id = pair: one of the group's cheapest movers into the pair's target moves there
const FEED = 3; // id = member arc: the group sends one more unit to its offer
const UNFEED = 4; // id = member arc: the offer hands a unit back to the arc's group
const TREE_DOWN = 5; // id = child: the node hands the child a unit
const TREE_UP = 6; // id = child (this node): it gives its unit back to its parent
const HOLDER_UP = 7; // id = arm a: the group's holder request(a) leaves and gives its unit back to its parent
// How the path starts at the source.
const START_FREE = 1; // id = arm: an untouched unserved request takes group(arm)
const START_TOP = 2; // id = top node with supply left
// What a batch does with an end it meets (see take).
const TAKEN = 0;
const SKIP = 1;
const STOP = 2;

/**
 * Min-cost filling of the over-demanded side: there every slot is filled in every maximum flow
 * and the requests compete for them, so the search runs from the slot: each free slot, one at
 * a time, pulls the cheapest chain of moves ending at an unserved request — successive shortest
 * paths on the reversed residual graph (Dijkstra on reduced costs, distances to the slot). Such
 * searches end as soon as they meet an unserved request, and unserved requests are plentiful on
 * this side; nothing is ever routed to ⊥, whose price then only appears in the certificate.
 *
 * A plateau of offers tied for the same requests is one group, so a search crosses it through
 * the group node (the group reaches each offer, each offer is fed by a few groups) instead of
 * relaxing a move between every two offers of the plateau.
 *
 * Potentials: the source's is 0, and an untouched unserved request is never settled, so
 * reaching it from group g costs cost(a) − π(g) (UnservedLists). A touched one is not settled
 * either: a search goes from the group straight to its parent at cost(a), and the request takes
 * its parent's potential when the side is done. Moves of holders into a group
 * are relaxed per source group with the cheapest mover (InwardTransfers). The search starts from
 * a price-based assignment that already fills many slots optimally (slot-side-warm-start.ts).
 */
export class SlotSideSolver {
  private readonly lists: UnservedLists;
  private readonly transfers: InwardTransfers;
  /** Offers settled by the last search (their potentials moved), and tight-path search memory. */
  private readonly raised: Int32Array;
  private raisedCount = 0;
  private readonly tight: TightPaths;
  /** The ends taken by the current search: how each path starts, and from where. */
  private readonly ends = new EndQueue();
  /** How far the current search can need to look, from the ends it has found. */
  private readonly bound: EndBound;
  private readonly takenKind: Uint8Array;
  private readonly takenId: Int32Array;
  private takenCount = 0;
  /** Per node, for the current batch (usedBatch): units on its arc towards the slot, units of its supply. */
  private readonly arcUsed: Int32Array;
  private readonly supplyUsed: Int32Array;
  private readonly usedBatch: Int32Array;
  private batch = 0;

  constructor(
    private readonly state: FlowState,
    private readonly space: SearchSpace,
    private readonly stats: SearchStats,
  ) {
    const index = new OverSideIndex(state);
    stats.direct += warmStartSlotSide(state, index);
    this.lists = new UnservedLists(state, index);
    this.transfers = new InwardTransfers(state, index);
    this.raised = new Int32Array(state.m);
    let most = 1;
    for (const capacity of state.graph.offerCapacity) most = Math.max(most, capacity);
    this.takenKind = new Uint8Array(most);
    this.takenId = new Int32Array(most);
    this.bound = new EndBound(state.n, most);
    this.arcUsed = new Int32Array(state.n);
    this.supplyUsed = new Int32Array(state.n);
    this.usedBatch = new Int32Array(state.n);
    this.tight = new TightPaths(state, this.lists, this.transfers, {
      assign: (a) => this.assign(a),
      unassign: (a) => this.unassign(a),
    });
  }

  /**
   * Fills every free slot of the given offers, the dearest first. After each search, the slots of
   * the offers it raised are first offered tight paths (length 0 under the new potentials, hence shortest): on
   * wide plateaus of equal costs one raise then fills many slots. Then the search's own offer, if
   * it still has room, and the offers it raised come next (a stack): their potentials have just
   * moved together, so their next shortest paths are short, where an offer taken later, after its
   * neighbourhood has changed, would start from far below its final price and search widely.
   */
  solve(offers: Int32Array): void {
    const { state } = this;
    let stack = dearestFirst(state, offers).reverse();
    let top = stack.length;
    const push = (o: number): void => {
      if (top === stack.length) {
        const grown = new Int32Array(2 * stack.length + 16);
        grown.set(stack);
        stack = grown;
      }
      stack[top++] = o;
    };
    while (top > 0) {
      const o = stack[--top];
      if (!state.isFree(o)) continue;
      this.search(o);
      this.stats.direct += this.tight.fill(this.raised, this.raisedCount);
      for (let i = 0; i < this.raisedCount; i++) {
        const raised = this.raised[i];
        if (raised !== o && state.isFree(raised)) push(raised);
      }
      if (state.isFree(o)) push(o);
    }
    // An unserved request below a tree node takes its parent's potential: its tree arc is then
    // tight and each of its arms has the reduced cost the searches kept ≥ 0 (they relax the arm
    // from the parent). Untouched ones are at 0 under a parent at 0.
    const { parent } = state.graph;
    for (let r = state.m; r < state.firstExtra; r++) {
      const p = parent[r];
      if (p >= 0 && state.side[r] === OVER_DEMANDED && state.assigned[r - state.m] < 0) state.pi[r] = state.pi[p];
    }
  }

  /**
   * Fills free slots of `target` along shortest residual paths from the source, as many as one
   * search allows. The search settles nodes in order of distance to the slot and collects ends
   * (untouched requests of settled groups, tops with supply left) as they come; each end taken
   * is a shortest path, taken while the slot has room and its path is still free (paths share
   * the search tree: a holder can only move once). The first end whose path is not free stops
   * the batch, and the potentials move by that end's distance: every end taken is then tight,
   * every end not taken at least as long, so reduced costs stay ≥ 0.
   */
  private search(target: number): void {
    const { state, space, stats, lists, transfers, ends, bound } = this;
    const { key, status } = space;
    const { m, firstExtra, firstGroup, pi, parentFlow, side, assigned, memberFlow } = state;
    const { armCost, armGroup, parent, childStart, children, supply, feederStart, feederMember, memberGroup, memberStart, memberOffer } = state.graph;
    const heaps = transfers.heaps;
    stats.searches++;
    const want = state.graph.offerCapacity[target] - state.load[target];
    this.batch++;
    this.takenCount = 0;
    ends.clear();
    space.start(target);
    bound.reset(want);
    let cutoff = -1;
    for (;;) {
      const u = space.next(ends.minKey());
      if (u < 0) {
        if (ends.size === 0) break;
        ends.pop();
        const taken = this.take(target, ends.node, ends.position);
        if (taken === STOP) {
          cutoff = ends.key;
          break;
        }
        if (taken === TAKEN) cutoff = ends.key;
        if (this.takenCount === want) break;
        if (ends.position >= 0) {
          const next = lists.nextPosition(ends.node, ends.position + 1);
          if (next >= 0) this.addEnd(key[ends.node] + armCost[lists.armAt(next)] - pi[ends.node], ends.node, next);
        } else if (taken === TAKEN) {
          ends.push(ends.key, ends.node, -1);
        }
        continue;
      }
      const du = key[u];
      const pu = pi[u];
      if (u < m) {
        for (let i = feederStart[u]; i < feederStart[u + 1]; i++) {
          const k = feederMember[i];
          const g = memberGroup[k];
          if (side[g] === OVER_DEMANDED && status[g] !== SETTLED) space.relax(g, du + pi[g] - pu, FEED, k);
        }
        continue;
      }
      if (u >= firstGroup) {
        const first = lists.firstPosition(u);
        if (first >= 0) this.addEnd(du + armCost[lists.armAt(first)] - pu, u, first);
        // A touched unserved request only leads on to its parent, so the search goes there directly
        // (the request's own potential is its parent's, see solve).
        for (let k = lists.touchedStart(u), end = lists.touchedEnd(u); k < end; k++) {
          const p = lists.touchedParent(k);
          if (status[p] !== SETTLED) space.relax(p, du + lists.touchedCost(k) + pi[p] - pu, ASSIGN, lists.touchedArm(k));
        }
        if (!transfers.isIndexed(u)) transfers.index(u);
        // Each source group once, through its holder that moves here cheapest.
        const pairs = transfers.into(u);
        for (let i = 0; i < pairs.length; i++) {
          const pair = pairs[i];
          const source = transfers.pairSource[pair];
          if (status[source] === SETTLED) continue;
          stats.transfers++;
          space.relax(source, du + heaps.minKey(pair) + pi[source] - pu, TRANSFER, pair);
        }
        // An offer this group feeds can hand the unit back and take another from elsewhere.
        const g = u - firstGroup;
        for (let k = memberStart[g]; k < memberStart[g + 1]; k++) {
          const o = memberOffer[k];
          if (memberFlow[k] > 0 && side[o] === OVER_DEMANDED && status[o] !== SETTLED) space.relax(o, du + pi[o] - pu, UNFEED, k);
        }
        continue;
      }
      // A tree node (requests are never settled: see the touched lists above).
      const p = parent[u];
      if (p < 0 && state.topFlow[u] < supply[u]) this.addEnd(du - pu, u, -1);
      if (p >= 0 && parentFlow[u] === 0 && status[p] !== SETTLED && side[p] === OVER_DEMANDED) space.relax(p, du + pi[p] - pu, TREE_DOWN, u);
      const x = u - firstExtra;
      for (let k = childStart[x]; k < childStart[x + 1]; k++) {
        const c = children[k];
        if (parentFlow[c] === 0 || side[c] !== OVER_DEMANDED) continue;
        if (c < firstExtra) {
          // A served child: its group loses it, and it gives the unit back here.
          const a = assigned[c - m];
          const gc = armGroup[a];
          if (side[gc] === OVER_DEMANDED && status[gc] !== SETTLED) space.relax(gc, du + pi[gc] - armCost[a] - pu, HOLDER_UP, a);
        } else if (status[c] !== SETTLED) {
          space.relax(c, du + pi[c] - pu, TREE_UP, c);
        }
      }
    }
    if (this.takenCount === 0) throw new Error('internal: a slot the maximum flow fills found no request');
    // Tree nodes and requests whose potential moves are no longer untouched.
    this.raisedCount = 0;
    for (let i = 0; i < space.touchedCount; i++) {
      const v = space.touched[i];
      if (status[v] !== SETTLED) continue;
      if (v < m) this.raised[this.raisedCount++] = v;
      else if (v < firstGroup && key[v] < cutoff) lists.touch(v);
    }
    space.finish(pi, cutoff, -1, stats);
    for (let i = 0; i < this.takenCount; i++) this.augment(target, this.takenKind[i], this.takenId[i]);
  }

  /** Queues an end, and stops the search from reaching anything it will not need (EndBound). */
  private addEnd(key: number, node: number, position: number): void {
    this.ends.push(key, node, position);
    this.space.limit = this.bound.add(position >= 0 ? this.lists.topAt(position) : node, key);
  }

  /**
   * Whether the end popped last can be taken in this batch: TAKEN (its path is free, and is now
   * reserved), SKIP (its request or top was already taken through another end: the request is
   * served, nothing is lost), or STOP (its path, or its request's chain, carries an earlier end
   * of the batch).
   */
  private take(target: number, node: number, position: number): number {
    const { state } = this;
    const { parent, supply } = state.graph;
    if (position >= 0) {
      const arm = this.lists.armAt(position);
      const r = this.lists.requestAt(position);
      const top = this.lists.topAt(position);
      if (this.count(this.supplyUsed, top) >= supply[top] - state.topFlow[top]) return parent[r] < 0 ? SKIP : STOP;
      // An untouched request's chain carries nothing yet, unless an earlier end of the batch uses it.
      for (let v = r; parent[v] >= 0; v = parent[v]) if (this.count(this.arcUsed, v) > 0) return STOP;
      if (!this.pathFree(node, target)) return STOP;
      for (let v = r; parent[v] >= 0; v = parent[v]) this.add(this.arcUsed, v);
      this.add(this.supplyUsed, top);
      this.takenKind[this.takenCount] = START_FREE;
      this.takenId[this.takenCount++] = arm;
    } else {
      if (this.count(this.supplyUsed, node) >= supply[node] - state.topFlow[node]) return SKIP;
      if (!this.pathFree(node, target)) return STOP;
      this.add(this.supplyUsed, node);
      this.takenKind[this.takenCount] = START_TOP;
      this.takenId[this.takenCount++] = node;
    }
    for (let v = node; v !== target; v = this.successor(v)) this.add(this.arcUsed, v);
    return TAKEN;
  }

  /** Whether every arc on the search tree's path from v to the target can carry one more unit. */
  private pathFree(v: number, target: number): boolean {
    const { space, state } = this;
    for (let u = v; u !== target; u = this.successor(u)) {
      const kind = space.predKind[u];
      if (kind === FEED) continue;
      const used = this.count(this.arcUsed, u);
      if (used === 0) continue; // every arc on the tree carries at least one unit
      // Movers tied at a pair's least key are interchangeable: each can carry one path.
      const id = space.predId[u];
      const capacity = kind === UNFEED ? state.memberFlow[id] : kind === TRANSFER ? this.transfers.heaps.countAtMin(id) : 1;
      if (used >= capacity) return false;
    }
    return true;
  }

  /** The next node towards the target on the search tree. */
  private successor(v: number): number {
    const { space, state } = this;
    const { armGroup, armRequest, memberOffer, memberGroup, parent } = state.graph;
    const id = space.predId[v];
    switch (space.predKind[v]) {
      case ASSIGN:
        return armGroup[id];
      case TRANSFER:
        return this.transfers.targetOf(id);
      case FEED:
        return memberOffer[id];
      case UNFEED:
        return memberGroup[id];
      case TREE_DOWN:
        return id;
      case TREE_UP:
        return parent[id];
      case HOLDER_UP:
        return parent[state.m + armRequest[id]];
      default:
        throw new Error('internal: broken path');
    }
  }

  /** Units of this batch on node v's arc towards the target (arcUsed) or from v's supply (supplyUsed). */
  private count(used: Int32Array, v: number): number {
    return this.usedBatch[v] === this.batch ? used[v] : 0;
  }

  private add(used: Int32Array, v: number): void {
    if (this.usedBatch[v] !== this.batch) {
      this.usedBatch[v] = this.batch;
      this.arcUsed[v] = 0;
      this.supplyUsed[v] = 0;
    }
    used[v]++;
  }

  private assign(a: number): void {
    this.state.assign(a);
    this.transfers.addHolder(a);
  }

  private unassign(a: number): void {
    this.stats.moves++;
    this.transfers.removeHolder(a);
    this.state.unassign(a);
  }

  /** Applies the path from the source to the target, walking it from the source. */
  private augment(target: number, startKind: number, startId: number): void {
    const { state, space, lists } = this;
    const { m } = state;
    const { armGroup, armRequest, memberOffer, memberGroup, parent } = state.graph;
    let v: number;
    if (startKind === START_FREE) {
      const r = m + armRequest[startId];
      state.feedChain(r);
      this.assign(startId);
      lists.touchChain(r);
      v = armGroup[startId];
    } else {
      state.topFlow[startId]++;
      lists.touch(startId);
      v = startId;
    }
    while (v !== target) {
      const kind = space.predKind[v];
      const id = space.predId[v];
      if (kind === ASSIGN) {
        const r = m + armRequest[id];
        state.parentFlow[r] = 1;
        this.assign(id);
        lists.touch(v);
        lists.touch(r);
        v = armGroup[id];
      } else if (kind === TRANSFER) {
        const mover = this.transfers.heaps.minItem(id);
        this.unassign(state.assigned[armRequest[mover]]);
        this.assign(mover);
        v = armGroup[mover];
      } else if (kind === FEED) {
        state.feed(id);
        v = memberOffer[id];
      } else if (kind === UNFEED) {
        state.unfeed(id);
        v = memberGroup[id];
      } else if (kind === TREE_DOWN) {
        state.parentFlow[id] = 1;
        lists.touch(v);
        lists.touch(id);
        v = id;
      } else if (kind === TREE_UP) {
        state.parentFlow[id] = 0;
        lists.touch(id);
        v = parent[id];
      } else if (kind === HOLDER_UP) {
        const c = m + armRequest[id];
        state.parentFlow[c] = 0;
        this.unassign(id);
        lists.touch(c);
        v = parent[c];
      } else {
        throw new Error('internal: broken path');
      }
    }
  }
}
