import { randomUUID } from 'node:crypto';
import {
  ApplyToOfferDocument,
  CreateHelpRequestBundleDocument,
  CreateHelpRequestDocument,
  DeclareOfferIntegrationsDocument,
  DeclineMatchDocument,
  MyHelpRequestBundlesDocument,
} from '../../api/test/gql/generated';
import { staffUser } from '../../api/test/testing/fixtures';
import { approvedProvider, publishedOffer } from '../../api/test/testing/offer-fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { shopNamed } from './testing/journey-fixtures';
import { eventually, expectAccessible, focusedNotice, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

const LUCCA = '046017';
const unique = (title: string): string => `${title} ${randomUUID().slice(0, 6)}`;

describe('A shop’s bundle of services in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('asks for a store, payments and delivery together, reads the sets of offers proposed, explained, with their integrations, and applies to one as a whole', async () => {
    const staff = await staffUser(web.api);
    const [store, pay, ship] = [await approvedProvider(web.api, staff), await approvedProvider(web.api, staff), await approvedProvider(web.api, staff)];
    const coverage = { comuneCodes: [LUCCA] };
    const titles = { store: unique('Negozio online di bottega'), pay: unique('Incassi con carta e app'), ship: unique('Consegne in bicicletta') };
    const storeOffer = await publishedOffer(web.api, store, { title: titles.store, categories: ['ONLINE_STORE'], coverage });
    const payOffer = await publishedOffer(web.api, pay, { title: titles.pay, categories: ['DIGITAL_PAYMENTS'], coverage });
    await publishedOffer(web.api, ship, { title: titles.ship, categories: ['HOME_DELIVERY'], coverage });
    member(
      dataOf(await web.api.gqlAs(store.accessToken, DeclareOfferIntegrationsDocument, { input: { offerId: storeOffer.id, partnerOfferIds: [payOffer.id] } })).declareOfferIntegrations,
      'Offer',
    );

    const shop = await shopNamed(web.api, LUCCA, unique('Pasticceria delle Mura'));
    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.goto('/la-mia-attivita/richieste');
    await page.getByRole('link', { name: 'Chiedi un pacchetto di servizi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chiedi un pacchetto di servizi' }).waitFor();

    // One service is not a bundle: the form says so next to the choice.
    await page.locator('#bundle-categories').getByText('Negozio online', { exact: true }).click();
    await page.getByRole('button', { name: 'Chiedi il pacchetto' }).click();
    await page.locator('#bundle-categories-error').waitFor();
    await expectAccessible(page, 'bundle-form-errors');
    await page.locator('#bundle-categories').getByText('Pagamenti digitali', { exact: true }).click();
    await page.locator('#bundle-categories').getByText('Consegna a domicilio', { exact: true }).click();
    await page.getByRole('button', { name: 'Chiedi il pacchetto' }).click();

    await page.getByRole('heading', { level: 1, name: 'Il tuo pacchetto di servizi' }).waitFor();
    await page.getByText('Pacchetto creato: 3 servizi.').waitFor();
    const sets = page.getByTestId('offer-set');
    await sets.first().waitFor();
    // Other tests' national offers may make other sets too: ours is the one with our three offers.
    const ours = sets.filter({ hasText: titles.store }).filter({ hasText: titles.pay }).filter({ hasText: titles.ship });
    await eventually(() => ours.count(), 1);
    const link = (await ours.getByText(/ funziona con /).allTextContents()).map((text) => text.split(' funziona con ').sort());
    expect(link).toEqual([[titles.pay, titles.store].sort()]);
    // In the bundle's order, the platform's order of services.
    expect(await ours.getByRole('rowheader').allTextContents()).toEqual(['Negozio online', 'Consegna a domicilio', 'Pagamenti digitali']);
    expect(await ours.getByText('Alcune offerte dichiarano di funzionare insieme', { exact: false }).count()).toBe(1);
    await expectAccessible(page, 'bundle-sets');

    // Applying to the set holds a place in every part at once.
    await ours.getByRole('button', { name: 'Chiedi questo insieme di offerte' }).click();
    await eventually(() => focusedNotice(page), 'Posti riservati per tutti i 3 servizi: ora i fornitori rispondono.');
    await page.getByText('Tutti i servizi del pacchetto hanno già un\'offerta, sono in lista d\'attesa o sono chiusi.').waitFor();
    expect(await page.getByRole('region', { name: 'Servizi richiesti' }).getByText('Aperta', { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'bundle-applied');
  });
  it('asks the services the questionnaire proposes together as a bundle and lands on the bundle with its parts', async () => {
    const shop = await shopNamed(web.api, LUCCA, unique('Forno del Borgo'));
    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.getByRole('link', { name: 'Di che cosa hai bisogno?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Di che cosa hai bisogno?' }).waitFor();
    await page.getByText('Vuoi vendere online?', { exact: true }).click();
    await page.getByText('Vuoi consegnare a domicilio?', { exact: true }).click();
    await page.getByRole('button', { name: 'Proponimi i servizi' }).click();
    await page.getByRole('heading', { name: 'I servizi che ti proponiamo' }).waitFor();

    // Two or more services: the shop may ask them together; the choice says what that means.
    const asking = page.getByRole('group', { name: 'Come chiedere i servizi' });
    expect(await asking.getByRole('radio', { name: 'Come richieste separate' }).isChecked()).toBe(true);
    await asking.getByText('Ti proporremo insiemi completi di offerte, una per ogni servizio, che funzionano insieme', { exact: false }).waitFor();
    await asking.getByText('Chiedili insieme come pacchetto', { exact: true }).click();
    expect(await asking.getByRole('radio', { name: 'Chiedili insieme come pacchetto' }).isChecked()).toBe(true);
    await expectAccessible(page, 'needs-bundle-choice');
    // One service is not a bundle: said next to the choice, nothing sent.
    await page.getByText('Chiedi: Vendita su marketplace', { exact: true }).click();
    await page.getByText('Chiedi: Consegna a domicilio', { exact: true }).click();
    await page.getByRole('button', { name: 'Chiedi il pacchetto' }).click();
    await page.locator('#needs-asBundle-error').waitFor();
    expect(await page.locator('#needs-asBundle-error').textContent()).toBe(
      'Come chiedere i servizi: per un pacchetto scegli almeno due servizi, oppure chiedili come richieste separate.',
    );
    await expectAccessible(page, 'needs-bundle-too-few');
    await page.getByText('Chiedi: Consegna a domicilio', { exact: true }).click();
    await page.getByRole('button', { name: 'Chiedi il pacchetto' }).click();

    await page.getByRole('heading', { level: 1, name: 'Il tuo pacchetto di servizi' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/la-mia-attivita\/pacchetti\/[0-9a-f-]{36}$/);
    await page.getByText('Pacchetto creato: 2 servizi.').waitFor();
    const parts = page.getByRole('region', { name: 'Servizi richiesti' });
    await eventually(() => parts.getByRole('link').allTextContents(), ['Negozio online', 'Consegna a domicilio']);
    expect(await parts.getByText('Aperta', { exact: true }).count()).toBe(2);
    await expectAccessible(page, 'needs-bundle-created');
    const { myHelpRequestBundles } = dataOf(await web.api.gqlAs(shop.accessToken, MyHelpRequestBundlesDocument, { first: 5 }));
    expect(myHelpRequestBundles.items.map((bundle) => bundle.categories)).toEqual([['ONLINE_STORE', 'HOME_DELIVERY']]);
  });
});

describe('A set that waits as a whole, and is withdrawn in one step, in the browser', () => {
  // A database of its own: no other test's offer may complete the set the shop waits for.
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp({ ownDatabase: true });
  });
  afterAll(() => web.close());

  it('waits for the whole set when the delivery offer is full, shows the set waiting, then withdraws it after a confirmation', async () => {
    const staff = await staffUser(web.api);
    const [store, pay, ship] = [await approvedProvider(web.api, staff), await approvedProvider(web.api, staff), await approvedProvider(web.api, staff)];
    const coverage = { comuneCodes: [LUCCA] };
    await publishedOffer(web.api, store, { title: 'Negozio online di bottega', categories: ['ONLINE_STORE'], coverage });
    await publishedOffer(web.api, pay, { title: 'Incassi con carta e app', categories: ['DIGITAL_PAYMENTS'], coverage });
    const delivery = await publishedOffer(web.api, ship, { title: 'Consegne in bicicletta', categories: ['HOME_DELIVERY'], coverage, capacity: 1 });
    // Another shop holds the delivery offer's only place.
    const holder = await shopNamed(web.api, LUCCA, 'Forno di San Michele');
    const holderRequest = member(
      dataOf(await web.api.gqlAs(holder.accessToken, CreateHelpRequestDocument, { input: { category: 'HOME_DELIVERY', description: 'Consegne del pane in città' } })).createHelpRequest,
      'HelpRequest',
    );
    member(dataOf(await web.api.gqlAs(holder.accessToken, ApplyToOfferDocument, { input: { helpRequestId: holderRequest.id, offerId: delivery.id } })).applyToOffer, 'Match');

    const shop = await shopNamed(web.api, LUCCA, 'Pasticceria delle Mura');
    const bundle = member(
      dataOf(await web.api.gqlAs(shop.accessToken, CreateHelpRequestBundleDocument, { input: { categories: ['ONLINE_STORE', 'DIGITAL_PAYMENTS', 'HOME_DELIVERY'] } })).createHelpRequestBundle,
      'HelpRequestBundle',
    );
    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.goto(`/la-mia-attivita/pacchetti/${bundle.id}`);
    await page.getByText('In questo momento nessun insieme di offerte copre tutti i servizi del pacchetto', { exact: false }).waitFor();
    const partial = page.getByTestId('offer-set');
    await partial.getByText('Puoi metterti in lista d\'attesa per: Consegne in bicicletta').waitFor();
    await expectAccessible(page, 'bundle-waitable');

    await partial.getByRole('button', { name: 'Attendi l\'intero insieme' }).click();
    await eventually(() => focusedNotice(page), 'Sei in lista d\'attesa per l\'intero insieme di 3 servizi: appena c\'è un posto in ogni offerta li riserviamo tutti insieme.');
    const waiting = page.getByTestId('open-set');
    await waiting.getByText('In attesa: i posti vengono riservati per tutti i servizi insieme', { exact: false }).waitFor();
    expect(await waiting.getByTestId('match-state').allTextContents()).toEqual(['In lista d\'attesa', 'In lista d\'attesa', 'In lista d\'attesa']);
    // While the set waits, no other set is proposed for its services.
    await page.getByText('Tutti i servizi del pacchetto hanno già un\'offerta, sono in lista d\'attesa o sono chiusi.').waitFor();
    await expectAccessible(page, 'bundle-set-waiting');
    // In the services list, a part whose own offer has free places says it waits for the set, not only its place on a waitlist.
    await page.goto('/la-mia-attivita/servizi');
    const storeRow = page.getByTestId('match-row').filter({ hasText: 'Negozio online di bottega' });
    await storeRow.getByText('Aspetta con gli altri servizi del suo insieme', { exact: false }).waitFor();
    await page.goBack();

    await waiting.getByRole('button', { name: 'Ritira l\'intero insieme' }).click();
    await page.getByText('Ritirare tutti i 3 servizi ancora aperti di questo insieme?', { exact: false }).waitFor();
    await expectAccessible(page, 'bundle-set-withdraw-confirm');
    await page.getByRole('button', { name: 'Sì, ritira l\'insieme' }).click();
    await eventually(() => focusedNotice(page), 'Insieme ritirato: 3 servizi ritirati.');
    await eventually(() => page.getByTestId('open-set').count(), 0);
  });

  it('offers each part of a set that cannot be had whole on its own, from its request', async () => {
    const staff = await staffUser(web.api);
    const store = await approvedProvider(web.api, staff);
    // Arezzo: an online store is on offer, connectivity nowhere.
    const title = unique('Vetrina aretina');
    await publishedOffer(web.api, store, { title, categories: ['ONLINE_STORE'], coverage: { comuneCodes: ['051002'] } });
    const shop = await shopNamed(web.api, '051002', unique('Oreficeria Etrusca'));
    const bundle = member(
      dataOf(await web.api.gqlAs(shop.accessToken, CreateHelpRequestBundleDocument, { input: { categories: ['ONLINE_STORE', 'CONNECTIVITY'] } })).createHelpRequestBundle,
      'HelpRequestBundle',
    );
    const storeRequest = bundle.requests.find((request) => request.category === 'ONLINE_STORE');
    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.goto(`/la-mia-attivita/pacchetti/${bundle.id}`);
    const alone = page.getByTestId('set-parts-alone');
    await alone.getByText('Puoi chiedere ciascun servizio da solo, dalla sua richiesta', { exact: false }).waitFor();
    const link = alone.getByRole('link', { name: `Negozio online: «${title}», dalla sua richiesta` });
    expect(await link.getAttribute('href')).toBe(`/la-mia-attivita/richieste/${storeRequest?.id}`);
    await expectAccessible(page, 'bundle-parts-alone');
    await link.click();
    await page.getByRole('button', { name: 'Scegli questa offerta', exact: false }).first().waitFor();
    await page.context().close();
  });

  it('says a service is missing because its provider declined the shop, and leads to its request to ask again', async () => {
    const staff = await staffUser(web.api);
    const [store, school] = [await approvedProvider(web.api, staff), await approvedProvider(web.api, staff)];
    // Siena: an online store and a digital skills course, whose provider then declines the shop.
    const coverage = { comuneCodes: ['052032'] };
    await publishedOffer(web.api, store, { title: unique('Vetrina senese'), categories: ['ONLINE_STORE'], coverage });
    const course = await publishedOffer(web.api, school, { title: unique('Corso digitale'), categories: ['DIGITAL_SKILLS'], coverage });
    const shop = await shopNamed(web.api, '052032', unique('Drogheria del Campo'));
    const bundle = member(
      dataOf(await web.api.gqlAs(shop.accessToken, CreateHelpRequestBundleDocument, { input: { categories: ['ONLINE_STORE', 'DIGITAL_SKILLS'] } })).createHelpRequestBundle,
      'HelpRequestBundle',
    );
    const skills = bundle.requests.find((request) => request.category === 'DIGITAL_SKILLS')?.id ?? '';
    const held = member(dataOf(await web.api.gqlAs(shop.accessToken, ApplyToOfferDocument, { input: { helpRequestId: skills, offerId: course.id } })).applyToOffer, 'Match');
    member(dataOf(await web.api.gqlAs(school.accessToken, DeclineMatchDocument, { input: { id: held.id, reason: 'Corso al completo per ora.' } })).declineMatch, 'Match');

    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.goto(`/la-mia-attivita/pacchetti/${bundle.id}`);
    await page.getByText('Le offerte che lo servirebbero sono quelle a cui hai rinunciato o il cui fornitore ti ha rifiutato', { exact: false }).waitFor();
    expect(await page.getByText('Nessuna offerta per questo servizio copre ancora', { exact: false }).count()).toBe(0);
    const askAgain = page.getByRole('link', { name: 'Apri la richiesta di «Formazione sulle competenze digitali» per chiedere di nuovo' });
    expect(await askAgain.getAttribute('href')).toBe(`/la-mia-attivita/richieste/${skills}`);
    await expectAccessible(page, 'bundle-part-refused');
    await page.context().close();
  });
});

