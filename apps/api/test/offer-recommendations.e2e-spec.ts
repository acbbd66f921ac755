import { DataSource } from 'typeorm';
import { SignedIn, signUp, staffUser } from './testing/fixtures';
import { approvedProvider, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import { applyTo, askFor } from './testing/match-fixtures';
import { CreateOfferDocument, OfferEligibilityDocument, OfferRecommendationsDocument, type OfferRecommendationsQuery } from './gql/generated';
import { dataOf, startTestApp, TestApp } from './testing/test-app';

type Recommendations = OfferRecommendationsQuery['offerRecommendations'];

const TORINO = '001272';
const NAPOLI = '063049';

describe('Online matching over GraphQL: ranked offers with their reasons', () => {
  let api: TestApp;
  let staff: SignedIn;
  let provider: ProviderAccount;
  beforeAll(async () => {
    api = await startTestApp();
    staff = await staffUser(api);
    provider = await approvedProvider(api, staff);
  });
  afterAll(() => api.close());

  const recommend = async (who: SignedIn, id: string): Promise<Recommendations> =>
    dataOf(await api.gqlAs(who.accessToken, OfferRecommendationsDocument, { id, first: 100 })).offerRecommendations;

  it('ranks the local offer above the national one, lists full ones for the waitlist and says why others do not fit', async () => {
    const category = 'CONNECTIVITY' as const;
    const local = await publishedOffer(api, provider, { categories: [category], capacity: 5, coverage: { comuneCodes: [TORINO] } });
    const national = await publishedOffer(api, provider, { categories: [category], capacity: 5, coverage: { national: true } });
    const full = await publishedOffer(api, provider, { categories: [category], capacity: 1, coverage: { comuneCodes: [TORINO] } });
    const otherSector = await publishedOffer(api, provider, { categories: [category], coverage: { comuneCodes: [TORINO] }, sectors: { allSectors: false, sections: ['G'] } });
    const elsewhere = await publishedOffer(api, provider, { categories: [category], coverage: { comuneCodes: [NAPOLI] } });
    const taker = await shopIn(api, TORINO);
    await applyTo(api, taker, await askFor(api, taker, category), full.id);

    const shop = await shopIn(api, TORINO);
    const requestId = await askFor(api, shop, category);
    const result = await recommend(shop, requestId);

    const ids = result.eligible.map((r) => r.offer.id);
    expect(ids).toEqual(expect.arrayContaining([local.id, national.id]));
    expect(ids.indexOf(local.id)).toBeLessThan(ids.indexOf(national.id));
    const best = result.eligible.find((r) => r.offer.id === local.id)!;
    expect(best).toMatchObject({ coverageLevel: 'COMUNE', seatsLeft: 5 });
    const sum = best.components.reduce((total, c) => total + c.contribution, 0);
    expect(best.score).toBeCloseTo(sum, 5);
    expect(best.components.length).toBeGreaterThan(0);
    for (const c of best.components) expect(c.contribution).toBeCloseTo(c.value * c.weight, 5);
    expect(result.waitlist.map((w) => w.offer.id)).toContain(full.id);
    expect(result.notEligible.find((n) => n.offer.id === otherSector.id)?.reasons.map((r) => r.code)).toEqual(['SECTOR']);
    // Found through the coverage index: an offer for Napoli is never even a candidate in Torino.
    expect([...ids, ...result.waitlist.map((w) => w.offer.id), ...result.notEligible.map((n) => n.offer.id)]).not.toContain(elsewhere.id);

    const why = await api.gqlAs(shop.accessToken, OfferEligibilityDocument, { helpRequestId: requestId, offerId: elsewhere.id });
    expect(why.data?.offerEligibility).toEqual({
      eligible: false,
      waitlistOnly: false,
      reasons: [{ code: 'OUTSIDE_COVERAGE', messageIt: 'Il tuo negozio è fuori dall’area coperta dall’offerta' }],
      ranking: null,
    });
    const fullWhy = await api.gqlAs(shop.accessToken, OfferEligibilityDocument, { helpRequestId: requestId, offerId: full.id });
    expect(fullWhy.data?.offerEligibility).toMatchObject({ eligible: false, waitlistOnly: true, ranking: { coverageLevel: 'COMUNE' } });
  });

  it('names every rule an offer fails, and shows nothing once the shop has a live match in the category', async () => {
    const other = await publishedOffer(api, provider, { categories: ['DIGITAL_SKILLS'], coverage: { comuneCodes: [NAPOLI] }, sectors: { allSectors: false, sections: ['G'] } });
    const shop = await shopIn(api, TORINO);
    const requestId = await askFor(api, shop, 'CONNECTIVITY');
    const why = await api.gqlAs(shop.accessToken, OfferEligibilityDocument, { helpRequestId: requestId, offerId: other.id });
    expect(why.data?.offerEligibility.reasons.map((r) => r.code)).toEqual(['CATEGORY', 'OUTSIDE_COVERAGE', 'SECTOR']);

    const offer = await publishedOffer(api, provider, { categories: ['CONNECTIVITY'], capacity: 3, coverage: { comuneCodes: [TORINO] } });
    await applyTo(api, shop, requestId, offer.id);
    // A shop cannot open a second request for a service it already has in progress; one written
    // before that rule still meets the engine's own limit.
    const [{ id: second }] = await api.app
      .get(DataSource)
      .query(`INSERT INTO help_request (shop_id, category, description) VALUES ($1, 'CONNECTIVITY', 'Una seconda richiesta.') RETURNING id`, [shop.shopId]);
    const after = await recommend(shop, second);
    expect(after.eligible).toEqual([]);
    expect(after.notEligible.find((n) => n.offer.id === offer.id)?.reasons.map((r) => r.code)).toEqual(['SHOP_CATEGORY_LIMIT']);
  });

  it("keeps other shops' requests and invisible offers out of reach", async () => {
    const owner = await shopIn(api, TORINO);
    const requestId = await askFor(api, owner, 'CONNECTIVITY');
    const intruder = await shopIn(api, TORINO);
    const stolen = await api.gqlAs(intruder.accessToken, OfferRecommendationsDocument, { id: requestId, first: 100 });
    expect(stolen.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'helpRequestId' });
    const providerCall = await api.gqlAs((await signUp(api, 'PROVIDER')).accessToken, OfferRecommendationsDocument, { id: requestId, first: 100 });
    expect(providerCall.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const staffView = await api.gqlAs(staff.accessToken, OfferRecommendationsDocument, { id: requestId, first: 100 });
    expect(staffView.errors).toBeUndefined();

    const draft = await api.gqlAs(provider.accessToken, CreateOfferDocument, {
      input: { title: 'Bozza', description: 'Ancora in preparazione.', categories: ['CONNECTIVITY'], coverage: { national: true }, capacity: 2, freePeriodMonths: 3, conditions: 'Gratuito, senza rinnovo.', validFrom: new Date().toISOString() },
    });
    const peek = await api.gqlAs(owner.accessToken, OfferEligibilityDocument, { helpRequestId: requestId, offerId: dataOf(draft).createOffer.id });
    expect(peek.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'OFFER_NOT_FOUND' });
    const malformed = await api.gqlAs(owner.accessToken, OfferRecommendationsDocument, { id: 'not-an-id', first: 100 });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'helpRequestId' })] });
  });
});
