import { DataSource } from 'typeorm';
import { signUp, SignedIn, staffUser } from './testing/fixtures';
import { applyTo, askFor } from './testing/match-fixtures';
import { approvedProvider, publishedOffer, shopIn } from './testing/offer-fixtures';
import {
  CancelHelpRequestDocument,
  CreateHelpRequestDocument,
  type CreateHelpRequestInput,
  CreateHelpRequestsDocument,
  type HelpRequestFieldsFragment,
  HelpRequestByIdDocument,
  type HelpRequestFilterInput,
  HelpRequestsDocument,
  MyHelpRequestsDocument,
  UpdateHelpRequestDocument,
} from './gql/generated';
import { dataOf, invalidVariables, member, startTestApp, TestApp } from './testing/test-app';

type Shop = SignedIn & { shopId: string };

describe('Help requests over GraphQL', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  async function ask(shop: SignedIn, input: Partial<CreateHelpRequestInput> = {}): Promise<HelpRequestFieldsFragment> {
    const { createHelpRequest } = dataOf(
      await api.gqlAs(shop.accessToken, CreateHelpRequestDocument, {
        input: { category: 'HOME_DELIVERY', description: 'Ci serve un servizio di consegna a domicilio per la spesa.', ...input },
      }),
    );
    return member(createHelpRequest, 'HelpRequest');
  }

  /** The shop's requests and the audit events of its account: what a refused call must not change. */
  const footprint = async (shop: Shop): Promise<unknown[]> =>
    Promise.all([
      db.query('SELECT row_to_json(r) AS row FROM help_request r WHERE shop_id = $1 ORDER BY id', [shop.shopId]),
      db.query('SELECT COUNT(*)::int AS n FROM audit_event WHERE actor_user_id = $1', [shop.userId]),
    ]);

  it('refuses a second open request for the same service, pointing at the one the shop already has, and writes nothing', async () => {
    const shop = await shopIn(api, '058091');
    const first = await ask(shop);
    const before = await footprint(shop);
    const again = await api.gqlAs(shop.accessToken, CreateHelpRequestDocument, {
      input: { category: 'HOME_DELIVERY', description: 'Di nuovo: ci serve la consegna a domicilio.' },
    });
    expect(again.data?.createHelpRequest).toMatchObject({
      __typename: 'DuplicateHelpRequestError',
      code: 'DUPLICATE_REQUEST',
      field: 'input.category',
      existingRequestId: first.id,
      existingStatus: 'OPEN',
      messageIt: expect.stringMatching(/^Hai già una richiesta aperta per «Consegna a domicilio» \((del |dell’).+\): è in «Le mie richieste»; modifica quella, oppure ritirala/),
    });
    const inBatch = await api.gqlAs(shop.accessToken, CreateHelpRequestsDocument, {
      input: { requests: [{ category: 'WEBSITE', description: 'Un sito per la bottega.' }, { category: 'HOME_DELIVERY', description: 'Consegne in zona.' }] },
    });
    expect(inBatch.data?.createHelpRequests).toEqual({ __typename: 'DuplicateHelpRequestError', field: 'input.requests.1.category', existingRequestId: first.id });
    const twice = await api.gqlAs(shop.accessToken, CreateHelpRequestsDocument, {
      input: { requests: [{ category: 'WEBSITE', description: 'Un sito per la bottega.' }, { category: 'WEBSITE', description: 'Un altro sito.' }] },
    });
    expect(twice.data?.createHelpRequests).toEqual({ __typename: 'DuplicateHelpRequestError', field: 'input.requests.1.category', existingRequestId: null });
    const other = await ask(shop, { category: 'WEBSITE' });
    const moved = await api.gqlAs(shop.accessToken, UpdateHelpRequestDocument, { input: { id: other.id, category: 'HOME_DELIVERY' } });
    expect(moved.data?.updateHelpRequest).toEqual({ __typename: 'DuplicateHelpRequestError', existingRequestId: first.id });
    expect((await footprint(shop))[0]).toHaveLength((before[0] as unknown[]).length + 1);

    // Once the first is withdrawn, the shop may ask again.
    member(dataOf(await api.gqlAs(shop.accessToken, CancelHelpRequestDocument, { id: first.id })).cancelHelpRequest, 'HelpRequest');
    expect((await ask(shop)).status).toBe('OPEN');
  });

  it('creates several requests at once, or none when one is bad, naming it', async () => {
    const shop = await shopIn(api, '058091');
    const good: CreateHelpRequestInput = { category: 'ONLINE_STORE', description: 'Vorremmo vendere online i nostri prodotti.' };
    const created = await api.gqlAs(shop.accessToken, CreateHelpRequestsDocument, {
      input: { requests: [good, { category: 'DIGITAL_PAYMENTS', description: 'Vorremmo accettare pagamenti con carta.' }] },
    });
    const batch = member(dataOf(created).createHelpRequests, 'HelpRequestBatch');
    expect(batch.requests.map((r) => [r.category, r.status])).toEqual([['ONLINE_STORE', 'OPEN'], ['DIGITAL_PAYMENTS', 'OPEN']]);
    const before = await footprint(shop);
    const bad = await api.gqlAs(shop.accessToken, CreateHelpRequestsDocument, { input: { requests: [good, { category: 'WEBSITE', description: 'corta' }] } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.requests.1.description', code: 'minLength' })] });
    expect(await footprint(shop)).toEqual(before);
  });

  it('lets a shop ask, edit while open, list and cancel its request, auditing each change', async () => {
    const shop = await shopIn(api, '058091');
    const request = await ask(shop);
    expect(request).toMatchObject({ shopId: shop.shopId, category: 'HOME_DELIVERY', status: 'OPEN', cancelledAt: null });

    const edited = await api.gqlAs(shop.accessToken, UpdateHelpRequestDocument, {
      input: { id: request.id, category: 'ONLINE_STORE', description: '  Vorremmo vendere online i nostri prodotti.  ' },
    });
    expect(edited.data?.updateHelpRequest).toMatchObject({ __typename: 'HelpRequest', category: 'ONLINE_STORE', description: 'Vorremmo vendere online i nostri prodotti.' });

    const mine = await api.gqlAs(shop.accessToken, MyHelpRequestsDocument, { filter: { status: 'OPEN', category: 'ONLINE_STORE' } });
    expect(mine.data?.myHelpRequests).toEqual({ items: [{ id: request.id }], totalCount: 1 });

    const cancelled = await api.gqlAs(shop.accessToken, CancelHelpRequestDocument, { id: request.id });
    expect(cancelled.data?.cancelHelpRequest).toMatchObject({ __typename: 'HelpRequest', status: 'CANCELLED', cancelledAt: expect.any(String) });

    const audit = await db.query('SELECT action, actor_user_id FROM audit_event WHERE entity_id = $1 ORDER BY id', [request.id]);
    expect(audit).toEqual(
      ['help_request.created', 'help_request.updated', 'help_request.cancelled'].map((action) => ({ action, actor_user_id: shop.userId })),
    );
  });

  it('cancels a MATCHED request, but refuses to cancel a fulfilled or cancelled one, or to edit one no longer open', async () => {
    const shop = await shopIn(api, '058091');
    const matched = await ask(shop);
    await db.query("UPDATE help_request SET status = 'MATCHED' WHERE id = $1", [matched.id]);
    const edit = await api.gqlAs(shop.accessToken, UpdateHelpRequestDocument, { input: { id: matched.id, description: 'Cambio idea sul servizio.' } });
    expect(edit.data?.updateHelpRequest).toMatchObject({ __typename: 'HelpRequestStatusError', code: 'NOT_OPEN', field: 'input.id', currentStatus: 'MATCHED' });
    const cancel = await api.gqlAs(shop.accessToken, CancelHelpRequestDocument, { id: matched.id });
    expect(cancel.data?.cancelHelpRequest).toMatchObject({ status: 'CANCELLED' });

    const fulfilled = await ask(shop);
    await db.query("UPDATE help_request SET status = 'FULFILLED' WHERE id = $1", [fulfilled.id]);
    for (const id of [fulfilled.id, matched.id]) {
      const before = await footprint(shop);
      const { data } = await api.gqlAs(shop.accessToken, CancelHelpRequestDocument, { id });
      expect(data?.cancelHelpRequest).toMatchObject({ __typename: 'HelpRequestStatusError', code: 'INVALID_TRANSITION', field: 'id' });
      expect(await footprint(shop)).toEqual(before);
    }
  });

  it('keeps the service of a request on a waitlist: its description may change, its category not until it leaves', async () => {
    const provider = await approvedProvider(api, staff);
    const offer = await publishedOffer(api, provider, { capacity: 1, coverage: { comuneCodes: ['058091'] } });
    const holder = await shopIn(api, '058091');
    await applyTo(api, holder, await askFor(api, holder), offer.id);
    const shop = await shopIn(api, '058091');
    const request = await ask(shop, { category: 'ONLINE_STORE' });
    expect((await applyTo(api, shop, request.id, offer.id)).state).toBe('WAITLISTED');

    const before = await footprint(shop);
    const moved = await api.gqlAs(shop.accessToken, UpdateHelpRequestDocument, { input: { id: request.id, category: 'MARKETPLACE_LISTING' } });
    expect(moved.data?.updateHelpRequest).toMatchObject({ __typename: 'HelpRequestStatusError', code: 'ON_WAITLIST', field: 'input.category', currentStatus: 'OPEN' });
    expect(await footprint(shop)).toEqual(before);

    const described = await api.gqlAs(shop.accessToken, UpdateHelpRequestDocument, {
      input: { id: request.id, category: 'ONLINE_STORE', description: 'Un negozio online per i nostri prodotti freschi.' },
    });
    expect(described.data?.updateHelpRequest).toMatchObject({ __typename: 'HelpRequest', category: 'ONLINE_STORE', description: 'Un negozio online per i nostri prodotti freschi.' });
  });

  it("refuses a shop acting on another shop's request as if it did not exist, and changes nothing", async () => {
    const owner = await shopIn(api, '058091');
    const request = await ask(owner);
    const intruder = await shopIn(api, '058091');
    const before = await footprint(owner);

    const edit = await api.gqlAs(intruder.accessToken, UpdateHelpRequestDocument, { input: { id: request.id, description: 'Richiesta dirottata da un altro.' } });
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'HELP_REQUEST_NOT_FOUND', field: 'input.id' });
    const cancel = await api.gqlAs(intruder.accessToken, CancelHelpRequestDocument, { id: request.id });
    expect(cancel.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const read = await api.gqlAs(intruder.accessToken, HelpRequestByIdDocument, { id: request.id });
    expect(read.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await footprint(owner)).toEqual(before);

    const asOwner = await api.gqlAs(owner.accessToken, HelpRequestByIdDocument, { id: request.id });
    const asStaff = await api.gqlAs(staff.accessToken, HelpRequestByIdDocument, { id: request.id });
    expect([asOwner.data?.helpRequest.id, asStaff.data?.helpRequest.id]).toEqual([request.id, request.id]);
  });

  it.each([
    ['a description too short', { description: 'Aiuto' }, 'input.description', 'minLength'],
    ['a description of spaces', { description: '               ' }, 'input.description', 'minLength'],
    ['a description too long', { description: 'x'.repeat(2001) }, 'input.description', 'maxLength'],
  ])('refuses %s, naming the field, and writes nothing', async (_label, { description }, field, code) => {
    const shop = await shopIn(api, '015146');
    const before = await footprint(shop);
    const { errors } = await api.gqlAs(shop.accessToken, CreateHelpRequestDocument, { input: { category: 'WEBSITE', description } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code, messageIt: expect.any(String) })] });
    expect(await footprint(shop)).toEqual(before);
  });

  it('refuses an unknown or missing category before the resolver runs, naming the field', async () => {
    const shop = await shopIn(api, '015146');
    const before = await footprint(shop);
    // Variables GraphQL itself refuses: a category outside the enum, and none at all.
    const unknown = await api.gqlAs(shop.accessToken, CreateHelpRequestDocument, invalidVariables({ input: { category: 'TELEPATHY', description: 'Un sito per la bottega.' } }));
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.category', code: 'isEnum' })] });
    const missing = await api.gqlAs(shop.accessToken, CreateHelpRequestDocument, invalidVariables({ input: { description: 'Un sito per la bottega.' } }));
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.category', code: 'isDefined' })] });
    const nullEdit = await api.gqlAs(shop.accessToken, UpdateHelpRequestDocument, { input: { id: (await ask(shop)).id, description: null } });
    expect(nullEdit.errors?.[0].extensions).toMatchObject({ fields: [expect.objectContaining({ field: 'input.description', code: 'isDefined' })] });
    expect((await footprint(shop))[0]).toHaveLength((before[0] as unknown[]).length + 1);
  });

  it('needs a registered shop, and the SHOP role', async () => {
    const noShop = await signUp(api, 'SHOP');
    const early = await api.gqlAs(noShop.accessToken, CreateHelpRequestDocument, { input: { category: 'WEBSITE', description: 'Un sito per la bottega.' } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SHOP_NOT_REGISTERED' });
    const provider = await signUp(api, 'PROVIDER');
    const asProvider = await api.gqlAs(provider.accessToken, CreateHelpRequestDocument, { input: { category: 'WEBSITE', description: 'Un sito per la bottega.' } });
    expect(asProvider.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const list = await api.gqlAs(noShop.accessToken, HelpRequestsDocument);
    expect(list.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it("lets ministry staff list every shop's requests by status, category, region and province", async () => {
    const inNapoli = await shopIn(api, '063049');
    const inTorino = await shopIn(api, '001272');
    // A shop asks once per service: the withdrawn request is another Torino shop's.
    const withdrawing = await shopIn(api, '001272');
    const napoli = await ask(inNapoli, { category: 'CYBERSECURITY' });
    const torino = await ask(inTorino, { category: 'CYBERSECURITY' });
    const cancelled = await ask(withdrawing, { category: 'CYBERSECURITY' });
    member(dataOf(await api.gqlAs(withdrawing.accessToken, CancelHelpRequestDocument, { id: cancelled.id })).cancelHelpRequest, 'HelpRequest');

    const list = async (filter: HelpRequestFilterInput): Promise<string[]> =>
      dataOf(await api.gqlAs(staff.accessToken, HelpRequestsDocument, { filter, first: 100 })).helpRequests.items.map((item) => item.id);
    const inCampania = await list({ regionCode: '15', category: 'CYBERSECURITY' });
    expect(inCampania).toContain(napoli.id);
    expect(inCampania).not.toContain(torino.id);
    const openInTurin = await list({ provinceCode: '001', status: 'OPEN', category: 'CYBERSECURITY' });
    expect(openInTurin).toContain(torino.id);
    expect(openInTurin).not.toContain(cancelled.id);
    expect(openInTurin).not.toContain(napoli.id);
    // Left out by its status alone.
    expect(await list({ provinceCode: '001', category: 'CYBERSECURITY' })).toContain(cancelled.id);

    const bad = await api.gqlAs(staff.accessToken, HelpRequestsDocument, { filter: { provinceCode: '999' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'filter.provinceCode' })] });
  });
});
