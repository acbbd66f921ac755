import { FlowState } from './flow-state';
import { IndexedMinHeap } from './indexed-heap';
import { TransportProblem } from './transport-problem';

export interface SolverStats {
  /** Supply units routed without a search (the cheapest offer had room). */
  direct: number;
  /** Supply units that needed a shortest-path search. */
  searches: number;
  /** Nodes settled over all searches. */
  settled: number;
  /** Holder moves (offer → target offer) relaxed over all searches. */
  transfers: number;
}

const NOT_SEEN = 0;
const IN_HEAP = 1;
const SETTLED = 2;

// How a node was reached (predKind), i.e. the move that brings the unit to it.
const ROOT = 0;
const ASSIGN = 1; // id = edge: an unserved request takes the offer
const TRANSFER = 2; // id = edge e': the offer's holder of request(e') moves to offer(e')
const TREE_DOWN = 3; // id = child: its parent hands it the unit
const TREE_UP = 4; // id = child: the child gives its unit back to its parent
const HOLDER_UP = 5; // id = edge a: the offer's holder leaves and gives its unit back to its parent
// How the path ends.
const END_SINK = 1; // id = offer with a free slot
const END_BOTTOM = 2; // id = top node: it sends the unit to ⊥
const END_HOLDER_BOTTOM = 3; // id = edge a: the offer's holder (a top request) goes to ⊥

/**
 * Exact min-cost flow by successive shortest paths, one supply unit at a time (the Hungarian
 * method with capacities): each unit follows a shortest residual path found by Dijkstra on
 * reduced costs, stopped as soon as no cheaper end is possible; only settled nodes get new
 * potentials (π += d − D), so every residual arc keeps reduced cost ≥ 0 — the optimality
 * certificate checked by optimality-certificate.ts. ⊥ (see TransportProblem) costs `big`.
 *
 * What keeps it fast on contested national instances: a unit whose cheapest offer has room is
 * placed in O(degree); reaching a full offer does not touch its holders' edges one by one but
 * relaxes each offer they could move to once, with the cheapest mover (FlowState's pair heaps).
 */
export class TransportSolver {
  readonly state: FlowState;
  readonly big: number;
  readonly stats: SolverStats = { direct: 0, searches: 0, settled: 0, transfers: 0 };
  /** Dijkstra keys (distances) per node. */
  private readonly key: Float64Array;
  private readonly status: Uint8Array;
  private readonly predKind: Uint8Array;
  private readonly predId: Int32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly heap: IndexedMinHeap;

  constructor(readonly problem: TransportProblem) {
    this.state = new FlowState(problem);
    const { n } = this.state;
    let maxCost = 0;
    for (const c of problem.edgeCost) if (c > maxCost) maxCost = c;
    // A simple path crosses each request at most once, so its cost is at most R × maxCost.
    this.big = problem.requestCount * maxCost + 1;
    if (4 * this.big > Number.MAX_SAFE_INTEGER) throw new RangeError('allocation costs too large for exact arithmetic');
    this.key = new Float64Array(n);
    this.status = new Uint8Array(n);
    this.predKind = new Uint8Array(n);
    this.predId = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.heap = new IndexedMinHeap(n, this.key);
  }

  solve(): Uint8Array {
    const { order, supply } = this.problem;
    for (let i = 0; i < order.length; i++) {
      const top = order[i];
      for (let unit = 0; unit < supply[top]; unit++) {
        if (unit === 0 && top < this.state.firstExtra && this.tryDirect(top)) this.stats.direct++;
        else this.search(top);
      }
    }
    return this.state.edgeFlow;
  }

