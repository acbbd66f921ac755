import { AllocationNetwork } from '../src/allocation/network/allocation-network';

/**
 * Plain exact maximum flow (Dinic: BFS levels, then blocking flows by DFS with current-arc
 * pointers), on the layered network the allocator optimises, built here independently:
 *
 *   source → shop (K − live) → shop × category (1, 0 if live) → request (1) → offer (free slots) → sink
 *
 * It ignores costs, so it says how many requests CAN be served — the number the allocator must
 * reach — without any warm start or structure-specific shortcut. The graph is a CSR of typed
 * arrays with paired residual arcs, built by counting (no per-arc objects).
 */
export interface MaxFlowResult {
  served: number;
  /** Building the residual graph from the shared network, ms. */
  buildMs: number;
  solveMs: number;
  phases: number;
}

const SOURCE = 0;
const SINK = 1;

export function maxFlowReference(network: AllocationNetwork): MaxFlowResult {
  const started = performance.now();
  const { requests, offers, remaining, edgeStart, edgeOffer, shops, shopOf, categoryTaken } = network;
  const R = requests.length;
  const m = offers.length;
  const S = shops.length;
  const shopBase = 2;
  const categoryBase = shopBase + S;
  // One node per shop × category, numbered shop by shop in first-seen order.
  const categoryOf = new Int32Array(R);
  const categoryCapacity = new Int32Array(R);
  let C = 0;
  for (const shop of shops) {
    for (let i = 0; i < shop.requests.length; i++) {
      const r = shop.requests[i];
      let node = -1;
      for (let j = 0; j < i && node < 0; j++) {
        if (requests[shop.requests[j]].category === requests[r].category) node = categoryOf[shop.requests[j]];
      }
      if (node < 0) {
        node = categoryBase + C;
        categoryCapacity[C++] = categoryTaken[r] ? 0 : 1;
      }
      categoryOf[r] = node;
    }
  }
  const categoryShop = new Int32Array(C);
  for (let r = 0; r < R; r++) categoryShop[categoryOf[r] - categoryBase] = shopOf[r];
  const requestBase = categoryBase + C;
  const offerBase = requestBase + R;
  const n = offerBase + m;

  // Every arc as (tail, head, capacity), then a CSR with paired residual arcs.
  const arcs = S + C + R + edgeOffer.length + m;
  const tail = new Int32Array(arcs);
  const headOf = new Int32Array(arcs);
  const capacity = new Int32Array(arcs);
  let a = 0;
  for (let s = 0; s < S; s++, a++) {
    tail[a] = SOURCE;
    headOf[a] = shopBase + s;
    capacity[a] = shops[s].freeSlots;
  }
  for (let c = 0; c < C; c++, a++) {
    tail[a] = shopBase + categoryShop[c];
    headOf[a] = categoryBase + c;
    capacity[a] = categoryCapacity[c];
  }
  for (let r = 0; r < R; r++, a++) {
    tail[a] = categoryOf[r];
    headOf[a] = requestBase + r;
    capacity[a] = 1;
  }
  for (let r = 0; r < R; r++) {
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++, a++) {
      tail[a] = requestBase + r;
      headOf[a] = offerBase + edgeOffer[e];
      capacity[a] = 1;
    }
  }
  for (let o = 0; o < m; o++, a++) {
    tail[a] = offerBase + o;
    headOf[a] = SINK;
    capacity[a] = remaining[o];
  }

  const start = new Int32Array(n + 1);
  for (let i = 0; i < arcs; i++) {
    if (capacity[i] <= 0) continue;
    start[tail[i] + 1]++;
    start[headOf[i] + 1]++;
  }
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const size = start[n];
  const head = new Int32Array(size);
  const residual = new Int32Array(size);
  const pair = new Int32Array(size);
  for (let i = 0; i < arcs; i++) {
    if (capacity[i] <= 0) continue;
    const u = tail[i];
    const v = headOf[i];
    const f = fill[u]++;
    const b = fill[v]++;
    head[f] = v;
    residual[f] = capacity[i];
    pair[f] = b;
    head[b] = u;
    residual[b] = 0;
    pair[b] = f;
  }
  const built = performance.now();
  const { flow, phases } = dinic(n, start, head, residual, pair);
  return { served: flow, buildMs: built - started, solveMs: performance.now() - built, phases };
}

function dinic(n: number, start: Int32Array, head: Int32Array, residual: Int32Array, pair: Int32Array): { flow: number; phases: number } {
  const level = new Int32Array(n);
  const queue = new Int32Array(n);
  const current = new Int32Array(n);
  const stack = new Int32Array(n);
  const stackArc = new Int32Array(n);
  let flow = 0;
  let phases = 0;
  for (;;) {
    level.fill(-1);
    level[SOURCE] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = SOURCE;
    while (qh < qt) {
      const u = queue[qh++];
      for (let a = start[u]; a < start[u + 1]; a++) {
        const v = head[a];
        if (residual[a] > 0 && level[v] < 0) {
          level[v] = level[u] + 1;
          queue[qt++] = v;
        }
      }
    }
    if (level[SINK] < 0) break;
    phases++;
    current.set(start.subarray(0, n));
    // Iterative DFS: push unit-bottleneck paths until the source has no admissible arc left.
    for (;;) {
      let depth = 0;
      stack[0] = SOURCE;
      let found = false;
      while (depth >= 0) {
        const u = stack[depth];
        if (u === SINK) {
          found = true;
          break;
        }
        let advanced = false;
        for (let a = current[u]; a < start[u + 1]; a++) {
          const v = head[a];
          if (residual[a] > 0 && level[v] === level[u] + 1) {
            current[u] = a;
            stackArc[depth] = a;
            stack[++depth] = v;
            advanced = true;
            break;
          }
        }
        if (!advanced) {
          current[u] = start[u + 1];
          level[u] = -1; // dead end for this phase
          depth--;
        }
      }
      if (!found) break;
      let bottleneck = Infinity;
      for (let d = 0; d < depth; d++) bottleneck = Math.min(bottleneck, residual[stackArc[d]]);
      for (let d = 0; d < depth; d++) {
        residual[stackArc[d]] -= bottleneck;
        residual[pair[stackArc[d]]] += bottleneck;
      }
      flow += bottleneck;
    }
  }
  return { flow, phases };
}
