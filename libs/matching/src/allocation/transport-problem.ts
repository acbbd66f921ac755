import { ServiceCategory } from '../service-category';
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
 * explicitly: they know from the maximum flow how many units can be served (see allocate.ts),
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
  const requestParent = new Int32Array(R).fill(-1);
  const extraParent: number[] = [];
  const childStartList: number[] = [0];
  const childList: number[] = [];
  const tops: number[] = [];
  const topSupply: number[] = [];
  const newExtra = (members: readonly number[]): number => {
    const node = m + R + extraParent.length;
    extraParent.push(-1);
    for (const child of members) {
      childList.push(child);
      if (child < m + R) requestParent[child - m] = node;
      else extraParent[child - m - R] = node;
    }
    childStartList.push(childList.length);
    return node;
  };

  // Per category: the shop's admitted requests in it (reset shop by shop).
  const byCategory: number[][] = Array.from({ length: CATEGORY_INDEX.size + 1 }, () => []);
  const used: number[] = [];
  const heads: number[] = [];
  for (const shop of shops) {
    if (shop.freeSlots === 0) continue;
    for (const r of shop.requests) {
      if (edgeStart[r + 1] === edgeStart[r] || !shopAdmits(network, r)) continue;
      const c = CATEGORY_INDEX.get(requests[r].category) ?? CATEGORY_INDEX.size;
      if (byCategory[c].length === 0) used.push(c);
      byCategory[c].push(m + r);
    }
    // Categories in order of first appearance, i.e. the shop's canonical request order.
    heads.length = 0;
    for (const c of used) {
      const members = byCategory[c];
      heads.push(members.length === 1 ? members[0] : newExtra(members));
      members.length = 0;
    }
    used.length = 0;
    if (heads.length <= shop.freeSlots) {
      for (const head of heads) {
        tops.push(head);
        topSupply.push(1);
      }
    } else {
      tops.push(newExtra(heads));
      topSupply.push(shop.freeSlots);
    }
  }

  const X = extraParent.length;
  const n = m + R + X;
  const parent = new Int32Array(n).fill(-1);
  parent.set(requestParent, m);
  for (let x = 0; x < X; x++) parent[m + R + x] = extraParent[x];
  const supply = new Int32Array(n);
  tops.forEach((top, i) => (supply[top] = topSupply[i]));
  const childStart = Int32Array.from(childStartList);
  const children = Int32Array.from(childList);

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
  const keys = new Float64Array(tops.length);
  tops.forEach((top, i) => (keys[i] = minCost[top] * n + top));
  keys.sort();
  const order = new Int32Array(tops.length);
  for (let i = 0; i < keys.length; i++) order[i] = keys[i] % n;

  return { offerCount: m, offerCapacity: remaining, requestCount: R, extraCount: X, parent, childStart, children, supply, minCost, order };
}
