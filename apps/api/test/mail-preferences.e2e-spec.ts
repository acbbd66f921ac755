import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PRIVACY_NOTICE_VERSION } from '@vec/core';
import { MailSettings } from '@vec/core/mail/mail-settings';
import { MyMailPreferencesDocument, OutgoingMailDocument, RegisterDocument, ResendMailDocument, SetMailPreferenceDocument, UnsubscribeByLinkDocument } from './gql/generated';
import { staffUser } from './testing/fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

describe('E-mail preferences, one-click unsubscribe and the outgoing mail over HTTP', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  async function shop(): Promise<{ accessToken: string; id: string }> {
    const session = member(
      dataOf(await api.gql(RegisterDocument, { input: { email: `shop-${randomUUID()}@example.it`, password: 'una-password-lunga-abbastanza', role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).register,
      'AuthPayload',
    );
    return { accessToken: session.accessToken, id: session.user.id };
  }
  const deliveryOf = async (userId: string, kind: string): Promise<string | undefined> =>
    (await api.app.get(DataSource).query('SELECT delivery FROM mail_preference WHERE user_id = $1 AND kind = $2', [userId, kind]))[0]?.delivery;
  const tokenFor = (userId: string, kind: string): string => decodeURIComponent(api.app.get(MailSettings).unsubscribeUrl(userId, kind).split('token=')[1]);

  it('lets a signed-in person choose per kind, and refuses to adjust a kind that is always sent', async () => {
    const { accessToken, id } = await shop();
    const set = await api.gqlAs(accessToken, SetMailPreferenceDocument, { input: { kind: 'SURVEY_DUE', delivery: 'DAILY_DIGEST' } });
    expect(set.data?.setMailPreference).toEqual({ __typename: 'MailPreference', kind: 'SURVEY_DUE', delivery: 'DAILY_DIGEST' });
    const mine = (await api.gqlAs(accessToken, MyMailPreferencesDocument)).data?.myMailPreferences ?? [];
    expect(mine).toContainEqual({ kind: 'SURVEY_DUE', delivery: 'DAILY_DIGEST', adjustable: true });
    expect(mine).toContainEqual({ kind: 'MATCH_ACCEPTED', delivery: 'IMMEDIATELY', adjustable: true });
    expect(mine).toContainEqual({ kind: 'DAILY_DIGEST', delivery: 'IMMEDIATELY', adjustable: false });

    const refused = await api.gqlAs(accessToken, SetMailPreferenceDocument, { input: { kind: 'PROVIDER_SUSPENDED', delivery: 'OFF' } });
    expect(refused.data?.setMailPreference).toMatchObject({ __typename: 'MailKindNotAdjustableError', code: 'MAIL_KIND_NOT_ADJUSTABLE', field: 'input.kind' });
    expect(await deliveryOf(id, 'PROVIDER_SUSPENDED')).toBeUndefined();
    const anonymous = await api.gql(MyMailPreferencesDocument);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('turns a kind off on the POST a mail client sends to the List-Unsubscribe link (RFC 8058), without login', async () => {
    const { id } = await shop();
    const token = tokenFor(id, 'MATCH_ACCEPTED');
    const forged = await api.http().post(`/disiscrizione?token=${encodeURIComponent(token.replace('MATCH_ACCEPTED', 'MATCH_EXPIRED'))}`).type('form').send('List-Unsubscribe=One-Click');
    expect(forged.status).toBe(400);
    expect(await deliveryOf(id, 'MATCH_EXPIRED')).toBeUndefined();

    const oneClick = await api.http().post(`/disiscrizione?token=${encodeURIComponent(token)}`).type('form').send('List-Unsubscribe=One-Click');
    expect(oneClick.status).toBe(200);
    expect(await deliveryOf(id, 'MATCH_ACCEPTED')).toBe('OFF');
  });

  it('turns a kind off from the web app’s confirmation page (a public mutation), and names a bad link as such', async () => {
    const { id } = await shop();
    const done = await api.gql(UnsubscribeByLinkDocument, { input: { token: tokenFor(id, 'ALLOCATION_SHOP') } });
    expect(done.data?.unsubscribeByLink).toEqual({ __typename: 'Unsubscribed', kind: 'ALLOCATION_SHOP' });
    expect(await deliveryOf(id, 'ALLOCATION_SHOP')).toBe('OFF');
    const bad = await api.gql(UnsubscribeByLinkDocument, { input: { token: `${id}.ALLOCATION_SHOP.${'x'.repeat(43)}` } });
    expect(bad.data?.unsubscribeByLink).toEqual({ __typename: 'InvalidUnsubscribeLinkError', code: 'INVALID_UNSUBSCRIBE_LINK', field: 'input.token' });
  });

  it('shows staff the outgoing mail by status without bodies, and resends a failed one once; others are refused', async () => {
    const dataSource = api.app.get(DataSource);
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO mail_message (id, idempotency_key, recipient, kind, language, subject, text, html, status, attempts, last_error, message_id, sending_started_at, created_at, updated_at)
       VALUES ($1, $2, 'rifiutata@example.it', 'MATCH_ACCEPTED', 'it', 'Oggetto', 'Testo', '<p>Testo</p>', 'FAILED', 1, '550 5.1.1 No such user', $3, now(), now(), now())`,
      [id, `e2e:${id}`, `<${id}@vicini.test>`],
    );
    const staff = await staffUser(api);
    const failed = (await api.gqlAs(staff.accessToken, OutgoingMailDocument, { status: 'FAILED', first: 100, offset: 0 })).data?.outgoingMail;
    expect(failed?.items).toContainEqual({ id, kind: 'MATCH_ACCEPTED', recipient: 'rifiutata@example.it', status: 'FAILED', attempts: 1, failure: '550 5.1.1 No such user', resendable: true });
    expect(failed?.items.every((m) => m.status === 'FAILED')).toBe(true);

    const resent = await api.gqlAs(staff.accessToken, ResendMailDocument, { input: { id } });
    expect(resent.data?.resendMail).toMatchObject({ __typename: 'OutgoingMail', status: 'QUEUED' });
    const again = await api.gqlAs(staff.accessToken, ResendMailDocument, { input: { id } });
    expect(again.data?.resendMail).toMatchObject({ __typename: 'MailNotResendableError', code: 'MAIL_NOT_RESENDABLE', field: 'input.id' });

    const { accessToken } = await shop();
    expect((await api.gqlAs(accessToken, OutgoingMailDocument, { first: 10, offset: 0 })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.gqlAs(accessToken, ResendMailDocument, { input: { id } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
