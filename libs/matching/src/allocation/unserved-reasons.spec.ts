import { MatchingContext, MatchingOffer, MatchingRequest } from '../model/matching.types';
import { ServiceCategory } from '../service-category';
import { aContext, aCoverage, anOffer, aRequest, DAY, liveMatches, NOW, ROMA } from '../testing/builders';
import { allocate, UnservedRequest } from './allocate';

const { ONLINE_STORE, WEBSITE } = ServiceCategory;

interface Case {
  name: string;
  requests: MatchingRequest[];
  offers: MatchingOffer[];
  context?: Partial<MatchingContext>;
  served: string[];
  unserved: UnservedRequest[];
}

const CASES: Case[] = [
  { name: 'no offer at all', requests: [aRequest({ id: 'r1' })], offers: [], served: [], unserved: [{ requestId: 'r1', reason: 'NO_ELIGIBLE_OFFER' }] },
  {
    name: 'offers of other categories only',
    requests: [aRequest({ id: 'r1', category: ONLINE_STORE })],
    offers: [anOffer({ categories: [WEBSITE] })],
    served: [],
    unserved: [{ requestId: 'r1', reason: 'NO_ELIGIBLE_OFFER' }],
  },
  {
    name: 'offers that do not cover the shop',
    requests: [aRequest({ id: 'r1' })],
    offers: [anOffer({ coverage: aCoverage({ comuneCodes: [ROMA.comuneCode] }) })],
    served: [],
    unserved: [{ requestId: 'r1', reason: 'NO_ELIGIBLE_OFFER' }],
  },
  {
    name: 'offers for other sectors',
    requests: [aRequest({ id: 'r1', sector: { section: 'G', division: '47' } })],
    offers: [anOffer({ eligibleSectors: { sections: ['C'], divisions: [] } })],
    served: [],
    unserved: [{ requestId: 'r1', reason: 'NO_ELIGIBLE_OFFER' }],
  },
  {
    name: 'offers not currently valid (paused, expired, not started, unapproved)',
    requests: [aRequest({ id: 'r1' })],
    offers: [
      anOffer({ id: 'o1', status: 'PAUSED' }),
      anOffer({ id: 'o2', validUntil: NOW - 1 }),
      anOffer({ id: 'o3', validFrom: NOW + DAY }),
      anOffer({ id: 'o4', providerApproved: false }),
    ],
    served: [],
    unserved: [{ requestId: 'r1', reason: 'NO_ELIGIBLE_OFFER' }],
  },
  {
    name: 'an eligible offer that was already full',
    requests: [aRequest({ id: 'r1' })],
    offers: [anOffer({ capacity: 2, used: 2 })],
    served: [],
    unserved: [{ requestId: 'r1', reason: 'ALL_FULL' }],
  },
  {
    name: 'one slot for two shops',
    requests: [aRequest({ id: 'r1', shopId: 's1', createdAt: NOW - 20 * DAY }), aRequest({ id: 'r2', shopId: 's2', createdAt: NOW - 10 * DAY })],
    offers: [anOffer({ capacity: 1 })],
    served: ['r1'],
    unserved: [{ requestId: 'r2', reason: 'ALL_FULL' }],
  },
  {
    name: 'a shop already at K live matches',
    requests: [aRequest({ id: 'r1', shopLiveMatches: liveMatches(3) })],
    offers: [anOffer()],
    served: [],
    unserved: [{ requestId: 'r1', reason: 'SHOP_LIMIT' }],
  },
  {
    name: 'a shop with a live match in the category',
    requests: [aRequest({ id: 'r1', shopLiveMatches: liveMatches(1, { [ONLINE_STORE]: 1 }) })],
    offers: [anOffer()],
    served: [],
    unserved: [{ requestId: 'r1', reason: 'SHOP_LIMIT' }],
  },
  {
    name: 'K = 0',
    requests: [aRequest({ id: 'r1' })],
    offers: [anOffer()],
    context: { maxLiveMatchesPerShop: 0 },
    served: [],
    unserved: [{ requestId: 'r1', reason: 'SHOP_LIMIT' }],
  },
  {
    name: 'a shop at its limit with no eligible offer either (NO_ELIGIBLE_OFFER first)',
    requests: [aRequest({ id: 'r1', shopLiveMatches: liveMatches(3) })],
    offers: [anOffer({ categories: [WEBSITE] })],
    served: [],
    unserved: [{ requestId: 'r1', reason: 'NO_ELIGIBLE_OFFER' }],
  },
  {
    name: 'a shop whose last free slot this allocation uses',
    requests: [
      aRequest({ id: 'r1', category: ONLINE_STORE, createdAt: NOW - 20 * DAY, shopLiveMatches: liveMatches(2) }),
      aRequest({ id: 'r2', category: WEBSITE, createdAt: NOW - 10 * DAY, shopLiveMatches: liveMatches(2) }),
    ],
    offers: [anOffer({ categories: [ONLINE_STORE, WEBSITE] })],
    served: ['r1'],
    unserved: [{ requestId: 'r2', reason: 'SHOP_LIMIT' }],
  },
  {
    name: 'a shop asking twice in one category',
    requests: [aRequest({ id: 'r1', createdAt: NOW - 20 * DAY }), aRequest({ id: 'r2', createdAt: NOW - 10 * DAY })],
    offers: [anOffer({ id: 'o1' }), anOffer({ id: 'o2' })],
    served: ['r1'],
    unserved: [{ requestId: 'r2', reason: 'SHOP_LIMIT' }],
  },
  {
    name: 'a mix, listed by request id',
    requests: [
      aRequest({ id: 'r4', shopId: 's4', shopLiveMatches: liveMatches(3) }),
      aRequest({ id: 'r3', shopId: 's3', category: WEBSITE }),
      aRequest({ id: 'r2', shopId: 's2', createdAt: NOW - DAY }),
      aRequest({ id: 'r1', shopId: 's1', createdAt: NOW - 30 * DAY }),
    ],
    offers: [anOffer({ capacity: 1 })],
    served: ['r1'],
    unserved: [
      { requestId: 'r2', reason: 'ALL_FULL' },
      { requestId: 'r3', reason: 'NO_ELIGIBLE_OFFER' },
      { requestId: 'r4', reason: 'SHOP_LIMIT' },
    ],
  },
];

describe('allocation: why a request is not served', () => {
  it.each(CASES)('$name', ({ requests, offers, context, served, unserved }) => {
    const result = allocate(requests, offers, aContext(context));
    expect(result.assignments.map((a) => a.requestId)).toEqual(served);
    expect(result.served).toBe(served.length);
    expect(result.unserved).toEqual(unserved);
  });
});
