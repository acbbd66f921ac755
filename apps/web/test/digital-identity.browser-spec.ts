import { randomUUID } from 'node:crypto';
import { PRIVACY_NOTICE_VERSION } from '@vec/core';
import { anEmail } from '../../api/test/testing/fixtures';
import { aFiscalCode, startOidcTestProvider, type OidcTestProvider, type TestIdentity } from '../../api/test/testing/oidc-test-provider';
import { expectAccessible, startWebTestApp, type WebTestApp } from './testing/web-app';

const PROVIDER_ID = 'spid-prova';

describe('Sign-in with SPID in the browser, against a real OpenID provider on loopback', () => {
  let idp: OidcTestProvider;
  let web: WebTestApp;

  beforeAll(async () => {
    idp = await startOidcTestProvider();
    web = await startWebTestApp({ env: { OIDC_PROVIDERS: idp.providersSetting(PROVIDER_ID, 'spid') } });
    await idp.configure([`${web.baseUrl}/auth/oidc/${PROVIDER_ID}/callback`]);
  });
  afterAll(async () => {
    await web?.close();
    await idp?.close();
  });

  const anIdentity = (): TestIdentity => ({
    subject: `spid-${randomUUID()}`,
    fiscalCode: aFiscalCode(),
    givenName: 'Giulia',
    familyName: 'Bianchi',
    email: anEmail('spid'),
    emailVerified: true,
  });

  it('clicks "Entra con SPID", logs in at the provider and lands signed in, in the shop owner’s area', async () => {
    const identity = anIdentity();
    await idp.addUser(identity);
    const page = await web.newPage();

    await page.goto('/accedi');
    const spid = page.getByRole('link', { name: 'Entra con SPID' });
    await spid.waitFor();
    // The privacy notice in force is named beside the buttons, and the button carries its version: a first sign-in opens the account with it.
    await page.getByText('Se non hai ancora un account, entrando confermi di aver letto').waitFor();
    expect(await spid.getAttribute('href')).toMatch(new RegExp(`/login\\?informativa=${PRIVACY_NOTICE_VERSION}$`));
    await expectAccessible(page, 'login-with-spid');

    await spid.click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name="login"]').fill(identity.subject);
    await page.locator('input[name="password"]').fill('una-password-qualsiasi');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL((url) => url.origin === web.baseUrl && url.pathname === '/la-mia-attivita');
    await page.getByRole('button', { name: 'Esci' }).waitFor();
    expect(await page.getByTestId('account-name').textContent()).toContain(identity.email);
  });

  it('says when the privacy notice could not be loaded, and loads it again when asked', async () => {
    const page = await web.newPage();
    let failing = true;
    await page.route(
      (url) => url.pathname === '/graphql' && url.searchParams.get('operationName') === 'PrivacyNotice',
      (route) => (failing ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' }) : route.continue()),
    );
    await page.goto('/accedi');
    const spid = page.getByRole('link', { name: 'Entra con SPID' });
    await spid.waitFor();
    const warning = page.getByRole('status').filter({ hasText: "Non siamo riusciti a caricare la versione dell'informativa sulla privacy" });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Chi ha già un account può entrare');
    // Without a version the button still signs existing accounts in; it cannot open a new one.
    expect(await spid.getAttribute('href')).toMatch(/\/login$/);
    await expectAccessible(page, 'login-with-spid-notice-unavailable');

    failing = false;
    const again = page.getByRole('button', { name: "Carica di nuovo l'informativa" });
    await again.click();
    await page.getByText('Se non hai ancora un account, entrando confermi di aver letto').waitFor();
    expect(await spid.getAttribute('href')).toMatch(new RegExp(`/login\\?informativa=${PRIVACY_NOTICE_VERSION}$`));
    expect(await warning.count()).toBe(0);
  });

  it('says in Italian why no account was opened when the sign-in did not start from the page showing the privacy notice', async () => {
    const page = await web.newPage();
    await page.goto('/accedi?errore=PRIVACY_NOTICE_NEEDED');
    const alert = page.getByRole('alert');
    await alert.getByText('Accesso non riuscito').waitFor();
    expect(await alert.textContent()).toContain("Non hai ancora un account: per aprirlo leggi l'informativa sulla privacy");
  });

  it('says in Italian why, when the person cancels at the provider', async () => {
    const page = await web.newPage();
    await page.goto('/accedi');
    await page.getByRole('link', { name: 'Entra con SPID' }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.getByRole('link', { name: '[ Cancel ]' }).click();

    await page.waitForURL((url) => url.origin === web.baseUrl && url.pathname === '/accedi');
    const alert = page.getByRole('alert');
    await alert.getByText('Accesso non riuscito').waitFor();
    expect(await alert.textContent()).toContain('Hai annullato l\'accesso');
    await expectAccessible(page, 'login-with-spid-cancelled');
  });
});
