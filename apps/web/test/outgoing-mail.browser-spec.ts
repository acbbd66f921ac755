import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DESKTOP, expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

describe('Outgoing mail for staff in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  /** A message as the worker leaves it after a refusal or a lost connection. */
  async function stuck(status: 'FAILED' | 'UNCERTAIN', recipient: string, failure: string): Promise<string> {
    const id = randomUUID();
    await web.app.get(DataSource).query(
      `INSERT INTO mail_message (id, idempotency_key, recipient, kind, language, subject, text, html, status, attempts, last_error, message_id, sending_started_at, created_at, updated_at)
       VALUES ($1, $2, $3, 'MATCH_DECLINED', 'it', 'Oggetto riservato', 'Testo riservato', '<p>Testo riservato</p>', $4, 1, $5, $6, now(), now(), now())`,
      [id, `browser:${id}`, recipient, status, failure, `<${id}@vicini.test>`],
    );
    return id;
  }
  const resentAs = async (id: string): Promise<string | null> => (await web.app.get(DataSource).query('SELECT resent_as_id FROM mail_message WHERE id = $1', [id]))[0].resent_as_id;

  it('staff filter the outgoing mail by status and resend an uncertain message after a warning that it may arrive twice', async () => {
    const recipient = `incerta-${randomUUID().slice(0, 8)}@example.it`;
    const id = await stuck('UNCERTAIN', recipient, 'La connessione si è interrotta');
    const staff = await web.staffUser();
    const page = await web.newPage(DESKTOP);
    await logIn(page, staff.email, staff.password);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Amministrazione', exact: true }).click();
    await page.getByRole('link', { name: 'Posta in uscita' }).click();
    await page.getByRole('heading', { level: 1, name: 'Posta in uscita' }).waitFor();
    await page.getByRole('group', { name: 'Mostra le e-mail' }).getByRole('button', { name: 'Esito incerto' }).click();
    const card = page.getByTestId('mail-card').filter({ hasText: recipient });
    await card.getByRole('heading', { name: `Richieste rifiutate — ${recipient}` }).waitFor();
    await card.getByText('Motivo: La connessione si è interrotta').waitFor();
    await card.getByText('1 tentativo', { exact: false }).waitFor();
    // Staff see how it went, never what it said.
    expect(await page.locator('main').textContent()).not.toContain('riservato');
    await expectAccessible(page, 'outgoing-mail-uncertain');

    await card.getByRole('button', { name: 'Rispedisci' }).click();
    await card.getByText(`potrebbe essere già arrivato a ${recipient}`, { exact: false }).waitFor();
    await expectAccessible(page, 'outgoing-mail-confirm');
    await card.getByRole('button', { name: 'Sì, rispedisci' }).click();
    await page.getByText(`E-mail per ${recipient} rimessa in coda come nuovo messaggio.`).waitFor();
    expect(await resentAs(id)).toMatch(/^[0-9a-f-]{36}$/);
    await expectAccessible(page, 'outgoing-mail-resent');
    await page.context().close();
  });
});
