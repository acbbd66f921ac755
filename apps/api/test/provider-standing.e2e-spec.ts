import { DataSource } from 'typeorm';
import { staffUser, SignedIn } from './testing/fixtures';
import {
  AcceptMatchDocument,
  ApplyToOfferDocument,
  AuditTrailDocument,
  ConfirmMatchActiveDocument,
  MyNotificationsDocument,
  MyProviderDocument,
  OfferModerationDocument,
  OfferVisibilityDocument,
  PauseOfferDocument,
  PublishOfferDocument,
  ReinstateOfferDocument,
  ResumeOfferDocument,
  SuspendOfferDocument,
  UpdateProviderDocument,
  type VerificationStatus,
  VerifyProviderDocument,
} from './gql/generated';
import { applyTo, askFor } from './testing/match-fixtures';
import { approvedProvider, createOffer, offerIds, publishedOffer, registeredProvider, shopIn } from './testing/offer-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

const TORINO = '001272';

describe('Provider standing: verification, suspension, offers awaiting verification, suspended offers', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  const decide = async (providerId: string, decision: VerificationStatus, reason?: string) =>
    dataOf(await api.gqlAs(staff.accessToken, VerifyProviderDocument, { input: { providerId, decision, reason } })).verifyProvider;
  const notes = async (who: SignedIn) => dataOf(await api.gqlAs(who.accessToken, MyNotificationsDocument, { first: 50 })).myNotifications.items;
  const myProvider = async (who: SignedIn) => dataOf(await api.gqlAs(who.accessToken, MyProviderDocument)).myProvider;
  /** What a shop was told about one match, by kind. */
  const toldAbout = async (who: SignedIn, matchId: string) => (await notes(who)).filter((n) => n.matchId === matchId).map((n) => n.kind);
  /** How the audit page words a match's expiry. */
  const expiryWords = async (matchId: string) =>
    dataOf(await api.gqlAs(staff.accessToken, AuditTrailDocument, { filter: { entityId: matchId, action: 'match.expired' }, first: 5 })).auditEvents.items.map((e) => [e.description, e.descriptionIt]);

  it('never turns a rejection into an approval: the organisation corrects its details, which sends them back to the queue', async () => {
    const provider = await registeredProvider(api);
    expect(await decide(provider.providerId, 'REJECTED', 'Partita IVA non corrisponde alla ragione sociale')).toMatchObject({ verificationStatus: 'REJECTED' });
    expect((await myProvider(provider))?.allowedDecisions).toEqual([]);

    const approve = await decide(provider.providerId, 'APPROVED');
    expect(approve).toMatchObject({ __typename: 'InvalidVerificationTransitionError', code: 'INVALID_TRANSITION', currentStatus: 'REJECTED' });
    expect(member(approve, 'InvalidVerificationTransitionError').messageIt).toBe(
      'L’organizzazione è respinta: non può diventare approvata: l’organizzazione deve prima correggere i propri dati, che tornano così in verifica',
    );

    // Saving the same details is not a resubmission.
    const [{ description }] = await db.query('SELECT description FROM provider WHERE id = $1', [provider.providerId]);
    const same = await api.gqlAs(provider.accessToken, UpdateProviderDocument, { input: { description } });
    expect(same.data?.updateProvider.verificationStatus).toBe('REJECTED');

    const corrected = await api.gqlAs(provider.accessToken, UpdateProviderDocument, { input: { name: 'Consegne Rapide S.r.l. (ragione sociale corretta)' } });
    expect(corrected.data?.updateProvider).toMatchObject({ verificationStatus: 'PENDING', resubmittedAt: expect.any(String) });
    expect(await myProvider(provider)).toMatchObject({ verificationReason: 'Partita IVA non corrisponde alla ragione sociale', allowedDecisions: ['APPROVED', 'REJECTED'] });
    expect(await decide(provider.providerId, 'APPROVED')).toMatchObject({ __typename: 'Provider', verificationStatus: 'APPROVED' });
    const audit = await db.query(`SELECT action FROM audit_event WHERE entity_id = $1 AND action LIKE 'provider.%' ORDER BY id`, [provider.providerId]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['provider.registered', 'provider.rejected', 'provider.updated', 'provider.resubmitted', 'provider.approved']);
  });

  it('keeps the name and website the Ministry verified: an approved or suspended organisation cannot change them alone, and nothing is written', async () => {
    const provider = await approvedProvider(api, staff);
    const [before] = await db.query('SELECT name, website, description FROM provider WHERE id = $1', [provider.providerId]);
    const renamed = await api.gqlAs(provider.accessToken, UpdateProviderDocument, { input: { name: 'Poste Italiane S.p.A. – servizio ufficiale', description: 'Una descrizione cambiata insieme al nome.' } });
    expect(renamed.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        expect.objectContaining({
          field: 'input.name',
          code: 'VERIFIED_DETAIL_LOCKED',
          messageIt:
            'input.name: il Ministero ha verificato la tua organizzazione con questo nome e questo sito, che quindi non si possono cambiare da qui; per cambiarli scrivi al Dipartimento dalla pagina Contatti',
        }),
      ],
    });
    const moved = await api.gqlAs(provider.accessToken, UpdateProviderDocument, { input: { website: 'poste-ufficiale.example.com' } });
    expect(moved.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.website', code: 'VERIFIED_DETAIL_LOCKED' })] });
    expect(await db.query('SELECT name, website, description FROM provider WHERE id = $1', [provider.providerId])).toEqual([before]);

    // The same name and website sent back unchanged, with a new description, are fine.
    const described = await api.gqlAs(provider.accessToken, UpdateProviderDocument, { input: { name: before.name, website: before.website, description: 'Formazione gratuita sul commercio elettronico per i negozi.' } });
    expect(dataOf(described).updateProvider).toMatchObject({ verificationStatus: 'APPROVED' });
    expect(await db.query('SELECT name, website, description FROM provider WHERE id = $1', [provider.providerId])).toEqual([{ ...before, description: 'Formazione gratuita sul commercio elettronico per i negozi.' }]);

    // Suspended, still locked.
    expect(await decide(provider.providerId, 'SUSPENDED', 'Verifica in corso')).toMatchObject({ verificationStatus: 'SUSPENDED' });
    const whileSuspended = await api.gqlAs(provider.accessToken, UpdateProviderDocument, { input: { name: 'Un altro nome S.r.l.' } });
    expect(whileSuspended.errors?.[0].extensions).toMatchObject({ fields: [expect.objectContaining({ field: 'input.name', code: 'VERIFIED_DETAIL_LOCKED' })] });
  });

  it('freezes a suspended provider: its held places are released and each shop is told what happens to its place or service', async () => {
    const provider = await approvedProvider(api, staff);
    const offer = await publishedOffer(api, provider, { capacity: 2, coverage: { comuneCodes: [TORINO] } });
    const pendingShop = await shopIn(api, TORINO);
    const activeShop = await shopIn(api, TORINO);
    const waitingShop = await shopIn(api, TORINO);
    const active = await applyTo(api, activeShop, await askFor(api, activeShop), offer.id);
    member(dataOf(await api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: active.id })).acceptMatch, 'Match');
    member(dataOf(await api.gqlAs(activeShop.accessToken, ConfirmMatchActiveDocument, { id: active.id })).confirmMatchActive, 'Match');
    const pendingRequest = await askFor(api, pendingShop);
    const pending = await applyTo(api, pendingShop, pendingRequest, offer.id);
    const waiting = await applyTo(api, waitingShop, await askFor(api, waitingShop), offer.id);
    expect([pending.state, waiting.state]).toEqual(['PENDING', 'WAITLISTED']);

    expect(await decide(provider.providerId, 'SUSPENDED', 'Condizioni a pagamento segnalate da più negozi')).toMatchObject({ verificationStatus: 'SUSPENDED' });

    const accept = await api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: pending.id });
    expect(accept.data?.acceptMatch).toMatchObject({ __typename: 'ProviderNotApprovedError', code: 'PROVIDER_NOT_APPROVED', verificationStatus: 'SUSPENDED' });
    const rows = await db.query('SELECT id, state, end_reason FROM match WHERE offer_id = $1 ORDER BY created_at', [offer.id]);
    expect(rows).toEqual([
      { id: active.id, state: 'ACTIVE', end_reason: null },
      { id: pending.id, state: 'EXPIRED', end_reason: 'PROVIDER_SUSPENDED' },
      { id: waiting.id, state: 'WAITLISTED', end_reason: null },
    ]);
    const [{ status }] = await db.query('SELECT status FROM help_request WHERE id = $1', [pendingRequest]);
    expect(status).toBe('OPEN');

    expect((await notes(pendingShop)).map((n) => n.messageIt)).toContainEqual(expect.stringContaining('è di nuovo aperta (il Ministero ha sospeso il fornitore)'));
    // The released place is told as released, and only so: the service the provider never accepted does not "continue".
    expect(await toldAbout(pendingShop, pending.id)).toEqual(['MATCH_EXPIRED']);
    expect(await toldAbout(activeShop, active.id)).toContain('PROVIDER_SUSPENDED');
    expect(await expiryWords(pending.id)).toEqual([['Place held released: the Ministry suspended the provider', 'Posto trattenuto liberato: il Ministero ha sospeso il fornitore']]);
    expect((await notes(waitingShop)).find((n) => n.kind === 'PROVIDER_SUSPENDED')?.messageIt).toMatch(/Mantieni il tuo posto in lista d’attesa/);
    expect((await notes(activeShop)).find((n) => n.kind === 'PROVIDER_SUSPENDED')?.messageIt).toMatch(/non interrompe il servizio concordato.*Puoi rinunciarvi/);
    expect((await notes(provider)).map((n) => n.kind)).toContain('PROVIDER_DECISION');

    const pause = await api.gqlAs(provider.accessToken, PauseOfferDocument, { id: offer.id });
    expect(pause.data?.pauseOffer.__typename).toBe('Offer');
    const resume = await api.gqlAs(provider.accessToken, ResumeOfferDocument, { id: offer.id });
    expect(resume.data?.resumeOffer).toMatchObject({ __typename: 'ProviderNotApprovedError', code: 'PROVIDER_NOT_APPROVED' });
  });

  it('shows an offer published by a provider awaiting verification as awaiting verification, until the provider is approved', async () => {
    const provider = await registeredProvider(api);
    const offer = await createOffer(api, provider);
    const published = await api.gqlAs(provider.accessToken, PublishOfferDocument, { id: offer.id });
    expect(published.data?.publishOffer).toMatchObject({ __typename: 'Offer', status: 'PUBLISHED' });
    const visibility = async (): Promise<string> => dataOf(await api.gqlAs(provider.accessToken, OfferVisibilityDocument, { id: offer.id })).offer.visibility;
    expect(await visibility()).toBe('AWAITING_VERIFICATION');
    const shop = await shopIn(api, TORINO);
    expect(await offerIds(api, shop.accessToken, { comuneCode: TORINO })).not.toContain(offer.id);
    expect(await decide(provider.providerId, 'APPROVED')).toMatchObject({ __typename: 'Provider', verificationStatus: 'APPROVED' });
    expect(await visibility()).toBe('VISIBLE');
    expect(await offerIds(api, shop.accessToken, { comuneCode: TORINO })).toContain(offer.id);
  });

  it('lets staff suspend an offer whose conditions ask for money: the provider is told why, shops no longer see it, only staff lift it', async () => {
    const provider = await approvedProvider(api, staff);
    const offer = await publishedOffer(api, provider, { coverage: { comuneCodes: [TORINO] }, conditions: 'Gratis per tre mesi. Dopo il periodo si paga 30 euro al mese.' });
    const shop = await shopIn(api, TORINO);
    const held = await applyTo(api, shop, await askFor(api, shop), offer.id);
    expect(held.state).toBe('PENDING');

    const reason = 'Le condizioni prevedono un canone dopo il periodo gratuito';
    const suspended = await api.gqlAs(staff.accessToken, SuspendOfferDocument, { input: { offerId: offer.id, reason } });
    expect(suspended.data?.suspendOffer).toEqual({ __typename: 'Offer', status: 'SUSPENDED', visibility: 'SUSPENDED_BY_MINISTRY', moderationReason: reason });
    expect((await notes(provider)).find((n) => n.kind === 'OFFER_MODERATED')?.messageIt).toContain(`(${reason})`);
    expect(await offerIds(api, shop.accessToken, { comuneCode: TORINO })).not.toContain(offer.id);
    const [{ state }] = await db.query('SELECT state FROM match WHERE id = $1', [held.id]);
    expect(state).toBe('EXPIRED');
    expect(await toldAbout(shop, held.id)).toEqual(['MATCH_EXPIRED']);
    expect(await expiryWords(held.id)).toEqual([['Place held released: the Ministry suspended the offer', 'Posto trattenuto liberato: il Ministero ha sospeso l’offerta']]);
    const again = await api.gqlAs(shop.accessToken, ApplyToOfferDocument, { input: { helpRequestId: held.helpRequestId, offerId: offer.id, joinWaitlist: true } });
    expect(again.data?.applyToOffer).toMatchObject({ __typename: 'NotEligibleError' });

    const resume = await api.gqlAs(provider.accessToken, ResumeOfferDocument, { id: offer.id });
    expect(resume.data?.resumeOffer).toMatchObject({ __typename: 'InvalidOfferTransitionError', currentStatus: 'SUSPENDED' });
    const byProvider = await api.gqlAs(provider.accessToken, ReinstateOfferDocument, { input: { offerId: offer.id } });
    expect(byProvider.errors?.[0].extensions.code).toBe('FORBIDDEN');

    const lifted = await api.gqlAs(staff.accessToken, ReinstateOfferDocument, { input: { offerId: offer.id, note: 'Condizioni corrette' } });
    expect(lifted.data?.reinstateOffer).toEqual({ __typename: 'Offer', status: 'PAUSED' });
    const resumed = await api.gqlAs(provider.accessToken, ResumeOfferDocument, { id: offer.id });
    expect(resumed.data?.resumeOffer).toMatchObject({ __typename: 'Offer', status: 'PUBLISHED' });
    // Staff's note is for the provider (and staff): a shop or another provider reading the published offer gets nothing of it (nor does a visitor, where a call shows it).
    const moderation = async (token?: string) => (await api.gqlHttp(OfferModerationDocument, { id: offer.id }, token ? { authorization: `Bearer ${token}` } : {})).body.data?.offer;
    expect(await moderation(provider.accessToken)).toEqual({ moderationReason: 'Condizioni corrette', moderatedAt: expect.any(String) });
    expect(await moderation(staff.accessToken)).toEqual({ moderationReason: 'Condizioni corrette', moderatedAt: expect.any(String) });
    const otherProvider = await approvedProvider(api, staff);
    for (const reader of [shop.accessToken, otherProvider.accessToken]) expect(await moderation(reader)).toEqual({ moderationReason: null, moderatedAt: null });
  });
});
