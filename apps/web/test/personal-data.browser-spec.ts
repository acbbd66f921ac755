import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { CreateHelpRequestDocument } from '../../api/test/gql/generated';
import { dataOf } from '../../api/test/testing/test-app';
import { shopNamed } from './testing/journey-fixtures';
import { expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

describe('Personal data in the browser: the privacy notice, the download, the deletion, the retention page', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('shows the privacy notice with the controller, the legal bases and the retention periods configured', async () => {
    const page = await web.newPage();
    await page.goto('/privacy');
    await page.getByRole('heading', { level: 1, name: 'Informativa sulla privacy' }).waitFor();
    await page.getByRole('cell', { name: 'Esecuzione di un compito di interesse pubblico (art. 6, par. 1, lett. e GDPR)' }).first().waitFor();
    const retention = page.getByTestId('privacy-retention');
    expect(await retention.locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining('730 giorni'),
      expect.stringContaining('365 giorni'),
      expect.stringContaining('90 giorni'),
      expect.stringContaining('180 giorni'),
      expect.stringContaining('Importazioni da CSV, con l’esito di ogni riga90 giorni'),
      expect.stringContaining('inviti mai accettati (rifiutati, ritirati o scaduti), dalla loro fine90 giorniresi anonimi'),
      expect.stringContaining('3.650 giorni'),
    ]);
    expect(await page.getByTestId('privacy-version').textContent()).toMatch(/^Versione dell'informativa: \d{4}-\d{2}-\d{2}\./);
    await expectAccessible(page, 'privacy-notice');
    await page.context().close();
  });

  it('lets a shop download its data, tells it what to settle before deleting, then deletes the account', async () => {
    const owner = await shopNamed(web.api, '001272', 'Bottega dei Dati');
    dataOf(await web.api.gqlAs(owner.accessToken, CreateHelpRequestDocument, { input: { category: 'WEBSITE', description: 'Ci serve un sito' } }));
    const page = await web.newPage();
    await logIn(page, owner.email);
    await page.goto('/la-mia-attivita');
    await page.getByRole('heading', { level: 2, name: 'I tuoi dati personali' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica i tuoi dati' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^vicini-e-connessi-dati-personali-\d{4}-\d{2}-\d{2}\.json$/);
    const document = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
    expect(document.shop).toMatchObject({ tradingName: 'Bottega dei Dati' });
    expect(document.helpRequests).toHaveLength(1);
    // The page says it is done, and the keyboard focus stays on the button.
    await page.getByRole('status').getByText('File con i tuoi dati scaricato: lo trovi tra i download del browser.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Scarica i tuoi dati');

    await page.getByTestId('erasure-blockers').getByText('1 richiesta è ancora aperta: ritirala prima (Le mie richieste)').waitFor();
    // What stays is said before: the Partita IVA, and that the same business cannot register again.
    expect(await page.getByTestId('partita-iva-kept').textContent()).toContain('non potrà registrarsi di nuovo con un altro account');
    await expectAccessible(page, 'personal-data-panel');
    await page.getByLabel('Password attuale').fill('una-password-lunga-abbastanza');
    await page.getByRole('button', { name: 'Cancella definitivamente l\'account' }).click();
    await page.getByText('L’account non si può ancora cancellare: ecco cosa fare prima').first().waitFor();
    // What to do comes right after the refusal, with the way to the page where it is done.
    const blockers = page.getByTestId('erasure-blockers');
    expect(await blockers.evaluate((list) => list.previousElementSibling?.getAttribute('role'))).toBe('alert');
    await blockers.getByRole('link', { name: 'Vai alle tue richieste' }).click();
    await page.waitForURL('**/la-mia-attivita/richieste');
    await page.goBack();

    await web.app.get(DataSource).query(`UPDATE help_request SET status = 'CANCELLED', cancelled_at = now() WHERE shop_id = (SELECT id FROM shop WHERE owner_user_id = (SELECT id FROM user_account WHERE email = $1))`, [owner.email]);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'I tuoi dati personali' }).waitFor();
    await page.getByLabel('Password attuale').fill('non-è-questa-la-password');
    await page.getByRole('button', { name: 'Cancella definitivamente l\'account' }).click();
    await page.locator('#delete-account-password-error').getByText('La password non è corretta').waitFor();
    await page.getByLabel('Password attuale').fill('una-password-lunga-abbastanza');
    await page.getByRole('button', { name: 'Cancella definitivamente l\'account' }).click();
    await page.getByTestId('status-notice').getByText('Il tuo account è stato cancellato.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await web.app.get(DataSource).query(`SELECT count(*)::int AS n FROM user_account WHERE email = $1`, [owner.email])).toEqual([{ n: 0 }]);
    await page.context().close();
  });

  it('shows staff the retention periods and the rows expired now', async () => {
    const staff = await web.staffUser();
    const page = await web.newPage();
    await logIn(page, staff.email, staff.password);
    await page.goto('/ministero/conservazione-dati');
    await page.getByRole('heading', { level: 1, name: 'Conservazione dei dati' }).waitFor();
    await page.getByText('RETENTION_AUDIT_DAYS').waitFor();
    expect(await page.getByTestId('retention-report').locator('tbody tr').count()).toBe(7);
    await expectAccessible(page, 'retention-report');
    await page.context().close();
  });
});
