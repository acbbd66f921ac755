import { AllocationNetwork } from '../allocation/network/allocation-network';

/**
 * An exact min-cost maximum flow computed with nothing from the engine's solvers: a textbook
 * network built here from the candidate edges, Dinic for the maximum flow, then cost scaling
 * (Goldberg–Tarjan push–relabel with FIFO selection) to make that flow cheapest. For tests and the
 * benchmark, where the LP reference is too slow.
 *
 *   source → shop (K − live) → shop × category (1, or 0 if live) → request (1) → offer (free slots) → sink
 *
 * The maximum flow's residual graph holds every flow of the same value as a circulation (no
 * residual path leads from the sink back to the source), so cost scaling on it keeps the number
 * served and lowers the cost. Costs are multiplied by n + 1 and ε is divided by ALPHA down to 1:
 * a flow that is ε-optimal for ε < 1/n of a cost unit is optimal (every cycle has fewer than n
 * arcs).
 */
export interface OracleOptimum {
  served: number;
  totalCost: number;
}

const SOURCE = 0;
const SINK = 1;
const ALPHA = 16;

interface Graph {
  n: number;
  start: Int32Array;
  head: Int32Array;
  residual: Int32Array;
  pair: Int32Array;
  cost: Float64Array;
}

export function minCostFlowOracle(network: AllocationNetwork): OracleOptimum {
  const graph = buildGraph(network);
  const served = maximumFlow(graph);
  minimiseCost(graph);
  let totalCost = 0;
  const { n, start, residual, cost, head } = graph;
  for (let u = 0; u < n; u++) {
    // Request → offer arcs are the only ones with a cost; a saturated one serves its request.
    for (let a = start[u]; a < start[u + 1]; a++) if (cost[a] > 0 && residual[a] === 0 && head[a] !== u) totalCost += cost[a];
  }
  return { served, totalCost };
}

function buildGraph(network: AllocationNetwork): Graph {
  const { requests, offers, remaining, edgeStart, edgeOffer, edgeCost, shops, categoryTaken } = network;
  const R = requests.length;
  const S = shops.length;
  const shopBase = 2;
  const categoryBase = shopBase + S;
  const categoryOf = new Int32Array(R);
  const categoryCapacity: number[] = [];
  const categoryShop: number[] = [];
  shops.forEach((shop, s) => {
    const seen = new Map<string, number>();
    for (const r of shop.requests) {
      let node = seen.get(requests[r].category);
      if (node === undefined) {
        node = categoryBase + categoryCapacity.length;
        seen.set(requests[r].category, node);
        categoryCapacity.push(categoryTaken[r] === 1 ? 0 : 1);
        categoryShop.push(s);
      }
      categoryOf[r] = node;
    }
  });
  const C = categoryCapacity.length;
  const requestBase = categoryBase + C;
  const offerBase = requestBase + R;
  const n = offerBase + offers.length;

  const tails: number[] = [];
  const heads: number[] = [];
  const capacities: number[] = [];
  const costs: number[] = [];
  const arc = (tail: number, head: number, capacity: number, cost: number): void => {
    if (capacity <= 0) return;
    tails.push(tail);
    heads.push(head);
    capacities.push(capacity);
    costs.push(cost);
  };
  shops.forEach((shop, s) => arc(SOURCE, shopBase + s, shop.freeSlots, 0));
  for (let c = 0; c < C; c++) arc(shopBase + categoryShop[c], categoryBase + c, categoryCapacity[c], 0);
  for (let r = 0; r < R; r++) arc(categoryOf[r], requestBase + r, 1, 0);
  for (let r = 0; r < R; r++) for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) arc(requestBase + r, offerBase + edgeOffer[e], 1, edgeCost[e]);
  offers.forEach((_, o) => arc(offerBase + o, SINK, remaining[o], 0));

  const start = new Int32Array(n + 1);
  for (let i = 0; i < tails.length; i++) {
    start[tails[i] + 1]++;
    start[heads[i] + 1]++;
  }
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const size = start[n];
  const head = new Int32Array(size);
  const residual = new Int32Array(size);
  const pair = new Int32Array(size);
  const cost = new Float64Array(size);
  for (let i = 0; i < tails.length; i++) {
    const forward = fill[tails[i]]++;
    const backward = fill[heads[i]]++;
    head[forward] = heads[i];
    residual[forward] = capacities[i];
    pair[forward] = backward;
    cost[forward] = costs[i];
    head[backward] = tails[i];
    pair[backward] = forward;
    cost[backward] = -costs[i];
  }
  return { n, start, head, residual, pair, cost };
}

