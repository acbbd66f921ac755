import { staffUser } from '../../api/test/testing/fixtures';
import { anOfferRow, csvOf } from '../../api/test/testing/import-fixtures';
import { approvedProvider } from '../../api/test/testing/offer-fixtures';
import { expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

describe('Importing offers from CSV in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('checks a file (counts and each problem by line, column and reason), imports only the correct rows, and refuses a spreadsheet in Italian', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const page = await web.newPage();
    await logIn(page, provider.email);
    await page.getByRole('link', { name: 'Le mie offerte' }).first().click();
    await page.getByRole('link', { name: 'Importa offerte da CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importa offerte da CSV' }).waitFor();
    // The columns, as the API defines them, folded under the template.
    await page.locator('summary', { hasText: 'Le colonne del file' }).click();
    const keyRow = page.getByRole('row', { name: /codice_esterno/ });
    await keyRow.waitFor();
    expect(await keyRow.getByRole('cell').first().textContent()).toBe('Sì, è il codice della riga');
    expect(await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'titolo', exact: true }) }).getByRole('cell').first().textContent()).toBe('Sì');
    await expectAccessible(page, 'offer-import');

    // Without a file, the field says what to do.
    await page.getByRole('button', { name: 'Controlla il file' }).click();
    await page.getByText('Scegli un file CSV da controllare').waitFor();

    const file = csvOf([
      anOfferRow({ codice_esterno: 'WEB-1' }),
      anOfferRow({ codice_esterno: 'WEB-2', titolo: 'No' }),
      anOfferRow({ codice_esterno: 'WEB-3', comuni: 'Atlantide (XX)' }),
      anOfferRow({ codice_esterno: 'WEB-4', nazionale: 'sì', comuni: '', province: '' }),
    ]);
    await page.getByLabel('File CSV').setInputFiles({ name: 'offerte.csv', mimeType: 'text/csv', buffer: file });
    await page.getByRole('button', { name: 'Controlla il file' }).click();
    await page.getByRole('heading', { name: 'Esito del controllo di «offerte.csv»' }).waitFor();
    expect(await page.getByTestId('count-toCreate').textContent()).toBe('2');
    expect(await page.getByTestId('count-invalid').textContent()).toBe('2');
    await page.getByText('Righe lette: 4; separatore rilevato: «;».').waitFor();
    await page.getByRole('table', { name: /problem(a|i), per riga/ }).locator('tbody tr').nth(1).waitFor();
    const rows = await page.getByRole('table', { name: /problem(a|i), per riga/ }).locator('tbody tr').allInnerTexts();
    expect(rows.map((row) => row.split('\t').slice(0, 3))).toEqual([
      ['3', 'WEB-2', 'titolo'],
      ['4', 'WEB-3', 'comuni'],
    ]);
    expect(rows[1]).toContain('«Atlantide (XX)» non è un comune');
    await expectAccessible(page, 'offer-import-dry-run');

    await page.locator('#import-mode').getByText('Solo le righe corrette', { exact: true }).click();
    await page.getByRole('button', { name: 'Importa le offerte' }).click();
    await page.getByRole('heading', { name: 'Esito dell’importazione di «offerte.csv»' }).waitFor();
    expect(await page.getByTestId('count-created').last().textContent()).toBe('2');
    await page.getByText('Importazione completata: le righe create e aggiornate sono salvate.').waitFor();
    await expectAccessible(page, 'offer-import-done');

    await page.getByRole('link', { name: 'Torna alle mie offerte' }).click();
    await page.getByText('2 offerte').waitFor();

    // All or nothing with a refused row: nothing is written, and the counts say so.
    await page.getByRole('link', { name: 'Importa offerte da CSV' }).click();
    const mixed = csvOf([anOfferRow({ codice_esterno: 'WEB-5' }), anOfferRow({ codice_esterno: 'WEB-6', titolo: 'No' })]);
    await page.getByLabel('File CSV').setInputFiles({ name: 'misto.csv', mimeType: 'text/csv', buffer: mixed });
    await page.getByRole('button', { name: 'Controlla il file' }).click();
    await page.getByRole('heading', { name: 'Esito del controllo di «misto.csv»' }).waitFor();
    await page.getByRole('button', { name: 'Importa le offerte' }).click();
    await page.getByRole('heading', { name: 'Esito dell’importazione di «misto.csv»' }).waitFor();
    expect(await page.getByTestId('count-created').last().textContent()).toBe('0');
    expect(await page.getByTestId('count-notWritten').last().textContent()).toBe('1');
    await page.getByRole('link', { name: 'Torna alle mie offerte' }).click();
    await page.getByText('2 offerte').waitFor();

    await page.getByRole('link', { name: 'Importa offerte da CSV' }).click();
    const workbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 1)]);
    await page.getByLabel('File CSV').setInputFiles({ name: 'offerte.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook });
    await page.getByRole('button', { name: 'Controlla il file' }).click();
    await page.getByRole('alert').filter({ hasText: 'Questo è un file di Excel' }).waitFor();
    await expectAccessible(page, 'offer-import-refused');
  });
});
