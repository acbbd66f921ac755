import { SignedIn, staffUser } from './testing/fixtures';
import { applyTo, askFor } from './testing/match-fixtures';
import { approvedProvider, offerIds, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import { OfferRecommendationsDocument, type OfferRecommendationsQuery, OffersDocument } from './gql/generated';
import { dataOf, startTestApp, TestApp } from './testing/test-app';

// Comuni no other test file covers: the offers here are the only local ones.
const [PERUGIA, TERNI] = ['054039', '055032'];

describe('Recommendations say where the shop stands against its limits; offers can be listed outside a comune', () => {
  let api: TestApp;
  let provider: ProviderAccount;
  beforeAll(async () => {
    api = await startTestApp();
    provider = await approvedProvider(api, await staffUser(api));
  });
  afterAll(() => api.close());

  const limitsFor = async (shop: SignedIn, requestId: string): Promise<OfferRecommendationsQuery['offerRecommendations']> =>
    dataOf(await api.gqlAs(shop.accessToken, OfferRecommendationsDocument, { id: requestId, first: 20 })).offerRecommendations;

  it('counts the live matches, overall and in the category, against the most a shop may hold (K = 3)', async () => {
    const shop = await shopIn(api, PERUGIA);
    const first = await askFor(api, shop, 'WEBSITE');
    expect((await limitsFor(shop, first)).shopLimits).toEqual({ liveMatches: 0, maxLiveMatches: 3, liveInCategory: 0 });

    for (const category of ['WEBSITE', 'DIGITAL_PAYMENTS', 'CYBERSECURITY'] as const) {
      const offer = await publishedOffer(api, provider, { categories: [category], coverage: { comuneCodes: [PERUGIA] } });
      const requestId = category === 'WEBSITE' ? first : await askFor(api, shop, category);
      expect((await applyTo(api, shop, requestId, offer.id, false)).state).toBe('PENDING');
    }
    // At K, a full offer of another category is no waitlist the shop may join: it is not offered.
    const full = await publishedOffer(api, provider, { categories: ['SOCIAL_MARKETING'], capacity: 1, coverage: { comuneCodes: [PERUGIA] } });
    const taker = await shopIn(api, PERUGIA);
    await applyTo(api, taker, await askFor(api, taker, 'SOCIAL_MARKETING'), full.id, false);
    const atLimit = await limitsFor(shop, await askFor(api, shop, 'SOCIAL_MARKETING'));
    expect(atLimit.shopLimits).toEqual({ liveMatches: 3, maxLiveMatches: 3, liveInCategory: 0 });
    expect(atLimit.waitlist).toEqual([]);
    expect(atLimit.eligible).toEqual([]);
    // One request per service: the live match in the category is the website request's own.
    const website = await limitsFor(shop, first);
    expect(website.shopLimits).toEqual({ liveMatches: 3, maxLiveMatches: 3, liveInCategory: 1 });
  });

  it('lists the offers of a category that do not reach a comune: the complement of those that do', async () => {
    const shop = await shopIn(api, TERNI);
    const local = await publishedOffer(api, provider, { categories: ['CONNECTIVITY'], coverage: { comuneCodes: [TERNI] } });
    const regional = await publishedOffer(api, provider, { categories: ['CONNECTIVITY'], coverage: { regionCodes: ['10'] } });
    const national = await publishedOffer(api, provider, { categories: ['CONNECTIVITY'], coverage: { national: true } });
    const elsewhere = await publishedOffer(api, provider, { categories: ['CONNECTIVITY'], coverage: { comuneCodes: [PERUGIA] } });
    const outside = await offerIds(api, shop.accessToken, { categories: ['CONNECTIVITY'], outsideComuneCode: TERNI });
    expect(outside).toContain(elsewhere.id);
    for (const reaching of [local, regional, national]) expect(outside).not.toContain(reaching.id);
    const inside = await offerIds(api, shop.accessToken, { categories: ['CONNECTIVITY'], comuneCode: TERNI });
    expect(inside).toEqual(expect.arrayContaining([local.id, regional.id, national.id]));
    expect(inside.filter((id) => outside.includes(id))).toEqual([]);

    const unknown = await api.gqlAs(shop.accessToken, OffersDocument, { filter: { outsideComuneCode: '999999' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'filter.outsideComuneCode' })] });
  });
});
