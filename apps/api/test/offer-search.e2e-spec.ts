import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DecideProviderDocument, type OfferFilterInput, OffersDocument, RegisterProviderDocument } from './gql/generated';
import { aProviderInput, signUp, SignedIn, staffUser } from './testing/fixtures';
import { approvedProvider, createOffer, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import { QueryCounter } from './testing/query-counter';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

/**
 * Choosing an offer among thousands: words of its title or of its provider's name narrow the list.
 * Other files create offers in the same database, so every title and name here carries a tag.
 */
describe('Offers over GraphQL: searched by words of the title or of the provider’s name', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  let shop: SignedIn;
  let tag: string;
  let offers: Record<'shopWindow' | 'delivery' | 'discount' | 'draft', string>;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
    shop = await shopIn(api, '058091');
    tag = `t${randomUUID().slice(0, 8)}`;
    const owner = await signUp(api, 'PROVIDER');
    const registered = dataOf(await api.gqlAs(owner.accessToken, RegisterProviderDocument, { input: aProviderInput({ name: `Servizi Città ${tag} S.r.l.` }) }));
    const city: ProviderAccount = { ...owner, providerId: member(registered.registerProvider, 'Provider').id };
    member(dataOf(await api.gqlAs(staff.accessToken, DecideProviderDocument, { input: { providerId: city.providerId, decision: 'APPROVED' } })).verifyProvider, 'Provider');
    const couriers = await approvedProvider(api, staff);
    offers = {
      shopWindow: (await publishedOffer(api, city, { title: `Vetrina ${tag} per l'Artigianato` })).id,
      delivery: (await publishedOffer(api, couriers, { title: `Consegne ${tag} in bicicletta`, categories: ['HOME_DELIVERY'] })).id,
      discount: (await publishedOffer(api, couriers, { title: `Gestionale ${tag} gratis al 100%` })).id,
      draft: (await createOffer(api, city, { title: `Bozza ${tag} di vetrina` })).id,
    };
  });
  afterAll(() => api.close());

  const found = async (viewer: SignedIn, filter: OfferFilterInput): Promise<string[]> => {
    const { data, errors } = await api.gqlAs(viewer.accessToken, OffersDocument, { filter, first: 100 });
    expect(errors).toBeUndefined();
    return (data?.offers.items ?? []).map((offer) => offer.id).sort();
  };
  const ids = (...names: (keyof typeof offers)[]): string[] => names.map((name) => offers[name]).sort();

  it.each([
    ['a shop', () => shop, false],
    ['ministry staff', () => staff, true],
  ])('finds for %s every word in the title or the provider’s name, in any order, case and accents aside', async (_viewer, viewer, seesDrafts) => {
    const drafts = seesDrafts ? ids('draft') : [];
    expect(await found(viewer(), { search: `ARTIGIANATO  vetrina ${tag}` })).toEqual(ids('shopWindow'));
    // The provider's name, typed without its accent: its published offer, and for staff its draft too.
    expect(await found(viewer(), { search: ` citta ${tag.toUpperCase()} ` })).toEqual([...ids('shopWindow'), ...drafts].sort());
    // Words of the title and of the provider's name together.
    expect(await found(viewer(), { search: `veloci bicicletta ${tag}` })).toEqual(ids('delivery'));
    expect(await found(viewer(), { search: tag })).toEqual([...ids('shopWindow', 'delivery', 'discount'), ...drafts].sort());
    expect(await found(viewer(), { search: `${tag} nowhere` })).toEqual([]);
  });

  it.each([
    ['a shop', () => shop],
    ['ministry staff', () => staff],
  ])('takes %s’s % and _ as written, not as patterns', async (_viewer, viewer) => {
    expect(await found(viewer(), { search: `${tag} 100%` })).toEqual(ids('discount'));
    expect(await found(viewer(), { search: `${tag} %` })).toEqual(ids('discount'));
    expect(await found(viewer(), { search: `${tag} _` })).toEqual([]);
  });

  it('keeps the other filters working together with the search', async () => {
    expect(await found(shop, { search: tag, categories: ['HOME_DELIVERY'] })).toEqual(ids('delivery'));
    expect(await found(shop, { search: tag, comuneCode: '015146' })).toEqual(ids('shopWindow', 'delivery', 'discount'));
    expect(await found(staff, { search: `vetrina ${tag}`, status: 'DRAFT' })).toEqual(ids('draft'));
    expect(await found(staff, { search: `vetrina ${tag}`, status: 'PUBLISHED' })).toEqual(ids('shopWindow'));
  });

  it('gives staff, when asked, only the offers shops see: not those of a provider suspended since', async () => {
    expect(await found(staff, { search: tag, shownToShops: true })).toEqual(ids('shopWindow', 'delivery', 'discount'));
    const [{ provider_id: cityId }]: { provider_id: string }[] = await db.query(`SELECT provider_id FROM offer WHERE id = $1`, [offers.shopWindow]);
    await db.query(`UPDATE provider SET verification_status = 'SUSPENDED' WHERE id = $1`, [cityId]);
    try {
      expect(await found(staff, { search: tag, shownToShops: true })).toEqual(ids('delivery', 'discount'));
      // Asked for by status, staff still see it: the call's picker asks for what shops see.
      expect(await found(staff, { search: `vetrina ${tag}`, status: 'PUBLISHED' })).toEqual(ids('shopWindow'));
    } finally {
      await db.query(`UPDATE provider SET verification_status = 'APPROVED' WHERE id = $1`, [cityId]);
    }
  });

  it.each([
    ['a shop', () => shop],
    ['ministry staff', () => staff],
  ])('refuses for %s a search longer than 100 characters, naming filter.search', async (_viewer, viewer) => {
    const { errors } = await api.gqlAs(viewer().accessToken, OffersDocument, { filter: { search: 'x'.repeat(101) }, first: 10 });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'filter.search' })] });
  });

  it.each([
    ['a shop', () => shop],
    ['ministry staff', () => staff],
  ])('costs %s the same number of SQL statements for a searched page of 1 offer as for 3', async (_viewer, viewer) => {
    // Each page must be answered in full: a refusal would cost fewer statements.
    const page = async (first: number): Promise<number> =>
      dataOf(await api.gqlAs(viewer().accessToken, OffersDocument, { filter: { search: tag }, first })).offers.items.length;
    const counter = new QueryCounter(db);
    try {
      await page(1);
      const small = await counter.during(() => page(1));
      const large = await counter.during(async () => expect(await page(3)).toBe(3));
      expect(small).toBeGreaterThan(0);
      expect(large).toBe(small);
    } finally {
      counter.restore();
    }
  });
});
