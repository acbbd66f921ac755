import { randomUUID } from 'node:crypto';
import { staffUser } from '../../api/test/testing/fixtures';
import { askFor } from '../../api/test/testing/match-fixtures';
import { approvedProvider, publishedOffer } from '../../api/test/testing/offer-fixtures';
import { shopNamed } from './testing/journey-fixtures';
import { eventually, expectAccessible, logIn, PHONE, startWebTestApp, type WebTestApp } from './testing/web-app';

const [TORINO, PALERMO] = ['001272', '082053'];
const unique = (name: string): string => `${name} ${randomUUID().slice(0, 6)}`;
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('Allocation runs in the browser (a database of their own: a run takes every open request)', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp({ ownDatabase: true });
  });
  afterAll(() => web.close());

  it('schedules and cancels a run, previews one and reads who gets what and why not, then commits one', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const title = unique('Vetrina torinese');
    await publishedOffer(web.api, provider, { title, capacity: 1, coverage: { comuneCodes: [TORINO] } });
    const [bakery, florist, palermo] = [unique('Panetteria Sole'), unique('Fiori di Luna'), unique('Ferramenta Mare')];
    for (const [name, comune, category] of [[bakery, TORINO, 'ONLINE_STORE'], [florist, TORINO, 'ONLINE_STORE'], [palermo, PALERMO, 'CYBERSECURITY']] as const) {
      await askFor(web.api, await shopNamed(web.api, comune, name), category);
    }

    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Assegnazioni' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assegnazione dei posti' }).waitFor();
    await page.getByText('Nessuna assegnazione eseguita finora.').waitFor();

    // A time in the past is refused next to the date, before anything is sent or confirmed.
    await page.getByText('A una data e ora', { exact: true }).click();
    await page.getByLabel(/^Data di avvio/).fill(inDays(-1));
    await page.getByLabel(/^Ora di avvio/).fill('10:00');
    await page.getByRole('button', { name: "Avvia l'anteprima" }).click();
    await page.locator('#run-runAt-error').waitFor();
    expect(await page.locator('#run-runAt-error').textContent()).toBe('Data di avvio: è già passata; indica un momento futuro, o scegli «Subito».');
    await expectAccessible(page, 'allocation-form-error');

    await page.getByLabel(/^Data di avvio/).fill(inDays(1));
    await page.getByRole('button', { name: "Avvia l'anteprima" }).click();
    await page.getByText('Anteprima programmata.').waitFor();
    const latest = page.getByTestId('run-card').first();
    expect(await latest.getByTestId('run-status').textContent()).toBe('Programmata');
    // Cancelling is asked first; "no" leaves the run as it was, with the focus back on its button.
    await latest.getByRole('button', { name: "Annulla l'esecuzione" }).click();
    await latest.getByRole('button', { name: "No, lasciala com'è" }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Annulla l'esecuzione");
    await latest.getByRole('button', { name: "Annulla l'esecuzione" }).click();
    await latest.getByRole('button', { name: 'Sì, annullala' }).click();
    await page.getByText(': annullata.', { exact: false }).waitFor();
    await eventually(() => latest.getByTestId('run-status').textContent(), 'Annullata');
    // It never ran: the card says when it was cancelled, not that it finished.
    // With its article by the day: "il 7 dicembre", "l'8 dicembre".
    await latest.getByText(/ · annullata (il |l')/).waitFor();
    expect(await latest.getByText('terminata', { exact: false }).count()).toBe(0);

    await page.getByText('Subito', { exact: true }).click();
    await page.getByRole('button', { name: "Avvia l'anteprima" }).click();
    await page.getByText('Anteprima avviata', { exact: false }).waitFor();
    await eventually(() => latest.getByTestId('run-status').textContent(), 'Anteprima pronta', 20_000);
    await latest.getByText('1 richiesta servita su 3').waitFor();
    await expectAccessible(page, 'allocation-runs');

    await latest.getByRole('link').click();
    await page.getByTestId('run-statistics').waitFor();
    // What the run achieved, in an analyst's words; the total cost is explained on demand, not headlined.
    expect(await page.getByTestId('run-statistics').locator('li').allInnerTexts()).toEqual([
      expect.stringMatching(/^1\s+richieste servite\s+su 3 aperte \(33\s?%\)$/),
      expect.stringMatching(/^2\s+non servite$/),
      expect.stringMatching(/^1\s+servite da un'offerta locale\s+nel comune del negozio o entro un raggio$/),
      expect.stringMatching(/^–\s+distanza media\s+dal centro del raggio, per 0 negozi serviti entro un raggio$/),
    ]);
    expect(await page.getByTestId('run-levels').locator('li').allInnerTexts()).toEqual([
      'offerta del comune del negozio: 1',
      'offerta entro un raggio: 0',
      'offerta della provincia: 0',
      'offerta della regione: 0',
      'offerta nazionale: 0',
    ]);
    expect(await page.getByText('Costo totale', { exact: false }).count()).toBe(0);
    await page.getByText("Che cos'è il costo dell'assegnazione?").click();
    await page.getByText('Più è basso, più le assegnazioni sono vicine e locali', { exact: false }).waitFor();
    await page.getByText('le offerte adatte sono al completo (1); nessuna offerta copre la richiesta (1)', { exact: false }).waitFor();
    const items = page.getByTestId('run-item');
    await eventually(() => items.count(), 3);
    const served = items.filter({ has: page.getByText('Servita', { exact: true }) });
    await served.getByText(`«${title}» di `, { exact: false }).waitFor();
    expect(await served.locator('p.fw-semibold').textContent()).toMatch(new RegExp(`^(${bakery}|${florist}), Torino \\(TO\\)$`));
    await items.filter({ hasText: palermo }).getByText('nessuna offerta copre la richiesta').waitFor();
    await expectAccessible(page, 'allocation-run-preview');

    await page.getByRole('button', { name: 'Non servite', exact: true }).click();
    await page.getByText('2 richieste', { exact: true }).waitFor();
    await eventually(async () => (await items.allInnerTexts()).filter((text) => text.includes('Non servita')).length, 2);

    // The commit asks for confirmation, then creates the match.
    await page.getByRole('link', { name: 'Torna alle assegnazioni' }).click();
    await page.getByText('Assegnazione definitiva', { exact: true }).click();
    await page.getByRole('button', { name: "Avvia l'assegnazione definitiva" }).click();
    await page.getByText("L'assegnazione definitiva ricalcola sui dati di adesso (può differire dall'ultima anteprima)", { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Sì, assegna i posti' }).click();
    await page.getByText('Assegnazione definitiva avviata', { exact: false }).waitFor();
    await eventually(() => latest.getByTestId('run-status').textContent(), 'Assegnata', 20_000);
    await latest.getByRole('link').click();
    await page.setViewportSize(PHONE);
    await page.getByText('abbinamento creato', { exact: false }).waitFor();
    await expectAccessible(page, 'allocation-run-committed-phone');
    await page.context().close();

    // The provider reads the place as the Ministry's allocation gave it, not as an application of the shop's.
    const providerPage = await web.newPage();
    await logIn(providerPage, provider.email);
    await providerPage.goto('/organizzazione/candidature');
    const card = providerPage.getByTestId('application').first();
    await card.getByText('Assegnata dal Ministero con l’assegnazione dei posti, ', { exact: false }).waitFor();
    expect(await card.getByText('Candidatura del negozio', { exact: false }).count()).toBe(0);
    await providerPage.context().close();
  });
});
