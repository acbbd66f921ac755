import type { AllocationResult } from '@vec/matching';
import { keepWholeBundles } from './whole-bundles';

const assignment = (requestId: string) => ({ requestId, offerId: `o-${requestId}`, cost: 10, coverageLevel: 'COMUNE' as const, distanceKm: 0 });
const result = (served: string[], unserved: string[] = []): AllocationResult => ({
  assignments: served.map(assignment),
  served: served.length,
  totalCost: 10 * served.length,
  unserved: unserved.map((requestId) => ({ requestId, reason: 'ALL_FULL' as const })),
  sets: { total: 0, complete: 0, partial: 0, unserved: 0, dropped: 0, rounds: 1 },
  stats: {} as AllocationResult['stats'],
});
const BUNDLES: Record<string, string> = { a1: 'A', a2: 'A', a3: 'A', b1: 'B', b2: 'B' };
const bundleOf = (id: string): string | null => BUNDLES[id] ?? null;

describe('a committed complete-bundles run whose requests were cancelled while it computed', () => {
  it('withdraws the other parts of a bundle that lost one, and leaves the rest alone', () => {
    const kept = keepWholeBundles(result(['a1', 'a2', 'a3', 'b1', 'b2', 's1'], ['s2']), bundleOf, new Set(['a1', 'a3', 'b1', 'b2', 's1', 's2']));
    expect(kept.assignments.map((a) => a.requestId)).toEqual(['b1', 'b2', 's1']);
    expect(kept.unserved).toEqual([
      { requestId: 'a1', reason: 'SET_INCOMPLETE' },
      { requestId: 'a3', reason: 'SET_INCOMPLETE' },
      { requestId: 's2', reason: 'ALL_FULL' },
    ]);
    expect({ served: kept.served, totalCost: kept.totalCost }).toEqual({ served: 3, totalCost: 30 });
  });

  it('changes nothing when every assigned request is still open', () => {
    const before = result(['a1', 'a2', 'a3', 's1']);
    expect(keepWholeBundles(before, bundleOf, new Set(['a1', 'a2', 'a3', 's1']))).toBe(before);
  });

  it('leaves a cancelled request outside any bundle to the usual rule (no assignment, nothing else withdrawn)', () => {
    const kept = keepWholeBundles(result(['a1', 'a2', 'a3', 's1']), bundleOf, new Set(['a1', 'a2', 'a3']));
    expect(kept.assignments.map((a) => a.requestId)).toEqual(['a1', 'a2', 'a3', 's1']);
  });
});
