import { AllocationNetwork } from './allocation-network';

/**
 * The allocation network, layered as
 *
 *   [shop] → [shop × category] → request → offer → sink        (and any top node → ⊥ → sink)
 *
 * Node ids: offers [0, m), requests [m, m + R), then the optional shop / shop×category nodes
 * ("extra" nodes). Every arc above the offers has capacity 1 and cost 0 except request → offer,
 * which costs the edge's integer cost; offer → sink has the offer's free slots. Top nodes (those
 * without a parent) hold the supply. A shop or category node is only created when its limit can
 * bind, so most requests are top nodes themselves.
 *
 * ⊥ is an arc from every top node to the sink costing BIG > any simple augmenting path. It makes
 * "serve as many as possible, then cheapest" a plain min-cost flow in which all supply is routed:
 * a unit reaches ⊥ only when no real path exists, or when it displaces a costlier request that
 * is then re-routed to ⊥ — which is exactly how priority among requests is decided.
 */
export interface TransportProblem {
  offerCount: number;
  offerCapacity: Int32Array;
  requestCount: number;
  edgeStart: Int32Array;
  edgeOffer: Int32Array;
  edgeCost: Int32Array;
  extraCount: number;
  /** Per node: its parent node, or -1 for a top node (or an unused request). */
  parent: Int32Array;
  /** CSR over extra nodes (index node − m − R) into `children` (node ids). */
  childStart: Int32Array;
  children: Int32Array;
  /** Per node: units it must route (top nodes only). */
  supply: Int32Array;
  /** Top nodes in the order they inject their supply; any order is optimal, a good one is faster. */
  order: Int32Array;
}

/** Per request: can the shop's limits take it at all, before anything is allocated. */
export function shopAdmits(network: AllocationNetwork, r: number): boolean {
  return network.categoryTaken[r] === 0 && network.shops[network.shopOf[r]].freeSlots > 0;
}

/**
 * Lays the shop limits over the request/offer edges. A shop × category node is only needed when
 * the shop asks twice in one category, and a shop node only when it asks in more categories
 * than it has free slots; otherwise the limit cannot bind and the request is its own top node.
 */
export function buildTransportProblem(network: AllocationNetwork): TransportProblem {
  const { requests, offers, remaining, edgeStart, edgeOffer, edgeCost, shops } = network;
  const m = offers.length;
  const R = requests.length;
  const parentList: number[] = [];
  const childLists: number[][] = [];
  const tops: number[] = [];
  const topSupply: number[] = [];
  const newExtra = (children: number[]): number => {
    const node = m + R + childLists.length;
    childLists.push(children);
    for (const child of children) parentList.push(child, node);
    return node;
  };

  for (const shop of shops) {
    if (shop.freeSlots === 0) continue;
    const byCategory = new Map<string, number[]>();
    for (const r of shop.requests) {
      if (edgeStart[r + 1] === edgeStart[r] || !shopAdmits(network, r)) continue;
      const list = byCategory.get(requests[r].category);
      if (list) list.push(m + r);
      else byCategory.set(requests[r].category, [m + r]);
    }
    // Map iteration follows insertion, i.e. the shop's canonical request order.
    const heads = [...byCategory.values()].map((members) => (members.length === 1 ? members[0] : newExtra(members)));
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

  const X = childLists.length;
  const n = m + R + X;
  const parent = new Int32Array(n).fill(-1);
  for (let i = 0; i < parentList.length; i += 2) parent[parentList[i]] = parentList[i + 1];
  const childStart = new Int32Array(X + 1);
  childLists.forEach((list, x) => (childStart[x + 1] = childStart[x] + list.length));
  const children = Int32Array.from(childLists.flat());
  const supply = new Int32Array(n);
  tops.forEach((top, i) => (supply[top] = topSupply[i]));

  // Cheapest first (oldest, fewest alternatives, most local): later units then mostly find the
  // price of a contested slot already set and settle quickly. Ties by node id, i.e. canonically.
  const minCost = new Float64Array(n).fill(Infinity);
  for (let r = 0; r < R; r++) {
    for (let e = edgeStart[r]; e < edgeStart[r + 1]; e++) minCost[m + r] = Math.min(minCost[m + r], edgeCost[e]);
  }
  for (let x = 0; x < X; x++) {
    const g = m + R + x;
    // Children of an extra node have smaller ids (created bottom-up), so one pass suffices.
    for (let k = childStart[x]; k < childStart[x + 1]; k++) minCost[g] = Math.min(minCost[g], minCost[children[k]]);
  }
  const order = Int32Array.from(tops).sort((a, b) => minCost[a] - minCost[b] || a - b);

  return {
    offerCount: m,
    offerCapacity: remaining,
    requestCount: R,
    edgeStart,
    edgeOffer,
    edgeCost,
    extraCount: X,
    parent,
    childStart,
    children,
    supply,
    order,
  };
}
