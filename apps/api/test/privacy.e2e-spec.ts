import { UserRole } from '@vec/core';
import { DataSource } from 'typeorm';
import { CreateHelpRequestDocument, DeleteMyAccountDocument, MeDocument, MyErasureBlockersDocument, RegisterShopDocument, RetentionReportDocument } from './gql/generated';
import { aShopInput, signUp, staffUser, TEST_PASSWORD } from './testing/fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

describe('Personal data over HTTP: export, erasure, retention report', () => {
  let api: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  it('downloads the signed-in person’s data as a JSON file, and only with a bearer token', async () => {
    const shop = await signUp(api, 'SHOP');
    dataOf(await api.gqlAs(shop.accessToken, RegisterShopDocument, { input: aShopInput({ tradingName: 'Forno della Piazza' }) }));
    const response = await api.http().get('/personal-data/mine.json').set('authorization', `Bearer ${shop.accessToken}`).buffer(true);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="vicini-e-connessi-dati-personali-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers['cache-control']).toBe('no-store');
    const document = JSON.parse(response.text);
    expect(document.account).toMatchObject({ id: shop.userId, email: shop.email });
    expect(document.shop).toMatchObject({ tradingName: 'Forno della Piazza' });
    expect(document.summary.it).toMatch(/^Tutti i dati/);
    const unauthenticated = await api.http().get('/personal-data/mine.json');
    expect(unauthenticated.status).toBe(401);
  });

  it('lets staff export an account with a reason, refuses without one, and refuses shops', async () => {
    const shop = await signUp(api, 'SHOP');
    const staff = await staffUser(api, UserRole.MINISTRY);
    const url = `/personal-data/accounts/${shop.userId}.json`;
    const missing = await api.http().get(url).set('authorization', `Bearer ${staff.accessToken}`);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await api.http().get(`${url}?reason=Richiesta%20PEC%20123`).set('authorization', `Bearer ${shop.accessToken}`)).status).toBe(403);
    const done = await api.http().get(`${url}?reason=Richiesta%20PEC%20123`).set('authorization', `Bearer ${staff.accessToken}`).buffer(true);
    expect(done.status).toBe(200);
    expect(JSON.parse(done.text).account).toMatchObject({ id: shop.userId });
  });

  it('deletes an account confirmed by its password once nothing is live, and its session ends at once', async () => {
    const shop = await signUp(api, 'SHOP');
    dataOf(await api.gqlAs(shop.accessToken, RegisterShopDocument, { input: aShopInput() }));
    const request = await api.gqlAs(shop.accessToken, CreateHelpRequestDocument, { input: { category: 'WEBSITE', description: 'Ci serve un sito' } });
    expect(request.errors).toBeUndefined();
    const blocked = member(dataOf(await api.gqlAs(shop.accessToken, DeleteMyAccountDocument, { input: { password: TEST_PASSWORD } })).deleteMyAccount, 'AccountErasureRefusedError');
    expect(blocked.blockers).toEqual([{ kind: 'OPEN_REQUESTS', count: 1, messageIt: '1 richieste sono ancora aperte: ritirale prima (Le mie richieste)' }]);
    expect(dataOf(await api.gqlAs(shop.accessToken, MyErasureBlockersDocument, {})).myErasureBlockers).toHaveLength(1);
    await db.query(`UPDATE help_request SET status = 'CANCELLED', cancelled_at = now() WHERE shop_id = (SELECT id FROM shop WHERE owner_user_id = $1)`, [shop.userId]);

    const wrong = dataOf(await api.gqlAs(shop.accessToken, DeleteMyAccountDocument, { input: { password: 'non-è-questa-la-password' } })).deleteMyAccount;
    expect(wrong).toEqual({ __typename: 'WrongPasswordError', code: 'WRONG_PASSWORD', field: 'input.password' });
    const erased = dataOf(await api.gqlAs(shop.accessToken, DeleteMyAccountDocument, { input: { password: TEST_PASSWORD } })).deleteMyAccount;
    expect(erased.__typename).toBe('AccountErased');
    const after = await api.gqlAs(shop.accessToken, MeDocument, {});
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows staff the retention periods and what has expired, and no one else', async () => {
    const staff = await staffUser(api, UserRole.ADMIN);
    const report = dataOf(await api.gqlAs(staff.accessToken, RetentionReportDocument, {})).retentionReport;
    expect(report.lines.map((line) => [line.kind, line.variable, line.days, line.action])).toEqual([
      ['CLOSED_REQUESTS', 'RETENTION_CLOSED_REQUEST_DAYS', 730, 'PSEUDONYMISE'],
      ['NOTIFICATIONS', 'RETENTION_NOTIFICATION_DAYS', 365, 'DELETE'],
      ['SESSIONS', 'RETENTION_SESSION_DAYS', 90, 'DELETE'],
      ['MAIL', 'RETENTION_MAIL_DAYS', 180, 'DELETE'],
      ['AUDIT_EVENTS', 'RETENTION_AUDIT_DAYS', 3650, 'DELETE'],
    ]);
    const shop = await signUp(api, 'SHOP');
    expect((await api.gqlAs(shop.accessToken, RetentionReportDocument, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