  /**
   * A fresh top request whose cheapest reduced arc leads to an offer with room: that arc alone
   * is a shortest path (reduced costs are ≥ 0, ⊥ costs `big`), and only its potential moves.
   */
  private tryDirect(node: number): boolean {
    const { state } = this;
    const { edgeStart, edgeOffer, edgeCost } = this.problem;
    const pi = state.pi;
    const r = node - state.m;
    let min = Infinity;
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) min = Math.min(min, edgeCost[e] - pi[edgeOffer[e]]);
    // Via the offer D = min + π(node), via ⊥ D = big + π(node); ties go to the full search.
    if (!(min < this.big)) return false;
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      const o = edgeOffer[e];
      if (edgeCost[e] - pi[o] === min && state.isFree(o)) {
        pi[node] -= min + pi[node]; // π += 0 − D
        state.assign(e);
        return true;
      }
    }
    return false;
  }

  private relax(v: number, d: number, kind: number, id: number): void {
    const status = this.status[v];
    if (status === NOT_SEEN) {
      this.status[v] = IN_HEAP;
      this.key[v] = d;
      this.predKind[v] = kind;
      this.predId[v] = id;
      this.touched[this.touchedCount++] = v;
      this.heap.push(v);
    } else if (status === IN_HEAP && d < this.key[v]) {
      this.key[v] = d;
      this.predKind[v] = kind;
      this.predId[v] = id;
      this.heap.decrease(v);
    }
  }

  /** Routes one unit from `source` along a shortest residual path to a free slot or ⊥. */
  private search(source: number): void {
    const { state, key, heap, status, problem } = this;
    const { m, firstExtra, pi, parentFlow, bottomFlow, transfers, topHolders, slots, slotStart, slotCount } = state;
    const { edgeStart, edgeOffer, edgeCost, parent, childStart, children, supply } = problem;
    const big = this.big;
    this.stats.searches++;
    this.touchedCount = 0;
    this.relax(source, 0, ROOT, 0);
    let best = Infinity;
    let endKind = 0;
    let endId = -1;
    const reachOffer = (o: number, d: number, kind: number, id: number): void => {
      if (status[o] === SETTLED) return;
      this.relax(o, d, kind, id);
      // A free offer ends a path right here (its π is 0): bound D now, stop sooner.
      if (d < best && key[o] === d && state.isFree(o)) {
        best = d;
        endKind = END_SINK;
        endId = o;
      }
    };
    while (heap.size > 0) {
      const id = heap.peek();
      if (key[id] >= best) break;
      heap.pop();
      const u = id;
      status[u] = SETTLED;
      const du = key[u];
      const pu = pi[u];
      if (u < m) {
        if (state.built[u] === 0) state.build(u);
        if (state.isFree(u) && du + pu < best) {
          best = du + pu;
          endKind = END_SINK;
          endId = u;
        }
        if (topHolders.size(u) > 0) {
          const a = topHolders.topItem(u);
          const viaBottom = du + big + pu - edgeCost[a];
          if (viaBottom < best) {
            best = viaBottom;
            endKind = END_HOLDER_BOTTOM;
            endId = a;
          }
        }
        if (state.treeHolders[u] > 0) {
          for (let k = slotStart[u]; k < slotStart[u] + slotCount[u]; k++) {
            const a = slots[k];
            const p = parent[m + state.edgeRequest[a]];
            if (p >= 0 && status[p] !== SETTLED) this.relax(p, du + pu - edgeCost[a] - pi[p], HOLDER_UP, a);
          }
        }
        // Each target offer once, through the holder that moves there cheapest.
        const pairs = state.pairsOf[u];
        for (let i = 0; i < pairs.length; i++) {
          const pair = pairs[i];
          if (transfers.size(pair) === 0) continue;
          const target = state.pairTarget[pair];
          if (status[target] === SETTLED) continue;
          this.stats.transfers++;
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
          if (parentFlow[c] === 0 && status[c] !== SETTLED) this.relax(c, du + pu - pi[c], TREE_DOWN, c);
        }
      }
      const p = parent[u];
      if (p >= 0) {
        if (parentFlow[u] === 1 && status[p] !== SETTLED) this.relax(p, du + pu - pi[p], TREE_UP, u);
      } else if (bottomFlow[u] < supply[u] && du + big + pu < best) {
        best = du + big + pu;
        endKind = END_BOTTOM;
        endId = u;
      }
    }
    this.finish(best);
    this.augment(source, endKind, endId);
  }

  /** π(v) += d(v) − D on settled nodes. */
  private finish(D: number): void {
    const { state, status, key } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const v = this.touched[i];
      if (status[v] === SETTLED) {
        state.pi[v] += key[v] - D;
        this.stats.settled++;
      }
      status[v] = NOT_SEEN;
    }
    this.heap.clear();
  }

  private augment(source: number, endKind: number, endId: number): void {
    const { state } = this;
    const { edgeOffer } = this.problem;
    let v: number;
    if (endKind === END_SINK) {
      v = endId;
    } else if (endKind === END_BOTTOM) {
      state.bottomFlow[endId]++;
      v = endId;
    } else if (endKind === END_HOLDER_BOTTOM) {
      const h = state.m + state.edgeRequest[endId];
      v = edgeOffer[endId];
      state.unassign(endId);
      state.bottomFlow[h]++;
    } else {
      throw new Error('internal: search found no end');
    }
    while (v !== source) {
      const kind = this.predKind[v];
      const id = this.predId[v];
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
        v = this.problem.parent[id];
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
