import { AuditService, RequestContext, TransactionalConnection, UserRole } from '@vec/core';
import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditTrailDocument } from './gql/generated';
import { signUp, staffUser } from './testing/fixtures';
import { dataOf, startTestApp, TestApp } from './testing/test-app';

describe('The audit trail for ministry staff: keyset pages and the CSV export', () => {
  let api: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  /** Events about one new object of a type of the test's own, recorded through the audit service as features do. */
  async function recordEvents(count: number, entityId: string = randomUUID()): Promise<string> {
    const connection = api.app.get(TransactionalConnection);
    const audit = api.app.get(AuditService);
    for (let i = 0; i < count; i++) {
      await connection.withTransaction(RequestContext.system(new Date(Date.UTC(2026, 2, 1, 9, i))), (tx) =>
        audit.record(tx, { action: `test_object.step_${String.fromCharCode(97 + i)}`, entityType: 'test_object', entityId, after: { step: i } }),
      );
    }
    return entityId;
  }

  it('pages an entity’s history newest first by keyset, each event once', async () => {
    const staff = await staffUser(api);
    const entityId = await recordEvents(5);
    const filter = { entityType: 'test_object', entityId };
    const first = dataOf(await api.gqlAs(staff.accessToken, AuditTrailDocument, { filter, first: 2 })).auditEvents;
    expect(first).toMatchObject({ totalCount: 5, hasNextPage: true });
    const second = dataOf(await api.gqlAs(staff.accessToken, AuditTrailDocument, { filter, first: 2, after: first.endCursor })).auditEvents;
    const third = dataOf(await api.gqlAs(staff.accessToken, AuditTrailDocument, { filter, first: 2, after: second.endCursor })).auditEvents;
    expect(third.hasNextPage).toBe(false);
    expect([...first.items, ...second.items, ...third.items].map((e) => e.action)).toEqual(['e', 'd', 'c', 'b', 'a'].map((s) => `test_object.step_${s}`));
  });

  it('filters by actor e-mail, action prefix and time range', async () => {
    const staff = await staffUser(api);
    const entityId = await recordEvents(4);
    const inRange = await api.gqlAs(staff.accessToken, AuditTrailDocument, {
      filter: { entityId, action: 'test_object.', from: '2026-03-01T09:01:00Z', to: '2026-03-01T09:03:00Z' },
      first: 10,
    });
    expect(dataOf(inRange).auditEvents.items.map((e) => e.action)).toEqual(['test_object.step_c', 'test_object.step_b']);
    const shop = await signUp(api, 'SHOP');
    const byActor = dataOf(await api.gqlAs(staff.accessToken, AuditTrailDocument, { filter: { actorEmail: shop.email.toUpperCase() }, first: 10 })).auditEvents;
    // Newest first: the address confirmed from the sign-up e-mail, then the sign-up.
    expect(byActor.items).toEqual([
      expect.objectContaining({ action: 'user.email_verified', entityId: shop.userId, actorEmail: shop.email }),
      expect.objectContaining({ action: 'user.registered', entityId: shop.userId, actorEmail: shop.email }),
    ]);
  });

  it('refuses a cursor that is not one, naming it', async () => {
    const staff = await staffUser(api);
    // Not a number, or one past the ids' bigint (which the database would refuse with an error of its own).
    for (const after of ['abc', '9223372036854775808', '99999999999999999999']) {
      const { errors } = await api.gqlAs(staff.accessToken, AuditTrailDocument, { filter: {}, first: 5, after });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'after' })] });
    }
  });

  it('exports the filtered log as CSV with Italian headers and formulas neutralised', async () => {
    const staff = await staffUser(api, UserRole.ADMIN);
    const entityId = await recordEvents(2, `=HYPERLINK("http://evil.example/${randomUUID().slice(0, 8)}")`);
    const response = await api
      .http()
      .get('/audit/events.csv')
      .query({ entityType: 'test_object', entityId })
      .set('authorization', `Bearer ${staff.accessToken}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const rows: string[][] = parse(response.text.replace(/^\uFEFF/, ''), { delimiter: ';' });
    expect(rows[0]).toEqual([
      'Numero evento',
      'Data e ora',
      'Azione',
      'Azione in parole',
      'Tipo di oggetto',
      'Identificativo oggetto',
      'E-mail autore',
      'Ruolo autore',
      'Identificativo autore',
      'Per conto dell’attività (id)',
      'Per conto dell’attività',
      'Richiesta API',
      'Prima',
      'Dopo',
    ]);
    expect(rows.slice(1).map((row) => [row[2], row[3], row[5], JSON.parse(row[13])])).toEqual([
      ['test_object.step_b', 'Altra modifica (test_object.step_b)', `'${entityId}`, { step: 1 }],
      ['test_object.step_a', 'Altra modifica (test_object.step_a)', `'${entityId}`, { step: 0 }],
    ]);
    const english = await api.http().get('/audit/events.csv').query({ entityId, lang: 'en' }).set('authorization', `Bearer ${staff.accessToken}`);
    expect(english.text.split('\n')[0]).toContain('Event number;Time;Action;Action in words');
    expect(english.text).toContain('Other change (test_object.step_b)');
    // Each download is recorded: who, which file, with which filter.
    const downloads = await db.query(`SELECT actor_user_id, after FROM audit_event WHERE action = 'export.downloaded' AND actor_user_id = $1 ORDER BY id`, [staff.userId]);
    expect(downloads).toEqual([
      { actor_user_id: staff.userId, after: { file: 'audit/events.csv', filter: { entityType: 'test_object', entityId }, lang: 'it' } },
      { actor_user_id: staff.userId, after: { file: 'audit/events.csv', filter: { entityId }, lang: 'en' } },
    ]);
    // A download searching by an address keeps the account it named, not the address (which would outlive the account's erasure).
    const byAddress = await api.http().get('/audit/events.csv').query({ actorEmail: staff.email.toUpperCase() }).set('authorization', `Bearer ${staff.accessToken}`);
    expect(byAddress.status).toBe(200);
    const nobody = await api.http().get('/audit/events.csv').query({ actorEmail: 'nessuno@example.it' }).set('authorization', `Bearer ${staff.accessToken}`);
    expect(nobody.status).toBe(200);
    const recorded = await db.query(`SELECT after FROM audit_event WHERE action = 'export.downloaded' AND actor_user_id = $1 ORDER BY id DESC LIMIT 2`, [staff.userId]);
    expect(recorded.map((row: { after: unknown }) => row.after)).toEqual([
      { file: 'audit/events.csv', filter: { actorUserId: null }, lang: 'it' },
      { file: 'audit/events.csv', filter: { actorUserId: staff.userId }, lang: 'it' },
    ]);
    expect(JSON.stringify(recorded)).not.toContain('@');
    const shops = await api.http().get('/exports/shops.csv').query({ regionCode: '01' }).set('authorization', `Bearer ${staff.accessToken}`);
    expect(shops.status).toBe(200);
    const [last] = await db.query(`SELECT entity_id, after FROM audit_event WHERE action = 'export.downloaded' AND actor_user_id = $1 ORDER BY id DESC LIMIT 1`, [staff.userId]);
    expect(last).toEqual({ entity_id: 'shops.csv', after: { file: 'shops.csv', filter: { regionCode: '01' }, lang: 'it' } });
  });

  it('refuses the export to shops and providers, and a bad filter naming the parameter', async () => {
    for (const caller of [await signUp(api, 'SHOP'), await signUp(api, 'PROVIDER')]) {
      const response = await api.http().get('/audit/events.csv').set('authorization', `Bearer ${caller.accessToken}`);
      expect(response.status).toBe(403);
    }
    expect((await api.http().get('/audit/events.csv')).status).toBe(401);
    const staff = await staffUser(api);
    const bad = await api.http().get('/audit/events.csv').query({ action: 'NOT AN ACTION' }).set('authorization', `Bearer ${staff.accessToken}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'action' })] });
    // A parameter given twice is named as such, on every download, not refused by a rule it does not break.
    for (const path of ['/audit/events.csv?action=match.&action=offer.', '/exports/kpis.csv?regionCode=01&regionCode=02', `/personal-data/accounts/${staff.userId}.json?reason=Richiesta%20valida&reason=altra`]) {
      const twice = await api.http().get(path).set('authorization', `Bearer ${staff.accessToken}`);
      expect([path, twice.status, twice.body.fields?.[0]?.code, twice.body.fields?.[0]?.messageIt]).toEqual([path, 400, 'givenOnce', expect.stringMatching(/ compare più di una volta: indicalo una volta sola$/)]);
    }
  });
});
