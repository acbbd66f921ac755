import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { staffUser } from '../../api/test/testing/fixtures';
import { ConfirmMatchActiveDocument, DecideProviderDocument } from '../../api/test/gql/generated';
import { applyTo, askFor } from '../../api/test/testing/match-fixtures';
import { approvedProvider, createOffer, publishedOffer, registeredProvider } from '../../api/test/testing/offer-fixtures';
import { shopNamed } from './testing/journey-fixtures';
import { eventually, expectAccessible, focused, focusedNotice, logIn, PHONE, startWebTestApp, type WebTestApp } from './testing/web-app';

const PISTOIA = '047014';
const unique = (title: string): string => `${title} ${randomUUID().slice(0, 6)}`;
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Types the first letters of a comune and picks it from the list. */
async function pickComune(page: Page, label: string, search: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: new RegExp(`^${label}`) }).fill(search);
  await page.getByRole('option', { name: option }).click();
}

/** The staff review card of an offer, on whichever page of the list it is. */
async function offerCard(page: Page, title: string) {
  for (let pageNumber = 1; pageNumber <= 50; pageNumber += 1) {
    await page.locator('li.queue-card, .empty-state').first().waitFor();
    const card = page.locator('li.queue-card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
    if ((await card.count()) === 1) return card;
    const next = page.getByRole('button', { name: 'Successiva' });
    if ((await next.count()) === 0 || (await next.isDisabled())) break;
    await next.click();
    await page.getByText(`Pagina ${pageNumber + 1} di`).waitFor();
  }
  throw new Error(`offer ${title} not in the review list`);
}

describe('Provider offers and applications in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('drafts an offer with the coverage picker (regions, a province, a comune, a radius), reads the API’s error on the radius, publishes and edits it', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const title = unique('Consegne a domicilio gratuite');
    const page = await web.newPage();
    await logIn(page, provider.email);
    await page.getByRole('link', { name: 'Le mie offerte' }).first().click();
    await page.getByText('Non hai ancora nessuna offerta.').waitFor();
    await page.getByRole('link', { name: 'Nuova offerta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuova offerta' }).waitFor();

    await page.getByLabel(/^Titolo/).fill(title);
    await page.getByLabel(/^Descrizione/).fill('Consegniamo gratis la spesa dei tuoi clienti in giornata.');
    await page.locator('#offer-categories').getByText('Consegna a domicilio', { exact: true }).click();
    await page.locator('#offer-coverage-regions').getByText('Umbria', { exact: true }).click();
    const provinces = page.getByRole('group', { name: 'Province' });
    await provinces.getByLabel('Regione della provincia').selectOption({ label: 'Lazio' });
    await provinces.getByLabel('Provincia', { exact: true }).selectOption({ label: 'Roma (RM)' });
    await provinces.getByRole('button', { name: 'Aggiungi' }).click();
    // Each "Aggiungi" is disabled or its picker emptied once the area is in: the focus goes back to
    // the picker, for another area, and a live region says what was added.
    await eventually(async () => (await focused(page)).id, 'offer-coverage-province');
    expect(await provinces.getByTestId('coverage-added').textContent()).toBe('Area aggiunta: provincia di Roma (RM).');
    await pickComune(page, 'Comune da aggiungere', 'bologn', 'Bologna (BO)');
    const comuni = page.getByRole('group', { name: 'Comuni' });
    await comuni.getByRole('button', { name: 'Aggiungi' }).click();
    await eventually(async () => (await focused(page)).id, 'offer-coverage-comune');
    expect(await comuni.getByTestId('coverage-added').textContent()).toBe('Area aggiunta: Bologna (BO).');
    await pickComune(page, 'Comune al centro', 'napol', 'Napoli (NA)');
    await page.getByLabel('Raggio in km', { exact: true }).fill('0');
    const radii = page.getByRole('group', { name: 'Raggio attorno a un comune' });
    await radii.getByRole('button', { name: 'Aggiungi' }).click();
    // A radius the offer could not take is refused at once, at its field, and not added.
    await eventually(() => page.locator('#offer-coverage-radius-km-error').textContent(), 'Scrivi un numero intero di km da 1 a 500.');
    expect((await focused(page)).id).toBe('offer-coverage-radius-km');
    await page.getByLabel('Raggio in km', { exact: true }).fill('300');
    await radii.getByRole('button', { name: 'Aggiungi' }).click();
    await eventually(async () => (await focused(page)).id, 'offer-coverage-radius-centre');
    expect(await radii.getByTestId('coverage-added').textContent()).toBe('Area aggiunta: entro 300 km da Napoli (NA).');
    expect(await page.locator('#offer-coverage-radius-km-error').count()).toBe(0);
    // From the keyboard: Enter on the chosen centre goes on to its km, Enter there adds the radius; neither sends the form.
    const formUrl = page.url();
    await page.getByRole('combobox', { name: /^Comune al centro/ }).fill('parm');
    await page.getByRole('option', { name: 'Parma (PR)' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await eventually(async () => (await focused(page)).id, 'offer-coverage-radius-km');
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await eventually(() => radii.getByTestId('coverage-added').textContent(), 'Area aggiunta: entro 20 km da Parma (PR).');
    expect((await focused(page)).id).toBe('offer-coverage-radius-centre');
    expect(page.url()).toBe(formUrl);
    await page.getByRole('button', { name: 'Rimuovi il raggio attorno a Parma (PR)' }).click();
    // Added without its km, the radius is not finished: the focus goes to its km in the list, and the announcement says so.
    await pickComune(page, 'Comune al centro', 'moden', 'Modena (MO)');
    await radii.getByRole('button', { name: 'Aggiungi il raggio' }).click();
    await eventually(async () => (await focused(page)).id, 'offer-coverage.radii.1.km');
    expect(await radii.getByTestId('coverage-added').textContent()).toBe('Raggio attorno a Modena (MO) aggiunto: scrivi qui i km.');
    await page.getByRole('button', { name: 'Rimuovi il raggio attorno a Modena (MO)' }).click();
    // A division of ATECO added: the focus goes back to the choice, and what was added is said.
    await page.getByText('Solo alcuni settori ATECO', { exact: true }).click();
    await page.getByLabel(/^Divisione ATECO da aggiungere/).selectOption({ index: 1 });
    const chosenDivision = await page.getByLabel(/^Divisione ATECO da aggiungere/).evaluate((select) => (select as HTMLSelectElement).selectedOptions[0].text);
    await page.getByRole('button', { name: 'Aggiungi la divisione' }).click();
    await eventually(async () => (await focused(page)).id, 'offer-sectors-division');
    await eventually(() => page.getByText(`Divisione aggiunta: ${chosenDivision}.`).count(), 1);
    await page.getByText('Tutti i settori', { exact: true }).click();
    // Changed in the list to more than the API takes, it is refused on saving, next to that radius.
    await page.getByLabel('Raggio in km attorno a Napoli (NA)').fill('900');
    expect(await page.locator('.chips-list .chip-label').allTextContents()).toEqual(['Roma (RM)', 'Bologna (BO)']);
    await page.getByLabel(/^Posti disponibili/).fill('5');
    await page.getByLabel(/^Mesi gratuiti/).fill('6');
    await page.getByLabel(/^Condizioni/).fill('Gratuito per sei mesi, senza obbligo di rinnovo né costi nascosti.');
    await page.getByLabel('Valida fino al').fill(inDays(200));
    await page.getByRole('button', { name: 'Salva la bozza' }).click();

    // The API refuses a 900 km radius: the message sits next to that radius, in Italian.
    const radiusError = page.locator('[id="offer-coverage.radii.0.km-error"]');
    await radiusError.waitFor();
    expect(await radiusError.textContent()).toBe('Raggio in km attorno a Napoli (NA) non può superare 500');
    expect(await page.getByLabel('Raggio in km attorno a Napoli (NA)').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'offer-form-errors');
    await page.getByLabel('Raggio in km attorno a Napoli (NA)').fill('30');
    await page.getByRole('button', { name: 'Salva la bozza' }).click();

    await page.waitForURL('**/organizzazione/offerte');
    await page.getByText(`«${title}» salvata in bozza`, { exact: false }).waitFor();
    // The reader goes on from what happened: the message has the focus, not the page's title.
    await eventually(async () => (await focusedNotice(page)).includes(`«${title}» salvata in bozza`), true);
    const card = page.getByTestId('offer-card').filter({ has: page.getByRole('heading', { name: title }) });
    expect(await card.getByTestId('offer-status').textContent()).toBe('Bozza');
    await card.getByText('Umbria; provincia di Roma (RM); Bologna (BO); entro 30 km da Napoli (NA)').waitFor();
    await card.getByText('Posti usati: 0 su 5; liberi: 5').waitFor();
    await card.getByRole('button', { name: 'Pubblica' }).click();
    await page.getByText(`«${title}» è pubblicata`, { exact: false }).waitFor();
    // The button pressed has given way to others: the reader goes on from the message, which has the focus.
    await eventually(() => focusedNotice(page), `«${title}» è pubblicata: i negozi della zona la vedono.`);
    expect(await card.getByTestId('offer-status').textContent()).toBe('Pubblicata');
    await expectAccessible(page, 'provider-offers');

    // Editing sends only what changed: more places, and the coverage without Bologna.
    await card.getByRole('link', { name: 'Modifica' }).click();
    await page.getByRole('heading', { level: 1, name: "Modifica l'offerta" }).waitFor();
    await page.getByLabel(/^Posti disponibili/).fill('7');
    await page.getByRole('button', { name: 'Rimuovi Bologna (BO)' }).click();
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page.getByText(`Modifiche a «${title}» salvate.`).waitFor();
    await card.getByText('Umbria; provincia di Roma (RM); entro 30 km da Napoli (NA)').waitFor();
    await card.getByText('Posti usati: 0 su 7; liberi: 7').waitFor();
    await page.context().close();
  });

  it('accepts one application and declines another with a reason, before the deadline; the burn-down follows (phone width)', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const title = unique('Spesa a casa');
    const offer = await publishedOffer(web.api, provider, { title, categories: ['HOME_DELIVERY'], capacity: 3, coverage: { comuneCodes: [PISTOIA] } });
    const [first, second] = [unique('Fioraio Bianchi'), unique('Drogheria Verdi')];
    const matchOf: Record<string, { shop: Awaited<ReturnType<typeof shopNamed>>; id: string }> = {};
    for (const name of [first, second]) {
      const shop = await shopNamed(web.api, PISTOIA, name);
      const match = await applyTo(web.api, shop, await askFor(web.api, shop, 'HOME_DELIVERY'), offer.id);
      expect(match.state).toBe('PENDING');
      matchOf[name] = { shop, id: match.id };
    }

    const page = await web.newPage(PHONE);
    await logIn(page, provider.email);
    await page.goto('/organizzazione/candidature');
    await page.getByRole('heading', { level: 1, name: 'Candidature dei negozi' }).waitFor();
    const application = (shop: string) => page.getByTestId('application').filter({ has: page.getByRole('heading', { name: shop }) });
    // The deadline with its article: "entro il 12 dicembre", "entro l'8 dicembre", "entro l'11 dicembre", "entro il 1° dicembre".
    const deadline = application(first).getByText(/^Rispondi entro /);
    await deadline.waitFor();
    const [, phrase, dayOfMonth] = /^Rispondi entro ((?:il |l')(\d{1,2})°?) [a-z]+ \d{4}\b/.exec((await deadline.textContent()) ?? '') ?? [];
    const expected: Record<string, string> = { '1': 'il 1°', '8': "l'8", '11': "l'11" };
    expect(phrase).toBe(expected[dayOfMonth] ?? `il ${dayOfMonth}`);
    await application(first).getByText('Pistoia (PT)').waitFor();
    await application(first).getByText('Vorremmo vendere online i nostri prodotti.').waitFor();
    await expectAccessible(page, 'provider-applications-phone');

    await application(first).getByRole('button', { name: 'Accetta' }).click();
    await page.getByText(`Hai accettato ${first}`, { exact: false }).waitFor();
    // The application has left the list of those to decide: the focus is on what happened.
    await eventually(() => focusedNotice(page), `Hai accettato ${first}: il negozio confermerà quando il servizio è attivo.`);

    // "Rifiuta" gives way to the reason, which takes the focus; "Annulla" puts the button back, focused.
    const decline = application(second).getByRole('button', { name: 'Rifiuta' });
    await decline.click();
    await eventually(async () => (await focused(page)).id, `decide-${matchOf[second].id}-reason`);
    await application(second).getByRole('button', { name: 'Annulla' }).click();
    await eventually(() => decline.evaluate((button) => button === document.activeElement), true);
    await decline.click();
    await eventually(async () => (await focused(page)).id, `decide-${matchOf[second].id}-reason`);
    await application(second).getByRole('button', { name: 'Conferma il rifiuto' }).click();
    const reasonError = application(second).locator('[data-field-error]');
    await reasonError.waitFor();
    // Left empty: the reason is required (not "at least 2 characters").
    expect(await reasonError.textContent()).toBe('Motivo del rifiuto è un campo obbligatorio');
    await expectAccessible(page, 'provider-decline-error-phone');
    await application(second).getByLabel(/^Motivo del rifiuto/).fill('Non consegniamo ancora nella vostra via.');
    await application(second).getByRole('button', { name: 'Conferma il rifiuto' }).click();
    await page.getByText(`Hai rifiutato ${second}`, { exact: false }).waitFor();
    await page.getByText('Nessuna candidatura da decidere.').waitFor();

    await page.getByRole('button', { name: 'Accettate', exact: true }).click();
    await application(first).getByTestId('match-state').getByText('Accettato').waitFor();
    await page.goto('/organizzazione/offerte');
    const card = page.getByTestId('offer-card').filter({ has: page.getByRole('heading', { name: title }) });
    await card.getByText('Posti usati: 1 su 3; liberi: 2').waitFor();
    await card.getByText('1 in corso (accettato o attivo)').waitFor();

    // Ending a running service is asked twice; "no" leaves it running, with the focus back on the button.
    const activated = await web.api.gqlAs(matchOf[first].shop.accessToken, ConfirmMatchActiveDocument, { id: matchOf[first].id });
    expect(activated.data?.confirmMatchActive.__typename).toBe('Match');
    await page.goto('/organizzazione/candidature');
    await page.getByRole('button', { name: 'Attive', exact: true }).click();
    const complete = application(first).getByRole('button', { name: 'Segna il servizio come concluso' });
    await complete.click();
    const question = application(first).getByRole('group', { name: /^Vuoi segnare come concluso il servizio per/ });
    await question.waitFor();
    await expectAccessible(page, 'provider-complete-question-phone');
    await question.getByRole('button', { name: 'No, lascialo attivo' }).click();
    await eventually(() => complete.evaluate((button) => button === document.activeElement), true);
    expect(await application(first).getByTestId('match-state').textContent()).toBe('Attivo');
    await complete.click();
    await question.getByRole('button', { name: 'Sì, segna come concluso' }).click();
    await eventually(() => focusedNotice(page), `Il servizio per ${first} è concluso.`);
    await page.context().close();
  });

  it('shows an offer published while the organisation awaits verification in one state, and lets staff suspend an offer that is not free', async () => {
    const pending = await registeredProvider(web.api);
    const title = unique('Consegne in prova');
    await createOffer(web.api, pending, { title, coverage: { comuneCodes: [PISTOIA] }, conditions: 'Gratis tre mesi. Dopo il periodo si paga 30 euro al mese.' });
    const page = await web.newPage();
    await logIn(page, pending.email);
    await page.goto('/organizzazione/offerte');
    await page.getByText('La tua organizzazione è in attesa di verifica. Con l’indirizzo e-mail confermato puoi già pubblicare le offerte', { exact: false }).waitFor();
    const card = page.getByTestId('offer-card').filter({ has: page.getByRole('heading', { name: title }) });
    await card.getByRole('button', { name: 'Pubblica' }).click();
    await page.getByText(`«${title}» è pubblicata in attesa di verifica: i negozi la vedranno quando la tua organizzazione sarà approvata.`).waitFor();
    expect(await card.getByTestId('offer-status').textContent()).toBe('Pubblicata · in attesa di verifica');
    // One state: nothing on the page says shops can see it already.
    expect(await page.getByText('i negozi della zona la vedono', { exact: false }).count()).toBe(0);
    await expectAccessible(page, 'provider-offers-awaiting-verification');

    const staff = await staffUser(web.api);
    const approved = await web.api.gqlAs(staff.accessToken, DecideProviderDocument, { input: { providerId: pending.providerId, decision: 'APPROVED' } });
    expect(approved.data?.verifyProvider.__typename).toBe('Provider');
    const review = await web.newPage();
    await logIn(review, staff.email);
    await review.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Verifiche', exact: true }).click();
    await review.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Verifica offerte' }).click();
    await review.getByRole('heading', { level: 1, name: 'Verifica delle offerte' }).waitFor();
    // Found by words of its title, then of its provider's name with the title's, whatever the list's length.
    const search = review.getByLabel("Cerca un'offerta per titolo o nome del fornitore");
    const [suffix] = title.split(' ').slice(-1);
    await search.fill(suffix.toUpperCase());
    await review.getByRole('button', { name: 'Cerca', exact: true }).click();
    await eventually(() => review.locator('li.queue-card').count(), 1);
    const providerName = (await review.locator('li.queue-card dt', { hasText: 'Fornitore' }).locator('xpath=following-sibling::dd').textContent()) ?? '';
    await search.fill(`${providerName} consegne`);
    await review.getByRole('button', { name: 'Cerca', exact: true }).click();
    await review.locator('li.queue-card').getByRole('heading', { name: title, exact: true }).waitFor();
    await search.fill('nessuna offerta ha questo titolo');
    await review.getByRole('button', { name: 'Cerca', exact: true }).click();
    await review.getByText('Nessuna offerta per «nessuna offerta ha questo titolo» in questo stato.').waitFor();
    await expectAccessible(review, 'offer-review-search');
    await search.fill('');
    await review.getByRole('button', { name: 'Cerca', exact: true }).click();
    const reviewed = await offerCard(review, title);
    await reviewed.getByText('Dopo il periodo si paga 30 euro al mese.', { exact: false }).waitFor();
    // Staff read the description too, where a price may hide as well.
    await reviewed.getByRole('heading', { name: 'Descrizione', level: 3 }).waitFor();
    await reviewed.getByRole('button', { name: "Sospendi l'offerta" }).click();
    await reviewed.getByRole('button', { name: 'Conferma la sospensione' }).click();
    await reviewed.locator('[data-field-error]').waitFor();
    await expectAccessible(review, 'offer-review-error');
    await reviewed.getByLabel(/^Motivazione/).fill('Le condizioni chiedono 30 euro al mese dopo il periodo gratuito.');
    await reviewed.getByRole('button', { name: 'Conferma la sospensione' }).click();
    await review.getByText(`«${title}» è sospesa: il fornitore è stato avvisato.`).waitFor();

    await page.reload();
    await card.getByTestId('offer-suspension').getByText('Le condizioni chiedono 30 euro al mese dopo il periodo gratuito.', { exact: false }).waitFor();
    expect(await card.getByTestId('offer-status').textContent()).toBe('Sospesa dal Ministero');
    expect(await card.getByRole('button', { name: 'Riprendi' }).count()).toBe(0);
    // The way to ask for another look: the Department's contacts.
    expect(await card.getByTestId('offer-suspension').getByRole('link', { name: 'Scrivi al Dipartimento' }).getAttribute('href')).toBe('/contatti');
    await expectAccessible(page, 'provider-offer-suspended');
    for (const p of [page, review]) await p.context().close();
  });
});
