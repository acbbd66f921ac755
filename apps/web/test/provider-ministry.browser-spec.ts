import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DecideProviderDocument, DeleteMyAccountDocument, LoginDocument, RegisterProviderDocument, UpdateProviderDocument } from '../../api/test/gql/generated';
import { aPartitaIva, aProviderInput, TEST_PASSWORD, anEmail } from '../../api/test/testing/fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { eventually, expectAccessible, focusedNotice, logIn, PHONE, startWebTestApp, type WebTestApp } from './testing/web-app';

const uniqueName = (prefix: string): string => `${prefix} ${randomUUID().slice(0, 8)}`;

/** The queue lists the oldest first and other tests add providers too: page until the card shows. */
async function providerCard(page: Page, name: string) {
  for (let pageNumber = 1; pageNumber <= 50; pageNumber += 1) {
    // The list shown first may come from the cache: wait for the fresh one.
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

describe('Provider and ministry journeys in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('a provider signs up, registers its organisation and sees it awaiting verification (phone width)', async () => {
    const page = await web.newPage(PHONE);
    const name = uniqueName('Consegne Veloci');
    await page.goto('/registrati');
    // Bootstrap Italia draws the radio over its label: a user clicks the label.
    await page.getByText('Un fornitore di servizi digitali', { exact: true }).click();
    expect(await page.getByLabel('Un fornitore di servizi digitali').isChecked()).toBe(true);
    await page.getByLabel('E-mail').fill(anEmail('fornitore'));
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: "Crea l'account" }).click();
    await page.waitForURL('**/organizzazione');

    await page.getByRole('button', { name: "Registra l'organizzazione" }).waitFor();
    await expectAccessible(page, 'provider-register-form-phone');
    // Sent empty: every empty field is named at once, not the kind first and the rest on the next try.
    await page.getByRole('button', { name: "Registra l'organizzazione" }).click();
    await page.locator('#provider-description-error').waitFor();
    expect(await page.getByRole('alert').getByRole('listitem').allTextContents()).toEqual([
      "Nome dell'organizzazione è un campo obbligatorio",
      'Partita IVA è un campo obbligatorio',
      'Tipo: scegli il tipo di organizzazione.',
      'Descrizione è un campo obbligatorio',
    ]);
    await page.getByLabel("Nome dell'organizzazione").fill(name);
    await page.getByLabel('Partita IVA').fill(aPartitaIva());
    await page.getByLabel('Tipo').selectOption('DELIVERY');
    await page.getByLabel('Sito web').fill('https://consegne.example.it');
    await page.getByLabel('Descrizione').fill('Consegne a domicilio gratuite per sei mesi ai negozi di quartiere.');
    await page.getByRole('button', { name: "Registra l'organizzazione" }).click();

    await page.getByText('Organizzazione registrata: ora attende la verifica.').waitFor();
    expect(await page.getByTestId('verification-status').textContent()).toContain('In attesa di verifica');
    await page.getByRole('heading', { level: 2, name }).waitFor();
    await page.getByText('Consegne a domicilio', { exact: true }).waitFor();
    await expectAccessible(page, 'provider-profile-pending-phone');
    await page.context().close();
  });

  it('ministry staff approve a provider, reject another with a reason, then suspend the first; each provider sees the outcome', async () => {
    const first = await web.signUp('PROVIDER');
    const second = await web.signUp('PROVIDER');
    const firstName = uniqueName('Negozi in Rete');
    const secondName = uniqueName('Vetrina Facile');
    for (const [owner, name] of [[first, firstName], [second, secondName]] as const) {
      const { errors } = await web.api.gqlAs(owner.accessToken, RegisterProviderDocument, { input: aProviderInput({ name }) });
      expect(errors).toBeUndefined();
    }
    const staff = await web.staffUser();
    const page = await web.newPage();
    await logIn(page, staff.email);
    expect(new URL(page.url()).pathname).toBe('/ministero/cruscotto');
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Verifiche', exact: true }).click();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Verifica fornitori' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verifica dei fornitori' }).waitFor();
    await expectAccessible(page, 'verification-queue');

    // Found by words of its name, whatever the queue's length: the one card, then the whole queue again.
    await page.getByLabel('Cerca un fornitore per nome o Partita IVA').fill(firstName.toUpperCase());
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await eventually(() => page.locator('li.queue-card').count(), 1);
    await page.locator('li.queue-card').getByRole('heading', { name: firstName, exact: true }).waitFor();
    await page.getByLabel('Cerca un fornitore per nome o Partita IVA').fill('nessun fornitore ha questo nome');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.getByText('Nessun risultato per «nessun fornitore ha questo nome» in questo stato.').waitFor();
    await page.getByLabel('Cerca un fornitore per nome o Partita IVA').fill('');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();

    // Approving e-mails the provider and opens the catalogue to its offers: asked twice, the question focused, so that a stray Enter decides nothing.
    await (await providerCard(page, firstName)).getByRole('button', { name: 'Approva' }).click();
    const question = (await providerCard(page, firstName)).getByRole('group', { name: new RegExp(`^Approvare ${firstName}\\?`) });
    await question.waitFor();
    expect(await question.evaluate((node) => node === document.activeElement)).toBe(true);
    await expectAccessible(page, 'verification-approve-question');
    await question.getByRole('button', { name: "Conferma l'approvazione" }).click();
    await page.getByText(`${firstName}: approvato.`).waitFor();
    // The card has left the queue: the focus is on the message, not lost at the top of the page.
    await eventually(() => focusedNotice(page), `${firstName}: approvato.`);

    // Rejecting needs a reason: the API's refusal appears next to the field, in Italian.
    const secondCard = await providerCard(page, secondName);
    // "Respingi" gives way to the reason, which takes the focus; "Annulla" puts the button back, focused.
    const reject = secondCard.getByRole('button', { name: 'Respingi' });
    await reject.click();
    await eventually(() => secondCard.getByLabel('Motivazione').evaluate((field) => field === document.activeElement), true);
    await secondCard.getByRole('button', { name: 'Annulla' }).click();
    await eventually(() => reject.evaluate((button) => button === document.activeElement), true);
    await reject.click();
    await eventually(() => secondCard.getByLabel('Motivazione').evaluate((field) => field === document.activeElement), true);
    await secondCard.getByRole('button', { name: 'Conferma il rifiuto' }).click();
    await secondCard.locator('[data-field-error]').waitFor();
    expect(await secondCard.locator('[data-field-error]').textContent()).toBe('Motivazione deve spiegare la decisione in almeno 5 caratteri: l’organizzazione la leggerà');
    expect(await secondCard.getByLabel('Motivazione').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'verification-reason-error');
    await secondCard.getByLabel('Motivazione').fill('Le offerte descritte non sono gratuite.');
    await secondCard.getByRole('button', { name: 'Conferma il rifiuto' }).click();
    await page.getByText(`${secondName}: respinto.`).waitFor();

    const providerPage = await web.newPage();
    await logIn(providerPage, first.email);
    expect(await providerPage.getByTestId('verification-status').textContent()).toContain('Approvata');
    await eventually(() => providerPage.getByTestId('account-name').textContent(), `Accesso come ${firstName}`);
    await expectAccessible(providerPage, 'provider-profile-approved');
    // Approved, its name and website are facts in the form, not fields: what the Ministry verified.
    await providerPage.getByRole('button', { name: 'Modifica i dati' }).click();
    await providerPage.getByText('Il nome e il sito sono quelli verificati dal Ministero', { exact: false }).waitFor();
    expect(await providerPage.getByLabel("Nome dell'organizzazione").count()).toBe(0);
    expect(await providerPage.locator('dt', { hasText: "Nome dell'organizzazione" }).locator('xpath=following-sibling::dd[1]').textContent()).toBe(firstName);
    await expectAccessible(providerPage, 'provider-profile-verified-details');

    await page.getByRole('button', { name: 'Approvati', exact: true }).click();
    const approvedCard = await providerCard(page, firstName);
    await approvedCard.getByRole('button', { name: 'Sospendi' }).click();
    await approvedCard.getByLabel('Motivazione').fill('Segnalazioni di costi nascosti dopo il periodo gratuito.');
    await approvedCard.getByRole('button', { name: 'Conferma la sospensione' }).click();
    await page.getByText(`${firstName}: sospeso.`).waitFor();

    await providerPage.reload();
    await providerPage.getByTestId('verification-status').waitFor();
    expect(await providerPage.getByTestId('verification-status').textContent()).toContain('Sospesa');
    await providerPage.getByText('Segnalazioni di costi nascosti dopo il periodo gratuito.').waitFor();

    const rejectedPage = await web.newPage();
    await logIn(rejectedPage, second.email);
    expect(await rejectedPage.getByTestId('verification-status').textContent()).toContain('Respinta');
    await rejectedPage.getByText('Le offerte descritte non sono gratuite.').waitFor();
    // Its next step is to correct its details, not to publish offers.
    expect(await rejectedPage.getByText('Prossimi passi').count()).toBe(0);

    // A rejection is not turned into an approval: staff are offered no decision until the organisation resubmits.
    await page.getByRole('button', { name: 'Respinti', exact: true }).click();
    const rejectedCard = await providerCard(page, secondName);
    await rejectedCard.getByText("Nessuna decisione possibile: l'organizzazione deve prima correggere i propri dati.").waitFor();
    expect(await rejectedCard.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'verification-rejected');

    await rejectedPage.getByRole('button', { name: 'Correggi e invia di nuovo' }).click();
    await rejectedPage.getByText('Correggi ciò che indica la motivazione', { exact: false }).waitFor();
    // Sending back what was rejected changes nothing: the form stays open and says so, with no success message.
    await rejectedPage.getByRole('button', { name: 'Correggi e invia di nuovo' }).click();
    const unchanged = rejectedPage.getByTestId('provider-unchanged');
    await unchanged.waitFor();
    expect(await unchanged.textContent()).toContain('Non hai cambiato nulla');
    expect(await unchanged.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await rejectedPage.getByLabel('Descrizione').count()).toBe(1);
    await rejectedPage.getByLabel('Descrizione').fill('Vetrine online gratuite per dodici mesi, senza rinnovo e senza costi al termine.');
    expect(await unchanged.count()).toBe(0);
    await expectAccessible(rejectedPage, 'provider-resubmit-form');
    await rejectedPage.getByRole('button', { name: 'Correggi e invia di nuovo' }).click();
    await rejectedPage.getByText('Dati inviati di nuovo: il Dipartimento li verificherà.').waitFor();
    expect(await rejectedPage.getByTestId('verification-status').textContent()).toContain('In attesa di verifica');

    await page.getByRole('button', { name: 'Da verificare', exact: true }).click();
    const resubmitted = await providerCard(page, secondName);
    await resubmitted.getByText('Respinta in precedenza per:', { exact: false }).waitFor();
    await resubmitted.getByRole('button', { name: 'Approva' }).waitFor();
    await expectAccessible(page, 'verification-resubmitted');
    for (const p of [page, providerPage, rejectedPage]) await p.context().close();
  });

  it('ministry staff see a provider whose account was erased as such, with no decision; one erased while the page is open is refused, the reason shown in its card', async () => {
    const staff = await web.staffUser();
    const registered = async (name: string) => {
      const owner = await web.signUp('PROVIDER');
      const providerId = member(dataOf(await web.api.gqlAs(owner.accessToken, RegisterProviderDocument, { input: aProviderInput({ name }) })).registerProvider, 'Provider').id;
      return { ...owner, providerId };
    };
    const eraseAccount = async (owner: { accessToken: string }): Promise<void> => {
      const { deleteMyAccount } = dataOf(await web.api.gqlAs(owner.accessToken, DeleteMyAccountDocument, { input: { password: TEST_PASSWORD } }));
      expect(deleteMyAccount.__typename).toBe('AccountErased');
    };
    const closedName = uniqueName('Bottega Chiusa');
    const closed = await registered(closedName);
    const { accessToken: staffToken } = dataOf(await web.api.gql(LoginDocument, { input: { email: staff.email, password: staff.password } })).login;
    member(dataOf(await web.api.gqlAs(staffToken, DecideProviderDocument, { input: { providerId: closed.providerId, decision: 'APPROVED' } })).verifyProvider, 'Provider');
    await eraseAccount(closed);
    const leavingName = uniqueName('Consegne in Chiusura');
    const leaving = await registered(leavingName);

    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Verifiche', exact: true }).click();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Verifica fornitori' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verifica dei fornitori' }).waitFor();
    await page.getByRole('button', { name: 'Sospesi', exact: true }).click();
    const closedCard = await providerCard(page, closedName);
    await closedCard.getByText('Account cancellato', { exact: true }).waitFor();
    await closedCard.getByText("L'account di questa organizzazione è stato cancellato su richiesta del titolare: non si può più decidere nulla su di essa.").waitFor();
    expect(await closedCard.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'verification-owner-erased');

    // The account goes while staff read the queue: the decision is refused, and the card says why.
    await page.getByRole('button', { name: 'Da verificare', exact: true }).click();
    const leavingCard = await providerCard(page, leavingName);
    await leavingCard.getByRole('button', { name: 'Approva' }).waitFor();
    await eraseAccount(leaving);
    await leavingCard.getByRole('button', { name: 'Approva' }).click();
    await leavingCard.getByRole('button', { name: "Conferma l'approvazione" }).click();
    const refusal = leavingCard.getByRole('alert');
    await refusal.getByText('L’account di questa organizzazione è stato cancellato su richiesta del titolare (art. 17 GDPR): sull’organizzazione non si può più decidere nulla').waitFor();
    await leavingCard.getByText("L'account di questa organizzazione è stato cancellato su richiesta del titolare: non si può più decidere nulla su di essa.").waitFor();
    expect(await leavingCard.getByRole('button').count()).toBe(0);
    expect(await page.getByText(`${leavingName}: approvato.`).count()).toBe(0);
    await eventually(() => refusal.evaluate((summary) => summary === document.activeElement), true);
    await expectAccessible(page, 'verification-owner-erased-refusal');
    await page.context().close();
  });

  it('ministry staff cannot approve details a provider changed after the page was read: the card shows the new ones under the refusal, and the next approval is of those', async () => {
    const staff = await web.staffUser();
    const owner = await web.signUp('PROVIDER');
    const name = uniqueName('Consegne Oneste');
    const providerId = member(dataOf(await web.api.gqlAs(owner.accessToken, RegisterProviderDocument, { input: aProviderInput({ name }) })).registerProvider, 'Provider').id;

    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.goto('/ministero/verifica-fornitori');
    await page.getByRole('heading', { level: 1, name: 'Verifica dei fornitori' }).waitFor();
    const card = await providerCard(page, name);
    await card.getByRole('button', { name: 'Approva' }).waitFor();
    // While staff read the card, the organisation takes a name shops would trust more.
    const newName = uniqueName('Poste Ufficiali');
    await web.api.gqlAs(owner.accessToken, UpdateProviderDocument, { input: { name: newName } });
    await card.getByRole('button', { name: 'Approva' }).click();
    await card.getByRole('button', { name: "Conferma l'approvazione" }).click();

    const renamed = page.locator('li.queue-card').filter({ has: page.getByRole('heading', { name: newName, exact: true }) });
    const refusal = renamed.getByRole('alert');
    await refusal.getByText(/^L’organizzazione è cambiata dopo che l’hai aperta .*rileggila, poi decidi$/).waitFor();
    expect(await page.getByText(`${newName}: approvato.`).count()).toBe(0);
    await eventually(() => refusal.evaluate((summary) => summary === document.activeElement), true);
    await expectAccessible(page, 'verification-changed-since-read');

    await renamed.getByRole('button', { name: 'Approva' }).click();
    await renamed.getByRole('button', { name: "Conferma l'approvazione" }).click();
    await page.getByText(`${newName}: approvato.`, { exact: false }).waitFor();
    const [{ status }] = await web.api.app.get(DataSource).query('SELECT verification_status AS status FROM provider WHERE id = $1', [providerId]);
    expect(status).toBe('APPROVED');
    await page.context().close();
  });
});
