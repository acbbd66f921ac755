import { PRIVACY_NOTICE_VERSION } from '@vec/core';
import { SHOP_IMPORT_EXAMPLE_DECLARED_ON } from '@vec/core/delegation/api/import/shop-import.row';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { ClaimShopDocument, DecideFacilitatorDocument, DelegatedShopsDocument, RegisterFacilitatorDocument, RegisterShopOnPaperDocument, ResendClaimLinkDocument, WithdrawDelegationDocument } from './gql/generated';
import { aFacilitatorInput, anEmail, aPartitaIva, aShopInput, signUp, staffUser, TEST_PASSWORD, type SignedIn } from './testing/fixtures';
import { csvOf, problemsOf, upload } from './testing/import-fixtures';
import { shopIn } from './testing/offer-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';
import { SHOP_IMPORT_EXAMPLE } from '@vec/core/delegation/api/import/shop-import.row';

/** A row of a shops file: the template's example with a Partita IVA and an owner's address of its own, and these cells changed. */
const aShopRow = (cells: Record<string, string> = {}): Record<string, string> => ({
  ...SHOP_IMPORT_EXAMPLE,
  partita_iva: aPartitaIva(),
  email_titolare: anEmail('titolare'),
  ...cells,
});

/** A Partita IVA starting with 0, as a spreadsheet that took it for a number gives it back: without the zero. */
function zeroDropped(): { partitaIva: string; written: string } {
  for (;;) {
    const partitaIva = aPartitaIva();
    if (partitaIva.startsWith('0') && partitaIva[1] !== '0') return { partitaIva, written: partitaIva.slice(1) };
  }
}

/** The same Partita IVA with its check digit wrong. */
const wrongCheckDigit = (partitaIva: string): string => `${partitaIva.slice(0, 10)}${(Number(partitaIva[10]) + 1) % 10}`;

