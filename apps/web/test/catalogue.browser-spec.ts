import { randomUUID } from 'node:crypto';
import { staffUser } from '../../api/test/testing/fixtures';
import { applyTo, askFor } from '../../api/test/testing/match-fixtures';
import { approvedProvider, publishedOffer, shopIn } from '../../api/test/testing/offer-fixtures';
import { DESKTOP, eventually, expectAccessible, PHONE, startWebTestApp, type WebTestApp } from './testing/web-app';

// Comuni no other test uses: the offers here are the only ones that reach them.
const [MATERA, POTENZA] = ['077014', '076063'];
const unique = (title: string): string => `${title} ${randomUUID().slice(0, 6)}`;

describe('The public catalogue of offers in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('lets anyone browse the published offers by service and comune, with the way to sign up (%s)', async (label, viewport) => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const store = unique('Vetrina materana');
    const delivery = unique('Consegne lucane');
    await publishedOffer(web.api, provider, { title: store, categories: ['ONLINE_STORE'], capacity: 1, coverage: { comuneCodes: [MATERA] } });
    await publishedOffer(web.api, provider, { title: delivery, categories: ['HOME_DELIVERY'], coverage: { regionCodes: ['17'] } });
    // The only place of the online store is taken: the catalogue says it is full.
    const shop = await shopIn(web.api, MATERA);
    const offers = await web.gql<{ offerCatalogue: { items: { id: string; title: string }[] } }>(`{ offerCatalogue(filter: { comuneCode: "${MATERA}" }, first: 100) { items { id title } } }`);
    const storeId = offers.data?.offerCatalogue.items.find((offer) => offer.title === store)?.id ?? '';
    expect((await applyTo(web.api, shop, await askFor(web.api, shop, 'ONLINE_STORE'), storeId)).state).toBe('PENDING');

    const page = await web.newPage(viewport);
    await page.goto('/');
    await page.getByRole('link', { name: 'Guarda le offerte gratuite disponibili, anche senza registrarti' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalogo delle offerte' }).waitFor();
    await page.getByRole('link', { name: 'Registra la tua attività' }).waitFor();

    const comune = page.getByRole('combobox', { name: /^Comune/ });
    // A name typed but not picked from the list is not silently dropped.
    await comune.fill('Materax');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await eventually(() => page.locator('#catalogue-comune-error').textContent(), "Scegli il comune dall'elenco che compare mentre scrivi, oppure cancella il campo per cercare in tutta Italia.");
    expect(new URL(page.url()).searchParams.get('comune')).toBeNull();
    await comune.fill('mater');
    await page.getByRole('option', { name: 'Matera (MT)' }).click();
    expect(await page.locator('#catalogue-comune-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.waitForURL((url) => url.searchParams.get('comune') === MATERA);
    const card = (title: string) => page.getByTestId('catalogue-offer').filter({ has: page.getByRole('heading', { name: title }) });
    await card(store).waitFor();
    await card(delivery).waitFor();
    expect(await card(store).getByTestId('places-left').textContent()).toBe("Al completo: ci si può mettere in lista d'attesa");
    await card(store).getByText('Matera (MT)').waitFor();
    await expectAccessible(page, `catalogue-${label}`);

    await page.getByLabel('Servizio').selectOption({ label: 'Consegna a domicilio' });
    await page.getByRole('button', { name: 'Cerca' }).click();
    await card(delivery).waitFor();
    await eventually(() => card(store).count(), 0);
    expect(await card(delivery).getByTestId('places-left').textContent()).toBe('Restano 10 posti liberi');

    // The search is in the address: reloaded, it shows the same offers, the comune by its name.
    await page.reload();
    await card(delivery).waitFor();
    // The comune's name and the service list arrive with their own queries, possibly after the offers: each shows once it is there.
    await eventually(() => comune.inputValue(), 'Matera (MT)');
    await eventually(() => page.getByLabel('Servizio').inputValue(), 'HOME_DELIVERY');

    // Elsewhere in Basilicata the regional offer reaches too, the comune's own does not.
    await page.goto(`/offerte?comune=${POTENZA}`);
    await card(delivery).waitFor();
    expect(await card(store).count()).toBe(0);
    await page.context().close();
  });
  it('keeps the page in the address: a reload stays on it, Back returns to the first', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    // More than a page of offers reaching Potenza for one service (others' national ones may add to them).
    const prefix = unique('Sito per botteghe');
    for (let i = 1; i <= 11; i++) await publishedOffer(web.api, provider, { title: `${prefix} ${i}`, categories: ['WEBSITE'], coverage: { comuneCodes: [POTENZA] } });

    const page = await web.newPage();
    await page.goto(`/offerte?servizio=WEBSITE&comune=${POTENZA}`);
    const pager = page.getByRole('navigation', { name: 'Pagine del catalogo' });
    await pager.getByText('Pagina 1 di', { exact: false }).waitFor();
    await pager.getByRole('button', { name: 'Successiva' }).click();
    await pager.getByText('Pagina 2 di', { exact: false }).waitFor();
    expect(new URL(page.url()).searchParams.get('pagina')).toBe('2');
    // The reader goes on from the top of the new page, not from a button that went away.
    await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('queue-results') ?? false), true);
    await page.reload();
    await pager.getByText('Pagina 2 di', { exact: false }).waitFor();
    await page.goBack();
    await pager.getByText('Pagina 1 di', { exact: false }).waitFor();
    expect(new URL(page.url()).searchParams.get('pagina')).toBeNull();
    await page.context().close();
  });
});
