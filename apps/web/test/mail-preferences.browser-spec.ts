import { MailSettings } from '@vec/core/mail/mail-settings';
import { DataSource } from 'typeorm';
import { anEmail, TEST_PASSWORD } from '../../api/test/testing/fixtures';
import { expectAccessible, focusedNotice, PHONE, startWebTestApp, type WebTestApp } from './testing/web-app';

describe('E-mail preferences in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  const deliveryOf = async (email: string, kind: string): Promise<string | undefined> =>
    (await web.app.get(DataSource).query('SELECT p.delivery FROM mail_preference p JOIN user_account u ON u.id = p.user_id WHERE u.email = $1 AND p.kind = $2', [email, kind]))[0]?.delivery;
  const languageOf = async (email: string): Promise<string> => (await web.app.get(DataSource).query('SELECT language FROM user_account WHERE email = $1', [email]))[0].language;

  it('a shop chooses English e-mails at sign-up, then Italian in its preferences (phone width)', async () => {
    const page = await web.newPage(PHONE);
    const email = anEmail('lingua');
    await page.goto('/registrati?ruolo=SHOP');
    // The pages are in Italian, so Italian is the first guess.
    const choice = page.getByRole('group', { name: 'Lingua delle e-mail' });
    expect(await choice.getByRole('radio', { name: 'Italiano' }).isChecked()).toBe(true);
    // Bootstrap Italia draws the radio over its label: a user clicks the label.
    await choice.getByText('English', { exact: true }).click();
    expect(await choice.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: "Crea l'account" }).click();
    await page.waitForURL('**/la-mia-attivita');
    expect(await languageOf(email)).toBe('en');

    // The person's own pages are in the account menu of the slim header, on a phone too.
    await page.locator('button[aria-controls="account-menu"]').click();
    await page.locator('#account-menu').getByRole('link', { name: 'Preferenze' }).click();
    await page.getByRole('heading', { level: 1, name: 'Preferenze' }).waitFor();
    const group = page.getByRole('group', { name: 'Lingua delle e-mail' });
    await group.waitFor();
    expect(await group.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    await expectAccessible(page, 'preferences-phone');

    await group.getByText('Italiano', { exact: true }).click();
    await page.getByRole('button', { name: 'Salva la lingua' }).click();
    await page.getByText('Lingua delle e-mail salvata: Italiano.').waitFor();
    expect(await focusedNotice(page)).toBe('Lingua delle e-mail salvata: Italiano.');
    expect(await languageOf(email)).toBe('it');
    await expectAccessible(page, 'preferences-saved-phone');

    // E-mail by kind: saved as chosen, announced without moving the focus.
    const accepted = page.getByRole('group', { name: 'Richieste accettate' });
    expect(await accepted.getByRole('radio', { name: 'Subito' }).isChecked()).toBe(true);
    await accepted.getByText('Riepilogo giornaliero', { exact: true }).click();
    await page.getByTestId('mail-preference-status').getByText('Richieste accettate: Riepilogo giornaliero.').waitFor();
    expect(await deliveryOf(email, 'MATCH_ACCEPTED')).toBe('DAILY_DIGEST');
    // Always sent: what concerns the account and decisions about the shop; the digest is not one of them.
    const always = page.getByRole('heading', { name: 'Sempre inviate' }).locator('xpath=following-sibling::ul[1]');
    expect(await always.getByRole('listitem').allTextContents()).toContain('Esiti dei bandi');
    expect(await always.getByRole('listitem').allTextContents()).not.toContain('Riepilogo giornaliero');
    await expectAccessible(page, 'preferences-mail-phone');
    await page.context().close();
  });

  it('anyone with the link in an e-mail turns that kind off after confirming, without logging in', async () => {
    const { email } = await web.signUp('PROVIDER');
    const [{ id }] = await web.app.get(DataSource).query('SELECT id FROM user_account WHERE email = $1', [email]);
    const link = new URL(web.app.get(MailSettings).unsubscribeUrl(id, 'MATCH_APPLIED'));
    const page = await web.newPage();
    await page.goto(`/disiscrizione${link.search}`);
    await page.getByRole('heading', { level: 1, name: 'Disiscrizione dalle e-mail' }).waitFor();
    await page.getByText('Vuoi smettere di ricevere le e-mail «Nuove candidature alle vostre offerte»?').waitFor();
    await expectAccessible(page, 'unsubscribe-confirm');
    // Opening the link changed nothing.
    expect(await deliveryOf(email, 'MATCH_APPLIED')).toBeUndefined();

    await page.getByRole('button', { name: 'Sì, non inviarmele più' }).click();
    await page.getByText('Fatto: non riceverai più le e-mail «Nuove candidature alle vostre offerte».', { exact: false }).waitFor();
    expect(await deliveryOf(email, 'MATCH_APPLIED')).toBe('OFF');
    await expectAccessible(page, 'unsubscribe-done');
    await page.context().close();
  });
});
