import type { AllocationResult } from '@vec/matching';

/**
 * A committed run with completeSetsOnly must not leave a bundle served in part when one of its
 * requests was cancelled while the run computed (that request gets no match): the bundle's other
 * assignments become unserved with SET_INCOMPLETE, and their places stay free. Requests no longer
 * open simply lose their assignment, as in every run.
 */
export function keepWholeBundles(
  result: AllocationResult,
  bundleOf: (requestId: string) => string | null,
  stillOpen: ReadonlySet<string>,
): AllocationResult {
  const broken = new Set<string>();
  for (const a of result.assignments) {
    const bundle = bundleOf(a.requestId);
    if (bundle !== null && !stillOpen.has(a.requestId)) broken.add(bundle);
  }
  if (broken.size === 0) return result;
  const isBroken = (requestId: string): boolean => {
    const bundle = bundleOf(requestId);
    return bundle !== null && broken.has(bundle);
  };
  const assignments = result.assignments.filter((a) => !isBroken(a.requestId));
  const withdrawn = result.assignments
    .filter((a) => isBroken(a.requestId) && stillOpen.has(a.requestId))
    .map((a) => ({ requestId: a.requestId, reason: 'SET_INCOMPLETE' as const }));
  const unserved = [...result.unserved, ...withdrawn].sort((x, y) => (x.requestId < y.requestId ? -1 : x.requestId > y.requestId ? 1 : 0));
  return { ...result, assignments, served: assignments.length, totalCost: assignments.reduce((sum, a) => sum + a.cost, 0), unserved };
}
