import highsLoader from 'highs';
import { AllocationCostWeights, DEFAULT_ALLOCATION_COST_WEIGHTS, coverageLevelRank, offerCostTerm, requestCostTerm } from '../allocation/allocation-cost';
import { compileOffer, matchCoverage } from '../eligibility/compiled-offer';
import { eligibility } from '../eligibility/eligibility';
import { AllocationContext, IneligibilityReason, MatchingOffer, MatchingRequest } from '../model/matching.types';

/**
 * An exact optimum computed independently of the engine: edges by brute force over every pair
 * with the public `eligibility()`, and the optimisation by HiGHS as two linear programs —
 * maximise the number served, then minimise cost with that number fixed. The constraint matrix
 * (offer rows; nested shop and shop × category rows) is totally unimodular, so the simplex
 * vertex is integral; the solution is checked to be 0/1 anyway.
 */
export type HighsSolver = Awaited<ReturnType<typeof highsLoader>>;

export const loadHighs = (): Promise<HighsSolver> => highsLoader();

export interface ReferenceOptimum {
  served: number;
  totalCost: number;
  /** Variables in the LP. */
  edges: number;
  /** Time of the two HiGHS solves by `clock` (wall time unless told), ms; LP text generation excluded. */
  solveMs: number;
}

const CAPACITY_OR_SHOP: ReadonlySet<IneligibilityReason> = new Set(['FULL', 'SHOP_CATEGORY_LIMIT', 'SHOP_LIMIT']);

export interface Edge {
  request: number;
  offer: number;
  cost: number;
}

export function referenceEdges(
  requests: readonly MatchingRequest[],
  offers: readonly MatchingOffer[],
  context: AllocationContext,
  weights: AllocationCostWeights = DEFAULT_ALLOCATION_COST_WEIGHTS,
): Edge[] {
  const edges: Edge[] = [];
  requests.forEach((request, r) => {
    const mine: { offer: number; term: number }[] = [];
    offers.forEach((offer, o) => {
      if (offer.capacity - offer.used <= 0) return;
      if (context.excludedPairs?.get(request.id)?.has(offer.id)) return;
      const result = eligibility(request, offer, context);
      if (!result.ok && result.failed.some((reason) => !CAPACITY_OR_SHOP.has(reason))) return;
      const match = matchCoverage(request.location, compileOffer(offer));
      if (match === null) throw new Error('eligible offer without coverage');
      mine.push({ offer: o, term: offerCostTerm(weights, coverageLevelRank(match.level), match.distanceKm) });
    });
    const term = requestCostTerm(weights, request.createdAt, context.now, mine.length);
    for (const edge of mine) edges.push({ request: r, offer: edge.offer, cost: edge.term + term });
  });
  return edges;
}

export function constraintRows(requests: readonly MatchingRequest[], offers: readonly MatchingOffer[], edges: readonly Edge[], k: number): string[] {
  const rows: string[] = [];
  const row = (name: string, vars: number[], bound: number): void => {
    if (vars.length > 0) rows.push(` ${name}:\n${vars.map((v, i) => `${i === 0 ? '' : '+ '}x${v}`).join('\n')}\n <= ${bound}`);
  };
  const byOffer = new Map<number, number[]>();
  const byShop = new Map<string, number[]>();
  const byShopCategory = new Map<string, number[]>();
  const liveTotal = new Map<string, number>();
  const liveCategory = new Map<string, number>();
  for (const request of requests) {
    liveTotal.set(request.shopId, Math.max(liveTotal.get(request.shopId) ?? 0, request.shopLiveMatches.total));
    const key = `${request.shopId}|${request.category}`;
    liveCategory.set(key, Math.max(liveCategory.get(key) ?? 0, request.shopLiveMatches.byCategory[request.category] ?? 0));
  }
  const add = <K>(map: Map<K, number[]>, key: K, v: number): void => {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };
  edges.forEach((edge, v) => {
    const request = requests[edge.request];
    add(byOffer, edge.offer, v);
    add(byShop, request.shopId, v);
    add(byShopCategory, `${request.shopId}|${request.category}`, v);
  });
  let i = 0;
  for (const [o, vars] of byOffer) row(`o${i++}`, vars, offers[o].capacity - offers[o].used);
  for (const [shop, vars] of byShop) row(`s${i++}`, vars, Math.max(0, k - (liveTotal.get(shop) ?? 0)));
  for (const [key, vars] of byShopCategory) row(`c${i++}`, vars, (liveCategory.get(key) ?? 0) >= 1 ? 0 : 1);
  return rows;
}

function solveLp(highs: HighsSolver, text: string, variables: number): number[] {
  const solution = highs.solve(text, { output_flag: false, solver: 'simplex' });
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`);
  const values: number[] = [];
  for (let v = 0; v < variables; v++) {
    const x = solution.Columns[`x${v}`]?.Primal ?? 0;
    if (Math.abs(x - Math.round(x)) > 1e-6) throw new Error(`HiGHS returned a fractional x${v} = ${x}`);
    values.push(Math.round(x));
  }
  return values;
}

export function referenceOptimum(
  highs: HighsSolver,
  requests: readonly MatchingRequest[],
  offers: readonly MatchingOffer[],
  context: AllocationContext,
  weights: AllocationCostWeights = DEFAULT_ALLOCATION_COST_WEIGHTS,
  precomputedEdges?: readonly Edge[],
  clock: () => number = () => performance.now(),
): ReferenceOptimum {
  const edges = precomputedEdges ?? referenceEdges(requests, offers, context, weights);
  if (edges.length === 0) return { served: 0, totalCost: 0, edges: 0, solveMs: 0 };
  const rows = constraintRows(requests, offers, edges, context.maxLiveMatchesPerShop);
  const bounds = edges.map((_, v) => ` 0 <= x${v} <= 1`).join('\n');
  const all = edges.map((_, v) => `${v === 0 ? '' : '+ '}x${v}`).join('\n');
  const started = clock();
  const first = solveLp(highs, `Maximize\n obj:\n${all}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds}\nEnd\n`, edges.length);
  const served = first.reduce((a, b) => a + b, 0);
  const costs = edges.map((edge, v) => `${v === 0 ? '' : '+ '}${edge.cost} x${v}`).join('\n');
  const second = solveLp(
    highs,
    `Minimize\n obj:\n${costs}\nSubject To\n${rows.join('\n')}\n served:\n${all}\n >= ${served}\nBounds\n${bounds}\nEnd\n`,
    edges.length,
  );
  const solveMs = clock() - started;
  if (second.reduce((a, b) => a + b, 0) !== served) throw new Error('HiGHS stage 2 changed the number served');
  const totalCost = second.reduce((sum, x, v) => sum + x * edges[v].cost, 0);
  return { served, totalCost, edges: edges.length, solveMs };
}
