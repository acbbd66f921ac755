import fc from 'fast-check';
import { MatchingRequest } from '../model/matching.types';
import { ServiceCategory } from '../service-category';
import { feasibilityViolations, partiallyServedSets } from '../testing/allocation-checks';
import { AllocationInstance, arbInstance, withShuffledInput } from '../testing/arbitraries';
import { completeSetsOptimum } from '../testing/complete-sets-reference';
import { HighsSolver, loadHighs } from '../testing/highs-reference';
import { aContext, anOffer, aRequest, DAY, liveMatches, NOW } from '../testing/builders';
import { allocate, AllocationResult } from './allocate';

const { ONLINE_STORE, HOME_DELIVERY, DIGITAL_PAYMENTS } = ServiceCategory;
const SEED = 20261205;

const servedIds = (result: AllocationResult): string[] => result.assignments.map((a) => a.requestId);
const comparable = ({ assignments, served, totalCost, unserved }: AllocationResult) => ({ assignments, served, totalCost, unserved });

describe('allocation with complete sets only', () => {
  it('drops a bundle whose payments part cannot be served, and gives its store slot to another shop', () => {
    const requests = [
      aRequest({ id: 'r1', shopId: 's1', category: ONLINE_STORE, createdAt: NOW - 60 * DAY, setId: 'b1' }),
      aRequest({ id: 'r2', shopId: 's1', category: DIGITAL_PAYMENTS, createdAt: NOW - 60 * DAY, setId: 'b1' }),
      aRequest({ id: 'r3', shopId: 's2', category: ONLINE_STORE, createdAt: NOW - DAY }),
    ];
    const offers = [anOffer({ id: 'store', capacity: 1 }), anOffer({ id: 'payments', categories: [DIGITAL_PAYMENTS], capacity: 1, used: 1 })];

    const plain = allocate(requests, offers, aContext());
    expect(servedIds(plain)).toEqual(['r1']);
    expect(plain.sets).toEqual({ total: 1, complete: 0, partial: 1, unserved: 0, dropped: 0, rounds: 1 });

    const sets = allocate(requests, offers, { ...aContext(), completeSetsOnly: true });
    expect(servedIds(sets)).toEqual(['r3']);
    expect(sets.unserved).toEqual([
      { requestId: 'r1', reason: 'SET_INCOMPLETE' },
      { requestId: 'r2', reason: 'SET_INCOMPLETE' },
    ]);
    expect(sets.sets).toEqual({ total: 1, complete: 0, partial: 0, unserved: 1, dropped: 1, rounds: 2 });
  });

  describe('two bundles competing for one store slot and one delivery slot', () => {
    // Each bundle has one old request and one young one, crossed, so the cheapest plain
    // assignment serves the old half of each: two partial sets.
    const requests = [
      aRequest({ id: 'a1', shopId: 'sa', category: ONLINE_STORE, createdAt: NOW - 90 * DAY, setId: 'A' }),
      aRequest({ id: 'a2', shopId: 'sa', category: HOME_DELIVERY, createdAt: NOW - DAY, setId: 'A' }),
      aRequest({ id: 'b1', shopId: 'sb', category: ONLINE_STORE, createdAt: NOW - DAY, setId: 'B' }),
      aRequest({ id: 'b2', shopId: 'sb', category: HOME_DELIVERY, createdAt: NOW - 90 * DAY, setId: 'B' }),
    ];
    const offers = [anOffer({ id: 'store', capacity: 1 }), anOffer({ id: 'delivery', categories: [HOME_DELIVERY], capacity: 1 })];

    it('the plain run serves half of each', () => {
      const plain = allocate(requests, offers, aContext());
      expect(servedIds(plain)).toEqual(['a1', 'b2']);
      expect(plain.sets.partial).toBe(2);
    });

    it('the option serves one of them whole: the dropped one’s slot is counted as freed for the other', () => {
      const result = allocate(requests, offers, { ...aContext(), completeSetsOnly: true });
      expect(servedIds(result)).toEqual(['b1', 'b2']);
      expect(result.unserved).toEqual([
        { requestId: 'a1', reason: 'SET_INCOMPLETE' },
        { requestId: 'a2', reason: 'SET_INCOMPLETE' },
      ]);
      expect(result.sets).toEqual({ total: 2, complete: 1, partial: 0, unserved: 1, dropped: 1, rounds: 2 });
    });

    it('dropping every partial set at once would serve neither (the rule the default improves on)', () => {
      const result = allocate(requests, offers, { ...aContext(), completeSetsOnly: true, dropRule: 'all' });
      expect(result.served).toBe(0);
      expect(result.sets.dropped).toBe(2);
    });

    it('gives the same result whatever order the requests and offers come in', () => {
      const forward = allocate(requests, offers, { ...aContext(), completeSetsOnly: true });
      const backward = allocate([...requests].reverse(), [...offers].reverse(), { ...aContext(), completeSetsOnly: true });
      expect(comparable(backward)).toEqual(comparable(forward));
    });
  });

  it('favours the requests of sets where serving them keeps as many served: a bundle whole rather than an older single request', () => {
    const requests = [
      aRequest({ id: 'a1', shopId: 'sa', category: ONLINE_STORE, createdAt: NOW - DAY, setId: 'A' }),
      aRequest({ id: 'a2', shopId: 'sa', category: DIGITAL_PAYMENTS, createdAt: NOW - DAY, setId: 'A' }),
      aRequest({ id: 'r1', shopId: 'sr', category: ONLINE_STORE, createdAt: NOW - 90 * DAY }),
    ];
    const offers = [anOffer({ id: 'store', capacity: 1 }), anOffer({ id: 'payments', categories: [DIGITAL_PAYMENTS], capacity: 1 })];
    expect(servedIds(allocate(requests, offers, aContext()))).toEqual(['a2', 'r1']);
    expect(servedIds(allocate(requests, offers, { ...aContext(), completeSetsOnly: true }))).toEqual(['a1', 'a2']);
    // Without favouring sets, the older single request keeps the store place and the bundle is lost.
    expect(servedIds(allocate(requests, offers, { ...aContext(), completeSetsOnly: true, dropRule: 'keepHopeful' }))).toEqual(['r1']);
  });

  it('lets a dropped bundle back in when, once others are dropped, it fits whole', () => {
    const requests = [
      aRequest({ id: 'a1', shopId: 'sa', category: ONLINE_STORE, createdAt: NOW - DAY, setId: 'A' }),
      aRequest({ id: 'a2', shopId: 'sa', category: DIGITAL_PAYMENTS, createdAt: NOW - DAY, setId: 'A' }),
      // B can never be whole (no delivery offer), but its older payments request takes the place first.
      aRequest({ id: 'b1', shopId: 'sb', category: DIGITAL_PAYMENTS, createdAt: NOW - 90 * DAY, setId: 'B' }),
      aRequest({ id: 'b2', shopId: 'sb', category: HOME_DELIVERY, createdAt: NOW - 90 * DAY, setId: 'B' }),
      aRequest({ id: 'b3', shopId: 'sb', category: ONLINE_STORE, createdAt: NOW - 90 * DAY, setId: 'B' }),
    ];
    const offers = [anOffer({ id: 'store', capacity: 2 }), anOffer({ id: 'payments', categories: [DIGITAL_PAYMENTS], capacity: 1 })];
    const result = allocate(requests, offers, { ...aContext(), completeSetsOnly: true });
    expect(servedIds(result)).toEqual(['a1', 'a2']);
    expect(result.sets).toEqual(expect.objectContaining({ complete: 1, dropped: 1 }));
    expect(allocate(requests, offers, { ...aContext(), completeSetsOnly: true, dropRule: 'favourSets' }).served).toBe(0);
  });

  it('serves a bundle whose parts all fit, exactly as the plain run does', () => {
    const requests = [ONLINE_STORE, HOME_DELIVERY, DIGITAL_PAYMENTS].map((category, i) => aRequest({ id: `r${i}`, category, setId: 'b1' }));
    const offers = [anOffer({ id: 'o1', categories: [ONLINE_STORE, HOME_DELIVERY, DIGITAL_PAYMENTS], capacity: 3 })];
    const plain = allocate(requests, offers, aContext());
    const sets = allocate(requests, offers, { ...aContext(), completeSetsOnly: true });
    expect(comparable(sets)).toEqual(comparable(plain));
    expect(sets.served).toBe(3);
    expect(sets.sets).toEqual({ total: 1, complete: 1, partial: 0, unserved: 0, dropped: 0, rounds: 1 });
  });

  it('never serves a three-part bundle of a shop with two free slots, and says so', () => {
    const requests = [ONLINE_STORE, HOME_DELIVERY, DIGITAL_PAYMENTS].map((category, i) =>
      aRequest({ id: `r${i}`, category, setId: 'b1', shopLiveMatches: liveMatches(1) }),
    );
    const offers = [anOffer({ id: 'o1', categories: [ONLINE_STORE, HOME_DELIVERY, DIGITAL_PAYMENTS], capacity: 3 })];
    expect(allocate(requests, offers, aContext()).served).toBe(2);
    const sets = allocate(requests, offers, { ...aContext(), completeSetsOnly: true });
    expect(sets.served).toBe(0);
    expect(sets.unserved.map((u) => u.reason)).toEqual(['SET_INCOMPLETE', 'SET_INCOMPLETE', 'SET_INCOMPLETE']);
  });

  it('keeps NO_ELIGIBLE_OFFER for the part of a dropped bundle that no offer serves', () => {
    const requests = [
      aRequest({ id: 'r1', category: ONLINE_STORE, setId: 'b1' }),
      aRequest({ id: 'r2', category: DIGITAL_PAYMENTS, setId: 'b1' }),
    ];
    const sets = allocate(requests, [anOffer({ id: 'o1' })], { ...aContext(), completeSetsOnly: true });
    expect(sets.unserved).toEqual([
      { requestId: 'r1', reason: 'SET_INCOMPLETE' },
      { requestId: 'r2', reason: 'NO_ELIGIBLE_OFFER' },
    ]);
  });
});

