import { randomUUID } from 'node:crypto';
import { DecideFacilitatorDocument, RegisterFacilitatorDocument } from '../../api/test/gql/generated';
import { aFacilitatorInput, staffUser } from '../../api/test/testing/fixtures';
import { approvedProvider, publishedOffer } from '../../api/test/testing/offer-fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { DataSource } from 'typeorm';
import { shopNamed } from './testing/journey-fixtures';
import { expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

const unique = (name: string): string => `${name} ${randomUUID().slice(0, 6)}`;
/** A datetime-local value, in the browser's (this machine's) time zone. */
function localInput(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

describe('Calls run by an authorised organisation, in the browser: staff grant and revoke, the organisation runs its own calls', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('staff authorise an export agency, which creates and publishes its call; once revoked it may not create another; accessible at every step', async () => {
    const staff = await staffUser(web.api);
    const owner = await web.signUp('FACILITATOR');
    const agency = unique('Agenzia regionale export');
    const agencyId = member(dataOf(await web.api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name: agency, kind: 'OTHER' }) })).registerFacilitator, 'Facilitator').id;
    await web.api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId: agencyId, decision: 'APPROVED' } });
    const provider = await approvedProvider(web.api, staff);
    const offerTitle = unique('Vetrina export');
    await publishedOffer(web.api, provider, { title: offerTitle, capacity: 4, coverage: { national: true } });

    // Staff grant the authorisation.
    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.goto('/ministero/bandi');
    await page.getByRole('link', { name: 'Enti autorizzati a gestire bandi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enti autorizzati a gestire bandi' }).waitFor();
    // The list offers a few organisations at a time: staff find the one they want by its name.
    await page.getByLabel(/^Cerca l’organizzazione/).fill(agency);
    await page.getByLabel(/^Organizzazione verificata/).selectOption({ label: agency });
    await page.getByRole('button', { name: 'Autorizza', exact: true }).click();
    await page.getByText(`${agency} è ora autorizzata a gestire bandi.`).waitFor();
    const grantCard = page.getByTestId('grant-card').filter({ hasText: agency });
    await grantCard.getByText('In corso').waitFor();
    await expectAccessible(page, 'call-publishers-granted');

    // The agency runs its own call, with the staff pages' form and actions.
    const orgPage = await web.newPage();
    await logIn(orgPage, owner.email);
    await orgPage.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Bandi' }).click();
    await orgPage.getByRole('heading', { level: 1, name: 'I bandi della tua organizzazione' }).waitFor();
    await orgPage.getByTestId('call-runner-status').getByText(/Autorizzata a gestire bandi (dal |dall')\d/).waitFor();
    await expectAccessible(orgPage, 'organisation-calls');
    const title = unique('Export digitale');
    await orgPage.getByLabel(/^Titolo/).fill(title);
    await orgPage.getByLabel(/^Descrizione/).fill('Un anno di vetrina sui marketplace esteri per le imprese selezionate dall’agenzia.');
    // The list offers a few published offers at a time: the author finds the one wanted by its title.
    await orgPage.getByLabel(/^Cerca l'offerta/).fill(offerTitle);
    // Each choice says where the offer reaches and until when, so that offers of one title are told apart.
    const offerChoice = orgPage.getByLabel(/^Offerta di cui il bando/).locator('option', { hasText: offerTitle });
    expect(await offerChoice.textContent()).toMatch(new RegExp(`^${offerTitle} – Consegne Veloci S\\.r\\.l\\. · Tutta Italia · fino (al \\d{1,2}°?|all'\\d{1,2}) \\S+ \\d{4} \\(4 posti liberi\\)$`));
    await orgPage.getByLabel(/^Offerta di cui il bando/).selectOption((await offerChoice.getAttribute('value')) as string);
    await orgPage.getByLabel(/^Numero di posti/).fill('2');
    // It opens in a few hours: publishing says from when shops may apply, not that they may now.
    await orgPage.getByLabel(/^Apertura delle domande/).fill(localInput(new Date(Date.now() + 3 * 3_600_000)));
    await orgPage.getByLabel(/^Chiusura delle domande/).fill(localInput(new Date(Date.now() + 86_400_000)));
    await orgPage.getByLabel(/^Dichiarazione da confermare/).fill('Sede legale e produzione in Italia');
    await orgPage.getByLabel(/^Domanda sì\/no/).fill('È la prima volta che vendete all’estero?');
    await orgPage.getByRole('button', { name: 'Salva la bozza' }).click();
    await orgPage.getByRole('heading', { level: 1, name: title }).waitFor();
    await orgPage.waitForURL('**/facilitatore/bandi/*');
    await orgPage.getByRole('button', { name: 'Pubblica il bando' }).click();
    // Asked first, saying from when as well as until when.
    await orgPage.getByText(/^Pubblicare il bando\? Le imprese potranno presentare domanda (dal |dall')\d/).waitFor();
    await orgPage.getByRole('button', { name: 'Sì, pubblica' }).click();
    await orgPage.getByText(/^Bando pubblicato: le imprese potranno presentare domanda (dal |dall')\d/).waitFor();
    // The call says publicly who runs it.
    await orgPage.getByRole('definition').filter({ hasText: agency }).waitFor();
    await expectAccessible(orgPage, 'organisation-call-open');

    // Staff see it, run by the agency (on its own page: the list of every call, ten a page by closing date, holds other suites' calls too).
    const callId = new URL(orgPage.url()).pathname.split('/').pop() as string;
    await page.goto(`/ministero/bandi/${callId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('definition').filter({ hasText: agency }).waitFor();

    // A shop's application, which the agency may exclude while it is authorised.
    const shopName = unique('Ceramiche Sole');
    const shop = await shopNamed(web.api, '001272', shopName);
    await web.api.app.get(DataSource).query(
      `INSERT INTO call_application (call_id, shop_id, submitted_at, declarations, answers, ateco_section, ateco_division, employees, comune_code, province_code, region_code)
       SELECT $1, s.id, now(), ARRAY(SELECT d->>'code' FROM selection_call c, jsonb_array_elements(c.declarations) d WHERE c.id = $1), '{}'::jsonb,
              s.ateco_section, s.ateco_division, 2, s.comune_code, k.province_code, k.region_code
       FROM shop s JOIN comune k ON k.code = s.comune_code WHERE s.owner_user_id = $2`,
      [callId, shop.userId],
    );
    await orgPage.reload();
    await orgPage.getByText(shopName, { exact: false }).first().waitFor();
    expect(await orgPage.getByRole('button', { name: /^Escludi/ }).count()).toBeGreaterThan(0);

    // Staff revoke, with the reason; the agency may no longer create calls.
    await page.goto('/ministero/enti-bandi');
    const revokeCard = page.getByTestId('grant-card').filter({ hasText: agency });
    await revokeCard.getByLabel(`Motivo della revoca per ${agency}`).fill('Convenzione con il Ministero scaduta');
    await revokeCard.getByRole('button', { name: 'Revoca' }).click();
    await page.getByText(`Autorizzazione di ${agency} revocata.`).waitFor();
    await revokeCard.getByText('Convenzione con il Ministero scaduta', { exact: false }).waitFor();
    await expectAccessible(page, 'call-publishers-revoked');

    await orgPage.goto('/facilitatore/bandi');
    await orgPage.getByTestId('call-runner-status').getByText('non è autorizzata dal Ministero', { exact: false }).waitFor();
    await orgPage.getByTestId('call-card').filter({ hasText: title }).waitFor();
    expect(await orgPage.getByRole('button', { name: 'Salva la bozza' }).count()).toBe(0);
    await expectAccessible(orgPage, 'organisation-calls-revoked');
    // Its call's page says so, and offers no action it would be refused: it may still read the applications.
    await orgPage.goto(`/facilitatore/bandi/${callId}`);
    await orgPage.getByTestId('call-runner-status').getByText('non è più autorizzata dal Ministero', { exact: false }).waitFor();
    await orgPage.getByText(shopName, { exact: false }).first().waitFor();
    expect(await orgPage.getByRole('button', { name: /^Escludi|Chiudi/ }).count()).toBe(0);
    await expectAccessible(orgPage, 'organisation-call-revoked');
  }, 120_000);
});
