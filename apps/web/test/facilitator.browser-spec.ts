import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { RegisterFacilitatorDocument } from '../../api/test/gql/generated';
import { aFacilitatorInput, anEmail, TEST_PASSWORD } from '../../api/test/testing/fixtures';
import { expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

const uniqueName = (prefix: string): string => `${prefix} ${randomUUID().slice(0, 8)}`;

/** The queue lists the oldest first and other tests add organisations too: page until the card shows. */
async function queueCard(page: Page, name: string) {
  for (let pageNumber = 1; pageNumber <= 50; pageNumber += 1) {
    await page.locator('.queue-results:not([aria-busy])').waitFor();
    await page.locator('li.queue-card, .empty-state').first().waitFor();
    const card = page.locator('li.queue-card').filter({ has: page.getByRole('heading', { name, exact: true }) });
    if ((await card.count()) === 1) return card;
    const next = page.getByRole('button', { name: 'Successiva' });
    if ((await next.count()) === 0 || (await next.isDisabled())) break;
    await next.click();
    await page.getByText(`Pagina ${pageNumber + 1} di`).waitFor();
  }
  throw new Error(`${name} is not in the queue`);
}

describe('Facilitator organisations in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('a chamber of commerce signs up, registers with its codice fiscale and territory, and waits for verification', async () => {
    const page = await web.newPage();
    const name = uniqueName('Camera di commercio');
    await page.goto('/registrati');
    await page.getByText('Un facilitatore: camera di commercio', { exact: false }).click();
    await page.getByLabel('E-mail').fill(anEmail('facilitatore'));
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: "Crea l'account" }).click();
    await page.waitForURL('**/facilitatore');

    await page.getByRole('button', { name: "Registra l'organizzazione" }).waitFor();
    await expectAccessible(page, 'facilitator-register-form');
    await page.getByLabel("Nome dell'organizzazione").fill(name);
    await page.getByLabel('Tipo').selectOption('CHAMBER_OF_COMMERCE');
    // A wrong check digit first: the form says so next to the field, and nothing is registered.
    await page.getByLabel('Partita IVA o codice fiscale').fill('80098765434');
    await page.getByLabel('E-mail di contatto').fill('pid@to.example.it');
    await page.getByRole('button', { name: "Registra l'organizzazione" }).click();
    await page.locator('#facilitator-taxCode-error').getByText('cifra di controllo').waitFor();
    await page.getByLabel('Partita IVA o codice fiscale').fill('80098765433');
    await page.getByLabel('Regione della provincia').selectOption({ label: 'Piemonte' });
    await page.getByLabel('Provincia', { exact: true }).selectOption({ label: 'Torino (TO)' });
    await page.getByRole('button', { name: 'Aggiungi' }).first().click();
    await page.getByRole('button', { name: "Registra l'organizzazione" }).click();

    await page.getByText('Organizzazione registrata: ora attende la verifica.').waitFor();
    expect(await page.getByTestId('verification-status').textContent()).toContain('In attesa di verifica');
    await page.getByText('Torino (TO)', { exact: true }).waitFor();
    await expectAccessible(page, 'facilitator-profile-pending');
    await page.context().close();
  });

  it('ministry staff approve a facilitator from their queue', async () => {
    const owner = await web.signUp('FACILITATOR');
    const name = uniqueName('Confartigianato');
    const { errors } = await web.api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name }) });
    expect(errors).toBeUndefined();
    const staff = await web.staffUser();
    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Verifiche', exact: true }).click();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Verifica facilitatori' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verifica dei facilitatori' }).waitFor();
    const card = await queueCard(page, name);
    await expectAccessible(page, 'facilitator-verification-queue');
    await card.getByRole('button', { name: 'Approva' }).click();
    await card.getByRole('button', { name: "Conferma l'approvazione" }).click();
    await page.getByText(`${name}: approvato.`).waitFor();
    await page.context().close();

    const own = await web.newPage();
    await logIn(own, owner.email);
    await own.waitForURL('**/facilitatore/negozi');
    await own.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'La mia organizzazione' }).click();
    await own.waitForURL('**/facilitatore');
    expect(await own.getByTestId('verification-status').textContent()).toContain('Approvata');
    await own.context().close();
  });
});