/** Dinic with unit augmentations (every path has a unit arc); returns the flow value. */
function maximumFlow({ n, start, head, residual, pair }: Graph): number {
  const level = new Int32Array(n);
  const queue = new Int32Array(n);
  const current = new Int32Array(n);
  const stack = new Int32Array(n);
  const stackArc = new Int32Array(n);
  let flow = 0;
  for (;;) {
    level.fill(-1);
    level[SOURCE] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = SOURCE;
    while (qh < qt) {
      const u = queue[qh++];
      for (let a = start[u]; a < start[u + 1]; a++) {
        if (residual[a] > 0 && level[head[a]] < 0) {
          level[head[a]] = level[u] + 1;
          queue[qt++] = head[a];
        }
      }
    }
    if (level[SINK] < 0) return flow;
    current.set(start.subarray(0, n));
    for (;;) {
      let depth = 0;
      stack[0] = SOURCE;
      while (depth >= 0 && stack[depth] !== SINK) {
        const u = stack[depth];
        let a = current[u];
        while (a < start[u + 1] && !(residual[a] > 0 && level[head[a]] === level[u] + 1)) a++;
        current[u] = a;
        if (a < start[u + 1]) {
          stackArc[depth] = a;
          stack[++depth] = head[a];
        } else {
          level[u] = -1;
          depth--;
          if (depth >= 0) current[stack[depth]]++;
        }
      }
      if (depth < 0) break;
      for (let d = 0; d < depth; d++) {
        residual[stackArc[d]]--;
        residual[pair[stackArc[d]]]++;
      }
      flow++;
    }
  }
}

/** Cost scaling on the residual graph; prices p, reduced cost c + p(u) − p(v). */
function minimiseCost({ n, start, head, residual, pair, cost }: Graph): void {
  const scaled = cost.map((c) => c * (n + 1));
  let maxCost = 0;
  for (const c of scaled) maxCost = Math.max(maxCost, Math.abs(c));
  const price = new Float64Array(n);
  const excess = new Float64Array(n);
  const current = new Int32Array(n);
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n);
  let epsilon = maxCost;
  while (epsilon > 1) {
    epsilon = Math.max(1, Math.floor(epsilon / ALPHA));
    // Saturate every arc of negative reduced cost: the pseudoflow is then 0-optimal.
    for (let u = 0; u < n; u++) {
      for (let a = start[u]; a < start[u + 1]; a++) {
        const r = residual[a];
        if (r > 0 && scaled[a] + price[u] - price[head[a]] < 0) {
          residual[a] = 0;
          residual[pair[a]] += r;
          excess[u] -= r;
          excess[head[a]] += r;
        }
      }
    }
    let qh = 0;
    let count = 0;
    const enqueue = (v: number): void => {
      if (queued[v] === 1) return;
      queued[v] = 1;
      queue[(qh + count++) % n] = v;
    };
    for (let v = 0; v < n; v++) if (excess[v] > 0) enqueue(v);
    current.set(start.subarray(0, n));
    while (count > 0) {
      const u = queue[qh];
      qh = (qh + 1) % n;
      count--;
      queued[u] = 0;
      while (excess[u] > 0) {
        const end = start[u + 1];
        let a = current[u];
        for (; a < end && excess[u] > 0; a++) {
          const v = head[a];
          if (residual[a] === 0 || scaled[a] + price[u] - price[v] >= 0) continue;
          const delta = Math.min(excess[u], residual[a]);
          residual[a] -= delta;
          residual[pair[a]] += delta;
          excess[u] -= delta;
          excess[v] += delta;
          if (excess[v] > 0) enqueue(v);
          if (excess[u] === 0) break;
        }
        current[u] = a;
        if (excess[u] === 0) break;
        // Relabel: the highest price that leaves some residual arc admissible by ε.
        let best = -Infinity;
        for (let b = start[u]; b < end; b++) if (residual[b] > 0) best = Math.max(best, price[head[b]] - scaled[b]);
        price[u] = best - epsilon;
        current[u] = start[u];
      }
    }
  }
}
