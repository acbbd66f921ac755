import { IndexedMinHeap } from './structures/indexed-heap';

export const NOT_SEEN = 0;
export const IN_HEAP = 1;
export const SETTLED = 2;

export interface SearchStats {
  /** Units routed without a search (the cheapest option was free and tight). */
  direct: number;
  /** Units that needed a shortest-path search. */
  searches: number;
  /** Nodes settled over all searches. */
  settled: number;
  /** Holder moves relaxed over all searches. */
  transfers: number;
  /** Holder moves applied (each one an offer changing hands). */
  moves: number;
}

export const emptySearchStats = (): SearchStats => ({ direct: 0, searches: 0, settled: 0, transfers: 0, moves: 0 });

/**
 * Dijkstra's working memory, shared by the two solvers (they run one after the other): keys,
 * status and predecessor per node, and the list of nodes touched by the current search so that
 * resetting costs what the search cost, not the size of the network.
 *
 * Nodes reached at exactly the distance being settled (over tight arcs) go to a FIFO queue rather
 * than the heap: allocation costs are highly degenerate (every provincial offer costs a shop the
 * same), so searches cross wide plateaus of tight arcs, which a queue walks breadth first without
 * heap operations, keeping paths short (every step on a path is a holder moving).
 */
export class SearchSpace {
  readonly key: Float64Array;
  readonly status: Uint8Array;
  readonly predKind: Uint8Array;
  readonly predId: Int32Array;
  readonly touched: Int32Array;
  touchedCount = 0;
  readonly heap: IndexedMinHeap;
  private readonly queue: Int32Array;
  private queueHead = 0;
  private queueTail = 0;
  /** Distance of the node last settled. */
  private level = 0;
  /**
   * Nodes are not reached at this distance or beyond: a search that knows it ends before settling
   * anything that far (the slot side's, see EndBound) spares them the heap. Reset by start().
   */
  limit = Infinity;

  constructor(n: number) {
    this.key = new Float64Array(n);
    this.status = new Uint8Array(n);
    this.predKind = new Uint8Array(n);
    this.predId = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.heap = new IndexedMinHeap(n, this.key);
    this.queue = new Int32Array(n);
  }

  /** Starts a search at node v (distance 0). */
  start(v: number): void {
    this.level = 0;
    this.limit = Infinity;
    this.relax(v, 0, 0, 0);
  }

  /** Settles and returns the closest tentative node, or -1 when none is closer than `bound`. */
  next(bound: number): number {
    let v: number;
    const queued = this.queueHead < this.queueTail;
    if (queued) v = this.queue[this.queueHead];
    else if (this.heap.size > 0) v = this.heap.peek();
    else return -1;
    if (this.key[v] >= bound) return -1;
    if (queued) {
      if (++this.queueHead === this.queueTail) this.queueHead = this.queueTail = 0;
    } else {
      this.heap.pop();
    }
    this.status[v] = SETTLED;
    this.level = this.key[v];
    return v;
  }

  relax(v: number, d: number, kind: number, id: number): void {
    if (d >= this.limit) return;
    const status = this.status[v];
    if (status === NOT_SEEN) {
      this.status[v] = IN_HEAP;
      this.touched[this.touchedCount++] = v;
    } else if (status !== IN_HEAP || d >= this.key[v]) {
      return;
    }
    this.key[v] = d;
    this.predKind[v] = kind;
    this.predId[v] = id;
    // A node already queued and now lowered is in the heap: the queue holds the level being
    // settled, which no arc (reduced cost ≥ 0) undercuts.
    if (d === this.level) {
      if (status === IN_HEAP) this.heap.remove(v);
      this.queue[this.queueTail++] = v;
    } else if (status === IN_HEAP) {
      this.heap.decrease(v);
    } else {
      this.heap.push(v);
    }
  }

  /**
   * Ends a search whose shortest path has length D: settled nodes closer than D take
   * π += sign × (d − D), which keeps every residual arc's reduced cost ≥ 0 and makes the path
   * tight; nodes at D or beyond keep theirs (a search that kept looking past its last path may
   * have settled some). sign is +1 for a search from the supply side (distances from the
   * source), −1 for one from the slot side (distances to the target).
   */
  finish(pi: Float64Array, D: number, sign: number, stats: SearchStats): void {
    const { status, key } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const v = this.touched[i];
      if (status[v] === SETTLED) {
        if (key[v] < D) pi[v] += sign * (key[v] - D);
        stats.settled++;
      }
      status[v] = NOT_SEEN;
    }
    this.touchedCount = 0;
    this.queueHead = this.queueTail = 0;
    this.heap.clear();
  }
}
