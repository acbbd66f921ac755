import type { Page } from 'playwright-core';
import { applyTo, askFor } from '../../api/test/testing/match-fixtures';
import { approvedProvider, publishedOffer, shopIn } from '../../api/test/testing/offer-fixtures';
import { staffUser } from '../../api/test/testing/fixtures';
import { eventually, focused, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

/**
 * Keyboard users: when a button gives way to a form or a question in its place, the focus goes
 * into what appeared, and back to the button when it is cancelled — never to the top of the page,
 * where a screen reader would lose its place.
 */
describe('The focus when an inline form or question opens and closes', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  /** Presses the button by keyboard, as its user would. */
  const press = async (page: Page, name: string): Promise<void> => {
    await page.getByRole('button', { name, exact: true }).focus();
    await page.keyboard.press('Enter');
  };
  const focusedText = async (page: Page): Promise<string> => (await focused(page)).text;
  const focusedTag = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.tagName ?? '');

  it('a shop edits its profile and its request, and asks to withdraw it, then changes its mind each time', async () => {
    const shop = await shopIn(web.api, '001272');
    const requestId = await askFor(web.api, shop);
    const page = await web.newPage();
    await logIn(page, shop.email);

    await page.goto('/la-mia-attivita');
    await press(page, 'Modifica i dati');
    await eventually(() => focusedText(page), "Modifica i dati dell'attività");
    await press(page, 'Annulla');
    await eventually(() => focusedText(page), 'Modifica i dati');

    await page.goto(`/la-mia-attivita/richieste/${requestId}`);
    await press(page, 'Modifica la descrizione');
    await eventually(() => focusedTag(page), 'TEXTAREA');
    await press(page, 'Annulla');
    await eventually(() => focusedText(page), 'Modifica la descrizione');
    await press(page, 'Ritira la richiesta');
    await eventually(async () => (await focusedText(page)).startsWith('Vuoi davvero ritirare'), true);
    await press(page, 'No, tienila');
    await eventually(() => focusedText(page), 'Ritira la richiesta');
    await page.context().close();
  });

  it('a provider asks to close an offer and cancels; staff open the suspension form and cancel', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const offer = await publishedOffer(web.api, provider, { capacity: 1 });
    // One shop holds the place, another waits: the question says what closing does to each.
    for (const shop of [await shopIn(web.api, '001272'), await shopIn(web.api, '001272')]) await applyTo(web.api, shop, await askFor(web.api, shop), offer.id);
    const page = await web.newPage();
    await logIn(page, provider.email);
    await page.goto('/organizzazione/offerte');
    const card = page.locator('li, article').filter({ has: page.getByRole('heading', { name: offer.title }) }).first();
    await card.getByRole('button', { name: 'Chiudi', exact: true }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () => (await focusedText(page)).startsWith('Chiudere «'), true);
    expect(await focusedText(page)).toContain(
      `Chiudere «${offer.title}» per sempre? I negozi non potranno più sceglierla. Una richiesta attende ancora la tua risposta: potrai ancora accettarla o rifiutarla. Un’attività in lista d’attesa esce dalla lista, e ne è avvisata.`,
    );
    await press(page, 'Annulla');
    await eventually(() => focusedText(page), 'Chiudi');
    await page.context().close();

    const ministry = await web.newPage();
    await logIn(ministry, staff.email);
    await ministry.goto('/ministero/verifica-offerte');
    const review = ministry.locator('li, article').filter({ has: ministry.getByRole('heading', { name: offer.title }) }).first();
    await review.getByRole('button', { name: "Sospendi l'offerta" }).focus();
    await ministry.keyboard.press('Enter');
    await eventually(() => focusedTag(ministry), 'TEXTAREA');
    await review.getByRole('button', { name: 'Annulla', exact: true }).focus();
    await ministry.keyboard.press('Enter');
    await eventually(() => focusedText(ministry), "Sospendi l'offerta");
    await ministry.context().close();
  });

  it('a provider removes the comuni of a new offer one by one, and the focus stays in the list, then goes to the field that adds them', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const page = await web.newPage();
    await logIn(page, provider.email);
    await page.goto('/organizzazione/offerte/nuova');
    for (const [search, option] of [['bologn', 'Bologna (BO)'], ['modena', 'Modena (MO)']]) {
      await page.getByRole('combobox', { name: /^Comune da aggiungere/ }).fill(search);
      await page.getByRole('option', { name: option }).click();
      await page.getByRole('group', { name: 'Comuni' }).getByRole('button', { name: 'Aggiungi' }).click();
      await page.getByRole('button', { name: `Rimuovi ${option}` }).waitFor();
    }
    await press(page, 'Rimuovi Bologna (BO)');
    await eventually(() => focusedText(page), 'Rimuovi Modena (MO)');
    await press(page, 'Rimuovi Modena (MO)');
    await eventually(async () => (await focused(page)).id, 'offer-coverage-comune');
    // By keyboard alone: the arrow and Enter choose a comune, Enter again adds it (the form is not sent).
    await page.getByRole('combobox', { name: /^Comune da aggiungere/ }).fill('parm');
    await page.getByRole('option', { name: 'Parma (PR)' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Rimuovi Parma (PR)' }).waitFor();
    await eventually(async () => (await focused(page)).id, 'offer-coverage-comune');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().close();
  });

  it('a link of the error summary to a group of choices puts the focus on its first choice, not on the group', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const page = await web.newPage();
    await logIn(page, provider.email);
    await page.goto('/organizzazione/offerte/nuova');
    await page.getByRole('button', { name: /^Salva/ }).first().click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: /Controlla/ }) });
    const link = summary.getByRole('link', { name: /^Servizi compresi/ });
    await link.focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => [document.activeElement?.tagName, (document.activeElement as HTMLInputElement | null)?.type].join(' ')), 'INPUT checkbox');
    await eventually(() => page.evaluate(() => document.activeElement?.closest('fieldset')?.id ?? ''), 'offer-categories');
    await page.context().close();
  });
});
