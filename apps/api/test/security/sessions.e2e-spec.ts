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
