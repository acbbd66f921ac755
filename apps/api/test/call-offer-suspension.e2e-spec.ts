import { RequestContext } from '@vec/core';
import { CallClosingService } from '@vec/core/selection-call/call-closing.service';
import {
  ApplyToCallDocument,
  CloseSelectionCallDocument,
  CreateSelectionCallDocument,
  MyNotificationsDocument,
  PublishSelectionCallDocument,
  ReinstateOfferDocument,
  ResumeOfferDocument,
  SuspendOfferDocument,
  UpdateShopDocument,
} from './gql/generated';
import { aCallInput } from './testing/call-fixtures';
import { SignedIn, staffUser } from './testing/fixtures';
import { approvedProvider, publishedOffer, shopIn } from './testing/offer-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

const TORINO = '001272';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Line {
  position: number;
  status: string;
  reserveReason: string | null;
  matchState: string | null;
}

describe('A call whose offer staff suspend: the places it held go back to the ranking', () => {
  let api: TestApp;
  let staff: SignedIn;
  beforeAll(async () => {
    api = await startTestApp();
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  const sweep = () => api.app.get(CallClosingService).sweep(RequestContext.system());
  /** The call's applications as staff read them, in rank order. */
  const lines = async (callId: string): Promise<Line[]> => {
    const read = await api.gqlRaw('query($id: ID!) { callApplications(callId: $id, first: 100) { items { position status reserveReason matchState } } }', {
      variables: { id: callId },
      accessToken: staff.accessToken,
    });
    return (read.data as { callApplications: { items: Line[] } }).callApplications.items.sort((a, b) => a.position - b.position);
  };
  /** The published graduatoria: each line's status and reason. */
  const graduatoria = async (callId: string): Promise<[string, string | null][]> => {
    const read = await api.gqlRaw('query($id: ID!) { callGraduatoria(callId: $id) { items { status reserveReason } } }', { variables: { id: callId } });
    return (read.data as { callGraduatoria: { items: { status: string; reserveReason: string | null }[] } }).callGraduatoria.items.map((i) => [i.status, i.reserveReason]);
  };
  const callNotices = async (shop: SignedIn): Promise<string[]> =>
    dataOf(await api.gqlAs(shop.accessToken, MyNotificationsDocument, { first: 50 })).myNotifications.items.filter((n) => n.kind === 'CALL_OUTCOME').map((n) => n.messageIt);

  it('keeps the places of the shops admitted before for them: lifted, the offer gives them back first, not to those ranked below', async () => {
    const provider = await approvedProvider(api, staff);
    const offer = await publishedOffer(api, provider, { capacity: 5, coverage: { national: true } });
    const input = aCallInput(offer.id, 8_000, { places: 3 });
    const created = dataOf(await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input })).createSelectionCall;
    member(dataOf(await api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: created.id })).publishSelectionCall, 'SelectionCall');
    // Fewer employees rank higher: the last, with more than the cap, scores nothing.
    const shops: SignedIn[] = [];
    for (const employees of [1, 2, 3, 4, 5, 6, 12]) {
      const shop = await shopIn(api, TORINO);
      await api.gqlAs(shop.accessToken, UpdateShopDocument, { input: { employees } });
      member(dataOf(await api.gqlAs(shop.accessToken, ApplyToCallDocument, { input: { callId: created.id, declarations: ['sede-italia'], answers: [] } })).applyToCall, 'CallApplication');
      shops.push(shop);
    }
    await sleep(Math.max(0, new Date(input.closesAt).getTime() - Date.now() + 200));
    member(dataOf(await api.gqlAs(staff.accessToken, CloseSelectionCallDocument, { id: created.id })).closeSelectionCall, 'SelectionCall');
    const admitted = (state: string | null): Line[] => [1, 2, 3].map((position) => ({ position, status: 'ADMITTED', reserveReason: null, matchState: state }));
    const reserve = (reason: string, from = 4, to = 7): Line[] => Array.from({ length: to + 1 - from }, (_, i) => ({ position: from + i, status: 'RESERVE', reserveReason: reason, matchState: null }));
    expect(await lines(created.id)).toEqual([...admitted('PENDING'), ...reserve('CALL_FULL')]);

    // Staff suspend the offer: the places held are released, and nobody below takes them meanwhile.
    const suspended = await api.gqlAs(staff.accessToken, SuspendOfferDocument, { input: { offerId: offer.id, reason: 'Le condizioni prevedono un canone dopo il periodo gratuito' } });
    expect(suspended.data?.suspendOffer).toMatchObject({ status: 'SUSPENDED' });
    await sweep();
    // The refill reads twice as many as the places it gives: the last is not read, and keeps its reason.
    const waitingForTheOffer = [...[1, 2, 3].map((position) => ({ position, status: 'RESERVE', reserveReason: 'OFFER_SUSPENDED', matchState: null })), ...reserve('NO_PLACE_LEFT', 4, 6), ...reserve('CALL_FULL', 7)];
    expect(await lines(created.id)).toEqual(waitingForTheOffer);
    expect(await graduatoria(created.id)).toEqual(waitingForTheOffer.map((line) => [line.status, line.reserveReason]));
    expect((await callNotices(shops[0])).at(0)).toBe(
      'Bando «Export digitale per le imprese piemontesi»: il posto che il bando ti aveva dato è stato liberato (il Ministero ha sospeso l’offerta) e torni in riserva alla posizione 1 della graduatoria: quando i posti torneranno disponibili saranno dati secondo la graduatoria',
    );
    // Paused once the suspension is lifted, the offer still gives nothing.
    expect((await api.gqlAs(staff.accessToken, ReinstateOfferDocument, { input: { offerId: offer.id } })).data?.reinstateOffer).toMatchObject({ status: 'PAUSED' });
    await sweep();
    expect(await lines(created.id)).toEqual(waitingForTheOffer);

    // Resumed, the ranking gives the places again: to those it admitted first.
    expect((await api.gqlAs(provider.accessToken, ResumeOfferDocument, { id: offer.id })).data?.resumeOffer).toMatchObject({ status: 'PUBLISHED' });
    await sweep();
    expect(await lines(created.id)).toEqual([...admitted('PENDING'), ...reserve('CALL_FULL')]);
    expect(await graduatoria(created.id)).toEqual([...Array(3).fill(['ADMITTED', null]), ...Array(4).fill(['RESERVE', 'CALL_FULL'])]);
    expect((await callNotices(shops[0])).at(0)).toMatch(/^Bando «Export digitale per le imprese piemontesi»: si è liberato un posto ed è ora tuo/);
    expect(await callNotices(shops[6])).toHaveLength(1);
  }, 60_000);

  /** A one-place call on these offers (most preferred first), closed with the shops given applying in this order. */
  const closedCall = async (offerIds: string[], shops: SignedIn[]): Promise<string> => {
    const input = aCallInput(offerIds[0], 4_000, { offerIds, places: 1 });
    const created = dataOf(await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input })).createSelectionCall;
    member(dataOf(await api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: created.id })).publishSelectionCall, 'SelectionCall');
    for (const [i, shop] of shops.entries()) {
      await api.gqlAs(shop.accessToken, UpdateShopDocument, { input: { employees: i + 1 } });
      member(dataOf(await api.gqlAs(shop.accessToken, ApplyToCallDocument, { input: { callId: created.id, declarations: ['sede-italia'], answers: [] } })).applyToCall, 'CallApplication');
    }
    await sleep(Math.max(0, new Date(input.closesAt).getTime() - Date.now() + 200));
    member(dataOf(await api.gqlAs(staff.accessToken, CloseSelectionCallDocument, { id: created.id })).closeSelectionCall, 'SelectionCall');
    return created.id;
  };

  it('keeps the place for its shop when the call’s other offer does not reach it: it waits for the suspended offer, not "not reached", and gets the place back', async () => {
    const provider = await approvedProvider(api, staff);
    const national = await publishedOffer(api, provider, { capacity: 5, coverage: { national: true } });
    // Cuneo's province only: Torino's shops are beyond it.
    const elsewhere = await publishedOffer(api, provider, { capacity: 5, coverage: { provinceCodes: ['004'] } });
    const shops = [await shopIn(api, TORINO), await shopIn(api, TORINO)];
    const callId = await closedCall([national.id, elsewhere.id], shops);
    expect((await lines(callId)).map((l) => [l.status, l.reserveReason])).toEqual([['ADMITTED', null], ['RESERVE', 'CALL_FULL']]);

    await api.gqlAs(staff.accessToken, SuspendOfferDocument, { input: { offerId: national.id, reason: 'Le condizioni prevedono un canone dopo il periodo gratuito' } });
    await sweep();
    expect((await lines(callId))[0]).toMatchObject({ status: 'RESERVE', reserveReason: 'OFFER_SUSPENDED' });
    await api.gqlAs(staff.accessToken, ReinstateOfferDocument, { input: { offerId: national.id } });
    await api.gqlAs(provider.accessToken, ResumeOfferDocument, { id: national.id });
    await sweep();
    expect((await lines(callId)).map((l) => [l.status, l.reserveReason])).toEqual([['ADMITTED', null], ['RESERVE', 'CALL_FULL']]);
  }, 60_000);

  it('a shop whose released place the call gives again at once, on its other offer, hears of the new place alone', async () => {
    const provider = await approvedProvider(api, staff);
    const [first, second] = [await publishedOffer(api, provider, { capacity: 5, coverage: { national: true } }), await publishedOffer(api, provider, { capacity: 5, coverage: { national: true } })];
    const [shop] = [await shopIn(api, TORINO)];
    const callId = await closedCall([first.id, second.id], [shop]);
    await api.gqlAs(staff.accessToken, SuspendOfferDocument, { input: { offerId: first.id, reason: 'Le condizioni prevedono un canone dopo il periodo gratuito' } });
    await sweep();
    expect((await lines(callId))[0]).toMatchObject({ status: 'ADMITTED', matchState: 'PENDING' });
    const notices = dataOf(await api.gqlAs(shop.accessToken, MyNotificationsDocument, { first: 50 })).myNotifications.items.map((n) => [n.kind, n.messageIt]);
    // Admitted at the closing, then the new place: no "back in reserve", no "your request is open again".
    expect(notices.filter(([kind]) => kind === 'CALL_OUTCOME' || kind === 'MATCH_EXPIRED')).toEqual([
      ['CALL_OUTCOME', expect.stringMatching(/si è liberato un posto ed è ora tuo/)],
      ['CALL_OUTCOME', expect.any(String)],
    ]);
  }, 60_000);
});
