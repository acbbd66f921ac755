import { DataSource } from 'typeorm';
import { SHOP_IMPORT_EXAMPLE } from '@vec/core/delegation/api/import/shop-import.row';
import {
  CreateHelpRequestDocument,
  CreateOfferDocument,
  CreateSelectionCallDocument,
  type CreateSelectionCallInput,
  DecideFacilitatorDocument,
  RegisterFacilitatorDocument,
  UpdateOfferDocument,
  UpdateShopNamesDocument,
} from './gql/generated';
import { aFacilitatorInput, anEmail, aPartitaIva, signUp, staffUser, type SignedIn } from './testing/fixtures';
import { anOfferRow, csvOf, problemsOf, upload } from './testing/import-fixtures';
import { anOfferInput, approvedProvider, createOffer, publishedOffer, shopIn } from './testing/offer-fixtures';
import { dataOf, type GraphQLResponse, member, startTestApp, TestApp } from './testing/test-app';

const RLO = '\u202e';

/** The field errors of a refused operation, as [field, code]. */
const refusedFields = (response: GraphQLResponse<unknown>): [string, string][] => {
  expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  return (response.errors?.[0].extensions.fields as { field: string; code: string }[]).map(({ field, code }) => [field, code]);
};

/** Text nobody could read, or that disguises what it says, is bad input naming the field and why. */
describe('Text hygiene of inputs', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  it.each([
    ['zero-width spaces only', '\u200b\u200b\u200b', 'noVisibleCharacter'],
    ['four combining accents only', '\u0301\u0301\u0301\u0301', 'noVisibleCharacter'],
    ['a right-to-left override', 'Bottega \u202eevil', 'bidiControl'],
    ['a new line', 'Bottega\nRiga2', 'lineBreak'],
    ['a zero-width space inside', 'Bot\u200btega', 'invisibleCharacter'],
  ])('refuses a legal name with %s', async (_what, legalName, code) => {
    const shop = await shopIn(api, '001272');
    const { errors } = await api.gqlAs(shop.accessToken, UpdateShopNamesDocument, { input: { legalName } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.legalName', code })] });
  });

  it('stores an empty trading name as none, and names composed (NFC)', async () => {
    const shop = await shopIn(api, '001272');
    const updated = dataOf(await api.gqlAs(shop.accessToken, UpdateShopNamesDocument, { input: { legalName: ' Caffe\u0300 Rossi ', tradingName: '' } })).updateShop;
    expect(updated).toEqual({ legalName: 'Caff\u00e8 Rossi', tradingName: null });
  });

  it('keeps line breaks in a description, and refuses a bidi override there too', async () => {
    const shop = await shopIn(api, '001272');
    const create = (description: string) => api.gqlAs(shop.accessToken, CreateHelpRequestDocument, { input: { category: 'ONLINE_STORE', description } });
    expect((await create('Vorrei un negozio online.\nConsegna a domicilio in zona.')).errors).toBeUndefined();
    const { errors } = await create('Vorrei un negozio \u202eonline per il forno');
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.description', code: 'bidiControl' })] });
  });

  describe('offers', () => {
    it.each([
      ['a line break', 'Negozio online\ngratuito', 'lineBreak'],
      ['a tab', 'Negozio online\tgratuito', 'lineBreak'],
      ['a right-to-left override', `Negozio ${RLO}enilno gratuito`, 'bidiControl'],
      ['a zero-width space', 'Negozio\u200b online gratuito', 'invisibleCharacter'],
    ])('refuses a title with %s, naming input.title, and creates nothing', async (_what, title, code) => {
      const provider = await approvedProvider(api, staff);
      expect(refusedFields(await api.gqlAs(provider.accessToken, CreateOfferDocument, { input: anOfferInput({ title }) }))).toEqual([['input.title', code]]);
      const [{ offers }] = await db.query('SELECT count(*)::int AS offers FROM offer WHERE provider_id = $1', [provider.providerId]);
      expect(offers).toBe(0);
    });

    it('keeps line breaks in a description and the conditions, composed and trimmed, and refuses an override in the conditions of an update', async () => {
      const provider = await approvedProvider(api, staff);
      const description = 'Una vetrina online completa per il tuo negozio.\r\n\r\nPronta in un giorno, con assistenza in italiano.';
      const conditions = 'Gratuito per sei mesi.\nNessun obbligo di rinnovo, nessun costo nascosto.';
      const offer = await createOffer(api, provider, { title: '  Caffe\u0300 online gratuito ', description: `  ${description}\n`, conditions });
      expect(offer).toMatchObject({ title: 'Caff\u00e8 online gratuito', conditions });
      const [stored] = await db.query('SELECT description FROM offer WHERE id = $1', [offer.id]);
      expect(stored.description).toBe(description.replace(/\r\n/g, '\n'));

      const update = await api.gqlAs(provider.accessToken, UpdateOfferDocument, { input: { id: offer.id, conditions: `Gratuito ${RLO}per sei mesi, senza rinnovo.` } });
      expect(refusedFields(update)).toEqual([['input.conditions', 'bidiControl']]);
      const update2 = await api.gqlAs(provider.accessToken, UpdateOfferDocument, { input: { id: offer.id, title: 'Nuovo\ntitolo' } });
      expect(refusedFields(update2)).toEqual([['input.title', 'lineBreak']]);
      const [after] = await db.query('SELECT title, conditions FROM offer WHERE id = $1', [offer.id]);
      expect(after).toEqual({ title: 'Caff\u00e8 online gratuito', conditions });
    });
  });

  describe('selection calls', () => {
    const aCall = (offerId: string, overrides: Partial<CreateSelectionCallInput>): CreateSelectionCallInput => ({
      title: 'Negozi del Piemonte online',
      description: 'Un anno gratuito di negozio online.\nPer le piccole imprese piemontesi selezionate.',
      offerIds: [offerId],
      places: 1,
      opensAt: new Date(Date.now() + 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      eligibility: { regionCodes: ['01'] },
      declarations: [{ code: 'sede-italia', text: 'Sede legale e produzione in Italia' }],
      scoring: [{ kind: 'FEWER_EMPLOYEES', weight: 100, employeesCap: 10 }],
      ...overrides,
    });

    it.each([
      ['a title with a line break', { title: 'Negozi del\nPiemonte online' }, 'input.title', 'lineBreak'],
      ['a title with a right-to-left override', { title: `Negozi del ${RLO}Piemonte` }, 'input.title', 'bidiControl'],
      ['a declaration on two lines', { declarations: [{ code: 'sede-italia', text: 'Sede legale\nin Italia' }] }, 'input.declarations.0.text', 'lineBreak'],
    ])('refuses %s, naming the field, and creates no call', async (_what, overrides, field, code) => {
      const provider = await approvedProvider(api, staff);
      const offer = await publishedOffer(api, provider, { coverage: { national: true } });
      expect(refusedFields(await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: aCall(offer.id, overrides) }))).toEqual([[field, code]]);
      const [{ calls }] = await db.query('SELECT count(*)::int AS calls FROM selection_call_offer WHERE offer_id = $1', [offer.id]);
      expect(calls).toBe(0);
    });

    it('keeps the description’s line breaks', async () => {
      const provider = await approvedProvider(api, staff);
      const offer = await publishedOffer(api, provider, { coverage: { national: true } });
      const created = dataOf(await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: aCall(offer.id, {}) })).createSelectionCall;
      const [stored] = await db.query('SELECT title, description FROM selection_call WHERE id = $1', [created.id]);
      expect(stored).toEqual({ title: 'Negozi del Piemonte online', description: 'Un anno gratuito di negozio online.\nPer le piccole imprese piemontesi selezionate.' });
    });
  });

  describe('facilitators', () => {
    it.each([
      ['a right-to-left override', `Confcommercio ${RLO}oniroT`, 'bidiControl'],
      ['a line break', 'Confcommercio\nTorino', 'lineBreak'],
    ])('refuses an organisation name with %s, naming input.name, and registers nothing', async (_what, name, code) => {
      const owner = await signUp(api, 'FACILITATOR');
      expect(refusedFields(await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name }) }))).toEqual([['input.name', code]]);
      const [{ organisations }] = await db.query('SELECT count(*)::int AS organisations FROM facilitator WHERE owner_user_id = $1', [owner.userId]);
      expect(organisations).toBe(0);
    });

    it('refuses a verification reason with an override, naming input.reason', async () => {
      const owner = await signUp(api, 'FACILITATOR');
      const facilitatorId = member(dataOf(await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput() })).registerFacilitator, 'Facilitator').id;
      const decided = await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision: 'REJECTED', reason: `Documenti ${RLO}incompleti` } });
      expect(refusedFields(decided)).toEqual([['input.reason', 'bidiControl']]);
      const [stored] = await db.query('SELECT verification_status FROM facilitator WHERE id = $1', [facilitatorId]);
      expect(stored.verification_status).toBe('PENDING');
    });
  });

  describe('CSV imports', () => {
    it('refuses an offers row with an override in its title or key, naming line and column, and writes nothing', async () => {
      const provider = await approvedProvider(api, staff);
      const file = csvOf([
        anOfferRow({ codice_esterno: 'OK-1', descrizione: 'Un negozio online pronto in un giorno.\nCon catalogo e pagamenti.' }),
        anOfferRow({ codice_esterno: 'RLO-TITLE', titolo: `Vetrina ${RLO}enilno gratuita` }),
        anOfferRow({ codice_esterno: 'NEWLINE-TITLE', titolo: 'Vetrina online\ngratuita' }),
        anOfferRow({ codice_esterno: `RLO-${RLO}KEY` }),
      ]);
      const { job } = await upload(api, provider.accessToken, file, 'ALL_OR_NOTHING', { name: `offerte${RLO}vsc.exe` });
      expect(job).toMatchObject({ status: 'DONE', rows: 4, invalid: 3, written: false });
      const problems = await problemsOf(api, provider.accessToken, job?.id ?? '');
      expect(problems.map((p) => [p.line, p.outcome, p.column, p.reason?.it])).toEqual([
        // A record's line is the one it starts on: the description and the title on two lines move the next ones down.
        [2, 'CANCELLED', null, expect.stringContaining('Non scritta')],
        [4, 'INVALID', 'titolo', expect.stringMatching(/^titolo non può contenere caratteri che invertono la direzione/)],
        [5, 'INVALID', 'titolo', expect.stringMatching(/^titolo deve stare su una sola riga/)],
        [7, 'INVALID', 'codice_esterno', expect.stringMatching(/^codice_esterno non può contenere caratteri che invertono la direzione/)],
      ]);
      const [{ offers }] = await db.query('SELECT count(*)::int AS offers FROM offer WHERE provider_id = $1', [provider.providerId]);
      expect(offers).toBe(0);
      const [stored] = await db.query('SELECT file_name FROM import_job WHERE id = $1', [job?.id]);
      expect(stored.file_name).toBe('offertevsc.exe');
    });

    it('refuses a shops row with an override in the legal name, naming line and column, and registers no shop for it', async () => {
      const owner = await signUp(api, 'FACILITATOR');
      const { registerFacilitator } = dataOf(await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name: `Ascom ${owner.userId.slice(0, 6)}` }) }));
      const facilitatorId = member(registerFacilitator, 'Facilitator').id;
      await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision: 'APPROVED' } });
      const [good, spoofed] = [aPartitaIva(), aPartitaIva()];
      const row = (cells: Record<string, string>) => ({ ...SHOP_IMPORT_EXAMPLE, email_titolare: anEmail('titolare'), ...cells });
      const file = csvOf([
        row({ codice_esterno: 'OK-1', partita_iva: good }),
        row({ codice_esterno: 'RLO-NAME', partita_iva: spoofed, ragione_sociale: `Panetteria ${RLO}issoR` }),
      ]);
      const { job } = await upload(api, owner.accessToken, file, 'ROW_BY_ROW', { kind: 'shops', name: 'negozi.csv' });
      expect(job).toMatchObject({ status: 'DONE', rows: 2, created: 1, invalid: 1, written: true });
      const problems = await problemsOf(api, owner.accessToken, job?.id ?? '');
      expect(problems.map((p) => [p.line, p.outcome, p.column, p.reason?.en])).toEqual([
        [3, 'INVALID', 'ragione_sociale', expect.stringMatching(/^ragione_sociale must not contain characters that change the direction/)],
      ]);
      const shops: { partita_iva: string }[] = await db.query('SELECT partita_iva FROM shop WHERE partita_iva = ANY($1)', [[good, spoofed]]);
      expect(shops.map((shop) => shop.partita_iva)).toEqual([good]);
    });
  });

  it('refuses a staff export’s reason (a query parameter) with an override, naming reason, and records no export', async () => {
    const shop = await signUp(api, 'SHOP');
    const response = await api
      .http()
      .get(`/personal-data/accounts/${shop.userId}.json?reason=${encodeURIComponent(`Richiesta PEC ${RLO}321 del 3 marzo`)}`)
      .set('authorization', `Bearer ${staff.accessToken}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'reason', code: 'bidiControl' })] });
    const [{ exports }] = await db.query(`SELECT count(*)::int AS exports FROM audit_event WHERE action = 'personal_data.exported' AND entity_id = $1`, [shop.userId]);
    expect(exports).toBe(0);
  });
});
