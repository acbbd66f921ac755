import { ServiceCategory } from '@vec/matching';
import { AccountAdminService } from '../auth/account-admin.service';
import { AccountStatus } from '../auth/account-admin.commands';
import { UserRole } from '../auth/user-role';
import { RequestContext } from '../common/request-context';
import { seedOffer, seedProvider, seedRequest, SeededProvider, SeededShop, seedShops, seedUser } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { MatchApplicationService } from './match-application.service';
import { MatchLifecycleService } from './match-lifecycle.service';
import { MatchMaintenanceService } from './match-maintenance.service';
import { SYSTEM_REASON } from './match-reasons';

const DAY_MS = 86_400_000;

// Its own database: the sweeps run months ahead and would change every other test's matches too.
describe('what the platform does on its own: free periods end, waitlists close or move (real PostgreSQL)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  let maintenance: MatchMaintenanceService;
  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
    maintenance = core.app.get(MatchMaintenanceService);
  });
  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  const system = (at: Date): RequestContext => RequestContext.system(at);
  const match = async (id: string): Promise<{ state: string; end_reason: string | null; completed_at: Date | null; respond_by: Date | null }> =>
    (await core.db.query('SELECT state, end_reason, completed_at, respond_by FROM match WHERE id = $1', [id]))[0];
  const used = async (offerId: string): Promise<number> => (await core.db.query('SELECT used FROM offer WHERE id = $1', [offerId]))[0].used;
  const notified = async (userId: string, kind: string): Promise<number> =>
    (await core.db.query('SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = $2', [userId, kind]))[0].n;

  /** Applies at `at` with a request made at `asked` (the waitlist's order), joining the waitlist if full. */
  async function apply(shop: SeededShop, offerId: string, at: Date, category = ServiceCategory.ONLINE_STORE, asked = at): Promise<string> {
    const helpRequestId = await seedRequest(core.db, shop.id, category, asked);
    const outcome = await core.app.get(MatchApplicationService).apply(actingAs(shop.owner, at), { helpRequestId, offerId, joinWaitlist: true });
    if (outcome.kind !== 'match') throw new Error(`apply: ${outcome.kind}`);
    return outcome.match.id;
  }

  async function activated(provider: SeededProvider, shop: SeededShop, matchId: string, at: Date): Promise<void> {
    const lifecycle = core.app.get(MatchLifecycleService);
    expect((await lifecycle.act(actingAs(provider.owner, at), matchId, 'accept')).kind).toBe('match');
    expect((await lifecycle.act(actingAs(shop.owner, at), matchId, 'activate')).kind).toBe('match');
  }

  it('completes an active service when its free period is over, once, keeping its place counted and telling the provider', async () => {
    const start = new Date();
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 2, freePeriodMonths: 6 });
    const [shop] = await seedShops(core.db, 1);
    const matchId = await apply(shop, offerId, start);
    await activated(provider, shop, matchId, start);

    const beforeEnd = new Date(start.getTime() + 180 * DAY_MS);
    expect(await maintenance.completeEnded(system(beforeEnd))).toBe(0);
    expect((await match(matchId)).state).toBe('ACTIVE');

    const afterEnd = new Date(start.getTime() + 190 * DAY_MS);
    expect(await maintenance.completeEnded(system(afterEnd))).toBe(1);
    expect(await maintenance.completeEnded(system(afterEnd))).toBe(0);
    const done = await match(matchId);
    expect(done.state).toBe('COMPLETED');
    expect(done.completed_at?.getTime()).toBe(afterEnd.getTime());
    expect(await used(offerId)).toBe(1);
    expect(await notified(provider.owner.userId, 'MATCH_COMPLETED')).toBe(1);
  });

  it('lets a provider neither accept nor decline a held place once its answer is overdue: the sweep releases it, with no refusal recorded', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 1 });
    const [shop] = await seedShops(core.db, 1);
    const held = await apply(shop, offerId, now);
    const { respond_by: respondBy } = await match(held);
    const late = new Date((respondBy as Date).getTime() + 60_000);
    const lifecycle = core.app.get(MatchLifecycleService);
    expect((await lifecycle.act(actingAs(provider.owner, late), held, 'decline', 'Siamo al completo')).kind).toBe('deadline-passed');
    expect((await lifecycle.act(actingAs(provider.owner, late), held, 'accept')).kind).toBe('deadline-passed');
    expect((await match(held)).state).toBe('PENDING');
    expect(await maintenance.expireHolds(system(late))).toBe(1);
    expect(await match(held)).toMatchObject({ state: 'EXPIRED', end_reason: SYSTEM_REASON.NO_ANSWER });
  });

  it('closes the waitlist of an offer that was closed, with the reason, and frees nothing', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 1 });
    const [holder, waiting] = await seedShops(core.db, 2);
    const held = await apply(holder, offerId, now);
    const waitlisted = await apply(waiting, offerId, now);
    expect((await match(waitlisted)).state).toBe('WAITLISTED');
    await core.db.query(`UPDATE offer SET status = 'CLOSED' WHERE id = $1`, [offerId]);

    expect(await maintenance.expireHolds(system(now))).toBe(1);
    expect(await match(waitlisted)).toMatchObject({ state: 'EXPIRED', end_reason: SYSTEM_REASON.OFFER_ENDED });
    expect((await match(held)).state).toBe('PENDING');
    expect(await used(offerId)).toBe(1);
  });

  it('releases what a shop whose account an admin disabled holds or waits for, once, telling the providers; the next on the waitlist gets the place', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    const [held, full] = [await seedOffer(core.db, provider.id, { capacity: 1 }), await seedOffer(core.db, provider.id, { capacity: 1, categories: [ServiceCategory.HOME_DELIVERY] })];
    const [disabled, next, other] = await seedShops(core.db, 3);
    const heldMatch = await apply(disabled, held, now);
    const nextMatch = await apply(next, held, now);
    await apply(other, full, now, ServiceCategory.HOME_DELIVERY);
    const waitingMatch = await apply(disabled, full, now, ServiceCategory.HOME_DELIVERY);
    expect((await match(waitingMatch)).state).toBe('WAITLISTED');

    const admin = actingAs(await seedUser(core.db, UserRole.ADMIN), now);
    expect((await core.app.get(AccountAdminService).setStatus(admin, { userId: disabled.owner.userId, status: AccountStatus.DISABLED, reason: 'Account compromesso' })).kind).toBe('changed');
    // Disabling queued the sweep (run here by hand: this test has no worker).
    const [{ queued }] = await core.db.query(`SELECT count(*)::int AS queued FROM pgboss.job WHERE name = 'match-expire-holds' AND state = 'created'`);
    expect(queued).toBeGreaterThanOrEqual(1);
    expect(await maintenance.expireHolds(system(now))).toBe(2);
    expect(await maintenance.expireHolds(system(now))).toBe(0);
    expect(await match(heldMatch)).toMatchObject({ state: 'EXPIRED', end_reason: SYSTEM_REASON.SHOP_ACCOUNT_DISABLED });
    expect(await match(waitingMatch)).toMatchObject({ state: 'EXPIRED', end_reason: SYSTEM_REASON.SHOP_ACCOUNT_DISABLED });
    expect(await used(held)).toBe(0);
    expect(await notified(provider.owner.userId, 'MATCH_EXPIRED')).toBe(2);
    expect(await maintenance.promoteWaitlist(system(now), held)).toBe(1);
    expect((await match(nextMatch)).state).toBe('PENDING');
  });

  it('gives a raised capacity to the waitlist in priority order, and the new hold its answer window', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 1 });
    const [holder, younger, older] = await seedShops(core.db, 3);
    await apply(holder, offerId, now);
    const youngerMatch = await apply(younger, offerId, now, ServiceCategory.ONLINE_STORE, new Date(now.getTime() - 1 * DAY_MS));
    const olderMatch = await apply(older, offerId, now, ServiceCategory.ONLINE_STORE, new Date(now.getTime() - 20 * DAY_MS));
    await core.db.query('UPDATE offer SET capacity = 2 WHERE id = $1', [offerId]);

    expect(await maintenance.sweepWaitlists(system(now))).toBe(1);
    expect(await maintenance.sweepWaitlists(system(now))).toBe(0);
    const promoted = await match(olderMatch);
    expect(promoted.state).toBe('PENDING');
    expect(promoted.respond_by?.getTime()).toBe(now.getTime() + 5 * DAY_MS);
    expect((await match(youngerMatch)).state).toBe('WAITLISTED');
    expect(await used(offerId)).toBe(2);
    expect(await notified(older.owner.userId, 'MATCH_PROMOTED')).toBe(1);
  });

  it('expires a waitlisted entry the offer no longer fits, and keeps one that only its shop limits hold back', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 1, categories: [ServiceCategory.ONLINE_STORE, ServiceCategory.HOME_DELIVERY] });
    const [holder, unfit, limited] = await seedShops(core.db, 3);
    await apply(holder, offerId, now);
    const unfitMatch = await apply(unfit, offerId, now, ServiceCategory.HOME_DELIVERY, new Date(now.getTime() - 10 * DAY_MS));
    const limitedMatch = await apply(limited, offerId, now, ServiceCategory.ONLINE_STORE, new Date(now.getTime() - 5 * DAY_MS));
    // The provider narrows the offer, and the other shop gets an online store elsewhere meanwhile.
    await core.db.query(`UPDATE offer SET categories = ARRAY['ONLINE_STORE']::service_category[], capacity = 2 WHERE id = $1`, [offerId]);
    const elsewhere = await seedOffer(core.db, (await seedProvider(core.db)).id);
    const other = await core.app.get(MatchApplicationService).apply(actingAs(limited.owner, now), {
      helpRequestId: await seedRequest(core.db, limited.id, ServiceCategory.ONLINE_STORE, now),
      offerId: elsewhere,
      joinWaitlist: false,
    });
    expect(other.kind).toBe('match');

    expect(await maintenance.promoteWaitlist(system(now), offerId)).toBe(0);
    expect(await match(unfitMatch)).toMatchObject({ state: 'EXPIRED', end_reason: SYSTEM_REASON.NO_LONGER_ELIGIBLE });
    expect((await match(limitedMatch)).state).toBe('WAITLISTED');
    expect(await used(offerId)).toBe(1);
  });

  it('leaves the waitlist alone while the offer is paused or its provider suspended, and promotes it once open again', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 1 });
    const [holder, waiting] = await seedShops(core.db, 2);
    await apply(holder, offerId, now);
    const waitlisted = await apply(waiting, offerId, now);
    await core.db.query('UPDATE offer SET capacity = 2 WHERE id = $1', [offerId]);

    await core.db.query(`UPDATE offer SET status = 'PAUSED' WHERE id = $1`, [offerId]);
    expect(await maintenance.promoteWaitlist(system(now), offerId)).toBe(0);
    expect((await match(waitlisted)).state).toBe('WAITLISTED');
    await core.db.query(`UPDATE offer SET status = 'PUBLISHED' WHERE id = $1`, [offerId]);
    await core.db.query(`UPDATE provider SET verification_status = 'SUSPENDED' WHERE id = $1`, [provider.id]);
    expect(await maintenance.promoteWaitlist(system(now), offerId)).toBe(0);
    expect((await match(waitlisted)).state).toBe('WAITLISTED');

    await core.db.query(`UPDATE provider SET verification_status = 'APPROVED' WHERE id = $1`, [provider.id]);
    expect(await maintenance.promoteWaitlist(system(now), offerId)).toBe(1);
    expect((await match(waitlisted)).state).toBe('PENDING');
  });

  it('goes on with the other waitlists when one offer cannot be promoted', async () => {
    const now = new Date();
    const provider = await seedProvider(core.db);
    const broken = await seedOffer(core.db, provider.id, { capacity: 1, categories: [ServiceCategory.ONLINE_STORE, ServiceCategory.MARKETPLACE_LISTING] });
    const healthy = await seedOffer(core.db, provider.id, { capacity: 1 });
    const [a, b, shop, waiting] = await seedShops(core.db, 4);
    await apply(a, broken, now);
    await apply(b, healthy, now);
    const stuck = await apply(shop, broken, now);
    const next = await apply(waiting, healthy, now);
    // Rows as an older release could leave them: the request moved to another service under its
    // waitlist place, and the shop holds a live match in the place's own category elsewhere.
    await core.db.query(`UPDATE help_request SET category = 'MARKETPLACE_LISTING' WHERE id = (SELECT help_request_id FROM match WHERE id = $1)`, [stuck]);
    const elsewhere = await seedOffer(core.db, provider.id);
    await apply(shop, elsewhere, now);
    await core.db.query('UPDATE offer SET capacity = 2 WHERE id = ANY($1)', [[broken, healthy]]);

    expect(await maintenance.sweepWaitlists(system(now))).toBe(1);
    expect((await match(next)).state).toBe('PENDING');
    expect((await match(stuck)).state).toBe('WAITLISTED');
  });
});
