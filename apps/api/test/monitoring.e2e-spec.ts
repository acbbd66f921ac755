import { SERVICE_CATEGORY_LABELS } from '@vec/core/messages/service-categories';
import { MatchState } from '@vec/core/match/match.types';
import { seedMonitoringFixture } from '@vec/core/testing/monitoring-fixture';
import { ServiceCategory } from '@vec/matching';
import { DataSource } from 'typeorm';
import { SignedIn, signUp, staffUser } from './testing/fixtures';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  CapacityByOfferDefaultDocument,
  CapacityByProviderDefaultDocument,
  MonitoringBreakdownByRegionDocument,
  MonitoringBundlesDefaultDocument,
  MonitoringKpisDefaultDocument,
  MonitoringKpisDocument,
  type MonitoringFilterInput,
  MonitoringTimeSeriesDefaultDocument,
  PublicFiguresDocument,
  UnmetDemandDefaultDocument,
} from './gql/generated';
import { startTestApp, TestApp } from './testing/test-app';

/** Every monitoring query, each with its defaults: none takes variables. */
const QUERIES: [string, TypedDocumentNode<unknown, Record<string, never>>][] = [
  ['monitoringKpis', MonitoringKpisDefaultDocument],
  ['monitoringBreakdown', MonitoringBreakdownByRegionDocument],
  ['monitoringTimeSeries', MonitoringTimeSeriesDefaultDocument],
  ['unmetDemand', UnmetDemandDefaultDocument],
  ['capacityByOffer', CapacityByOfferDefaultDocument],
  ['capacityByProvider', CapacityByProviderDefaultDocument],
  ['monitoringBundles', MonitoringBundlesDefaultDocument],
];

/** A response body as text (supertest buffers CSV as text; keep the BOM). */
const text = (body: unknown, raw: string): string => (typeof body === 'string' && body.length ? body : raw);

