import { UNDER_DEMANDED } from '../../max-flow/cut-side';
import { FlowState } from '../flow-state';
import { SearchSpace, SearchStats, SETTLED } from '../search-space';

// How a node was reached (predKind), i.e. the move that brings the unit to it.
const ASSIGN = 1; // id = arm: an unserved request takes the group
const TRANSFER = 2; // id = arm a': a holder of the previous group moves to group(a')
const FEED = 3; // id = member arc: the group sends the unit on to its offer
const UNFEED = 4; // id = member arc: the offer hands a unit back to the arc's group
const TREE_DOWN = 5; // id = child: its parent hands it the unit
const TREE_UP = 6; // id = child: the child gives its unit back to its parent
const HOLDER_UP = 7; // id = arm a: a holder of group(a) leaves and gives its unit back to its parent

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
  /** Per group: the member that last had room, where the next look for room starts. */
  private readonly roomHint: Int32Array;

  constructor(
    private readonly state: FlowState,
    private readonly space: SearchSpace,
    private readonly stats: SearchStats,
  ) {
    this.roomHint = state.graph.memberStart.slice(0, state.graph.groupCount);
  }

  /** Routes every unit of the given sources (tops, groups or nodes fed by a fixed arc), in that order. */
  solve(sources: Int32Array, units: Int32Array): void {
    const { state } = this;
    const { parent } = state.graph;
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i];
      for (let unit = 0; unit < units[i]; unit++) {
        if (unit === 0 && source >= state.m && source < state.firstExtra && this.tryDirect(source)) this.stats.direct++;
        else this.search(source);
        if (source < state.firstGroup && parent[source] < 0) state.topFlow[source]++;
      }
    }
  }

  /**
   * A fresh request whose cheapest reduced arm leads to a group at potential 0 with a free offer:
   * that arm, the group's arc to the offer and the offer's arc to the sink are a shortest path
   * (reduced costs are ≥ 0, free offers are at 0), and only the request's own potential moves.
   */
  private tryDirect(node: number): boolean {
    const { state } = this;
    const { armStart, armGroup, armCost } = state.graph;
    const { pi, side } = state;
    const r = node - state.m;
    let min = Infinity;
    for (let a = armStart[r]; a < armStart[r + 1]; a++) {
      const g = armGroup[a];
      if (side[g] === UNDER_DEMANDED) min = Math.min(min, armCost[a] - pi[g]);
    }
    for (let a = armStart[r]; a < armStart[r + 1]; a++) {
      const g = armGroup[a];
      if (side[g] !== UNDER_DEMANDED || armCost[a] - pi[g] !== min || pi[g] !== 0) continue;
      const k = this.memberWithRoom(g);
      if (k < 0) continue;
      pi[node] = -min; // π += 0 − D with D = min + π(node)
      state.assign(a);
      state.feed(k);
      return true;
    }
    return false;
  }

  /** A member arc of group node g whose offer has room and potential 0, or -1. */
  private memberWithRoom(g: number): number {
    const { state, roomHint } = this;
    const { memberStart, memberOffer } = state.graph;
    const x = g - state.firstGroup;
    const start = memberStart[x];
    const count = memberStart[x + 1] - start;
    for (let i = 0; i < count; i++) {
      const k = start + ((roomHint[x] - start + i) % count);
      const o = memberOffer[k];
      if (state.side[o] === UNDER_DEMANDED && state.isFree(o) && state.pi[o] === 0) {
        roomHint[x] = k;
        return k;
      }
    }
    return -1;
  }

  /** Routes one unit from `source` along a shortest residual path to a free slot. */
  private search(source: number): void {
    const { state, space, stats } = this;
    const { key, status } = space;
    const { m, firstExtra, firstGroup, pi, parentFlow, side, outward, memberFlow } = state;
    const { armStart, armGroup, armCost, parent, childStart, children, feederStart, feederMember, memberGroup, memberStart, memberOffer } = state.graph;
    const heaps = outward.heaps;
    stats.searches++;
    space.start(source);
    let best = Infinity;
    let endOffer = -1;
    const reachOffer = (o: number, d: number, k: number): void => {
      if (status[o] === SETTLED || side[o] !== UNDER_DEMANDED) return;
      space.relax(o, d, FEED, k);
      // A free offer ends a path right here (its π is 0): bound D now, stop sooner.
      if (d < best && key[o] === d && state.isFree(o)) {
        best = d;
        endOffer = o;
      }
    };
    const reach = (v: number, d: number, kind: number, id: number): void => {
      if (status[v] !== SETTLED && side[v] === UNDER_DEMANDED) space.relax(v, d, kind, id);
    };
    for (let u = space.next(best); u >= 0; u = space.next(best)) {
      const du = key[u];
      const pu = pi[u];
      if (u < m) {
        if (state.isFree(u) && du + pu < best) {
          best = du + pu;
          endOffer = u;
        }
        // A group feeding this offer can take a unit back and send it elsewhere.
        for (let i = feederStart[u]; i < feederStart[u + 1]; i++) {
          const k = feederMember[i];
          if (memberFlow[k] > 0) reach(memberGroup[k], du + pu - pi[memberGroup[k]], UNFEED, k);
        }
        continue;
      }
      if (u >= firstGroup) {
        if (!outward.isIndexed(u)) outward.index(u);
        const g = u - firstGroup;
        for (let k = memberStart[g]; k < memberStart[g + 1]; k++) reachOffer(memberOffer[k], du + pu - pi[memberOffer[k]], k);
        // Each target once, through the holder that leaves for it cheapest.
        const pairs = outward.pairs(u);
        for (let i = 0; i < pairs.length; i++) {
          const pair = pairs[i];
          if (heaps.size(pair) === 0) continue;
          const target = outward.pairTarget[pair];
          if (status[target] === SETTLED) continue;
          stats.transfers++;
          reach(target, du + pu + heaps.topKey(pair) - pi[target], target >= firstGroup ? TRANSFER : HOLDER_UP, heaps.topItem(pair));
        }
        continue;
      }
      if (u < firstExtra) {
        // An unserved request: the source, or one handed a unit by its shop / category node.
        const r = u - m;
        for (let a = armStart[r]; a < armStart[r + 1]; a++) reach(armGroup[a], du + armCost[a] + pu - pi[armGroup[a]], ASSIGN, a);
      } else {
        const x = u - firstExtra;
        for (let k = childStart[x]; k < childStart[x + 1]; k++) {
          const c = children[k];
          if (parentFlow[c] === 0) reach(c, du + pu - pi[c], TREE_DOWN, c);
        }
      }
      const p = parent[u];
      if (p >= 0 && parentFlow[u] === 1) reach(p, du + pu - pi[p], TREE_UP, u);
    }
    if (endOffer < 0) throw new Error('internal: a unit the maximum flow can serve found no free slot');
    space.finish(pi, best, 1, stats);
    this.augment(source, endOffer);
  }

  /** Applies the path found, walking it back from its end. */
  private augment(source: number, end: number): void {
    const { state, space } = this;
    const { armGroup, armRequest, memberGroup, memberOffer, parent } = state.graph;
    let v = end;
    while (v !== source) {
      const kind = space.predKind[v];
      const id = space.predId[v];
      if (kind === ASSIGN) {
        state.assign(id);
        v = state.m + armRequest[id];
      } else if (kind === TRANSFER) {
        const a = state.assigned[armRequest[id]];
        state.unassign(a);
        state.assign(id);
        v = armGroup[a];
      } else if (kind === FEED) {
        state.feed(id);
        v = memberGroup[id];
      } else if (kind === UNFEED) {
        state.unfeed(id);
        v = memberOffer[id];
      } else if (kind === TREE_DOWN) {
        state.parentFlow[id] = 1;
        v = parent[id];
      } else if (kind === TREE_UP) {
        state.parentFlow[id] = 0;
        v = id;
      } else if (kind === HOLDER_UP) {
        state.parentFlow[state.m + armRequest[id]] = 0;
        state.unassign(id);
        v = armGroup[id];
      } else {
        throw new Error('internal: broken path');
      }
    }
  }
}
