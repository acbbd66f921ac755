import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DecideFacilitatorDocument, LoginDocument, RegisterFacilitatorDocument, RegisterShopOnPaperDocument } from '../../api/test/gql/generated';
import { aFacilitatorInput, anEmail, aShopInput, signUp, TEST_PASSWORD } from '../../api/test/testing/fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

describe('A shop registered on paper by a facilitator, claimed by its owner in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  /** An approved organisation registers a shop on paper for `ownerEmail`: the claim link's path, as e-mailed. */
  async function registeredOnPaper(ownerEmail: string): Promise<{ name: string; shopName: string; path: string }> {
    const staff = await web.staffUser();
    const staffSession = dataOf(await web.api.gql(LoginDocument, { input: { email: staff.email, password: staff.password } })).login;
    const owner = await web.signUp('FACILITATOR');
    const name = `CNA ${randomUUID().slice(0, 6)}`;
    const facilitatorId = member(dataOf(await web.api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name }) })).registerFacilitator, 'Facilitator').id;
    await web.api.gqlAs(staffSession.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision: 'APPROVED' } });
    const shopName = `Sartoria ${randomUUID().slice(0, 6)}`;
    const registered = await web.api.gqlAs(owner.accessToken, RegisterShopOnPaperDocument, { input: { shop: aShopInput({ tradingName: shopName }), ownerEmail, declaredOn: '2026-11-30' } });
    member(dataOf(registered).registerShopOnPaper, 'Delegation');
    const [mail]: { text: string }[] = await web.api.app
      .get(DataSource)
      .query(`SELECT text FROM mail_message WHERE recipient = $1 AND kind = 'SHOP_CLAIM_INVITATION'`, [ownerEmail]);
    return { name, shopName, path: /\/rivendica#[^\s]+/.exec(mail.text)?.[0] ?? '' };
  }

  it('the owner of a shop registered on paper claims it from the e-mailed link with a new account', async () => {
    const ownerEmail = anEmail('titolare');
    const { name, shopName, path } = await registeredOnPaper(ownerEmail);

    const page = await web.newPage();
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: 'Prendi il controllo della tua attività' }).waitFor();
    await page.getByText(`${name} ha registrato ${shopName}`, { exact: false }).waitFor();
    await page.getByText('Rivendicando l’attività confermi di aver letto', { exact: false }).waitFor();
    await expectAccessible(page, 'claim-shop');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    // The e-mails' language, Italian as the page is, may be chosen as when signing up.
    expect(await page.getByRole('radio', { name: 'Italiano' }).isChecked()).toBe(true);
    await page.getByText('English', { exact: true }).click();
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Prendi il controllo' }).click();
    await page.getByText(`Fatto: accedi con ${ownerEmail} e la password scelta.`).waitFor();
    const accepted: { notice_version: string; language: string }[] = await web.api.app
      .get(DataSource)
      .query('SELECT a.notice_version, u.language FROM privacy_notice_acceptance a JOIN user_account u ON u.id = a.user_id WHERE u.email = $1', [ownerEmail]);
    expect(accepted).toEqual([{ notice_version: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), language: 'en' }]);
    await page.getByRole('link', { name: 'Accedi' }).last().click();
    await logIn(page, ownerEmail);
    await page.waitForURL('**/la-mia-attivita');
    await page.getByRole('heading', { level: 2, name: shopName }).waitFor();
    await page.context().close();
  });

  it('an owner signed in with an account it never confirmed claims the shop: the link confirms the address, and the banner asking for it goes', async () => {
    const owner = await signUp(web.api, 'SHOP', { verified: false });
    const { shopName, path } = await registeredOnPaper(owner.email);
    const page = await web.newPage();
    await logIn(page, owner.email);
    const banner = page.getByText('Conferma il tuo indirizzo e-mail', { exact: false });
    await banner.waitFor();
    await page.goto(path);
    await page.getByText(`Sei collegato come ${owner.email}`, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Prendi il controllo' }).click();
    await page.getByText("Fatto: l'attività è ora del tuo account.").waitFor();
    await banner.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Vai alla tua attività' }).click();
    await page.getByRole('heading', { level: 2, name: shopName }).waitFor();
    expect(await banner.count()).toBe(0);
    await page.context().close();
  });

  it('an owner who has an account at the address signs in from the claim page and comes back to it, link and all, to claim', async () => {
    const owner = await signUp(web.api, 'SHOP');
    const { shopName, path } = await registeredOnPaper(owner.email);
    const page = await web.newPage();
    await page.goto(path);
    await page.getByText(`Hai già un account con ${owner.email}?`).waitFor();
    await page.getByRole('link', { name: 'Accedi: tornerai a questa pagina' }).click();
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByText(`Sei collegato come ${owner.email}`, { exact: false }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(path);
    await page.getByRole('button', { name: 'Prendi il controllo' }).click();
    await page.getByText("Fatto: l'attività è ora del tuo account.").waitFor();
    await page.getByRole('link', { name: 'Vai alla tua attività' }).click();
    await page.getByRole('heading', { level: 2, name: shopName }).waitFor();
    await page.context().close();
  });
});