describe('Monitoring over GraphQL and HTTP: staff only, exports, open data (a database of their own)', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  beforeAll(async () => {
    api = await startTestApp({ ownDatabase: true });
    db = api.app.get(DataSource);
    await seedMonitoringFixture(db, new Date());
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  it('answers ministry staff', async () => {
    const { data, errors } = await api.gqlAs(staff.accessToken, MonitoringKpisDocument, { filter: {} });
    expect(errors).toBeUndefined();
    expect(data?.monitoringKpis).toMatchObject({ shopsRegistered: 8, onlineOrdersShare: 0.5 });
    for (const [name, query] of QUERIES) {
      const answer = await api.gqlAs(staff.accessToken, query);
      expect({ name, errors: answer.errors }).toEqual({ name, errors: undefined });
    }
  });

  it('refuses every monitoring query to shops, providers and anonymous callers', async () => {
    const callers = [await signUp(api, 'SHOP'), await signUp(api, 'PROVIDER')];
    for (const [name, query] of QUERIES) {
      for (const caller of callers) {
        const { data, errors } = await api.gqlAs(caller.accessToken, query);
        expect({ name, data: data ?? null, code: errors?.[0].extensions.code }).toEqual({ name, data: null, code: 'FORBIDDEN' });
      }
      const anonymous = await api.gql(query);
      expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it.each<[string, MonitoringFilterInput, string, string]>([
    ['an unknown province', { provinceCode: '999' }, 'filter.provinceCode', 'PROVINCE_NOT_FOUND'],
    ['a malformed region', { regionCode: '1' }, 'filter.regionCode', 'matches'],
    ['a province of another region', { regionCode: '01', provinceCode: '015' }, 'filter.provinceCode', 'PROVINCE_OUTSIDE_REGION'],
    ['inverted dates', { from: '2026-05-02T00:00:00Z', to: '2026-05-01T00:00:00Z' }, 'filter.to', 'isAfter'],
    ['an unknown ATECO section', { atecoSection: 'Z' }, 'filter.atecoSection', 'matches'],
  ])('refuses %s with a clear error naming the field', async (_label, filter, field, code) => {
    const { errors } = await api.gqlAs(staff.accessToken, MonitoringKpisDocument, { filter });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code })] });
  });

  it('exports CSV that spreadsheets open with accents right: BOM, semicolons, decimal comma', async () => {
    const response = await api.http().get('/exports/breakdown-region.csv').set('authorization', `Bearer ${staff.accessToken}`).buffer(true);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="vicini-e-connessi-breakdown-region-/);
    const csv = text(response.text, '');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = csv.slice(1).trim().split('\n');
    expect(header).toBe(
      'Codice;Nome;Attività registrate;Richieste;Richieste abbinate;Quota abbinate;Servizi attivi;Servizi conclusi;Quota con ordini online;Offerte;Posti offerti;Posti usati',
    );
    expect(lines.find((line) => line.startsWith('02;'))).toContain("Valle d'Aosta/Vallée d'Aoste");
    expect(lines.find((line) => line.startsWith('01;'))).toMatch(/^01;Piemonte;3;4;2;0,5;/);
    const english = await api.http().get('/exports/breakdown-region.csv?lang=en').set('authorization', `Bearer ${staff.accessToken}`).buffer(true);
    expect(text(english.text, '').slice(1).split('\n')[0]).toBe(
      'Code;Name;Registered shops;Requests;Matched requests;Match rate;Active services;Completed services;Online orders share;Offers;Places offered;Places used',
    );
    const unknownLanguage = await api.http().get('/exports/breakdown-region.csv?lang=fr').set('authorization', `Bearer ${staff.accessToken}`);
    expect(unknownLanguage.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'lang' })] });
  });

  it('runs every export listed, with and without a filter: a header row at least, and the fixture counted', async () => {
    const get = (path: string) => api.http().get(path).set('authorization', `Bearer ${staff.accessToken}`).buffer(true);
    const { exports, columns } = (await get('/exports')).body as { exports: string[]; columns: Record<string, { it: string; en: string }[]> };
    expect(exports.length).toBeGreaterThanOrEqual(15);
    for (const file of exports) {
      for (const query of ['', '?regionCode=01&category=ONLINE_STORE', '?provinceCode=001&atecoSection=G&lang=en']) {
        const response = await get(`/exports/${file}${query}`);
        const csv = text(response.text, '');
        expect([file, query, response.status, csv.charCodeAt(0)]).toEqual([file, query, 200, 0xfeff]);
        // The documented headers, in the language asked for (Italian unless lang=en).
        const headers = columns[file].map((column) => (query.includes('lang=en') ? column.en : column.it)).join(';');
        expect([file, query, csv.slice(1).split('\n')[0]]).toEqual([file, query, headers]);
      }
    }
    const rows = async (path: string): Promise<string[]> => text((await get(path)).text, '').slice(1).trim().split('\n').slice(1);
    expect(await rows('/exports/shops.csv?regionCode=01')).toHaveLength(3);
    // Each offer says whether its provider is approved: only those reach shops and the dashboard's figures.
    const offerRows = (await rows('/exports/offers.csv')).map((line) => line.split(';'));
    expect(new Set(offerRows.map((cells) => `${cells[3]} ${cells[4]}`))).toEqual(new Set(['APPROVED Approvata', 'PENDING In attesa di verifica']));
    expect((await rows('/exports/kpis.csv')).find((line) => line.startsWith('Attività registrate;shopsRegistered;'))).toBeDefined();
    expect((await rows('/exports/kpis.csv?lang=en')).find((line) => line.startsWith('Answers after 30 days;outcomes.DAY_30.answers;'))).toBeDefined();
    // Every state has its row, with 0 where no match is in it: a missing row would read as "not measured".
    const stateRows = (await rows('/exports/kpis.csv?regionCode=01')).filter((line) => line.includes(';matchesByState.'));
    expect(stateRows.map((line) => line.split(';')[1])).toEqual(Object.values(MatchState).map((state) => `matchesByState.${state}`));
    expect(stateRows.some((line) => line.endsWith(';0'))).toBe(true);
  });

  it('streams raw lists, filtered like the figures', async () => {
    const response = await api.http().get('/exports/help-requests.csv?regionCode=01').set('authorization', `Bearer ${staff.accessToken}`).buffer(true);
    expect(response.status).toBe(200);
    const [header, ...lines] = response.text.slice(1).trim().split('\n');
    expect(header.split(';')).toEqual(['Id', 'Codice servizio', 'Servizio', 'Codice stato', 'Stato', 'Descrizione', 'Creata il', 'Ritirata il', 'Id attività', 'Attività', 'Comune', 'Provincia', 'Regione']);
    expect(lines).toHaveLength(4);
    expect(lines.every((line) => line.includes(';Torino;TO;Piemonte'))).toBe(true);
    // Each code is followed by its words, in the file's language.
    const statusWords = { it: { OPEN: 'Aperta', MATCHED: 'Abbinata', FULFILLED: 'Soddisfatta', CANCELLED: 'Ritirata' }, en: { OPEN: 'Open', MATCHED: 'Matched', FULFILLED: 'Fulfilled', CANCELLED: 'Withdrawn' } };
    const english = await api.http().get('/exports/help-requests.csv?regionCode=01&lang=en').set('authorization', `Bearer ${staff.accessToken}`).buffer(true);
    for (const [language, body] of [['it', response.text], ['en', english.text]] as const) {
      for (const line of body.slice(1).trim().split('\n').slice(1)) {
        const [, category, categoryInWords, status, statusInWords] = line.split(';');
        expect([category, categoryInWords, status, statusInWords]).toEqual([category, SERVICE_CATEGORY_LABELS[category as ServiceCategory][language], status, statusWords[language][status as 'OPEN']]);
      }
    }
    // Services in a breakdown are named in the file's language too.
    for (const language of ['it', 'en'] as const) {
      const breakdown = await api.http().get(`/exports/breakdown-category.csv?lang=${language}`).set('authorization', `Bearer ${staff.accessToken}`).buffer(true);
      const names = breakdown.text.slice(1).trim().split('\n').slice(1).map((line) => line.split(';').slice(0, 2));
      expect(names.sort()).toEqual(Object.values(ServiceCategory).map((category) => [category, SERVICE_CATEGORY_LABELS[category][language]]).sort());
    }
    const empty = await api.http().get('/exports/matches.csv?provinceCode=090').set('authorization', `Bearer ${staff.accessToken}`).buffer(true);
    expect(empty.text.slice(1).trim().split('\n')).toHaveLength(1);
    // Providers as the cards count them: those with an offer reaching the place chosen.
    const providersIn = async (query: string): Promise<number> =>
      (await api.http().get(`/exports/providers.csv${query}`).set('authorization', `Bearer ${staff.accessToken}`).buffer(true)).text.slice(1).trim().split('\n').length - 1;
    const counted = async (filter: MonitoringFilterInput): Promise<number> =>
      (await api.gqlAs(staff.accessToken, MonitoringKpisDocument, { filter })).data?.monitoringKpis.providersByStatus.reduce((sum, row) => sum + row.count, 0) ?? -1;
    for (const [query, filter] of [['?provinceCode=090', { provinceCode: '090' }], ['?regionCode=01&atecoSection=C', { regionCode: '01', atecoSection: 'C' }], ['', {}]] as const) {
      expect([query, await providersIn(query)]).toEqual([query, await counted(filter)]);
    }
    expect(await providersIn('?provinceCode=090')).toBeLessThan(await providersIn(''));
  });

  it('refuses exports to others and bad filters with HTTP errors naming the field', async () => {
    const shop = await signUp(api, 'SHOP');
    expect((await api.http().get('/exports/kpis.csv')).status).toBe(401);
    expect((await api.http().get('/exports/kpis.csv').set('authorization', `Bearer ${shop.accessToken}`)).status).toBe(403);
    const bad = await api.http().get('/exports/kpis.csv?from=ieri').set('authorization', `Bearer ${staff.accessToken}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'from' })] });
    // A day that does not exist is refused, not moved to another: 31 February is not 3 March.
    for (const [query, field] of [['from=2026-02-31', 'from'], ['from=2026-02-01&to=2026-02-29T00:00:00Z', 'to']]) {
      const impossible = await api.http().get(`/exports/shops.csv?${query}`).set('authorization', `Bearer ${staff.accessToken}`);
      expect([query, impossible.status, impossible.body]).toEqual([query, 400, expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code: 'isDate' })] })]);
    }
    const unknown = await api.http().get('/exports/passwords.csv').set('authorization', `Bearer ${staff.accessToken}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'file', code: 'UNKNOWN_EXPORT' })] });
  });

  it('answers a filter the data refuses with a JSON error, not a CSV file, naming the query parameter', async () => {
    const get = (path: string) => api.http().get(path).set('authorization', `Bearer ${staff.accessToken}`);
    const cases: [string, string, string][] = [
      ['/exports/timeseries-day.csv?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from', 'TOO_MANY_BUCKETS'],
      ['/exports/shops.csv?regionCode=99', 'regionCode', 'REGION_NOT_FOUND'],
      ['/exports/breakdown-province.csv?regionCode=01&provinceCode=015', 'provinceCode', 'PROVINCE_OUTSIDE_REGION'],
    ];
    const downloads = async (): Promise<number> =>
      (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'export.downloaded' AND actor_user_id = $1`, [staff.userId]))[0].n;
    const before = await downloads();
    for (const [path, field, code] of cases) {
      const response = await get(path);
      expect([path, response.status, response.headers['content-type'], response.headers['content-disposition']]).toEqual([path, 400, 'application/json; charset=utf-8', undefined]);
      expect(response.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code })] });
      expect(response.body.fields[0].messageIt).not.toContain('filter.');
    }
    // Nothing was downloaded, so the audit trail records no download.
    expect(await downloads()).toBe(before);
    // By day, weeks are the way out; by week, only a shorter period is.
    expect((await get('/exports/timeseries-day.csv?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z')).body.fields[0].messageIt).toBe(
      'from: il periodo supera 400 giorni; accorcialo o mostralo per settimane',
    );
    expect((await get('/exports/timeseries-week.csv?from=1990-01-01T00:00:00Z&to=2026-01-01T00:00:00Z')).body.fields[0].messageIt).toBe(
      'from: il periodo supera 400 settimane (quasi 8 anni); accorcialo',
    );
  });

  it('publishes open data to anyone, as JSON and CSV, without personal data', async () => {
    const json = await api.http().get('/open-data/aggregates.json');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ licence: 'CC-BY-4.0', rows: expect.arrayContaining([expect.objectContaining({ provinceCode: '001', category: 'ONLINE_STORE', requests: 3 })]) });
    const csv = await api.http().get('/open-data/aggregates.csv').buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text.slice(1).split('\n')[0]).toMatch(/^Codice regione;Regione;Codice provincia;Provincia;Sigla;Codice servizio;Servizio;.*;Risposte a 30 giorni;Con ordini online a 30 giorni;Ordini mediani a 30 giorni;/);
    const englishCsv = await api.http().get('/open-data/aggregates.csv?lang=en').buffer(true);
    expect(englishCsv.text.slice(1).split('\n')[0]).toMatch(/^Region code;Region;Province code;/);
    for (const body of [JSON.stringify(json.body), csv.text]) {
      for (const personal of ['Negozio di prova', '@example.it', 'Via Roma', 'Fornitore di prova']) expect(body).not.toContain(personal);
      expect(body).not.toMatch(/\b\d{11}\b/); // no Partita IVA
    }
    const figures = await api.gql(PublicFiguresDocument);
    // Two survey answers, in a cell of fewer than three: the public share leaves them out, or subtracting
    // the published cells from it would give away what they said (staff still see 0.5, above).
    expect(figures.data?.publicFigures).toMatchObject({ shops: 8, completedMatches: 2, onlineOrdersShare: null });
  });
});
