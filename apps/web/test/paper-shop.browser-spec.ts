import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DecideFacilitatorDocument, LoginDocument, RegisterFacilitatorDocument } from '../../api/test/gql/generated';
import { aFacilitatorInput, anEmail, aPartitaIva } from '../../api/test/testing/fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { eventually, expectAccessible, focusedNotice, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

/** The same Partita IVA with its check digit wrong. */
const wrongCheckDigit = (partitaIva: string): string => `${partitaIva.slice(0, 10)}${(Number(partitaIva[10]) + 1) % 10}`;

describe('Registering one shop on paper consent from the facilitator’s desk, in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('asks for the signed declaration, shows the API’s refusals next to their fields, then registers the shop and says the owner was invited to claim it', async () => {
    const staff = await web.staffUser();
    const staffSession = dataOf(await web.api.gql(LoginDocument, { input: { email: staff.email, password: staff.password } })).login;
    const owner = await web.signUp('FACILITATOR');
    const facilitatorId = member(
      dataOf(await web.api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name: `Confartigianato ${randomUUID().slice(0, 6)}` }) })).registerFacilitator,
      'Facilitator',
    ).id;
    await web.api.gqlAs(staffSession.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision: 'APPROVED' } });
    const shopName = `Calzoleria ${randomUUID().slice(0, 6)}`;
    const ownerEmail = anEmail('titolare');
    const partitaIva = aPartitaIva();

    const page = await web.newPage();
    await logIn(page, owner.email);
    await page.waitForURL('**/facilitatore/negozi');
    await page.getByRole('link', { name: 'Registra un negozio su consenso cartaceo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registra un negozio su consenso cartaceo' }).waitFor();
    await expectAccessible(page, 'paper-shop');

    // Sent empty and without the declaration confirmed: every field's message at once, nothing written.
    await page.getByRole('button', { name: 'Registra il negozio' }).click();
    await page.locator('#paper-signed-error').getByText('Conferma che il titolare ha firmato la dichiarazione di consenso su carta').waitFor();
    await page.locator('[id="paper-shop.legalName-error"]').waitFor();
    await page.locator('#paper-ownerEmail-error').waitFor();
    // The date the declaration was signed is typed from the paper, never assumed to be today.
    expect(await page.getByLabel(/^Data della dichiarazione/).inputValue()).toBe('');
    expect(await page.locator('#paper-declaredOn-error').textContent()).toContain('Indica la data in cui il titolare ha firmato la dichiarazione');

    await page.getByLabel('Ragione sociale').fill('Calzoleria Bianchi di Luca Bianchi');
    await page.getByLabel('Insegna').fill(shopName);
    await page.getByLabel('Partita IVA').fill(wrongCheckDigit(partitaIva));
    await page.getByLabel('Sezione ATECO').selectOption('G');
    await page.getByLabel('Divisione ATECO').selectOption('47');
    await page.getByLabel('Numero di addetti').fill('2');
    const comune = page.getByRole('combobox', { name: /^Comune/ });
    await comune.fill('tori');
    await page.getByRole('option', { name: 'Torino (TO)' }).click();
    await page.getByLabel('Indirizzo').fill('Via Garibaldi 20');
    await page.getByLabel('E-mail di contatto').fill('calzoleria@example.it');
    await page.getByLabel(/^E-mail del titolare/).fill('luca.bianchi@');
    await page.locator('#paper-signed').getByText('Il titolare ha firmato la dichiarazione di consenso su carta e la conserviamo', { exact: true }).click();
    await page.getByLabel(/^Data della dichiarazione/).fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date()));
    expect(await page.getByLabel('Il titolare ha firmato la dichiarazione di consenso su carta e la conserviamo').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Registra il negozio' }).click();

    // The API's BAD_USER_INPUT, each message next to its field and worded with its label.
    const partitaIvaError = page.locator('[id="paper-shop.partitaIva-error"]');
    await partitaIvaError.waitFor();
    expect(await partitaIvaError.textContent()).toContain('Partita IVA ha la cifra di controllo errata');
    expect(await page.getByLabel('Partita IVA').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#paper-ownerEmail-error').textContent()).toContain('E-mail del titolare');
    await expectAccessible(page, 'paper-shop-errors');

    await page.getByLabel('Partita IVA').fill(partitaIva);
    await page.getByLabel(/^E-mail del titolare/).fill(ownerEmail);
    await page.getByRole('button', { name: 'Registra il negozio' }).click();
    await page.getByRole('heading', { name: `Registrazione completata: ${shopName}` }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('paper-done-title');
    await page.getByText(`Abbiamo inviato a ${ownerEmail} l’invito a rivendicare l’attività.`).waitFor();
    await expectAccessible(page, 'paper-shop-done');
    const mails: { kind: string }[] = await web.api.app.get(DataSource).query('SELECT kind FROM mail_message WHERE recipient = $1', [ownerEmail]);
    expect(mails).toEqual([{ kind: 'SHOP_CLAIM_INVITATION' }]);

    await page.getByRole('link', { name: 'Torna ai tuoi negozi' }).first().click();
    await page.getByRole('rowheader', { name: shopName }).waitFor();

    // The owner's address was wrong: the claim link goes again, to the corrected one.
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: shopName }) });
    // The row says where the link went and until when it works.
    await row.getByText(`Link per rivendicare inviato a ${ownerEmail}: vale fino a`, { exact: false }).waitFor();
    await row.getByRole('button', { name: `Invia di nuovo il link per rivendicare ${shopName}` }).click();
    const resend = row.getByRole('form', { name: `Invia di nuovo il link per rivendicare ${shopName}` });
    await resend.getByLabel('Nuovo indirizzo e-mail del titolare').fill('non-un-indirizzo');
    await resend.getByRole('button', { name: 'Invia il link' }).click();
    await resend.locator('[id$="-ownerEmail-error"]').waitFor();
    await expectAccessible(page, 'paper-shop-resend-error');
    const corrected = `corretto.${ownerEmail}`;
    await resend.getByLabel('Nuovo indirizzo e-mail del titolare').fill(corrected);
    await resend.getByRole('button', { name: 'Invia il link' }).click();
    await eventually(() => focusedNotice(page), `Link per rivendicare ${shopName} inviato di nuovo a ${corrected}.`);
    await row.getByText(`Link per rivendicare inviato a ${corrected}: vale fino a`, { exact: false }).waitFor();
    const resent: { kind: string }[] = await web.api.app.get(DataSource).query('SELECT kind FROM mail_message WHERE recipient = $1', [corrected]);
    expect(resent).toEqual([{ kind: 'SHOP_CLAIM_INVITATION' }]);
    await expectAccessible(page, 'paper-shop-resent');
  });
});
