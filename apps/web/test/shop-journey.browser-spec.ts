import { RegisterShopDocument } from '../../api/test/gql/generated';
import { aPartitaIva, anEmail, aShopInput, TEST_PASSWORD } from '../../api/test/testing/fixtures';
import { DESKTOP, eventually, expectAccessible, focusedNotice, logIn, PHONE, startWebTestApp, type WebTestApp } from './testing/web-app';

describe('Shop journey in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('signs up, logs out and in, registers the shop choosing its comune by keyboard, and sees its profile (phone width)', async () => {
    const page = await web.newPage(PHONE);
    const email = anEmail('negozio');

    await page.goto('/');
    await page.getByRole('link', { name: 'Registra la tua attività' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrati' }).waitFor();
    expect(await page.getByLabel("Un negozio, una bottega o un'impresa locale").isChecked()).toBe(true);
    // Signing up takes two steps, and each page says which one it is.
    const steps = (current: number) => page.getByRole('list', { name: `Registrazione: passo ${current} di 2` });
    expect(await steps(1).getByRole('listitem').allTextContents()).toEqual(["1Crea l'account", "2Registra l'attività"]);
    expect(await steps(1).locator('[aria-current="step"]').textContent()).toBe("1Crea l'account");
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: "Crea l'account" }).click();
    await page.waitForURL('**/la-mia-attivita');
    // The refresh token is in an HttpOnly cookie for /graphql that no script can read.
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'vec_refresh', path: '/graphql', httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => document.cookie)).toBe('');

    // A second tab of the same browser is signed in too.
    const second = await page.context().newPage();
    await second.goto('/la-mia-attivita');
    await second.getByRole('button', { name: "Registra l'attività" }).waitFor();
    await second.close();

    // Logging out ends the session: no refresh token is left behind, in the cookie or in storage.
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    await logIn(page, email);
    expect(new URL(page.url()).pathname).toBe('/la-mia-attivita');

    await page.getByRole('button', { name: "Registra l'attività" }).waitFor();
    expect(await steps(2).locator('[aria-current="step"]').textContent()).toBe("2Registra l'attività");
    expect(await steps(2).getByRole('listitem').first().textContent()).toBe("1Crea l'account (fatto)");
    await expectAccessible(page, 'shop-register-form-phone');
    await page.getByLabel('Ragione sociale').fill('Panificio Rossi S.n.c.');
    await page.getByLabel('Insegna').fill('Il Forno di Via Roma');
    await page.getByLabel('Partita IVA').fill(aPartitaIva());
    await page.getByLabel('Sezione ATECO').selectOption('G');
    await page.getByLabel('Divisione ATECO').selectOption('47');
    await page.getByLabel('Numero di addetti').fill('4');

    const comune = page.getByRole('combobox', { name: /^Comune/ });
    await comune.fill('tori');
    await page.getByRole('option', { name: 'Torino (TO)' }).waitFor();
    await page.getByText('comuni trovati').waitFor({ state: 'attached' }); // announced to screen readers
    await expectAccessible(page, 'shop-comune-autocomplete-phone');
    await comune.press('ArrowDown');
    expect(await comune.getAttribute('aria-activedescendant')).toBe(await page.getByRole('option', { name: 'Torino (TO)' }).getAttribute('id'));
    await comune.press('Enter');
    expect(await comune.inputValue()).toBe('Torino (TO)');
    expect(await comune.getAttribute('aria-expanded')).toBe('false');

    await page.getByLabel('Indirizzo').fill('Via Roma 1');
    await page.getByLabel('E-mail di contatto').fill('forno@example.it');
    await page.getByRole('button', { name: "Registra l'attività" }).click();

    await page.getByText('Attività registrata.').waitFor();
    await eventually(() => focusedNotice(page), 'Attività registrata.');
    await page.getByRole('heading', { level: 2, name: 'Il Forno di Via Roma' }).waitFor();
    await page.getByText('Torino (TO)').waitFor();
    await page.getByText("G – Commercio all'ingrosso e al dettaglio · 47 – ", { exact: false }).waitFor();
    expect(await page.getByTestId('sign-up-steps').count()).toBe(0);
    await expectAccessible(page, 'shop-profile-phone');

    // Editing: only the changed field is sent; the profile shows it.
    await page.getByRole('button', { name: 'Modifica i dati' }).click();
    await page.getByLabel('Indirizzo').fill('Piazza Castello 2');
    await expectAccessible(page, 'shop-edit-form-phone');
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page.getByText('Modifiche salvate.').waitFor();
    // The form has given way to the profile: the focus is on the message saying it was saved.
    await eventually(() => focusedNotice(page), 'Modifiche salvate.');
    await page.getByText('Piazza Castello 2').waitFor();
    await page.context().close();
  });

  it('finds the comune as people type it: second-language names shown beside the Italian one, words in any form', async () => {
    const owner = await web.signUp('SHOP');
    const page = await web.newPage(DESKTOP);
    await logIn(page, owner.email);
    const comune = page.getByRole('combobox', { name: /^Comune/ });
    const firstOption = page.getByRole('listbox', { name: /^Comune/ }).getByRole('option').first();

    await comune.fill('Bozen');
    const bolzano = page.getByRole('option', { name: 'Bolzano/Bozen (BZ)' });
    await bolzano.waitFor();
    await expectAccessible(page, 'shop-comune-autocomplete-bilingual');
    await bolzano.click();
    // The choice reads as everywhere else in the app: the Italian name and the sigla.
    expect(await comune.inputValue()).toBe('Bolzano (BZ)');

    await comune.fill('reggio emilia');
    await page.getByRole('option', { name: "Reggio nell'Emilia (RE)" }).waitFor();
    expect(await firstOption.textContent()).toBe("Reggio nell'Emilia (RE)");
    await comune.fill('S. Agata');
    await page.getByRole('option', { name: "Sant'Agata di Militello (ME)" }).waitFor();
    expect(await firstOption.textContent()).toBe("Sant'Agata di Militello (ME)");
    await page.context().close();
  });

  it('keeps the session across a reload and renews an expired access token once, transparently', async () => {
    const owner = await web.signUp('SHOP');
    const registered = await web.api.gqlAs(owner.accessToken, RegisterShopDocument, { input: aShopInput({ tradingName: 'Bottega del Corso' }) });
    expect(registered.errors).toBeUndefined();
    const page = await web.newPage(DESKTOP);
    await logIn(page, owner.email);
    await page.getByRole('heading', { level: 2, name: 'Bottega del Corso' }).waitFor();
    // The header names the business the person acts for, not the e-mail they sign in with.
    await eventually(() => page.getByTestId('account-name').textContent(), 'Accesso come Bottega del Corso');

    // The API answers the first profile request after the reload as if the access token had expired.
    const operations: string[] = [];
    let rejected = false;
    await page.route(/\/graphql(\?|$)/, async (route) => {
      // Queries come by GET (persisted, their name in the address), mutations by POST.
      const body = JSON.parse(route.request().postData() ?? '{}') as { operationName?: string; query?: string };
      const name = new URL(route.request().url()).searchParams.get('operationName') ?? body.operationName ?? /(?:query|mutation) (\w+)/.exec(body.query ?? '')?.[1] ?? '?';
      // Only the profile and the session: the header also reads the unread notifications.
      if (name === 'MyShop' || name === 'RefreshSession') operations.push(name);
      if (name === 'MyShop' && !rejected) {
        rejected = true;
        await route.fulfill({ json: { data: null, errors: [{ message: 'Log in to do this', extensions: { code: 'UNAUTHENTICATED' } }] } });
        return;
      }
      await route.continue();
    });
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Bottega del Corso' }).waitFor();
    // Restore after the reload, the rejected query, one renewal, the retried query.
    await eventually(async () => operations, ['RefreshSession', 'MyShop', 'RefreshSession', 'MyShop']);
    await page.context().close();
  });
});
