import type { Page } from 'playwright-core';
import { SelectionCallDocument } from '../../api/test/gql/generated';
import { staffUser } from '../../api/test/testing/fixtures';
import { approvedProvider, publishedOffer } from '../../api/test/testing/offer-fixtures';
import { dataOf } from '../../api/test/testing/test-app';
import { localInput, unique } from './testing/call-fixtures';
import { expectAccessible, focused, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

/** Chooses, in the offer picker of this label, the offer of this title. */
async function chooseOffer(page: Page, label: string | RegExp, title: string): Promise<void> {
  const picker = page.getByLabel(label);
  const choice = picker.locator('option', { hasText: title });
  await choice.waitFor({ state: 'attached' });
  await picker.selectOption((await choice.getAttribute('value')) as string);
}

describe('The new call form takes lists: offers in order of preference, regions, declarations and questions', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('staff draft a call on two offers, for two regions, with two declarations and a question; a refused second offer is told on its own row', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const tag = unique('Lista');
    const national = await publishedOffer(web.api, provider, { title: `${tag} vetrina nazionale`, capacity: 3, coverage: { national: true } });
    await publishedOffer(web.api, provider, { title: `${tag} consegne in Sicilia`, capacity: 2, coverage: { regionCodes: ['19'] } });
    const lombardy = await publishedOffer(web.api, provider, { title: `${tag} consegne in Lombardia`, capacity: 4, coverage: { regionCodes: ['03'] } });
    const title = unique('Botteghe del nord');

    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.goto('/ministero/bandi');
    await page.getByLabel(/^Titolo/).fill(title);
    await page.getByLabel(/^Descrizione/).fill('Un anno gratuito di negozio online e di consegne per le botteghe del nord.');
    await page.getByLabel(/^Cerca l'offerta/).fill(tag);
    // One offer, as the form starts: its picker reads as before.
    await chooseOffer(page, /^Offerta di cui il bando/, `${tag} vetrina nazionale`);
    await page.getByRole('button', { name: "Aggiungi un'offerta" }).click();
    // The focus goes to the picker added; the rows now say their order of preference.
    expect((await focused(page)).id).toBe('call-offerIds.1');
    await page.getByLabel(/^1ª offerta, la preferita/).waitFor();
    // An offer chosen in one row is not offered in another.
    expect(await page.getByLabel(/^2ª offerta/).locator('option', { hasText: `${tag} vetrina nazionale` }).count()).toBe(0);
    await chooseOffer(page, /^2ª offerta/, `${tag} consegne in Sicilia`);
    // The places the chosen offers have free, all together: the API refuses a call asking for more.
    await page.getByText('Le offerte scelte hanno 5 posti liberi in tutto', { exact: false }).waitFor();
    await page.getByLabel(/^Numero di posti/).fill('4');
    await page.getByLabel(/^Apertura delle domande/).fill(localInput(new Date(Date.now() - 3_600_000)));
    await page.getByLabel(/^Chiusura delle domande/).fill(localInput(new Date(Date.now() + 86_400_000)));
    const regions = page.getByRole('group', { name: /^Regioni/ });
    await regions.locator('label', { hasText: 'Piemonte' }).click();
    await regions.locator('label', { hasText: 'Lombardia' }).click();
    await page.getByLabel(/^Dichiarazione da confermare/).fill('Sede legale e produzione in Italia');
    await page.getByRole('button', { name: 'Aggiungi una dichiarazione' }).click();
    expect((await focused(page)).id).toBe('call-declarations.1.text');
    await page.getByLabel(/^Dichiarazione 2/).fill('Nessun altro servizio gratuito dello stesso tipo');
    await page.getByLabel(/^Domanda sì\/no/).fill('È la prima volta che vendete online?');
    // With two questions, the author says which one gives the points: a call scores one answer.
    await page.getByRole('button', { name: 'Aggiungi una domanda' }).click();
    expect((await focused(page)).id).toBe('call-questions.1.text');
    await page.getByLabel(/^Domanda 2/).fill('Avete già un sito web?');
    expect(await page.getByLabel(/^Domanda che dà i punti/).inputValue()).toBe('0');
    await expectAccessible(page, 'call-form-lists');
    await page.getByRole('button', { name: 'Rimuovi la domanda 2' }).click();
    expect((await focused(page)).id).toBe('call-questions.0.text');
    expect(await page.getByLabel(/^Domanda che dà i punti/).count()).toBe(0);

    // The offer that reaches no one in Piedmont or Lombardy is refused on its own row, not on the first.
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    const refusal = page.locator('#call-offerIds\\.1-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/^2ª offerta non copre alcun comune del territorio del bando/);
    expect(await page.locator('#call-offerIds\\.0-error').count()).toBe(0);
    await page.getByRole('alert').getByRole('link', { name: /^2ª offerta non copre/ }).waitFor();
    await expectAccessible(page, 'call-form-lists-refused');

    // Removed, its row goes with its message, and the focus stays in the list.
    await page.getByRole('button', { name: 'Rimuovi la 2ª offerta' }).click();
    expect((await focused(page)).id).toBe('call-offerIds.0');
    expect(await refusal.count()).toBe(0);
    await page.getByRole('button', { name: "Aggiungi un'offerta" }).click();
    await chooseOffer(page, /^2ª offerta/, `${tag} consegne in Lombardia`);
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    // The call's page names its offers in order and its territory.
    expect(await page.locator('dt', { hasText: 'Offerte' }).locator('xpath=following-sibling::dd[1]').innerText()).toBe(`${tag} vetrina nazionale, ${tag} consegne in Lombardia`);
    expect(await page.locator('dt', { hasText: 'Territorio' }).locator('xpath=following-sibling::dd[1]').innerText()).toBe('Piemonte; Lombardia');

    const callId = new URL(page.url()).pathname.split('/').pop() as string;
    const call = dataOf(await web.api.gqlAs(staff.accessToken, SelectionCallDocument, { id: callId })).selectionCall;
    expect(call.offerIds).toEqual([national.id, lombardy.id]);
    expect(call.declarations).toEqual([
      { code: 'dichiarazione-1', text: 'Sede legale e produzione in Italia' },
      { code: 'dichiarazione-2', text: 'Nessun altro servizio gratuito dello stesso tipo' },
    ]);
    expect(call.questions).toEqual([{ code: 'domanda-1', text: 'È la prima volta che vendete online?' }]);
    expect(call.scoring.map((criterion) => criterion.kind)).toEqual(['ANSWER_YES', 'FEWER_EMPLOYEES']);
    expect(call.places).toBe(4);
    await page.context().close();
  }, 120_000);

  it('says every problem at once, each on its own field: an empty second offer on its row only, a size range the wrong way round, and the summary leads to the scoring fields', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const tag = unique('Errori');
    await publishedOffer(web.api, provider, { title: `${tag} vetrina`, capacity: 3, coverage: { national: true } });

    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.goto('/ministero/bandi');
    await page.getByLabel(/^Cerca l'offerta/).fill(tag);
    await chooseOffer(page, /^Offerta di cui il bando/, `${tag} vetrina`);
    await page.getByRole('button', { name: "Aggiungi un'offerta" }).click();
    await page.getByLabel(/^Addetti almeno/).fill('5');
    await page.getByLabel(/^Addetti al massimo/).fill('3');
    await page.getByLabel(/^Punti alle imprese più piccole/).fill('0');
    await page.getByRole('button', { name: 'Salva la bozza' }).click();

    await page.locator('[id="call-offerIds.1-error"]').waitFor();
    expect(await page.locator('[id="call-offerIds.0-error"]').count()).toBe(0);
    expect(await page.locator('[id="call-eligibility.maxEmployees-error"]').textContent()).toContain('deve essere almeno pari al numero minimo di addetti');
    // The summary's link to the employees' points takes the focus to that field.
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: /^Punti alle imprese più piccole/ }).click();
    expect((await focused(page)).id).toMatch(/^call-scoring\.\d\.weight$/);
    await expectAccessible(page, 'call-form-errors-at-once');
    await page.context().close();
  });
});
