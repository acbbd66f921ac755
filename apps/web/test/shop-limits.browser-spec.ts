import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { staffUser } from '../../api/test/testing/fixtures';
import { applyTo, askFor } from '../../api/test/testing/match-fixtures';
import { approvedProvider, publishedOffer, shopIn } from '../../api/test/testing/offer-fixtures';
import { expectAccessible, logIn, PHONE, startWebTestApp, type WebTestApp } from './testing/web-app';

// Comuni no other test uses: the offers here are the only ones that reach them.
const [LECCE, BARI] = ['075035', '072006'];
const unique = (title: string): string => `${title} ${randomUUID().slice(0, 6)}`;

describe('A request page in the browser: the shop’s limits, and the other offers', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('lists under “another offer” only those not already shown above; at its limit the shop is told which, and what frees a place, and is invited to no waitlist', async () => {
    const provider = await approvedProvider(web.api, await staffUser(web.api));
    const local = unique('Social per Lecce');
    const elsewhere = unique('Social per Bari');
    await publishedOffer(web.api, provider, { title: local, categories: ['SOCIAL_MARKETING'], coverage: { comuneCodes: [LECCE] } });
    await publishedOffer(web.api, provider, { title: elsewhere, categories: ['SOCIAL_MARKETING'], coverage: { comuneCodes: [BARI] } });
    const otherOffers = (page: Page) => page.locator('section[aria-labelledby="other-offers-title"] h3');

    // A shop free to choose: the local offer is recommended, and only the one for Bari is under “another offer”.
    const free = await shopIn(web.api, LECCE);
    const freeRequest = await askFor(web.api, free, 'SOCIAL_MARKETING');
    const page = await web.newPage();
    await logIn(page, free.email);
    await page.goto(`/la-mia-attivita/richieste/${freeRequest}`);
    await page.getByTestId('ranked-offer').getByRole('heading', { name: local }).waitFor();
    await otherOffers(page).getByText(elsewhere).waitFor();
    expect(await otherOffers(page).allTextContents()).not.toContain(local);
    // Each card says where its offer serves: what tells the other offers apart.
    const card = page.locator('section[aria-labelledby="other-offers-title"] li', { has: page.getByRole('heading', { name: elsewhere }) });
    expect(await card.locator('dl').innerText()).toMatch(/Area servita\s+Bari \(BA\)/);
    expect(await page.getByTestId('shop-limit').count()).toBe(0);
    await page.context().close();

    // A shop holding three services, the most it may hold.
    const busy = await shopIn(web.api, LECCE);
    for (const category of ['WEBSITE', 'DIGITAL_PAYMENTS', 'CYBERSECURITY'] as const) {
      const offer = await publishedOffer(web.api, provider, { categories: [category], coverage: { comuneCodes: [LECCE] } });
      expect((await applyTo(web.api, busy, await askFor(web.api, busy, category), offer.id, false)).state).toBe('PENDING');
    }
    const blocked = await askFor(web.api, busy, 'SOCIAL_MARKETING');
    const phone = await web.newPage(PHONE);
    await logIn(phone, busy.email);
    await phone.goto(`/la-mia-attivita/richieste/${blocked}`);
    const limit = phone.getByTestId('shop-limit');
    await limit.getByRole('heading', { name: 'Hai raggiunto il numero massimo di servizi' }).waitFor();
    await limit.getByText('Hai già 3 servizi in corso', { exact: false }).waitFor();
    await limit.getByText('Si libera un posto quando uno dei tuoi servizi si conclude', { exact: false }).waitFor();
    expect(await limit.getByRole('link', { name: 'Vai ai miei servizi' }).getAttribute('href')).toBe('/la-mia-attivita/servizi');
    expect(await phone.locator('.empty-state').first().textContent()).toBe('Per ora non puoi scegliere altre offerte: il motivo è spiegato qui sopra.');
    expect(await phone.getByRole('button', { name: "Mettiti in lista d'attesa" }).count()).toBe(0);
    expect(await phone.getByRole('button', { name: 'Scegli questa offerta' }).count()).toBe(0);
    await expectAccessible(phone, 'request-shop-limit-phone');
    await phone.context().close();
  });
});
