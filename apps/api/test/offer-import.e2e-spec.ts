import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { CloseOfferDocument, MyOffersDocument, OfferByIdDocument, RegisterProviderDocument, UpdateOfferDocument, VerifyProviderDocument } from './gql/generated';
import { aProviderInput, signUp, staffUser, SignedIn } from './testing/fixtures';
import { anOfferRow, csvOf, problemsOf, upload } from './testing/import-fixtures';
import { approvedProvider, ProviderAccount, shopIn } from './testing/offer-fixtures';
import { applyTo, askFor } from './testing/match-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';
import { OfferService } from '@vec/core/offer/offer.service';

describe('CSV import of offers', () => {
  let api: TestApp;
  let staff: SignedIn;
  beforeAll(async () => {
    api = await startTestApp();
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  const offerCount = async (provider: SignedIn): Promise<number> =>
    dataOf(await api.gqlAs(provider.accessToken, MyOffersDocument, { first: 1 })).myOffers.totalCount;

  it('gives a template whose example row imports as it is', async () => {
    const provider = await approvedProvider(api, staff);
    const response = await api.http().get('/imports/offers/template.csv').set('authorization', `Bearer ${provider.accessToken}`).buffer(true);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toContain('modello-importazione-offers.csv');
    const rows = parse(response.text.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(expect.arrayContaining(['codice_esterno', 'titolo', 'categorie', 'comuni', 'capacita', 'valida_dal']));
    expect(rows).toHaveLength(2);
    // Its validity starts the day it is downloaded and lasts a year: the example never expires in the file.
    const today = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
    expect(rows[1][rows[0].indexOf('valida_dal')]).toBe(today);
    expect(rows[1][rows[0].indexOf('valida_fino_al')]).toMatch(new RegExp(`^\\d{2}/\\d{2}/${new Date().getFullYear() + 1}$`));
    const dryRun = await upload(api, provider.accessToken, Buffer.from(response.text, 'utf8'), 'DRY_RUN');
    expect(dryRun.job).toMatchObject({ status: 'DONE', rows: 1, created: 1, invalid: 0, written: false });
  });

  it('lists the file’s columns in the template’s order, each with whether it is required and what to write, in Italian and English', async () => {
    const provider = await approvedProvider(api, staff);
    const columns = await api.http().get('/imports/offers/columns').set('authorization', `Bearer ${provider.accessToken}`);
    expect(columns.status).toBe(200);
    const template = await api.http().get('/imports/offers/template.csv').set('authorization', `Bearer ${provider.accessToken}`).buffer(true);
    const [header] = parse(template.text.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    const listed = columns.body as { header: string; required: boolean; key: boolean; help: { it: string; en: string } }[];
    expect(listed.map((column) => column.header)).toEqual(header);
    expect(listed.filter((column) => column.key).map((column) => column.header)).toEqual(['codice_esterno']);
    expect(listed.find((column) => column.header === 'titolo')).toMatchObject({ required: true, help: { it: expect.any(String), en: expect.any(String) } });
    for (const column of listed) expect([column.header, column.help.it.length > 5, column.help.en.length > 5]).toEqual([column.header, true, true]);
    // Like every import route, for the kind's roles only.
    const shop = await signUp(api, 'SHOP');
    expect((await api.http().get('/imports/offers/columns').set('authorization', `Bearer ${shop.accessToken}`)).status).toBe(403);
  });

  it('reports every bad row by line, column and reason in a dry run, and writes nothing', async () => {
    const provider = await approvedProvider(api, staff);
    const file = csvOf([
      anOfferRow({ codice_esterno: 'OK-1' }),
      anOfferRow({ codice_esterno: 'BAD-TITLE', titolo: 'Web' }),
      anOfferRow({ codice_esterno: 'BAD-CATEGORY', categorie: 'TELETRASPORTO' }),
      anOfferRow({ codice_esterno: 'BAD-COMUNE', comuni: 'Milano (RM)' }),
      anOfferRow({ codice_esterno: 'BAD-PROVINCE', province: 'XX' }),
      anOfferRow({ codice_esterno: 'BAD-REGION', regioni: '99' }),
      anOfferRow({ codice_esterno: 'NO-COVERAGE', nazionale: 'no', province: '', comuni: '', regioni: '' }),
      anOfferRow({ codice_esterno: 'BAD-CAPACITY', capacita: 'tanti' }),
      anOfferRow({ codice_esterno: 'ZERO-CAPACITY', capacita: '0' }),
      anOfferRow({ codice_esterno: 'BAD-DATE', valida_dal: '31/02/2026' }),
      anOfferRow({ codice_esterno: 'DATES-REVERSED', valida_dal: '01/06/2026', valida_fino_al: '01/05/2026' }),
      anOfferRow({ codice_esterno: 'BAD-SECTOR', settori_ateco: 'Z|99' }),
      anOfferRow({ codice_esterno: 'BAD-YESNO', nazionale: 'forse' }),
      anOfferRow({ codice_esterno: 'OK-1' }),
      anOfferRow({ codice_esterno: '' }),
      anOfferRow({ codice_esterno: 'NO-MONTHS', mesi_gratuiti: '', valida_dal: '' }),
      anOfferRow({ codice_esterno: 'HUGE-CAPACITY', capacita: '99999999999' }),
      anOfferRow({ codice_esterno: 'FINE-SECTOR', settori_ateco: 'G47|47.11' }),
      anOfferRow({ codice_esterno: 'SECTION-DIVISION', settori_ateco: 'G47|C' }),
      anOfferRow({ codice_esterno: 'WRONG-SECTION', settori_ateco: 'C47' }),
    ]);
    const { status, job } = await upload(api, provider.accessToken, file, 'DRY_RUN');
    expect(status).toBe(200);
    expect(job).toMatchObject({ status: 'DONE', rows: 20, created: 2, invalid: 18, written: false, separator: ';' });
    const problems = await problemsOf(api, provider.accessToken, job?.id ?? '');
    const byLine = (line: number) => problems.filter((p) => p.line === line).map((p) => [p.column, p.reason?.it]);
    expect(byLine(3)).toEqual([['titolo', expect.stringMatching(/^titolo .*5/)]]);
    expect(byLine(4)).toEqual([['categorie', expect.stringContaining('ONLINE_STORE')]]);
    expect(byLine(5)).toEqual([['comuni', expect.stringContaining('«Milano (RM)» non è un comune')]]);
    expect(byLine(6)).toEqual([['province', expect.stringContaining('«XX» non è una provincia')]]);
    expect(byLine(7)).toEqual([['regioni', expect.stringContaining('99')]]);
    expect(byLine(8)).toEqual([[null, expect.stringContaining('scegli almeno un’area')]]);
    expect(byLine(9)).toEqual([['capacita', expect.stringContaining('capacita')]]);
    expect(byLine(10)).toEqual([['capacita', expect.stringContaining('1')]]);
    expect(byLine(11)).toEqual([['valida_dal', expect.stringContaining('gg/mm/aaaa')]]);
    expect(byLine(12)).toEqual([['valida_fino_al', expect.stringContaining('valida_fino_al')]]);
    expect(byLine(13)).toEqual([['settori_ateco', expect.stringContaining('da A a V')]]);
    expect(byLine(14)).toEqual([['nazionale', expect.stringContaining('«sì» oppure «no»')]]);
    expect(byLine(15)).toEqual([['codice_esterno', expect.stringContaining('già alla riga 2')]]);
    expect(byLine(16)).toEqual([['codice_esterno', expect.stringContaining('campo obbligatorio')]]);
    // An empty required cell is said to be required, not to be a number or a date of the wrong kind.
    expect(byLine(17)).toEqual([
      ['mesi_gratuiti', 'mesi_gratuiti: campo obbligatorio, compilalo'],
      ['valida_dal', 'valida_dal: campo obbligatorio, compilalo'],
    ]);
    // Too large is the maximum, not "a whole number".
    expect(byLine(18)).toEqual([['capacita', expect.stringMatching(/100\.000/)]]);
    // A finer ATECO code is named, with what an offer can take; "G47" is division 47, as written with its section.
    expect(byLine(19)).toEqual([['settori_ateco', expect.stringContaining('«47.11» non è una sezione né una divisione ATECO')]]);
    expect(byLine(20)).toEqual([]);
    expect(byLine(21)).toEqual([['settori_ateco', expect.stringContaining('la divisione ATECO 47 appartiene alla sezione G')]]);
    expect(await offerCount(provider)).toBe(0);
  });

  it('refuses a new offer whose validity has already ended, published or not, as createOffer does; leaves a known one to its update', async () => {
    const provider = await approvedProvider(api, staff);
    const ended = { valida_dal: '01/01/2020', valida_fino_al: '31/12/2020' };
    const { job } = await upload(api, provider.accessToken, csvOf([anOfferRow({ codice_esterno: 'FINITA', ...ended, pubblica: 'no' }), anOfferRow({ codice_esterno: 'VIVA' })]), 'DRY_RUN');
    expect(job).toMatchObject({ created: 1, invalid: 1 });
    expect((await problemsOf(api, provider.accessToken, job?.id ?? '')).map((p) => [p.line, p.column, p.reason?.it])).toEqual([
      [2, 'valida_fino_al', 'valida_fino_al: la fine della validità è già passata: un’offerta nuova già scaduta non si potrebbe mai pubblicare'],
    ]);
  });

  it('keeps an offer open all of its last day: one valid today only is imported and published, and lasts until midnight in Italy', async () => {
    const provider = await approvedProvider(api, staff);
    const today = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
    const file = csvOf([anOfferRow({ codice_esterno: 'ONE-DAY', valida_dal: today, valida_fino_al: today, pubblica: 'sì' })]);
    expect((await upload(api, provider.accessToken, file, 'ROW_BY_ROW')).job).toMatchObject({ status: 'DONE', created: 1, invalid: 0, skipped: 0 });
    const [{ valid_until: until }] = await api.app.get(DataSource).query(`SELECT valid_until FROM offer WHERE provider_id = $1 AND external_key = 'ONE-DAY'`, [provider.providerId]);
    const italianDay = (at: Date): string => new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
    expect(italianDay(until)).toBe(today);
    expect(italianDay(new Date(until.getTime() + 1))).not.toBe(today);
  });

  it('refuses a start more than a year ahead, for a new offer and for a known one whose start the file moves', async () => {
    const provider = await approvedProvider(api, staff);
    const italian = (date: Date): string => date.toLocaleDateString('it-IT', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Rome' });
    const inTwoYears = italian(new Date(Date.now() + 730 * 86_400_000));
    const first = await upload(api, provider.accessToken, csvOf([anOfferRow({ codice_esterno: 'LONTANA', valida_dal: inTwoYears, valida_fino_al: '' }), anOfferRow({ codice_esterno: 'VICINA' })]), 'DRY_RUN');
    expect(first.job).toMatchObject({ created: 1, invalid: 1 });
    expect((await problemsOf(api, provider.accessToken, first.job?.id ?? '')).map((p) => [p.line, p.column, p.reason?.it])).toEqual([
      [2, 'valida_dal', expect.stringMatching(/^valida_dal: un’offerta deve iniziare entro un anno da oggi/)],
    ]);
    const written = await upload(api, provider.accessToken, csvOf([anOfferRow({ codice_esterno: 'VICINA' })]), 'ALL_OR_NOTHING');
    expect(written.job).toMatchObject({ created: 1 });
    const moved = await upload(api, provider.accessToken, csvOf([anOfferRow({ codice_esterno: 'VICINA', valida_dal: inTwoYears, valida_fino_al: '' })]), 'DRY_RUN');
    expect(moved.job).toMatchObject({ updated: 0, invalid: 1 });
  });

  it('all or nothing: one bad row and nothing is written, each good row reported as not written; fixed, every row is created', async () => {
    const provider = await approvedProvider(api, staff);
    const rows = [anOfferRow({ codice_esterno: 'A-1' }), anOfferRow({ codice_esterno: 'A-2', capacita: '-3' }), anOfferRow({ codice_esterno: 'A-3' })];
    const refused = await upload(api, provider.accessToken, csvOf(rows), 'ALL_OR_NOTHING');
    expect(refused.job).toMatchObject({ status: 'DONE', rows: 3, invalid: 1, written: false });
    expect((await problemsOf(api, provider.accessToken, refused.job?.id ?? '')).map((p) => [p.line, p.outcome])).toEqual([
      [2, 'CANCELLED'],
      [3, 'INVALID'],
      [4, 'CANCELLED'],
    ]);
    expect(await offerCount(provider)).toBe(0);
    rows[1] = anOfferRow({ codice_esterno: 'A-2', capacita: '3' });
    const done = await upload(api, provider.accessToken, csvOf(rows), 'ALL_OR_NOTHING');
    expect(done.job).toMatchObject({ status: 'DONE', created: 3, invalid: 0, written: true });
    expect(await offerCount(provider)).toBe(3);
  });

  it('keeps the radii an offer was given in the app, which the file has no column for: the same file changes nothing, a changed row keeps them', async () => {
    const provider = await approvedProvider(api, staff);
    const rows = [anOfferRow({ codice_esterno: 'RAD-1', comuni: '001272', province: '' })];
    expect((await upload(api, provider.accessToken, csvOf(rows), 'ROW_BY_ROW')).job).toMatchObject({ created: 1 });
    const [{ id }] = await api.app.get(DataSource).query(`SELECT id FROM offer WHERE provider_id = $1 AND external_key = 'RAD-1'`, [provider.providerId]);
    const coverage = { national: false, regionCodes: [], provinceCodes: [], comuneCodes: ['001272'], radii: [{ comuneCode: '058091', km: 20 }] };
    expect(dataOf(await api.gqlAs(provider.accessToken, UpdateOfferDocument, { input: { id, coverage } })).updateOffer).toMatchObject({ __typename: 'Offer' });
    const radiiOf = async (): Promise<unknown[]> => {
      const offer = dataOf(await api.gqlAs(provider.accessToken, OfferByIdDocument, { id })).offer;
      return (offer?.coverage.radii ?? []).map((radius) => [radius.comune?.code, radius.km]);
    };
    expect(await radiiOf()).toEqual([['058091', 20]]);
    const again = await upload(api, provider.accessToken, csvOf(rows), 'ROW_BY_ROW');
    expect(again.job).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await radiiOf()).toEqual([['058091', 20]]);
    rows[0] = { ...rows[0], capacita: '90' };
    const changed = await upload(api, provider.accessToken, csvOf(rows), 'ROW_BY_ROW');
    expect(changed.job).toMatchObject({ updated: 1 });
    expect(await radiiOf()).toEqual([['058091', 20]]);
  });

  it('skips a row whose new area or sectors would leave out shops on the offer, with the API’s reason, in the dry run as in the import; the other rows are written', async () => {
    const provider = await approvedProvider(api, staff);
    const held = anOfferRow({ codice_esterno: 'HOLD-1', comuni: '001001|001272', province: '', settori_ateco: 'C', pubblica: 'sì' });
    expect((await upload(api, provider.accessToken, csvOf([held]), 'ROW_BY_ROW')).job).toMatchObject({ created: 1 });
    const [{ id }] = await api.app.get(DataSource).query(`SELECT id FROM offer WHERE provider_id = $1 AND external_key = 'HOLD-1'`, [provider.providerId]);
    // A shop of Torino holds one of its places.
    const shop = await shopIn(api, '001272');
    await applyTo(api, shop, await askFor(api, shop), id);

    const narrowed = [{ ...held, comuni: '001001' }, anOfferRow({ codice_esterno: 'HOLD-2', comuni: '001001', province: '' })];
    const dryRun = await upload(api, provider.accessToken, csvOf(narrowed), 'DRY_RUN');
    expect(dryRun.job).toMatchObject({ status: 'DONE', created: 1, updated: 0, skipped: 1 });
    const [problem] = await problemsOf(api, provider.accessToken, dryRun.job?.id as string);
    expect(problem).toMatchObject({ line: 2, outcome: 'SKIPPED', reason: { it: expect.stringContaining('Torino'), en: expect.any(String) } });
    const written = await upload(api, provider.accessToken, csvOf(narrowed), 'ROW_BY_ROW');
    expect(written.job).toMatchObject({ status: 'DONE', created: 1, updated: 0, skipped: 1 });
    const coverage = dataOf(await api.gqlAs(provider.accessToken, OfferByIdDocument, { id })).offer?.coverage.comuni.map((c) => c.code);
    expect(coverage?.sort()).toEqual(['001001', '001272']);
    // Nor may the sectors leave it out.
    const otherSector = await upload(api, provider.accessToken, csvOf([{ ...held, settori_ateco: 'G' }]), 'ROW_BY_ROW');
    expect(otherSector.job).toMatchObject({ status: 'DONE', updated: 0, skipped: 1 });
    // Each refusal names its column, as a bad cell does.
    expect((await problemsOf(api, provider.accessToken, otherSector.job?.id as string))[0]).toMatchObject({ column: 'settori_ateco', reason: { it: expect.stringMatching(/^settori_ateco: /) } });
    const otherCategory = await upload(api, provider.accessToken, csvOf([{ ...held, categorie: 'SHIPPING_LOGISTICS' }]), 'ROW_BY_ROW');
    expect((await problemsOf(api, provider.accessToken, otherCategory.job?.id as string))[0]).toMatchObject({ column: 'categorie', reason: { it: expect.stringMatching(/^categorie: /) } });
  });

  it('skips a row that a change made while the file is written refuses (shops took the places the row would remove), undoing only that row; the other rows are written', async () => {
    const provider = await approvedProvider(api, staff);
    const rows = [anOfferRow({ codice_esterno: 'RACE-1', capacita: '2', comuni: '001272', province: '', settori_ateco: 'C', pubblica: 'sì' }), anOfferRow({ codice_esterno: 'RACE-2', capacita: '5' })];
    expect((await upload(api, provider.accessToken, csvOf(rows), 'ROW_BY_ROW')).job).toMatchObject({ created: 2 });
    const db = api.app.get(DataSource);
    const [{ id }] = await db.query(`SELECT id FROM offer WHERE provider_id = $1 AND external_key = 'RACE-1'`, [provider.providerId]);
    // Two shops apply to the offer between the row's check (no place taken: 1 is enough) and its write.
    const shops = [await shopIn(api, '001272'), await shopIn(api, '001272')];
    const requests = await Promise.all(shops.map((shop) => askFor(api, shop)));
    const offers = api.app.get(OfferService);
    const update = offers.update.bind(offers);
    const spy = jest.spyOn(offers, 'update').mockImplementation(async (ctx, input) => {
      if (input.id === id) for (const [i, shop] of shops.entries()) await applyTo(api, shop, requests[i], id);
      return update(ctx, input);
    });
    try {
      const changed = [{ ...rows[0], capacita: '1', titolo: 'Un titolo nuovo' }, { ...rows[1], titolo: 'Un altro titolo nuovo' }];
      const written = await upload(api, provider.accessToken, csvOf(changed), 'ROW_BY_ROW');
      expect(written.job).toMatchObject({ status: 'DONE', updated: 1, skipped: 1, written: true });
      const [problem] = await problemsOf(api, provider.accessToken, written.job?.id as string);
      expect(problem).toMatchObject({ line: 2, outcome: 'SKIPPED', column: 'capacita', reason: { it: expect.stringContaining('2') } });
    } finally {
      spy.mockRestore();
    }
    const offersNow: { external_key: string; title: string; capacity: number; used: number }[] = await db.query(
      `SELECT external_key, title, capacity, used FROM offer WHERE provider_id = $1 ORDER BY external_key`,
      [provider.providerId],
    );
    expect(offersNow).toEqual([
      { external_key: 'RACE-1', title: rows[0].titolo, capacity: 2, used: 2 },
      { external_key: 'RACE-2', title: 'Un altro titolo nuovo', capacity: 5, used: 0 },
    ]);
  });

  it('row by row: good rows written, bad ones reported; a second upload of the same file changes nothing; a changed row updates its offer', async () => {
    const provider = await approvedProvider(api, staff);
    const rows = [
      anOfferRow({ codice_esterno: 'R-1', comuni: '001272', province: '', pubblica: 'sì' }),
      anOfferRow({ codice_esterno: 'R-2', titolo: 'X' }),
      anOfferRow({ codice_esterno: 'R-3', nazionale: 'sì', comuni: '', province: '' }),
    ];
    const first = await upload(api, provider.accessToken, csvOf(rows, { separator: ',', bom: false }), 'ROW_BY_ROW');
    expect(first.job).toMatchObject({ status: 'DONE', separator: ',', created: 2, invalid: 1, written: true });
    expect(first.events.map((event) => event.type)).toEqual(['started', 'progress', 'finished']);
    expect(await offerCount(provider)).toBe(2);

    const again = await upload(api, provider.accessToken, csvOf(rows, { separator: ',', bom: false }), 'ROW_BY_ROW');
    expect(again.job).toMatchObject({ created: 0, updated: 0, unchanged: 2, invalid: 1 });

    rows[0] = { ...rows[0], capacita: '80', titolo: 'Vetrina online gratuita, nuova edizione' };
    const changed = await upload(api, provider.accessToken, csvOf(rows), 'ROW_BY_ROW');
    expect(changed.job).toMatchObject({ created: 0, updated: 1, unchanged: 1, invalid: 1 });
    const report = await api.http().get(`/imports/jobs/${changed.job?.id}/report.csv`).set('authorization', `Bearer ${provider.accessToken}`).buffer(true);
    const lines = parse(report.text.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(lines[0]).toEqual(['riga', 'codice_esterno', 'esito', 'identificativo', 'colonna', 'motivo']);
    expect(lines.slice(1).map((line) => [line[0], line[1], line[2]])).toEqual([
      ['2', 'R-1', 'aggiornata'],
      ['3', 'R-2', 'rifiutata'],
      ['4', 'R-3', 'invariata'],
    ]);
    // In English on request; a check of the same file says what it would do, not what it did.
    const english = await api.http().get(`/imports/jobs/${changed.job?.id}/report.csv?lang=en`).set('authorization', `Bearer ${provider.accessToken}`).buffer(true);
    expect(english.headers['content-disposition']).toMatch(/filename="import-report-offers-\d{4}-\d{2}-\d{2}\.csv"/);
    const inEnglish = parse(english.text.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(inEnglish.slice(1).map((line) => [line[2], line[5].length > 0])).toEqual([
      ['updated', false],
      ['refused', true],
      ['unchanged', false],
    ]);
    expect(inEnglish[2][5]).toBe("titolo must have at least 5 characters");
    rows[0] = { ...rows[0], capacita: '85' };
    const checked = await upload(api, provider.accessToken, csvOf(rows), 'DRY_RUN');
    const dry = await api.http().get(`/imports/jobs/${checked.job?.id}/report.csv`).set('authorization', `Bearer ${provider.accessToken}`).buffer(true);
    expect((parse(dry.text.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][]).slice(1).map((line) => line[2])).toEqual(['da aggiornare', 'rifiutata', 'invariata']);

    const offer = dataOf(await api.gqlAs(provider.accessToken, OfferByIdDocument, { id: lines[1][3] })).offer;
    expect(offer).toMatchObject({ title: 'Vetrina online gratuita, nuova edizione', capacity: 80, status: 'PUBLISHED' });
    expect(offer.coverage.comuni.map((c) => c.code)).toEqual(['001272']);

    // A closed offer keeps its content: the row is skipped with the API's reason.
    member(dataOf(await api.gqlAs(provider.accessToken, CloseOfferDocument, { id: offer.id })).closeOffer, 'Offer');
    rows[0] = { ...rows[0], capacita: '90' };
    const closed = await upload(api, provider.accessToken, csvOf(rows), 'ROW_BY_ROW');
    expect(closed.job).toMatchObject({ updated: 0, skipped: 1 });
    expect((await problemsOf(api, provider.accessToken, closed.job?.id ?? ''))[0]).toMatchObject({ line: 2, outcome: 'SKIPPED', reason: { it: expect.stringContaining('chiusa') } });
  });

  it('follows the publication rules: a suspended organisation’s rows asking to publish are skipped with the API’s reason, drafts still imported', async () => {
    const provider = await approvedProvider(api, staff);
    const suspended = dataOf(
      await api.gqlAs(staff.accessToken, VerifyProviderDocument, { input: { providerId: provider.providerId, decision: 'SUSPENDED', reason: 'Condizioni a pagamento segnalate da più negozi' } }),
    ).verifyProvider;
    expect(suspended).toMatchObject({ verificationStatus: 'SUSPENDED' });
    const file = csvOf([anOfferRow({ codice_esterno: 'PUB-1', pubblica: 'sì' }), anOfferRow({ codice_esterno: 'DRAFT-1', pubblica: 'no' })]);
    const { job } = await upload(api, provider.accessToken, file, 'ROW_BY_ROW');
    expect(job).toMatchObject({ created: 1, skipped: 1 });
    expect(await problemsOf(api, provider.accessToken, job?.id ?? '')).toEqual([
      expect.objectContaining({ line: 2, outcome: 'SKIPPED', column: 'pubblica', reason: expect.objectContaining({ it: expect.stringContaining('sospesa') }) }),
    ]);
    expect(await offerCount(provider)).toBe(1);
  });

  it('publishes nothing for an account whose e-mail address is not verified: such rows are skipped with the API’s reason, drafts still imported', async () => {
    const owner = await signUp(api, 'PROVIDER', { verified: false });
    const provider = member(dataOf(await api.gqlAs(owner.accessToken, RegisterProviderDocument, { input: aProviderInput() })).registerProvider, 'Provider');
    member(dataOf(await api.gqlAs(staff.accessToken, VerifyProviderDocument, { input: { providerId: provider.id, decision: 'APPROVED' } })).verifyProvider, 'Provider');
    const file = csvOf([anOfferRow({ codice_esterno: 'PUB-1', pubblica: 'sì' }), anOfferRow({ codice_esterno: 'DRAFT-1', pubblica: 'no' })]);
    const { job } = await upload(api, owner.accessToken, file, 'ROW_BY_ROW');
    expect(job).toMatchObject({ created: 1, skipped: 1 });
    expect(await problemsOf(api, owner.accessToken, job?.id ?? '')).toEqual([
      expect.objectContaining({ line: 2, outcome: 'SKIPPED', column: 'pubblica', reason: expect.objectContaining({ it: expect.stringContaining(owner.email) }) }),
    ]);
    expect(dataOf(await api.gqlAs(owner.accessToken, MyOffersDocument, { first: 10 })).myOffers.totalCount).toBe(1);
    expect(dataOf(await api.gqlAs(owner.accessToken, MyOffersDocument, { filter: { status: 'PUBLISHED' }, first: 10 })).myOffers.totalCount).toBe(0);
  });

  it('refuses what is not a CSV file with an Italian message, before any job', async () => {
    const provider = await approvedProvider(api, staff);
    const refusal = async (file: Buffer, name = 'offerte.csv') => {
      const { status, body } = await upload(api, provider.accessToken, file, 'DRY_RUN', { name });
      return [status, body.reason, body.messageIt];
    };
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), Buffer.alloc(2000, 7)]);
    expect(await refusal(xlsx, 'offerte.csv')).toEqual([400, 'SPREADSHEET', expect.stringContaining('CSV UTF-8')]);
    expect(await refusal(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x0a]))).toEqual([400, 'BINARY', expect.stringContaining('non è un file CSV')]);
    expect(await refusal(Buffer.from('nome;cognome\nMario;Rossi\n'))).toEqual([400, 'HEADER_MISSING', expect.stringContaining('«codice_esterno»')]);
    expect(await refusal(Buffer.from('solo una colonna\n'))).toEqual([400, 'NO_SEPARATOR', expect.stringContaining('«;» o «,»')]);
    expect(await refusal(Buffer.alloc(0))).toEqual([400, 'EMPTY', expect.stringContaining('vuoto')]);
    const latin1 = Buffer.concat([csvOf([anOfferRow()], { bom: false }).subarray(0, -2), Buffer.from(' caff\xe8\r\n', 'latin1')]);
    expect(await refusal(latin1)).toEqual([400, 'NOT_UTF8', expect.stringContaining('La riga 2 non è testo UTF-8')]);
    expect(await offerCount(provider)).toBe(0);
  });

  it('is for providers, each seeing only its own imports', async () => {
    const provider: ProviderAccount = await approvedProvider(api, staff);
    const other = await approvedProvider(api, staff);
    const shop = await signUp(api, 'SHOP');
    const file = csvOf([anOfferRow({ codice_esterno: 'MINE-1' })]);
    const asShop = await upload(api, shop.accessToken, file, 'DRY_RUN');
    expect([asShop.status, asShop.body.code]).toEqual([403, 'FORBIDDEN']);
    const unsigned = await api.http().post('/imports/offers?mode=DRY_RUN').attach('file', file, 'offerte.csv');
    expect(unsigned.status).toBe(401);
    const { job } = await upload(api, provider.accessToken, file, 'ROW_BY_ROW');
    const peek = await api.http().get(`/imports/jobs/${job?.id}`).set('authorization', `Bearer ${other.accessToken}`);
    expect([peek.status, peek.body.reason]).toEqual([404, 'JOB_NOT_FOUND']);
    // The same key in another provider's file is another offer.
    const theirs = await upload(api, other.accessToken, file, 'ROW_BY_ROW');
    expect(theirs.job).toMatchObject({ created: 1 });
  });
});
