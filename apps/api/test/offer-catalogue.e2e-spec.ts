import { DataSource } from 'typeorm';
import { staffUser } from './testing/fixtures';
import { type CatalogueFilterInput, OfferCatalogueDocument, type OfferCatalogueQuery, PauseOfferDocument, TypeFieldsDocument } from './gql/generated';
import { approvedProvider, createOffer, daysFromNow, ProviderAccount, publishedOffer, registeredProvider } from './testing/offer-fixtures';
import { QueryCounter } from './testing/query-counter';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

type CatalogueItem = OfferCatalogueQuery['offerCatalogue']['items'][number];

// Comuni no other test file covers, so that the offers here are the only local ones.
const [AOSTA, COURMAYEUR, SASSARI] = ['007003', '007022', '090064'];

describe('The public catalogue of offers', () => {
  let api: TestApp;
  let provider: ProviderAccount;
  const titles = (items: CatalogueItem[]): string[] => items.map((item) => item.title).sort();
  const anonymous = (filter: CatalogueFilterInput, first = 20, offset = 0) => api.gql(OfferCatalogueDocument, { filter, first, offset });

  beforeAll(async () => {
    api = await startTestApp();
    const staff = await staffUser(api);
    provider = await approvedProvider(api, staff);
    const aosta = { comuneCodes: [AOSTA] };
    await publishedOffer(api, provider, { title: 'Vetrina valdostana', categories: ['ONLINE_STORE'], coverage: aosta, capacity: 4 });
    await publishedOffer(api, provider, { title: 'Consegne in valle', categories: ['HOME_DELIVERY'], coverage: aosta });
    await createOffer(api, provider, { title: 'Bozza valdostana', coverage: aosta });
    const paused = await publishedOffer(api, provider, { title: 'Sospesa valdostana', coverage: aosta });
    member(dataOf(await api.gqlAs(provider.accessToken, PauseOfferDocument, { id: paused.id })).pauseOffer, 'Offer');
    const ended = await publishedOffer(api, provider, { title: 'Scaduta valdostana', coverage: aosta });
    await api.app.get(DataSource).query(`UPDATE offer SET valid_from = now() - interval '10 days', valid_until = now() - interval '1 day' WHERE id = $1`, [ended.id]);
    // An organisation not verified (yet) cannot reach the public with its offers.
    const pending = await registeredProvider(api);
    await createOffer(api, pending, { title: 'Non verificata valdostana', coverage: aosta });
    await publishedOffer(api, provider, { title: 'Pagamenti sardi', categories: ['DIGITAL_PAYMENTS'], coverage: { comuneCodes: [SASSARI] } });
  });
  afterAll(() => api.close());

  it('answers without an account with the published, valid offers of approved providers that reach the comune', async () => {
    const { data, errors } = await anonymous({ comuneCode: AOSTA });
    expect(errors).toBeUndefined();
    const local = data!.offerCatalogue.items.filter((item) => item.title.endsWith('valdostana') || item.title === 'Consegne in valle');
    expect(titles(local)).toEqual(['Consegne in valle', 'Vetrina valdostana']);
    expect(titles(data!.offerCatalogue.items)).not.toContain('Pagamenti sardi');
    expect(local.find((item) => item.title === 'Vetrina valdostana')).toMatchObject({ placesLeft: 4, categories: ['ONLINE_STORE'] });
  });

  it('filters by category, and by a comune the offers do not reach', async () => {
    const store = await anonymous({ comuneCode: AOSTA, categories: ['ONLINE_STORE'] });
    expect(titles(store.data!.offerCatalogue.items).filter((title) => title.endsWith('valdostana'))).toEqual(['Vetrina valdostana']);
    expect(store.data!.offerCatalogue.items.every((item) => item.categories.includes('ONLINE_STORE'))).toBe(true);
    const elsewhere = await anonymous({ comuneCode: COURMAYEUR });
    expect(titles(elsewhere.data!.offerCatalogue.items).filter((title) => title.endsWith('valdostana'))).toEqual([]);
  });

  it('pages through the whole catalogue', async () => {
    const first = await anonymous({}, 1, 0);
    const second = await anonymous({}, 1, 1);
    expect(first.data!.offerCatalogue.totalCount).toBeGreaterThanOrEqual(3);
    expect(first.data!.offerCatalogue.hasNextPage).toBe(true);
    expect(first.data!.offerCatalogue.items).toHaveLength(1);
    expect(second.data!.offerCatalogue.items[0].id).not.toBe(first.data!.offerCatalogue.items[0].id);
  });

  it('shows no personal data and no capacity internals: its types hold only what the public may know', async () => {
    const fieldsOf = async (name: string): Promise<string[]> => {
      const { __type } = dataOf(await api.gql(TypeFieldsDocument, { name }));
      return (__type?.fields ?? []).map((field) => field.name).sort();
    };
    expect(await fieldsOf('CatalogueOffer')).toEqual(
      ['categories', 'conditions', 'coverage', 'description', 'freePeriodMonths', 'id', 'placesLeft', 'provider', 'publishedAt', 'sectors', 'title', 'validFrom', 'validUntil'].sort(),
    );
    expect(await fieldsOf('PublicProvider')).toEqual(['description', 'id', 'kind', 'name', 'website']);
  });

  it('refuses an unknown comune and a page too large, naming the argument', async () => {
    const unknown = await anonymous({ comuneCode: '999999' });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'filter.comuneCode' })] } });
    const large = await anonymous({}, 101);
    expect(large.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('costs at most four SQL statements whatever the page size (ids, rows with their provider, count, coverage)', async () => {
    const counter = new QueryCounter(api.app.get(DataSource));
    try {
      const statements = (first: number): Promise<number> => counter.during(async () => dataOf(await anonymous({}, first)));
      expect(Math.max(await statements(1), await statements(20), await statements(100))).toBeLessThanOrEqual(4);
    } finally {
      counter.restore();
    }
  });

  it('keeps offers that start at a later date, saying when', async () => {
    const start = daysFromNow(10);
    const later = await publishedOffer(api, provider, { title: 'Futura valdostana', coverage: { comuneCodes: [AOSTA] }, validFrom: start, validUntil: daysFromNow(100) });
    const { data } = await anonymous({ comuneCode: AOSTA }, 100);
    const item = data?.offerCatalogue.items.find((offer) => offer.id === later.id);
    expect(item && new Date(item.validFrom).toISOString()).toBe(start);
  });
});
