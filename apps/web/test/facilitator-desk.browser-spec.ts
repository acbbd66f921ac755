import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreateHelpRequestDocument, DecideFacilitatorDocument, GrantDelegationDocument, LoginDocument, RegisterFacilitatorDocument, RegisterShopDocument, RegisterShopOnPaperDocument } from '../../api/test/gql/generated';
import { aFacilitatorInput, anEmail, aShopInput, TEST_PASSWORD } from '../../api/test/testing/fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { expectAccessible, logIn, showSection, startWebTestApp, type WebTestApp } from './testing/web-app';

/** A comune no other test registers shops in: the dashboard's breakdown by facilitator, narrowed to its province, lists this test's facilitator first. */
const ABBASANTA = '095001';

describe('The facilitator’s desk and acting on a shop’s behalf, in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('a facilitator finds its shop on the desk, acts for it in the shop’s screens under a banner, and goes back; the shop sees what was done and revokes', async () => {
    const staff = await web.staffUser();
    const staffSession = dataOf(await web.api.gql(LoginDocument, { input: { email: staff.email, password: staff.password } })).login;
    const facilitatorOwner = await web.signUp('FACILITATOR');
    const facilitatorName = `Confesercenti ${randomUUID().slice(0, 6)}`;
    const facilitatorId = member(
      dataOf(await web.api.gqlAs(facilitatorOwner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name: facilitatorName }) })).registerFacilitator,
      'Facilitator',
    ).id;
    await web.api.gqlAs(staffSession.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision: 'APPROVED' } });
    const shopOwner = await web.signUp('SHOP');
    const shopName = `Forno ${randomUUID().slice(0, 6)}`;
    const shopId = member(dataOf(await web.api.gqlAs(shopOwner.accessToken, RegisterShopDocument, { input: aShopInput({ tradingName: shopName, comuneCode: ABBASANTA }) })).registerShop, 'Shop').id;
    member(dataOf(await web.api.gqlAs(shopOwner.accessToken, GrantDelegationDocument, { input: { facilitatorId } })).grantDelegation, 'Delegation');
    // One request made by the facilitator on the shop's behalf, as the shop will read in its history.
    const asked = await web.api.gqlHttp(
      CreateHelpRequestDocument,
      { input: { category: 'ONLINE_STORE', description: 'Un negozio online per i nostri prodotti da forno.' } },
      { authorization: `Bearer ${facilitatorOwner.accessToken}`, 'x-on-behalf-of-shop': shopId },
    );
    expect(asked.body.data?.createHelpRequest.__typename).toBe('HelpRequest');

    const page = await web.newPage();
    await logIn(page, facilitatorOwner.email);
    await page.waitForURL('**/facilitatore/negozi');
    await page.getByRole('heading', { level: 1, name: 'Scrivania dei negozi' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: shopName }) });
    await row.getByText('1 richiesta aperta').waitFor();
    await expectAccessible(page, 'facilitator-desk');
    await row.getByRole('button', { name: `Opera per conto ${shopName}` }).click();

    await page.waitForURL('**/la-mia-attivita');
    const banner = page.getByTestId('acting-banner');
    expect(await banner.textContent()).toContain(`Stai operando per conto di ${shopName}`);
    await page.getByRole('heading', { level: 2, name: shopName }).waitFor();
    await expectAccessible(page, 'acting-shop-profile');
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Le mie richieste' }).click();
    await page.waitForURL('**/la-mia-attivita/richieste');
    await page.getByText('Negozio online', { exact: false }).first().waitFor();
    expect(await banner.isVisible()).toBe(true);
    await expectAccessible(page, 'acting-shop-requests');
    await banner.getByRole('button', { name: 'Torna alla scrivania' }).click();
    await page.waitForURL('**/facilitatore/negozi');
    expect(await page.getByTestId('acting-banner').count()).toBe(0);
    await page.context().close();

    const shopPage = await web.newPage();
    await logIn(shopPage, shopOwner.email);
    await shopPage.goto('/la-mia-attivita/facilitatori');
    await shopPage.getByRole('heading', { level: 1, name: 'I facilitatori della mia attività' }).waitFor();
    await shopPage.getByText(`${facilitatorName}: ha chiesto un servizio`, { exact: false }).waitFor();
    await expectAccessible(shopPage, 'shop-delegations');
    await shopPage.getByRole('button', { name: 'Revoca il consenso' }).click();
    await shopPage.getByText(`Consenso revocato: ${facilitatorName} non può più operare per la tua attività.`).waitFor();
    await shopPage.getByText('Associazione di categoria · Consenso revocato', { exact: true }).waitFor();
    await expectAccessible(shopPage, 'shop-delegations-revoked');
    await shopPage.context().close();

    // Revoked: the facilitator's next call for the shop is refused.
    const after = await web.api.gqlHttp(
      CreateHelpRequestDocument,
      { input: { category: 'WEBSITE', description: 'Un sito web per il forno, per favore.' } },
      { authorization: `Bearer ${facilitatorOwner.accessToken}`, 'x-on-behalf-of-shop': shopId },
    );
    expect(after.body.errors?.[0].extensions.code).toBe('NOT_FOUND');

    // Ministry staff see the uptake through this facilitator on the dashboard.
    const staffPage = await web.newPage();
    await logIn(staffPage, staff.email);
    // Narrowed to the shop's province, as the other panels are: the facilitators with shops there come first.
    await staffPage.goto(`/ministero/cruscotto?provincia=${ABBASANTA.slice(0, 3)}`);
    await showSection(staffPage, 'by-facilitator-title');
    const uptake = staffPage.getByTestId('uptake-by-facilitator');
    await uptake.getByRole('rowheader', { name: facilitatorName }).waitFor();
    const facilitatorRow = uptake.getByRole('row').filter({ has: staffPage.getByRole('rowheader', { name: facilitatorName }) });
    expect(await facilitatorRow.count()).toBe(1);
    await staffPage.context().close();
  });

  it('the owner of a shop registered on paper claims it from the e-mailed link with a new account', async () => {
    const staff = await web.staffUser();
    const staffSession = dataOf(await web.api.gql(LoginDocument, { input: { email: staff.email, password: staff.password } })).login;
    const owner = await web.signUp('FACILITATOR');
    const name = `CNA ${randomUUID().slice(0, 6)}`;
    const facilitatorId = member(dataOf(await web.api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name }) })).registerFacilitator, 'Facilitator').id;
    await web.api.gqlAs(staffSession.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision: 'APPROVED' } });
    const ownerEmail = anEmail('titolare');
    const shopName = `Sartoria ${randomUUID().slice(0, 6)}`;
    const registered = await web.api.gqlAs(owner.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput({ tradingName: shopName }), ownerEmail, declaredOn: '2026-11-30' } });
    member(dataOf(registered).registerShopOnPaper, 'Delegation');
    const [mail]: { text: string }[] = await web.api.app.get(DataSource).query('SELECT text FROM mail_message WHERE recipient = $1', [ownerEmail]);
    const path = /\/rivendica\/[^\s]+/.exec(mail.text)?.[0] ?? '';

    const page = await web.newPage();
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: 'Prendi il controllo della tua attività' }).waitFor();
    await page.getByText(`${name} ha registrato ${shopName}`, { exact: false }).waitFor();
    await page.getByText('Rivendicando l’attività confermi di aver letto', { exact: false }).waitFor();
    await expectAccessible(page, 'claim-shop');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Prendi il controllo' }).click();
    await page.getByText(`Fatto: accedi con ${ownerEmail} e la password scelta.`).waitFor();
    const accepted: { notice_version: string }[] = await web.api.app
      .get(DataSource)
      .query('SELECT a.notice_version FROM privacy_notice_acceptance a JOIN user_account u ON u.id = a.user_id WHERE u.email = $1', [ownerEmail]);
    expect(accepted).toEqual([{ notice_version: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    await page.getByRole('link', { name: 'Accedi' }).last().click();
    await logIn(page, ownerEmail);
    await page.waitForURL('**/la-mia-attivita');
    await page.getByRole('heading', { level: 2, name: shopName }).waitFor();
    await page.context().close();
  });
});
