import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/password-hasher';
import { UserRole } from '../auth/user-role';
import { DelegationInvitationService } from '../delegation/delegation-invitation.service';
import { FacilitatorService } from '../facilitator/facilitator.service';
import { CLOSED_ON_ERASURE_REASON } from '../provider/organisation-decision';
import { VerificationStatus } from '../provider/provider.types';
import { SelectionCallService } from '../selection-call/selection-call.service';
import { seedFacilitator, seedShops, seedUser, SeededFacilitator } from '../testing/seed';
import { actingAs, startScratchCore, TestCore } from '../testing/test-core';
import { AccountErasureService } from './account-erasure.service';

describe('erasing a facilitator’s account (real PostgreSQL)', () => {
  let core: TestCore;
  let erasure: AccountErasureService;
  beforeAll(async () => {
    // A database of its own: the calls written here by hand must not show in other suites' lists.
    core = await startScratchCore();
    erasure = core.app.get(AccountErasureService);
  });
  afterAll(() => core.close());

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => core.db.query(sql, params);
  const password = 'una-password-lunga-facilitatore';
  async function facilitatorWithPassword(status: `${VerificationStatus}` = 'APPROVED'): Promise<SeededFacilitator> {
    const facilitator = await seedFacilitator(core.db, status);
    await q(`UPDATE user_account SET password_hash = $2 WHERE id = $1`, [facilitator.owner.userId, await hashPassword(password)]);
    return facilitator;
  }
  /** A shop registered on paper by these facilitators, which nobody has claimed: no owner account. */
  async function unclaimedShop(...facilitatorIds: string[]): Promise<string> {
    const [shop] = await seedShops(core.db, 1);
    await q(`UPDATE shop SET owner_user_id = NULL WHERE id = $1`, [shop.id]);
    for (const facilitatorId of facilitatorIds) {
      await q(`INSERT INTO delegation (facilitator_id, shop_id, status, consent, paper_declared_on, activated_at) VALUES ($1, $2, 'ACTIVE', 'PAPER', current_date, now())`, [
        facilitatorId,
        shop.id,
      ]);
    }
    return shop.id;
  }
  async function call(facilitatorId: string, status: 'DRAFT' | 'OPEN' | 'CLOSED'): Promise<void> {
    const staffId = (await seedUser(core.db, UserRole.MINISTRY)).userId;
    await q(
      `INSERT INTO selection_call (title, description, status, places, opens_at, closes_at, eligibility, declarations, questions, scoring, tie_break, created_by_user_id, publisher_facilitator_id)
       VALUES ('Bando della camera', 'Un bando di un’organizzazione', $2, 5, now() - interval '1 day', now() + interval '10 days', '{}', '[]', '[]', '[]', '{}', $1, $3)`,
      [staffId, status, facilitatorId],
    );
  }

  it('is refused while a shop it registered on paper has no owner and no other facilitator, or a call it runs is open, and nothing changes', async () => {
    const facilitator = await facilitatorWithPassword();
    const other = await seedFacilitator(core.db);
    const alone = await unclaimedShop(facilitator.id);
    await unclaimedShop(facilitator.id);
    // Not orphaned: another organisation still acts for it.
    await unclaimedShop(facilitator.id, other.id);
    // Claimed: its owner can act for it.
    const [claimed] = await seedShops(core.db, 1);
    await q(`INSERT INTO delegation (facilitator_id, shop_id, status, consent, paper_declared_on, activated_at) VALUES ($1, $2, 'ACTIVE', 'SHOP', current_date, now())`, [facilitator.id, claimed.id]);
    await call(facilitator.id, 'OPEN');
    await call(facilitator.id, 'DRAFT');
    await call(facilitator.id, 'CLOSED');

    const blockers = [
      { kind: 'UNCLAIMED_SHOPS', count: 2 },
      { kind: 'OPEN_CALLS', count: 1 },
    ];
    expect(await erasure.blockers(actingAs(facilitator.owner))).toEqual(blockers);
    expect(await erasure.eraseOwnAccount(actingAs(facilitator.owner), password)).toEqual({ kind: 'refused', blockers });
    expect(await q(`SELECT count(*)::int AS live FROM delegation WHERE facilitator_id = $1 AND status = 'ACTIVE'`, [facilitator.id])).toEqual([{ live: 4 }]);
    expect(await q(`SELECT verification_status FROM facilitator WHERE id = $1`, [facilitator.id])).toEqual([{ verification_status: 'APPROVED' }]);
    expect(await q(`SELECT erased_at FROM user_account WHERE id = $1`, [facilitator.owner.userId])).toEqual([{ erased_at: null }]);

    // One owner claims its shop and the call closes: only the other shop still holds the erasure.
    await q(`UPDATE shop SET owner_user_id = $2 WHERE id = $1`, [alone, (await seedUser(core.db, UserRole.SHOP)).userId]);
    await q(`UPDATE selection_call SET status = 'CLOSED', closed_at = now() WHERE publisher_facilitator_id = $1 AND status = 'OPEN'`, [facilitator.id]);
    expect(await erasure.blockers(actingAs(facilitator.owner))).toEqual([{ kind: 'UNCLAIMED_SHOPS', count: 1 }]);
  });

  it('is erased with its invitations and delegations ended in the same transaction, audited with the reason, and the organisation suspended for good', async () => {
    const facilitator = await facilitatorWithPassword();
    const [shop] = await seedShops(core.db, 1);
    const [active] = await q<{ id: string }>(`INSERT INTO delegation (facilitator_id, shop_id, status, consent, activated_at) VALUES ($1, $2, 'ACTIVE', 'SHOP', now()) RETURNING id`, [
      facilitator.id,
      shop.id,
    ]);
    const invited = await core.app.get(DelegationInvitationService).invite(actingAs(facilitator.owner), { email: `negozio-${randomUUID()}@example.it` });
    if (invited.kind !== 'delegation') throw new Error(`invitation refused: ${invited.kind}`);
    const [ended] = await q<{ id: string }>(`INSERT INTO delegation (facilitator_id, shop_id, status, consent, activated_at, ended_at) VALUES ($1, $2, 'REVOKED', 'SHOP', now(), now()) RETURNING id`, [
      facilitator.id,
      shop.id,
    ]);

    expect(await erasure.eraseOwnAccount(actingAs(facilitator.owner), password)).toMatchObject({ kind: 'erased' });

    expect(await q(`SELECT id, status, ended_by_user_id, link_secret_hash FROM delegation WHERE facilitator_id = $1 ORDER BY id`, [facilitator.id])).toEqual(
      [
        { id: active.id, status: 'WITHDRAWN', ended_by_user_id: facilitator.owner.userId, link_secret_hash: null },
        { id: invited.delegation.id, status: 'WITHDRAWN', ended_by_user_id: facilitator.owner.userId, link_secret_hash: null },
        { id: ended.id, status: 'REVOKED', ended_by_user_id: null, link_secret_hash: null },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await q(`SELECT entity_id, before, after FROM audit_event WHERE action = 'delegation.withdrawn' AND entity_id = ANY($1) ORDER BY entity_id`, [[active.id, invited.delegation.id]])).toEqual(
      [
        { entity_id: active.id, before: { status: 'ACTIVE' }, after: { status: 'WITHDRAWN', shopId: shop.id, facilitatorId: facilitator.id, reason: 'ACCOUNT_ERASED' } },
        { entity_id: invited.delegation.id, before: { status: 'INVITED' }, after: { status: 'WITHDRAWN', shopId: null, facilitatorId: facilitator.id, reason: 'ACCOUNT_ERASED' } },
      ].sort((a, b) => a.entity_id.localeCompare(b.entity_id)),
    );
    expect(await q(`SELECT kind, params FROM notification WHERE user_id = $1`, [shop.owner.userId])).toEqual([
      { kind: 'DELEGATION_WITHDRAWN', params: { facilitatorName: 'Associazione di prova', audience: 'SHOP', reason: 'ACCOUNT_ERASED' } },
    ]);
    expect(await q(`SELECT name, verification_status, verification_reason FROM facilitator WHERE id = $1`, [facilitator.id])).toEqual([
      { name: 'Associazione di prova', verification_status: 'SUSPENDED', verification_reason: CLOSED_ON_ERASURE_REASON },
    ]);
    expect(await q(`SELECT actor_user_id, after FROM audit_event WHERE action = 'facilitator.closed' AND entity_id = $1`, [facilitator.id])).toEqual([
      { actor_user_id: facilitator.owner.userId, after: { verificationStatus: 'SUSPENDED', verificationReason: CLOSED_ON_ERASURE_REASON } },
    ]);
    const staff = actingAs(await seedUser(core.db, UserRole.MINISTRY));
    expect(await core.app.get(FacilitatorService).verify(staff, { facilitatorId: facilitator.id, decision: VerificationStatus.APPROVED })).toEqual({ kind: 'owner-erased' });
  });

  it('ends its authorisation to run calls in the same transaction, audited, and staff cannot publish its drafts after', async () => {
    const facilitator = await facilitatorWithPassword();
    const staffUser = await seedUser(core.db, UserRole.MINISTRY);
    const [grant] = await q<{ id: string }>(`INSERT INTO call_publisher (facilitator_id, granted_at, granted_by_user_id) VALUES ($1, now(), $2) RETURNING id`, [
      facilitator.id,
      staffUser.userId,
    ]);
    await call(facilitator.id, 'DRAFT');
    const [draft] = await q<{ id: string }>(`SELECT id FROM selection_call WHERE publisher_facilitator_id = $1`, [facilitator.id]);

    expect(await erasure.eraseOwnAccount(actingAs(facilitator.owner), password)).toMatchObject({ kind: 'erased' });

    expect(await q(`SELECT revoked_by_user_id, revoke_reason, revoked_at IS NOT NULL AS revoked FROM call_publisher WHERE id = $1`, [grant.id])).toEqual([
      { revoked_by_user_id: facilitator.owner.userId, revoke_reason: CLOSED_ON_ERASURE_REASON, revoked: true },
    ]);
    expect(await q(`SELECT actor_user_id, after->>'revokeReason' AS reason FROM audit_event WHERE action = 'call_publisher.revoked' AND entity_id = $1`, [grant.id])).toEqual([
      { actor_user_id: facilitator.owner.userId, reason: CLOSED_ON_ERASURE_REASON },
    ]);
    await expect(core.app.get(SelectionCallService).publish(actingAs(staffUser), draft.id)).rejects.toMatchObject({ code: 'PUBLISHER_NOT_AUTHORISED' });
    expect(await q(`SELECT status FROM selection_call WHERE id = $1`, [draft.id])).toEqual([{ status: 'DRAFT' }]);
  });

  it('keeps a staff decision already taken on the organisation: a suspended one stays suspended, and is not approved again either', async () => {
    const facilitator = await facilitatorWithPassword('SUSPENDED');
    await q(`UPDATE facilitator SET verification_reason = 'Segnalazioni da verificare' WHERE id = $1`, [facilitator.id]);
    expect(await erasure.eraseOwnAccount(actingAs(facilitator.owner), password)).toMatchObject({ kind: 'erased' });
    expect(await q(`SELECT verification_status, verification_reason FROM facilitator WHERE id = $1`, [facilitator.id])).toEqual([
      { verification_status: 'SUSPENDED', verification_reason: 'Segnalazioni da verificare' },
    ]);
    const staff = actingAs(await seedUser(core.db, UserRole.MINISTRY));
    expect(await core.app.get(FacilitatorService).verify(staff, { facilitatorId: facilitator.id, decision: VerificationStatus.APPROVED })).toEqual({ kind: 'owner-erased' });
  });
});
