import { randomUUID } from 'node:crypto';
import { staffUser } from '../../api/test/testing/fixtures';
import { askFor } from '../../api/test/testing/match-fixtures';
import { approvedProvider, publishedOffer } from '../../api/test/testing/offer-fixtures';
import { shopNamed } from './testing/journey-fixtures';
import { eventually, expectAccessible, focusedNotice, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

const PRATO = '100005';
const unique = (title: string): string => `${title} ${randomUUID().slice(0, 6)}`;

describe('Integrations between offers in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('a provider declares another provider’s offer as a partner, and a shop reads it on the recommended offer', async () => {
    const staff = await staffUser(web.api);
    const store = await approvedProvider(web.api, staff);
    const security = await approvedProvider(web.api, staff);
    const storeTitle = unique('Vetrina online per botteghe');
    const partnerTitle = unique('Protezione del sito e dei pagamenti');
    const storeOffer = await publishedOffer(web.api, store, { title: storeTitle, categories: ['ONLINE_STORE'], coverage: { comuneCodes: [PRATO] } });
    await publishedOffer(web.api, security, { title: partnerTitle, categories: ['CYBERSECURITY'] });

    const page = await web.newPage();
    await logIn(page, store.email);
    await page.goto(`/organizzazione/offerte/${storeOffer.id}/modifica`);
    await page.getByRole('heading', { level: 2, name: 'Integrazioni con offerte di altri fornitori' }).waitFor();
    await page.getByText('Nessuna offerta partner dichiarata.').waitFor();
    await page.getByLabel(/^Cerca offerte partner per servizio/).selectOption({ label: 'Sicurezza informatica' });
    // Among the many published offers of the service, the partner is found by words of its title.
    await page.getByLabel(/^Cerca per titolo o fornitore/).fill(partnerTitle.split(' ').slice(-2).join(' '));
    // Each candidate says where it is offered and until when: offers with the same title are told apart.
    const candidate = page.locator('#integrations-candidates .form-check', { hasText: partnerTitle });
    expect(await candidate.locator('.choice-hint').textContent()).toMatch(/^Tutta Italia · fino a/);
    await page.locator('#integrations-candidates').getByText(`${partnerTitle} — Consegne Veloci S.r.l.`, { exact: true }).click();
    await page.getByRole('group', { name: /1 offerta partner dichiarata/ }).waitFor();
    await expectAccessible(page, 'offer-integrations');
    await page.getByRole('button', { name: 'Salva le integrazioni' }).click();
    await eventually(() => focusedNotice(page), 'Integrazioni salvate: 1 offerta partner.');

    const shop = await shopNamed(web.api, PRATO, unique('Merceria di Prato'));
    const requestId = await askFor(web.api, shop, 'ONLINE_STORE');
    const shopPage = await web.newPage();
    await logIn(shopPage, shop.email);
    await shopPage.goto(`/la-mia-attivita/richieste/${requestId}`);
    const card = shopPage.getByTestId('ranked-offer').filter({ has: shopPage.getByRole('heading', { name: storeTitle }) });
    await card.getByText('Funziona con').waitFor();
    expect(await card.getByText(`${partnerTitle} di Consegne Veloci S.r.l.`).count()).toBe(1);
    await expectAccessible(shopPage, 'recommendation-with-integrations');
  });
});
