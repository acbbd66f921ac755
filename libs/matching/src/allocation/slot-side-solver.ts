import { OVER_DEMANDED } from './cut-side';
import { FlowState } from './flow-state';
import { InwardTransfers } from './inward-transfers';
import { OverSideIndex } from './over-side-index';
import { SearchSpace, SearchStats, SETTLED } from './search-space';
import { warmStartSlotSide } from './slot-side-warm-start';
import { TightPaths } from './tight-paths';
import { UnservedLists } from './unserved-lists';

// The arc leaving a node towards the slot being filled (predKind), in the flow's direction.
const ASSIGN = 1; // id = arm: an unserved request takes group(arm)
const TRANSFER = 2; // id = arm a': the group's holder request(a') moves to group(a')
const FEED = 3; // id = member arc: the group sends one more unit to its offer
const UNFEED = 4; // id = member arc: the offer hands a unit back to the arc's group
const TREE_DOWN = 5; // id = child: the node hands the child a unit
const TREE_UP = 6; // id = child (this node): it gives its unit back to its parent
const HOLDER_UP = 7; // id = arm a: the group's holder request(a) leaves and gives its unit back to its parent
// How the path starts at the source.
const START_FREE = 1; // id = arm: an untouched unserved request takes group(arm)
const START_TOP = 2; // id = top node with supply left

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
 * reaching it from group g costs cost(a) − π(g) (UnservedLists). Moves of holders into a group
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
    this.tight = new TightPaths(state, this.lists, this.transfers, {
      assign: (a) => this.assign(a),
      unassign: (a) => this.unassign(a),
    });
  }

  /**
   * Fills every free slot of the given offers, in that order. After each search, the slots of
   * the offers it raised are first offered tight paths (length 0 under the new potentials,
   * hence shortest): on wide plateaus of equal costs one raise then fills many slots.
   */
  solve(offers: Int32Array): void {
    const { state } = this;
    for (let i = 0; i < offers.length; i++) {
      const o = offers[i];
      while (state.isFree(o)) {
        this.search(o);
        this.stats.direct += this.tight.fill(this.raised, this.raisedCount);
      }
    }
  }

  /** Fills one slot of `target` along a shortest residual path from the source. */
  private search(target: number): void {
    const { state, space, stats, lists, transfers } = this;
    const { key, status } = space;
    const { m, firstExtra, firstGroup, pi, parentFlow, side, assigned, memberFlow } = state;
    const { armCost, armGroup, parent, childStart, children, supply, feederStart, feederMember, memberGroup, memberStart, memberOffer } = state.graph;
    const heaps = transfers.heaps;
    stats.searches++;
    space.start(target);
    let best = Infinity;
    let startKind = 0;
    let startId = -1;
    // A group's cheapest untouched request bounds the search as soon as the group is reached.
    const reachGroup = (g: number, d: number, kind: number, id: number): void => {
      space.relax(g, d, kind, id);
      if (key[g] !== d) return;
      const f = lists.firstUntouched(g);
      if (f >= 0 && d + armCost[f] - pi[g] < best) {
        best = d + armCost[f] - pi[g];
        startKind = START_FREE;
        startId = f;
      }
    };
    for (let u = space.next(best); u >= 0; u = space.next(best)) {
      const du = key[u];
      const pu = pi[u];
      if (u < m) {
        if (best <= du) continue; // reduced costs are ≥ 0: nothing through u can be shorter
        for (let i = feederStart[u]; i < feederStart[u + 1]; i++) {
          const k = feederMember[i];
          const g = memberGroup[k];
          if (side[g] === OVER_DEMANDED && status[g] !== SETTLED) reachGroup(g, du + pi[g] - pu, FEED, k);
        }
        continue;
      }
      if (u >= firstGroup) {
        if (best <= du) continue;
        for (let k = lists.touchedStart(u); k < lists.touchedEnd(u); k++) {
          const a = lists.touchedArm(k);
          const r = state.graph.armRequest[a];
          if (status[m + r] !== SETTLED) space.relax(m + r, du + armCost[a] + pi[m + r] - pu, ASSIGN, a);
        }
        if (!transfers.isIndexed(u)) transfers.index(u);
        // Each source group once, through its holder that moves here cheapest.
        const pairs = transfers.into(u);
        for (let i = 0; i < pairs.length && best > du; i++) {
          const pair = pairs[i];
          const source = transfers.pairSource[pair];
          if (status[source] === SETTLED) continue;
          stats.transfers++;
          const d = du + heaps.minKey(pair) + pi[source] - pu;
          if (d < best) reachGroup(source, d, TRANSFER, heaps.minItem(pair));
        }
        // An offer this group feeds can hand the unit back and take another from elsewhere.
        const g = u - firstGroup;
        for (let k = memberStart[g]; k < memberStart[g + 1]; k++) {
          const o = memberOffer[k];
          if (memberFlow[k] > 0 && side[o] === OVER_DEMANDED && status[o] !== SETTLED) space.relax(o, du + pi[o] - pu, UNFEED, k);
        }
        continue;
      }
      const p = parent[u];
      if (u < firstExtra) {
        // An unserved request below a tree node: its parent may hand it a unit.
        if (p >= 0 && status[p] !== SETTLED && side[p] === OVER_DEMANDED) space.relax(p, du + pi[p] - pu, TREE_DOWN, u);
        continue;
      }
      if (p < 0 && state.topFlow[u] < supply[u] && du - pu < best) {
        best = du - pu;
        startKind = START_TOP;
        startId = u;
      }
      if (best <= du) continue;
      if (p >= 0 && parentFlow[u] === 0 && status[p] !== SETTLED && side[p] === OVER_DEMANDED) space.relax(p, du + pi[p] - pu, TREE_DOWN, u);
      const x = u - firstExtra;
      for (let k = childStart[x]; k < childStart[x + 1]; k++) {
        const c = children[k];
        if (parentFlow[c] === 0 || side[c] !== OVER_DEMANDED) continue;
        if (c < firstExtra) {
          // A served child: its group loses it, and it gives the unit back here.
          const a = assigned[c - m];
          const gc = armGroup[a];
          if (side[gc] === OVER_DEMANDED && status[gc] !== SETTLED) reachGroup(gc, du + pi[gc] - armCost[a] - pu, HOLDER_UP, a);
        } else if (status[c] !== SETTLED) {
          space.relax(c, du + pi[c] - pu, TREE_UP, c);
        }
      }
    }
    if (startId < 0) throw new Error('internal: a slot the maximum flow fills found no request');
    // Tree nodes and requests whose potential moves are no longer untouched.
    this.raisedCount = 0;
    for (let i = 0; i < space.touchedCount; i++) {
      const v = space.touched[i];
      if (status[v] !== SETTLED) continue;
      if (v < m) this.raised[this.raisedCount++] = v;
      else if (v < firstGroup && key[v] < best) lists.touch(v);
    }
    space.finish(pi, best, -1, stats);
    this.augment(target, startKind, startId);
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
        this.assign(id);
        lists.touch(v);
        v = armGroup[id];
      } else if (kind === TRANSFER) {
        this.unassign(state.assigned[armRequest[id]]);
        this.assign(id);
        v = armGroup[id];
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
