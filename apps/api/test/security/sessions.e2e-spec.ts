import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { signUp, staffUser } from '../testing/fixtures';
import { startTestApp, TestApp } from '../testing/test-app';

const ME = '{ me { id role } }';
const LOGOUT = 'mutation ($input: RefreshSessionInput!) { logout(input: $input) }';
const REFRESH = 'mutation ($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken user { role } } }';

describe('Sessions: what an access token is worth', () => {
  let api: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  const reason = (body: { errors?: { extensions: { code: string; reason?: string } }[] }) => body.errors?.[0]?.extensions;

  it('refuses a correctly signed token without an expiry', async () => {
    const shop = await signUp(api, 'SHOP');
    const { sid } = api.app.get(JwtService).decode<{ sid: string }>(shop.accessToken);
    const forever = await api.app.get(JwtService).signAsync({ sub: shop.userId, sid }, { noTimestamp: true });
    expect(api.app.get(JwtService).decode<{ exp?: number }>(forever).exp).toBeUndefined();
    const response = await api.gqlAs(forever, ME);
    expect(reason(response)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_AUTHENTICATED' });
  });

  it('refuses a token signed for another session, or for none', async () => {
    const shop = await signUp(api, 'SHOP');
    const jwt = api.app.get(JwtService);
    const otherSession = await jwt.signAsync({ sub: shop.userId, sid: '00000000-0000-4000-8000-000000000000' }, { expiresIn: 60 });
    expect(reason(await api.gqlAs(otherSession, ME))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    const noSession = await jwt.signAsync({ sub: shop.userId, role: 'ADMIN' }, { expiresIn: 60 });
    expect(reason(await api.gqlAs(noSession, ME))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_AUTHENTICATED' });
  });

  it('ends the access tokens of a session when it logs out, not those of another session', async () => {
    const shop = await signUp(api, 'SHOP');
    const other = await api.gql<{ login: { accessToken: string } }>('mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email: shop.email, password: 'una-password-lunga-abbastanza' },
    });
    expect((await api.gqlAs(shop.accessToken, ME)).errors).toBeUndefined();
    expect((await api.gqlAs(shop.accessToken, LOGOUT, { input: { refreshToken: shop.refreshToken } })).errors).toBeUndefined();
    expect(reason(await api.gqlAs(shop.accessToken, ME))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    expect((await api.gqlAs(other.data!.login.accessToken, ME)).errors).toBeUndefined();
  });

  it('ends every access token of an account that is disabled, at once', async () => {
    const shop = await signUp(api, 'SHOP');
    await db.query('UPDATE user_account SET disabled_at = now() WHERE id = $1', [shop.userId]);
    expect(reason(await api.gqlAs(shop.accessToken, ME))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
  });

  it('takes the role from the account, on each request and on refresh', async () => {
    const staff = await staffUser(api);
    expect((await api.gqlAs<{ me: { role: string } }>(staff.accessToken, ME)).data?.me.role).toBe('MINISTRY');
    await db.query("UPDATE user_account SET role = 'SHOP' WHERE id = $1", [staff.userId]);
    expect(reason(await api.gqlAs(staff.accessToken, '{ monitoringKpis { shopsRegistered } }'))).toMatchObject({ code: 'FORBIDDEN' });
    const refreshed = await api.gql<{ refreshSession: { accessToken: string; user: { role: string } } }>(REFRESH, { input: { refreshToken: staff.refreshToken } });
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
    production = await startTestApp({ env: { NODE_ENV: 'production', JWT_SECRET } });
  });
  afterAll(async () => {
    await api.close();
    await production.close();
  });

  const LOGIN_IN_COOKIE = 'mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } } }';
  const RENEW = 'mutation { refreshSession { accessToken refreshToken } }';

  async function browserLogin(app: TestApp): Promise<{ cookie: string; setCookie: string; accessToken: string; refreshToken: unknown }> {
    const shop = await signUp(app, 'SHOP');
    const response = await app.http().post('/graphql').send({ query: LOGIN_IN_COOKIE, variables: { input: { email: shop.email, password: 'una-password-lunga-abbastanza', refreshTokenInCookie: true } } });
    const setCookie = (response.headers['set-cookie'] as unknown as string[])[0];
    return { cookie: setCookie.split(';')[0], setCookie, accessToken: response.body.data.login.accessToken, refreshToken: response.body.data.login.refreshToken };
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
    const renewed = await api.http().post('/graphql').set('cookie', session.cookie).send({ query: RENEW });
    expect(renewed.body.data.refreshSession).toMatchObject({ accessToken: expect.any(String), refreshToken: null });
    const next = (renewed.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    expect(next).not.toBe(session.cookie);
    const replayed = await api.http().post('/graphql').set('cookie', session.cookie).send({ query: RENEW });
    expect(replayed.body.errors[0].extensions).toMatchObject({ reason: 'REFRESH_TOKEN_REUSED' });
    expect((replayed.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^vec_refresh=; Path=\/graphql; Expires=Thu, 01 Jan 1970/);
    const stolen = await api.http().post('/graphql').set('cookie', next).send({ query: RENEW });
    expect(stolen.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('logs out from the cookie, clearing it, even with no access token', async () => {
    const session = await browserLogin(api);
    const out = await api.http().post('/graphql').set('cookie', session.cookie).send({ query: 'mutation { logout }' });
    expect(out.body.data.logout).toBe(true);
    expect((out.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^vec_refresh=; Path=\/graphql; Expires=Thu, 01 Jan 1970/);
    expect((await api.gqlAs(session.accessToken, ME)).errors?.[0].extensions).toMatchObject({ reason: 'SESSION_ENDED' });
    const again = await api.http().post('/graphql').set('cookie', session.cookie).send({ query: RENEW });
    expect(again.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('renews nothing without a cookie', async () => {
    const response = await api.http().post('/graphql').send({ query: RENEW });
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_REFRESH_TOKEN' });
  });
});
