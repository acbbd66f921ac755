import { randomUUID } from 'node:crypto';
import { SHOP_IMPORT_EXAMPLE } from '@vec/core/delegation/api/import/shop-import.row';
import { DecideFacilitatorDocument, LoginDocument, RegisterFacilitatorDocument } from '../../api/test/gql/generated';
import { aFacilitatorInput, anEmail, aPartitaIva } from '../../api/test/testing/fixtures';
import { csvOf } from '../../api/test/testing/import-fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

const aShopRow = (cells: Record<string, string> = {}): Record<string, string> => ({ ...SHOP_IMPORT_EXAMPLE, partita_iva: aPartitaIva(), email_titolare: anEmail('titolare'), ...cells });

describe('Importing shops from CSV on the facilitator’s desk, in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('checks a file (counts and each problem by line, column and reason), imports only the correct rows on paper consent, and lists the new shops on the desk', async () => {
    const staff = await web.staffUser();
    const staffSession = dataOf(await web.api.gql(LoginDocument, { input: { email: staff.email, password: staff.password } })).login;
    const owner = await web.signUp('FACILITATOR');
    const facilitatorId = member(
      dataOf(await web.api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name: `CNA ${randomUUID().slice(0, 6)}` }) })).registerFacilitator,
      'Facilitator',
    ).id;
    await web.api.gqlAs(staffSession.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision: 'APPROVED' } });
    const names = [`Forno ${randomUUID().slice(0, 6)}`, `Merceria ${randomUUID().slice(0, 6)}`];

    const page = await web.newPage();
    await logIn(page, owner.email);
    await page.waitForURL('**/facilitatore/negozi');
    await page.getByRole('link', { name: 'Importa negozi da CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importa negozi da CSV' }).waitFor();
    await expectAccessible(page, 'shop-import');

    const file = csvOf([
      aShopRow({ codice_esterno: 'WEB-1', insegna: names[0] }),
      aShopRow({ codice_esterno: 'WEB-2', comune: 'Samone', provincia: '' }),
      aShopRow({ codice_esterno: 'WEB-3', insegna: names[1], comune: '022165', provincia: '' }),
      aShopRow({ codice_esterno: 'WEB-4', partita_iva: '12345678901' }),
    ]);
    await page.getByLabel('File CSV').setInputFiles({ name: 'negozi.csv', mimeType: 'text/csv', buffer: file });
    await page.getByRole('button', { name: 'Controlla il file' }).click();
    await page.getByRole('heading', { name: 'Esito del controllo di «negozi.csv»' }).waitFor();
    expect(await page.getByTestId('count-toCreate').textContent()).toBe('2');
    expect(await page.getByTestId('count-invalid').textContent()).toBe('2');
    await page.getByRole('table', { name: /problem(a|i), per riga/ }).locator('tbody tr').nth(1).waitFor();
    const rows = await page.getByRole('table', { name: /problem(a|i), per riga/ }).locator('tbody tr').allInnerTexts();
    expect(rows.map((row) => row.split('\t').slice(0, 3))).toEqual([
      ['3', 'WEB-2', 'comune'],
      ['5', 'WEB-4', 'partita_iva'],
    ]);
    expect(rows[0]).toContain('esiste un comune «Samone» in più province');
    await expectAccessible(page, 'shop-import-dry-run');

    await page.locator('#import-mode').getByText('Solo le righe corrette', { exact: true }).click();
    await page.getByRole('button', { name: 'Importa i negozi' }).click();
    await page.getByRole('heading', { name: 'Esito dell’importazione di «negozi.csv»' }).waitFor();
    expect(await page.getByTestId('count-created').last().textContent()).toBe('2');
    await page.getByText('Importazione completata: le righe create e aggiornate sono salvate.').waitFor();
    await expectAccessible(page, 'shop-import-done');

    await page.getByRole('link', { name: 'Torna ai tuoi negozi' }).click();
    await page.getByText('2 negozi').waitFor();
    for (const name of names) await page.getByRole('rowheader', { name }).waitFor();
  });
});