/** Random instances where about half the shops ask for their requests as one set. */
const withSets = (size: Parameters<typeof arbInstance>[0]): fc.Arbitrary<AllocationInstance> =>
  arbInstance(size).chain((instance) =>
    fc.array(fc.boolean(), { minLength: instance.requests.length, maxLength: instance.requests.length }).map((flags): AllocationInstance => {
      const bundled = new Set(instance.requests.filter((_, i) => flags[i]).map((r) => r.shopId));
      return { ...instance, requests: instance.requests.map((r): MatchingRequest => (bundled.has(r.shopId) ? { ...r, setId: `set-${r.shopId}` } : r)) };
    }),
  );

describe('complete sets only, on random instances', () => {
  const instances = withSets({ maxShops: 10, maxRequestsPerShop: 3, maxOffers: 6 });
  const options = { numRuns: 150, seed: SEED };

  it('is feasible and serves no set in part', () => {
    fc.assert(
      fc.property(instances, ({ requests, offers, context }) => {
        const result = allocate(requests, offers, { ...context, completeSetsOnly: true });
        expect(feasibilityViolations(requests, offers, context, result)).toEqual([]);
        expect(partiallyServedSets(requests, result)).toEqual([]);
        expect(result.sets.partial).toBe(0);
      }),
      options,
    );
  });

  it('serves as many as the plain optimum of the requests it did not drop', () => {
    fc.assert(
      fc.property(instances, ({ requests, offers, context }) => {
        const result = allocate(requests, offers, { ...context, completeSetsOnly: true });
        const droppedSets = new Set(result.unserved.filter((u) => u.reason === 'SET_INCOMPLETE').map((u) => requests.find((r) => r.id === u.requestId)?.setId));
        const kept = requests.filter((r) => r.setId == null || !droppedSets.has(r.setId));
        expect(result.served).toBe(allocate(kept, offers, context).served);
      }),
      options,
    );
  });

  it('gives the same result whatever order requests and offers are listed in', () => {
    const shuffled = withShuffledInput(instances);
    fc.assert(
      fc.property(shuffled, ({ instance: { requests, offers, context }, requests: r2, offers: o2 }) => {
        const options = { ...context, completeSetsOnly: true };
        expect(comparable(allocate(r2, o2, options))).toEqual(comparable(allocate(requests, offers, options)));
      }),
      options,
    );
  });

  it('without the option, ignores the sets entirely', () => {
    fc.assert(
      fc.property(instances, ({ requests, offers, context }) => {
        const bare = requests.map(({ setId: _setId, ...rest }) => rest);
        expect(comparable(allocate(requests, offers, context))).toEqual(comparable(allocate(bare, offers, context)));
      }),
      options,
    );
  });

  it('with no sets at all, the option changes nothing', () => {
    fc.assert(
      fc.property(arbInstance({ maxShops: 10, maxRequestsPerShop: 3, maxOffers: 6 }), ({ requests, offers, context }) => {
        const result = allocate(requests, offers, { ...context, completeSetsOnly: true });
        expect(comparable(result)).toEqual(comparable(allocate(requests, offers, context)));
        expect(result.sets.rounds).toBe(1);
      }),
      options,
    );
  });
});

