import { hashPassword } from '../auth/password-hasher';
import { UserRole } from '../auth/user-role';
import { Actor, RequestContext } from '../common/request-context';
import { AccountErasureService } from '../privacy/account-erasure.service';
import { CLOSED_ON_ERASURE_REASON } from '../provider/organisation-decision';
import { VerificationStatus } from '../provider/provider.types';
import { seedFacilitator, seedOffer, seedProvider, seedUser } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { ModerationService } from './moderation.service';

const { APPROVED, REJECTED, SUSPENDED } = VerificationStatus;
type Kind = 'provider' | 'facilitator';

/**
 * Once the account owning an organisation is erased (GDPR Art. 17), staff decide nothing more on
 * it: every decision is refused, nothing is written, and nobody is told anything.
 */
describe('staff decisions on an organisation whose account was erased (real PostgreSQL)', () => {
  let core: TestCore;
  let moderation: ModerationService;
  let staffMember: Actor;
  const staff = (): RequestContext => actingAs(staffMember);
  beforeAll(async () => {
    core = await startTestCore();
    moderation = core.app.get(ModerationService);
    staffMember = await seedUser(core.db, UserRole.MINISTRY);
  });
  afterAll(() => core.close());

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => core.db.query(sql, params);
  const password = 'una-password-lunga-organizzazione';

  /** An organisation of this kind and status whose owner erased the account through the platform. */
  async function erasedThroughPlatform(kind: Kind, status: `${VerificationStatus}`): Promise<{ id: string; owner: Actor }> {
    const organisation = kind === 'provider' ? await seedProvider(core.db, status) : await seedFacilitator(core.db, status);
    await q(`UPDATE user_account SET password_hash = $2 WHERE id = $1`, [organisation.owner.userId, await hashPassword(password)]);
    expect(await core.app.get(AccountErasureService).eraseOwnAccount(actingAs(organisation.owner), password)).toMatchObject({ kind: 'erased' });
    return organisation;
  }

  /** An organisation still standing as staff left it though its account is erased (erased before organisations were closed on erasure). */
  async function erasedEarlier(kind: Kind, status: `${VerificationStatus}`): Promise<{ id: string; owner: Actor }> {
    const organisation = kind === 'provider' ? await seedProvider(core.db, status) : await seedFacilitator(core.db, status);
    await q(`UPDATE user_account SET email = 'erased-' || id || '@erased.invalid', password_hash = '!erased', disabled_at = now(), erased_at = now() WHERE id = $1`, [
      organisation.owner.userId,
    ]);
    return organisation;
  }

  const decide = (kind: Kind, id: string, decision: VerificationStatus, ctx = staff()): Promise<{ kind: string }> => {
    const reason = decision === APPROVED ? undefined : 'Documentazione non conforme alle regole';
    return kind === 'provider' ? moderation.verifyProvider(ctx, { providerId: id, decision, reason }) : moderation.verifyFacilitator(ctx, { facilitatorId: id, decision, reason });
  };

  /** Everything a decision writes: the organisation's verification, its audit trail, what its account is told. */
  async function written(kind: Kind, organisation: { id: string; owner: Actor }): Promise<unknown> {
    return {
      organisation: await q(`SELECT verification_status, verification_reason, verified_at, verified_by_user_id FROM ${kind} WHERE id = $1`, [organisation.id]),
      audit: await q(`SELECT action FROM audit_event WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`, [kind, organisation.id]),
      notifications: await q(`SELECT kind FROM notification WHERE user_id = $1`, [organisation.owner.userId]),
      mails: await q(`SELECT kind FROM mail_message WHERE user_id = $1`, [organisation.owner.userId]),
    };
  }

  const PLATFORM = 'through the platform';
  const EARLIER = 'before organisations were closed on erasure';
  const refusals: [Kind, typeof PLATFORM | typeof EARLIER, `${VerificationStatus}`, VerificationStatus][] = [
    ['provider', PLATFORM, 'APPROVED', REJECTED],
    ['provider', PLATFORM, 'APPROVED', SUSPENDED],
    ['provider', PLATFORM, 'PENDING', APPROVED],
    ['provider', EARLIER, 'APPROVED', SUSPENDED],
    ['provider', EARLIER, 'SUSPENDED', REJECTED],
    ['provider', EARLIER, 'PENDING', APPROVED],
    ['facilitator', PLATFORM, 'APPROVED', REJECTED],
    ['facilitator', PLATFORM, 'APPROVED', SUSPENDED],
    ['facilitator', PLATFORM, 'PENDING', APPROVED],
    ['facilitator', EARLIER, 'APPROVED', SUSPENDED],
    ['facilitator', EARLIER, 'SUSPENDED', APPROVED],
    ['facilitator', EARLIER, 'PENDING', REJECTED],
  ];

  it.each(refusals)('refuses to decide on a %s whose account was erased %s (it was %s): %s, and writes and tells nothing', async (kind, how, status, decision) => {
    const organisation = how === PLATFORM ? await erasedThroughPlatform(kind, status) : await erasedEarlier(kind, status);
    const before = await written(kind, organisation);

    expect(await decide(kind, organisation.id, decision)).toEqual({ kind: 'owner-erased' });

    expect(await written(kind, organisation)).toEqual(before);
    expect(await q(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [organisation.owner.userId])).toEqual([{ n: 0 }]);
    expect(await q(`SELECT count(*)::int AS n FROM mail_message WHERE user_id = $1`, [organisation.owner.userId])).toEqual([{ n: 0 }]);
  });

  it('leaves an erased provider’s offers and their shops alone when a rejection is refused', async () => {
    const provider = await erasedThroughPlatform('provider', 'APPROVED');
    await seedOffer(core.db, provider.id, { status: 'CLOSED' });
    const offers = async (): Promise<unknown[]> => q(`SELECT id, status, moderation_reason FROM offer WHERE provider_id = $1`, [provider.id]);
    const before = await offers();
    expect(await decide('provider', provider.id, REJECTED)).toEqual({ kind: 'owner-erased' });
    expect(await offers()).toEqual(before);
    expect(await q(`SELECT verification_status, verification_reason FROM provider WHERE id = $1`, [provider.id])).toEqual([
      { verification_status: 'SUSPENDED', verification_reason: CLOSED_ON_ERASURE_REASON },
    ]);
  });

  it.each(['provider', 'facilitator'] as const)('reads the erasure under the %s’s lock: a decision waiting for an erasure under way is refused once it commits', async (kind) => {
    const organisation = kind === 'provider' ? await seedProvider(core.db, 'APPROVED') : await seedFacilitator(core.db, 'APPROVED');
    const erasing = core.db.createQueryRunner();
    await erasing.connect();
    try {
      await erasing.startTransaction();
      const [{ pid }] = await erasing.query(`SELECT pg_backend_pid() AS pid`);
      await erasing.query(`SELECT id FROM ${kind} WHERE id = $1 FOR UPDATE`, [organisation.id]);
      await erasing.query(`UPDATE user_account SET erased_at = now() WHERE id = $1`, [organisation.owner.userId]);

      const decision = decide(kind, organisation.id, SUSPENDED);
      // The decision waits for the organisation's row, then reads the account as the erasure left it.
      for (let waited = 0; (await q<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [pid]))[0].n === 0; waited++) {
        if (waited > 200) throw new Error('the decision never waited for the erasure');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await erasing.commitTransaction();

      expect(await decision).toEqual({ kind: 'owner-erased' });
    } finally {
      await erasing.release();
    }
    expect(await q(`SELECT verification_status FROM ${kind} WHERE id = $1`, [organisation.id])).toEqual([{ verification_status: 'APPROVED' }]);
    expect(await q(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [organisation.owner.userId])).toEqual([{ n: 0 }]);
  });

  it('still decides on an organisation whose account stands, and tells it', async () => {
    const provider = await seedProvider(core.db, 'APPROVED');
    expect(await decide('provider', provider.id, SUSPENDED)).toMatchObject({ kind: 'provider' });
    expect(await q(`SELECT kind FROM notification WHERE user_id = $1`, [provider.owner.userId])).toEqual([{ kind: 'PROVIDER_DECISION' }]);
    expect(await q(`SELECT kind FROM mail_message WHERE user_id = $1`, [provider.owner.userId])).toEqual([{ kind: 'PROVIDER_SUSPENDED' }]);
  });
});
