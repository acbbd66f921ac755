import { expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

describe('Field errors from the API in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it("shows each of the API's field errors next to its field, in Italian, and again in English after the switch", async () => {
    const owner = await web.signUp('SHOP');
    const page = await web.newPage();
    await logIn(page, owner.email);
    await page.getByLabel('Ragione sociale').fill('X');
    await page.getByLabel('Partita IVA').fill('12345678901');
    await page.getByLabel('Sezione ATECO').selectOption('G');
    await page.getByLabel('Divisione ATECO').selectOption('47');
    await page.getByLabel('Numero di addetti').fill('3');
    await page.getByLabel('Indirizzo').fill('Via Roma 1');
    await page.getByLabel('E-mail di contatto').fill('non-una-mail');
    await page.getByRole('button', { name: "Registra l'attività" }).click();

    const errorOf = (field: string) => page.locator(`#shop-${field}-error`);
    await errorOf('partitaIva').waitFor();
    expect(await errorOf('partitaIva').textContent()).toBe('Partita IVA ha la cifra di controllo errata');
    expect(await errorOf('legalName').textContent()).toBe('Ragione sociale deve avere almeno 2 caratteri');
    expect(await errorOf('contactEmail').textContent()).toBe('E-mail di contatto deve essere un indirizzo e-mail valido');
    expect(await errorOf('comuneCode').textContent()).toBe('Comune deve essere scelto dall’elenco dei comuni (codice ISTAT di 6 cifre)');
    const partitaIva = page.getByLabel('Partita IVA');
    expect(await partitaIva.getAttribute('aria-invalid')).toBe('true');
    expect(await partitaIva.getAttribute('aria-describedby')).toContain('shop-partitaIva-error');
    // The summary above the form takes the focus and links to each field.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('alert-danger'))).toBe(true);
    await page.getByRole('link', { name: 'Partita IVA ha la cifra di controllo errata' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('shop-partitaIva');
    await expectAccessible(page, 'shop-form-errors');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My business' }).waitFor();
    const english = await errorOf('partitaIva').textContent();
    expect(english).toMatch(/^VAT number \(Partita IVA\) .*check digit/);
    expect(await errorOf('legalName').textContent()).toMatch(/^Legal name .*2 characters/);
    await expectAccessible(page, 'shop-form-errors-english');
    await page.context().close();
  });

  it('places business errors and sign-in failures in the right place', async () => {
    const existing = await web.signUp('SHOP');
    const page = await web.newPage();
    await page.goto('/registrati?ruolo=SHOP');
    await page.getByLabel('E-mail').fill(existing.email);
    await page.getByLabel('Password').fill('una-password-lunga-abbastanza');
    await page.getByRole('button', { name: "Crea l'account" }).click();
    await page.locator('#register-email-error').waitFor();
    expect(await page.locator('#register-email-error').textContent()).toBe('Esiste già un account con questa e-mail');

    await page.getByLabel('Password').fill('corta');
    await page.getByLabel('E-mail').fill('nuovo@example.it');
    await page.getByRole('button', { name: "Crea l'account" }).click();
    await page.getByText('Password deve avere almeno 12 caratteri').first().waitFor();
    expect(await page.locator('#register-password-error').textContent()).toBe('Password deve avere almeno 12 caratteri');

    await page.goto('/accedi');
    await page.getByLabel('E-mail').fill(existing.email);
    await page.getByLabel('Password').fill('password-sbagliata-davvero');
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByText('E-mail o password errata').waitFor();
    await expectAccessible(page, 'login-error');
    await page.context().close();
  });
});
