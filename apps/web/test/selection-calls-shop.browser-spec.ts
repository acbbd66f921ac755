import { TEST_PASSWORD } from '../../api/test/testing/fixtures';
import { callCard, DAY, HOUR, publishedCall, TORINO, unique } from './testing/call-fixtures';
import { shopNamed } from './testing/journey-fixtures';
import { expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

describe('Selection calls as a shop and a visitor finds them: before the window, at its end, outside the territory, on the public list', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('a published call whose applications open later says when, with no form to fill in yet', async () => {
    const opensAt = new Date(Date.now() + 2 * 3_600_000);
    const { title } = await publishedCall(web, 'Bando in arrivo', { opensAt: opensAt.toISOString(), closesAt: new Date(Date.now() + 3 * DAY).toISOString() });
    const shop = await shopNamed(web.api, TORINO, unique('Merceria Viola'));

    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.goto('/la-mia-attivita/bandi');
    const card = await callCard(page, title);
    await card.getByText('Non ancora aperto', { exact: true }).waitFor();
    await card.getByText(/^Le domande si aprono (il |l')\d/).waitFor();
    expect(await card.getByRole('button', { name: 'Presenta la domanda' }).count()).toBe(0);
    await expectAccessible(page, 'calls-shop-not-yet-open');
    await page.context().close();
  });

  it('a call whose applications open while the shop reads it offers the form then, without a reload', async () => {
    const { title } = await publishedCall(web, 'Bando che apre', { opensAt: new Date(Date.now() + 20_000).toISOString(), closesAt: new Date(Date.now() + 3 * DAY).toISOString() });
    const shop = await shopNamed(web.api, TORINO, unique('Erboristeria Lilla'));

    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.goto('/la-mia-attivita/bandi');
    const card = await callCard(page, title);
    await card.getByText('Non ancora aperto', { exact: true }).waitFor();
    expect(await card.getByRole('button', { name: 'Presenta la domanda' }).count()).toBe(0);
    // The opening passes with the page open: the badge and the notice go, the form comes.
    await card.getByRole('button', { name: 'Presenta la domanda' }).waitFor({ timeout: 40_000 });
    expect(await card.getByText('Non ancora aperto', { exact: true }).count()).toBe(0);
    await page.context().close();
  }, 90_000);

  it('a call whose window ends while the shop reads it stops offering the form, without a reload, and says the ranking follows', async () => {
    const { title } = await publishedCall(web, 'Bando in chiusura', { opensAt: new Date(Date.now() - HOUR).toISOString(), closesAt: new Date(Date.now() + 20_000).toISOString() });
    const shop = await shopNamed(web.api, TORINO, unique('Cartoleria Blu'));

    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.goto('/la-mia-attivita/bandi');
    const card = await callCard(page, title);
    await card.getByRole('button', { name: 'Presenta la domanda' }).waitFor();
    // The deadline passes with the page open: the sweep has not closed the call yet, but the form goes.
    await card.getByTestId('call-window-over').waitFor({ timeout: 40_000 });
    await card.getByText('Domande chiuse', { exact: true }).waitFor();
    expect(await card.getByRole('button', { name: 'Presenta la domanda' }).count()).toBe(0);
    expect(await card.getByTestId('call-window-over').textContent()).toMatch(/^Le domande si sono chiuse (il |l')\d.*la graduatoria sarà pubblicata a breve\.$/);
    await expectAccessible(page, 'calls-shop-window-over');
    await page.context().close();
  }, 90_000);

  it('anyone finds an open call and its rules on the public list, and a shop signs in from it to apply', async () => {
    const { title } = await publishedCall(web, 'Bando per tutti');
    const shop = await shopNamed(web.api, TORINO, unique('Drogheria Verde'));

    const page = await web.newPage();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Bandi', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Bandi' }).waitFor();
    await page.getByLabel('Bandi da mostrare').selectOption('OPEN');
    const card = page.getByTestId('public-call-card').filter({ hasText: title });
    await page.getByTestId('public-call-card').first().waitFor();
    for (let shown = 1; (await card.count()) === 0; shown++) {
      await page.getByRole('button', { name: 'Successiva' }).click();
      await page.getByText(`Pagina ${shown + 1} di`, { exact: false }).waitFor();
    }
    // The published rules, as shops read them, and the way in.
    await card.getByText('Un anno gratuito di negozio online', { exact: false }).waitFor();
    await card.getByText('Aperto', { exact: true }).waitFor();
    await expectAccessible(page, 'calls-public-open');
    await card.getByRole('link', { name: `Accedi per candidarti ${title}` }).click();
    await page.waitForURL('**/accedi');
    await page.getByLabel('E-mail').fill(shop.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.waitForURL('**/la-mia-attivita/bandi');
    await (await callCard(page, title)).getByRole('button', { name: 'Presenta la domanda' }).waitFor();
    await page.context().close();
  });

  it('tells a shop outside a call’s territory before the form, and offers no form', async () => {
    const { title } = await publishedCall(web, 'Bando piemontese', { eligibility: { regionCodes: ['01'] } });
    const shop = await shopNamed(web.api, '058091', unique('Forno Romano'));
    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.goto('/la-mia-attivita/bandi');
    const card = await callCard(page, title);
    await card.getByTestId('call-not-for-you').getByText('Il bando è solo per le imprese di: Piemonte').waitFor();
    expect(await card.getByRole('button', { name: 'Presenta la domanda' }).count()).toBe(0);
    await expectAccessible(page, 'calls-shop-not-for-you');
    await page.context().close();
  });
});
