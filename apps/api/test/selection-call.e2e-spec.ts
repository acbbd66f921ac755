import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RequestContext } from '@vec/core';
import { CallClosingService } from '@vec/core/selection-call/call-closing.service';
import {
  ApplyToCallDocument,
  type ApplyToCallMutation,
  CallApplicationsDocument,
  CallFiguresDocument,
  CallGraduatoriaDocument,
  CloseSelectionCallDocument,
  type CreateSelectionCallInput,
  CreateSelectionCallDocument,
  DeclineMatchDocument,
  ExcludeCallApplicationDocument,
  MyNotificationsDocument,
  MyCallAdmissionObstacleDocument,
  MyCallApplicationDocument,
  PublishedSelectionCallDocument,
  SuspendOfferDocument,
  PublishSelectionCallDocument,
  SelectionCallDocument,
  SelectionCallsDocument,
  UpdateShopDocument,
} from './gql/generated';
import { SignedIn, staffUser } from './testing/fixtures';
import { approvedProvider, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import { applyTo, askFor } from './testing/match-fixtures';
import { dataOf, type GraphQLResponse, member, startTestApp, TestApp } from './testing/test-app';

const [TORINO, NOVARA, MILANO] = ['001272', '003106', '015146'];
const code = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions.code;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('Selection calls over GraphQL: publish, apply, exclude, close, graduatoria, reserve list', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  let provider: ProviderAccount;
  let offerId: string;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
    provider = await approvedProvider(api, staff);
    offerId = (await publishedOffer(api, provider, { capacity: 5, coverage: { national: true } })).id;
  });
  afterAll(() => api.close());

  const aCall = (closesInMs: number, overrides: Partial<CreateSelectionCallInput> = {}): CreateSelectionCallInput => ({
    title: 'Negozi del Piemonte online',
    description: 'Un anno gratuito di negozio online per le piccole imprese piemontesi selezionate.',
    offerIds: [offerId],
    places: 1,
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + closesInMs).toISOString(),
    eligibility: { regionCodes: ['01'], maxEmployees: 9 },
    declarations: [{ code: 'sede-italia', text: 'Sede legale e produzione in Italia' }],
    questions: [{ code: 'prima-volta', text: 'È la prima volta che vendete online?' }],
    scoring: [
      { kind: 'ANSWER_YES', weight: 70, questionCode: 'prima-volta' },
      { kind: 'FEWER_EMPLOYEES', weight: 30, employeesCap: 10 },
    ],
    tieBreak: ['EARLIER_APPLICATION'],
    ...overrides,
  });

  const apply = async (shop: SignedIn, callId: string, firstTime: boolean, declarations = ['sede-italia']): Promise<ApplyToCallMutation['applyToCall']> =>
    dataOf(await api.gqlAs(shop.accessToken, ApplyToCallDocument, { input: { callId, declarations, answers: [{ questionCode: 'prima-volta', answer: firstTime }] } })).applyToCall;

  it('runs a call from draft to published graduatoria, and gives a declined place to the reserve list', async () => {
    const [first, second, excluded, inMilano, anotherTorino] = [await shopIn(api, TORINO), await shopIn(api, NOVARA), await shopIn(api, TORINO), await shopIn(api, MILANO), await shopIn(api, TORINO)];
    // A deadline without its offset would be read in the server's time zone: refused, naming the field.
    const naive = await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: { ...aCall(8_000), closesAt: '2030-12-21T18:00' } });
    expect(naive.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.closesAt', code: 'isDateTime', message: expect.stringContaining('with its offset from UTC') })] });
    const created = dataOf(await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: aCall(8_000) })).createSelectionCall;
    expect(created).toMatchObject({ status: 'DRAFT', drawSeed: null, places: 1, offerIds: [offerId] });
    expect(created.scoring[0].descriptionIt).toBe('70 punti a chi risponde sì a: «È la prima volta che vendete online?»');
    // A draft is staff's alone.
    expect(code(await api.gqlAs(first.accessToken, SelectionCallDocument, { id: created.id }))).toBe('NOT_FOUND');
    expect(code(await api.gqlAs(first.accessToken, ApplyToCallDocument, { input: { callId: created.id, declarations: [], answers: [] } }))).toBe('NOT_FOUND');

    const published = member(dataOf(await api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: created.id })).publishSelectionCall, 'SelectionCall');
    expect(published.status).toBe('OPEN');
    expect(published.drawSeed).toMatch(/^[0-9a-f]{32}$/);
    // Planned to open a minute before the publication: the window opens with it, not before.
    expect(new Date(published.opensAt).getTime()).toBeGreaterThan(new Date(created.opensAt).getTime());
    expect(new Date(published.opensAt).getTime()).toBeGreaterThan(Date.now() - 30_000);
    expect(member(dataOf(await api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: created.id })).publishSelectionCall, 'InvalidCallStateError').currentStatus).toBe('OPEN');
    const seen = dataOf(await api.gqlAs(first.accessToken, SelectionCallDocument, { id: created.id })).selectionCall;
    expect(seen.offers.map((o) => o.id)).toEqual([offerId]);
    const open = dataOf(await api.gqlAs(first.accessToken, SelectionCallsDocument, { filter: { status: 'OPEN' } })).selectionCalls;
    expect(open.items.map((c) => c.id)).toContain(created.id);
    // Anyone finds the published calls, signed in or not; a draft stays staff's.
    const draft = dataOf(await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: aCall(8_000) })).createSelectionCall;
    const anyone = dataOf(await api.gql(SelectionCallsDocument, { filter: {} })).selectionCalls.items;
    expect(anyone.map((c) => c.id)).toContain(created.id);
    expect(anyone.map((c) => c.id)).not.toContain(draft.id);
    expect(anyone.every((c) => c.status !== 'DRAFT')).toBe(true);

    // Before applying, a shop learns which rules it fails by what it is (here, its place), and one that fits learns none.
    const precheck = async (shop: SignedIn): Promise<unknown> =>
      (await api.gqlRaw('query($id: ID!) { myCallIneligibility(callId: $id) { code messageIt } }', { variables: { id: created.id }, accessToken: shop.accessToken })).data;
    expect(await precheck(inMilano)).toEqual({ myCallIneligibility: [{ code: 'OUTSIDE_TERRITORY', messageIt: 'Il bando è solo per le imprese di: Piemonte' }] });
    expect(await precheck(first)).toEqual({ myCallIneligibility: [] });
    // Every requirement not met, by name, with the call's own words.
    const outside = member(await apply(inMilano, created.id, true, []), 'CallNotEligibleError');
    expect(outside.failed.map((f) => f.code)).toEqual(['OUTSIDE_TERRITORY', 'DECLARATION_NOT_CONFIRMED']);
    expect(outside.failed[1].messageIt).toBe('Conferma la dichiarazione: «Sede legale e produzione in Italia»');
    // The territory is named, in the refusal as on the call itself.
    expect(outside.failed[0]).toMatchObject({ message: 'The call is only for businesses in Piemonte', messageIt: 'Il bando è solo per le imprese di: Piemonte' });
    const rules = await api.gqlRaw('query($id: ID!) { selectionCall(id: $id) { eligibility { regions { name } provinces { name } comuni { name } } } }', { variables: { id: created.id }, accessToken: inMilano.accessToken });
    expect(rules.data).toEqual({ selectionCall: { eligibility: { regions: [{ name: 'Piemonte' }], provinces: [], comuni: [] } } });

    // A declaration confirmed twice is refused naming the repeat, as a repeated answer is; nothing is written.
    const twice = await api.gqlAs(first.accessToken, ApplyToCallDocument, { input: { callId: created.id, declarations: ['sede-italia', 'sede-italia'], answers: [] } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.declarations.1', code: 'DUPLICATE_CODE' })] });
    expect(dataOf(await api.gqlAs(first.accessToken, MyCallApplicationDocument, { callId: created.id })).myCallApplication).toBeNull();

    // An account whose address is not confirmed does not compete for places, as it may not apply to offers.
    const unconfirmed = await shopIn(api, TORINO, { verified: false });
    expect(member(await apply(unconfirmed, created.id, true), 'EmailNotVerifiedError')).toMatchObject({ code: 'EMAIL_NOT_VERIFIED', email: unconfirmed.email });
    expect(dataOf(await api.gqlAs(unconfirmed.accessToken, MyCallApplicationDocument, { callId: created.id })).myCallApplication).toBeNull();

    const a = member(await apply(first, created.id, true), 'CallApplication');
    expect(a).toMatchObject({ status: 'SUBMITTED', score: null, position: null });
    expect(member(await apply(first, created.id, false), 'AlreadyAppliedToCallError').applicationId).toBe(a.id);
    member(await apply(second, created.id, false), 'CallApplication');
    const e = member(await apply(excluded, created.id, true), 'CallApplication');

    // Only staff exclude, list applications or close; nobody sees another shop's application.
    expect(code(await api.gqlAs(first.accessToken, ExcludeCallApplicationDocument, { input: { applicationId: e.id, reason: 'Tentativo non autorizzato' } }))).toBe('FORBIDDEN');
    expect(code(await api.gqlAs(provider.accessToken, CallApplicationsDocument, { callId: created.id }))).toBe('FORBIDDEN');
    expect(code(await api.gqlAs(first.accessToken, CloseSelectionCallDocument, { id: created.id }))).toBe('FORBIDDEN');
    expect(code(await api.gqlAs(provider.accessToken, CreateSelectionCallDocument, { input: aCall(60_000) }))).toBe('FORBIDDEN');
    expect(dataOf(await api.gqlAs(anotherTorino.accessToken, MyCallApplicationDocument, { callId: created.id })).myCallApplication).toBeNull();
    expect(code(await api.gql(CallApplicationsDocument, { callId: created.id }))).toBe('UNAUTHENTICATED');
    // The graduatoria does not exist before the closing.
    expect(code(await api.gql(CallGraduatoriaDocument, { callId: created.id }))).toBe('NOT_FOUND');

    // The reason is e-mailed to the shop under the platform's name: no web address in it, not even a bare one.
    const phishing = await api.gqlAs(staff.accessToken, ExcludeCallApplicationDocument, { input: { applicationId: e.id, reason: 'Documenti mancanti: caricali su vicini-verifica.it/login' } });
    expect(phishing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.reason', code: 'webAddress' })] });
    const exclusion = member(
      dataOf(await api.gqlAs(staff.accessToken, ExcludeCallApplicationDocument, { input: { applicationId: e.id, reason: 'Visura camerale non conforme' } })).excludeCallApplication,
      'CallApplication',
    );
    expect(exclusion).toMatchObject({ status: 'EXCLUDED', exclusionReason: 'Visura camerale non conforme' });
    // The shop hears of it at once, with the reason, in the web app and by e-mail.
    const notices = dataOf(await api.gqlAs(excluded.accessToken, MyNotificationsDocument, { first: 5 })).myNotifications.items.filter((n) => n.kind === 'CALL_OUTCOME');
    expect(notices.map((n) => n.messageIt)).toEqual(['Bando «Negozi del Piemonte online»: la tua domanda è stata esclusa (Visura camerale non conforme)']);
    const [mail] = await db.query(`SELECT subject FROM mail_message WHERE user_id = $1 AND kind = 'CALL_OUTCOME'`, [excluded.userId]);
    expect(mail.subject).toBe('Domanda esclusa: «Negozi del Piemonte online»');
    const early = member(dataOf(await api.gqlAs(staff.accessToken, CloseSelectionCallDocument, { id: created.id })).closeSelectionCall, 'CallWindowError');
    expect(early.code).toBe('CALL_WINDOW');
    // The closing time with its hour, in Italian time: the window may end the same day.
    const closesAt = new Date(created.closesAt).toLocaleTimeString('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' });
    expect(early.messageIt).toMatch(new RegExp(`^Le domande sono aperte fino all?[’ ]\\d+ \\S+ \\d{4} alle ${closesAt}: il bando si chiude dopo$`));

    await sleep(Math.max(0, new Date(created.closesAt).getTime() - Date.now() + 200));
    expect(member(await apply(anotherTorino, created.id, true), 'CallNotEligibleError').failed.map((f) => f.code)).toEqual(['WINDOW_CLOSED']);
    const closed = member(dataOf(await api.gqlAs(staff.accessToken, CloseSelectionCallDocument, { id: created.id })).closeSelectionCall, 'SelectionCall');
    expect(closed.status).toBe('CLOSED');

    const mine = dataOf(await api.gqlAs(first.accessToken, MyCallApplicationDocument, { callId: created.id })).myCallApplication;
    expect(mine).toMatchObject({ status: 'ADMITTED', position: 1, score: 88, tiedWith: 0, separation: null });
    expect(mine?.scoreParts?.map((p) => p.explanationIt)).toEqual(['70 punti su 70: risposta sì', '18 punti su 30: 4 addetti']);
    const theirs = dataOf(await api.gqlAs(second.accessToken, MyCallApplicationDocument, { callId: created.id })).myCallApplication;
    expect(theirs).toMatchObject({ status: 'RESERVE', position: 2, score: 18, matchId: null, separationIt: 'In graduatoria dopo il precedente per un punteggio più basso' });

    const graduatoria = dataOf(await api.gql(CallGraduatoriaDocument, { callId: created.id })).callGraduatoria;
    // The call ranks by employees and breaks ties by the earlier application: both are published, for a reader to check the order.
    expect(graduatoria.items).toEqual([
      { position: 1, shopName: 'Il Forno di Via Roma', comuneName: 'Torino', provinceSigla: 'TO', score: 88, status: 'ADMITTED', employees: 4, submittedAt: expect.any(String) },
      { position: 2, shopName: 'Il Forno di Via Roma', comuneName: 'Novara', provinceSigla: 'NO', score: 18, status: 'RESERVE', employees: 4, submittedAt: expect.any(String) },
    ]);
    // The names are those the shops applied with: renaming a shop after the closing does not rewrite the published ranking.
    await api.gqlAs(first.accessToken, UpdateShopDocument, { input: { tradingName: 'Vincitore Ufficiale Bando' } });
    expect((await api.gql(CallGraduatoriaDocument, { callId: created.id })).data?.callGraduatoria.items.map((item) => item.shopName)).toEqual(['Il Forno di Via Roma', 'Il Forno di Via Roma']);
    expect(dataOf(await api.gql(PublishedSelectionCallDocument, { id: created.id })).publishedSelectionCall.drawSeed).toBe(published.drawSeed);
    // Anyone can check the draw: each row gives its application and the key, sha256 of "seed:application id".
    const keys = await api.gqlRaw('query($id: ID!) { callGraduatoria(callId: $id) { items { applicationId drawKey } } }', { variables: { id: created.id } });
    const keyed = (keys.data as { callGraduatoria: { items: { applicationId: string; drawKey: string }[] } }).callGraduatoria.items;
    expect(keyed[0].applicationId).toBe(a.id);
    for (const row of keyed) expect(row.drawKey).toBe(createHash('sha256').update(`${published.drawSeed}:${row.applicationId}`).digest('hex'));
    expect(member(dataOf(await api.gqlAs(staff.accessToken, ExcludeCallApplicationDocument, { input: { applicationId: a.id, reason: 'Troppo tardi per escludere' } })).excludeCallApplication, 'InvalidCallStateError').currentStatus).toBe('CLOSED');

    // The provider declines the admitted shop's place: the sweep gives it to the first in reserve.
    const declined = await api.gqlAs(provider.accessToken, DeclineMatchDocument, { input: { id: mine?.matchId as string, reason: 'Non serviamo ancora questa attività' } });
    expect(declined.errors).toBeUndefined();
    await api.app.get(CallClosingService).sweep(RequestContext.system());
    expect(dataOf(await api.gqlAs(first.accessToken, MyCallApplicationDocument, { callId: created.id })).myCallApplication?.status).toBe('LAPSED');
    const promoted = dataOf(await api.gqlAs(second.accessToken, MyCallApplicationDocument, { callId: created.id })).myCallApplication;
    expect(promoted?.status).toBe('ADMITTED');
    const [{ state, origin }] = await db.query('SELECT state, origin FROM match WHERE id = $1', [promoted?.matchId]);
    expect({ state, origin }).toEqual({ state: 'PENDING', origin: 'CALL' });

    const figures = dataOf(await api.gqlAs(staff.accessToken, CallFiguresDocument)).callFigures.find((f) => f.callId === created.id);
    expect(figures).toMatchObject({ status: 'CLOSED', places: 1, applications: 3, admitted: 1, reserve: 0, excluded: 1 });
    const staffList = dataOf(await api.gqlAs(staff.accessToken, CallApplicationsDocument, { callId: created.id })).callApplications;
    expect(staffList.items.map((i) => i.status)).toEqual(['LAPSED', 'ADMITTED', 'EXCLUDED']);
    const actions: { action: string }[] = await db.query(`SELECT DISTINCT action FROM audit_event WHERE entity_id = $1 ORDER BY action`, [created.id]);
    expect(actions.map((r) => r.action)).toEqual(['selection_call.closed', 'selection_call.created', 'selection_call.published']);
  }, 60_000);

  it('warns a shop before it applies when, as things stand, the closing could give it no place', async () => {
    const published = async (input: CreateSelectionCallInput): Promise<{ id: string }> => {
      const draft = dataOf(await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input })).createSelectionCall;
      member(dataOf(await api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: draft.id })).publishSelectionCall, 'SelectionCall');
      return draft;
    };
    const call = await published(aCall(60 * 60_000, { eligibility: {} }));
    const obstacle = async (shop: SignedIn): Promise<unknown> => dataOf(await api.gqlAs(shop.accessToken, MyCallAdmissionObstacleDocument, { callId: call.id })).myCallAdmissionObstacle;
    expect(await obstacle(await shopIn(api, TORINO))).toBeNull();
    // Already served with an online store, the kind the call's offer gives.
    const served = await shopIn(api, TORINO);
    const other = await approvedProvider(api, staff);
    const store = (await publishedOffer(api, other, { capacity: 3 })).id;
    await applyTo(api, served, await askFor(api, served, 'ONLINE_STORE'), store);
    expect(await obstacle(served)).toBe('CATEGORY_HELD');
    // Outside every area the call's offers serve.
    const local = (await publishedOffer(api, other, { capacity: 3, coverage: { comuneCodes: [MILANO] } })).id;
    const elsewhere = await published(aCall(60 * 60_000, { offerIds: [local], eligibility: {} }));
    const inNovara = await shopIn(api, NOVARA);
    expect(dataOf(await api.gqlAs(inNovara.accessToken, MyCallAdmissionObstacleDocument, { callId: elsewhere.id })).myCallAdmissionObstacle).toBe('NOT_REACHED');
  });

  it('publishes its criteria in words: priority provinces by name, one point or many', async () => {
    const scoring = [
      { kind: 'PRIORITY_PROVINCES' as const, weight: 1, provinceCodes: ['001'] },
      { kind: 'FEWER_EMPLOYEES' as const, weight: 30, employeesCap: 1 },
    ];
    const created = dataOf(await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: aCall(60_000, { scoring, questions: [] }) })).createSelectionCall;
    expect(created.scoring.map((c) => c.descriptionIt)).toEqual([
      '1 punto alle imprese nella provincia di Torino (TO)',
      'Fino a 30 punti alle imprese più piccole: tutti senza addetti, nessuno da 1 addetto in su',
    ]);
    expect(created.scoring[0].description).toBe('1 point to businesses in the province of Torino (TO)');
  });

  it('shows a call\'s offers as the reader may see them: a suspended one to staff and its provider only', async () => {
    const suspended = (await publishedOffer(api, provider, { capacity: 2, coverage: { national: true } })).id;
    const created = dataOf(await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: aCall(600_000, { offerIds: [offerId, suspended] }) })).createSelectionCall;
    member(dataOf(await api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: created.id })).publishSelectionCall, 'SelectionCall');
    const moderated = await api.gqlAs(staff.accessToken, SuspendOfferDocument, { input: { offerId: suspended, reason: 'Condizioni che chiedono un pagamento dopo la prova' } });
    expect(moderated.data?.suspendOffer).toMatchObject({ __typename: 'Offer', status: 'SUSPENDED' });
    const shop = await shopIn(api, TORINO);
    expect(dataOf(await api.gqlAs(shop.accessToken, SelectionCallDocument, { id: created.id })).selectionCall.offers.map((o) => o.id)).toEqual([offerId]);
    expect(dataOf(await api.gqlAs(provider.accessToken, SelectionCallDocument, { id: created.id })).selectionCall.offers.map((o) => o.id)).toEqual([offerId, suspended]);
    expect(dataOf(await api.gqlAs(staff.accessToken, SelectionCallDocument, { id: created.id })).selectionCall.offers.map((o) => o.id)).toEqual([offerId, suspended]);
  });

  it('refuses a call with bad input, naming the field, and writes nothing', async () => {
    const [{ before }] = await db.query('SELECT count(*)::int AS before FROM selection_call');
    const unknownQuestion = await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, {
      input: aCall(60_000, { scoring: [{ kind: 'ANSWER_YES', weight: 10, questionCode: 'non-esiste' }] }),
    });
    expect(code(unknownQuestion)).toBe('BAD_USER_INPUT');
    expect(unknownQuestion.errors?.[0].extensions.fields).toEqual([expect.objectContaining({ field: 'input.scoring.0.questionCode', code: 'UNKNOWN_QUESTION' })]);
    const backwards = await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: aCall(-120_000) });
    expect(backwards.errors?.[0].extensions.fields).toEqual([expect.objectContaining({ field: 'input.closesAt' })]);
    // A window already over: the draft could never be published, so it is refused at once.
    const over = await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, {
      input: aCall(-60_000, { opensAt: new Date(Date.now() - 86_400_000).toISOString() }),
    });
    expect(over.errors?.[0].extensions.fields).toEqual([expect.objectContaining({ field: 'input.closesAt', code: 'CLOSES_IN_PAST' })]);
    // A code people write by hand is told what it may be made of.
    const badCode = await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: aCall(60_000, { declarations: [{ code: 'Sede Italia', text: 'Sede legale in Italia' }] }) });
    expect(badCode.errors?.[0].extensions.fields).toEqual([
      expect.objectContaining({
        field: 'input.declarations.0.code',
        messageIt: 'input.declarations.0.code deve essere fatto di lettere minuscole, cifre e trattini, per esempio sede-italia',
      }),
    ]);
    const noOffer = await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: aCall(60_000, { offerIds: ['00000000-0000-4000-8000-000000000000'] }) });
    expect(noOffer.errors?.[0].extensions.fields).toEqual([expect.objectContaining({ field: 'input.offerIds.0', code: 'OFFER_NOT_FOUND' })]);
    const [{ after }] = await db.query('SELECT count(*)::int AS after FROM selection_call');
    expect(after).toBe(before);
  });
});
