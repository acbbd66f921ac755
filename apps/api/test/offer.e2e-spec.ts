import { DataSource } from 'typeorm';
import { SignedIn, staffUser } from './testing/fixtures';
import {
  MyOffersDocument,
  MyOffersWithRelationsDocument,
  MyShopDocument,
  OfferByIdDocument,
  type OfferCoverageInput,
  type OfferFieldsFragment,
  OffersDocument,
  type OffersQueryVariables,
  OffersWithRelationsDocument,
  PauseOfferDocument,
  ResumeOfferDocument,
  type ServiceCategory,
  ServiceCategoriesDocument,
} from './gql/generated';
import { approvedProvider, createOffer, offerIds, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import { QueryCounter } from './testing/query-counter';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

const ROMA = '058091';
const FIUMICINO = '058120'; // 26.4 km from Roma's centre
const FIUMICINO_POINT = { latitude: 41.77093, longitude: 12.23662 };

/** One offer of every coverage kind, all published by one approved provider; and a shop in Roma. */
describe('Offers over GraphQL: a provider publishes, a shop finds them by its comune', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  let provider: ProviderAccount;
  let shop: SignedIn;
  let offers: Record<string, OfferFieldsFragment>;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
    provider = await approvedProvider(api, staff);
    shop = await shopIn(api, ROMA);
    const coverages: Record<string, OfferCoverageInput> = {
      national: { national: true },
      lazio: { regionCodes: ['12'] },
      provinceOfRoma: { provinceCodes: ['058'] },
      roma: { comuneCodes: [ROMA] },
      aroundFiumicino: { radii: [{ comuneCode: FIUMICINO, km: 30 }] },
      nearFiumicinoPoint: { radii: [{ ...FIUMICINO_POINT, km: 20 }] },
      lombardia: { regionCodes: ['03'] },
      latinaAndMilano: { comuneCodes: ['059011', '015146'] },
    };
    offers = {};
    for (const [name, coverage] of Object.entries(coverages)) {
      const categories: ServiceCategory[] = name === 'roma' ? ['HOME_DELIVERY', 'DIGITAL_PAYMENTS'] : ['ONLINE_STORE'];
      offers[name] = await publishedOffer(api, provider, { title: `Offerta ${name}`, coverage, categories });
    }
  });
  afterAll(() => api.close());

  const ids = (...names: string[]): string[] => names.map((name) => offers[name].id);

  it('stores each kind of coverage and shows it with place names', () => {
    expect(offers.national.coverage).toMatchObject({ national: true, regions: [], provinces: [], comuni: [], radii: [] });
    expect(offers.lazio.coverage.regions).toEqual([{ code: '12', name: 'Lazio' }]);
    expect(offers.provinceOfRoma.coverage.provinces).toEqual([{ code: '058', name: 'Roma' }]);
    expect(offers.roma.coverage.comuni).toEqual([{ code: ROMA, name: 'Roma' }]);
    expect(offers.aroundFiumicino.coverage.radii).toEqual([{ km: 30, ...FIUMICINO_POINT, comune: { code: FIUMICINO, name: 'Fiumicino' } }]);
    expect(offers.nearFiumicinoPoint.coverage.radii).toEqual([{ km: 20, ...FIUMICINO_POINT, comune: null }]);
    expect(offers.latinaAndMilano.coverage.comuni.map((c) => c.name).sort()).toEqual(['Latina', 'Milano']);
    expect(offers.national).toMatchObject({ status: 'PUBLISHED', remainingCapacity: 10, provider: { id: provider.providerId } });
  });

  it("lists for the shop exactly the offers covering its comune: national, region, province, comune, radius", async () => {
    const { myShop } = dataOf(await api.gqlAs(shop.accessToken, MyShopDocument));
    expect(myShop?.comuneCode).toBe(ROMA);
    const found = await offerIds(api, shop.accessToken, { comuneCode: ROMA });
    expect(found).toEqual(expect.arrayContaining(ids('national', 'lazio', 'provinceOfRoma', 'roma', 'aroundFiumicino')));
    for (const outside of ids('nearFiumicinoPoint', 'lombardia', 'latinaAndMilano')) expect(found).not.toContain(outside);
  });

  it('lists by province and by region only the offers covering the whole area', async () => {
    const inProvince = await offerIds(api, shop.accessToken, { provinceCode: '058' });
    expect(inProvince).toEqual(expect.arrayContaining(ids('national', 'lazio', 'provinceOfRoma')));
    for (const partial of ids('roma', 'aroundFiumicino', 'lombardia')) expect(inProvince).not.toContain(partial);
    const inRegion = await offerIds(api, shop.accessToken, { regionCode: '03' });
    expect(inRegion).toEqual(expect.arrayContaining(ids('national', 'lombardia')));
    expect(inRegion).not.toContain(offers.lazio.id);
  });

  it('filters by category, combined with the place', async () => {
    const found = await offerIds(api, shop.accessToken, { comuneCode: ROMA, categories: ['DIGITAL_PAYMENTS', 'CYBERSECURITY'] });
    expect(found).toContain(offers.roma.id);
    expect(found).not.toContain(offers.national.id);
  });

  it('quotes the words of an offer that suggest the shop would pay, for staff and the provider to check', async () => {
    const paying = await createOffer(api, provider, { conditions: 'Gratuito per sei mesi, poi 9,90 euro al mese con rinnovo automatico.' });
    expect(paying.paymentMentions).toEqual(['9,90 euro al mese', 'rinnovo automatico']);
    const free = await createOffer(api, provider, { conditions: 'Gratuito per sei mesi, senza canone né rinnovo automatico: poi il servizio termina.' });
    expect(free.paymentMentions).toEqual([]);
  });

  it('shows one published offer to the shop with its public provider', async () => {
    const { data, errors } = await api.gqlAs(shop.accessToken, OfferByIdDocument, { id: offers.roma.id });
    expect(errors).toBeUndefined();
    expect(data?.offer).toMatchObject({ id: offers.roma.id, categories: ['HOME_DELIVERY', 'DIGITAL_PAYMENTS'], provider: { name: 'Consegne Veloci S.r.l.' } });
    // A field the public provider type does not have: no typed document can ask for it.
    const secret = await api.gqlRaw('query ($id: ID!) { offer(id: $id) { provider { partitaIva } } }', { variables: { id: offers.roma.id }, accessToken: shop.accessToken });
    expect(secret.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('hides a paused offer from shops until it is resumed; its provider still sees it', async () => {
    const offer = await publishedOffer(api, provider, { title: 'Offerta da sospendere', coverage: { comuneCodes: [ROMA] } });
    const paused = await api.gqlAs(provider.accessToken, PauseOfferDocument, { id: offer.id });
    expect(paused.data?.pauseOffer).toMatchObject({ __typename: 'Offer', status: 'PAUSED' });

    expect(await offerIds(api, shop.accessToken, { comuneCode: ROMA })).not.toContain(offer.id);
    const direct = await api.gqlAs(shop.accessToken, OfferByIdDocument, { id: offer.id });
    expect(direct.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'OFFER_NOT_FOUND' });
    const mine = await api.gqlAs(provider.accessToken, MyOffersDocument, { filter: { status: 'PAUSED' }, first: 100 });
    expect(mine.data?.myOffers.items.map((item) => item.id)).toContain(offer.id);

    member(dataOf(await api.gqlAs(provider.accessToken, ResumeOfferDocument, { id: offer.id })).resumeOffer, 'Offer');
    expect(await offerIds(api, shop.accessToken, { comuneCode: ROMA })).toContain(offer.id);
  });

  it('lets ministry staff see every status and filter by it; others may not filter by status', async () => {
    const draft = await createOffer(api, provider, { title: 'Bozza visibile al Ministero' });
    const drafts = await api.gqlAs(staff.accessToken, OffersDocument, { filter: { status: 'DRAFT', search: 'Bozza visibile al Ministero' }, first: 100 });
    expect(drafts.errors).toBeUndefined();
    expect(drafts.data?.offers.items.map((item) => item.id)).toContain(draft.id);
    expect(new Set(drafts.data?.offers.items.map((item) => item.status))).toEqual(new Set(['DRAFT']));
    expect(await offerIds(api, staff.accessToken, { comuneCode: ROMA })).toContain(draft.id);
    expect(await offerIds(api, shop.accessToken, { comuneCode: ROMA })).not.toContain(draft.id);
    const asShop = await api.gqlAs(shop.accessToken, OffersDocument, { filter: { status: 'DRAFT' } });
    expect(asShop.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'filter.status', code: 'STATUS_FILTER_STAFF_ONLY' })],
    });
  });

  it.each<[string, OffersQueryVariables, string, string]>([
    ['an unknown comune', { filter: { comuneCode: '999999' } }, 'filter.comuneCode', 'COMUNE_NOT_FOUND'],
    ['a malformed province', { filter: { provinceCode: '58' } }, 'filter.provinceCode', 'matches'],
    ['a page too large', { first: 101 }, 'first', 'max'],
  ])('refuses a list filter with %s, naming it', async (_label, variables, field, code) => {
    const { errors } = await api.gqlAs(shop.accessToken, OffersDocument, variables);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code })] });
  });

  it.each([
    ['its provider', 'myOffers'],
    ['ministry staff, across providers', 'offers'],
  ])('costs %s the same number of SQL statements for a page of 2 offers as for 8 (coverage in one query, providers batched)', async (_viewer, list) => {
    const viewer = list === 'myOffers' ? provider : staff;
    // Each page must be answered in full: a refusal would cost fewer statements.
    const page = async (first: number): Promise<number> =>
      list === 'myOffers'
        ? dataOf(await api.gqlAs(viewer.accessToken, MyOffersWithRelationsDocument, { first })).myOffers.items.length
        : dataOf(await api.gqlAs(viewer.accessToken, OffersWithRelationsDocument, { first })).offers.items.length;
    const counter = new QueryCounter(db);
    try {
      await page(1);
      const small = await counter.during(() => page(2));
      const large = await counter.during(() => page(8));
      expect(small).toBeGreaterThan(0);
      expect(large).toBe(small);
    } finally {
      counter.restore();
    }
  });

  it('answers the public list of service categories with Italian and English labels, signed in or not', async () => {
    const { data } = await api.gql(ServiceCategoriesDocument);
    expect(data?.serviceCategories).toHaveLength(11);
    expect(data?.serviceCategories).toContainEqual({ code: 'HOME_DELIVERY', labelIt: 'Consegna a domicilio', labelEn: 'Home delivery' });
  });

  it('keeps offers closed to anonymous callers', async () => {
    const { errors } = await api.gql(OffersDocument);
    expect(errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
