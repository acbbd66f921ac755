import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { DataSource } from 'typeorm';
import { SignedIn, staffUser } from './testing/fixtures';
import {
  CloseOfferDocument,
  CreateOfferDocument,
  DecideProviderDocument,
  MyOffersDocument,
  type MyOfferFilterInput,
  OfferByIdDocument,
  type OfferStatusOutcomeFragment,
  OfferVisibilityDocument,
  PauseOfferDocument,
  PublishOfferDocument,
  ResumeOfferDocument,
  UpdateOfferDocument,
} from './gql/generated';
import { anOfferInput, approvedProvider, createOffer, daysFromNow, offerIds, ProviderAccount, publishedOffer, registeredProvider, shopIn } from './testing/offer-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

type StatusMutation = 'publishOffer' | 'pauseOffer' | 'resumeOffer' | 'closeOffer';
/** The four status mutations share their variables and their answer's type. */
const STATUS_MUTATIONS: Record<StatusMutation, TypedDocumentNode<Record<string, OfferStatusOutcomeFragment>, { id: string }>> = {
  publishOffer: PublishOfferDocument,
  pauseOffer: PauseOfferDocument,
  resumeOffer: ResumeOfferDocument,
  closeOffer: CloseOfferDocument,
};

/** DRAFT → PUBLISHED ↔ PAUSED → CLOSED, edits, and who may see what in each status. */
describe('Offers over GraphQL: status machine, edits and visibility', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  let provider: ProviderAccount;
  let shop: SignedIn;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
    provider = await approvedProvider(api, staff);
    shop = await shopIn(api, '001272');
  });
  afterAll(() => api.close());

  async function change(name: StatusMutation, id: string, as: SignedIn = provider): Promise<OfferStatusOutcomeFragment> {
    return dataOf(await api.gqlAs(as.accessToken, STATUS_MUTATIONS[name], { id }))[name];
  }

  const statusOf = async (id: string): Promise<string> => (await db.query('SELECT status FROM offer WHERE id = $1', [id]))[0].status;

  it('walks draft → published → paused → published → closed, auditing each step', async () => {
    const offer = await createOffer(api, provider);
    const published = await change('publishOffer', offer.id);
    expect(published).toMatchObject({ __typename: 'Offer', status: 'PUBLISHED', publishedAt: expect.any(String) });
    expect(await change('pauseOffer', offer.id)).toMatchObject({ status: 'PAUSED' });
    const resumed = await change('resumeOffer', offer.id);
    expect(resumed).toMatchObject({ status: 'PUBLISHED', publishedAt: member(published, 'Offer').publishedAt });
    expect(await change('closeOffer', offer.id)).toMatchObject({ status: 'CLOSED' });

    const audit = await db.query('SELECT action, actor_user_id, before, after FROM audit_event WHERE entity_id = $1 ORDER BY id', [offer.id]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['offer.created', 'offer.published', 'offer.paused', 'offer.resumed', 'offer.closed']);
    expect(audit[2]).toMatchObject({ actor_user_id: provider.userId, before: { status: 'PUBLISHED' }, after: { status: 'PAUSED' } });
  });

  const STATUS_WORDS: Record<string, string> = { DRAFT: 'a draft', PUBLISHED: 'published', PAUSED: 'paused', CLOSED: 'closed' };

  it.each([
    ['pause a draft', [], 'pauseOffer', 'DRAFT'],
    ['resume a draft', [], 'resumeOffer', 'DRAFT'],
    ['publish a published offer', ['publishOffer'], 'publishOffer', 'PUBLISHED'],
    ['resume a published offer', ['publishOffer'], 'resumeOffer', 'PUBLISHED'],
    ['publish a paused offer', ['publishOffer', 'pauseOffer'], 'publishOffer', 'PAUSED'],
    ['reopen a closed offer', ['closeOffer'], 'publishOffer', 'CLOSED'],
    ['close a closed offer', ['closeOffer'], 'closeOffer', 'CLOSED'],
  ] as [string, StatusMutation[], StatusMutation, string][])('refuses to %s as InvalidOfferTransitionError, changing nothing', async (_label, steps, attempt, status) => {
    const offer = await createOffer(api, provider);
    for (const step of steps) await change(step, offer.id);
    const auditBefore = await db.query('SELECT COUNT(*)::int AS n FROM audit_event WHERE entity_id = $1', [offer.id]);
    expect(await change(attempt, offer.id)).toMatchObject({
      __typename: 'InvalidOfferTransitionError',
      code: 'INVALID_TRANSITION',
      field: 'id',
      currentStatus: status,
      message: expect.stringContaining(`The offer is ${STATUS_WORDS[status]}:`),
    });
    expect(await statusOf(offer.id)).toBe(status);
    expect(await db.query('SELECT COUNT(*)::int AS n FROM audit_event WHERE entity_id = $1', [offer.id])).toEqual(auditBefore);
  });

  it('closes a draft directly', async () => {
    const offer = await createOffer(api, provider);
    expect(await change('closeOffer', offer.id)).toMatchObject({ __typename: 'Offer', status: 'CLOSED' });
  });

  it('refuses to publish or resume once validUntil has passed, until it is extended', async () => {
    // A new offer cannot have ended already: it could never be published.
    const ended = await api.gqlAs(provider.accessToken, CreateOfferDocument, { input: anOfferInput({ validFrom: daysFromNow(-30), validUntil: daysFromNow(-1) }) });
    expect(ended.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.validUntil', code: 'CREATED_ENDED' })] });
    // A draft whose end passed while it waited.
    const draft = await createOffer(api, provider, { validFrom: daysFromNow(-30), validUntil: daysFromNow(1) });
    await db.query("UPDATE offer SET valid_until = now() - interval '1 day' WHERE id = $1", [draft.id]);
    const offer = { ...draft, validUntil: (await db.query('SELECT valid_until FROM offer WHERE id = $1', [draft.id]))[0].valid_until.toISOString() };
    expect(await change('publishOffer', offer.id)).toMatchObject({ __typename: 'OfferValidityEndedError', code: 'VALIDITY_ENDED', field: 'id', validUntil: offer.validUntil });
    expect(await statusOf(offer.id)).toBe('DRAFT');

    const extended = await api.gqlAs(provider.accessToken, UpdateOfferDocument, { input: { id: offer.id, validUntil: daysFromNow(30) } });
    expect(extended.data?.updateOffer.__typename).toBe('Offer');
    expect(await change('publishOffer', offer.id)).toMatchObject({ status: 'PUBLISHED' });

    await change('pauseOffer', offer.id);
    await db.query("UPDATE offer SET valid_until = now() - interval '1 hour' WHERE id = $1", [offer.id]);
    expect(await change('resumeOffer', offer.id)).toMatchObject({ __typename: 'OfferValidityEndedError' });
    expect(await statusOf(offer.id)).toBe('PAUSED');
  });

  it('refuses a start of validity more than a year ahead, on creation and when an edit moves it; a start already set stays', async () => {
    const far = await api.gqlAs(provider.accessToken, CreateOfferDocument, { input: anOfferInput({ validFrom: daysFromNow(400), validUntil: daysFromNow(800) }) });
    expect(far.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.validFrom', code: 'START_TOO_FAR' })] });
    expect(far.errors?.[0].extensions.fields).toEqual([
      expect.objectContaining({ messageIt: expect.stringMatching(/^input\.validFrom: un’offerta deve iniziare entro un anno da oggi, cioè entro (il|l’) ?\d{1,2}°? \p{L}+ \d{4}: /u) }),
    ]);
    const soon = await createOffer(api, provider, { validFrom: daysFromNow(300), validUntil: null });
    const moved = await api.gqlAs(provider.accessToken, UpdateOfferDocument, { input: { id: soon.id, validFrom: daysFromNow(2 * 365) } });
    expect(moved.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.validFrom', code: 'START_TOO_FAR' })] });
    // An offer entered before the rule (or whose start was set when it was closer) keeps it through other edits.
    await db.query("UPDATE offer SET valid_from = now() + interval '500 days' WHERE id = $1", [soon.id]);
    const [{ valid_from: kept }] = await db.query('SELECT valid_from FROM offer WHERE id = $1', [soon.id]);
    const retitled = await api.gqlAs(provider.accessToken, UpdateOfferDocument, { input: { id: soon.id, title: 'Negozio online gratuito per un anno', validFrom: kept } });
    expect(retitled.data?.updateOffer).toMatchObject({ __typename: 'Offer', title: 'Negozio online gratuito per un anno' });
  });

  it('replaces the coverage as a whole on update, keeps the status, and audits before and after', async () => {
    const offer = await publishedOffer(api, provider, { coverage: { regionCodes: ['12'], comuneCodes: ['001272'], radii: [{ comuneCode: '058091', km: 10 }] } });
    const { data } = await api.gqlAs(provider.accessToken, UpdateOfferDocument, {
      input: { id: offer.id, coverage: { provinceCodes: ['001'] }, sectors: { allSectors: false, sections: ['g'], divisions: ['56'] }, capacity: 25 },
    });
    expect(data?.updateOffer).toMatchObject({
      __typename: 'Offer',
      status: 'PUBLISHED',
      capacity: 25,
      coverage: { national: false, regions: [], provinces: [{ code: '001', name: 'Torino' }], comuni: [], radii: [] },
      sectors: { allSectors: false, sections: ['G'], divisions: ['56'] },
    });
    const rows = await db.query('SELECT kind, province_code FROM offer_coverage WHERE offer_id = $1', [offer.id]);
    expect(rows).toEqual([{ kind: 'PROVINCE', province_code: '001' }]);
    const [audit] = await db.query("SELECT before, after FROM audit_event WHERE entity_id = $1 AND action = 'offer.updated'", [offer.id]);
    expect(audit.before.coverage).toMatchObject({ regionCodes: ['12'], comuneCodes: ['001272'], radii: [expect.objectContaining({ comuneCode: '058091', km: 10 })] });
    expect(audit.after).toMatchObject({ capacity: 25, coverage: { provinceCodes: ['001'], regionCodes: [], comuneCodes: [], radii: [] } });
    expect(await offerIds(api, shop.accessToken, { comuneCode: '001272' })).toContain(offer.id);
  });

  it('refuses to edit a closed offer as OfferClosedError', async () => {
    const offer = await createOffer(api, provider);
    await change('closeOffer', offer.id);
    const { data } = await api.gqlAs(provider.accessToken, UpdateOfferDocument, { input: { id: offer.id, title: 'Riapertura tentata' } });
    expect(data?.updateOffer).toMatchObject({ __typename: 'OfferClosedError', code: 'OFFER_CLOSED', field: 'input.id' });
    expect((await db.query('SELECT title FROM offer WHERE id = $1', [offer.id]))[0].title).toBe(offer.title);
  });

  it('shows a draft to its provider and to staff only; other users are told it does not exist', async () => {
    const draft = await createOffer(api, provider);
    for (const viewer of [provider, staff]) {
      const { data, errors } = await api.gqlAs(viewer.accessToken, OfferByIdDocument, { id: draft.id });
      expect(errors).toBeUndefined();
      expect(data?.offer.id).toBe(draft.id);
    }
    const otherProvider = await registeredProvider(api);
    for (const viewer of [shop, otherProvider]) {
      const { errors } = await api.gqlAs(viewer.accessToken, OfferByIdDocument, { id: draft.id });
      expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'OFFER_NOT_FOUND' });
    }
    const unknown = await api.gqlAs(shop.accessToken, OfferByIdDocument, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'OFFER_NOT_FOUND' });
  });

  it("hides the published offers of a provider that is not approved, until staff approve it", async () => {
    const pending = await registeredProvider(api);
    const offer = await publishedOffer(api, pending, { coverage: { comuneCodes: ['001272'] } });
    expect((await api.gqlAs(shop.accessToken, OfferByIdDocument, { id: offer.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await offerIds(api, shop.accessToken, { comuneCode: '001272' })).not.toContain(offer.id);
    expect(await offerIds(api, staff.accessToken, { comuneCode: '001272' })).toContain(offer.id);

    const approval = await api.gqlAs(staff.accessToken, DecideProviderDocument, { input: { providerId: pending.providerId, decision: 'APPROVED' } });
    member(dataOf(approval).verifyProvider, 'Provider');
    expect((await api.gqlAs(shop.accessToken, OfferByIdDocument, { id: offer.id })).errors).toBeUndefined();
    expect(await offerIds(api, shop.accessToken, { comuneCode: '001272' })).toContain(offer.id);
  });

  it('says a published offer whose validity has ended is ENDED, and no longer lists it for shops; staff and its provider still see it', async () => {
    const offer = await publishedOffer(api, provider, { coverage: { comuneCodes: ['001272'] } });
    expect((await api.gqlAs(provider.accessToken, OfferVisibilityDocument, { id: offer.id })).data?.offer.visibility).toBe('VISIBLE');
    await db.query(`UPDATE offer SET valid_until = now() - interval '1 hour' WHERE id = $1`, [offer.id]);
    expect((await api.gqlAs(provider.accessToken, OfferVisibilityDocument, { id: offer.id })).data?.offer).toMatchObject({ status: 'PUBLISHED', visibility: 'ENDED' });
    expect(await offerIds(api, shop.accessToken, { comuneCode: '001272' })).not.toContain(offer.id);
    expect(await offerIds(api, staff.accessToken, { comuneCode: '001272' })).toContain(offer.id);
    // A shop that applied before keeps reading the offer itself.
    expect((await api.gqlAs(shop.accessToken, OfferByIdDocument, { id: offer.id })).errors).toBeUndefined();
  });

  it("lists the provider's own offers by status and category, newest first", async () => {
    const own = await registeredProvider(api);
    const first = await createOffer(api, own, { categories: ['WEBSITE'] });
    const second = await publishedOffer(api, own, { categories: ['CYBERSECURITY', 'WEBSITE'] });
    const third = await createOffer(api, own, { categories: ['CONNECTIVITY'] });
    const list = async (filter: MyOfferFilterInput): Promise<string[]> =>
      dataOf(await api.gqlAs(own.accessToken, MyOffersDocument, { filter })).myOffers.items.map((item) => item.id);
    expect(await list({})).toEqual([third.id, second.id, first.id]);
    expect(await list({ status: 'DRAFT' })).toEqual([third.id, first.id]);
    expect(await list({ categories: ['WEBSITE'] })).toEqual([second.id, first.id]);
    const paged = await api.gqlAs(own.accessToken, MyOffersDocument, { first: 2, offset: 2 });
    expect(paged.data?.myOffers).toEqual({ items: [{ id: first.id }], totalCount: 3, hasNextPage: false });
  });
});
