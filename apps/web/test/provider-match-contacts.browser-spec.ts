import { AcceptMatchDocument, WithdrawMatchDocument } from '../../api/test/gql/generated';
import { staffUser } from '../../api/test/testing/fixtures';
import { applyTo, askFor } from '../../api/test/testing/match-fixtures';
import { approvedProvider, publishedOffer, shopIn } from '../../api/test/testing/offer-fixtures';
import { expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

const PISA = '050026';

describe('A provider’s page of a match: withdrawn by the shop, waiting, or given back', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('keeps the shop’s name and comune and says the contacts are no longer available', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const offer = await publishedOffer(web.api, provider, { coverage: { comuneCodes: [PISA] } });
    const shop = await shopIn(web.api, PISA);
    const match = await applyTo(web.api, shop, await askFor(web.api, shop), offer.id);
    await web.api.gqlAs(shop.accessToken, WithdrawMatchDocument, { input: { id: match.id } });

    const page = await web.newPage();
    await logIn(page, provider.email);
    await page.goto(`/organizzazione/candidature/${match.id}`);
    await page.getByTestId('contacts-withheld').waitFor();
    expect(await page.getByTestId('contacts-withheld').textContent()).toBe('Contatti non più disponibili: il servizio non è partito o è concluso da oltre 90 giorni');
    await page.getByText('Il Forno di Via Roma', { exact: true }).first().waitFor();
    expect(await page.getByText('forno@example.it').count()).toBe(0);
    await expectAccessible(page, 'provider-match-contacts-withheld');
    await page.context().close();
  });

  it('shows a shop on the waitlist with its position, and says its contacts and request come once it gets a place', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const offer = await publishedOffer(web.api, provider, { capacity: 1, coverage: { comuneCodes: [PISA] } });
    const [first, second] = [await shopIn(web.api, PISA), await shopIn(web.api, PISA)];
    await applyTo(web.api, first, await askFor(web.api, first), offer.id);
    const waiting = await applyTo(web.api, second, await askFor(web.api, second), offer.id);
    expect(waiting.state).toBe('WAITLISTED');

    const page = await web.newPage();
    await logIn(page, provider.email);
    await page.goto(`/organizzazione/candidature?offerta=${offer.id}`);
    await page.getByRole('button', { name: "In lista d'attesa", exact: true }).click();
    const card = page.getByTestId('application').first();
    await card.getByText("Posizione in lista d'attesa", { exact: true }).waitFor();
    await card.getByText('1ª', { exact: true }).waitFor();
    expect(await card.getByTestId('contacts-withheld').textContent()).toBe('Visibili quando l’attività otterrà un posto nell’offerta');
    await card.getByText('La richiesta sarà visibile quando l’attività otterrà un posto nell’offerta').waitFor();
    await expectAccessible(page, 'provider-applications-waitlist');
    await page.context().close();
  });

  it('gives back a place it accepted that the shop never started, with its reason, asked first', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const offer = await publishedOffer(web.api, provider, { coverage: { comuneCodes: [PISA] } });
    const shop = await shopIn(web.api, PISA);
    const match = await applyTo(web.api, shop, await askFor(web.api, shop), offer.id);
    await web.api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: match.id });

    const page = await web.newPage();
    await logIn(page, provider.email);
    await page.goto(`/organizzazione/candidature/${match.id}`);
    await page.getByText('Il negozio non ha ancora confermato che il servizio è iniziato.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Rinuncia al servizio' }).click();
    const form = page.getByRole('form', { name: /^Rinuncia al servizio per / });
    // The reason is the reason for giving the place back, in the field and in its error.
    await form.getByRole('button', { name: 'Conferma la rinuncia' }).click();
    const reasonError = form.locator('[data-field-error]');
    await reasonError.waitFor();
    expect(await reasonError.textContent()).toBe('Motivo della rinuncia è un campo obbligatorio');
    await form.getByLabel(/^Motivo della rinuncia/).fill('Il tecnico della zona non è più disponibile');
    await expectAccessible(page, 'provider-give-back');
    await form.getByRole('button', { name: 'Conferma la rinuncia' }).click();
    await page.getByText(/^Hai rinunciato al servizio per /).waitFor();
    expect(await page.getByRole('button', { name: 'Rinuncia al servizio' }).count()).toBe(0);
    await page.context().close();
  });
});

