import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import {
  LoginDocument,
  LogoutDocument,
  LogoutFromCookieDocument,
  MeDocument,
  MonitoringKpisDefaultDocument,
  RefreshSessionDocument,
  RenewSessionFromCookieDocument,
} from '../gql/generated';
import { signUp, staffUser, TEST_PASSWORD } from '../testing/fixtures';
import { dataOf, type GraphQLResponse, startTestApp, TestApp } from '../testing/test-app';

describe('Sessions: what an access token is worth', () => {
  let api: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  const reason = (body: GraphQLResponse<unknown>) => body.errors?.[0]?.extensions;

  it('refuses a correctly signed token without an expiry', async () => {
    const shop = await signUp(api, 'SHOP');
    const { sid } = api.app.get(JwtService).decode<{ sid: string }>(shop.accessToken);
    const forever = await api.app.get(JwtService).signAsync({ sub: shop.userId, sid }, { noTimestamp: true });
    expect(api.app.get(JwtService).decode<{ exp?: number }>(forever).exp).toBeUndefined();
    const response = await api.gqlAs(forever, MeDocument);
    expect(reason(response)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_AUTHENTICATED' });
  });

  it('refuses a token signed for another session, or for none', async () => {
    const shop = await signUp(api, 'SHOP');
    const jwt = api.app.get(JwtService);
    const otherSession = await jwt.signAsync({ sub: shop.userId, sid: '00000000-0000-4000-8000-000000000000' }, { expiresIn: 60 });
    expect(reason(await api.gqlAs(otherSession, MeDocument))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    const noSession = await jwt.signAsync({ sub: shop.userId, role: 'ADMIN' }, { expiresIn: 60 });
    expect(reason(await api.gqlAs(noSession, MeDocument))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_AUTHENTICATED' });
  });

  it('ends the access tokens of a session when it logs out, not those of another session', async () => {
    const shop = await signUp(api, 'SHOP');
    const other = dataOf(await api.gql(LoginDocument, { input: { email: shop.email, password: TEST_PASSWORD } })).login;
    expect((await api.gqlAs(shop.accessToken, MeDocument)).errors).toBeUndefined();
    expect((await api.gqlAs(shop.accessToken, LogoutDocument, { input: { refreshToken: shop.refreshToken } })).errors).toBeUndefined();
    expect(reason(await api.gqlAs(shop.accessToken, MeDocument))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    expect((await api.gqlAs(other.accessToken, MeDocument)).errors).toBeUndefined();
  });

  it('ends the session of the access token alone, for a client that kept no refresh token; a forged one ends nothing', async () => {
    const shop = await signUp(api, 'SHOP');
    const other = dataOf(await api.gql(LoginDocument, { input: { email: shop.email, password: TEST_PASSWORD } })).login;
    const forged = await api.app.get(JwtService).signAsync({ sub: shop.userId, sid: api.app.get(JwtService).decode<{ sid: string }>(other.accessToken).sid }, { expiresIn: 60, secret: 'a'.repeat(48) });
    expect(dataOf(await api.gqlAs(forged, LogoutFromCookieDocument)).logout).toBe(false);
    expect(dataOf(await api.gqlAs(shop.accessToken, LogoutFromCookieDocument)).logout).toBe(true);
    expect(reason(await api.gqlAs(shop.accessToken, MeDocument))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    // Its refresh token ended with it; the other session goes on.
    expect(reason(await api.gql(RefreshSessionDocument, { input: { refreshToken: shop.refreshToken } }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await api.gqlAs(other.accessToken, MeDocument)).errors).toBeUndefined();
  });

  it('ends every access token of an account that is disabled, at once', async () => {
    const shop = await signUp(api, 'SHOP');
    await db.query('UPDATE user_account SET disabled_at = now() WHERE id = $1', [shop.userId]);
    expect(reason(await api.gqlAs(shop.accessToken, MeDocument))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
  });

  it('takes the role from the account, on each request and on refresh', async () => {
    const staff = await staffUser(api);
    expect((await api.gqlAs(staff.accessToken, MeDocument)).data?.me.role).toBe('MINISTRY');
    await db.query("UPDATE user_account SET role = 'SHOP' WHERE id = $1", [staff.userId]);
    expect(reason(await api.gqlAs(staff.accessToken, MonitoringKpisDefaultDocument))).toMatchObject({ code: 'FORBIDDEN' });
    const refreshed = await api.gql(RefreshSessionDocument, { input: { refreshToken: staff.refreshToken } });
    expect(refreshed.data?.refreshSession.user.role).toBe('SHOP');
  });
});

describe('Sessions of browsers: the refresh token in an HttpOnly cookie', () => {
  let api: TestApp;
  let production: TestApp;
  // Passport keeps one 'jwt' strategy per process: both apps sign with the same key.
  const JWT_SECRET = 'Vq3s9Kp2xZ7mW4tB8nR1cF6hJ0yL5dG-aE_uO2iT9rS3wQ7';
  beforeAll(async () => {
    api = await startTestApp({ env: { JWT_SECRET } });
    production = await startTestApp({ env: { NODE_ENV: 'production', JWT_SECRET, SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'noreply@vicini.example', APP_URL: 'https://vicini.example' } });
  });
  afterAll(async () => {
    await api.close();
    await production.close();
  });

  /** The first Set-Cookie header of an answer. */
  const setCookieOf = (headers: Record<string, string | string[] | undefined>): string => {
    const cookies = headers['set-cookie'];
    if (!Array.isArray(cookies) || cookies.length === 0) throw new Error(`no Set-Cookie in ${JSON.stringify(headers)}`);
    return cookies[0];
  };
  const renew = (app: TestApp, cookie?: string) => app.gqlHttp(RenewSessionFromCookieDocument, undefined, cookie ? { cookie } : {});

  async function browserLogin(app: TestApp): Promise<{ cookie: string; setCookie: string; accessToken: string; refreshToken: string | null }> {
    const shop = await signUp(app, 'SHOP');
    const response = await app.gqlHttp(LoginDocument, { input: { email: shop.email, password: TEST_PASSWORD, refreshTokenInCookie: true } });
    const setCookie = setCookieOf(response.headers);
    const { accessToken, refreshToken } = dataOf(response.body).login;
    return { cookie: setCookie.split(';')[0], setCookie, accessToken, refreshToken };
  }

  it('sets the cookie HttpOnly, SameSite=Strict, for /graphql only, and leaves the token out of the answer', async () => {
    const session = await browserLogin(api);
    expect(session.refreshToken).toBeNull();
    expect(session.setCookie).toMatch(/^vec_refresh=[0-9a-f-]{36}\.[\w-]+; Path=\/graphql; HttpOnly; SameSite=Strict$/);
  });

  it('is Secure, with the __Secure- prefix, in production', async () => {
    const session = await browserLogin(production);
    expect(session.setCookie).toMatch(/^__Secure-vec_refresh=\S+; Path=\/graphql; HttpOnly; Secure; SameSite=Strict$/);
  });

  it('renews from the cookie alone, rotating it; the old cookie presented again ends the session', async () => {
    const session = await browserLogin(api);
    const renewed = await renew(api, session.cookie);
    expect(renewed.body.data?.refreshSession).toMatchObject({ accessToken: expect.any(String), refreshToken: null });
    const next = setCookieOf(renewed.headers).split(';')[0];
    expect(next).not.toBe(session.cookie);
    const replayed = await renew(api, session.cookie);
    expect(replayed.body.errors?.[0].extensions).toMatchObject({ reason: 'REFRESH_TOKEN_REUSED' });
    expect(setCookieOf(replayed.headers)).toMatch(/^vec_refresh=; Path=\/graphql; Expires=Thu, 01 Jan 1970/);
    const stolen = await renew(api, next);
    expect(stolen.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('logs out from the cookie, clearing it, even with no access token', async () => {
    const session = await browserLogin(api);
    const out = await api.gqlHttp(LogoutFromCookieDocument, undefined, { cookie: session.cookie });
    expect(out.body.data?.logout).toBe(true);
    expect(setCookieOf(out.headers)).toMatch(/^vec_refresh=; Path=\/graphql; Expires=Thu, 01 Jan 1970/);
    expect((await api.gqlAs(session.accessToken, MeDocument)).errors?.[0].extensions).toMatchObject({ reason: 'SESSION_ENDED' });
    const again = await renew(api, session.cookie);
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('renews nothing without a cookie', async () => {
    const response = await renew(api);
    expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_REFRESH_TOKEN' });
  });
});
