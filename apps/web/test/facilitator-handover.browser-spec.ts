import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OfferDelegationHandoverDocument, RegisterShopOnPaperDocument } from '../../api/test/gql/generated';
import { anEmail, aShopInput } from '../../api/test/testing/fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { anApprovedFacilitator, type ApprovedFacilitator } from './testing/facilitator-fixtures';
import { eventually, expectAccessible, focusedNotice, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

type Party = ApprovedFacilitator;

describe('Handing a paper shop from one facilitator’s desk to another’s, in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  const onPaper = async (giver: Party, shopName: string, ownerEmail = anEmail('titolare')): Promise<string> =>
    member(
      dataOf(await web.api.gqlAs(giver.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput({ tradingName: shopName }), ownerEmail, declaredOn: '2026-11-30' } })).registerShopOnPaper,
      'Delegation',
    ).id;
  const liveFacilitatorOf = async (shopName: string): Promise<string[]> =>
    (
      (await web.api.app
        .get(DataSource)
        .query(`SELECT f.name FROM delegation d JOIN facilitator f ON f.id = d.facilitator_id JOIN shop s ON s.id = d.shop_id WHERE s.trading_name = $1 AND d.status = 'ACTIVE'`, [shopName])) as { name: string }[]
    ).map((row) => row.name);

  it('the giver offers its paper shop by the other desk’s e-mail, the receiver sees it on its desk and accepts: the shop moves from one desk to the other', async () => {
    const giver = await anApprovedFacilitator(web, 'Confcommercio');
    const receiver = await anApprovedFacilitator(web, 'CNA');
    const shopName = `Merceria ${randomUUID().slice(0, 6)}`;
    const ownerEmail = anEmail('titolare');
    await onPaper(giver, shopName, ownerEmail);

    const page = await web.newPage();
    await logIn(page, giver.email);
    await page.waitForURL('**/facilitatore/negozi');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: shopName }) });
    await row.getByRole('button', { name: `Passa a un altro facilitatore ${shopName}` }).click();
    const form = row.getByRole('form', { name: `Passa ${shopName} a un altro facilitatore` });
    await form.getByText('L\'indirizzo con cui accede alla piattaforma', { exact: false }).waitFor();
    await expectAccessible(page, 'facilitator-handover-form');

    // Its own address: refused next to the field, in Italian.
    await form.getByLabel('E-mail dell\'altro facilitatore').fill(giver.email);
    await form.getByRole('button', { name: 'Proponi il passaggio' }).click();
    const fieldError = form.locator('[id$="-toEmail-error"]');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain('Questo è l’indirizzo della tua organizzazione: scrivi quello dell’altro facilitatore');
    await expectAccessible(page, 'facilitator-handover-refused');

    await form.getByLabel('E-mail dell\'altro facilitatore').fill(receiver.email);
    await form.getByRole('button', { name: 'Proponi il passaggio' }).click();
    await eventually(() => focusedNotice(page), `${shopName} è stato proposto a ${receiver.name}: passerà sulla sua scrivania quando accetta.`);
    await row.getByText(`Proposto a ${receiver.name}`, { exact: false }).waitFor();
    await row.getByRole('button', { name: `Ritira la proposta ${shopName}` }).waitFor();
    expect(await liveFacilitatorOf(shopName)).toEqual([giver.name]);
    await expectAccessible(page, 'facilitator-handover-offered');
    await page.context().close();

    const other = await web.newPage();
    await logIn(other, receiver.email);
    await other.waitForURL('**/facilitatore/negozi');
    const offers = other.getByRole('region', { name: 'Negozi che ti vengono proposti' });
    await offers.getByText(`${shopName} (Torino), proposto da ${giver.name}`, { exact: false }).waitFor();
    await offers.getByText('Consenso su carta firmato', { exact: false }).waitFor();
    await expectAccessible(other, 'facilitator-handover-incoming');
    await offers.getByRole('button', { name: `Accetta ${shopName}` }).click();
    await eventually(() => focusedNotice(other), `Ora operi per conto di ${shopName}: lo trovi tra i tuoi negozi.`);
    const taken = other.getByRole('row').filter({ has: other.getByRole('rowheader', { name: shopName }) });
    await taken.getByText('Il titolare non ha ancora preso il controllo').waitFor();
    // The offers' section goes with its last offer.
    expect(await other.getByRole('region', { name: 'Negozi che ti vengono proposti' }).count()).toBe(0);
    expect(await liveFacilitatorOf(shopName)).toEqual([receiver.name]);
    await expectAccessible(other, 'facilitator-handover-accepted');
    await other.context().close();

    const back = await web.newPage();
    await logIn(back, giver.email);
    await back.waitForURL('**/facilitatore/negozi');
    await back.getByRole('heading', { level: 2, name: 'I tuoi negozi' }).waitFor();
    await eventually(async () => back.getByRole('rowheader', { name: shopName }).count(), 0);
    await back.context().close();

    // The owner's e-mailed link still opens the claim page, which says who registered the shop and who acts for it now.
    const [mail]: { text: string }[] = await web.api.app.get(DataSource).query(`SELECT text FROM mail_message WHERE recipient = $1 AND kind = 'SHOP_CLAIM_INVITATION'`, [ownerEmail]);
    // And the owner was told, in a mail of its own, who acts for the shop now.
    const [notice]: { subject: string }[] = await web.api.app.get(DataSource).query(`SELECT subject FROM mail_message WHERE recipient = $1 AND kind = 'SHOP_HANDED_OVER'`, [ownerEmail]);
    expect(notice.subject).toBe(`${receiver.name} opera ora per ${shopName} su Vicini e connessi`);
    const owner = await web.newPage();
    await owner.goto(/\/rivendica#[^\s]+/.exec(mail.text)?.[0] ?? '');
    await owner.getByRole('heading', { level: 1, name: 'Prendi il controllo della tua attività' }).waitFor();
    await owner.getByText(`${giver.name} ha registrato ${shopName} in base al consenso su carta che hai firmato il 30 novembre 2026; ora opera per suo conto ${receiver.name}.`).waitFor();
    await expectAccessible(owner, 'claim-shop-handed-over');
    await owner.context().close();
  });

  it('the giver takes a pending offer back from its desk, and the receiver declines another: both shops stay with the giver', async () => {
    const giver = await anApprovedFacilitator(web, 'Confesercenti');
    const receiver = await anApprovedFacilitator(web, 'Confartigianato');
    const [kept, declined] = [`Ferramenta ${randomUUID().slice(0, 6)}`, `Cartoleria ${randomUUID().slice(0, 6)}`];
    for (const shopName of [kept, declined]) {
      const delegationId = await onPaper(giver, shopName);
      member(dataOf(await web.api.gqlAs(giver.accessToken, OfferDelegationHandoverDocument, { input: { delegationId, toEmail: receiver.email } })).offerDelegationHandover, 'DelegationHandover');
    }

    const page = await web.newPage();
    await logIn(page, giver.email);
    await page.waitForURL('**/facilitatore/negozi');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kept }) });
    await row.getByRole('button', { name: `Ritira la proposta ${kept}` }).click();
    await eventually(() => focusedNotice(page), `Proposta ritirata: ${kept} resta sulla tua scrivania.`);
    await row.getByRole('button', { name: `Passa a un altro facilitatore ${kept}` }).waitFor();
    await expectAccessible(page, 'facilitator-handover-withdrawn');
    await page.context().close();

    const other = await web.newPage();
    await logIn(other, receiver.email);
    await other.waitForURL('**/facilitatore/negozi');
    const offers = other.getByRole('region', { name: 'Negozi che ti vengono proposti' });
    await offers.getByText(`${declined} (Torino)`, { exact: false }).waitFor();
    expect(await offers.getByText(`${kept} (Torino)`, { exact: false }).count()).toBe(0);
    await offers.getByRole('button', { name: `Rifiuta ${declined}` }).click();
    await eventually(() => focusedNotice(other), `Hai rifiutato ${declined}: resta a ${giver.name}.`);
    await expectAccessible(other, 'facilitator-handover-declined');
    await other.context().close();
    expect([await liveFacilitatorOf(kept), await liveFacilitatorOf(declined)]).toEqual([[giver.name], [giver.name]]);
  });
});
