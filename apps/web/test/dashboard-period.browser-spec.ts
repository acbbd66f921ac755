import { DataSource } from 'typeorm';
import { staffUser } from '../../api/test/testing/fixtures';
import { approvedProvider, publishedOffer } from '../../api/test/testing/offer-fixtures';
import { eventually, logIn, showSection, startWebTestApp, type WebTestApp } from './testing/web-app';

const TORINO = '001272';
const DAY = 86_400_000;
/** The Italian day `days` ago, as the dashboard's address writes it. */
const italianDay = (days: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(Date.now() - days * DAY));

describe('The ministry dashboard with a period (a database of its own: the figures are national)', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp({ ownDatabase: true });
  });
  afterAll(() => web.close());

  it('counts the offers on offer during the period in every panel, and says what the period counts', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const offer = await publishedOffer(web.api, provider, { title: 'Vetrina torinese', categories: ['ONLINE_STORE'], capacity: 5, coverage: { comuneCodes: [TORINO] } });
    // Published a month ago, still on offer: it was on offer during the last ten days, though not published in them.
    await web.app.get(DataSource).query(`UPDATE offer SET valid_from = $2, published_at = $2 WHERE id = $1`, [offer.id, new Date(Date.now() - 30 * DAY)]);

    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.goto(`/ministero/cruscotto?dal=${italianDay(10)}&al=${italianDay(0)}`);
    const kpi = (id: string) => page.locator(`[data-kpi="${id}"]`);
    await eventually(() => kpi('capacity').locator('.figure-value').textContent(), '0 / 5');
    expect(await kpi('capacity').locator('.figure-detail').textContent()).toBe('1 offerta disponibile nel periodo');
    // The services completed in the period count their survey whenever it came; the outcomes table, the answers given in it.
    expect(await kpi('completed').locator('.figure-detail').textContent()).toBe('0 con il questionario compilato, anche dopo il periodo');
    await page.getByText('Questionari compilati nel periodo, qualunque sia il giorno in cui il servizio si è concluso', { exact: false }).waitFor();

    // The table by region: Piemonte has the offer's five places, as the headline.
    await showSection(page, 'places-title');
    const regions = page.getByTestId('breakdown-REGION');
    await regions.waitFor();
    const piemonte = regions.locator('tbody tr').filter({ has: page.locator('th', { hasText: /^Piemonte$/ }) });
    const headers = await regions.locator('thead th').allTextContents();
    const cell = async (column: string): Promise<string | null> => piemonte.locator('th, td').nth(headers.indexOf(column)).textContent();
    expect([await cell('Offerte'), await cell('Posti')]).toEqual(['1', '5']);
    await page.getByText('Offerte e posti, qui come nei dati principali e nei posti offerti e usati, sono quelli in offerta durante il periodo', { exact: false }).first().waitFor();

    // The capacity panel counts the same offer.
    await showSection(page, 'capacity-title');
    const places = page.locator('section[aria-labelledby="capacity-title"]');
    await places.getByTestId('capacity-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await places.getByText('Mostra i dati in tabella').click();
    expect(await places.getByTestId('capacity-table').locator('tbody tr').first().locator('td').first().textContent()).toBe('5');
  });
});
