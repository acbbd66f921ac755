import { FlowState, OVER_DEMANDED } from './flow-state';
import { OverSideIndex } from './over-side-index';

/**
 * For each over-demanded offer, the unserved requests that can take it, for the slot-side
 * solver, in two kinds:
 *
 * - untouched: neither the request nor any node above it ever carried flow or had its potential
 *   moved, so all those potentials are still the source's (0) and the chain of arcs from the
 *   source is tight. Reaching such a request over edge e costs cost(e) − π(offer), so the
 *   cheapest is the first of the offer's edges sorted by cost; once touched, a request never
 *   becomes untouched again, so one pointer per offer walks past served and touched ones.
 * - touched (below a shop or category node whose chain changed): kept in a per-offer list and
 *   relaxed one by one. Top requests are never in it: a served top stays served on this side.
 */
export class UnservedLists {
  private readonly touched: Uint8Array;
  private readonly sortedStart: Int32Array;
  private readonly sorted: Int32Array;
  private readonly sortedRequest: Int32Array;
  private readonly pointer: Int32Array;
  private readonly listStart: Int32Array;
  private readonly listCount: Int32Array;
  private readonly list: Int32Array;
  private readonly position: Int32Array;
  private readonly listed: Uint8Array;

  constructor(
    private readonly state: FlowState,
    index: OverSideIndex,
  ) {
    const { m, n, side } = state;
    const { parent } = state.problem;
    this.touched = new Uint8Array(n);
    this.sortedStart = index.start;
    this.sorted = index.edge;
    this.sortedRequest = index.request;
    this.pointer = index.start.slice(0, m);
    this.listStart = new Int32Array(m + 1);
    for (let o = 0; o < m; o++) {
      let below = 0;
      for (let k = index.start[o]; k < index.start[o + 1]; k++) if (parent[m + index.request[k]] >= 0) below++;
      this.listStart[o + 1] = this.listStart[o] + below;
    }
    this.listCount = new Int32Array(m);
    this.list = new Int32Array(this.listStart[m]);
    this.position = new Int32Array(state.edgeRequest.length).fill(-1);
    this.listed = new Uint8Array(state.problem.requestCount);
    // Flow fixed before the solver starts (across the cut, or by the warm start) counts as a touch.
    for (let v = m; v < n; v++) {
      const carries = parent[v] >= 0 ? state.parentFlow[v] === 1 : state.topFlow[v] > 0;
      if (carries && side[v] === OVER_DEMANDED) this.touch(v);
    }
  }

  /** The cheapest untouched unserved request with an edge to o, as that edge, or -1. */
  firstUntouched(o: number): number {
    const { sorted, sortedRequest, pointer, state, touched } = this;
    const end = this.sortedStart[o + 1];
    let k = pointer[o];
    while (k < end) {
      const r = sortedRequest[k];
      if (state.assigned[r] < 0 && touched[state.m + r] === 0) break;
      k++;
    }
    pointer[o] = k;
    return k < end ? sorted[k] : -1;
  }

  touchedStart(o: number): number {
    return this.listStart[o];
  }

  touchedEnd(o: number): number {
    return this.listStart[o] + this.listCount[o];
  }

  touchedEdge(k: number): number {
    return this.list[k];
  }

  /** Node v's flow or potential changed: it and everything below it are touched. */
  touch(v: number): void {
    const { state, touched } = this;
    const { firstExtra, m } = state;
    const first = touched[v] === 0;
    touched[v] = 1;
    if (v < firstExtra) {
      this.refresh(v - m);
      return;
    }
    const { childStart, children } = state.problem;
    const x = v - firstExtra;
    for (let k = childStart[x]; k < childStart[x + 1]; k++) {
      const c = children[k];
      if (first || touched[c] === 0 || c < firstExtra) this.touch(c);
    }
  }

  /** A unit came down the chain to v: v and every node above it are touched. */
  touchChain(v: number): void {
    const { parent } = this.state.problem;
    for (let u = v; u >= 0; u = parent[u]) this.touch(u);
  }

  /** Puts request r's edges in or out of the touched lists, as its state now says. */
  private refresh(r: number): void {
    const { state } = this;
    const v = state.m + r;
    if (state.problem.parent[v] < 0 || !state.fedFromOverSide(v)) return;
    const want = this.touched[v] === 1 && state.assigned[r] < 0 ? 1 : 0;
    if (this.listed[r] === want) return;
    this.listed[r] = want;
    const { edgeStart, edgeOffer } = state.problem;
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) {
      const o = edgeOffer[e];
      if (state.side[o] !== OVER_DEMANDED) continue;
      if (want === 1) {
        const k = this.listStart[o] + this.listCount[o]++;
        this.list[k] = e;
        this.position[e] = k;
      } else {
        const k = this.position[e];
        const last = this.listStart[o] + --this.listCount[o];
        const moved = this.list[last];
        this.list[k] = moved;
        this.position[moved] = k;
        this.position[e] = -1;
      }
    }
  }
}
