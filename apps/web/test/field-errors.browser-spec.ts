import { DataSource } from 'typeorm';
import { RegisterShopDocument } from '../../api/test/gql/generated';
import { aShopInput, signUp, staffUser } from '../../api/test/testing/fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { applyTo, askFor } from '../../api/test/testing/match-fixtures';
import { approvedProvider, publishedOffer, shopIn } from '../../api/test/testing/offer-fixtures';
import { eventually, expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

// A comune no other browser test uses, so that the offer here is the only local one.
const FIRENZE = '048017';

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
    expect(await errorOf('partitaIva').textContent()).toBe('Partita IVA ha la cifra di controllo errata: ricontrolla le 11 cifre');
    expect(await errorOf('legalName').textContent()).toBe('Ragione sociale deve avere almeno 2 caratteri');
    expect(await errorOf('contactEmail').textContent()).toBe('E-mail di contatto deve essere un indirizzo e-mail, per esempio nome@esempio.it');
    // Left empty, the comune is told it is required (not that it was chosen wrong).
    expect(await errorOf('comuneCode').textContent()).toBe('Comune è un campo obbligatorio');
    const partitaIva = page.getByLabel('Partita IVA');
    expect(await partitaIva.getAttribute('aria-invalid')).toBe('true');
    expect(await partitaIva.getAttribute('aria-describedby')).toContain('shop-partitaIva-error');
    // The summary above the form takes the focus and links to each field.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('alert-danger'))).toBe(true);
    await page.getByRole('link', { name: 'Partita IVA ha la cifra di controllo errata: ricontrolla le 11 cifre' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('shop-partitaIva');
    await expectAccessible(page, 'shop-form-errors');

    // A name written but never chosen from the list: told to choose it, not that it is missing.
    await page.getByRole('combobox', { name: /^Comune/ }).fill('Reggio Emilia');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: "Registra l'attività" }).click();
    await eventually(() => errorOf('comuneCode').textContent(), "Comune: scegli il comune dall'elenco che compare mentre scrivi (per esempio «Reggio nell'Emilia (RE)»).");

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My business' }).waitFor();
    const english = await errorOf('partitaIva').textContent();
    expect(english).toMatch(/^VAT number \(Partita IVA\) .*check digit/);
    expect(await errorOf('legalName').textContent()).toMatch(/^Legal name .*2 characters/);
    // The form's own message (not the API's) follows the switch too.
    expect(await errorOf('comuneCode').textContent()).toBe("Comune: choose the comune from the list that appears as you type (for example “Reggio nell'Emilia (RE)”).");
    await expectAccessible(page, 'shop-form-errors-english');
    await page.context().close();
  });

  it('shows every problem of an empty shop form at once, and takes each away as soon as its field is changed', async () => {
    const owner = await web.signUp('SHOP');
    const page = await web.newPage();
    await logIn(page, owner.email);
    await page.getByRole('button', { name: "Registra l'attività" }).click();
    const required = ['legalName', 'partitaIva', 'atecoSection', 'atecoDivision', 'employees', 'comuneCode', 'address', 'contactEmail'];
    const shownErrors = () => page.locator('[data-field-error]').evaluateAll((nodes) => nodes.map((node) => node.id.replace(/^shop-|-error$/g, '')));
    await eventually(shownErrors, required);
    const summary = page.getByRole('alert').getByRole('listitem');
    // The summary lists them in the order of the fields, each linking to its field.
    expect(await summary.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(required.map((field) => `#shop-${field}`));
    // Empty, the number of employees is asked for, not called "not a whole number".
    expect(await page.locator('#shop-employees-error').textContent()).toBe("Numero di addetti: indica quante persone lavorano nell'attività, anche 0.");
    await expectAccessible(page, 'shop-form-every-error');
    // A negative number is a whole number: the message says the rule it breaks (0 or more); a fraction is not one.
    for (const [typed, message] of [
      ['-3', 'Numero di addetti non può essere negativo: indica 0 o più.'],
      ['2,5', 'Numero di addetti deve essere un numero intero, per esempio 3.'],
    ]) {
      await page.getByLabel('Numero di addetti').fill(typed);
      await page.getByRole('button', { name: "Registra l'attività" }).click();
      await eventually(() => page.locator('#shop-employees-error').textContent(), message);
    }
    await eventually(shownErrors, required);

    await page.getByLabel('Ragione sociale').fill('Panificio Rossi S.n.c.');
    await page.getByLabel('Numero di addetti').fill('4');
    await page.getByLabel('Sezione ATECO').selectOption('G');
    await eventually(shownErrors, ['partitaIva', 'atecoDivision', 'comuneCode', 'address', 'contactEmail']);
    expect(await summary.count()).toBe(5);
    expect(await page.getByLabel('Ragione sociale').getAttribute('aria-invalid')).toBeNull();

    // Sent again, only what is still wrong comes back.
    await page.getByRole('button', { name: "Registra l'attività" }).click();
    await eventually(shownErrors, ['partitaIva', 'atecoDivision', 'comuneCode', 'address', 'contactEmail']);

    // A name no comune has: the line saying so does not move the button away from the first tap.
    const submitAt = () => page.getByRole('button', { name: "Registra l'attività" }).evaluate((button) => button.getBoundingClientRect().top + window.scrollY);
    const before = await submitAt();
    await page.getByRole('combobox', { name: /^Comune/ }).fill('Xyzzy');
    await page.locator('.comune-empty', { hasText: 'Nessun comune trovato con questo nome' }).waitFor();
    // Shown over the page, as the list of comuni is: leaving the field takes it away without moving anything.
    expect(await submitAt()).toBe(before);
    await page.getByRole('button', { name: "Registra l'attività" }).click();
    await eventually(() => page.locator('#shop-comuneCode-error').textContent(), "Comune: scegli il comune dall'elenco che compare mentre scrivi (per esempio «Reggio nell'Emilia (RE)»).");
    await page.context().close();
  });

  it('lists every problem of an empty new offer at once, its own and the API’s, each on its field, an empty number asked for', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const page = await web.newPage();
    await logIn(page, provider.email);
    await page.goto('/organizzazione/offerte/nuova');
    await page.getByRole('heading', { level: 1, name: 'Nuova offerta' }).waitFor();
    await page.getByRole('button', { name: 'Salva la bozza' }).click();

    // Each field's message (the coverage's is under its fieldset).
    const shownErrors = () => page.locator('form [id^="offer-"][id$="-error"]').evaluateAll((nodes) => nodes.map((node) => node.id.replace(/^offer-|-error$/g, '')));
    const every = ['title', 'description', 'categories', 'coverage', 'capacity', 'freePeriodMonths', 'conditions'];
    await eventually(shownErrors, every);
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Controlla i dati inseriti' }) });
    expect(await summary.getByRole('listitem').count()).toBe(every.length);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('alert-danger'))).toBe(true);
    expect(await page.locator('#offer-capacity-error').textContent()).toBe('Posti disponibili: indica un numero, per esempio 10.');
    expect(await page.locator('#offer-freePeriodMonths-error').textContent()).toBe('Mesi gratuiti: indica un numero, per esempio 10.');
    expect(await page.locator('#offer-title-error').textContent()).toMatch(/^Titolo /);
    expect(await page.locator('#offer-coverage-error').textContent()).toMatch(/scegli almeno un’area/);
    await expectAccessible(page, 'offer-form-every-error');

    // Numbers that are not numbers and a missing start date, with the rest: again all at once; nothing was saved.
    await page.getByLabel(/^Posti disponibili/).fill('dieci');
    await page.getByLabel(/^Mesi gratuiti/).fill('6');
    await page.getByLabel(/^Valida dal/).fill('');
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    await eventually(shownErrors, ['title', 'description', 'categories', 'coverage', 'capacity', 'conditions', 'validFrom']);
    expect(await page.locator('#offer-capacity-error').textContent()).toBe('Posti disponibili deve essere un numero intero, per esempio 10.');
    expect(await page.locator('#offer-validFrom-error').textContent()).toBe('Valida dal: indica una data.');
    expect(new URL(page.url()).pathname).toBe('/organizzazione/offerte/nuova');
    await page.goto('/organizzazione/offerte');
    await page.getByText('Non hai ancora nessuna offerta.').waitFor();
    await page.context().close();
  });

  it('titles a refusal of the choice itself by what could not be done, not as a data-entry problem', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const title = `Vetrina per chi non ha confermato ${Date.now()}`;
    await publishedOffer(web.api, provider, { title, coverage: { comuneCodes: [FIRENZE] } });
    // A new shop whose e-mail is not confirmed yet.
    const owner = await signUp(web.api, 'SHOP', { verified: false });
    member(dataOf(await web.api.gqlAs(owner.accessToken, RegisterShopDocument, { input: aShopInput({ comuneCode: FIRENZE }) })).registerShop, 'Shop');
    const requestId = await askFor(web.api, owner);
    const page = await web.newPage();
    await logIn(page, owner.email);
    await page.goto(`/la-mia-attivita/richieste/${requestId}`);
    const card = page.getByTestId('ranked-offer').filter({ has: page.getByRole('heading', { name: title }) });
    await card.getByRole('button', { name: 'Scegli questa offerta' }).click();
    const alert = card.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getByRole('heading').textContent()).toBe('Non è stato possibile scegliere questa offerta');
    expect(await alert.textContent()).toMatch(/e-mail/);
    await expectAccessible(page, 'apply-refused-unconfirmed-email');
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

    // No role chosen and a short password: both messages at once, and no account made.
    await page.goto('/registrati');
    await page.getByLabel('E-mail').fill('senza-ruolo@example.it');
    await page.getByLabel('Password').fill('corta');
    await page.getByRole('button', { name: "Crea l'account" }).click();
    await page.locator('#register-password-error').waitFor();
    expect(await page.locator('#register-role-error').textContent()).toBe('Scegli se sei un negozio, un fornitore o un facilitatore.');
    expect(await page.locator('#register-password-error').textContent()).toBe('Password deve avere almeno 12 caratteri');

    await page.goto('/accedi');
    // Empty fields are named, each on its field, before anything is sent.
    let logins = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('mutation Login')) logins += 1;
    });
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.locator('#login-password-error').waitFor();
    expect(await page.locator('#login-email-error').textContent()).toBe('E-mail è un campo obbligatorio');
    expect(await page.locator('#login-password-error').textContent()).toBe('Password è un campo obbligatorio');
    expect(logins).toBe(0);
    await page.getByLabel('E-mail').fill(existing.email);
    await page.getByLabel('Password').fill('password-sbagliata-davvero');
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByText('E-mail o password errata').waitFor();
    await expectAccessible(page, 'login-error');
    await page.context().close();
  });
  it('keeps the registration form, with what was typed, when the Partita IVA belongs to another shop', async () => {
    const other = await shopIn(web.api, FIRENZE);
    const [{ partita_iva: taken }] = await web.api.app.get(DataSource).query('SELECT partita_iva FROM shop WHERE id = $1', [other.shopId]);
    const owner = await web.signUp('SHOP');
    const page = await web.newPage();
    await logIn(page, owner.email);
    await page.getByLabel('Ragione sociale').fill('Ferramenta Bianchi');
    await page.getByLabel('Partita IVA').fill(taken);
    await page.getByLabel('Sezione ATECO').selectOption('G');
    await page.getByLabel('Divisione ATECO').selectOption('47');
    await page.getByLabel('Numero di addetti').fill('2');
    const comune = page.getByRole('combobox', { name: /^Comune/ });
    await comune.fill('firen');
    await page.getByRole('option', { name: 'Firenze (FI)' }).click();
    await page.getByLabel('Indirizzo').fill('Via dei Servi 3');
    await page.getByLabel('E-mail di contatto').fill('ferramenta@example.it');
    await page.getByRole('button', { name: "Registra l'attività" }).click();
    await page.locator('#shop-partitaIva-error').waitFor();
    expect(await page.locator('#shop-partitaIva-error').textContent()).toMatch(/^Un’attività con questa Partita IVA è già registrata: se è la tua, accedi con il suo account .* scrivi al Dipartimento dalla pagina Contatti$/);
    expect(await page.getByLabel('Ragione sociale').inputValue()).toBe('Ferramenta Bianchi');
    expect(await comune.inputValue()).toBe('Firenze (FI)');
    await page.context().close();
  });

  it('tells the shop why its choice was refused when the offer filled up while it was reading', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const title = `Vetrina fiorentina ${Date.now()}`;
    const offer = await publishedOffer(web.api, provider, { title, capacity: 1, coverage: { comuneCodes: [FIRENZE] } });
    const shop = await shopIn(web.api, FIRENZE);
    const requestId = await askFor(web.api, shop);
    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.goto(`/la-mia-attivita/richieste/${requestId}`);
    const card = page.getByTestId('ranked-offer').filter({ has: page.getByRole('heading', { name: title }) });
    await card.waitFor();

    const quicker = await shopIn(web.api, FIRENZE);
    expect((await applyTo(web.api, quicker, await askFor(web.api, quicker), offer.id, false)).state).toBe('PENDING');
    await card.getByRole('button', { name: 'Scegli questa offerta' }).click();

    await page.getByRole('alert').getByText('L’offerta non ha posti liberi').waitFor();
    expect(await page.getByRole('alert').getByRole('heading').textContent()).toBe('Non è stato possibile scegliere questa offerta');
    expect(new URL(page.url()).pathname).toBe(`/la-mia-attivita/richieste/${requestId}`);
    await page.getByRole('heading', { level: 1, name: 'Richiesta: Negozio online' }).waitFor();
    // The message stays with the card, whose button now joins the waitlist the message speaks of.
    await card.getByRole('button', { name: "Mettiti in lista d'attesa" }).click();
    await page.getByText(`Sei in lista d'attesa per «${title}», in posizione 1.`).waitFor();
    await page.context().close();
  });
});
