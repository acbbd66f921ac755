import type { Locator } from 'playwright-core';
import { UserRole } from '@vec/core';
import { readFileSync } from 'node:fs';
import { DecideProviderDocument, LoginDocument, MeDocument, RegisterProviderDocument } from '../../api/test/gql/generated';
import { aProviderInput, anEmail, signUp, staffUser } from '../../api/test/testing/fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

describe('The audit trail and account administration in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('ministry staff filter the trail to one provider, open its history from the trail, and download the CSV', async () => {
    const owner = await signUp(web.api, 'PROVIDER');
    const staff = await staffUser(web.api, UserRole.MINISTRY);
        const providerId = member(dataOf(await web.api.gqlAs(owner.accessToken, RegisterProviderDocument, { input: aProviderInput() })).registerProvider, 'Provider').id;
    const decided = await web.api.gqlAs(staff.accessToken, DecideProviderDocument, { input: { providerId, decision: 'REJECTED', reason: 'Documentazione incompleta' } });
    member(dataOf(decided).verifyProvider, 'Provider');

    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Amministrazione', exact: true }).click();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Registro attività' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registro delle attività' }).waitFor();
    await page.getByTestId('audit-event').first().waitFor();
    await expectAccessible(page, 'audit-trail');

    // A malformed action is refused by the API, named next to its field.
    await page.getByLabel('Azione', { exact: true }).fill('NON VALIDA');
    await page.getByRole('button', { name: 'Filtra', exact: true }).click();
    await page.getByRole('alert').getByText(/^Azione deve essere/).waitFor();
    await expectAccessible(page, 'audit-trail-refused');

    await page.getByLabel('Tipo di oggetto').selectOption('provider');
    await page.getByLabel('Identificativo oggetto').fill(providerId);
    await page.getByLabel('Azione', { exact: true }).fill('provider.');
    await page.getByRole('button', { name: 'Filtra', exact: true }).click();
    await page.getByTestId('audit-count').getByText('2 eventi').waitFor();
    const rows = page.getByTestId('audit-event');
    expect(await rows.locator('code').allTextContents()).toEqual(['provider.rejected', 'provider.registered']);
    // Each action in words first, its code beside it.
    expect(await rows.locator('td:nth-child(2)').allInnerTexts()).toEqual(['Fornitore respinto\nprovider.rejected', 'Fornitore registrato\nprovider.registered']);
    expect(await rows.first().textContent()).toContain(staff.email);
    await rows.first().getByText('Mostra prima e dopo').click();
    await rows.first().getByText(/"verificationReason": "Documentazione incompleta"/).waitFor();
    await expectAccessible(page, 'audit-trail-filtered');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica il registro filtrato (file CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^vicini-e-connessi-registro-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe(
      'Numero evento;Data e ora;Azione;Azione in parole;Tipo di oggetto;Identificativo oggetto;E-mail autore;Ruolo autore;Identificativo autore;Per conto dell’attività (id);Per conto dell’attività;Richiesta API;Prima;Dopo',
    );
    expect(lines.slice(1).map((line) => line.split(';').slice(2, 4))).toEqual([
      ['provider.rejected', 'Fornitore respinto'],
      ['provider.registered', 'Fornitore registrato'],
    ]);

    await rows.first().getByRole('link', { name: new RegExp(providerId) }).click();
    await page.getByRole('heading', { level: 1, name: `Cronologia di Fornitore ${providerId}` }).waitFor();
    await page.getByTestId('audit-count').getByText('2 eventi').waitFor();
    await expectAccessible(page, 'audit-history');

    await page.context().close();
  });

  it('an administrator disables an account with a reason (its next request fails, it cannot sign in), enables it again, and creates a staff account', async () => {
    const admin = await staffUser(web.api, UserRole.ADMIN);
    const user = await signUp(web.api, 'SHOP');
    const page = await web.newPage();
    await logIn(page, admin.email);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Amministrazione', exact: true }).click();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Account', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await page.getByLabel('E-mail o organizzazione').fill(user.email);
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    const row = page.getByTestId('account-row').filter({ hasText: user.email });
    await row.getByText('Attivo', { exact: true }).waitFor();
    expect(await page.getByTestId('account-row').count()).toBe(1);
    await expectAccessible(page, 'accounts');
    // On a phone the account shows whole: its actions, and their form once open, within the screen's width.
    await page.setViewportSize({ width: 390, height: 844 });
    const within = async (locator: Locator): Promise<boolean> => {
      const box = await locator.boundingBox();
      return box !== null && box.x >= 0 && box.x + box.width <= 390;
    };
    expect(await within(row.getByRole('button', { name: 'Disattiva' }))).toBe(true);
    await row.getByRole('button', { name: 'Disattiva' }).click();
    expect(await within(row.getByRole('button', { name: `Disattiva ${user.email}` }))).toBe(true);
    expect(await within(row.getByLabel('Motivo'))).toBe(true);
    await row.getByRole('button', { name: 'Annulla' }).click();
    await page.setViewportSize({ width: 1280, height: 900 });

    // Opening the form puts the focus on its reason; leaving it puts it back on the button.
    await row.getByRole('button', { name: 'Disattiva' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^account-.+-reason$/);
    await row.getByRole('button', { name: 'Annulla' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Disattiva');
    await row.getByRole('button', { name: 'Disattiva' }).click();
    const confirm = row.getByRole('button', { name: `Disattiva ${user.email}` });
    await confirm.click();
    await page.getByRole('alert').getByText('Motivo è un campo obbligatorio: spiega il motivo, resta nel registro delle attività').waitFor();
    await expectAccessible(page, 'accounts-reason-missing');
    await row.getByLabel('Motivo').fill('Segnalazione di uso improprio');
    await confirm.click();
    await page.getByText(`${user.email} disattivato: le sue sessioni sono terminate.`).waitFor();
    await row.getByText('Disattivato', { exact: true }).waitFor();

    const next = await web.api.gqlAs(user.accessToken, MeDocument);
    expect(next.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    const other = await web.newPage();
    await other.goto('/accedi');
    await other.getByLabel('E-mail').fill(user.email);
    await other.getByLabel('Password').fill('una-password-lunga-abbastanza');
    await other.getByRole('button', { name: 'Accedi', exact: true }).click();
    await other.getByText('L’account è disattivato').first().waitFor();
    await other.context().close();

    await row.getByRole('button', { name: 'Riattiva' }).click();
    await row.getByLabel('Motivo').fill('Verifica conclusa, nessun abuso');
    await row.getByRole('button', { name: `Riattiva ${user.email}` }).click();
    await page.getByText(`${user.email} riattivato.`).waitFor();
    expect(dataOf(await web.api.gql(LoginDocument, { input: { email: user.email, password: 'una-password-lunga-abbastanza' } })).login.user.id).toBe(user.userId);

    // The account's history shows both changes with their reasons.
    await row.getByRole('link', { name: 'Cronologia' }).click();
    await page.getByTestId('audit-event').filter({ hasText: 'user.enabled' }).waitFor();
    expect(await page.getByTestId('audit-event').locator('code').allTextContents()).toEqual(['user.enabled', 'user.disabled', 'user.email_verified', 'user.registered']);
    await page.goBack();

    const email = anEmail('funzionaria');
    const creation = page.getByRole('region', { name: 'Crea un account del personale' });
    await creation.getByLabel('E-mail').fill(email);
    await creation.getByLabel('Ruolo').selectOption('MINISTRY');
    await creation.getByRole('button', { name: "Crea l'account" }).click();
    await page.getByTestId('staff-created').getByText(`Account ${email} creato.`).waitFor();
    // The one-time password is read first: its message has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('staff-created');
    const password = (await page.getByTestId('generated-password').textContent()) ?? '';
    await expectAccessible(page, 'accounts-staff-created');
    await page.context().close();

    // The new colleague signs in with it and is asked for a password of their own before anything else.
    const colleague = await web.newPage();
    await logIn(colleague, email, password);
    await colleague.waitForURL((url) => url.pathname === '/il-mio-account');
    await colleague.getByTestId('password-change-required').getByText('Scegli una nuova password').waitFor();
    await expectAccessible(colleague, 'account-password-change-required');
    await colleague.goto('/ministero/cruscotto');
    await colleague.waitForURL((url) => url.pathname === '/il-mio-account');
    await colleague.locator('#change-password-currentPassword').fill(password);
    await colleague.locator('#change-password-newPassword').fill('lievito-madre-e-bicicletta');
    await colleague.getByRole('button', { name: 'Cambia la password' }).click();
    await colleague.getByText('Password cambiata.', { exact: false }).first().waitFor();
    expect(await colleague.getByTestId('password-change-required').count()).toBe(0);
    await colleague.getByRole('link', { name: 'Vai alla tua area' }).click();
    await colleague.waitForURL((url) => url.pathname.startsWith('/ministero'));
    await colleague.getByRole('heading', { level: 1 }).waitFor();
    expect(new URL(colleague.url()).pathname).not.toBe('/il-mio-account');
    await colleague.context().close();
  });
});
