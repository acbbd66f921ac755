import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApplyToOfferDocument, CreateHelpRequestDocument, RegisterShopOnPaperDocument } from '../../api/test/gql/generated';
import { actingFor } from '../../api/test/testing/delegation-fixtures';
import { anEmail, aShopInput, staffUser } from '../../api/test/testing/fixtures';
import { approvedProvider, publishedOffer } from '../../api/test/testing/offer-fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { anApprovedFacilitator, type ApprovedFacilitator } from './testing/facilitator-fixtures';
import { eventually, expectAccessible, focusedNotice, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

describe('Cancelling a paper registration made by mistake, from the facilitator’s desk, in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  const shopsNamed = async (shopId: string): Promise<number> =>
    ((await web.api.app.get(DataSource).query('SELECT count(*)::int AS n FROM shop WHERE id = $1', [shopId])) as { n: number }[])[0].n;
  async function onPaper(facilitator: ApprovedFacilitator, shopName: string): Promise<string> {
    const registered = await web.api.gqlAs(facilitator.accessToken, RegisterShopOnPaperDocument, {
      input: { shop: aShopInput({ tradingName: shopName }), ownerEmail: anEmail('titolare'), declaredOn: '2026-11-30' },
    });
    return member(dataOf(registered).registerShopOnPaper, 'Delegation').shopId as string;
  }

  it('says what goes before asking the password, shows a wrong password at its field, then deletes the shop and announces it', async () => {
    const facilitator = await anApprovedFacilitator(web);
    const shopName = `Sartoria ${randomUUID().slice(0, 6)}`;
    const shopId = await onPaper(facilitator, shopName);

    const page = await web.newPage();
    await logIn(page, facilitator.email);
    await page.waitForURL('**/facilitatore/negozi');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: shopName }) });
    await row.getByRole('button', { name: `Annulla la registrazione ${shopName}` }).click();
    const form = row.getByRole('form', { name: `Annulla la registrazione di ${shopName}` });
    await form.getByText('la sua Partita IVA torna libera e potrà essere registrata di nuovo', { exact: false }).waitFor();
    await form.getByText('Non si può tornare indietro.', { exact: false }).waitFor();
    await expectAccessible(page, 'facilitator-desk-cancel-registration');

    await form.getByLabel('La tua password, per confermare').fill('non-è-la-password');
    await form.getByRole('button', { name: 'Annulla la registrazione' }).click();
    await form.getByRole('alert').getByRole('link', { name: 'La password non è corretta' }).waitFor();
    expect(await form.getByLabel('La tua password, per confermare').getAttribute('aria-invalid')).toBe('true');
    expect(await shopsNamed(shopId)).toBe(1);
    await expectAccessible(page, 'facilitator-desk-cancel-registration-wrong-password');

    await form.getByLabel('La tua password, per confermare').fill('una-password-lunga-abbastanza');
    await form.getByRole('button', { name: 'Annulla la registrazione' }).click();
    await eventually(() => focusedNotice(page), `La registrazione di ${shopName} è stata annullata: l’attività è stata cancellata e la sua Partita IVA è di nuovo libera.`);
    expect(await page.getByRole('rowheader', { name: shopName }).count()).toBe(0);
    expect(await shopsNamed(shopId)).toBe(0);
    await expectAccessible(page, 'facilitator-desk-registration-cancelled');
    await page.context().close();
  });

  it('keeps the registration of a shop with a service, saying why in the row; "Non annullare" closes the form', async () => {
    const facilitator = await anApprovedFacilitator(web);
    const shopName = `Merceria ${randomUUID().slice(0, 6)}`;
    const shopId = await onPaper(facilitator, shopName);
    // The facilitator acts for the shop: a request, and an application to an offer, which the programme keeps.
    const as = { ...facilitator, userId: '', refreshToken: '' };
    const asked = await actingFor(web.api, as, shopId, CreateHelpRequestDocument, { input: { category: 'ONLINE_STORE', description: 'Vendere online i bottoni della merceria.' } });
    const helpRequestId = member(dataOf(asked).createHelpRequest, 'HelpRequest').id;
    const offer = await publishedOffer(web.api, await approvedProvider(web.api, await staffUser(web.api)));
    const applied = await actingFor(web.api, as, shopId, ApplyToOfferDocument, { input: { helpRequestId, offerId: offer.id, joinWaitlist: false } });
    member(dataOf(applied).applyToOffer, 'Match');

    const page = await web.newPage();
    await logIn(page, facilitator.email);
    await page.waitForURL('**/facilitatore/negozi');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: shopName }) });
    const open = row.getByRole('button', { name: `Annulla la registrazione ${shopName}` });
    await open.click();
    const form = row.getByRole('form', { name: `Annulla la registrazione di ${shopName}` });
    await form.getByLabel('La tua password, per confermare').fill('una-password-lunga-abbastanza');
    await form.getByRole('button', { name: 'Annulla la registrazione' }).click();

    const refusal = form.getByRole('alert');
    await refusal.getByRole('heading', { name: `Non è stato possibile annullare la registrazione di ${shopName}` }).waitFor();
    await refusal
      .getByText(
        'La registrazione resta: l’attività ha già 1 servizio (in qualsiasi stato), che i controlli del programma devono conservare. I suoi dati ora si possono cancellare solo come quelli di un account: scrivi al Dipartimento dalla pagina Contatti',
      )
      .waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('role') ?? null), 'alert');
    expect(await shopsNamed(shopId)).toBe(1);
    await expectAccessible(page, 'facilitator-desk-registration-kept');

    await form.getByRole('button', { name: 'Non annullare' }).click();
    await open.waitFor();
    expect(await row.getByRole('form').count()).toBe(0);
    await page.context().close();
  });
});
