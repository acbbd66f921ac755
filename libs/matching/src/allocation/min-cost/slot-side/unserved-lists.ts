import { OVER_DEMANDED } from '../../max-flow/cut-side';
import { FlowState } from '../flow-state';
import { OverSideIndex } from './over-side-index';

/**
 * For each over-demanded group, the unserved requests that can take it, for the slot-side solver,
 * in two kinds:
 *
 * - untouched: neither the request nor any node above it ever carried flow or had its potential
 *   moved, so all those potentials are still the source's (0) and the chain of arcs from the
 *   source is tight. Reaching such a request over arm a costs cost(a) − π(group), so the
 *   cheapest is the first of the group's arms sorted by cost; once touched, a request never
 *   becomes untouched again, so one pointer per group walks past served and touched ones.
 * - touched (below a shop or category node whose chain changed): kept in a per-group list with
 *   the request's parent and the arm's cost. Such a request only leads on to its parent, so a
 *   search relaxes the parent over the arm directly and never settles the request (its potential
 *   is its parent's, see SlotSideSolver.solve). Top requests are never in it: a served top stays
 *   served on this side.
 */
export class UnservedLists {
  private readonly touched: Uint8Array;
  private readonly sortedStart: Int32Array;
  private readonly sorted: Int32Array;
  private readonly sortedRequest: Int32Array;
  private readonly sortedTop: Int32Array;
  private readonly pointer: Int32Array;
  private readonly listStart: Int32Array;
  private readonly listCount: Int32Array;
  private readonly list: Int32Array;
  /** Beside each listed arm, its request's parent and its cost: a search reads these for every listed arm of every group it settles. */
  private readonly listParent: Int32Array;
  private readonly listCost: Float64Array;
  private readonly position: Int32Array;
  private readonly listed: Uint8Array;

  constructor(
    private readonly state: FlowState,
    index: OverSideIndex,
  ) {
    const { m, n, side, graph } = state;
    const { parent, groupCount } = graph;
    this.touched = new Uint8Array(n);
    this.sortedStart = index.start;
    this.sorted = index.arm;
    this.sortedRequest = index.request;
    this.sortedTop = index.top;
    this.pointer = index.start.slice(0, groupCount);
    this.listStart = new Int32Array(groupCount + 1);
    for (let g = 0; g < groupCount; g++) {
      let below = 0;
      // A request below a tree node is not its own top (read beside it: no jump to the request).
      for (let k = index.start[g]; k < index.start[g + 1]; k++) if (index.top[k] !== m + index.request[k]) below++;
      this.listStart[g + 1] = this.listStart[g] + below;
    }
    this.listCount = new Int32Array(groupCount);
    this.list = new Int32Array(this.listStart[groupCount]);
    this.listParent = new Int32Array(this.listStart[groupCount]);
    this.listCost = new Float64Array(this.listStart[groupCount]);
    this.position = new Int32Array(graph.armGroup.length).fill(-1);
    this.listed = new Uint8Array(graph.requestCount);
    // Flow fixed before the solver starts (across the cut, or by the warm start) counts as a touch.
    for (let v = m; v < state.firstGroup; v++) {
      const carries = parent[v] >= 0 ? state.parentFlow[v] === 1 : state.topFlow[v] > 0;
      if (carries && side[v] === OVER_DEMANDED) this.touch(v);
    }
  }

  /** The cheapest untouched unserved request with an arm to group node g, as that arm, or -1. */
  firstUntouched(group: number): number {
    const k = this.firstPosition(group);
    return k < 0 ? -1 : this.sorted[k];
  }

  /** Where the cheapest untouched unserved request of group node g sits in the index, or -1. */
  firstPosition(group: number): number {
    const g = group - this.state.firstGroup;
    const k = this.nextPosition(group, this.pointer[g]);
    this.pointer[g] = k < 0 ? this.sortedStart[g + 1] : k;
    return k;
  }

  /** The first position from `from` on (in group node g's run) of an untouched unserved request, or -1. */
  nextPosition(group: number, from: number): number {
    const { sortedRequest, state, touched } = this;
    const end = this.sortedStart[group - state.firstGroup + 1];
    for (let k = from; k < end; k++) {
      const r = sortedRequest[k];
      if (state.assigned[r] < 0 && touched[state.m + r] === 0) return k;
    }
    return -1;
  }

  /** The arm at a position of the index. */
  armAt(position: number): number {
    return this.sorted[position];
  }

  /** The request node of the arm at a position of the index. */
  requestAt(position: number): number {
    return this.state.m + this.sortedRequest[position];
  }

  /** The top of the chain of the arm's request at a position of the index. */
  topAt(position: number): number {
    return this.sortedTop[position];
  }

  touchedStart(group: number): number {
    return this.listStart[group - this.state.firstGroup];
  }

  touchedEnd(group: number): number {
    const g = group - this.state.firstGroup;
    return this.listStart[g] + this.listCount[g];
  }

  touchedArm(k: number): number {
    return this.list[k];
  }

  /** The parent of the listed arm's request (the node a search reaches through that arm). */
  touchedParent(k: number): number {
    return this.listParent[k];
  }

  /** The cost of the listed arm at k. */
  touchedCost(k: number): number {
    return this.listCost[k];
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
    const { childStart, children } = state.graph;
    const x = v - firstExtra;
    for (let k = childStart[x]; k < childStart[x + 1]; k++) {
      const c = children[k];
      if (first || touched[c] === 0 || c < firstExtra) this.touch(c);
    }
  }

  /** A unit came down the chain to v: v and every node above it are touched. */
  touchChain(v: number): void {
    const { parent } = this.state.graph;
    for (let u = v; u >= 0; u = parent[u]) this.touch(u);
  }

  /** Puts request r's arms in or out of the touched lists, as its state now says. */
  private refresh(r: number): void {
    const { state } = this;
    const v = state.m + r;
    if (state.graph.parent[v] < 0 || !state.fedFromOverSide(v)) return;
    const want = this.touched[v] === 1 && state.assigned[r] < 0 ? 1 : 0;
    if (this.listed[r] === want) return;
    this.listed[r] = want;
    const { armStart, armGroup, armCost } = state.graph;
    for (let a = armStart[r]; a < armStart[r + 1]; a++) {
      const group = armGroup[a];
      if (state.side[group] !== OVER_DEMANDED) continue;
      const g = group - state.firstGroup;
      if (want === 1) {
        const k = this.listStart[g] + this.listCount[g]++;
        this.list[k] = a;
        this.listParent[k] = state.graph.parent[v];
        this.listCost[k] = armCost[a];
        this.position[a] = k;
      } else {
        const k = this.position[a];
        const last = this.listStart[g] + --this.listCount[g];
        const moved = this.list[last];
        this.list[k] = moved;
        this.listParent[k] = this.listParent[last];
        this.listCost[k] = this.listCost[last];
        this.position[moved] = k;
        this.position[a] = -1;
      }
    }
  }
}
