import { DataSource } from 'typeorm';
import {
  AcceptMatchDocument,
  CompleteMatchDocument,
  ConfirmMatchActiveDocument,
  DeclineMatchDocument,
  MyNotificationsDocument,
  OfferMatchesWithShopContactsDocument,
  WithdrawMatchDocument,
} from './gql/generated';
import { SignedIn, staffUser } from './testing/fixtures';
import { applyTo, askFor } from './testing/match-fixtures';
import { approvedProvider, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import { dataOf, startTestApp, TestApp } from './testing/test-app';

const TORINO = '001272';
const WITHHELD = { contactsAvailable: false, contactEmail: null, contactPhone: null };
const GIVEN = { contactsAvailable: true, contactEmail: 'forno@example.it' };

/** Data minimisation: a provider reaches a shop through a match only while it deals with it. */
describe('The shop’s contacts on a match, as its provider reads them', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  let provider: ProviderAccount;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
    provider = await approvedProvider(api, staff);
  });
  afterAll(() => api.close());

  const offerMatches = async (who: SignedIn, offerId: string) =>
    dataOf(await api.gqlAs(who.accessToken, OfferMatchesWithShopContactsDocument, { offerId })).myMatches.items;

  it('gives them while PENDING and withholds them, and the shop’s own words, once the shop withdrew', async () => {
    const offer = await publishedOffer(api, provider, { capacity: 5, coverage: { comuneCodes: [TORINO] } });
    const shop = await shopIn(api, TORINO);
    const match = await applyTo(api, shop, await askFor(api, shop), offer.id);

    const [pending] = await offerMatches(provider, offer.id);
    expect(pending).toMatchObject({ state: 'PENDING', shop: GIVEN, helpRequest: { description: expect.any(String) } });

    await api.gqlAs(shop.accessToken, WithdrawMatchDocument, { input: { id: match.id, reason: 'Ho scelto un altro fornitore: chiamatemi al 333 1234567' } });
    const [withdrawn] = await offerMatches(provider, offer.id);
    expect(withdrawn).toMatchObject({ state: 'WITHDRAWN', endReason: null, endReasonText: null, shop: { name: 'Il Forno di Via Roma', comune: { name: 'Torino' }, ...WITHHELD } });
    expect(withdrawn.helpRequest.description).toBeNull();
    expect(withdrawn.transitions.map((step) => step.reason)).toEqual([null, null]);
    const told = dataOf(await api.gqlAs(provider.accessToken, MyNotificationsDocument, { first: 50 })).myNotifications.items.find(
      (n) => n.kind === 'MATCH_WITHDRAWN' && n.matchId === match.id,
    );
    expect(told?.messageIt).not.toContain('333 1234567');
    expect(told?.params).toMatchObject({ audience: 'PROVIDER', reason: null });
    expect(JSON.stringify(told?.params)).not.toContain('333 1234567');

    // The shop itself still reads its match whole.
    const [own] = await offerMatches(shop, offer.id);
    expect(own).toMatchObject({ endReason: 'Ho scelto un altro fornitore: chiamatemi al 333 1234567', shop: GIVEN, helpRequest: { description: pending.helpRequest.description } });
  });

  it('withholds them on a match the provider declined, keeping its own reason', async () => {
    const offer = await publishedOffer(api, provider, { capacity: 5, coverage: { comuneCodes: [TORINO] } });
    const shop = await shopIn(api, TORINO);
    const match = await applyTo(api, shop, await askFor(api, shop), offer.id);
    await api.gqlAs(provider.accessToken, DeclineMatchDocument, { input: { id: match.id, reason: 'Zona non servita' } });
    const [declined] = await offerMatches(provider, offer.id);
    expect(declined).toMatchObject({ state: 'DECLINED', endReason: 'Zona non servita', shop: WITHHELD, helpRequest: { description: null } });
  });

  it('withholds them on a waitlist place', async () => {
    const offer = await publishedOffer(api, provider, { capacity: 1, coverage: { comuneCodes: [TORINO] } });
    const first = await shopIn(api, TORINO);
    const second = await shopIn(api, TORINO);
    await applyTo(api, first, await askFor(api, first), offer.id);
    const waiting = await applyTo(api, second, await askFor(api, second), offer.id);
    const listed = await offerMatches(provider, offer.id);
    expect(listed.find((m) => m.id === waiting.id)).toMatchObject({ state: 'WAITLISTED', shop: WITHHELD });
  });

  it('gives them while ACCEPTED, ACTIVE and for 90 days after COMPLETED, then withholds them', async () => {
    const offer = await publishedOffer(api, provider, { capacity: 5, coverage: { comuneCodes: [TORINO] } });
    const shop = await shopIn(api, TORINO);
    const match = await applyTo(api, shop, await askFor(api, shop), offer.id);
    await api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: match.id });
    expect((await offerMatches(provider, offer.id))[0]).toMatchObject({ state: 'ACCEPTED', shop: GIVEN });
    await api.gqlAs(shop.accessToken, ConfirmMatchActiveDocument, { id: match.id });
    expect((await offerMatches(provider, offer.id))[0]).toMatchObject({ state: 'ACTIVE', shop: GIVEN });
    await api.gqlAs(shop.accessToken, CompleteMatchDocument, { id: match.id });
    expect((await offerMatches(provider, offer.id))[0]).toMatchObject({ state: 'COMPLETED', shop: GIVEN, helpRequest: { description: expect.any(String) } });

    await db.query(`UPDATE match SET completed_at = now() - interval '91 days' WHERE id = $1`, [match.id]);
    expect((await offerMatches(provider, offer.id))[0]).toMatchObject({ state: 'COMPLETED', shop: WITHHELD, helpRequest: { description: null } });
  });
});
