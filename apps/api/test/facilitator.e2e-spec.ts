import { DataSource } from 'typeorm';
import { FacilitatorAsReadDocument, FacilitatorsDocument, MyFacilitatorDocument, RegisterFacilitatorDocument, type RegisterFacilitatorInput, UpdateFacilitatorDocument, VerifyFacilitatorDocument } from './gql/generated';
import { aFacilitatorInput, signUp, staffUser } from './testing/fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

describe('Facilitator organisations and their verification over GraphQL', () => {
  let api: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  async function registered(input: Partial<RegisterFacilitatorInput> = {}): Promise<{ id: string; accessToken: string; userId: string }> {
    const owner = await signUp(api, 'FACILITATOR');
    const { data } = await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput(input) });
    const facilitator = member(dataOf({ data }).registerFacilitator, 'Facilitator');
    return { id: facilitator.id, accessToken: owner.accessToken, userId: owner.userId };
  }

  it('signs up a facilitator, which waits for verification; staff approve it, and shops then find it', async () => {
    // A chamber of commerce has a numeric codice fiscale, not a Partita IVA.
    const owner = await signUp(api, 'FACILITATOR');
    const registeredAnswer = await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, {
      input: aFacilitatorInput({ name: 'Camera di commercio di Torino', kind: 'CHAMBER_OF_COMMERCE', taxCode: '80062970159' }),
    });
    expect(registeredAnswer.data?.registerFacilitator).toMatchObject({ __typename: 'Facilitator', verificationStatus: 'PENDING', territory: { national: false, provinceCodes: ['001'] } });
    const id = member(dataOf(registeredAnswer).registerFacilitator, 'Facilitator').id;
    // Other suites approve many facilitators in Torino: this one is found by its tax code among them.
    const shop = await signUp(api, 'SHOP');
    const before = await api.gqlAs(shop.accessToken, FacilitatorsDocument, { filter: { comuneCode: '001272', search: '80062970159' }, first: 100 });
    expect(before.data?.facilitators.items.map((f) => f.id)).not.toContain(id);

    const staff = await staffUser(api);
    const queue = await api.gqlAs(staff.accessToken, FacilitatorsDocument, { filter: { status: 'PENDING', search: '80062970159' }, first: 100 });
    expect(queue.data?.facilitators.items.map((f) => f.id)).toContain(id);
    const approved = await api.gqlAs(staff.accessToken, VerifyFacilitatorDocument, { input: { facilitatorId: id, decision: 'APPROVED' } });
    expect(approved.data?.verifyFacilitator).toEqual({ __typename: 'Facilitator', verificationStatus: 'APPROVED', verificationReason: null, allowedDecisions: ['SUSPENDED'] });
    const after = await api.gqlAs(shop.accessToken, FacilitatorsDocument, { filter: { comuneCode: '001272', search: '80062970159' }, first: 100 });
    expect(after.data?.facilitators.items.map((f) => f.id)).toContain(id);
    const mine = await api.gqlAs(owner.accessToken, MyFacilitatorDocument);
    expect(mine.data?.myFacilitator).toMatchObject({ id, verificationStatus: 'APPROVED' });
    const audit = await db.query('SELECT action, actor_user_id FROM audit_event WHERE entity_id = $1 ORDER BY id', [id]);
    expect(audit).toEqual([
      { action: 'facilitator.registered', actor_user_id: owner.userId },
      { action: 'facilitator.approved', actor_user_id: staff.userId },
    ]);
  });

  it('keeps the name, website and territory the Ministry verified: an approved facilitator cannot widen its territory or rename itself alone, but may change its contact', async () => {
    const facilitator = await registered();
    // Before verification everything is its own to correct.
    expect(dataOf(await api.gqlAs(facilitator.accessToken, UpdateFacilitatorDocument, { input: { name: 'Ascom Torino e provincia' } })).updateFacilitator).toMatchObject({ name: 'Ascom Torino e provincia', verificationStatus: 'PENDING' });
    const staff = await staffUser(api);
    await api.gqlAs(staff.accessToken, VerifyFacilitatorDocument, { input: { facilitatorId: facilitator.id, decision: 'APPROVED' } });
    const [before] = await db.query('SELECT name, website, national, province_codes, region_codes, comune_codes FROM facilitator WHERE id = $1', [facilitator.id]);

    const national = await api.gqlAs(facilitator.accessToken, UpdateFacilitatorDocument, { input: { territory: { national: true, regionCodes: [], provinceCodes: [], comuneCodes: [] } } });
    expect(national.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        expect.objectContaining({
          field: 'input.territory',
          code: 'VERIFIED_DETAIL_LOCKED',
          messageIt:
            'input.territory: il Ministero ha verificato la tua organizzazione con questo nome, questo sito e questo territorio, che quindi non si possono cambiare da qui; per cambiarli scrivi al Dipartimento dalla pagina Contatti',
        }),
      ],
    });
    const renamed = await api.gqlAs(facilitator.accessToken, UpdateFacilitatorDocument, { input: { name: 'CNA Nazionale' } });
    expect(renamed.errors?.[0].extensions).toMatchObject({ fields: [expect.objectContaining({ field: 'input.name', code: 'VERIFIED_DETAIL_LOCKED' })] });
    expect(await db.query('SELECT name, website, national, province_codes, region_codes, comune_codes FROM facilitator WHERE id = $1', [facilitator.id])).toEqual([before]);

    // The same territory sent back with a new contact address is fine.
    const contact = await api.gqlAs(facilitator.accessToken, UpdateFacilitatorDocument, {
      input: { contactEmail: 'sportello@ascom.example.it', territory: { national: false, regionCodes: [], provinceCodes: before.province_codes, comuneCodes: [] } },
    });
    expect(dataOf(contact).updateFacilitator).toMatchObject({ contactEmail: 'sportello@ascom.example.it', verificationStatus: 'APPROVED' });
  });

  it('needs a reason to reject, refuses an impossible decision as a union member, and lets no facilitator decide', async () => {
    const facilitator = await registered();
    const staff = await staffUser(api);
    const noReason = await api.gqlAs(staff.accessToken, VerifyFacilitatorDocument, { input: { facilitatorId: facilitator.id, decision: 'REJECTED' } });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.reason' })] });
    const suspendPending = await api.gqlAs(staff.accessToken, VerifyFacilitatorDocument, {
      input: { facilitatorId: facilitator.id, decision: 'SUSPENDED', reason: 'Nessun motivo' },
    });
    expect(suspendPending.data?.verifyFacilitator).toEqual({ __typename: 'InvalidVerificationTransitionError', code: 'INVALID_TRANSITION', currentStatus: 'PENDING' });
    const selfApproval = await api.gqlAs(facilitator.accessToken, VerifyFacilitatorDocument, { input: { facilitatorId: facilitator.id, decision: 'APPROVED' } });
    expect(selfApproval.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const queue = await api.gqlAs(facilitator.accessToken, FacilitatorsDocument, {});
    expect(queue.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const [{ status }] = await db.query('SELECT verification_status AS status FROM facilitator WHERE id = $1', [facilitator.id]);
    expect(status).toBe('PENDING');
  });

  it.each<[string, Partial<RegisterFacilitatorInput>, string]>([
    ['a codice fiscale with a wrong check digit', { taxCode: '80062970158' }, 'input.taxCode'],
    ['an empty territory', { territory: { national: false, regionCodes: [], provinceCodes: [], comuneCodes: [] } }, 'input.territory'],
    ['an unknown province', { territory: { national: false, regionCodes: [], provinceCodes: ['999'], comuneCodes: [] } }, 'input.territory.provinceCodes.0'],
    ['a malformed comune code', { territory: { national: false, regionCodes: [], provinceCodes: [], comuneCodes: ['12'] } }, 'input.territory.comuneCodes'],
    ['a bad e-mail', { contactEmail: 'sportello' }, 'input.contactEmail'],
  ])('refuses %s naming the field, and writes nothing', async (_label, override, field) => {
    const owner = await signUp(api, 'FACILITATOR');
    const { errors } = await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput(override) });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: expect.stringMatching(new RegExp(`^${field.replace(/\./g, '\\.')}`)) })] });
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM facilitator WHERE owner_user_id = $1', [owner.userId]);
    expect(n).toBe(0);
  });

  it('refuses a decision taken on details that changed after staff read them', async () => {
    const facilitator = await registered();
    const staff = await staffUser(api);
    const read = dataOf(await api.gqlAs(staff.accessToken, FacilitatorAsReadDocument, { id: facilitator.id })).facilitator;
    await api.gqlAs(facilitator.accessToken, UpdateFacilitatorDocument, { input: { name: 'Camera di commercio di Roma', territory: { national: true } } });
    const stale = await api.gqlAs(staff.accessToken, VerifyFacilitatorDocument, { input: { facilitatorId: facilitator.id, decision: 'APPROVED', seenUpdatedAt: read.updatedAt } });
    expect(stale.data?.verifyFacilitator).toMatchObject({ __typename: 'OrganisationChangedError', code: 'ORGANISATION_CHANGED', field: 'input.seenUpdatedAt' });
    const [row] = await db.query('SELECT verification_status AS status, national FROM facilitator WHERE id = $1', [facilitator.id]);
    expect(row).toEqual({ status: 'PENDING', national: true });
    const reread = dataOf(await api.gqlAs(staff.accessToken, FacilitatorAsReadDocument, { id: facilitator.id })).facilitator;
    const approved = await api.gqlAs(staff.accessToken, VerifyFacilitatorDocument, { input: { facilitatorId: facilitator.id, decision: 'APPROVED', seenUpdatedAt: reread.updatedAt } });
    expect(approved.data?.verifyFacilitator).toMatchObject({ __typename: 'Facilitator', verificationStatus: 'APPROVED' });
  });

  it('answers a tax code already registered as a union member', async () => {
    const first = await registered();
    const [{ tax_code: taxCode }] = await db.query('SELECT tax_code FROM facilitator WHERE id = $1', [first.id]);
    const owner = await signUp(api, 'FACILITATOR');
    const { data } = await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ taxCode }) });
    expect(data?.registerFacilitator).toMatchObject({ __typename: 'TaxCodeTakenError', code: 'TAX_CODE_TAKEN', field: 'input.taxCode' });
  });
  it('finds organisations by words of their name in any order, case and accents aside, or by tax code, for staff and for shops alike', async () => {
    const tag = (await registered()).id.slice(0, 8);
    const chamber = await registered({ name: `Camera di Commercio Industria Artigianato ${tag} Forlì-Cesena` });
    const other = await registered({ name: `Confcommercio ${tag} Ravenna` });
    const staff = await staffUser(api);
    for (const id of [chamber.id, other.id]) await api.gqlAs(staff.accessToken, VerifyFacilitatorDocument, { input: { facilitatorId: id, decision: 'APPROVED' } });
    const [{ tax_code: taxCode }] = await db.query('SELECT tax_code FROM facilitator WHERE id = $1', [chamber.id]);
    const shop = await signUp(api, 'SHOP');
    const found = async (token: string, search: string): Promise<string[]> => {
      const { data, errors } = await api.gqlAs(token, FacilitatorsDocument, { filter: { status: 'APPROVED', search }, first: 100 });
      expect(errors).toBeUndefined();
      return (data?.facilitators.items ?? []).map((f) => f.id).sort();
    };
    for (const token of [staff.accessToken, shop.accessToken]) {
      expect(await found(token, `FORLI ${tag} commercio`)).toEqual([chamber.id]);
      expect(await found(token, `  ${tag}  `)).toEqual([chamber.id, other.id].sort());
      expect(await found(token, taxCode)).toEqual([chamber.id]);
      // What people type is not a pattern.
      expect(await found(token, `${tag} %`)).toEqual([]);
    }
    const tooLong = await api.gqlAs(staff.accessToken, FacilitatorsDocument, { filter: { search: 'x'.repeat(101) }, first: 10 });
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'filter.search' })] });
  });
});
