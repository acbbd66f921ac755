import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { anEmail, signUp, TEST_PASSWORD } from '../../api/test/testing/fixtures';
import { expectAccessible, logIn, PHONE, startWebTestApp, type WebTestApp } from './testing/web-app';

const NEW_PASSWORD = 'una-nuova-password-sicura';

describe('Account recovery and changes in the browser, through the development mailbox', () => {
  let web: WebTestApp;
  let db: DataSource;
  beforeAll(async () => {
    web = await startWebTestApp();
    db = web.app.get(DataSource);
  });
  afterAll(() => web.close());

  /**
   * The link of the newest e-mail of a kind to an address, as recorded in the outbox (the text is
   * rendered when the e-mail is recorded; in the shared test database another suite's worker may be
   * the one that delivers it): the path and fragment, opened on this test's server.
   */
  async function mailboxLink(recipient: string, kind: string): Promise<string> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [mail]: { text: string }[] = await db.query(
        'SELECT text FROM mail_message WHERE recipient = $1 AND kind = $2 ORDER BY created_at DESC, id DESC LIMIT 1',
        [recipient, kind],
      );
      const url = mail ? /https?:\/\/\S+#\S+/.exec(mail.text)?.[0] : undefined;
      if (url) return `${new URL(url).pathname}${new URL(url).hash}`;
      if (Date.now() > deadline) throw new Error(`no ${kind} e-mail to ${recipient} in the development mailbox`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const mailCount = async (recipient: string, kind: string): Promise<number> =>
    (await db.query('SELECT count(*)::int AS n FROM mail_message WHERE recipient = $1 AND kind = $2', [recipient, kind]))[0].n;
  const banner = (page: Page) => page.getByTestId('verify-email-banner');

  it('signs up, is told to confirm the address, sends the link again and confirms it from the e-mail (phone width)', async () => {
    const page = await web.newPage(PHONE);
    const email = anEmail('negozio');
    await page.goto('/registrati?ruolo=SHOP');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: "Crea l'account" }).click();
    await page.waitForURL('**/la-mia-attivita');

    await banner(page).getByText(`ti abbiamo inviato un collegamento a ${email}`, { exact: false }).waitFor();
    // What waits for the confirmation, for a shop (a provider or a facilitator is told what it is for them).
    await banner(page).getByText('non puoi candidarti alle offerte né ai bandi, e le assegnazioni non ti danno posti', { exact: false }).waitFor();
    await expectAccessible(page, 'verify-email-banner-phone');
    const first = await mailboxLink(email, 'EMAIL_VERIFICATION');
    await banner(page).getByRole('button', { name: 'Invia di nuovo il collegamento' }).click();
    await banner(page).getByRole('status').getByText(`Nuovo collegamento inviato a ${email}`, { exact: false }).waitFor();
    expect(await mailCount(email, 'EMAIL_VERIFICATION')).toBe(2);
    const second = await mailboxLink(email, 'EMAIL_VERIFICATION');
    expect(second).not.toBe(first);

    // The first link was replaced by the second.
    await page.goto(first);
    await page.getByRole('alert').getByText('Questo collegamento è già stato usato', { exact: false }).waitFor();
    await expectAccessible(page, 'verify-email-link-used-phone');

    await page.goto(second);
    await page.getByRole('heading', { level: 1, name: "Conferma dell'indirizzo e-mail" }).waitFor();
    await page.getByText(`L'indirizzo ${email} è confermato`, { exact: false }).waitFor();
    await expectAccessible(page, 'verify-email-done-phone');
    await page.getByRole('link', { name: 'Vai alla tua area' }).click();
    await page.waitForURL('**/la-mia-attivita');
    await page.getByRole('button', { name: "Registra l'attività" }).waitFor();
    expect(await banner(page).count()).toBe(0);
    await page.context().close();
  });

  it('resets a forgotten password from the sign-in page through the e-mailed link, the same answer for an unknown address', async () => {
    const { email } = await web.signUp('SHOP');
    const page = await web.newPage();
    await page.goto('/accedi');
    await page.getByRole('link', { name: 'Password dimenticata?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Password dimenticata' }).waitFor();
    await expectAccessible(page, 'forgot-password');

    const unknown = anEmail('nessuno');
    await page.getByLabel('E-mail').fill(unknown);
    await page.getByRole('button', { name: 'Invia il collegamento' }).click();
    await page.getByRole('status').getByText(`Se esiste un account con l'indirizzo ${unknown}`, { exact: false }).waitFor();
    await page.getByLabel('E-mail').fill(email);
    await page.getByRole('button', { name: 'Invia il collegamento' }).click();
    await page.getByRole('status').getByText(`Se esiste un account con l'indirizzo ${email}`, { exact: false }).waitFor();
    await expectAccessible(page, 'forgot-password-sent');
    expect(await mailCount(unknown, 'PASSWORD_RESET')).toBe(0);

    // A link cut short (no token after #) says so, instead of offering a form that cannot work.
    await page.goto('/reimposta-password');
    await page.getByRole('alert').getByText('Questo collegamento è incompleto', { exact: false }).waitFor();
    expect(await page.getByLabel('Nuova password').count()).toBe(0);

    await page.goto(await mailboxLink(email, 'PASSWORD_RESET'));
    await page.getByRole('heading', { level: 1, name: 'Scegli una nuova password' }).waitFor();
    await page.getByLabel('Nuova password').fill('corta');
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await page.locator('#reset-password-error').waitFor();
    await expectAccessible(page, 'reset-password-error');
    await page.getByLabel('Nuova password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await page.getByText(`La password dell'account ${email} è cambiata. Accedi con la nuova password.`).waitFor();
    await expectAccessible(page, 'reset-password-done');

    await page.getByRole('link', { name: 'Accedi', exact: true }).last().click();
    await logIn(page, email, NEW_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/la-mia-attivita');
    await page.context().close();
  });

  it('uses another account’s link opened while signed in: names that account, and this browser stays signed in as it was', async () => {
    const signedIn = await web.signUp('SHOP');
    const other = await signUp(web.api, 'SHOP', { verified: false });
    const page = await web.newPage();
    await logIn(page, signedIn.email);

    await page.goto(await mailboxLink(other.email, 'EMAIL_VERIFICATION'));
    await page.getByText(`L'indirizzo ${other.email} è confermato`, { exact: false }).waitFor();
    await page.getByText(`Il collegamento era di un altro account: qui resta aperta la sessione di ${signedIn.email}.`, { exact: false }).waitFor();

    const asked = await web.api.gqlRaw('mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }', { variables: { i: { email: other.email } } });
    expect(asked.errors).toBeUndefined();
    await page.goto(await mailboxLink(other.email, 'PASSWORD_RESET'));
    await page.getByLabel('Nuova password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await page.getByText(`La password dell'account ${other.email} è cambiata. Accedi con la nuova password. Il collegamento era di un altro account: qui resta aperta la sessione di ${signedIn.email}.`).waitFor();
    // Still signed in as before: the shop's own page opens.
    await page.goto('/la-mia-attivita');
    await page.getByRole('button', { name: "Registra l'attività" }).waitFor();
    await expectAccessible(page, 'reset-password-other-account');
    await page.context().close();
  });

  it('changes the password and the e-mail address from "Il mio account", the address only once the new one confirms it', async () => {
    const { email } = await web.signUp('PROVIDER');
    const page = await web.newPage();
    await logIn(page, email);
    // The person's own pages are in the account menu of the slim header.
    await page.locator('button[aria-controls="account-menu"]').click();
    await page.locator('#account-menu').getByRole('link', { name: 'Il mio account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Il mio account' }).waitFor();
    expect(await page.getByTestId('account-email').textContent()).toBe(`${email} confermata`);
    await expectAccessible(page, 'my-account');

    const passwordForm = page.getByRole('region', { name: 'Cambia la password' });
    await passwordForm.getByLabel('Password attuale').fill('non-è-la-password');
    await passwordForm.getByLabel('Nuova password').fill(NEW_PASSWORD);
    await passwordForm.getByRole('button', { name: 'Cambia la password' }).click();
    await page.locator('#change-password-currentPassword-error').getByText('La password attuale non è corretta').waitFor();
    await expectAccessible(page, 'my-account-wrong-password');
    await passwordForm.getByLabel('Password attuale').fill(TEST_PASSWORD);
    await passwordForm.getByRole('button', { name: 'Cambia la password' }).click();
    await page.getByText('Password cambiata. Le altre sessioni sono state chiuse.').waitFor();

    const newEmail = anEmail('nuovo');
    const emailForm = page.getByRole('region', { name: "Cambia l'indirizzo e-mail" });
    await emailForm.getByLabel('Nuovo indirizzo e-mail').fill(newEmail);
    await emailForm.getByLabel('Password attuale').fill(NEW_PASSWORD);
    await emailForm.getByRole('button', { name: 'Invia il collegamento' }).click();
    await page.getByText(`Ti abbiamo inviato un collegamento a ${newEmail}`, { exact: false }).waitFor();
    expect(await page.getByTestId('account-email').textContent()).toBe(`${email} confermata`);

    await page.goto(await mailboxLink(newEmail, 'EMAIL_CHANGE_CONFIRM'));
    await page.getByText(`Indirizzo e-mail cambiato in ${newEmail}: d'ora in poi accedi con il nuovo indirizzo.`).waitFor();
    await expectAccessible(page, 'email-change-confirmed');
    expect(await mailCount(email, 'EMAIL_CHANGED_NOTICE')).toBe(1);
    await page.getByRole('link', { name: 'Vai al tuo account' }).click();
    await page.getByText(`${newEmail} confermata`).waitFor();
    await page.context().close();
  });
});
