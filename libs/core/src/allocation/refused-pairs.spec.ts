import fc from 'fast-check';
import { allocate, eligibility, IneligibilityReason } from '@vec/matching';
import { arbInstance } from '@vec/matching/testing/arbitraries';
import { anOffer, aRequest, aContext } from '@vec/matching/testing/builders';
import { withoutRefusedPairs } from './refused-pairs';

const failed = (result: ReturnType<typeof eligibility>): readonly IneligibilityReason[] => (result.ok ? [] : result.failed);

describe('allocation input without the offers each request refused', () => {
  it('keeps an offer open to every sector for everyone but the request that refused it', () => {
    const refuser = aRequest({ id: 'r1', sector: { section: 'G', division: '47' } });
    const neighbour = aRequest({ id: 'r2', shopId: 's2', sector: { section: 'G', division: '47' } });
    const other = aRequest({ id: 'r3', shopId: 's3', sector: { section: 'I', division: '56' } });
    const offer = anOffer({ id: 'o1', eligibleSectors: null });
    const { requests, offers } = withoutRefusedPairs([refuser, neighbour, other], [offer], new Map([['r1', new Set(['o1'])]]));
    expect(requests.map((r) => eligibility(r, offers[0], aContext()).ok)).toEqual([false, true, true]);
    expect(allocate(requests, offers, aContext()).assignments.map((a) => a.requestId)).not.toContain('r1');
  });

  it('answers every rule as before for every pair, except that a refused offer no longer fits the request that refused it', () => {
    fc.assert(
      fc.property(arbInstance({ maxShops: 6, maxRequestsPerShop: 2, maxOffers: 5 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }), (instance, picks) => {
        const { requests, offers, context } = instance;
        if (requests.length === 0 || offers.length === 0) return;
        const refused = new Map<string, Set<string>>();
        for (const [r, o] of picks) {
          const requestId = requests[r % requests.length].id;
          refused.set(requestId, (refused.get(requestId) ?? new Set()).add(offers[o % offers.length].id));
        }
        const rewritten = withoutRefusedPairs(requests, offers, refused);
        requests.forEach((request, r) => {
          offers.forEach((offer, o) => {
            const before = failed(eligibility(request, offer, context));
            const after = failed(eligibility(rewritten.requests[r], rewritten.offers[o], context));
            const refuses = refused.get(request.id)?.has(offer.id) === true;
            const expected = refuses && !before.includes('SECTOR') ? [...before, 'SECTOR'].sort() : [...before].sort();
            expect([request.id, offer.id, [...after].sort()]).toEqual([request.id, offer.id, expected]);
          });
        });
        const assigned = allocate(rewritten.requests, rewritten.offers, context).assignments;
        for (const a of assigned) expect(refused.get(a.requestId)?.has(a.offerId) ?? false).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
