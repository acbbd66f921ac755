import { randomUUID } from 'node:crypto';
import type { Route } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { staffUser } from '../../api/test/testing/fixtures';
import { askFor } from '../../api/test/testing/match-fixtures';
import { approvedProvider, publishedOffer } from '../../api/test/testing/offer-fixtures';
import { shopNamed } from './testing/journey-fixtures';
import { eventually, expectAccessible, focused, logIn, showSection, startWebTestApp, type WebTestApp } from './testing/web-app';

const [TORINO, PALERMO] = ['001272', '082053'];
const unique = (name: string): string => `${name} ${randomUUID().slice(0, 6)}`;
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

describe('The ministry dashboard in the browser (a database of its own: the figures are national)', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp({ ownDatabase: true });
  });
  afterAll(() => web.close());

  it('shows the figures, the map with its table, unmet demand, places ending soon, narrows by region and period, and downloads a CSV', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const title = unique('Vetrina torinese');
    await publishedOffer(web.api, provider, { title, categories: ['ONLINE_STORE'], capacity: 5, coverage: { comuneCodes: [TORINO] }, validUntil: inDays(10) });
    // Shops of one comune and trade share a place: the unmet-demand count must add them up.
    for (const [comune, category] of [[TORINO, 'ONLINE_STORE'], [TORINO, 'ONLINE_STORE'], [TORINO, 'ONLINE_STORE'], [PALERMO, 'CYBERSECURITY'], [PALERMO, 'CYBERSECURITY']] as const) {
      await askFor(web.api, await shopNamed(web.api, comune, unique('Bottega')), category);
    }
    // A withdrawn request counts nowhere: not in the headline, not in the tables.
    const changedMind = await shopNamed(web.api, PALERMO, unique('Bottega'));
    const withdrawn = await askFor(web.api, changedMind, 'WEBSITE');
    const { errors } = await web.gql('mutation ($id: ID!) { cancelHelpRequest(id: $id) { __typename } }', { id: withdrawn }, changedMind.accessToken);
    expect(errors).toBeUndefined();

    const page = await web.newPage();
    await logIn(page, staff.email);
    expect(new URL(page.url()).pathname).toBe('/ministero/cruscotto');
    await page.getByRole('heading', { level: 1, name: 'Cruscotto del programma' }).waitFor();
    const kpi = (id: string) => page.locator(`[data-kpi="${id}"] .figure-value`);
    await eventually(() => kpi('shops').textContent(), '6');
    // The sections far below the first screen ask for their figures only as they come into view.
    expect(await page.getByTestId('uptake-by-facilitator').count()).toBe(0);
    expect(await page.getByTestId('dashboard-bundle-totals').count()).toBe(0);
    expect(await kpi('requests').textContent()).toBe('5');
    expect(await kpi('matchRate').textContent()).toBe('0%');
    expect(await kpi('capacity').textContent()).toBe('0 / 5');
    expect(await page.locator('[data-kpi="capacity"] .figure-label').textContent()).toBe('posti usati su quelli offerti');
    expect(await kpi('activationRate').textContent()).toBe('–');
    // Outcomes per checkpoint, each with its number of answers (none yet in this database).
    expect(await page.getByTestId('outcomes').locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^Alla conclusione\s+0\s+–\s+–$/),
      expect.stringMatching(/^A 30 giorni\s+0\s+–\s+–$/),
      expect.stringMatching(/^A 90 giorni\s+0\s+–\s+–$/),
    ]);

    // The chart's figures as a table: the trend counts what happened, the six requests made this week (the withdrawn one too).
    await page.locator('section[aria-labelledby="series-title"]').getByText('Mostra i dati in tabella').click();
    const series = await page.getByTestId('series-table').locator('tbody tr td:nth-child(2)').allTextContents();
    expect(series.map(Number).reduce((a, b) => a + b, 0)).toBe(6);

    // The map colours the regions with requests; the table says the same in words.
    await showSection(page, 'places-title');
    const regions = page.getByTestId('breakdown-REGION');
    await regions.waitFor();
    const row = (name: string) => regions.locator('tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) });
    expect(await row('Piemonte').locator('td').nth(1).textContent()).toBe('3');
    expect(await row('Sicilia').locator('td').nth(1).textContent()).toBe('2');
    expect(await row('Sicilia').locator('td').nth(0).textContent()).toBe('3'); // three shops, one of them withdrew
    expect(await row('Lazio').locator('td').nth(1).textContent()).toBe('0'); // a region where nobody asked is a row too
    expect(await regions.locator('tbody tr').count()).toBe(20);
    const fill = (code: string) => page.locator(`[data-region="${code}"]`).getAttribute('fill');
    const [piemonte, sicilia, lazio] = [await fill('01'), await fill('19'), await fill('12')];
    expect(new Set([piemonte, sicilia, lazio]).size).toBe(3); // 3, 2 and 0 requests: three steps
    expect(await page.locator('.map-legend li').allInnerTexts()).toEqual(['0', '1', '2', '3', 'nessun dato']);
    await page.getByLabel('Colora la mappa per').selectOption('matchRate');
    expect(await fill('12')).toBe('#d6d6d6'); // no request to match: no rate, "nessun dato"
    await page.getByLabel('Colora la mappa per').selectOption('requests');
    await expectAccessible(page, 'dashboard');

    // By service category, then by the shops' ATECO section.
    await showSection(page, 'topics-title');
    const byCategory = page.getByTestId('breakdown-CATEGORY');
    expect(await byCategory.locator('tbody tr').filter({ hasText: /^Negozio online/ }).locator('td').nth(1).textContent()).toBe('3');
    expect(await byCategory.locator('tbody tr').filter({ hasText: /^Sicurezza informatica/ }).locator('td').nth(1).textContent()).toBe('2');
    // What the shops and requests columns count is said beside the table.
    await page.getByText('anche se poi hanno ritirato la richiesta', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Settore', exact: true }).click();
    const bySector = page.getByTestId('breakdown-SECTOR');
    await bySector.waitFor();
    const sectorRequests = await bySector.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(sectorRequests.map(Number).reduce((a, b) => a + b, 0)).toBe(5);

    // Palermo's two requests have no offer at all; Turin's are served by the offer, which ends in 10 days.
    await showSection(page, 'unmet-title');
    const unmet = page.getByTestId('unmet-demand');
    await unmet.locator('tbody tr').first().waitFor();
    expect(await unmet.locator('tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/^Palermo \(Sicilia\)\s+Sicurezza informatica\s+2\s+0\s+/)]);
    // The figures come from a snapshot, and the page says when it was taken.
    expect(await page.getByTestId('unmet-computed-at').textContent()).toMatch(/^Aggiornato alle \d{2}:\d{2}: ricalcolato ogni cinque minuti/);
    await showSection(page, 'ending-title');
    await page.getByTestId('capacity-ending').getByText(title).waitFor();
    expect(await page.getByTestId('capacity-ending').locator('tbody tr td').first().textContent()).toBe('5 su 5');

    // The capacity burn-down as a chart, by provider then by offer, with the same figures as a table.
    await showSection(page, 'capacity-title');
    const places = page.locator('section[aria-labelledby="capacity-title"]');
    await places.getByTestId('capacity-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await places.getByText('Mostra i dati in tabella').click();
    const placesRow = places.getByTestId('capacity-table').locator('tbody tr');
    expect(await placesRow.count()).toBe(1);
    // Offered, completed, active, accepted, awaiting an answer, free, on the waitlist.
    expect(await placesRow.first().locator('td').allTextContents()).toEqual(['5', '0', '0', '0', '0', '5', '0']);
    await places.getByRole('button', { name: 'offerta', exact: true }).click();
    await places.getByTestId('capacity-chart').waitFor();
    await places.getByText('Mostra i dati in tabella').click();
    expect(await places.getByTestId('capacity-table').locator('tbody th').first().textContent()).toContain(title);
    await expectAccessible(page, 'dashboard-capacity-chart');

    // A region from the table narrows every figure; its provinces replace the regions.
    await page.getByRole('button', { name: 'Mostra solo Piemonte' }).click();
    await page.waitForURL((url) => url.searchParams.get('regione') === '01');
    expect((await focused(page)).id).toBe('places-title'); // the button gave way to the provinces: the reader goes on from here
    await eventually(() => kpi('shops').textContent(), '3');
    // Narrowed to a place, the places card says whose places it counts.
    expect(await page.locator('[data-kpi="capacity"] .figure-label').textContent()).toBe('posti usati su quelli offerti, in tutta Italia, dalle offerte che raggiungono quest’area');
    const provinces = page.getByTestId('breakdown-PROVINCE');
    expect(await provinces.locator('tbody tr').filter({ hasText: /^Torino/ }).locator('td').nth(1).textContent()).toBe('3');
    expect(await page.getByLabel('Regione', { exact: true }).inputValue()).toBe('01');
    await showSection(page, 'unmet-title');
    await page.getByText('Nessuna richiesta aperta senza risposta per questo filtro.').waitFor();

    // The same filter goes into the CSV the API streams.
    await page.getByRole('button', { name: 'Azzera i filtri' }).click();
    await eventually(() => kpi('shops').textContent(), '6');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Domanda senza risposta (file CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^vicini-e-connessi-unmet-demand-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv).toContain('Palermo');
    expect(csv.trim().split('\n')).toHaveLength(2);
    await page.getByText('Download avviato: Domanda senza risposta.').waitFor();

    // Days for two years are too many points: the trend says so next to its toggle, the rest stays.
    await page.getByLabel('Dal').fill('2024-01-01');
    await page.getByLabel(/^Al/).fill('2026-01-01');
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await page.waitForURL((url) => url.searchParams.get('dal') === '2024-01-01');
    expect((await focused(page)).text).toBe('Applica i filtri'); // the form stays as it was, focus included
    await page.getByRole('button', { name: 'giorno' }).click();
    await page.getByText('Dal: il periodo supera 400 giorni; accorcialo o mostralo per settimane').waitFor();
    await page.getByTestId('kpis').waitFor();

    // A period that ends before it starts is said next to the field, before asking the API.
    await page.getByLabel('Dal').fill('2026-05-10');
    await page.getByLabel(/^Al/).fill('2026-05-01');
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await page.locator('[id="dashboard-filter.to-error"]').waitFor();
    expect(await page.locator('[id="dashboard-filter.to-error"]').textContent()).toBe('Al: il periodo non può finire prima di cominciare');
    expect(await page.getByTestId('kpis').count()).toBe(0);
    await page.getByText('Correggi i filtri qui sopra per vedere i dati.').waitFor();
    await expectAccessible(page, 'dashboard-filter-error');

    // On a 390 px phone the figures come first: the filter is one line and a button until it is opened.
    const screen = { width: 390, height: 844 };
    const phone = await web.newPage(screen);
    await logIn(phone, staff.email);
    const shops = phone.locator('[data-kpi="shops"]');
    await eventually(() => shops.locator('.figure-value').textContent(), '6');
    const box = await shops.boundingBox();
    expect(box && box.y + box.height).toBeLessThan(screen.height);
    await showSection(phone, 'places-title');
    await phone.getByTestId('region-map').waitFor();
    await expectAccessible(phone, 'dashboard-phone');
    const summary = phone.getByTestId('filter-summary');
    expect(await summary.textContent()).toBe('Tutta Italia · Tutte le categorie · Tutti i settori · tutto il periodo');
    expect(await phone.getByLabel('Regione', { exact: true }).isVisible()).toBe(false);

    const edit = phone.locator('button[aria-controls="dashboard-filter-form"]');
    expect(await edit.textContent()).toBe('Modifica i filtri');
    await edit.click();
    expect(await edit.getAttribute('aria-expanded')).toBe('true');
    expect(await edit.textContent()).toBe('Nascondi i filtri');
    await phone.getByLabel('Regione', { exact: true }).selectOption({ label: 'Piemonte' });
    await expectAccessible(phone, 'dashboard-filters-open-phone');
    await phone.getByRole('button', { name: 'Applica i filtri' }).click();
    await phone.waitForURL((url) => url.searchParams.get('regione') === '01');
    await eventually(() => summary.textContent(), 'Piemonte · Tutte le categorie · Tutti i settori · tutto il periodo');
    expect(await phone.getByLabel('Regione', { exact: true }).isVisible()).toBe(false);
    expect(await edit.evaluate((button) => button === document.activeElement)).toBe(true);
    await eventually(() => shops.locator('.figure-value').textContent(), '3');
  });

  it('reads and writes the period in Italian days on a device set to another time zone', async () => {
    const staff = await staffUser(web.api);
    const page = await web.newPage(undefined, { timezoneId: 'Asia/Tokyo' });
    const periods: unknown[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/graphql' && url.searchParams.get('operationName') === 'DashboardKpis') {
        periods.push((JSON.parse(url.searchParams.get('variables') ?? '{}') as { filter?: { from?: string; to?: string } }).filter);
      }
    });
    await logIn(page, staff.email);
    await page.goto('/ministero/cruscotto?dal=2026-03-01&al=2026-03-31');
    // On a device in Tokyo, midnight there is the afternoon before in Italy: the summary once read "dal 28 febbraio".
    await eventually(() => page.getByTestId('filter-summary').textContent(), 'Tutta Italia · Tutte le categorie · Tutti i settori · dal 1° marzo 2026 al 31 marzo 2026');
    // Midnight in Italy, in winter time on 1 March and summer time on 1 April (the day after the last).
    await eventually(async () => periods.at(-1), { from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' });
    // With a period, the headline counts the services completed in it, and the tables say they follow the period's requests.
    await eventually(async () => (await page.locator('[data-kpi="completed"]').textContent())?.includes('conclusi nel periodo') ?? false, true);
    await showSection(page, 'places-title');
    await page.getByText('Con un periodo scelto, le tabelle contano le richieste presentate nel periodo', { exact: false }).first().waitFor();
    await page.context().close();
  });

  it('prints every section: its button loads those not scrolled to first, can be cancelled, gives up on a section that never answers, and a print from the browser menu says on paper that some are missing', async () => {
    const staff = await staffUser(web.api);
    const page = await web.newPage();
    await page.clock.install();
    // The calls section's figures are held back until released.
    const held: Route[] = [];
    await page.route((url) => url.pathname === '/graphql' && url.searchParams.get('operationName') === 'DashboardCalls', (route) => {
      held.push(route);
    });
    await logIn(page, staff.email);
    await page.locator('[data-kpi="shops"] .figure-value').waitFor();
    // What the page holds at the moment the print dialog opens.
    await page.evaluate(() => {
      const recorded = window as unknown as { printed: { waiting: number; bundles: number; focused: boolean }[] };
      recorded.printed = [];
      window.print = () => {
        const waiting = document.querySelectorAll('main .dashboard-deferred, main .progress-spinner-active').length;
        const focused = document.activeElement?.getAttribute('aria-describedby') === 'print-status';
        recorded.printed.push({ waiting, bundles: document.querySelectorAll('[data-testid="dashboard-bundle-totals"]').length, focused });
      };
    });
    const printed = () => page.evaluate(() => (window as unknown as { printed: unknown[] }).printed);
    const notice = page.getByText('Alcune sezioni non erano ancora caricate');
    expect(await notice.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await notice.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByTestId('dashboard-bundle-totals').count()).toBe(0);

    // Pressed, it loads every section and offers to cancel; the button keeps the focus.
    const status = page.locator('#print-status');
    await page.getByRole('button', { name: 'Stampa il cruscotto' }).click();
    const cancel = page.getByRole('button', { name: 'Annulla la stampa' });
    await cancel.waitFor();
    expect(await cancel.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await status.textContent()).toBe('Carico tutte le sezioni per la stampa…');
    await page.getByTestId('dashboard-bundle-totals').waitFor({ state: 'attached' });
    await cancel.click();
    await page.getByRole('button', { name: 'Stampa il cruscotto' }).waitFor();
    expect(await status.textContent()).toBe('');

    // A section that never answers: after 30 seconds printing gives up and says so.
    await page.getByRole('button', { name: 'Stampa il cruscotto' }).click();
    await cancel.waitFor();
    await page.clock.fastForward(30_000);
    await eventually(() => status.textContent(), 'Alcune sezioni non hanno risposto: la stampa non è partita. Riprova tra poco.');
    expect(await printed()).toEqual([]);

    // Once it answers, the next press prints at once, with every section in.
    expect(held.length).toBeGreaterThan(0);
    for (const route of held) await route.continue();
    await page.unrouteAll();
    await page.getByRole('button', { name: 'Stampa il cruscotto' }).click();
    await eventually(printed, [{ waiting: 0, bundles: 1, focused: true }]);
    await page.emulateMedia({ media: 'print' });
    expect(await notice.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Stampa il cruscotto' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // The browser's own print loads them too, for the next one.
    const other = await web.newPage();
    await logIn(other, staff.email);
    await other.locator('[data-kpi="shops"] .figure-value').waitFor();
    expect(await other.getByTestId('dashboard-bundle-totals').count()).toBe(0);
    await other.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await other.getByTestId('dashboard-bundle-totals').waitFor({ state: 'attached' });
    await eventually(() => other.getByText('Alcune sezioni non erano ancora caricate').count(), 0);
  });
});
