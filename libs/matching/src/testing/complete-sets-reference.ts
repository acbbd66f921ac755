import { AllocationContext, MatchingOffer, MatchingRequest } from '../model/matching.types';
import { constraintRows, HighsSolver, referenceEdges } from './highs-reference';

/**
 * The true optimum of the complete-sets problem on small instances, for tests and the benchmark:
 * the plain allocation's integer program (one 0/1 variable per candidate edge, offer and shop
 * rows) plus one 0/1 variable per set, tied to every request of the set (the request's edges sum
 * to it). Solved by HiGHS's branch and bound in two stages: the most requests served, then the
 * least cost with that number fixed. Exponential in the worst case: small instances only.
 */
export interface CompleteSetsOptimum {
  served: number;
  totalCost: number;
  /** Sets served whole. */
  complete: number;
}

interface MipSolution {
  x: number[];
  y: number[];
}

function solveMip(highs: HighsSolver, text: string, edges: number, sets: number): MipSolution {
  const solution = highs.solve(text, { output_flag: false, mip_rel_gap: 0 });
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`);
  const value = (name: string): number => Math.round(solution.Columns[name]?.Primal ?? 0);
  return { x: Array.from({ length: edges }, (_, v) => value(`x${v}`)), y: Array.from({ length: sets }, (_, s) => value(`y${s}`)) };
}

export function completeSetsOptimum(
  highs: HighsSolver,
  requests: readonly MatchingRequest[],
  offers: readonly MatchingOffer[],
  context: AllocationContext,
  /** everySetWhole: every set must be served whole (its variable fixed to 1). */
  { everySetWhole = false }: { everySetWhole?: boolean } = {},
): CompleteSetsOptimum {
  const edges = referenceEdges(requests, offers, context);
  const setIds = [...new Set(requests.map((r) => r.setId).filter((id): id is string => id != null))].sort();
  if (edges.length === 0) return { served: 0, totalCost: 0, complete: 0 };
  const rows = constraintRows(requests, offers, edges, context.maxLiveMatchesPerShop);
  const byRequest = new Map<number, number[]>();
  edges.forEach((edge, v) => byRequest.set(edge.request, [...(byRequest.get(edge.request) ?? []), v]));
  requests.forEach((request, r) => {
    if (request.setId == null) return;
    const terms = (byRequest.get(r) ?? []).map((v, i) => `${i === 0 ? '' : '+ '}x${v}`);
    rows.push(` t${r}:\n${terms.join('\n')}${terms.length > 0 ? '\n' : ''}- y${setIds.indexOf(request.setId)}\n = 0`);
  });
  const variables = [...edges.map((_, v) => `x${v}`), ...setIds.map((_, s) => `y${s}`)];
  const bounds = variables.map((name) => (everySetWhole && name.startsWith('y') ? ` 1 <= ${name} <= 1` : ` 0 <= ${name} <= 1`)).join('\n');
  const general = `General\n${variables.join('\n')}\n`;
  const all = edges.map((_, v) => `${v === 0 ? '' : '+ '}x${v}`).join('\n');
  const first = solveMip(highs, `Maximize\n obj:\n${all}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds}\n${general}End\n`, edges.length, setIds.length);
  const served = first.x.reduce((a, b) => a + b, 0);
  const costs = edges.map((edge, v) => `${v === 0 ? '' : '+ '}${edge.cost} x${v}`).join('\n');
  const second = solveMip(
    highs,
    `Minimize\n obj:\n${costs}\nSubject To\n${rows.join('\n')}\n served:\n${all}\n >= ${served}\nBounds\n${bounds}\n${general}End\n`,
    edges.length,
    setIds.length,
  );
  if (second.x.reduce((a, b) => a + b, 0) !== served) throw new Error('HiGHS stage 2 changed the number served');
  return { served, totalCost: second.x.reduce((sum, x, v) => sum + x * edges[v].cost, 0), complete: second.y.reduce((a, b) => a + b, 0) };
}
