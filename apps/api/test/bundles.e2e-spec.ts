import { DataSource } from 'typeorm';
import { SignedIn, staffUser } from './testing/fixtures';
import { approvedProvider, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import { applyTo, askFor } from './testing/match-fixtures';
import {
  BundleRecommendationsDocument,
  CreateHelpRequestBundleDocument,
  CreateHelpRequestsFromNeedsDocument,
  DeclineMatchDocument,
  DeclareOfferIntegrationsDocument,
  HelpRequestBundleDocument,
  type ServiceCategory,
  MyHelpRequestBundlesDocument,
} from './gql/generated';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

// A database of its own: other test files' national offers would otherwise join the sets.
const AOSTA = '007003';

describe('Bundles: several services asked together, recommended as sets of offers', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  let store: ProviderAccount;
  let pay: ProviderAccount;
  let ship: ProviderAccount;
  beforeAll(async () => {
    api = await startTestApp({ ownDatabase: true });
    db = api.app.get(DataSource);
    staff = await staffUser(api);
    [store, pay, ship] = [await approvedProvider(api, staff), await approvedProvider(api, staff), await approvedProvider(api, staff)];
  });
  afterAll(() => api.close());

  const bundleOf = async (shop: SignedIn, categories: ServiceCategory[]) =>
    member(dataOf(await api.gqlAs(shop.accessToken, CreateHelpRequestBundleDocument, { input: { categories } })).createHelpRequestBundle, 'HelpRequestBundle');
  const setsFor = async (shop: SignedIn, bundleId: string) => dataOf(await api.gqlAs(shop.accessToken, BundleRecommendationsDocument, { bundleId })).bundleRecommendations;

  it('creates one request per category in a bundle, audited, and refuses a service the shop already asks for, writing nothing', async () => {
    const shop = await shopIn(api, AOSTA);
    const bundle = await bundleOf(shop, ['ONLINE_STORE', 'DIGITAL_PAYMENTS', 'HOME_DELIVERY']);
    expect(bundle.requests.map((r) => [r.category, r.status, r.bundleId])).toEqual([
      ['ONLINE_STORE', 'OPEN', bundle.id],
      ['DIGITAL_PAYMENTS', 'OPEN', bundle.id],
      ['HOME_DELIVERY', 'OPEN', bundle.id],
    ]);
    expect(dataOf(await api.gqlAs(shop.accessToken, HelpRequestBundleDocument, { id: bundle.id })).helpRequestBundle.requests).toHaveLength(3);
    expect(dataOf(await api.gqlAs(shop.accessToken, MyHelpRequestBundlesDocument, { first: 10 })).myHelpRequestBundles.items.map((b) => b.id)).toEqual([bundle.id]);
    const audit = await db.query(`SELECT action FROM audit_event WHERE entity_id = $1`, [bundle.id]);
    expect(audit).toEqual([{ action: 'help_request_bundle.created' }]);

    const again = dataOf(await api.gqlAs(shop.accessToken, CreateHelpRequestBundleDocument, { input: { categories: ['WEBSITE', 'HOME_DELIVERY'] } })).createHelpRequestBundle;
    expect(again).toMatchObject({ __typename: 'DuplicateHelpRequestError', field: 'input.categories.1' });
    // Every service already asked for is named in one refusal, not one per attempt.
    const several = dataOf(await api.gqlAs(shop.accessToken, CreateHelpRequestBundleDocument, { input: { categories: ['WEBSITE', 'ONLINE_STORE', 'DIGITAL_PAYMENTS'] } })).createHelpRequestBundle;
    expect(several).toMatchObject({ __typename: 'DuplicateHelpRequestError', field: 'input.categories.1' });
    const words = several.__typename === 'DuplicateHelpRequestError' ? several.messageIt : '';
    expect(words).toMatch(/^2 servizi sono già richiesti: «Negozio online» ha una richiesta aperta (del |dell’)\d+ \S+ \d{4}; «Pagamenti digitali» ha una richiesta aperta (del |dell’)\d+ \S+ \d{4}\. Toglili da questa richiesta, oppure ritira prima quelle in «Le mie richieste»$/);
    expect(await db.query(`SELECT count(*)::int AS n FROM help_request WHERE shop_id = $1`, [shop.shopId])).toEqual([{ n: 3 }]);
    const one = await api.gqlAs(shop.accessToken, CreateHelpRequestBundleDocument, { input: { categories: ['WEBSITE'] } });
    expect(one.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    // Served whole or not at all: more services than a shop may hold at once (3) could never be served, and are refused.
    const big = await shopIn(api, AOSTA);
    const four = await api.gqlAs(big.accessToken, CreateHelpRequestBundleDocument, { input: { categories: ['ONLINE_STORE', 'DIGITAL_PAYMENTS', 'HOME_DELIVERY', 'WEBSITE'] } });
    expect(four.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.categories', code: 'BUNDLE_TOO_LARGE', messageIt: expect.stringContaining('scegline al massimo 3') })],
    });
    expect(await db.query(`SELECT count(*)::int AS n FROM help_request WHERE shop_id = $1`, [big.shopId])).toEqual([{ n: 0 }]);

    // Another shop cannot read it.
    const other = await shopIn(api, AOSTA);
    expect((await api.gqlAs(other.accessToken, HelpRequestBundleDocument, { id: bundle.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await api.gqlAs(other.accessToken, BundleRecommendationsDocument, { bundleId: bundle.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('turns the questionnaire’s answers into a bundle when asked, and refuses a bundle of one service', async () => {
    const shop = await shopIn(api, AOSTA);
    const { createHelpRequestsFromNeeds } = dataOf(
      await api.gqlAs(shop.accessToken, CreateHelpRequestsFromNeedsDocument, { input: { needs: ['CARD_PAYMENTS', 'HOME_DELIVERY'], asBundle: true } }),
    );
    const batch = member(createHelpRequestsFromNeeds, 'HelpRequestBatch');
    expect(batch.bundleId).toEqual(expect.any(String));
    expect(batch.requests.map((r) => [r.category, r.bundleId])).toEqual([
      ['HOME_DELIVERY', batch.bundleId],
      ['DIGITAL_PAYMENTS', batch.bundleId],
    ]);
    const single = await shopIn(api, AOSTA);
    const refused = await api.gqlAs(single.accessToken, CreateHelpRequestsFromNeedsDocument, { input: { needs: ['WEBSITE'], asBundle: true } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.asBundle', code: 'BUNDLE_TOO_SMALL' })] });
    expect(await db.query(`SELECT count(*)::int AS n FROM help_request WHERE shop_id = $1`, [single.shopId])).toEqual([{ n: 0 }]);
  });

  it('proposes a set of three offers that work together first, explains it, and says what is missing when no set is complete', async () => {
    const coverage = { comuneCodes: [AOSTA] };
    const storeOffer = await publishedOffer(api, store, { categories: ['ONLINE_STORE'], coverage, freePeriodMonths: 3 });
    const payOffer = await publishedOffer(api, pay, { categories: ['DIGITAL_PAYMENTS'], coverage, freePeriodMonths: 3 });
    const shipOffer = await publishedOffer(api, ship, { categories: ['HOME_DELIVERY'], coverage, freePeriodMonths: 3, capacity: 1 });
    // Better scored, but declaring no integration.
    const lonePay = await publishedOffer(api, ship, { categories: ['DIGITAL_PAYMENTS'], coverage, freePeriodMonths: 36 });
    member(dataOf(await api.gqlAs(store.accessToken, DeclareOfferIntegrationsDocument, { input: { offerId: storeOffer.id, partnerOfferIds: [payOffer.id, shipOffer.id] } })).declareOfferIntegrations, 'Offer');

    const shop = await shopIn(api, AOSTA);
    const bundle = await bundleOf(shop, ['ONLINE_STORE', 'DIGITAL_PAYMENTS', 'HOME_DELIVERY']);
    const result = await setsFor(shop, bundle.id);
    const [best] = result.sets;
    expect(best).toMatchObject({ complete: true, groups: 1, providerCount: 3, why: [{ code: 'ALL_INTEGRATED', messageIt: 'I fornitori dichiarano che le loro offerte funzionano insieme' }] });
    expect(best.parts.map((p) => [p.category, p.offer.id])).toEqual([
      ['ONLINE_STORE', storeOffer.id],
      ['DIGITAL_PAYMENTS', payOffer.id],
      ['HOME_DELIVERY', shipOffer.id],
    ]);
    expect(best.links).toHaveLength(2);
    // Then the one set with two providers (the delivery provider's payments are unlinked), then the rest.
    expect(result.sets.map((set) => [set.groups, set.providerCount])).toEqual([
      [1, 3],
      [2, 2],
    ]);
    expect(result.sets[1].parts.map((p) => p.offer.id)).toEqual([storeOffer.id, lonePay.id, shipOffer.id]);
    expect(result.bestPartial).toBeNull();
    expect(result.search).toMatchObject({ perCategory: 5, beamWidth: 256, exhaustive: true });

    // The one delivery offer fills up: no complete set; delivery is missing because it is full (its waitlist is open).
    const taker = await shopIn(api, AOSTA);
    await applyTo(api, taker, await askFor(api, taker, 'HOME_DELIVERY'), shipOffer.id);
    const partial = await setsFor(shop, bundle.id);
    expect(partial.sets).toEqual([]);
    expect(partial.bestPartial).toMatchObject({ complete: false, groups: 1 });
    expect(partial.bestPartial?.why.map((reason) => [reason.code, reason.messageIt])).toEqual([['ALL_INTEGRATED', 'I fornitori dichiarano che le loro offerte funzionano insieme']]);
    expect(partial.bestPartial?.missing).toEqual([
      {
        helpRequestId: bundle.requests[2].id,
        category: 'HOME_DELIVERY',
        reasons: [{ code: 'FULL', messageIt: expect.any(String) }],
        waitlistOffers: [{ id: shipOffer.id }],
      },
    ]);
  });

  it('says a service is missing because its provider declined the shop, not that no offer covers it', async () => {
    const coverage = { comuneCodes: [AOSTA] };
    const booking = await publishedOffer(api, store, { categories: ['ONLINE_BOOKING'], coverage });
    const skills = await publishedOffer(api, pay, { categories: ['DIGITAL_SKILLS'], coverage });
    const shop = await shopIn(api, AOSTA);
    const bundle = await bundleOf(shop, ['ONLINE_BOOKING', 'DIGITAL_SKILLS']);
    const skillsRequest = bundle.requests.find((request) => request.category === 'DIGITAL_SKILLS')?.id ?? '';
    // The shop applies for the skills course alone, and its provider declines it.
    const held = await applyTo(api, shop, skillsRequest, skills.id);
    member(dataOf(await api.gqlAs(pay.accessToken, DeclineMatchDocument, { input: { id: held.id, reason: 'Corso al completo per ora.' } })).declineMatch, 'Match');

    const result = await setsFor(shop, bundle.id);
    expect(result.sets).toEqual([]);
    expect(result.bestPartial?.parts.map((part) => part.offer.id)).toEqual([booking.id]);
    expect(result.bestPartial?.missing).toEqual([
      {
        helpRequestId: skillsRequest,
        category: 'DIGITAL_SKILLS',
        reasons: [{ code: 'REFUSED', messageIt: 'Le offerte che lo servirebbero sono quelle a cui hai rinunciato o il cui fornitore ti ha rifiutato: apri la richiesta per chiederne di nuovo una' }],
        waitlistOffers: [],
      },
    ]);
  });
});
