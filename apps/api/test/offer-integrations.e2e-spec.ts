import { DataSource } from 'typeorm';
import { SignedIn, staffUser } from './testing/fixtures';
import { approvedProvider, createOffer, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import { askFor } from './testing/match-fixtures';
import { CloseOfferDocument, DeclareOfferIntegrationsDocument, OfferIntegrationsDocument, OfferRecommendationsDocument, PauseOfferDocument } from './gql/generated';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

const TORINO = '001272';

describe('Integrations between offers: a provider declares the other providers’ offers its offer works with', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  let store: ProviderAccount;
  let payments: ProviderAccount;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
    store = await approvedProvider(api, staff);
    payments = await approvedProvider(api, staff);
  });
  afterAll(() => api.close());

  const declare = (who: SignedIn, offerId: string, partnerOfferIds: string[]) =>
    api.gqlAs(who.accessToken, DeclareOfferIntegrationsDocument, { input: { offerId, partnerOfferIds } });
  const rowsOf = async (offerId: string): Promise<string[]> =>
    (await db.query(`SELECT partner_offer_id FROM offer_integration WHERE offer_id = $1 ORDER BY 1`, [offerId])).map((row: { partner_offer_id: string }) => row.partner_offer_id);

  it('stores the partners, shows them on the offer and in a shop’s recommendations, and audits the change', async () => {
    const shopOffer = await publishedOffer(api, store, { title: 'Vetrina online di quartiere', categories: ['ONLINE_STORE'], coverage: { comuneCodes: [TORINO] } });
    const pay = await publishedOffer(api, payments, { title: 'Pagamenti digitali senza canone', categories: ['DIGITAL_PAYMENTS'] });
    const payLater = await publishedOffer(api, payments, { title: 'Consegne in giornata', categories: ['HOME_DELIVERY'] });

    const declared = member(dataOf(await declare(store, shopOffer.id, [payLater.id, pay.id])).declareOfferIntegrations, 'Offer');
    expect(declared.integrations.map((p) => [p.title, p.provider.id])).toEqual([
      ['Consegne in giornata', payments.providerId],
      ['Pagamenti digitali senza canone', payments.providerId],
    ]);
    expect(await rowsOf(shopOffer.id)).toEqual([pay.id, payLater.id].sort());

    const shop = await shopIn(api, TORINO);
    const requestId = await askFor(api, shop, 'ONLINE_STORE');
    const { offerRecommendations } = dataOf(await api.gqlAs(shop.accessToken, OfferRecommendationsDocument, { id: requestId, first: 100 }));
    const ranked = offerRecommendations.eligible.find((r) => r.offer.id === shopOffer.id);
    expect(ranked?.offer.integrations.map((p) => p.id)).toEqual([payLater.id, pay.id]);

    // A paused partner drops out of what shops see, and comes back when resumed; the declaration stays.
    member(dataOf(await api.gqlAs(payments.accessToken, PauseOfferDocument, { id: pay.id })).pauseOffer, 'Offer');
    const seen = dataOf(await api.gqlAs(shop.accessToken, OfferIntegrationsDocument, { id: shopOffer.id })).offer;
    expect(seen.integrations.map((p) => p.id)).toEqual([payLater.id]);
    expect(await rowsOf(shopOffer.id)).toHaveLength(2);

    // Keeping an already-declared partner while it is paused is allowed; the list replaces the old one.
    member(dataOf(await declare(store, shopOffer.id, [pay.id])).declareOfferIntegrations, 'Offer');
    expect(await rowsOf(shopOffer.id)).toEqual([pay.id]);

    const audit = await db.query(`SELECT action, actor_user_id, before, after FROM audit_event WHERE entity_id = $1 AND action = 'offer.integrations_declared' ORDER BY id`, [
      shopOffer.id,
    ]);
    expect(audit).toEqual([
      { action: 'offer.integrations_declared', actor_user_id: store.userId, before: { partnerOfferIds: [] }, after: { partnerOfferIds: [pay.id, payLater.id].sort() } },
      { action: 'offer.integrations_declared', actor_user_id: store.userId, before: { partnerOfferIds: [pay.id, payLater.id].sort() }, after: { partnerOfferIds: [pay.id] } },
    ]);
  });

  it('refuses itself, its own provider’s offers, repeats, unknown or hidden offers and too many, naming the entry and writing nothing', async () => {
    const offer = await publishedOffer(api, store, { categories: ['ONLINE_STORE'] });
    const sibling = await publishedOffer(api, store, { categories: ['DIGITAL_PAYMENTS'] });
    const partner = await publishedOffer(api, payments, { categories: ['DIGITAL_PAYMENTS'] });
    const draft = await createOffer(api, payments, { categories: ['HOME_DELIVERY'] });
    member(dataOf(await declare(store, offer.id, [partner.id])).declareOfferIntegrations, 'Offer');
    const cases: [string[], string, string][] = [
      [[partner.id, offer.id], 'input.partnerOfferIds.1', 'INTEGRATION_SELF'],
      [[sibling.id], 'input.partnerOfferIds.0', 'INTEGRATION_SAME_PROVIDER'],
      [[partner.id, partner.id], 'input.partnerOfferIds.1', 'INTEGRATION_DUPLICATE'],
      [[draft.id], 'input.partnerOfferIds.0', 'INTEGRATION_PARTNER_NOT_FOUND'],
      [['6a1d2c3b-0000-4000-8000-000000000000'], 'input.partnerOfferIds.0', 'INTEGRATION_PARTNER_NOT_FOUND'],
    ];
    for (const [ids, field, code] of cases) {
      const { data, errors } = await declare(store, offer.id, ids);
      expect([code, data]).toEqual([code, null]);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code, messageIt: expect.any(String) })] });
    }
    const tooMany = await declare(store, offer.id, Array.from({ length: 11 }, () => partner.id));
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.partnerOfferIds' })] });
    expect(await rowsOf(offer.id)).toEqual([partner.id]);
  });

  it('lets only the offer’s provider declare, and not on a closed offer', async () => {
    const offer = await publishedOffer(api, store, { categories: ['ONLINE_STORE'] });
    const partner = await publishedOffer(api, payments, { categories: ['DIGITAL_PAYMENTS'] });
    const stranger = await declare(payments, offer.id, []);
    expect(stranger.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.offerId' });
    const shop = await shopIn(api, TORINO);
    expect((await declare(shop, offer.id, [partner.id])).errors?.[0].extensions.code).toBe('FORBIDDEN');
    member(dataOf(await api.gqlAs(store.accessToken, CloseOfferDocument, { id: offer.id })).closeOffer, 'Offer');
    expect(dataOf(await declare(store, offer.id, [partner.id])).declareOfferIntegrations).toMatchObject({ __typename: 'OfferClosedError', code: 'OFFER_CLOSED', field: 'input.offerId' });
    expect(await rowsOf(offer.id)).toEqual([]);
  });
});
