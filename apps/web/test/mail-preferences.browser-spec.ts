import { DataSource } from 'typeorm';
import { anEmail, TEST_PASSWORD } from '../../api/test/testing/fixtures';
import { expectAccessible, focusedNotice, PHONE, startWebTestApp, type WebTestApp } from './testing/web-app';

describe('E-mail preferences in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

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

    await page.getByRole('link', { name: 'Preferenze' }).click();
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
    await page.context().close();
  });
});
