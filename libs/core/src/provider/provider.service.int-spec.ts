import { AuthErrorCode, AuthException } from '../auth/auth.exception';
import { UserRole } from '../auth/user-role';
import { Actor, RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { MatchApplicationService } from '../match/match-application.service';
import { MatchLifecycleService } from '../match/match-lifecycle.service';
import { ModerationService } from '../moderation/moderation.service';
import { randomPartitaIva, seedOffer, seedProvider, seedRequest, SeededShop, seedShops, seedUser } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { RegisterProvider } from './provider.commands';
import { ProviderEntity } from './provider.entity';
import { ProviderErrorCode, ProviderException } from './provider.exception';
import { ProviderService } from './provider.service';
import { ProviderKind, VerificationStatus } from './provider.types';

const { PENDING, APPROVED, REJECTED, SUSPENDED } = VerificationStatus;

// Its own database: the verification queue lists every provider, and only this file's may be there.
describe('provider organisations and their verification (real PostgreSQL)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  let providers: ProviderService;
  let staffMember: Actor;
  /** Staff acting now, so that each decision carries its own time. */
  const staff = (): RequestContext => actingAs(staffMember);
  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
    providers = core.app.get(ProviderService);
    staffMember = await seedUser(core.db, UserRole.MINISTRY);
  });
  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  const row = async (id: string): Promise<ProviderEntity> => core.db.getRepository(ProviderEntity).findOneByOrFail({ id });
  const audits = async (id: string): Promise<{ action: string; actor_user_id: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[]> =>
    core.db.query('SELECT action, actor_user_id, before, after FROM audit_event WHERE entity_id = $1 ORDER BY id', [id]);
  const matchOf = async (id: string): Promise<{ state: string; end_reason: string | null }> =>
    (await core.db.query('SELECT state, end_reason FROM match WHERE id = $1', [id]))[0];
  const notifications = async (userId: string): Promise<string[]> =>
    (await core.db.query('SELECT kind FROM notification WHERE user_id = $1 ORDER BY created_at, id', [userId])).map((n: { kind: string }) => n.kind);

  const anOrganisation = (overrides: Partial<RegisterProvider> = {}): RegisterProvider => ({
    name: 'Consegne Veloci S.r.l.',
    partitaIva: randomPartitaIva(),
    kind: ProviderKind.DELIVERY,
    website: 'https://consegne.example.it',
    description: 'Consegne a domicilio gratuite per sei mesi.',
    ...overrides,
  });

  async function registered(overrides: Partial<RegisterProvider> = {}): Promise<{ owner: Actor; provider: ProviderEntity }> {
    const owner = await seedUser(core.db, UserRole.PROVIDER);
    const outcome = await providers.register(actingAs(owner), anOrganisation(overrides));
    if (outcome.kind !== 'provider') throw new Error(`register: ${outcome.kind}`);
    return { owner, provider: outcome.provider };
  }

  async function decided(id: string, decision: VerificationStatus, reason?: string): Promise<ProviderEntity> {
    const outcome = await providers.verify(staff(), { providerId: id, decision, reason });
    if (outcome.kind !== 'provider') throw new Error(`verify ${decision}: ${JSON.stringify(outcome)}`);
    return outcome.provider;
  }

  describe('registration and changes', () => {
    it('writes the organisation of the calling account, awaiting verification, and audits it', async () => {
      const { owner, provider } = await registered();
      expect(await row(provider.id)).toMatchObject({
        ownerUserId: owner.userId,
        kind: ProviderKind.DELIVERY,
        verificationStatus: PENDING,
        verificationReason: null,
        verifiedAt: null,
        resubmittedAt: null,
      });
      const [event] = await audits(provider.id);
      expect(event).toMatchObject({ action: 'provider.registered', actor_user_id: owner.userId });
      expect(event.after).toMatchObject({ partitaIva: provider.partitaIva, verificationStatus: PENDING });
    });

    it('registers one organisation per account and per Partita IVA, and leaves nothing of the refused one', async () => {
      const { owner, provider } = await registered();
      expect(await providers.register(actingAs(owner), anOrganisation())).toEqual({ kind: 'already-registered' });
      const other = await seedUser(core.db, UserRole.PROVIDER);
      expect(await providers.register(actingAs(other), anOrganisation({ partitaIva: provider.partitaIva }))).toEqual({ kind: 'partita-iva-taken' });
      expect(await core.db.getRepository(ProviderEntity).countBy({ partitaIva: provider.partitaIva })).toBe(1);
      expect(await providers.findOwn(actingAs(other))).toBeNull();
      const shop = await seedUser(core.db, UserRole.SHOP);
      await expect(providers.register(actingAs(shop), anOrganisation())).rejects.toMatchObject({ code: AuthErrorCode.FORBIDDEN_ROLE });
    });

    it('changes only the caller’s own organisation; an account without one is told to register', async () => {
      const { owner, provider } = await registered();
      const { provider: other } = await registered({ name: 'Altra S.p.A.' });
      const updated = await providers.update(actingAs(owner), { name: 'Consegne Veloci S.p.A.', website: undefined });
      expect(updated).toMatchObject({ id: provider.id, name: 'Consegne Veloci S.p.A.', website: 'https://consegne.example.it', verificationStatus: PENDING });
      expect((await row(other.id)).name).toBe('Altra S.p.A.');
      expect((await audits(provider.id)).map((event) => event.action)).toEqual(['provider.registered', 'provider.updated']);

      const stranger = await seedUser(core.db, UserRole.PROVIDER);
      await expect(providers.update(actingAs(stranger), { name: 'Preso' })).rejects.toMatchObject({ code: ProviderErrorCode.PROVIDER_NOT_REGISTERED });
    });

    it('shows an organisation to its owner and to staff, and to anyone else as not found', async () => {
      const { owner, provider } = await registered();
      expect((await providers.get(actingAs(owner), provider.id)).id).toBe(provider.id);
      expect((await providers.get(staff(), provider.id)).id).toBe(provider.id);
      const error = await providers.get(actingAs(await seedUser(core.db, UserRole.PROVIDER)), provider.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderException);
      expect(error).toMatchObject({ code: ProviderErrorCode.PROVIDER_NOT_FOUND });
    });
  });

  describe('the verification state machine', () => {
    it('approves a pending organisation, recording who decided, when, and the audit event', async () => {
      const { provider } = await registered();
      const ctx = staff();
      const outcome = await providers.verify(ctx, { providerId: provider.id, decision: APPROVED });
      expect(outcome).toMatchObject({ kind: 'provider', previous: PENDING, provider: { verificationStatus: APPROVED } });
      expect(await row(provider.id)).toMatchObject({ verificationStatus: APPROVED, verifiedByUserId: staffMember.userId, verifiedAt: ctx.now, verificationReason: null });
      const event = (await audits(provider.id)).at(-1);
      expect(event).toMatchObject({
        action: 'provider.approved',
        actor_user_id: staffMember.userId,
        before: { verificationStatus: PENDING, verificationReason: null },
        after: { verificationStatus: APPROVED, verificationReason: null },
      });
    });

    it('allows exactly the transitions of the table, answering invalid-transition with the current status and changing nothing', async () => {
      const cases: [VerificationStatus, VerificationStatus, boolean][] = [
        [PENDING, SUSPENDED, false],
        [PENDING, PENDING, false],
        [APPROVED, REJECTED, false],
        [APPROVED, APPROVED, false],
        [APPROVED, SUSPENDED, true],
        [SUSPENDED, APPROVED, true],
        [SUSPENDED, REJECTED, true],
        [SUSPENDED, SUSPENDED, false],
        [REJECTED, APPROVED, false],
        [REJECTED, PENDING, false],
        [REJECTED, SUSPENDED, false],
      ];
      for (const [from, decision, allowed] of cases) {
        const { id } = await seedProvider(core.db, from);
        const outcome = await providers.verify(staff(), { providerId: id, decision, reason: 'Motivo della decisione' });
        const expected = allowed ? { kind: 'provider', previous: from } : { kind: 'invalid-transition', current: from };
        expect({ from, decision, outcome }).toMatchObject({ from, decision, outcome: expected });
        expect((await row(id)).verificationStatus).toBe(allowed ? decision : from);
        expect(await audits(id)).toHaveLength(allowed ? 1 : 0);
      }
    });

    it('sends a rejected organisation back to the queue when it corrects its details, and not when it changes nothing', async () => {
      const { owner, provider } = await registered();
      await decided(provider.id, REJECTED, 'La Partita IVA non corrisponde alla ragione sociale');

      const unchanged = await providers.update(actingAs(owner), { name: provider.name });
      expect(unchanged).toMatchObject({ verificationStatus: REJECTED, resubmittedAt: null });
      const at = new Date(Date.now() + 60_000);
      const corrected = await providers.update(actingAs(owner, at), { name: 'Consegne Veloci di Mario Rossi' });
      expect(corrected).toMatchObject({ verificationStatus: PENDING, resubmittedAt: at });
      expect(await row(provider.id)).toMatchObject({ verificationStatus: PENDING, name: 'Consegne Veloci di Mario Rossi', resubmittedAt: at });
      expect((await audits(provider.id)).map((event) => event.action)).toEqual(['provider.registered', 'provider.rejected', 'provider.updated', 'provider.resubmitted']);
      await expect(providers.verify(staff(), { providerId: provider.id, decision: APPROVED })).resolves.toMatchObject({ kind: 'provider', previous: PENDING });
    });

    it('leaves an approved or suspended organisation in its status when it changes its details', async () => {
      const { owner, provider } = await registered();
      await decided(provider.id, APPROVED);
      expect((await providers.update(actingAs(owner), { description: 'Nuova descrizione del servizio.' })).verificationStatus).toBe(APPROVED);
      await decided(provider.id, SUSPENDED, 'Segnalazioni dai negozi');
      expect((await providers.update(actingAs(owner), { description: 'Ancora un’altra descrizione.' })).verificationStatus).toBe(SUSPENDED);
    });

    it('is decided by staff only, and names an unknown organisation', async () => {
      const { owner, provider } = await registered();
      const refused = await providers.verify(actingAs(owner), { providerId: provider.id, decision: APPROVED }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AuthException);
      expect(refused).toMatchObject({ code: AuthErrorCode.FORBIDDEN_ROLE });
      await expect(providers.verify(staff(), { providerId: '00000000-0000-4000-8000-000000000000', decision: APPROVED })).rejects.toMatchObject({
        code: ProviderErrorCode.PROVIDER_NOT_FOUND,
      });
      expect((await row(provider.id)).verificationStatus).toBe(PENDING);
    });

    it('writes a decision in the caller’s transaction: if that fails, neither the status nor its audit event remain', async () => {
      const { provider } = await registered();
      const connection = core.app.get(TransactionalConnection);
      await expect(
        connection.withTransaction(staff(), async (tx) => {
          await providers.verify(tx, { providerId: provider.id, decision: APPROVED });
          throw new Error('a later step of the same decision failed');
        }),
      ).rejects.toThrow('a later step');
      expect(await row(provider.id)).toMatchObject({ verificationStatus: PENDING, verifiedAt: null, verifiedByUserId: null });
      expect((await audits(provider.id)).map((event) => event.action)).toEqual(['provider.registered']);
    });
  });

  describe('what a suspension means for shops (staff decisions through moderation)', () => {
    async function matchWith(shop: SeededShop, offerId: string): Promise<string> {
      const outcome = await core.app.get(MatchApplicationService).apply(actingAs(shop.owner), { helpRequestId: await seedRequest(core.db, shop.id), offerId, joinWaitlist: true });
      if (outcome.kind !== 'match') throw new Error(`apply: ${outcome.kind}`);
      return outcome.match.id;
    }

    it('releases held places at once, keeps accepted services and waitlist places, and tells everyone; a rejection then closes the waitlist', async () => {
      const provider = await seedProvider(core.db, APPROVED);
      const offerId = await seedOffer(core.db, provider.id, { capacity: 2 });
      const [accepted, held, waiting] = await seedShops(core.db, 3);
      const acceptedMatch = await matchWith(accepted, offerId);
      expect((await core.app.get(MatchLifecycleService).act(actingAs(provider.owner), acceptedMatch, 'accept')).kind).toBe('match');
      const heldMatch = await matchWith(held, offerId);
      const waitingMatch = await matchWith(waiting, offerId);
      expect((await matchOf(waitingMatch)).state).toBe('WAITLISTED');
      const moderation = core.app.get(ModerationService);

      await expect(moderation.verifyProvider(staff(), { providerId: provider.id, decision: SUSPENDED, reason: 'Segnalazioni dai negozi' })).resolves.toMatchObject({
        kind: 'provider',
      });
      expect(await matchOf(heldMatch)).toEqual({ state: 'EXPIRED', end_reason: 'PROVIDER_SUSPENDED' });
      expect((await matchOf(acceptedMatch)).state).toBe('ACCEPTED');
      expect((await matchOf(waitingMatch)).state).toBe('WAITLISTED');
      expect(await notifications(provider.owner.userId)).toContain('PROVIDER_DECISION');
      expect(await notifications(accepted.owner.userId)).toContain('PROVIDER_SUSPENDED');
      expect(await notifications(waiting.owner.userId)).toContain('PROVIDER_SUSPENDED');

      await moderation.verifyProvider(staff(), { providerId: provider.id, decision: REJECTED, reason: 'Documenti non validi' });
      expect(await matchOf(waitingMatch)).toEqual({ state: 'EXPIRED', end_reason: 'PROVIDER_REJECTED' });
      expect((await matchOf(acceptedMatch)).state).toBe('ACCEPTED');
      expect(await notifications(accepted.owner.userId)).toContain('PROVIDER_REJECTED');
      expect((await row(provider.id)).verificationStatus).toBe(REJECTED);
    });
  });

  describe('the verification queue', () => {
    it('lists organisations by status, oldest first, in pages, for staff only', async () => {
      const pending: ProviderEntity[] = [];
      for (let i = 0; i < 3; i++) pending.push((await registered()).provider);
      const all = await providers.list(staff(), { status: PENDING }, { first: 100, offset: 0 });
      const mine = all.items.filter((item) => pending.some((p) => p.id === item.id)).map((item) => item.id);
      expect(mine).toEqual(pending.map((p) => p.id));
      expect(all.items.every((item) => item.verificationStatus === PENDING)).toBe(true);
      expect(all.items.map((item) => item.id).slice(-3)).toEqual(pending.map((p) => p.id));

      const lastTwo = await providers.list(staff(), { status: PENDING }, { first: 2, offset: all.totalCount - 2 });
      expect(lastTwo).toMatchObject({ totalCount: all.totalCount, hasNextPage: false });
      expect(lastTwo.items.map((item) => item.id)).toEqual(pending.slice(1).map((p) => p.id));
      const { owner } = await registered();
      await expect(providers.list(actingAs(owner), {}, { first: 10, offset: 0 })).rejects.toMatchObject({ code: AuthErrorCode.FORBIDDEN_ROLE });
    });
  });
});
