import { FlowState, OVER_DEMANDED } from './flow-state';
import { InwardTransfers } from './inward-transfers';
import { OverSideIndex } from './over-side-index';
import { SearchSpace, SearchStats, SETTLED } from './search-space';
import { warmStartSlotSide } from './slot-side-warm-start';
import { TightPaths } from './tight-paths';
import { UnservedLists } from './unserved-lists';

// The arc leaving a node towards the slot being filled (predKind), in the flow's direction.
const ASSIGN = 1; // id = edge: an unserved request takes offer(edge)
const TRANSFER = 2; // id = edge e': the node's holder request(e') moves to offer(e')
const TREE_DOWN = 3; // id = child: the node hands the child a unit
const TREE_UP = 4; // id = child (this node): it gives its unit back to its parent
const HOLDER_UP = 5; // id = edge a: the node's holder request(a) leaves and gives its unit back to its parent
// How the path starts at the source.
const START_FREE = 1; // id = edge: an unserved top request takes offer(edge)
const START_TOP = 2; // id = top node with supply left

/**
 * Min-cost filling of the over-demanded side: there every slot is filled in every maximum flow
 * and the requests compete for them, so the search runs from the slot: each free slot, one at
 * a time, pulls the cheapest chain of moves ending at an unserved request — successive shortest
 * paths on the reversed residual graph (Dijkstra on reduced costs, distances to the slot). Such
 * searches end as soon as they meet an unserved request, and unserved requests are plentiful on
 * this side; nothing is ever routed to ⊥, whose price then only appears in the certificate.
 *
 * Potentials: the source's is 0, and an untouched unserved request is never settled, so
 * reaching it from offer o costs cost(e) − π(o) (UnservedLists). Moves of holders into an offer
 * are relaxed per source offer with the cheapest mover (InwardTransfers). The search starts
 * from a price-based assignment that already fills many slots optimally (slot-side-warm-start.ts).
 */
export class SlotSideSolver {
  private readonly lists: UnservedLists;
  private readonly transfers: InwardTransfers;
  private readonly path: Int32Array;
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
    this.path = new Int32Array(state.n + 1);
    this.raised = new Int32Array(state.m);
    this.tight = new TightPaths(state, this.lists, this.transfers, {
      assign: (e) => this.assign(e),
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
    const { m, firstExtra, pi, parentFlow, side, assigned } = state;
    const { edgeOffer, edgeCost, parent, childStart, children, supply } = state.problem;
    const heaps = transfers.heaps;
    stats.searches++;
    space.start(target);
    let best = Infinity;
    let startKind = 0;
    let startId = -1;
    // An offer's cheapest untouched request bounds the search as soon as the offer is reached.
    const reachOffer = (o: number, d: number, kind: number, id: number): void => {
      space.relax(o, d, kind, id);
      if (key[o] !== d) return;
      const f = lists.firstUntouched(o);
      if (f >= 0 && d + edgeCost[f] - pi[o] < best) {
        best = d + edgeCost[f] - pi[o];
        startKind = START_FREE;
        startId = f;
      }
    };
    reachOffer(target, 0, 0, 0);
    for (let u = space.next(best); u >= 0; u = space.next(best)) {
      const du = key[u];
      const pu = pi[u];
      if (u < m) {
        if (best <= du) continue; // reduced costs are ≥ 0: nothing through u can be shorter
        for (let k = lists.touchedStart(u); k < lists.touchedEnd(u); k++) {
          const e = lists.touchedEdge(k);
          const r = state.edgeRequest[e];
          if (status[m + r] !== SETTLED) space.relax(m + r, du + edgeCost[e] + pi[m + r] - pu, ASSIGN, e);
        }
        if (!transfers.isIndexed(u)) transfers.index(u);
        // Each source offer once, through its holder that moves here cheapest.
        const pairs = transfers.into(u);
        for (let i = 0; i < pairs.length && best > du; i++) {
          const pair = pairs[i];
          const source = transfers.pairSource[pair];
          if (status[source] === SETTLED) continue;
          stats.transfers++;
          const d = du + heaps.minKey(pair) + pi[source] - pu;
          if (d < best) reachOffer(source, d, TRANSFER, heaps.minItem(pair));
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
          // A served child: its offer loses it, and it gives the unit back here.
          const a = assigned[c - m];
          const oc = edgeOffer[a];
          if (side[oc] === OVER_DEMANDED && status[oc] !== SETTLED) reachOffer(oc, du + pi[oc] - edgeCost[a] - pu, HOLDER_UP, a);
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
      else if (key[v] < best) lists.touch(v);
    }
    space.finish(pi, best, -1, stats);
    this.augment(target, startKind, startId);
  }

  private assign(e: number): void {
    this.state.assign(e);
    this.transfers.addHolder(e);
  }

  private unassign(a: number): void {
    this.stats.moves++;
    this.transfers.removeHolder(a);
    this.state.unassign(a);
  }

  /**
   * Applies the path from the source to the target. It is walked from the source, collected,
   * and applied from the target backwards, so that every offer loses a holder before it gains
   * one and no slot list overflows.
   */
  private augment(target: number, startKind: number, startId: number): void {
    const { state, space, path, lists } = this;
    const { m } = state;
    const { edgeOffer, parent } = state.problem;
    let length = 0;
    let v: number;
    if (startKind === START_FREE) {
      path[length++] = -1 - startId; // marks the first assignment
      v = edgeOffer[startId];
    } else {
      v = startId;
    }
    while (v !== target) {
      path[length++] = v;
      const kind = space.predKind[v];
      const id = space.predId[v];
      if (kind === ASSIGN || kind === TRANSFER) v = edgeOffer[id];
      else if (kind === TREE_DOWN) v = id;
      else if (kind === TREE_UP) v = parent[id];
      else if (kind === HOLDER_UP) v = parent[m + state.edgeRequest[id]];
      else throw new Error('internal: broken path');
    }
    for (let i = length - 1; i >= 0; i--) {
      const node = path[i];
      if (node < 0) {
        const e = -1 - node;
        const r = m + state.edgeRequest[e];
        state.feedChain(r);
        this.assign(e);
        lists.touchChain(r);
        continue;
      }
      const kind = space.predKind[node];
      const id = space.predId[node];
      if (kind === ASSIGN) {
        this.assign(id);
        lists.touch(node);
      } else if (kind === TRANSFER) {
        this.unassign(state.assigned[state.edgeRequest[id]]);
        this.assign(id);
      } else if (kind === TREE_DOWN) {
        state.parentFlow[id] = 1;
        lists.touch(node);
        lists.touch(id);
      } else if (kind === TREE_UP) {
        state.parentFlow[id] = 0;
        lists.touch(id);
      } else {
        const c = m + state.edgeRequest[id];
        state.parentFlow[c] = 0;
        this.unassign(id);
        lists.touch(c);
      }
    }
    if (startKind === START_TOP) {
      state.topFlow[startId]++;
      lists.touch(startId);
    }
  }
}
