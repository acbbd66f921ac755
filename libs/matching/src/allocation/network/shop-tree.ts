import { ServiceCategory } from '../../service-category';
import { AllocationNetwork } from './allocation-network';

/**
 * The shop limits over the requests, as the top of the allocation network
 *
 *   source → [shop] → [shop × category] → request → … → offer → sink     (and any top node → ⊥ → sink)
 *
 * Node ids: offers [0, m), requests [m, m + R), then the optional shop / shop×category nodes
 * ("extra" nodes); what lies between requests and offers is in allocation-graph.ts. Every tree arc
 * has capacity 1 and cost 0; offer → sink has the offer's free slots. Top nodes (those without a
 * parent) hold the supply. A shop or category node is only created when its limit can bind, so
 * most requests are top nodes themselves.
 *
 * ⊥ is an arc from every top node to the sink costing BIG, more than any set of edges costs, so
 * "serve as many as possible, then cheapest" is one min-cost flow in which all supply is routed
 * (a unit that goes to ⊥ is a request left unserved). The solvers never route anything to ⊥
 * explicitly: they know from the maximum flow how many units can be served (see allocation-solver.ts),
 * and ⊥ only appears in the dual certificate.
 */
export interface ShopTree {
  offerCount: number;
  offerCapacity: Int32Array;
  requestCount: number;
  extraCount: number;
  /** Per node: its parent node, or -1 for a top node (or an unused request). */
  parent: Int32Array;
  /** CSR over extra nodes (index node − m − R) into `children` (node ids). */
  childStart: Int32Array;
  children: Int32Array;
  /** Per node: units it may route (top nodes only). */
  supply: Int32Array;
  /** Per node: the cheapest edge cost below it (Infinity when it has none). */
  minCost: Float64Array;
  /** Top nodes cheapest first, ties by node id: any order is optimal, a good one is faster. */
  order: Int32Array;
}

/** Per request: can the shop's limits take it at all, before anything is allocated. */
export function shopAdmits(network: AllocationNetwork, r: number): boolean {
  return network.categoryTaken[r] === 0 && network.shops[network.shopOf[r]].freeSlots > 0;
}

const CATEGORY_INDEX: ReadonlyMap<ServiceCategory, number> = new Map(Object.values(ServiceCategory).map((c, i) => [c, i]));

/**
 * Lays the shop limits over the request/offer edges. A shop × category node is only needed when
 * the shop asks twice in one category, and a shop node only when it asks in more categories
 * than it has free slots; otherwise the limit cannot bind and the request is its own top node.
 */
export function buildShopTree(network: AllocationNetwork): ShopTree {
  const { requests, offers, remaining, shops, edgeStart, edgeCost } = network;
  const m = offers.length;
  const R = requests.length;
  // At most one extra node per request (a category node has ≥ 2 children, a shop node ≥ 2 heads).
  const requestParent = new Int32Array(R).fill(-1);
  const extraParent = new Int32Array(R).fill(-1);
  const childStart = new Int32Array(R + 1);
  const children = new Int32Array(2 * R);
  const tops = new Int32Array(R);
  const topSupply = new Int32Array(R);
  let X = 0;
  let childCount = 0;
  let topCount = 0;
  const newExtra = (members: Int32Array, count: number): number => {
    const node = m + R + X;
    for (let i = 0; i < count; i++) {
      const child = members[i];
      children[childCount++] = child;
      if (child < m + R) requestParent[child - m] = node;
      else extraParent[child - m - R] = node;
    }
    childStart[++X] = childCount;
    return node;
  };

  // Per category: the shop's admitted requests in it (reset shop by shop).
  const categories = CATEGORY_INDEX.size + 1;
  const categoryOf = new Int32Array(R);
  requests.forEach((request, r) => (categoryOf[r] = CATEGORY_INDEX.get(request.category) ?? CATEGORY_INDEX.size));
  const byCategoryCount = new Int32Array(categories);
  const byCategoryStart = new Int32Array(categories);
  const members = new Int32Array(Math.max(1, R));
  const used = new Int32Array(categories);
  const heads = new Int32Array(categories);
  const admitted = new Int32Array(Math.max(1, R));
  for (const shop of shops) {
    if (shop.freeSlots === 0) continue;
    let admittedCount = 0;
    let usedCount = 0;
    for (const r of shop.requests) {
      if (edgeStart[r + 1] === edgeStart[r] || !shopAdmits(network, r)) continue;
      admitted[admittedCount++] = r;
      const c = categoryOf[r];
      if (byCategoryCount[c]++ === 0) used[usedCount++] = c;
    }
    // Each category's members side by side, in the shop's canonical request order.
    let offset = 0;
    for (let i = 0; i < usedCount; i++) {
      byCategoryStart[used[i]] = offset;
      offset += byCategoryCount[used[i]];
      byCategoryCount[used[i]] = 0;
    }
    for (let i = 0; i < admittedCount; i++) {
      const c = categoryOf[admitted[i]];
      members[byCategoryStart[c] + byCategoryCount[c]++] = m + admitted[i];
    }
    // Categories in order of first appearance, i.e. the shop's canonical request order.
    for (let i = 0; i < usedCount; i++) {
      const c = used[i];
      const count = byCategoryCount[c];
      heads[i] = count === 1 ? members[byCategoryStart[c]] : newExtra(members.subarray(byCategoryStart[c]), count);
      byCategoryCount[c] = 0;
    }
    if (usedCount <= shop.freeSlots) {
      for (let i = 0; i < usedCount; i++) {
        tops[topCount] = heads[i];
        topSupply[topCount++] = 1;
      }
    } else {
      tops[topCount] = newExtra(heads, usedCount);
      topSupply[topCount++] = shop.freeSlots;
    }
  }

  const n = m + R + X;
  const parent = new Int32Array(n).fill(-1);
  parent.set(requestParent, m);
  parent.set(extraParent.subarray(0, X), m + R);
  const supply = new Int32Array(n);
  for (let i = 0; i < topCount; i++) supply[tops[i]] = topSupply[i];

  const minCost = new Float64Array(n).fill(Infinity);
  for (let r = 0; r < R; r++) {
    let min = Infinity;
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) if (edgeCost[e] < min) min = edgeCost[e];
    minCost[m + r] = min;
  }
  for (let x = 0; x < X; x++) {
    const g = m + R + x;
    // Children of an extra node have smaller ids (created bottom-up), so one pass suffices.
    for (let k = childStart[x]; k < childStart[x + 1]; k++) minCost[g] = Math.min(minCost[g], minCost[children[k]]);
  }
  // Cheapest first (oldest, fewest alternatives, most local), ties by node id. Costs are
  // integers below 10^7, so cost × n + id is an exact float and a plain numeric sort does it.
  const keys = new Float64Array(topCount);
  for (let i = 0; i < topCount; i++) keys[i] = minCost[tops[i]] * n + tops[i];
  keys.sort();
  const order = new Int32Array(topCount);
  for (let i = 0; i < topCount; i++) order[i] = keys[i] % n;

  return {
    offerCount: m,
    offerCapacity: remaining,
    requestCount: R,
    extraCount: X,
    parent,
    childStart: childStart.slice(0, X + 1),
    children: children.slice(0, childCount),
    supply,
    minCost,
    order,
  };
}
