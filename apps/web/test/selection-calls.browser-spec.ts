import { seedShops } from '@vec/core/testing/seed';
import { DataSource } from 'typeorm';
import { ApplyToCallDocument, CreateSelectionCallDocument, PublishSelectionCallDocument, WithdrawMatchDocument } from '../../api/test/gql/generated';
import { staffUser } from '../../api/test/testing/fixtures';
import { approvedProvider, publishedOffer } from '../../api/test/testing/offer-fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { aCall, callCard, localInput, TORINO, unique } from './testing/call-fixtures';
import { shopNamed } from './testing/journey-fixtures';
import { eventually, expectAccessible, focusedNotice, logIn, showSection, startWebTestApp, type WebTestApp } from './testing/web-app';

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
    // The empty offer is told on its picker, in words, not as the API's list field.
    expect(await page.locator('#call-offerIds\\.0-error').innerText()).toBe("Scegli l'offerta di cui il bando assegna i posti");
    expect(await page.getByRole('alert').innerText()).not.toContain('offerIds');
    await expectAccessible(page, 'calls-form-errors');

    await page.getByLabel(/^Titolo/).fill(title);
    await page.getByLabel(/^Descrizione/).fill('Un anno gratuito di negozio online per le botteghe selezionate dal bando.');
    // The list offers a few published offers at a time: the author finds the one wanted by its title.
    await page.getByLabel(/^Cerca l'offerta/).fill(offerTitle);
    // Each choice says where the offer reaches and until when, so that offers of one title are told apart.
    const offerChoice = page.getByLabel(/^Offerta di cui il bando/).locator('option', { hasText: offerTitle });
    expect(await offerChoice.textContent()).toMatch(new RegExp(`^${offerTitle} – Consegne Veloci S\\.r\\.l\\. · Tutta Italia · fino (al \\d{1,2}°?|all'\\d{1,2}) \\S+ \\d{4} \\(3 posti liberi\\)$`));
    await page.getByLabel(/^Offerta di cui il bando/).selectOption((await offerChoice.getAttribute('value')) as string);
    await page.getByLabel(/^Numero di posti/).fill('1');
    await page.getByLabel(/^Apertura delle domande/).fill(localInput(new Date(Date.now() - 3_600_000)));
    await page.getByLabel(/^Chiusura delle domande/).fill(localInput(new Date(Date.now() + 86_400_000)));
    await page.getByLabel(/^Dichiarazione da confermare/).fill('Sede legale e produzione in Italia');
    await page.getByLabel(/^Domanda sì\/no/).fill('È la prima volta che vendete online?');
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Bando salvato come bozza', { exact: false }).waitFor();
    // Publishing cannot be undone: it is asked first, and "no" changes nothing.
    await page.getByRole('button', { name: 'Pubblica il bando' }).click();
    await page.getByRole('button', { name: 'No, torna indietro' }).click();
    await page.getByRole('button', { name: 'Pubblica il bando' }).click();
    await page.getByText('Pubblicare il bando? Le imprese potranno presentare domanda fino', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Sì, pubblica' }).click();
    await page.getByText('Bando pubblicato: le imprese possono presentare domanda.', { exact: true }).waitFor();
    await page.getByText('Seme del sorteggio pubblicato', { exact: false }).waitFor();
    // While applications are open, the page says until when instead of offering to close.
    await page.getByText('Le domande sono aperte fino al', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Chiudi e pubblica la graduatoria' }).count()).toBe(0);
    await expectAccessible(page, 'call-staff-open');
    const callId = new URL(page.url()).pathname.split('/').pop() as string;

    // The shop applies: without the declaration it is told exactly what is missing.
    const shopPage = await web.newPage();
    await logIn(shopPage, bakery.email);
    await shopPage.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Bandi' }).click();
    const card = shopPage.getByTestId('shop-call-card').filter({ hasText: title });
    await card.getByRole('button', { name: 'Presenta la domanda' }).waitFor();
    // Who may apply is said with the call: here all of Italy, any sector and size.
    expect(await card.locator('dt', { hasText: 'Territorio' }).locator('xpath=following-sibling::dd[1]').innerText()).toBe('Tutta Italia');
    await card.getByRole('button', { name: 'Presenta la domanda' }).click();
    // What the form lacks is said on its fields and in the summary, which takes the focus; nothing is sent.
    const summary = card.getByRole('alert').filter({ hasText: 'Dichiarazioni: spunta tutte le dichiarazioni del bando per candidarti.' });
    await summary.waitFor();
    await summary.getByText('«È la prima volta che vendete online?»: scegli sì o no.').waitFor();
    expect(await summary.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await card.getByRole('group', { name: 'È la prima volta che vendete online?' }).getByText('scegli sì o no', { exact: false }).waitFor();
    expect(await card.getByTestId('call-refusal').count()).toBe(0);
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
    await page.getByRole('button', { name: 'Sì, chiudi e pubblica' }).click();
    await page.getByText('Bando chiuso', { exact: false }).waitFor();
    expect(await page.getByTestId('application-card').locator('h3').allInnerTexts()).toEqual([`1. ${bakeryName}`, `2. ${barName}`]);
    await expectAccessible(page, 'call-staff-closed');
    await page.goto('/ministero/cruscotto');
    await showSection(page, 'dashboard-calls-title');
    const dashboardRow = page.getByTestId('dashboard-calls').locator('tr', { hasText: title });
    await dashboardRow.waitFor();
    // Status, who runs it, places, filled, applications, excluded, reserve, promoted from reserve.
    expect(await dashboardRow.locator('td').allInnerTexts()).toEqual(['Chiuso', 'Ministero', '1', '1', '2', '0', '1', '0']);

    const closedCard = shopPage.getByTestId('shop-call-card').filter({ hasText: title });
    // The list holds every suite's calls, ten a page, the latest closing first: the shop pages on to its own.
    const reloadToClosedCard = async (): Promise<void> => {
      await shopPage.reload();
      await shopPage.getByTestId('shop-call-card').first().waitFor();
      for (let turn = 0; turn < 20 && (await closedCard.count()) === 0; turn += 1) {
        const pages = shopPage.getByRole('navigation', { name: 'Pagine' });
        const shown = await pages.locator('span').textContent();
        await pages.getByRole('button', { name: 'Successiva' }).click();
        await eventually(async () => (await pages.locator('span').textContent()) !== shown, true);
        await shopPage.getByTestId('shop-call-card').first().waitFor();
      }
    };
    await reloadToClosedCard();
    await closedCard.getByTestId('my-score').waitFor();
    expect(await closedCard.getByTestId('my-score').textContent()).toBe('Punteggio 84, posizione 1 in graduatoria');
    await closedCard.getByText('60 punti su 60: risposta sì').waitFor();
    await closedCard.getByTestId('application-status').filter({ hasText: 'Ammessa' }).waitFor();
    // What follows a place won: the service's page, where the provider's answer comes.
    const serviceHref = (await closedCard.getByRole('link', { name: 'Vedi il servizio' }).getAttribute('href')) ?? '';
    expect(serviceHref).toMatch(/^\/la-mia-attivita\/servizi\/[0-9a-f-]{36}$/);
    expect(await closedCard.getByTestId('place-now').innerText()).toBe('Il posto è tuo: il fornitore ti risponderà, e il servizio è tra «I miei servizi». Vedi il servizio');
    await expectAccessible(shopPage, 'calls-shop-scored');
    // Given up, the place is no longer promised: the call says so, with the way to the service.
    member(dataOf(await web.api.gqlAs(bakery.accessToken, WithdrawMatchDocument, { input: { id: serviceHref.split('/').pop() ?? '' } })).withdrawMatch, 'Match');
    await reloadToClosedCard();
    await closedCard.getByTestId('place-now').filter({ hasText: 'Hai rinunciato al posto ottenuto con il bando: non è più tuo.' }).waitFor();

    // Anyone, signed in or not, reads the graduatoria.
    const publicPage = await web.newPage();
    await publicPage.goto(`/bandi/${callId}/graduatoria`);
    await publicPage.getByRole('heading', { level: 1, name: `Graduatoria: ${title}` }).waitFor();
    // The call ranks by employees and breaks ties by the earlier application: each row publishes both, to the second.
    const applied = '\\s+\\d{1,2} \\S+ \\d{4}, \\d{2}:\\d{2}:\\d{2}\\s+4';
    expect(await publicPage.getByTestId('graduatoria-row').allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`^1\\s+${bakeryName}\\s+Torino \\(TO\\)\\s+84${applied}\\s+Ammessa\\s+[0-9a-f-]{36}\\s+[0-9a-f]{64}$`)),
      expect.stringMatching(new RegExp(`^2\\s+${barName}\\s+Torino \\(TO\\)\\s+24${applied}\\s+In riserva\\s+I posti sono andati alle domande prima in graduatoria\\.\\s+[0-9a-f-]{36}\\s+[0-9a-f]{64}$`)),
    ]);
    await expectAccessible(publicPage, 'graduatoria');
  }, 120_000);

  it('staff draft a call scored by size alone, with no question, for businesses of at least two employees', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const offerTitle = unique('Vetrina per taglia');
    await publishedOffer(web.api, provider, { title: offerTitle, capacity: 3, coverage: { national: true } });
    const title = unique('Bando per le piccole');
    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.goto('/ministero/bandi');
    await page.getByLabel(/^Titolo/).fill(title);
    await page.getByLabel(/^Descrizione/).fill('Un anno gratuito di negozio online per le botteghe più piccole.');
    await page.getByLabel(/^Cerca l'offerta/).fill(offerTitle);
    const offerChoice = page.getByLabel(/^Offerta di cui il bando/).locator('option', { hasText: offerTitle });
    await offerChoice.waitFor({ state: 'attached' });
    await page.getByLabel(/^Offerta di cui il bando/).selectOption((await offerChoice.getAttribute('value')) as string);
    await page.getByLabel(/^Numero di posti/).fill('2');
    await page.getByLabel(/^Apertura delle domande/).fill(localInput(new Date(Date.now() - 3_600_000)));
    await page.getByLabel(/^Chiusura delle domande/).fill(localInput(new Date(Date.now() + 86_400_000)));
    await page.getByLabel(/^Addetti almeno/).fill('2');
    // No question: its weight is not asked for, and the score is the employees' alone.
    expect(await page.getByLabel(/^Punti per chi risponde sì/).count()).toBe(0);
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const [call] = await web.api.app.get(DataSource).query('SELECT questions, scoring, eligibility FROM selection_call WHERE title = $1', [title]);
    expect(call.questions).toEqual([]);
    expect(call.scoring.map((criterion: { kind: string }) => criterion.kind)).toEqual(['FEWER_EMPLOYEES']);
    expect(call.eligibility).toMatchObject({ minEmployees: 2 });
    await page.context().close();
  });

  it('warns a shop that no offer of the call serves it before it applies, and still lets it apply', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const offer = await publishedOffer(web.api, provider, { capacity: 5, coverage: { comuneCodes: ['015146'] } });
    const title = unique('Bando milanese');
    const created = dataOf(await web.api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: aCall(title, offer.id) })).createSelectionCall;
    member(dataOf(await web.api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: created.id })).publishSelectionCall, 'SelectionCall');
    const shop = await shopNamed(web.api, TORINO, unique('Cartoleria Blu'));
    const page = await web.newPage();
    await logIn(page, shop.email);
    await page.goto('/la-mia-attivita/bandi');
    const card = await callCard(page, title);
    await card.getByTestId('admission-obstacle').getByText(/^Nessuna offerta del bando serve il luogo o il settore della tua attività/).waitFor();
    await card.getByRole('button', { name: 'Presenta la domanda' }).waitFor();
    await expectAccessible(page, 'calls-shop-obstacle');
    await page.context().close();
  });

  it('a draft whose window has ended is not offered for publishing: staff delete it, asked first, and are back on the list', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const offer = await publishedOffer(web.api, provider, { capacity: 5, coverage: { national: true } });
    const title = unique('Bozza scaduta');
    const draft = dataOf(
      await web.api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: aCall(title, offer.id) }),
    ).createSelectionCall;
    await web.app.get(DataSource).query(`UPDATE selection_call SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 day' WHERE id = $1`, [draft.id]);

    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.goto(`/ministero/bandi/${draft.id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('questa bozza non può più essere pubblicata', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Pubblica il bando' }).count()).toBe(0);
    await expectAccessible(page, 'call-draft-window-over');
    await page.getByRole('button', { name: 'Elimina la bozza' }).click();
    await page.getByRole('button', { name: 'Sì, elimina' }).click();
    await page.waitForURL('**/ministero/bandi');
    await page.getByText(`Bozza «${title}» eliminata.`).waitFor();
    expect(await web.app.get(DataSource).query('SELECT id FROM selection_call WHERE id = $1', [draft.id])).toEqual([]);
    await page.context().close();
  });

  it('shows a national call’s applications a page at a time with their total, and staff exclude one on the second page, which stays shown', async () => {
    const db = web.app.get(DataSource);
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const offer = await publishedOffer(web.api, provider, { capacity: 30, coverage: { national: true } });
    const title = unique('Botteghe in rete');
    const created = dataOf(
      await web.api.gqlAs(staff.accessToken, CreateSelectionCallDocument, {
        input: aCall(title, offer.id, {
          description: 'Un anno gratuito di negozio online per le botteghe di tutta Italia.',
          places: 10,
          declarations: [{ code: 'sede-italia', text: 'Sede legale e produzione in Italia' }],
        }),
      }),
    ).createSelectionCall;
    member(dataOf(await web.api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: created.id })).publishSelectionCall, 'SelectionCall');

    // 23 applications, more than a page of 20, written straight to the tables a minute apart: shown in the order they came.
    const prefix = unique('Bottega');
    const shops = await seedShops(db, 23, { comuneCode: TORINO });
    const name = (i: number): string => `${prefix} ${String(i).padStart(2, '0')}`;
    await db.query(`UPDATE shop SET trading_name = $2 || ' ' || lpad(t.i::text, 2, '0') FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, i) WHERE shop.id = t.id`, [shops.map((s) => s.id), prefix]);
    await db.query(
      `INSERT INTO call_application (call_id, shop_id, submitted_at, declarations, answers, ateco_section, ateco_division, employees, comune_code, province_code, region_code)
       SELECT $1, s.id, now() - interval '1 hour' + make_interval(mins => t.i::int), ARRAY['sede-italia'], '{}'::jsonb,
              s.ateco_section, s.ateco_division, s.employees, s.comune_code, c.province_code, p.region_code
       FROM unnest($2::uuid[]) WITH ORDINALITY AS t(shop_id, i) JOIN shop s ON s.id = t.shop_id JOIN comune c ON c.code = s.comune_code JOIN province p ON p.code = c.province_code`,
      [created.id, shops.map((s) => s.id)],
    );

    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.goto(`/ministero/bandi/${created.id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const cards = page.getByTestId('application-card');
    await page.getByTestId('applications-count').filter({ hasText: '23 domande' }).waitFor();
    expect(await cards.locator('h3').allInnerTexts()).toEqual(Array.from({ length: 20 }, (_x, i) => name(i + 1)));
    const pager = page.getByRole('navigation', { name: 'Pagine delle domande' });
    await pager.getByText('Pagina 1 di 2').waitFor();

    await pager.getByRole('button', { name: 'Successiva' }).click();
    await pager.getByText('Pagina 2 di 2').waitFor();
    await cards.first().filter({ hasText: name(21) }).waitFor();
    expect(await cards.locator('h3').allInnerTexts()).toEqual([name(21), name(22), name(23)]);
    await page.getByTestId('applications-count').filter({ hasText: '23 domande' }).waitFor();
    await expectAccessible(page, 'call-staff-second-page');

    const excluded = cards.filter({ hasText: name(22) });
    await excluded.getByLabel(`Motivo dell'esclusione di ${name(22)}`).fill('Dichiarazione non veritiera');
    // What the applicant declared is there to judge on; the exclusion, final, is confirmed first.
    await excluded.getByText('Addetti', { exact: true }).waitFor();
    await excluded.getByRole('button', { name: 'Escludi' }).click();
    await excluded.getByRole('group', { name: /^Escludere la domanda di/ }).waitFor();
    expect(await excluded.getByText('Esclusa', { exact: true }).count()).toBe(0);
    await excluded.getByRole('button', { name: 'Sì, escludi' }).click();
    await eventually(() => focusedNotice(page), `Domanda di ${name(22)} esclusa.`);
    await excluded.getByText('Esclusa', { exact: true }).waitFor();
    await excluded.getByText('Dichiarazione non veritiera', { exact: false }).waitFor();
    // Still the second page, with every application on it.
    await pager.getByText('Pagina 2 di 2').waitFor();
    expect(await cards.locator('h3').allInnerTexts()).toEqual([name(21), name(22), name(23)]);
    expect(await excluded.getByRole('button', { name: 'Escludi' }).count()).toBe(0);
    const [row]: { status: string; exclusion_reason: string }[] = await db.query(
      'SELECT a.status, a.exclusion_reason FROM call_application a JOIN shop s ON s.id = a.shop_id WHERE a.call_id = $1 AND s.trading_name = $2',
      [created.id, name(22)],
    );
    expect(row).toEqual({ status: 'EXCLUDED', exclusion_reason: 'Dichiarazione non veritiera' });
    await expectAccessible(page, 'call-staff-excluded-second-page');
    await page.context().close();
  }, 120_000);
});
