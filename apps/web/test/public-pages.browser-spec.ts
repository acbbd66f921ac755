import { DESKTOP, eventually, expectAccessible, focused, PHONE, startWebTestApp, type WebTestApp } from './testing/web-app';

describe('Public pages in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('shows every public page in Italian with zero WCAG 2.1 AA violations (%s)', async (label, viewport) => {
    const page = await web.newPage(viewport);

    await page.goto('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    await page.getByRole('heading', { level: 1, name: 'Servizi digitali gratuiti per i negozi di quartiere' }).waitFor();
    // The programme's national totals (the open-data figures) and the territory, from the public API.
    const live = page.getByTestId('live-figures');
    await live.getByText('attività registrate', { exact: true }).waitFor();
    expect(await live.locator('.figure-value').allTextContents()).toEqual(Array(8).fill(expect.stringMatching(/^\d{1,3}(\.\d{3})*$/)));
    expect(await page.getByRole('link', { name: 'dati aperti per fogli di calcolo (CSV)' }).getAttribute('href')).toBe('/open-data/aggregates.csv');
    await page.getByText('regioni', { exact: true }).waitFor();
    // Thousands grouped as Italians write them, four digits too.
    expect(await page.locator('section[aria-labelledby="figures-title"] .figure-value').allTextContents()).toEqual(['20', '107', '7.904', '11']);
    // Public text is for citizens: no notes about the API or the data behind it.
    expect(await page.locator('main').textContent()).not.toMatch(/\bAPI\b|coordinate/);
    await page.getByText('Consegna a domicilio').waitFor();
    await expectAccessible(page, `home-${label}`);

    await page.goto('/registrati');
    await page.getByRole('heading', { level: 1, name: 'Registrati' }).waitFor();
    await expectAccessible(page, `register-${label}`);

    await page.goto('/bandi');
    await page.getByRole('heading', { level: 1, name: 'Bandi' }).waitFor();
    await page.getByLabel('Bandi da mostrare').waitFor();
    await expectAccessible(page, `calls-${label}`);

    await page.goto('/accedi');
    await page.getByRole('heading', { level: 1, name: 'Accedi' }).waitFor();
    await expectAccessible(page, `login-${label}`);

    // What AgID requires of a public service, linked from every page's footer.
    const footer = page.locator('footer');
    for (const [link, title, shot] of [
      ['Note legali', 'Note legali', 'legal-notes'],
      ['Privacy', 'Informativa sulla privacy', 'privacy'],
      ['Dichiarazione di accessibilità', 'Dichiarazione di accessibilità', 'accessibility-statement'],
      ['Domande frequenti', 'Domande frequenti', 'faq'],
      ['Contatti', 'Contatti', 'contacts'],
    ]) {
      await footer.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await expectAccessible(page, `${shot}-${label}`);
    }

    await page.goto('/non-esiste');
    await page.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
    await expectAccessible(page, `not-found-${label}`);
    await page.context().close();
  });

  it('states its accessibility with a way to report problems, and marks what the administration must complete', async () => {
    const page = await web.newPage();
    await page.goto('/dichiarazione-di-accessibilita');
    await page.getByRole('heading', { level: 1, name: 'Dichiarazione di accessibilità' }).waitFor();
    for (const section of ['Stato di conformità', 'Contenuti non accessibili', 'Redazione della dichiarazione', 'Segnala un problema di accessibilità', 'Se la risposta non arriva o non ti soddisfa']) {
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    const feedback = page.getByRole('link', { name: /^Scrivi a accessibilita@/ });
    expect(await feedback.getAttribute('href')).toMatch(/^mailto:accessibilita@[^?]+\?subject=/);
    expect(await page.getByRole('link', { name: 'Difensore civico per il digitale (AgID)' }).getAttribute('href')).toBe('https://www.agid.gov.it/it/design-servizi/difensore-civico-per-il-digitale');
    await page.getByTestId('template-notice').waitFor();
    // Every page of the footer is reachable from here too.
    await page.getByRole('navigation', { name: 'Informazioni legali' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByText('un solo cookie tecnico', { exact: false }).waitFor();

    await page.goto('/domande-frequenti');
    const question = page.getByText('I servizi sono davvero gratuiti?');
    await question.click();
    await page.getByText('Sì, per tutto il periodo indicato', { exact: false }).waitFor();
    await expectAccessible(page, 'faq-open');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Frequently asked questions' }).waitFor();
    await page.context().close();
  });

  it('sends signed-out visitors of a reserved page to the login page', async () => {
    const page = await web.newPage();
    await page.goto('/la-mia-attivita');
    await page.waitForURL('**/accedi');
    await page.getByRole('heading', { level: 1, name: 'Accedi' }).waitFor();
    await page.context().close();
  });

  it('is keyboard operable: the skip link comes first, the phone menu opens and closes', async () => {
    const page = await web.newPage(PHONE);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Vai al contenuto principale');
    await page.keyboard.press('Enter');
    await eventually(async () => (await focused(page)).id, 'main');

    const menuButton = page.getByRole('button', { name: 'Apri il menu' });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await eventually(() => menuButton.getAttribute('aria-expanded'), 'true');
    await eventually(async () => (await focused(page)).text, 'Home');
    await expectAccessible(page, 'menu-phone');
    // Focus stays in the open menu: past its last link Tab comes back to its first control, and back.
    const inMenu = () => page.evaluate(() => document.getElementById('main-menu')?.contains(document.activeElement) ?? false);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await inMenu()).toBe(true);
    }
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inMenu()).toBe(true);
    }
    await page.keyboard.press('Escape');
    await eventually(() => menuButton.getAttribute('aria-expanded'), 'false');
    expect((await focused(page)).label).toBe('Apri il menu');
    await page.context().close();
  });

  it('switches the whole interface to English and remembers the choice', async () => {
    const page = await web.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Free digital services for neighbourhood shops' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Sign up' }).waitFor();
    await page.getByText('Home delivery').waitFor(); // category labels from the API, in English
    expect(await page.locator('section[aria-labelledby="figures-title"] .figure-value').nth(2).textContent()).toBe('7,904');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Free digital services for neighbourhood shops' }).waitFor();
    await expectAccessible(page, 'home-english');

    await page.getByRole('button', { name: 'Italiano' }).click();
    await page.getByRole('heading', { level: 1, name: 'Servizi digitali gratuiti per i negozi di quartiere' }).waitFor();
    await page.context().close();
  });
});
