import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApplyToCallDocument } from '../../api/test/gql/generated';
import { staffUser } from '../../api/test/testing/fixtures';
import { approvedProvider, publishedOffer } from '../../api/test/testing/offer-fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { shopNamed } from './testing/journey-fixtures';
import { expectAccessible, logIn, showSection, startWebTestApp, type WebTestApp } from './testing/web-app';

const TORINO = '001272';
const unique = (name: string): string => `${name} ${randomUUID().slice(0, 6)}`;
/** A datetime-local value, in the browser's (this machine's) time zone. */
function localInput(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

describe('Selection calls in the browser: staff publish and close, a shop applies and reads its score, anyone reads the graduatoria', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('goes from a draft to a published graduatoria, accessible at every step', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const offerTitle = unique('Vetrina per il bando');
    await publishedOffer(web.api, provider, { title: offerTitle, capacity: 3, coverage: { national: true } });
    const [bakeryName, barName] = [unique('Panetteria Aurora'), unique('Bar Centrale')];
    const bakery = await shopNamed(web.api, TORINO, bakeryName);
    const bar = await shopNamed(web.api, TORINO, barName);
    const title = unique('Botteghe online');

    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Bandi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bandi' }).waitFor();
    // Nothing filled in: the API names each field, next to it.
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    await page.locator('#call-title-error').waitFor();
    await expectAccessible(page, 'calls-form-errors');

    await page.getByLabel(/^Titolo/).fill(title);
    await page.getByLabel(/^Descrizione/).fill('Un anno gratuito di negozio online per le botteghe selezionate dal bando.');
    await page.getByLabel(/^Offerta di cui il bando/).selectOption({ label: `${offerTitle} – Consegne Veloci S.r.l. (3 posti liberi)` });
    await page.getByLabel(/^Numero di posti/).fill('1');
    await page.getByLabel(/^Apertura delle domande/).fill(localInput(new Date(Date.now() - 3_600_000)));
    await page.getByLabel(/^Chiusura delle domande/).fill(localInput(new Date(Date.now() + 86_400_000)));
    await page.getByLabel(/^Dichiarazione da confermare/).fill('Sede legale e produzione in Italia');
    await page.getByLabel(/^Domanda sì\/no/).fill('È la prima volta che vendete online?');
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Bando salvato come bozza', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Pubblica il bando' }).click();
    await page.getByText('Bando pubblicato', { exact: false }).waitFor();
    await page.getByText('Seme del sorteggio pubblicato', { exact: false }).waitFor();
    await expectAccessible(page, 'call-staff-open');
    const callId = new URL(page.url()).pathname.split('/').pop() as string;

    // The shop applies: without the declaration it is told exactly what is missing.
    const shopPage = await web.newPage();
    await logIn(shopPage, bakery.email);
    await shopPage.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Bandi' }).click();
    const card = shopPage.getByTestId('shop-call-card').filter({ hasText: title });
    await card.getByRole('button', { name: 'Presenta la domanda' }).waitFor();
    await card.getByRole('button', { name: 'Presenta la domanda' }).click();
    await card.getByTestId('call-refusal').waitFor();
    expect(await card.getByTestId('call-refusal').locator('li').allInnerTexts()).toEqual([
      'Conferma la dichiarazione: «Sede legale e produzione in Italia»',
      'Rispondi alla domanda: «È la prima volta che vendete online?»',
    ]);
    await expectAccessible(shopPage, 'calls-shop-refusal');
    await card.locator('label', { hasText: 'Sede legale e produzione in Italia' }).click();
    await card.getByRole('group', { name: 'È la prima volta che vendete online?' }).locator('label', { hasText: 'Sì' }).click();
    await card.getByRole('button', { name: 'Presenta la domanda' }).click();
    await shopPage.getByText(`Domanda per «${title}» presentata.`).waitFor();
    await card.getByTestId('application-status').filter({ hasText: 'Presentata' }).waitFor();

    const other = await web.api.gqlAs(bar.accessToken, ApplyToCallDocument, {
      input: { callId, declarations: ['dichiarazione-1'], answers: [{ questionCode: 'domanda-1', answer: false }] },
    });
    member(dataOf(other).applyToCall, 'CallApplication');

    // The window ends (moved here rather than waited for), and staff close the call.
    await web.app.get(DataSource).query(`UPDATE selection_call SET opens_at = now() - interval '2 hours', closes_at = now() - interval '1 minute' WHERE id = $1`, [callId]);
    await page.reload();
    await page.getByRole('button', { name: 'Chiudi e pubblica la graduatoria' }).click();
    await page.getByText('Bando chiuso', { exact: false }).waitFor();
    expect(await page.getByTestId('application-card').locator('h3').allInnerTexts()).toEqual([`1. ${bakeryName}`, `2. ${barName}`]);
    await expectAccessible(page, 'call-staff-closed');
    await page.goto('/ministero/cruscotto');
    await showSection(page, 'dashboard-calls-title');
    const dashboardRow = page.getByTestId('dashboard-calls').locator('tr', { hasText: title });
    await dashboardRow.waitFor();
    // Status, who runs it, places, filled, applications, excluded, reserve, promoted from reserve.
    expect(await dashboardRow.locator('td').allInnerTexts()).toEqual(['Chiuso', 'Ministero', '1', '1', '2', '0', '1', '0']);

    await shopPage.reload();
    const closedCard = shopPage.getByTestId('shop-call-card').filter({ hasText: title });
    await closedCard.getByTestId('my-score').waitFor();
    expect(await closedCard.getByTestId('my-score').textContent()).toBe('Punteggio 84, posizione 1 in graduatoria');
    await closedCard.getByText('60 punti su 60: risposta sì').waitFor();
    await closedCard.getByTestId('application-status').filter({ hasText: 'Ammessa' }).waitFor();
    await expectAccessible(shopPage, 'calls-shop-scored');

    // Anyone, signed in or not, reads the graduatoria.
    const publicPage = await web.newPage();
    await publicPage.goto(`/bandi/${callId}/graduatoria`);
    await publicPage.getByRole('heading', { level: 1, name: `Graduatoria: ${title}` }).waitFor();
    expect(await publicPage.getByTestId('graduatoria-row').allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`^1\\s+${bakeryName}\\s+Torino \\(TO\\)\\s+84\\s+Ammessa$`)),
      expect.stringMatching(new RegExp(`^2\\s+${barName}\\s+Torino \\(TO\\)\\s+24\\s+In riserva$`)),
    ]);
    await expectAccessible(publicPage, 'graduatoria');
  }, 120_000);
});
