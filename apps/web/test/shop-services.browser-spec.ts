import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { staffUser } from '../../api/test/testing/fixtures';
import { AcceptMatchDocument, MyHelpRequestsDocument, WithdrawMatchDocument } from '../../api/test/gql/generated';
import { applyTo, askFor } from '../../api/test/testing/match-fixtures';
import { approvedProvider, publishedOffer, shopIn } from '../../api/test/testing/offer-fixtures';
import { eventually, expectAccessible, focused, focusedNotice, logIn, PHONE, startWebTestApp, type WebTestApp } from './testing/web-app';

// Comuni the API tests do not use, so that the offers here are the only local ones.
const [SIENA, LUCCA, ROMA] = ['052032', '046017', '058091'];
const unique = (title: string): string => `${title} ${randomUUID().slice(0, 6)}`;
describe('Shop services in the browser: needs, offers, matches, survey', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('answers the questionnaire, reads why the offers fit, applies, and after the provider accepts confirms, completes and answers the survey', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const title = unique('Vetrina di quartiere');
    await publishedOffer(web.api, provider, { title, capacity: 2, freePeriodMonths: 12, coverage: { comuneCodes: [SIENA] } });
    const shop = await shopIn(web.api, SIENA);
    const page = await web.newPage();
    await logIn(page, shop.email);

    await page.getByRole('link', { name: 'Di che cosa hai bisogno?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Di che cosa hai bisogno?' }).waitFor();
    await page.getByRole('button', { name: 'Proponimi i servizi' }).click();
    await page.locator('#needs-answers-error').waitFor();
    expect(await page.locator('#needs-answers-error').textContent()).toBe('Che cosa vorresti fare con il digitale: scegli almeno una risposta.');
    await page.getByText('Vuoi vendere online?', { exact: true }).click();
    // Answered: the message goes, from the field and from the summary.
    expect(await page.locator('#needs-answers-error').count()).toBe(0);
    await page.getByText('Vuoi consegnare a domicilio?', { exact: true }).click();
    await expectAccessible(page, 'needs-questionnaire');
    await page.getByRole('button', { name: 'Proponimi i servizi' }).click();

    // The button gave way to the proposal: the focus is on it, and back on the questions when the shop changes them.
    await page.getByRole('heading', { name: 'I servizi che ti proponiamo' }).waitFor();
    await eventually(async () => (await focused(page)).id, 'needs-rows');
    await page.getByRole('button', { name: 'Cambia le risposte' }).click();
    await eventually(async () => (await focused(page)).id, 'needs-answers');
    expect(await page.getByLabel('Vuoi vendere online?').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Proponimi i servizi' }).click();

    // Selling online proposes a shop and a marketplace; delivery, home delivery. Each with a description.
    await page.getByRole('heading', { name: 'I servizi che ti proponiamo' }).waitFor();
    await eventually(async () => (await focused(page)).id, 'needs-rows');
    expect(await page.locator('.need-card label.fw-semibold').allTextContents()).toEqual([
      'Chiedi: Negozio online',
      'Chiedi: Vendita su marketplace',
      'Chiedi: Consegna a domicilio',
    ]);
    await page.getByText('Chiedi: Vendita su marketplace', { exact: true }).click();
    const storeNeed = page.getByLabel('Che cosa ti serve: Negozio online');
    const deliveryNeed = page.getByLabel('Che cosa ti serve: Consegna a domicilio');
    await deliveryNeed.fill('Corto');
    await page.getByRole('button', { name: 'Invia le richieste' }).click();
    // The API refuses the short description of the second request: its message sits next to that
    // field, and the first request, valid as it is, is not created either (all or none).
    const deliveryError = page.locator('[id="needs-requests.1.description-error"]');
    await deliveryError.waitFor();
    expect(await deliveryError.textContent()).toBe('Che cosa ti serve: Consegna a domicilio deve avere almeno 10 caratteri');
    expect(await deliveryNeed.getAttribute('aria-invalid')).toBe('true');
    expect(await storeNeed.getAttribute('aria-invalid')).toBeNull();
    const created = await web.api.gqlAs(shop.accessToken, MyHelpRequestsDocument, { first: 1 });
    expect(created.data?.myHelpRequests.totalCount).toBe(0);
    await expectAccessible(page, 'needs-proposal-error');
    // The summary's link leads to the field.
    await page.getByRole('alert').getByRole('link', { name: /Consegna a domicilio deve avere almeno 10 caratteri/ }).click();
    expect(await deliveryNeed.evaluate((field) => field === document.activeElement)).toBe(true);
    await deliveryNeed.fill('Vorremmo consegnare il pane a domicilio nel quartiere.');
    await page.getByRole('button', { name: 'Invia le richieste' }).click();

    await page.waitForURL('**/la-mia-attivita/richieste');
    await page.getByText('Abbiamo registrato le tue 2 richieste.', { exact: false }).waitFor();
    // The notice shows at once, the list when it has loaded.
    await eventually(async () => (await page.locator('.queue-card h2').allTextContents()).sort(), ['Consegna a domicilio', 'Negozio online']);
    await expectAccessible(page, 'shop-requests');

    // The ranked offers of the request, each explained from its score in plain words.
    await page.getByRole('link', { name: 'Negozio online', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Richiesta: Negozio online' }).waitFor();
    const card = page.getByTestId('ranked-offer').filter({ has: page.getByRole('heading', { name: title }) });
    await card.waitFor();
    expect(await page.getByTestId('ranked-offer').first().getByRole('heading', { level: 3 }).textContent()).toBe(title);
    expect(await card.locator('.reasons li').allTextContents()).toEqual([
      'Copre il tuo comune',
      'È pensata proprio per questo servizio',
      'Restano 2 posti liberi',
      'Gratuita per 12 mesi',
    ]);
    await card.getByText(/^Punteggio [\d,]+ su 100/).click();
    await card.getByRole('cell', { name: '40 su 40' }).waitFor();
    // The offer covers the whole comune: its distance points are not a distance the shop could misread.
    await card.getByRole('rowheader', { name: "Distanza: non conta, l'offerta copre tutta l'area" }).waitFor();
    await expectAccessible(page, 'request-recommendations');

    await card.getByRole('button', { name: 'Scegli questa offerta' }).click();
    await page.waitForURL('**/la-mia-attivita/servizi/*');
    await page.getByText(`Hai scelto «${title}»`, { exact: false }).waitFor();
    expect(await page.getByTestId('match-state').textContent()).toBe('In attesa di risposta');
    await page.getByText('Termine per la risposta del fornitore').waitFor();
    const matchId = new URL(page.url()).pathname.split('/').pop() ?? '';

    // The provider accepts (its own journey is in provider-offers): the shop is notified.
    const accepted = await web.api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: matchId });
    expect(accepted.data?.acceptMatch.__typename).toBe('Match');
    await page.reload();
    const bell = page.getByRole('link', { name: 'Notifiche: 1 non letta' });
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Notifiche' }).waitFor();
    const notification = page.getByTestId('notification').first();
    await notification.getByText(`ha accettato la tua richiesta per «${title}»`, { exact: false }).waitFor();
    await expectAccessible(page, 'notifications');
    // Marked read while only the unread are shown, the notice leaves the list: the focus goes to the page's title, not to nowhere.
    await page.getByRole('button', { name: 'Non lette', exact: true }).click();
    // What the filter left is said to assistive technology, the focus staying on the filter.
    await eventually(() => page.getByTestId('results-status').textContent(), '1 risultato');
    await notification.getByRole('button', { name: 'Segna come letta' }).click();
    await page.getByText('Nessuna notifica da leggere.').waitFor();
    expect(await page.getByTestId('results-status').textContent()).toBe('Nessun risultato');
    await eventually(() => page.evaluate(() => document.activeElement?.tagName), 'H1');
    await page.getByRole('button', { name: 'Tutte', exact: true }).click();
    await notification.getByRole('link', { name: 'Apri' }).click();
    await page.waitForURL(`**/la-mia-attivita/servizi/${matchId}`);
    await page.getByRole('link', { name: 'Notifiche', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Conferma che il servizio è attivo' }).click();
    await page.getByText('Hai confermato che il servizio è attivo', { exact: false }).waitFor();
    expect(await page.getByTestId('match-state').textContent()).toBe('Attivo');
    await page.getByText('Gratuito fino al').waitFor();
    // Ending the free period cannot be undone: asked first, and "no" changes nothing.
    const complete = page.getByRole('button', { name: 'Concludi il servizio' });
    await complete.click();
    const question = page.getByRole('group', { name: /^Vuoi concludere il servizio adesso\?/ });
    await eventually(() => question.evaluate((box) => box === document.activeElement), true);
    await expectAccessible(page, 'match-complete-question');
    await question.getByRole('button', { name: 'No, continua a usarlo' }).click();
    await eventually(() => complete.evaluate((button) => button === document.activeElement), true);
    expect(await page.getByTestId('match-state').textContent()).toBe('Attivo');
    await complete.click();
    await question.getByRole('button', { name: 'Sì, concludi il servizio' }).click();
    await page.getByRole('heading', { name: "Com'è andata?" }).waitFor();
    await eventually(() => focusedNotice(page), 'Servizio concluso. Rispondi alle due domande qui sotto.');
    expect(await page.getByTestId('match-state').textContent()).toBe('Concluso');

    // The two questions: an answer is required, then roughly how many orders.
    await page.getByRole('button', { name: 'Invia le risposte' }).click();
    await page.locator('#survey-COMPLETION-gotOnlineOrders-error').waitFor();
    await page.getByText('Sì', { exact: true }).click();
    expect(await page.locator('#survey-COMPLETION-gotOnlineOrders-error').count()).toBe(0);
    // Over the API's limit: the bound as Italians write it, the field named as a noun.
    await page.getByLabel(/^Numero di ordini online, più o meno/).fill('2000000');
    await page.getByRole('button', { name: 'Invia le risposte' }).click();
    await eventually(() => page.locator('#survey-COMPLETION-approximateOrders-error').textContent(), 'Numero di ordini online non può superare 1.000.000');
    // Not a whole number: the field named the same way.
    await page.getByLabel(/^Numero di ordini online, più o meno/).fill('2,5');
    await page.getByRole('button', { name: 'Invia le risposte' }).click();
    await eventually(() => page.locator('#survey-COMPLETION-approximateOrders-error').textContent(), 'Numero di ordini online deve essere un numero intero, per esempio 12.');
    // Thousands grouped with a dot, as written in Italy.
    await page.getByLabel(/^Numero di ordini online, più o meno/).fill('1.200');
    await expectAccessible(page, 'match-survey');
    await page.getByRole('button', { name: 'Invia le risposte' }).click();
    await page.getByText('Grazie: abbiamo registrato le tue risposte.').waitFor();
    await page.getByText("Com'è andata?: sì, circa 1.200 ordini", { exact: false }).waitFor();
    expect(await page.getByTestId('match-history').locator('li > span.fw-semibold').allTextContents()).toEqual([
      'Richiesta inviata al fornitore',
      'Accettata dal fornitore',
      'Servizio attivo',
      'Servizio concluso',
    ]);
    await expectAccessible(page, 'match-completed');

    // A month after activation the same page asks how the first 30 days went (90 days: not yet).
    await web.api.app.get(DataSource).query(`UPDATE match SET activated_at = activated_at - interval '31 days' WHERE id = $1`, [matchId]);
    await page.reload();
    const monthSurvey = page.getByRole('region', { name: "Com'è andata nei primi 30 giorni?" });
    await monthSurvey.waitFor();
    expect(await page.getByRole('region', { name: "Com'è andata nei primi 90 giorni?" }).count()).toBe(0);
    await monthSurvey.getByText('No', { exact: true }).click();
    await monthSurvey.getByRole('button', { name: 'Invia le risposte' }).click();
    await page.getByText('Grazie: abbiamo registrato le tue risposte.').waitFor();
    await page.getByText("Com'è andata nei primi 30 giorni?: nessun ordine online", { exact: false }).waitFor();
    expect(await monthSurvey.count()).toBe(0);

    // Every survey due answered: the list of services no longer asks for one.
    await page.goto('/la-mia-attivita/servizi');
    const row = page.locator(`a[href$="/la-mia-attivita/servizi/${matchId}"]`).locator('xpath=ancestor::*[self::li or self::tr][1]');
    await row.waitFor();
    expect(await row.innerText()).not.toContain('dicci se ti ha portato ordini online');
    await page.context().close();
  });

  it('joins the waitlist of a full offer, learns why another offer does not fit, and leaves the waitlist (phone width)', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const full = unique('Consegne in bici');
    const elsewhere = unique('Consegne romane');
    const fullOffer = await publishedOffer(web.api, provider, { title: full, categories: ['HOME_DELIVERY'], capacity: 1, coverage: { comuneCodes: [LUCCA] } });
    const holder = await shopIn(web.api, LUCCA);
    expect((await applyTo(web.api, holder, await askFor(web.api, holder, 'HOME_DELIVERY'), fullOffer.id)).state).toBe('PENDING');
    // Published last, so that it leads the list of the category's other offers.
    await publishedOffer(web.api, provider, { title: elsewhere, categories: ['HOME_DELIVERY'], coverage: { comuneCodes: [ROMA] } });
    const shop = await shopIn(web.api, LUCCA);
    const requestId = await askFor(web.api, shop, 'HOME_DELIVERY');

    const page = await web.newPage(PHONE);
    await logIn(page, shop.email);
    await page.goto(`/la-mia-attivita/richieste/${requestId}`);
    await page.getByRole('heading', { level: 1, name: 'Richiesta: Consegna a domicilio' }).waitFor();
    const waiting = page.getByRole('region', { name: /Offerte al completo/ }).getByTestId('ranked-offer').filter({ has: page.getByRole('heading', { name: full }) });
    await waiting.waitFor();
    expect(await waiting.locator('.reasons li').allTextContents()).toContain("Nessun posto libero ora: entri in lista d'attesa");

    const other = page.locator('.offer-card').filter({ has: page.getByRole('heading', { name: elsewhere }) });
    await other.getByRole('button', { name: 'Perché non fa per me?' }).click();
    await other.getByTestId('ineligibility-reasons').waitFor();
    expect(await other.getByTestId('ineligibility-reasons').locator('li').allTextContents()).toEqual(['Il tuo negozio è fuori dall’area coperta dall’offerta']);
    expect(await other.getByRole('button', { name: 'Perché non fa per me?' }).getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'request-waitlist-why-not-phone');

    await waiting.getByRole('button', { name: "Mettiti in lista d'attesa" }).click();
    await page.waitForURL('**/la-mia-attivita/servizi/*');
    await page.getByText(`Sei in lista d'attesa per «${full}», in posizione 1.`).waitFor();
    expect(await page.getByTestId('match-state').textContent()).toBe("In lista d'attesa");
    await expectAccessible(page, 'match-waitlisted-phone');
    // The message was for that moment: reloaded, the page shows the match as it stands, without it.
    await page.reload();
    await page.getByTestId('match-state').waitFor();
    expect(await page.getByText(`Sei in lista d'attesa per «${full}», in posizione 1.`).count()).toBe(0);

    await page.getByRole('button', { name: "Esci dalla lista d'attesa" }).click();
    await page.getByLabel('Motivo (facoltativo)').fill('Abbiamo trovato un fattorino in zona.');
    // Leaving a waitlist gives up no service: the words say what it is, and that the provider is not told why.
    await page.getByText('al fornitore diciamo solo che hai rinunciato, non perché', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Esci dalla lista', exact: true }).click();
    await page.getByText('Sei uscito dalla lista d’attesa', { exact: false }).waitFor();
    await eventually(() => page.getByTestId('match-state').textContent(), 'Ritirato');
    await page.getByText('Motivo: Abbiamo trovato un fattorino in zona.').first().waitFor();

    await page.goto('/la-mia-attivita/servizi');
    await page.getByRole('heading', { level: 1, name: 'I miei servizi' }).waitFor();
    await page.getByRole('link', { name: full }).waitFor();
    await expectAccessible(page, 'shop-matches-phone');
    await page.context().close();
  });
  it('reads a request again when its tab is shown again: one withdrawn meanwhile elsewhere offers no edit', async () => {
    const shop = await shopIn(web.api, SIENA);
    const requestId = await askFor(web.api, shop, 'WEBSITE');
    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.goto(`/la-mia-attivita/richieste/${requestId}`);
    await page.getByRole('button', { name: 'Modifica la descrizione' }).waitFor();
    // Withdrawn in another tab (here, the API), then this tab is shown again.
    const { errors } = await web.gql('mutation ($id: ID!) { cancelHelpRequest(id: $id) { __typename } }', { id: requestId }, shop.accessToken);
    expect(errors).toBeUndefined();
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await eventually(() => page.getByRole('button', { name: 'Modifica la descrizione' }).count(), 0);
    await page.getByText('Ritirata', { exact: true }).first().waitFor();
    await page.context().close();
  });

  it('withdraws a request: the page says so and the reader continues from that message', async () => {
    const shop = await shopIn(web.api, SIENA);
    const requestId = await askFor(web.api, shop, 'HOME_DELIVERY');
    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.goto(`/la-mia-attivita/richieste/${requestId}`);

    // First the description is mended: too short is told on the field, and goes as the reader types.
    await page.getByRole('button', { name: 'Modifica la descrizione' }).click();
    const description = page.getByLabel('Che cosa ti serve');
    await description.fill('Corto');
    await page.getByRole('button', { name: 'Salva la descrizione' }).click();
    await page.locator('#request-' + requestId + '-description-error').waitFor();
    expect(await page.locator('#request-' + requestId + '-description-error').textContent()).toMatch(/^Che cosa ti serve /);
    await expectAccessible(page, 'request-description-error');
    await description.fill('Consegne a domicilio il sabato mattina.\n\nNel centro storico di Siena.');
    expect(await page.locator('#request-' + requestId + '-description-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Salva la descrizione' }).click();
    await page.getByRole('status').getByText('Descrizione aggiornata.').waitFor();
    // The line breaks the shop typed are kept on the page.
    const shown = page.locator('dd', { hasText: 'Consegne a domicilio il sabato mattina.' });
    await shown.waitFor();
    expect(await shown.innerText()).toBe('Consegne a domicilio il sabato mattina.\n\nNel centro storico di Siena.');

    await page.getByRole('button', { name: 'Ritira la richiesta' }).click();
    await page.getByRole('button', { name: 'Sì, ritira la richiesta' }).click();
    await page.getByRole('status').getByText('Hai ritirato la richiesta.').waitFor();
    await eventually(() => focusedNotice(page), 'Hai ritirato la richiesta.');
    expect(await page.getByRole('button', { name: 'Ritira la richiesta' }).count()).toBe(0);
    await expectAccessible(page, 'request-withdrawn');
    await page.context().close();
  });

  it('keeps an offer the shop gave up apart from the ranked ones, and lets it ask for it again knowingly', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const title = unique('Corso di vendita online');
    const offer = await publishedOffer(web.api, provider, { title, categories: ['DIGITAL_SKILLS'], coverage: { comuneCodes: [LUCCA] } });
    const shop = await shopIn(web.api, LUCCA);
    const requestId = await askFor(web.api, shop, 'DIGITAL_SKILLS');
    const held = await applyTo(web.api, shop, requestId, offer.id);
    const withdrawn = await web.api.gqlAs(shop.accessToken, WithdrawMatchDocument, { input: { id: held.id, reason: 'Abbiamo trovato un altro corso.' } });
    expect(withdrawn.data?.withdrawMatch.__typename).toBe('Match');

    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.goto(`/la-mia-attivita/richieste/${requestId}`);
    await page.getByRole('heading', { level: 2, name: 'Offerte che hai lasciato o che ti sono state rifiutate' }).waitFor();
    expect(await page.getByTestId('ranked-offer').filter({ has: page.getByRole('heading', { name: title }) }).count()).toBe(0);
    const refused = page.getByTestId('refused-offer').filter({ has: page.getByRole('heading', { name: title }) });
    await refused.getByText(/Hai rinunciato a questa offerta (il |l')\d/).waitFor();
    await expectAccessible(page, 'request-refused-offers');
    await refused.getByRole('button', { name: 'Chiedi di nuovo' }).click();
    await page.waitForURL('**/la-mia-attivita/servizi/*');
    // The request page, which lists both matches, stays on screen until the match page has loaded.
    await page.getByRole('heading', { level: 2, name: 'Offerte che hai lasciato o che ti sono state rifiutate' }).waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('match-state').textContent(), 'In attesa di risposta');
    await page.context().close();
  });
});