describe('CSV import of shops by facilitators, on paper consent', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  async function facilitator(approved = true): Promise<SignedIn & { facilitatorId: string }> {
    const owner = await signUp(api, 'FACILITATOR');
    const { registerFacilitator } = dataOf(await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name: `Confcommercio ${owner.userId.slice(0, 6)}` }) }));
    const facilitatorId = member(registerFacilitator, 'Facilitator').id;
    if (approved) await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision: 'APPROVED' } });
    return { ...owner, facilitatorId };
  }

  const shopsFile = (rows: readonly Record<string, string>[]) => csvOf(rows);
  const send = (who: SignedIn, file: Buffer, mode: 'DRY_RUN' | 'ALL_OR_NOTHING' | 'ROW_BY_ROW') => upload(api, who.accessToken, file, mode, { kind: 'shops', name: 'negozi.csv' });

  const desk = async (who: SignedIn) => dataOf(await api.gqlAs(who.accessToken, DelegatedShopsDocument, { first: 100 })).delegatedShops;

  it('gives a template whose example row, with a Partita IVA of its own, passes the dry run', async () => {
    const ascom = await facilitator();
    const response = await api.http().get('/imports/shops/template.csv').set('authorization', `Bearer ${ascom.accessToken}`).buffer(true);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toContain('modello-importazione-shops.csv');
    const rows = parse(response.text.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(Object.keys(SHOP_IMPORT_EXAMPLE));
    expect(rows).toHaveLength(2);
    const example = Object.fromEntries(rows[0].map((column, i) => [column, rows[1][i]]));
    const { job } = await send(ascom, shopsFile([{ ...example, partita_iva: aPartitaIva() }]), 'DRY_RUN');
    expect(job).toMatchObject({ status: 'DONE', rows: 1, created: 1, invalid: 0, written: false });
  });

  it('reports every bad row by line, column and reason in Italian in a dry run, and writes nothing', async () => {
    const ascom = await facilitator();
    const taken = await shopIn(api, '001272');
    const [takenPartitaIva]: { partita_iva: string }[] = await db.query('SELECT partita_iva FROM shop WHERE id = $1', [taken.shopId]);
    const repeated = aPartitaIva();
    const file = shopsFile([
      aShopRow({ codice_esterno: 'OK-1' }),
      aShopRow({ codice_esterno: 'BAD-PIVA', partita_iva: wrongCheckDigit(aPartitaIva()) }),
      aShopRow({ codice_esterno: 'BAD-ATECO', ateco: '04' }),
      aShopRow({ codice_esterno: 'BAD-SECTION', ateco: 'A47' }),
      aShopRow({ codice_esterno: 'BAD-COMUNE', comune: 'Atlantide', provincia: '' }),
      aShopRow({ codice_esterno: 'AMBIGUOUS', comune: 'Samone', provincia: '' }),
      aShopRow({ codice_esterno: 'BAD-EMAIL', email_titolare: 'mario.rossi@' }),
      aShopRow({ codice_esterno: 'NO-NAME', ragione_sociale: '' }),
      aShopRow({ codice_esterno: 'OK-1' }),
      aShopRow({ codice_esterno: 'TAKEN', partita_iva: takenPartitaIva.partita_iva }),
      aShopRow({ codice_esterno: 'TWICE-1', partita_iva: repeated }),
      aShopRow({ codice_esterno: 'TWICE-2', partita_iva: repeated }),
      aShopRow({ codice_esterno: 'FUTURE', data_consenso: '01/01/2099' }),
      aShopRow({ codice_esterno: 'BAD-DATE', data_consenso: '31/02/2026' }),
      aShopRow({ codice_esterno: 'BAD-EMPLOYEES', addetti: 'tre' }),
      aShopRow({ codice_esterno: 'SAMONE-TN', comune: 'Samone', provincia: 'TN' }),
      aShopRow({ codice_esterno: 'ATECO-EXCEL', ateco: '47,1' }),
      aShopRow({ codice_esterno: 'ATECO-WORD', ateco: 'commercio' }),
    ]);
    const { status, job } = await send(ascom, file, 'DRY_RUN');
    expect(status).toBe(200);
    expect(job).toMatchObject({ status: 'DONE', rows: 18, created: 4, invalid: 14, written: false });
    const problems = await problemsOf(api, ascom.accessToken, job?.id ?? '');
    const byLine = (line: number) => problems.filter((p) => p.line === line).map((p) => [p.column, p.reason?.it]);
    expect(byLine(3)).toEqual([['partita_iva', expect.stringContaining('cifra di controllo')]]);
    expect(byLine(4)).toEqual([['ateco', expect.stringContaining('04')]]);
    expect(byLine(5)).toEqual([['ateco', expect.stringContaining('47')]]);
    expect(byLine(6)).toEqual([['comune', expect.stringContaining('«Atlantide» non è un comune')]]);
    expect(byLine(7)).toEqual([['comune', expect.stringContaining('esiste un comune «Samone» in più province (TN, TO)')]]);
    expect(byLine(8)).toEqual([['email_titolare', expect.stringMatching(/^email_titolare /)]]);
    expect(byLine(9)).toEqual([['ragione_sociale', 'ragione_sociale: campo obbligatorio, compilalo']]);
    expect(byLine(10)).toEqual([['codice_esterno', expect.stringContaining('già alla riga 2')]]);
    expect(byLine(11)).toEqual([['partita_iva', `partita_iva: la Partita IVA ${takenPartitaIva.partita_iva} è già registrata`]]);
    expect(byLine(12)).toEqual([]);
    expect(byLine(13)).toEqual([['partita_iva', expect.stringContaining('già alla riga 12')]]);
    expect(byLine(14)).toEqual([['data_consenso', expect.stringContaining('non può essere nel futuro')]]);
    expect(byLine(15)).toEqual([['data_consenso', expect.stringContaining('gg/mm/aaaa')]]);
    // Not a number: said so, not that it is over the maximum.
    expect(byLine(16)).toEqual([['addetti', expect.stringMatching(/^addetti deve essere un numero intero/)]]);
    expect(byLine(17)).toEqual([]);
    // 47.10 as Excel in Italian shows it once it took it for a number; a word is said to be no code, not a cell left empty.
    expect(byLine(18)).toEqual([]);
    expect(problems.filter((p) => p.line === 19).map((p) => [p.column, p.reason])).toEqual([
      [
        'ateco',
        {
          it: 'ateco: «commercio» non è un codice ATECO: scrivi la divisione (2 cifre, ad es. 47) o il codice completo (47.11.10, oppure 47,11 come lo mostra Excel), con la sezione se vuoi (G47)',
          en: 'ateco: “commercio” is not an ATECO code: write the division (2 digits, e.g. 47) or the full code (47.11.10, or 47,11 as Excel shows it), optionally with the section (G47)',
        },
      ],
    ]);
    // The refusal of a taken Partita IVA says nothing of who holds it.
    expect(JSON.stringify(problems)).not.toContain(taken.email);
    expect((await desk(ascom)).totalCount).toBe(0);
  });

  it('registers good rows row by row on paper consent, each owner invited to claim; the same file again changes nothing; a changed row updates its shop while the delegation lives', async () => {
    const ascom = await facilitator();
    const rows = [aShopRow({ codice_esterno: 'S-1', comune: '1272', provincia: '' }), aShopRow({ codice_esterno: 'S-2', partita_iva: '123' }), aShopRow({ codice_esterno: 'S-3', comune: 'Samone (TN)', provincia: '' })];
    const first = await send(ascom, shopsFile(rows), 'ROW_BY_ROW');
    expect(first.job).toMatchObject({ status: 'DONE', created: 2, invalid: 1, written: true });

    const shops = await desk(ascom);
    expect(shops.totalCount).toBe(2);
    expect(shops.items.map((item) => [item.consent, item.unclaimed])).toEqual([
      ['PAPER', true],
      ['PAPER', true],
    ]);
    const delegations: { external_key: string; comune_code: string; paper_declared_on: string; consent: string; status: string; invited_email: string }[] = await db.query(
      `SELECT d.external_key, s.comune_code, to_char(d.paper_declared_on, 'YYYY-MM-DD') AS paper_declared_on, d.consent, d.status, d.invited_email
         FROM delegation d JOIN shop s ON s.id = d.shop_id WHERE d.facilitator_id = $1 ORDER BY d.external_key`,
      [ascom.facilitatorId],
    );
    expect(delegations).toEqual([
      { external_key: 'S-1', comune_code: '001272', paper_declared_on: SHOP_IMPORT_EXAMPLE_DECLARED_ON, consent: 'PAPER', status: 'ACTIVE', invited_email: rows[0].email_titolare },
      { external_key: 'S-3', comune_code: '022165', paper_declared_on: SHOP_IMPORT_EXAMPLE_DECLARED_ON, consent: 'PAPER', status: 'ACTIVE', invited_email: rows[2].email_titolare },
    ]);
    const mails: { recipient: string; kind: string; text: string }[] = await db.query('SELECT recipient, kind, text FROM mail_message WHERE recipient = ANY($1) ORDER BY recipient', [
      [rows[0].email_titolare, rows[2].email_titolare].sort(),
    ]);
    expect(mails.map((mail) => [mail.recipient, mail.kind])).toEqual([rows[0].email_titolare, rows[2].email_titolare].sort().map((recipient) => [recipient, 'SHOP_CLAIM_INVITATION']));
    expect(mails[0].text).toContain('/rivendica#');

    const again = await send(ascom, shopsFile(rows), 'ROW_BY_ROW');
    expect(again.job).toMatchObject({ created: 0, updated: 0, unchanged: 2, invalid: 1 });
    expect((await db.query('SELECT count(*)::int AS n FROM mail_message WHERE recipient = $1', [rows[0].email_titolare]))[0].n).toBe(1);

    rows[0] = { ...rows[0], indirizzo: 'Via Po 3', addetti: '7' };
    const changed = await send(ascom, shopsFile(rows), 'ROW_BY_ROW');
    expect(changed.job).toMatchObject({ created: 0, updated: 1, unchanged: 1, invalid: 1 });
    const [shop]: { address: string; employees: number }[] = await db.query('SELECT address, employees FROM shop WHERE partita_iva = $1', [rows[0].partita_iva]);
    expect(shop).toEqual({ address: 'Via Po 3', employees: 7 });

    // Once the facilitator stops acting for the shop, a changed row is skipped with the reason. It
    // may stop only once the owner has claimed the shop: until then nobody else could act for it.
    const [live]: { id: string }[] = await db.query(`SELECT id FROM delegation WHERE facilitator_id = $1 AND external_key = 'S-1'`, [ascom.facilitatorId]);
    member(dataOf(await api.gqlAs(ascom.accessToken, WithdrawDelegationDocument, { input: { delegationId: live.id } })).withdrawDelegation, 'UnclaimedShopError');
    const link = /\/rivendica#(\S+)/.exec(mails.find((mail) => mail.recipient === rows[0].email_titolare)?.text ?? '')?.[1] ?? '';
    member(dataOf(await api.gql(ClaimShopDocument, { input: { link, password: TEST_PASSWORD, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).claimShop, 'ClaimedShop');
    member(dataOf(await api.gqlAs(ascom.accessToken, WithdrawDelegationDocument, { input: { delegationId: live.id } })).withdrawDelegation, 'Delegation');
    rows[0] = { ...rows[0], addetti: '9' };
    const ended = await send(ascom, shopsFile(rows), 'ROW_BY_ROW');
    expect(ended.job).toMatchObject({ updated: 0, skipped: 1, unchanged: 1 });
    expect((await problemsOf(api, ascom.accessToken, ended.job?.id ?? ''))[0]).toMatchObject({ line: 2, outcome: 'SKIPPED', reason: { it: expect.stringContaining('non è più attiva') } });
    expect((await db.query('SELECT employees FROM shop WHERE partita_iva = $1', [rows[0].partita_iva]))[0].employees).toBe(7);
  });

  it('gives one owner address one shop waiting to be claimed, in a file and through the form, and sends it at most five claim links a day', async () => {
    const ascom = await facilitator();
    const owner = anEmail('titolare');
    const rows = Array.from({ length: 3 }, (_, i) => aShopRow({ codice_esterno: `STESSO-${i + 1}`, email_titolare: owner }));
    const waiting = ['email_titolare', expect.stringMatching(/^email_titolare: a questo indirizzo aspetta già di essere rivendicata un’altra attività/)];

    // One account manages one shop: the first row is created, the others would never be claimed (a dry run says so as the import does).
    const dry = await send(ascom, shopsFile(rows), 'DRY_RUN');
    expect(dry.job).toMatchObject({ created: 1, invalid: 2, written: false });
    expect((await problemsOf(api, ascom.accessToken, dry.job?.id ?? '')).map((p) => [p.line, p.column, p.reason?.it])).toEqual([
      [3, ...waiting],
      [4, ...waiting],
    ]);
    const written = await send(ascom, shopsFile(rows), 'ROW_BY_ROW');
    expect(written.job).toMatchObject({ created: 1, invalid: 2, written: true });
    expect((await db.query(`SELECT count(*)::int AS n FROM mail_message WHERE recipient = $1 AND kind = 'SHOP_CLAIM_INVITATION'`, [owner]))[0].n).toBe(1);

    // The form is held to the same rule, naming its field; another address is not.
    const second = await api.gqlAs(ascom.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail: owner.toUpperCase(), declaredOn: '2026-11-30' } });
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.ownerEmail', code: 'OWNER_ADDRESS_HAS_SHOP_WAITING' })] });
    const otherOwner = anEmail('titolare');
    const other = await api.gqlAs(ascom.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput(), ownerEmail: otherOwner, declaredOn: '2026-11-30' } });
    const delegation = member(dataOf(other).registerShopOnPaper, 'Delegation');
    expect(delegation.consent).toBe('PAPER');
    // Its link sent again goes to its own address (its own shop waiting is no obstacle), four more times; the fifth send of the day is refused. To the address with a shop waiting, it is refused.
    const again = (ownerEmail?: string) => api.gqlAs(ascom.accessToken, ResendClaimLinkDocument, { input: { delegationId: delegation.id, ...(ownerEmail ? { ownerEmail } : {}) } });
    expect((await again(owner)).errors?.[0].extensions).toMatchObject({ fields: [expect.objectContaining({ field: 'input.ownerEmail', code: 'OWNER_ADDRESS_HAS_SHOP_WAITING' })] });
    for (let i = 0; i < 4; i += 1) expect(dataOf(await again()).resendClaimLink).toMatchObject({ __typename: 'Delegation' });
    expect((await again()).errors?.[0].extensions).toMatchObject({ fields: [expect.objectContaining({ field: 'input.delegationId', code: 'CLAIMS_TO_ADDRESS_LIMIT' })] });
    expect((await db.query(`SELECT count(*)::int AS n FROM mail_message WHERE recipient = $1 AND kind = 'SHOP_CLAIM_INVITATION'`, [otherOwner]))[0].n).toBe(5);

    // An address no owner could claim with (here a provider's account) is refused on its row, in the dry run and the import alike; the other rows are written.
    const provider = await signUp(api, 'PROVIDER');
    const mixed = [aShopRow({ codice_esterno: 'FORNITORE', email_titolare: provider.email.toUpperCase() }), aShopRow({ codice_esterno: 'TITOLARE' })];
    for (const mode of ['DRY_RUN', 'ROW_BY_ROW'] as const) {
      const job = await send(ascom, shopsFile(mixed), mode);
      expect(job.job).toMatchObject({ created: 1, invalid: 1 });
      expect((await problemsOf(api, ascom.accessToken, job.job?.id ?? '')).map((p) => [p.line, p.column, p.reason?.it])).toEqual([
        [2, 'email_titolare', expect.stringMatching(/^email_titolare: questo indirizzo appartiene a un account che non può prendere in carico un’attività/)],
      ]);
    }

    // A declaration dated before 1900 is a mistyped year.
    const ancient = await send(ascom, shopsFile([aShopRow({ codice_esterno: 'ANTICO', data_consenso: '01/01/1000' })]), 'DRY_RUN');
    expect((await problemsOf(api, ascom.accessToken, ancient.job?.id ?? '')).map((p) => [p.column, p.reason?.it])).toEqual([
      ['data_consenso', 'data_consenso deve essere una data tra il 01/01/1900 e il 31/12/2199'],
    ]);
  });

  it('ignores the empty columns Excel leaves at the end of the header, and refuses a row with something under one, naming its position', async () => {
    const ascom = await facilitator();
    const columns = Object.keys(SHOP_IMPORT_EXAMPLE);
    const line = (row: Record<string, string>, after: string) => `${columns.map((column) => row[column]).join(';')}${after}`;
    const rows = [aShopRow({ codice_esterno: 'VUOTE-1' }), aShopRow({ codice_esterno: 'VUOTE-2' }), aShopRow({ codice_esterno: 'VUOTE-3' })];
    // As Excel writes it once cells to the right were touched: every line ends in the same empty cells; a line typed elsewhere may lack them.
    const file = (after: readonly string[]) => Buffer.from(`${columns.join(';')};;\r\n${rows.map((row, i) => line(row, after[i])).join('\r\n')}\r\n`);
    const refused = await send(ascom, file([';;', ';;nota', '']), 'DRY_RUN');
    expect(refused.job).toMatchObject({ status: 'DONE', rows: 3, created: 2, invalid: 1 });
    expect((await problemsOf(api, ascom.accessToken, refused.job?.id ?? '')).map((p) => [p.line, p.column, p.reason])).toEqual([
      [
        3,
        null,
        {
          it: 'La colonna 15 (O) non ha un nome nell’intestazione, ma in questa riga contiene qualcosa: scrivi il nome della colonna nell’intestazione, oppure svuota la colonna',
          en: "Column 15 (O) has no name in the header, but this row has something in it: write the column's name in the header, or empty the column",
        },
      ],
    ]);
    const single = Buffer.from(`${columns.join(';')};\r\n${rows.map((row) => line(row, ';')).join('\r\n')}\r\n`);
    const written = await send(ascom, single, 'ALL_OR_NOTHING');
    expect(written.job).toMatchObject({ status: 'DONE', created: 3, invalid: 0, written: true });
    expect((await desk(ascom)).totalCount).toBe(3);
  });

  it('puts back the leading zero a spreadsheet dropped from a Partita IVA, and says it may have when the number is still not valid', async () => {
    const ascom = await facilitator();
    const dropped = zeroDropped();
    const invalid = wrongCheckDigit(zeroDropped().partitaIva).slice(1);
    const rows = [aShopRow({ codice_esterno: 'ZERO-1', partita_iva: dropped.written }), aShopRow({ codice_esterno: 'ZERO-2', partita_iva: invalid })];
    const first = await send(ascom, shopsFile(rows), 'ROW_BY_ROW');
    expect(first.job).toMatchObject({ status: 'DONE', created: 1, invalid: 1, written: true });
    expect((await problemsOf(api, ascom.accessToken, first.job?.id ?? '')).map((p) => [p.line, p.column, p.reason?.it])).toEqual([
      [3, 'partita_iva', expect.stringMatching(new RegExp(`^partita_iva: «${invalid}» ha 10 cifre, la Partita IVA 11: il foglio di calcolo può aver tolto lo 0 iniziale .*ma neanche con lo 0 davanti è valida`))],
    ]);
    const [shop]: { partita_iva: string }[] = await db.query(`SELECT s.partita_iva FROM shop s JOIN delegation d ON d.shop_id = s.id WHERE d.facilitator_id = $1 AND d.external_key = 'ZERO-1'`, [ascom.facilitatorId]);
    expect(shop.partita_iva).toBe(dropped.partitaIva);
    // The same file again is the same shop, not a Partita IVA that would change.
    const again = await send(ascom, shopsFile(rows.slice(0, 1)), 'ROW_BY_ROW');
    expect(again.job).toMatchObject({ unchanged: 1, skipped: 0, invalid: 0 });
  });

  it('all or nothing: one bad row and no shop, delegation or e-mail is written', async () => {
    const ascom = await facilitator();
    const rows = [aShopRow({ codice_esterno: 'A-1' }), aShopRow({ codice_esterno: 'A-2', ateco: '04' })];
    const refused = await send(ascom, shopsFile(rows), 'ALL_OR_NOTHING');
    expect(refused.job).toMatchObject({ status: 'DONE', invalid: 1, written: false });
    expect((await desk(ascom)).totalCount).toBe(0);
    expect((await db.query('SELECT count(*)::int AS n FROM mail_message WHERE recipient = $1', [rows[0].email_titolare]))[0].n).toBe(0);
    rows[1] = { ...rows[1], ateco: 'G47' };
    const done = await send(ascom, shopsFile(rows), 'ALL_OR_NOTHING');
    expect(done.job).toMatchObject({ created: 2, written: true });
    expect((await desk(ascom)).totalCount).toBe(2);
  });

  it('refuses an organisation not verified by the Department, and any other role, before reading the file', async () => {
    const waiting = await facilitator(false);
    const refused = await send(waiting, shopsFile([aShopRow()]), 'ROW_BY_ROW');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', reason: 'FACILITATOR_NOT_APPROVED', messageIt: expect.stringContaining('non è verificata') });
    expect((await db.query('SELECT count(*)::int AS n FROM import_job WHERE owner_user_id = $1', [waiting.userId]))[0].n).toBe(0);
    const shop = await signUp(api, 'SHOP');
    expect((await send(shop, shopsFile([aShopRow()]), 'DRY_RUN')).status).toBe(403);
    expect((await api.http().get('/imports/shops/template.csv').set('authorization', `Bearer ${shop.accessToken}`)).status).toBe(403);
  });
});
