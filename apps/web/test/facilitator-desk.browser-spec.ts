import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Page } from 'playwright-core';
import {
  CreateHelpRequestDocument,
  DecideFacilitatorDocument,
  GrantDelegationDocument,
  InviteShopDocument,
  LoginDocument,
  RegisterFacilitatorDocument,
  RegisterShopDocument,
  RegisterShopOnPaperDocument,
  RevokeDelegationDocument,
} from '../../api/test/gql/generated';
import { aFacilitatorInput, anEmail, aShopInput, TEST_PASSWORD } from '../../api/test/testing/fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { anApprovedFacilitator } from './testing/facilitator-fixtures';
import { eventually, expectAccessible, focused, focusedNotice, logIn, showSection, startWebTestApp, type WebTestApp } from './testing/web-app';

/** A comune no other test registers shops in: the dashboard's breakdown by facilitator, narrowed to its province, lists this test's facilitator first. */
const ABBASANTA = '095001';

describe('The facilitator’s desk and acting on a shop’s behalf, in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  const delegationStatus = async (delegationId: string): Promise<string> =>
    ((await web.api.app.get(DataSource).query('SELECT status FROM delegation WHERE id = $1', [delegationId])) as { status: string }[])[0].status;
  /** The role of what holds the keyboard focus. */
  const focusedRole = (page: Page): Promise<string | null> => page.evaluate(() => document.activeElement?.getAttribute('role') ?? null);

  it('a facilitator acting for a shop that revokes its consent is told so on the banner, with the way back to the desk', async () => {
    const facilitator = await anApprovedFacilitator(web);
    const shopOwner = await web.signUp('SHOP');
    const shopName = `Bottega ${randomUUID().slice(0, 6)}`;
    member(dataOf(await web.api.gqlAs(shopOwner.accessToken, RegisterShopDocument, { input: aShopInput({ tradingName: shopName, comuneCode: '001272' }) })).registerShop, 'Shop');
    const delegationId = member(dataOf(await web.api.gqlAs(shopOwner.accessToken, GrantDelegationDocument, { input: { facilitatorId: facilitator.facilitatorId } })).grantDelegation, 'Delegation').id;

    const page = await web.newPage();
    await logIn(page, facilitator.email);
    await page.waitForURL('**/facilitatore/negozi');
    await page.getByRole('button', { name: `Opera per conto ${shopName}` }).click();
    await page.getByRole('heading', { level: 2, name: shopName }).waitFor();
    member(dataOf(await web.api.gqlAs(shopOwner.accessToken, RevokeDelegationDocument, { input: { delegationId } })).revokeDelegation, 'Delegation');

    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Richieste', exact: true }).click();
    const banner = page.getByTestId('acting-banner');
    await eventually(async () => (await banner.getByRole('alert').textContent())?.trim(), `Non operi più per conto di ${shopName}.`);
    expect(await banner.textContent()).not.toContain('Stai operando per conto di');
    // The shop's screen gives way to what happened, not to a page that failed to load.
    await page.getByRole('heading', { level: 1, name: `Non operi più per conto di ${shopName}` }).waitFor();
    await page.getByText('L’attività ha revocato il consenso, la delega è terminata', { exact: false }).waitFor();
    expect(await page.getByText('Riprova più tardi', { exact: false }).count()).toBe(0);
    await expectAccessible(page, 'acting-ended');
    await banner.getByRole('button', { name: 'Torna alla scrivania' }).click();
    await page.waitForURL('**/facilitatore/negozi');
    expect(await page.getByTestId('acting-banner').count()).toBe(0);
    await page.context().close();
  });

  it('a facilitator suspended while acting for a shop is told why on its desk, acts for no shop there, and the banner says the acting ended', async () => {
    const facilitator = await anApprovedFacilitator(web);
    const shopOwner = await web.signUp('SHOP');
    const shopName = `Bottega ${randomUUID().slice(0, 6)}`;
    member(dataOf(await web.api.gqlAs(shopOwner.accessToken, RegisterShopDocument, { input: aShopInput({ tradingName: shopName, comuneCode: '001272' }) })).registerShop, 'Shop');
    member(dataOf(await web.api.gqlAs(shopOwner.accessToken, GrantDelegationDocument, { input: { facilitatorId: facilitator.facilitatorId } })).grantDelegation, 'Delegation');
    const page = await web.newPage();
    await logIn(page, facilitator.email);
    await page.getByRole('button', { name: `Opera per conto ${shopName}` }).click();
    await page.getByRole('heading', { level: 2, name: shopName }).waitFor();
    const staff = await web.staffUser();
    const staffSession = dataOf(await web.api.gql(LoginDocument, { input: { email: staff.email, password: staff.password } })).login;
    await web.api.gqlAs(staffSession.accessToken, DecideFacilitatorDocument, { input: { facilitatorId: facilitator.facilitatorId, decision: 'SUSPENDED', reason: 'Verifica dei dati in corso' } });

    await page.goto('/facilitatore/negozi');
    await page.getByText('La tua organizzazione è sospesa dal Dipartimento (motivo: «Verifica dei dati in corso»)', { exact: false }).waitFor();
    await page.getByRole('rowheader', { name: shopName }).waitFor();
    expect(await page.getByRole('button', { name: `Opera per conto ${shopName}` }).count()).toBe(0);
    await eventually(async () => (await page.getByTestId('acting-banner').getByRole('alert').textContent())?.trim(), `Non operi più per conto di ${shopName}.`);
    await expectAccessible(page, 'desk-suspended');
    await page.context().close();
  });

  it('a facilitator finds its shop on the desk, acts for it in the shop’s screens under a banner, and goes back; the shop sees what was done and revokes', async () => {
    const staff = await web.staffUser();
    const staffSession = dataOf(await web.api.gql(LoginDocument, { input: { email: staff.email, password: staff.password } })).login;
    const facilitatorOwner = await web.signUp('FACILITATOR');
    const facilitatorName = `Confesercenti ${randomUUID().slice(0, 6)}`;
    const facilitatorId = member(
      dataOf(
        await web.api.gqlAs(facilitatorOwner.accessToken, RegisterFacilitatorDocument, {
          input: aFacilitatorInput({ name: facilitatorName, territory: { national: true, regionCodes: [], provinceCodes: [], comuneCodes: [] } }),
        }),
      ).registerFacilitator,
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
    const askedId = asked.body.data?.createHelpRequest.__typename === 'HelpRequest' ? asked.body.data.createHelpRequest.id : null;
    expect(askedId).not.toBeNull();

    const page = await web.newPage();
    await logIn(page, facilitatorOwner.email);
    await page.waitForURL('**/facilitatore/negozi');
    await page.getByRole('heading', { level: 1, name: 'Scrivania dei negozi' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: shopName }) });
    await row.getByText('1 richiesta aperta').waitFor();
    await expectAccessible(page, 'facilitator-desk');
    // A filter that leaves no shop says so, not that the desk is empty.
    await page.getByLabel('Filtra per servizio richiesto').selectOption({ label: 'Sicurezza informatica' });
    await page.getByText('Nessun negozio per questi filtri: prova con un altro comune o servizio, o toglili.').waitFor();
    await page.getByLabel('Filtra per servizio richiesto').selectOption({ index: 0 });
    await row.getByText('1 richiesta aperta').waitFor();
    await row.getByRole('button', { name: `Opera per conto ${shopName}` }).click();

    await page.waitForURL('**/la-mia-attivita');
    const banner = page.getByTestId('acting-banner');
    expect(await banner.textContent()).toContain(`Stai operando per conto di ${shopName}`);
    await page.getByRole('heading', { level: 2, name: shopName }).waitFor();
    // The shop's screens speak of the shop, not of the facilitator's own business and requests.
    await page.getByRole('heading', { level: 1, name: 'L’attività' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
    expect(await nav.getByRole('link', { name: /^(La mia attività|Le mie richieste|I miei servizi)$/ }).count()).toBe(0);
    // The shop's personal data and account are its owner's: no download or deletion that would be the facilitator's own.
    await page.getByRole('heading', { level: 2, name: 'Dati personali e account' }).waitFor();
    expect(await page.getByRole('button', { name: /Cancella definitivamente l'account|Scarica i tuoi dati/ }).count()).toBe(0);
    await expectAccessible(page, 'acting-shop-profile');
    await nav.getByRole('link', { name: 'Richieste', exact: true }).click();
    await page.waitForURL('**/la-mia-attivita/richieste');
    await page.getByRole('heading', { level: 1, name: 'Richieste dell’attività' }).waitFor();
    await page.getByText('Negozio online', { exact: false }).first().waitFor();
    expect(await banner.isVisible()).toBe(true);
    await expectAccessible(page, 'acting-shop-requests');
    await banner.getByRole('button', { name: 'Torna alla scrivania' }).click();
    await page.waitForURL('**/facilitatore/negozi');
    expect(await page.getByTestId('acting-banner').count()).toBe(0);
    await page.context().close();

    const shopPage = await web.newPage();
    await logIn(shopPage, shopOwner.email);
    // The notice of what was done in the shop's name leads to the page that lists it.
    await shopPage.goto('/notifiche');
    const notice = shopPage.getByTestId('notification').filter({ hasText: `${facilitatorName} ha chiesto un servizio per tuo conto` });
    await notice.getByRole('link', { name: 'Apri' }).click();
    await shopPage.waitForURL('**/la-mia-attivita/facilitatori');
    await shopPage.getByRole('heading', { level: 1, name: 'I facilitatori della mia attività' }).waitFor();
    // Each action names what it concerned, with the way to it.
    const action = shopPage.getByRole('listitem').filter({ hasText: `${facilitatorName} ha chiesto un servizio: Negozio online, «Un negozio online per i nostri prodotti da forno.»` });
    await action.waitFor();
    await expectAccessible(shopPage, 'shop-delegations');
    await action.getByRole('link', { name: 'Negozio online, «Un negozio online per i nostri prodotti da forno.»' }).click();
    await shopPage.waitForURL(`**/la-mia-attivita/richieste/${askedId}`);
    await shopPage.goBack();
    await shopPage.getByRole('heading', { level: 1, name: 'I facilitatori della mia attività' }).waitFor();
    // The organisation already acting for the shop is not offered to choose again.
    await shopPage.getByLabel(/^Cerca il facilitatore/).fill(facilitatorName.slice(-12).toUpperCase());
    await shopPage.locator('li', { hasText: facilitatorName }).getByText('Opera già per la tua attività').waitFor();
    expect(await shopPage.getByRole('button', { name: `Scegli ${facilitatorName}`, exact: true }).count()).toBe(0);
    await shopPage.getByLabel(/^Cerca il facilitatore/).fill('');
    // Revoking is asked first; "no" changes nothing and gives the focus back.
    const revoke = shopPage.getByRole('button', { name: 'Revoca il consenso' });
    await revoke.click();
    await shopPage.getByText(`Revocare il consenso a ${facilitatorName}?`, { exact: false }).waitFor();
    await expectAccessible(shopPage, 'shop-delegations-revoke-question');
    await shopPage.getByRole('button', { name: 'No, lascialo operare' }).click();
    await eventually(() => revoke.evaluate((button) => button === document.activeElement), true);
    await revoke.click();
    await shopPage.getByRole('button', { name: 'Sì, revoca il consenso' }).click();
    await shopPage.getByText(`Consenso revocato: ${facilitatorName} non può più operare per la tua attività.`).waitFor();
    await shopPage.getByText('Associazione di categoria · Consenso revocato', { exact: true }).waitFor();
    await expectAccessible(shopPage, 'shop-delegations-revoked');
    // The facilitator works all over Italy, so in the shop's comune too; among the many that can, the owner finds it by part of its name.
    await shopPage.getByLabel(/^Cerca il facilitatore/).fill(facilitatorName.slice(-12).toUpperCase());
    await shopPage.getByRole('button', { name: `Scegli ${facilitatorName}`, exact: true }).waitFor();
    expect(await shopPage.getByRole('button', { name: /^Scegli / }).count()).toBe(1);
    // Choosing gives it power to act for the shop: asked first, saying what it may do; "no" changes nothing.
    await shopPage.getByRole('button', { name: `Scegli ${facilitatorName}`, exact: true }).click();
    await shopPage.getByText(`Scegliere ${facilitatorName}? Potrà gestire il profilo e le richieste`, { exact: false }).waitFor();
    await expectAccessible(shopPage, 'shop-delegations-choose-question');
    await shopPage.getByRole('button', { name: 'No, torna indietro' }).click();
    await shopPage.getByRole('button', { name: `Scegli ${facilitatorName}`, exact: true }).waitFor();
    await shopPage.getByLabel(/^Cerca il facilitatore/).fill(`${facilitatorName} nessuno`);
    await shopPage.getByText('Nessun facilitatore verificato del tuo comune corrisponde alla ricerca.').waitFor();
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

  it('a facilitator stops acting for a shop with an owner: asked first in the row, then the shop leaves the desk and the withdrawal is announced', async () => {
    const facilitator = await anApprovedFacilitator(web);
    const shopOwner = await web.signUp('SHOP');
    const shopName = `Ferramenta ${randomUUID().slice(0, 6)}`;
    member(dataOf(await web.api.gqlAs(shopOwner.accessToken, RegisterShopDocument, { input: aShopInput({ tradingName: shopName }) })).registerShop, 'Shop');
    const delegationId = member(dataOf(await web.api.gqlAs(shopOwner.accessToken, GrantDelegationDocument, { input: { facilitatorId: facilitator.facilitatorId } })).grantDelegation, 'Delegation').id;

    const page = await web.newPage();
    await logIn(page, facilitator.email);
    await page.waitForURL('**/facilitatore/negozi');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: shopName }) });
    const stop = row.getByRole('button', { name: `Smetti di operare per conto ${shopName}` });
    const question = `Vuoi smettere di operare per conto di ${shopName}? Il negozio esce dalla tua scrivania e il titolare riceve un avviso; per tornare a operare per suo conto servirà di nuovo il suo consenso.`;

    // "No" puts the button back, focused; nothing is sent.
    await stop.click();
    await row.getByRole('group', { name: question }).waitFor();
    await row.getByRole('button', { name: 'No, continua' }).click();
    await eventually(async () => (await focused(page)).text, `Smetti di operare per conto ${shopName}`);
    expect(await delegationStatus(delegationId)).toBe('ACTIVE');

    await stop.click();
    const confirmation = row.getByRole('group', { name: question });
    await confirmation.waitFor();
    await expectAccessible(page, 'facilitator-desk-stop-confirm');
    await confirmation.getByRole('button', { name: 'Sì, smetti di operare per suo conto' }).click();
    await eventually(() => focusedNotice(page), `Non operi più per conto di ${shopName}: il negozio è uscito dalla tua scrivania.`);
    expect(await page.getByRole('rowheader', { name: shopName }).count()).toBe(0);
    expect(await delegationStatus(delegationId)).toBe('WITHDRAWN');
    await expectAccessible(page, 'facilitator-desk-stopped');
    await page.context().close();
  });

  it('a facilitator cannot stop acting for a paper shop nobody has claimed and no one else acts for: the reason is shown in Italian and the row stays', async () => {
    const facilitator = await anApprovedFacilitator(web);
    const shopName = `Merceria ${randomUUID().slice(0, 6)}`;
    const registered = await web.api.gqlAs(facilitator.accessToken, RegisterShopOnPaperDocument, {
      input: { shop: aShopInput({ tradingName: shopName }), ownerEmail: anEmail('titolare'), declaredOn: '2026-11-30' },
    });
    const delegationId = member(dataOf(registered).registerShopOnPaper, 'Delegation').id;

    const page = await web.newPage();
    await logIn(page, facilitator.email);
    await page.waitForURL('**/facilitatore/negozi');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: shopName }) });
    await row.getByRole('button', { name: `Smetti di operare per conto ${shopName}` }).click();
    // Nobody to tell: the question does not promise the owner a notice.
    const confirmation = row.getByRole('group', {
      name: `Vuoi smettere di operare per conto di ${shopName}? Il negozio esce dalla tua scrivania; per tornare a operare per suo conto servirà di nuovo il consenso del titolare.`,
    });
    await confirmation.getByRole('button', { name: 'Sì, smetti di operare per suo conto' }).click();

    const refusal = row.getByRole('alert');
    await refusal.getByRole('heading', { name: `Non è stato possibile smettere di operare per conto di ${shopName}` }).waitFor();
    await refusal
      .getByText(
        'L’attività è registrata su carta, il titolare non l’ha ancora rivendicata e nessun altro facilitatore opera per suo conto: se smettessi, nessuno potrebbe più farlo. Passala invece a un altro facilitatore (sulla Scrivania, «Passa a un altro facilitatore»): prenderà il tuo posto quando accetta. Oppure chiedi prima al titolare di rivendicarla con il link (sulla Scrivania, «Invia di nuovo il link per rivendicare»): potrà poi scegliere un altro facilitatore, se vuole. Se registrarla è stato un errore (una Partita IVA sbagliata, o il titolare ha ritirato il consenso), annulla invece la registrazione (sulla Scrivania, «Annulla la registrazione»)',
      )
      .waitFor();
    await eventually(() => focusedRole(page), 'alert');
    // The row stays, with the ways out it names: the claim link again, the handover; and to try again later.
    await row.getByRole('button', { name: `Invia di nuovo il link per rivendicare ${shopName}` }).waitFor();
    await row.getByRole('button', { name: `Passa a un altro facilitatore ${shopName}` }).waitFor();
    await row.getByRole('button', { name: `Smetti di operare per conto ${shopName}` }).waitFor();
    expect(await delegationStatus(delegationId)).toBe('ACTIVE');
    await expectAccessible(page, 'facilitator-desk-stop-refused');
    await page.context().close();
  });

  it('a shop opens the e-mailed invitation, whose code travels in the fragment, signs in from it and accepts', async () => {
    const facilitator = await anApprovedFacilitator(web);
    const shopOwner = await web.signUp('SHOP');
    member(dataOf(await web.api.gqlAs(shopOwner.accessToken, RegisterShopDocument, { input: aShopInput({ comuneCode: '001272' }) })).registerShop, 'Shop');
    const delegationId = member(dataOf(await web.api.gqlAs(facilitator.accessToken, InviteShopDocument, { input: { email: shopOwner.email } })).inviteShop, 'Delegation').id;
    const [mail]: { text: string }[] = await web.api.app.get(DataSource).query(`SELECT text FROM mail_message WHERE recipient = $1 AND kind = 'DELEGATION_INVITATION'`, [shopOwner.email]);
    const path = /\/delega#[^\s]+/.exec(mail.text)?.[0] ?? '';
    expect(path).toMatch(/^\/delega#[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);

    const page = await web.newPage();
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: 'Invito di un facilitatore' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Accedi', exact: true }).click();
    await page.getByLabel('E-mail').fill(shopOwner.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    // Back on the invitation, code and all (a navigation inside the app: no page load to wait for).
    await page.getByRole('button', { name: 'Accetta' }).waitFor();
    expect(new URL(page.url())).toMatchObject({ pathname: '/delega', hash: path.slice('/delega'.length) });
    await page.getByRole('button', { name: 'Accetta' }).click();
    await page.getByRole('link', { name: 'Vai ai facilitatori della tua attività' }).waitFor();
    expect(await delegationStatus(delegationId)).toBe('ACTIVE');
    await page.context().close();
  });
});