describe('complete sets only, against the true optimum (HiGHS branch and bound)', () => {
  let highs: HighsSolver;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('the reference finds the one whole bundle of the competing pair', () => {
    const requests = [
      aRequest({ id: 'a1', shopId: 'sa', category: ONLINE_STORE, createdAt: NOW - 90 * DAY, setId: 'A' }),
      aRequest({ id: 'a2', shopId: 'sa', category: HOME_DELIVERY, createdAt: NOW - DAY, setId: 'A' }),
      aRequest({ id: 'b1', shopId: 'sb', category: ONLINE_STORE, createdAt: NOW - DAY, setId: 'B' }),
      aRequest({ id: 'b2', shopId: 'sb', category: HOME_DELIVERY, createdAt: NOW - 90 * DAY, setId: 'B' }),
    ];
    const offers = [anOffer({ id: 'store', capacity: 1 }), anOffer({ id: 'delivery', categories: [HOME_DELIVERY], capacity: 1 })];
    expect(completeSetsOptimum(highs, requests, offers, aContext())).toEqual(expect.objectContaining({ served: 2, complete: 1 }));
  });

  it('is exact given the sets it serves: the optimum of serving those sets whole and the requests outside sets', () => {
    fc.assert(
      fc.property(withSets({ maxShops: 6, maxRequestsPerShop: 3, maxOffers: 5 }), ({ requests, offers, context }) => {
        const result = allocate(requests, offers, { ...context, completeSetsOnly: true });
        const served = new Set(servedIds(result));
        const whole = requests.filter((r) => r.setId == null || served.has(r.id));
        const optimum = completeSetsOptimum(highs, whole, offers, context, { everySetWhole: true });
        expect({ served: result.served, totalCost: result.totalCost }).toEqual({ served: optimum.served, totalCost: optimum.totalCost });
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it('never serves more than the optimum, and equals the plain optimum when there are no sets', () => {
    fc.assert(
      fc.property(withSets({ maxShops: 6, maxRequestsPerShop: 3, maxOffers: 5 }), ({ requests, offers, context }) => {
        const result = allocate(requests, offers, { ...context, completeSetsOnly: true });
        const optimum = completeSetsOptimum(highs, requests, offers, context);
        expect(result.served).toBeLessThanOrEqual(optimum.served);
        const bare = requests.map(({ setId: _setId, ...rest }) => rest);
        expect(completeSetsOptimum(highs, bare, offers, context)).toEqual(expect.objectContaining({ served: allocate(bare, offers, context).served }));
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});
