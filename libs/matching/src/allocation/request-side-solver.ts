import { FlowState, UNDER_DEMANDED } from './flow-state';
import { SearchSpace, SearchStats, SETTLED } from './search-space';

// How a node was reached (predKind), i.e. the move that brings the unit to it.
const ASSIGN = 1; // id = edge: an unserved request takes the offer
const TRANSFER = 2; // id = edge e': the offer's holder of request(e') moves to offer(e')
const TREE_DOWN = 3; // id = child: its parent hands it the unit
const TREE_UP = 4; // id = child: the child gives its unit back to its parent
const HOLDER_UP = 5; // id = edge a: the offer's holder leaves and gives its unit back to its parent

/**
 * Min-cost routing of the under-demanded side: every unit there can be served (the maximum flow
 * says so), so each follows a shortest residual path to a free slot — successive shortest paths,
 * one unit at a time, by Dijkstra on reduced costs, stopped as soon as no cheaper end is
 * possible. Free slots are plentiful on this side, so searches end quickly; nothing is ever
 * routed to ⊥. Only settled nodes get new potentials (π += d − D), so every residual arc keeps
 * reduced cost ≥ 0 — the optimality certificate. Free offers keep π = 0 (they are never settled
 * before the end of a search) and the sink's potential is 0.
 */
export class RequestSideSolver {
  constructor(
    private readonly state: FlowState,
    private readonly space: SearchSpace,
    private readonly stats: SearchStats,
  ) {}

  /** Routes every unit of the given sources (tops, or nodes fed by a fixed arc), in that order. */
  solve(sources: Int32Array, units: Int32Array): void {
    const { state } = this;
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i];
      for (let unit = 0; unit < units[i]; unit++) {
        if (unit === 0 && source < state.firstExtra && this.tryDirect(source)) this.stats.direct++;
        else this.search(source);
        if (state.problem.parent[source] < 0) state.topFlow[source]++;
      }
    }
  }

  /**
   * A fresh request whose cheapest reduced arc leads to an offer with room: that arc alone is a
   * shortest path (reduced costs are ≥ 0), and only the request's own potential moves.
   */
  private tryDirect(node: number): boolean {
    const { state } = this;
    const { edgeStart, edgeOffer, edgeCost } = state.problem;
    const { pi, side } = state;
    const r = node - state.m;
    let min = Infinity;
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      const o = edgeOffer[e];
      if (side[o] === UNDER_DEMANDED) min = Math.min(min, edgeCost[e] - pi[o]);
    }
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      const o = edgeOffer[e];
      if (side[o] === UNDER_DEMANDED && edgeCost[e] - pi[o] === min && state.isFree(o)) {
        pi[node] = -min; // π += 0 − D with D = min + π(node)
        state.assign(e);
        return true;
      }
    }
    return false;
  }

  /** Routes one unit from `source` along a shortest residual path to a free slot. */
  private search(source: number): void {
    const { state, space, stats } = this;
    const { key, status } = space;
    const { m, firstExtra, pi, parentFlow, transfers, slots, slotStart, slotCount, side } = state;
    const { edgeStart, edgeOffer, edgeCost, parent, childStart, children } = state.problem;
    stats.searches++;
    space.start(source);
    let best = Infinity;
    let endOffer = -1;
    const reachOffer = (o: number, d: number, kind: number, id: number): void => {
      if (status[o] === SETTLED || side[o] !== UNDER_DEMANDED) return;
      space.relax(o, d, kind, id);
      // A free offer ends a path right here (its π is 0): bound D now, stop sooner.
      if (d < best && key[o] === d && state.isFree(o)) {
        best = d;
        endOffer = o;
      }
    };
    for (let u = space.next(best); u >= 0; u = space.next(best)) {
      const du = key[u];
      const pu = pi[u];
      if (u < m) {
        if (state.indexed[u] === 0) state.indexOut(u);
        if (state.isFree(u) && du + pu < best) {
          best = du + pu;
          endOffer = u;
        }
        // Holders under a shop or category node may hand their unit back to it.
        for (let k = slotStart[u]; k < slotStart[u] + slotCount[u]; k++) {
          const a = slots[k];
          const p = parent[m + state.edgeRequest[a]];
          if (p >= 0 && status[p] !== SETTLED && side[p] === UNDER_DEMANDED) space.relax(p, du + pu - edgeCost[a] - pi[p], HOLDER_UP, a);
        }
        // Each target offer once, through the holder that moves there cheapest.
        const pairs = state.pairsOut[u];
        for (let i = 0; i < pairs.length; i++) {
          const pair = pairs[i];
          if (transfers.size(pair) === 0) continue;
          const target = state.pairTarget[pair];
          if (status[target] === SETTLED) continue;
          stats.transfers++;
          reachOffer(target, du + pu + transfers.topKey(pair) - pi[target], TRANSFER, transfers.topItem(pair));
        }
        continue;
      }
      if (u < firstExtra) {
        // An unserved request: the source, or one handed a unit by its shop / category node.
        const r = u - m;
        for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
          const o = edgeOffer[e];
          reachOffer(o, du + edgeCost[e] + pu - pi[o], ASSIGN, e);
        }
      } else {
        const x = u - firstExtra;
        for (let k = childStart[x]; k < childStart[x + 1]; k++) {
          const c = children[k];
          if (parentFlow[c] === 0 && status[c] !== SETTLED && side[c] === UNDER_DEMANDED) space.relax(c, du + pu - pi[c], TREE_DOWN, c);
        }
      }
      const p = parent[u];
      if (p >= 0 && parentFlow[u] === 1 && status[p] !== SETTLED && side[p] === UNDER_DEMANDED) {
        space.relax(p, du + pu - pi[p], TREE_UP, u);
      }
    }
    if (endOffer < 0) throw new Error('internal: a unit the maximum flow can serve found no free slot');
    space.finish(pi, best, 1, stats);
    this.augment(source, endOffer);
  }

  private augment(source: number, end: number): void {
    const { state, space } = this;
    const { edgeOffer, parent } = state.problem;
    let v = end;
    while (v !== source) {
      const kind = space.predKind[v];
      const id = space.predId[v];
      if (kind === ASSIGN) {
        state.assign(id);
        v = state.m + state.edgeRequest[id];
      } else if (kind === TRANSFER) {
        const a = state.assigned[state.edgeRequest[id]];
        state.unassign(a);
        state.assign(id);
        v = edgeOffer[a];
      } else if (kind === TREE_DOWN) {
        state.parentFlow[id] = 1;
        v = parent[id];
      } else if (kind === TREE_UP) {
        state.parentFlow[id] = 0;
        v = id;
      } else if (kind === HOLDER_UP) {
        v = edgeOffer[id];
        state.parentFlow[state.m + state.edgeRequest[id]] = 0;
        state.unassign(id);
      } else {
        throw new Error('internal: broken path');
      }
    }
  }
}
