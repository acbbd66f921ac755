import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { print } from 'graphql';
import { PRIVACY_NOTICE_VERSION } from '@vec/core';
import { DataSource } from 'typeorm';
import { RegisterDocument, SessionFromCookieDocument, SignInProvidersDocument, type SessionFromCookieMutation } from './gql/generated';
import { anEmail, TEST_PASSWORD } from './testing/fixtures';
import { formAction, HttpBrowser, type Landing } from './testing/http-browser';
import { aFiscalCode, startOidcTestProvider, type OidcTestProvider, type TestIdentity } from './testing/oidc-test-provider';
import { dataOf, member, startTestApp, type TestApp } from './testing/test-app';

const PROVIDER_ID = 'spid-prova';

describe('Sign-in with SPID or CIE through OpenID Connect, against a real provider on loopback', () => {
  let idp: OidcTestProvider;
  let api: TestApp;
  let base: URL;

  beforeAll(async () => {
    idp = await startOidcTestProvider();
    api = await startTestApp({ env: { OIDC_PROVIDERS: idp.providersSetting(PROVIDER_ID, 'spid') } });
    await api.app.listen(0, '127.0.0.1');
    base = new URL(`http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`);
    await idp.configure([new URL(`/auth/oidc/${PROVIDER_ID}/callback`, base).href]);
  });
  afterAll(async () => {
    await api?.close();
    await idp?.close();
  });

  const anIdentity = (overrides: Partial<TestIdentity> = {}): TestIdentity => ({
    subject: `spid-${randomUUID()}`,
    fiscalCode: aFiscalCode(),
    givenName: 'Maria',
    familyName: 'Rossi',
    email: anEmail('spid'),
    emailVerified: true,
    ...overrides,
  });

  const isWebApp = (url: URL): boolean => url.origin === base.origin && url.pathname.startsWith('/accedi');
  const isCallback = (url: URL): boolean => url.origin === base.origin && url.pathname.endsWith('/callback');

  /**
   * From "Entra con SPID" to the provider's login form: the web app's button names the privacy
   * notice it shows beside it, and the browser says the click came from the platform's own page.
   */
  async function startSignIn(browser: HttpBrowser, notice: string | null = PRIVACY_NOTICE_VERSION, site = 'same-origin'): Promise<Landing> {
    const login = new URL(`/auth/oidc/${PROVIDER_ID}/login`, base);
    if (notice !== null) login.searchParams.set('informativa', notice);
    const page = await browser.follow(login, isWebApp, { headers: { 'sec-fetch-site': site } });
    expect(page.url.origin).toBe(idp.issuer);
    return page;
  }

  /** Logs in at the provider and consents; stops where the provider sends the browser back to the API. */
  async function atProvider(browser: HttpBrowser, subject: string, notice?: string | null, site?: string): Promise<URL> {
    const loginPage = await startSignIn(browser, notice, site);
    const consentPage = await browser.follow(formAction(loginPage, 'login'), isCallback, { form: { prompt: 'login', login: subject, password: 'qualsiasi' } });
    const back = await browser.follow(formAction(consentPage, 'consent'), isCallback, { form: { prompt: 'consent' } });
    expect(isCallback(back.url)).toBe(true);
    return back.url;
  }

  /** The whole journey: where the browser lands in the web app. */
  async function signIn(browser: HttpBrowser, identity: TestIdentity, notice?: string | null, site?: string): Promise<URL> {
    const callback = await atProvider(browser, identity.subject, notice, site);
    return (await browser.follow(callback, isWebApp)).url;
  }

  /** What the web app does on landing: exchange the session cookie for an access token. */
  async function sessionOf(browser: HttpBrowser): Promise<SessionFromCookieMutation['refreshSession'] | null> {
    const response = await browser.request(new URL('/graphql', base), { json: { query: print(SessionFromCookieDocument) } });
    const body = (await response.json()) as { data?: SessionFromCookieMutation | null };
    return body.data?.refreshSession ?? null;
  }

  const linksOf = (userId: string): Promise<{ provider_id: string; subject: string; fiscal_code: string }[]> =>
    api.app.get(DataSource).query('SELECT provider_id, subject, fiscal_code FROM identity_link WHERE user_id = $1', [userId]);
  const auditOf = (userId: string): Promise<{ action: string; after: Record<string, unknown> }[]> =>
    api.app.get(DataSource).query('SELECT action, after FROM audit_event WHERE entity_id = $1 ORDER BY id', [userId]);

  it('lists the configured provider for the web app', async () => {
    expect(dataOf(await api.gql(SignInProvidersDocument)).signInProviders).toEqual([
      { id: PROVIDER_ID, kind: 'SPID', name: 'SPID di prova', loginPath: `/auth/oidc/${PROVIDER_ID}/login` },
    ]);
  });

  it('publishes the public half of the platform’s key for the provider to check its signatures', async () => {
    const response = await fetch(new URL('/auth/oidc/jwks.json', base));
    const { d, ...publicHalf } = idp.clientKey;
    expect(d).toEqual(expect.any(String));
    expect(await response.json()).toEqual({ keys: [{ ...publicHalf, use: 'sig' }] });
  });

  it('sends the provider a signed request object with PKCE (S256), state and nonce', async () => {
    const browser = new HttpBrowser();
    const response = await browser.request(new URL(`/auth/oidc/${PROVIDER_ID}/login`, base));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin).toBe(idp.issuer);
    expect([...location.searchParams.keys()].sort()).toEqual(['client_id', 'request']);
    const [header, payload] = (location.searchParams.get('request') ?? '').split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>);
    expect(header.alg).toBe('ES256');
    expect(payload).toMatchObject({ client_id: idp.clientId, response_type: 'code', code_challenge_method: 'S256', acr_values: 'https://www.spid.gov.it/SpidL2', prompt: 'consent login' });
    expect(payload.state).toEqual(expect.any(String));
    expect(payload.nonce).toEqual(expect.any(String));
    expect(payload.code_challenge).toEqual(expect.any(String));
  });

  it('creates a shop-owner account on a first sign-in, links the identity, and a second sign-in reaches the same account', async () => {
    const identity = anIdentity();
    await idp.addUser(identity);
    const browser = new HttpBrowser();

    const landed = await signIn(browser, identity);
    expect(landed.pathname).toBe('/accedi/identita-digitale');
    const first = await sessionOf(browser);
    expect(first?.user).toEqual({ id: expect.any(String), email: identity.email, role: 'SHOP' });
    const userId = first?.user.id ?? '';
    expect(await linksOf(userId)).toEqual([{ provider_id: PROVIDER_ID, subject: identity.subject, fiscal_code: identity.fiscalCode }]);
    expect((await auditOf(userId)).map((row) => [row.action, row.after.by ?? row.after.via])).toEqual([
      ['user.registered', PROVIDER_ID],
      ['user.identity-linked', 'created'],
      ['user.signed-in-with-identity', 'created'],
    ]);

    const again = new HttpBrowser();
    await signIn(again, identity);
    expect((await sessionOf(again))?.user.id).toBe(userId);
    expect(await linksOf(userId)).toHaveLength(1);
    expect((await auditOf(userId)).at(-1)).toEqual({ action: 'user.signed-in-with-identity', after: { providerId: PROVIDER_ID, by: 'identity' } });
  });

  it('opens an account only from a page that showed the privacy notice in force, and records it as accepted', async () => {
    const db = api.app.get(DataSource);
    // No notice, an old one, or the right one from a link on another site (a bookmark, a typed address: 'none').
    for (const [notice, site] of [[null, 'same-origin'], ['2020-01-01', 'same-origin'], [PRIVACY_NOTICE_VERSION, 'cross-site'], [PRIVACY_NOTICE_VERSION, 'none']] as const) {
      const identity = anIdentity();
      await idp.addUser(identity);
      const browser = new HttpBrowser();
      const landed = await signIn(browser, identity, notice, site);
      expect(`${landed.pathname}${landed.search}`).toBe('/accedi?errore=PRIVACY_NOTICE_NEEDED');
      expect(await sessionOf(browser)).toBeNull();
      expect(await db.query('SELECT 1 FROM user_account WHERE email = $1', [identity.email])).toEqual([]);
    }
    // An address the provider does not vouch for: the account is opened, and asked to confirm it.
    const identity = anIdentity({ emailVerified: false });
    await idp.addUser(identity);
    const browser = new HttpBrowser();
    await signIn(browser, identity);
    const userId = (await sessionOf(browser))?.user.id ?? '';
    expect(await db.query('SELECT notice_version FROM privacy_notice_acceptance WHERE user_id = $1', [userId])).toEqual([{ notice_version: PRIVACY_NOTICE_VERSION }]);
    expect(await db.query(`SELECT email_verified_at FROM user_account WHERE id = $1`, [userId])).toEqual([{ email_verified_at: null }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM account_token WHERE user_id = $1 AND purpose = 'VERIFY_EMAIL'`, [userId])).toEqual([{ n: 1 }]);
  });

  it('links an existing account whose e-mail the provider says is verified', async () => {
    const email = anEmail('negozio');
    const registered = member(dataOf(await api.gql(RegisterDocument, { input: { email, password: TEST_PASSWORD, role: 'PROVIDER', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).register, 'AuthPayload');
    const identity = anIdentity({ email: email.toUpperCase(), emailVerified: true });
    await idp.addUser(identity);
    const browser = new HttpBrowser();

    await signIn(browser, identity);
    expect((await sessionOf(browser))?.user).toEqual({ id: registered.user.id, email, role: 'PROVIDER' });
    expect(await linksOf(registered.user.id)).toEqual([{ provider_id: PROVIDER_ID, subject: identity.subject, fiscal_code: identity.fiscalCode }]);
    expect((await auditOf(registered.user.id)).map((row) => row.action)).toEqual(['user.registered', 'user.identity-linked', 'user.signed-in-with-identity']);
  });

  it('does not link an existing account by an e-mail the provider does not vouch for', async () => {
    const email = anEmail('negozio');
    const registered = member(dataOf(await api.gql(RegisterDocument, { input: { email, password: TEST_PASSWORD, role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).register, 'AuthPayload');
    const identity = anIdentity({ email, emailVerified: false });
    await idp.addUser(identity);
    const browser = new HttpBrowser();

    const landed = await signIn(browser, identity);
    expect(`${landed.pathname}${landed.search}`).toBe('/accedi?errore=EMAIL_NOT_VERIFIED');
    expect(await sessionOf(browser)).toBeNull();
    expect(await linksOf(registered.user.id)).toEqual([]);
  });

  it('refuses a callback whose state is not the one sent, and opens no session', async () => {
    const identity = anIdentity();
    await idp.addUser(identity);
    const browser = new HttpBrowser();
    const callback = await atProvider(browser, identity.subject);
    callback.searchParams.set('state', 'uno-stato-falso');

    const landed = (await browser.follow(callback, isWebApp)).url;
    expect(`${landed.pathname}${landed.search}`).toBe('/accedi?errore=STATE_MISMATCH');
    expect(await sessionOf(browser)).toBeNull();
    const created = await api.app.get(DataSource).query('SELECT 1 FROM identity_link WHERE subject = $1', [identity.subject]);
    expect(created).toEqual([]);
  });

  it('refuses a callback without the pending sign-in of this browser', async () => {
    const identity = anIdentity();
    await idp.addUser(identity);
    const callback = await atProvider(new HttpBrowser(), identity.subject);
    const landed = (await new HttpBrowser().follow(callback, isWebApp)).url;
    expect(`${landed.pathname}${landed.search}`).toBe('/accedi?errore=LOGIN_EXPIRED');
  });

  it('says so when the person cancels at the provider', async () => {
    const browser = new HttpBrowser();
    const loginPage = await startSignIn(browser);
    const abort = new URL(`${formAction(loginPage, 'login').pathname}/abort`, loginPage.url);
    const landed = (await browser.follow(abort, isWebApp)).url;
    expect(`${landed.pathname}${landed.search}`).toBe('/accedi?errore=DENIED');
  });
});
