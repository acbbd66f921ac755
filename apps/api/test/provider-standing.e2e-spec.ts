import { DataSource } from 'typeorm';
import { staffUser, SignedIn } from './testing/fixtures';
import { APPLY, applyTo, askFor, MatchResult, step } from './testing/match-fixtures';
import { approvedProvider, createOffer, offerIds, publishedOffer, registeredProvider, shopIn, statusMutation } from './testing/offer-fixtures';
import { startTestApp, TestApp } from './testing/test-app';

const VERIFY = `mutation ($input: VerifyProviderInput!) {
  verifyProvider(input: $input) {
    __typename
    ... on Provider { verificationStatus allowedDecisions }
    ... on InvalidVerificationTransitionError { code currentStatus message messageIt }
  }
}`;
const MY_PROVIDER = '{ myProvider { verificationStatus verificationReason resubmittedAt allowedDecisions } }';
const UPDATE_PROVIDER = 'mutation ($input: UpdateProviderInput!) { updateProvider(input: $input) { verificationStatus resubmittedAt } }';
const ACCEPT = `mutation ($id: ID!) {
  acceptMatch(id: $id) { __typename ... on BusinessError { code message messageIt } ... on ProviderNotApprovedError { verificationStatus } }
}`;
const VISIBILITY = 'query ($id: ID!) { offer(id: $id) { status visibility moderationReason } }';
const SUSPEND_OFFER = `mutation ($input: SuspendOfferInput!) {
  suspendOffer(input: $input) { __typename ... on Offer { status visibility moderationReason } ... on BusinessError { code } }
}`;
const REINSTATE_OFFER = `mutation ($input: ReinstateOfferInput!) {
  reinstateOffer(input: $input) { __typename ... on Offer { status } ... on BusinessError { code } }
}`;
const NOTIFICATIONS = '{ myNotifications(first: 50) { items { kind message messageIt } } }';
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

  const decide = (providerId: string, decision: string, reason?: string) =>
    api.gqlAs<{ verifyProvider: { __typename: string; verificationStatus?: string; code?: string; currentStatus?: string; messageIt?: string } }>(staff.accessToken, VERIFY, {
      input: { providerId, decision, reason },
    });
  const notes = async (who: SignedIn) =>
    (await api.gqlAs<{ myNotifications: { items: { kind: string; messageIt: string }[] } }>(who.accessToken, NOTIFICATIONS)).data?.myNotifications.items ?? [];

  it('never turns a rejection into an approval: the organisation corrects its details, which sends them back to the queue', async () => {
    const provider = await registeredProvider(api);
    expect((await decide(provider.providerId, 'REJECTED', 'Partita IVA non corrisponde alla ragione sociale')).data?.verifyProvider.verificationStatus).toBe('REJECTED');
    expect((await api.gqlAs<{ myProvider: { allowedDecisions: string[] } }>(provider.accessToken, MY_PROVIDER)).data?.myProvider.allowedDecisions).toEqual([]);

    const approve = await decide(provider.providerId, 'APPROVED');
    expect(approve.data?.verifyProvider).toMatchObject({ __typename: 'InvalidVerificationTransitionError', code: 'INVALID_TRANSITION', currentStatus: 'REJECTED' });
    expect(approve.data?.verifyProvider.messageIt).toBe(
      'L’organizzazione è respinta: non può diventare approvata: l’organizzazione deve prima correggere i propri dati, che tornano così in verifica',
    );

    // Saving the same details is not a resubmission.
    const [{ description }] = await db.query('SELECT description FROM provider WHERE id = $1', [provider.providerId]);
    const same = await api.gqlAs<{ updateProvider: { verificationStatus: string } }>(provider.accessToken, UPDATE_PROVIDER, { input: { description } });
    expect(same.data?.updateProvider.verificationStatus).toBe('REJECTED');

    const corrected = await api.gqlAs<{ updateProvider: { verificationStatus: string; resubmittedAt: string } }>(provider.accessToken, UPDATE_PROVIDER, {
      input: { name: 'Consegne Rapide S.r.l. (ragione sociale corretta)' },
    });
    expect(corrected.data?.updateProvider).toEqual({ verificationStatus: 'PENDING', resubmittedAt: expect.any(String) });
    const mine = await api.gqlAs<{ myProvider: { verificationReason: string; allowedDecisions: string[] } }>(provider.accessToken, MY_PROVIDER);
    expect(mine.data?.myProvider).toMatchObject({ verificationReason: 'Partita IVA non corrisponde alla ragione sociale', allowedDecisions: ['APPROVED', 'REJECTED'] });
    expect((await decide(provider.providerId, 'APPROVED')).data?.verifyProvider.verificationStatus).toBe('APPROVED');
    const audit = await db.query(`SELECT action FROM audit_event WHERE entity_id = $1 AND action LIKE 'provider.%' ORDER BY id`, [provider.providerId]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['provider.registered', 'provider.rejected', 'provider.updated', 'provider.resubmitted', 'provider.approved']);
  });

  it('freezes a suspended provider: its held places are released and each shop is told what happens to its place or service', async () => {
    const provider = await approvedProvider(api, staff);
    const offer = await publishedOffer(api, provider, { capacity: 2, coverage: { comuneCodes: [TORINO] } });
    const pendingShop = await shopIn(api, TORINO);
    const activeShop = await shopIn(api, TORINO);
    const waitingShop = await shopIn(api, TORINO);
    const active = await applyTo(api, activeShop, await askFor(api, activeShop), offer.id);
    await api.gqlAs(provider.accessToken, step('acceptMatch'), { id: active.id });
    await api.gqlAs(activeShop.accessToken, step('confirmMatchActive'), { id: active.id });
    const pendingRequest = await askFor(api, pendingShop);
    const pending = await applyTo(api, pendingShop, pendingRequest, offer.id);
    const waiting = await applyTo(api, waitingShop, await askFor(api, waitingShop), offer.id);
    expect([pending.state, waiting.state]).toEqual(['PENDING', 'WAITLISTED']);

    expect((await decide(provider.providerId, 'SUSPENDED', 'Condizioni a pagamento segnalate da più negozi')).data?.verifyProvider.verificationStatus).toBe('SUSPENDED');

    const accept = await api.gqlAs<{ acceptMatch: { __typename: string; code: string; verificationStatus: string } }>(provider.accessToken, ACCEPT, { id: pending.id });
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
    expect((await notes(waitingShop)).find((n) => n.kind === 'PROVIDER_SUSPENDED')?.messageIt).toMatch(/Mantieni il tuo posto in lista d’attesa/);
    expect((await notes(activeShop)).find((n) => n.kind === 'PROVIDER_SUSPENDED')?.messageIt).toMatch(/non interrompe il servizio concordato.*Puoi rinunciarvi/);
    expect((await notes(provider)).map((n) => n.kind)).toContain('PROVIDER_DECISION');

    const pause = await api.gqlAs<{ pauseOffer: { __typename: string } }>(provider.accessToken, statusMutation('pauseOffer'), { id: offer.id });
    expect(pause.data?.pauseOffer.__typename).toBe('Offer');
    const resume = await api.gqlAs<{ resumeOffer: { __typename: string; code?: string } }>(provider.accessToken, statusMutation('resumeOffer'), { id: offer.id });
    expect(resume.data?.resumeOffer).toMatchObject({ __typename: 'ProviderNotApprovedError', code: 'PROVIDER_NOT_APPROVED' });
  });

  it('shows an offer published by a provider awaiting verification as awaiting verification, until the provider is approved', async () => {
    const provider = await registeredProvider(api);
    const offer = await createOffer(api, provider);
    const published = await api.gqlAs<{ publishOffer: { __typename: string; status: string } }>(provider.accessToken, statusMutation('publishOffer'), { id: offer.id });
    expect(published.data?.publishOffer).toMatchObject({ __typename: 'Offer', status: 'PUBLISHED' });
    const visibility = async (): Promise<string | undefined> =>
      (await api.gqlAs<{ offer: { visibility: string } }>(provider.accessToken, VISIBILITY, { id: offer.id })).data?.offer.visibility;
    expect(await visibility()).toBe('AWAITING_VERIFICATION');
    const shop = await shopIn(api, TORINO);
    expect(await offerIds(api, shop.accessToken, { comuneCode: TORINO })).not.toContain(offer.id);
    await decide(provider.providerId, 'APPROVED');
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
    const suspended = await api.gqlAs<{ suspendOffer: { __typename: string; status: string; visibility: string; moderationReason: string } }>(staff.accessToken, SUSPEND_OFFER, {
      input: { offerId: offer.id, reason },
    });
    expect(suspended.data?.suspendOffer).toEqual({ __typename: 'Offer', status: 'SUSPENDED', visibility: 'SUSPENDED_BY_MINISTRY', moderationReason: reason });
    expect((await notes(provider)).find((n) => n.kind === 'OFFER_MODERATED')?.messageIt).toContain(`(${reason})`);
    expect(await offerIds(api, shop.accessToken, { comuneCode: TORINO })).not.toContain(offer.id);
    const [{ state }] = await db.query('SELECT state FROM match WHERE id = $1', [held.id]);
    expect(state).toBe('EXPIRED');
    const again = await api.gqlAs<{ applyToOffer: MatchResult }>(shop.accessToken, APPLY, { input: { helpRequestId: held.helpRequestId, offerId: offer.id, joinWaitlist: true } });
    expect(again.data?.applyToOffer).toMatchObject({ __typename: 'NotEligibleError' });

    const resume = await api.gqlAs<{ resumeOffer: { __typename: string; currentStatus?: string } }>(provider.accessToken, statusMutation('resumeOffer'), { id: offer.id });
    expect(resume.data?.resumeOffer).toMatchObject({ __typename: 'InvalidOfferTransitionError', currentStatus: 'SUSPENDED' });
    const byProvider = await api.gqlAs(provider.accessToken, REINSTATE_OFFER, { input: { offerId: offer.id } });
    expect(byProvider.errors?.[0].extensions.code).toBe('FORBIDDEN');

    const lifted = await api.gqlAs<{ reinstateOffer: { __typename: string; status: string } }>(staff.accessToken, REINSTATE_OFFER, { input: { offerId: offer.id, note: 'Condizioni corrette' } });
    expect(lifted.data?.reinstateOffer).toEqual({ __typename: 'Offer', status: 'PAUSED' });
    const resumed = await api.gqlAs<{ resumeOffer: { __typename: string; status: string } }>(provider.accessToken, statusMutation('resumeOffer'), { id: offer.id });
    expect(resumed.data?.resumeOffer).toMatchObject({ __typename: 'Offer', status: 'PUBLISHED' });
  });
});
