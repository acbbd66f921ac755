import { DataSource } from 'typeorm';
import { SignedIn, staffUser } from './testing/fixtures';
import { approvedProvider, publishedOffer, shopIn } from './testing/offer-fixtures';
import { ApplyToOfferSetDocument, CreateHelpRequestBundleDocument } from './gql/generated';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

const AOSTA = '007003';
const CATEGORIES = ['ONLINE_STORE', 'DIGITAL_PAYMENTS', 'HOME_DELIVERY'] as const;

describe('Applying to a set of offers: a place in every part, or in none', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  beforeAll(async () => {
    api = await startTestApp({ ownDatabase: true });
    db = api.app.get(DataSource);
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  async function bundleFor(shop: SignedIn): Promise<{ id: string; requestIds: string[] }> {
    const bundle = member(dataOf(await api.gqlAs(shop.accessToken, CreateHelpRequestBundleDocument, { input: { categories: [...CATEGORIES] } })).createHelpRequestBundle, 'HelpRequestBundle');
    return { id: bundle.id, requestIds: bundle.requests.map((r) => r.id) };
  }

  it('matches a bundle of three categories as a set, and with many shops at once never gives a shared offer more places than it has', async () => {
    const coverage = { comuneCodes: [AOSTA] };
    const providers = [await approvedProvider(api, staff), await approvedProvider(api, staff), await approvedProvider(api, staff)];
    const store = await publishedOffer(api, providers[0], { categories: ['ONLINE_STORE'], coverage, capacity: 20 });
    const pay = await publishedOffer(api, providers[1], { categories: ['DIGITAL_PAYMENTS'], coverage, capacity: 20 });
    const ship = await publishedOffer(api, providers[2], { categories: ['HOME_DELIVERY'], coverage, capacity: 3 });
    const shops = await Promise.all(Array.from({ length: 8 }, () => shopIn(api, AOSTA)));
    const bundles = await Promise.all(shops.map(bundleFor));

    const answers = await Promise.all(
      shops.map(async (shop, i) => {
        const parts = bundles[i].requestIds.map((helpRequestId, p) => ({ helpRequestId, offerId: [store.id, pay.id, ship.id][p] }));
        return dataOf(await api.gqlAs(shop.accessToken, ApplyToOfferSetDocument, { input: { bundleId: bundles[i].id, parts } })).applyToOfferSet;
      }),
    );
    const served = answers.filter((a) => a.__typename === 'MatchSet');
    const refused = answers.filter((a) => a.__typename === 'SetPartUnavailableError');
    expect([served.length, refused.length]).toEqual([3, 5]);
    for (const answer of refused) expect(answer).toMatchObject({ code: 'SET_PART_FULL', field: 'input.parts.2.offerId', category: 'HOME_DELIVERY', offerId: ship.id });
    for (const answer of served) expect(answer.__typename === 'MatchSet' && answer.matches.map((m) => [m.state, m.offer.id])).toEqual([
      ['PENDING', store.id],
      ['PENDING', pay.id],
      ['PENDING', ship.id],
    ]);
    // All or nothing: the refused sets hold no place anywhere.
    const used = await db.query(`SELECT id, used FROM offer WHERE id = ANY($1) ORDER BY capacity DESC, id`, [[store.id, pay.id, ship.id]]);
    expect(Object.fromEntries(used.map((row: { id: string; used: number }) => [row.id, row.used]))).toEqual({ [store.id]: 3, [pay.id]: 3, [ship.id]: 3 });
    const statuses = await db.query(`SELECT status, count(*)::int AS n FROM help_request WHERE bundle_id = ANY($1) GROUP BY status ORDER BY status`, [bundles.map((b) => b.id)]);
    // In the enum's order.
    expect(statuses).toEqual([
      { status: 'OPEN', n: 15 },
      { status: 'MATCHED', n: 9 },
    ]);
  });

  it('refuses a part that is not the bundle’s, naming it, and writes nothing', async () => {
    const shop = await shopIn(api, AOSTA);
    const bundle = await bundleFor(shop);
    const other = await bundleFor(await shopIn(api, AOSTA));
    const offer = await publishedOffer(api, await approvedProvider(api, staff), { categories: ['ONLINE_STORE'], coverage: { comuneCodes: [AOSTA] } });
    const { errors } = await api.gqlAs(shop.accessToken, ApplyToOfferSetDocument, {
      input: { bundleId: bundle.id, parts: [{ helpRequestId: bundle.requestIds[0], offerId: offer.id }, { helpRequestId: other.requestIds[1], offerId: offer.id }] },
    });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.parts.1.helpRequestId', code: 'SET_PART_UNKNOWN' })] });
    expect(await db.query(`SELECT count(*)::int AS n FROM match WHERE help_request_id = ANY($1)`, [bundle.requestIds])).toEqual([{ n: 0 }]);
  });
});
