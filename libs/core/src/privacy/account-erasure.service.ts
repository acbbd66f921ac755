import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { isStaffRole, UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { DelegationService } from '../delegation/delegation.service';
import { unclaimedShopsOnlyActedForBy } from '../delegation/unclaimed-shops.query';
import { FacilitatorService } from '../facilitator/facilitator.service';
import { ProviderService } from '../provider/provider.service';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { SYSTEM_REASON } from '../match/match-reasons';
import { CallApplicationService } from '../selection-call/call-application.service';
import { CallPublisherService } from '../selection-call/call-publisher.service';
import { ThrottleService } from '../throttle/throttle.service';
import type { ErasureBlockerKind } from '../messages';
import { type AuditSubject, stripPersonalAuditKeys } from './audit-personal-keys';
import { ERASED_TEXT } from './personal-data.registry';
import { personWritten } from './person-written';
import { replaceShopNameInDelegationNotices, shopNamesOf } from './shop-name-notices';
import { enterPersonalDataMaintenance } from './personal-data-maintenance';

export interface ErasureBlocker {
  kind: ErasureBlockerKind;
  count: number;
}

export type EraseAccountOutcome =
  | { kind: 'erased'; userId: string; erasedAt: Date }
  | { kind: 'wrong-password' }
  | { kind: 'refused'; blockers: ErasureBlocker[] };

interface Organisation {
  shopId: string | null;
  providerId: string | null;
  facilitatorId: string | null;
}

/**
 * The right to erasure (Art. 17 GDPR): refused, with what to do first, while the account's shop or
 * organisation is still in the middle of something (live matches, waitlists, open requests, open
 * offers; for a facilitator, shops it registered on paper that nobody else would act for, and
 * selection calls it runs that are still open); otherwise, in one transaction, the shop's live
 * delegations end (revoked, each facilitator told) and its applications to calls not yet closed are
 * excluded (a shop cannot withdraw one), or a facilitator's live delegations and invitations end
 * (withdrawn, each shop told), the organisation stops acting and its authorisation to run calls is
 * revoked, or a provider's company stops
 * (suspended, no longer approved); the personal data is erased or pseudonymised as
 * PERSONAL_DATA_REGISTRY says, every session ends, and the account row stays as a pseudonym so the
 * audit trail and the statistics keep who did what, without saying who that was.
 */
@Injectable()
export class AccountErasureService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly throttle: ThrottleService,
    private readonly delegations: DelegationService,
    private readonly callApplications: CallApplicationService,
    private readonly callPublishers: CallPublisherService,
    private readonly facilitators: FacilitatorService,
    private readonly providers: ProviderService,
  ) {}

  /** What keeps the signed-in account from being erased now (empty: nothing). */
  async blockers(ctx: RequestContext): Promise<ErasureBlocker[]> {
    const actor = requireActor(ctx);
    return this.connection.withTransaction(ctx, async (tx) => this.blockersOf(tx, actor.userId, actor.role, await this.organisationOf(tx, actor.userId, false)));
  }

  async eraseOwnAccount(ctx: RequestContext, password: string): Promise<EraseAccountOutcome> {
    const actor = requireActor(ctx);
    if (!(await this.auth.confirmPassword(ctx, password))) return { kind: 'wrong-password' };
    return this.connection.withTransaction(ctx, async (tx) => {
      const manager = this.connection.manager(tx);
      // The account, the open calls its shop applied to, then its shop or organisation, locked: nothing
      // of theirs changes meanwhile (a facilitator's new delegations wait for the lock, then find it stopped).
      await manager.query(`SELECT id FROM user_account WHERE id = $1 FOR UPDATE`, [actor.userId]);
      const { shopId } = await this.organisationOf(tx, actor.userId, false);
      if (shopId) await this.callApplications.holdOpenCallsOf(tx, shopId);
      const organisation = await this.organisationOf(tx, actor.userId, true);
      const blockers = await this.blockersOf(tx, actor.userId, actor.role, organisation);
      if (blockers.length > 0) return { kind: 'refused', blockers };
      await this.erase(tx, actor.userId, organisation);
      return { kind: 'erased', userId: actor.userId, erasedAt: tx.now };
    });
  }

  private async organisationOf(ctx: RequestContext, userId: string, lock: boolean): Promise<Organisation> {
    const forUpdate = lock ? ' FOR UPDATE' : '';
    const manager = this.connection.manager(ctx);
    const [shop] = await manager.query(`SELECT id FROM shop WHERE owner_user_id = $1${forUpdate}`, [userId]);
    const [provider] = await manager.query(`SELECT id FROM provider WHERE owner_user_id = $1${forUpdate}`, [userId]);
    const [facilitator] = await manager.query(`SELECT id FROM facilitator WHERE owner_user_id = $1${forUpdate}`, [userId]);
    return { shopId: shop?.id ?? null, providerId: provider?.id ?? null, facilitatorId: facilitator?.id ?? null };
  }

  private async blockersOf(ctx: RequestContext, userId: string, role: UserRole, organisation: Organisation): Promise<ErasureBlocker[]> {
    const manager = this.connection.manager(ctx);
    const [account] = await manager.query(`SELECT erased_at FROM user_account WHERE id = $1`, [userId]);
    if (account?.erased_at) return [{ kind: 'ALREADY_ERASED', count: 1 }];
    if (isStaffRole(role)) return [{ kind: 'STAFF_ACCOUNT', count: 1 }];
    const found: ErasureBlocker[] = [];
    const add = (kind: ErasureBlockerKind, count: number | string): void => {
      if (Number(count) > 0) found.push({ kind, count: Number(count) });
    };
    if (organisation.shopId) {
      const [matches] = await manager.query(
        `SELECT count(*) FILTER (WHERE state IN ('PENDING', 'ACCEPTED', 'ACTIVE')) AS live, count(*) FILTER (WHERE state = 'WAITLISTED') AS waitlisted
           FROM match WHERE shop_id = $1`,
        [organisation.shopId],
      );
      const [requests] = await manager.query(`SELECT count(*) AS open FROM help_request WHERE shop_id = $1 AND status = 'OPEN'`, [organisation.shopId]);
      add('LIVE_MATCHES', matches.live);
      add('WAITLIST_ENTRIES', matches.waitlisted);
      add('OPEN_REQUESTS', requests.open);
    }
    if (organisation.providerId) {
      const [matches] = await manager.query(`SELECT count(*) AS live FROM match WHERE provider_id = $1 AND state IN ('PENDING', 'ACCEPTED', 'ACTIVE')`, [
        organisation.providerId,
      ]);
      const [offers] = await manager.query(`SELECT count(*) AS open FROM offer WHERE provider_id = $1 AND status IN ('PUBLISHED', 'PAUSED', 'SUSPENDED')`, [
        organisation.providerId,
      ]);
      add('LIVE_OFFER_MATCHES', matches.live);
      add('OPEN_OFFERS', offers.open);
    }
    if (organisation.facilitatorId) {
      // A shop registered on paper that nobody has claimed has no one but its facilitators to act
      // for it: it would be left with no one at all.
      const unclaimed = await unclaimedShopsOnlyActedForBy(manager, organisation.facilitatorId);
      const [calls] = await manager.query(`SELECT count(*) AS open FROM selection_call WHERE publisher_facilitator_id = $1 AND status = 'OPEN'`, [organisation.facilitatorId]);
      add('UNCLAIMED_SHOPS', unclaimed);
      add('OPEN_CALLS', calls.open);
    }
    return found;
  }

  /**
   * The erasure itself, table by table as the registry says. The privacy feature is the one writer
   * of other features' personal columns (docs/architecture.md): what each table keeps, erases or
   * pseudonymises is decided in one place, and tested per table.
   */
  private async erase(tx: RequestContext, userId: string, organisation: Organisation): Promise<void> {
    const manager = this.connection.manager(tx);
    await enterPersonalDataMaintenance(manager);
    const [{ email, role }] = await manager.query(`SELECT email, role FROM user_account WHERE id = $1`, [userId]);
    const subjects: AuditSubject[] = [{ type: 'user', ids: [userId] }];
    if (organisation.shopId) {
      const shopId = organisation.shopId;
      // Read before its names go: the notices below were written under them.
      const names = await shopNamesOf(manager, shopId);
      // State changes first, through the features that own them: no facilitator acts for the shop
      // any more, and no call still to close admits it (a shop cannot withdraw an application).
      await this.delegations.revokeAllOnErasure(tx, shopId, ERASED_TEXT);
      await this.callApplications.excludeOnErasure(tx, shopId);
      // The facilitators' notifications about the shop (delegations, handovers) keep their facts, not its name.
      await replaceShopNameInDelegationNotices(manager, shopId, names, ERASED_TEXT);
      await manager.query(
        `UPDATE shop s SET legal_name = $2, trading_name = NULL, address = $2, contact_email = 'erased-' || s.id || '@erased.invalid',
                contact_phone = NULL, latitude = c.latitude, longitude = c.longitude, coordinates_from_comune = true
           FROM comune c WHERE s.id = $1 AND c.code = s.comune_code`,
        [shopId, ERASED_TEXT],
      );
      // The graduatorie keep the shop's place in them, not its name.
      await manager.query(`UPDATE call_application SET shop_name = $2 WHERE shop_id = $1`, [shopId, ERASED_TEXT]);
      await manager.query(`UPDATE help_request SET description = $2 WHERE shop_id = $1`, [shopId, ERASED_TEXT]);
      const requests: { id: string }[] = await manager.query(`SELECT id FROM help_request WHERE shop_id = $1`, [shopId]);
      const matches: { id: string }[] = await manager.query(`SELECT id FROM match WHERE shop_id = $1`, [shopId]);
      const matchIds = matches.map((match) => match.id);
      // The platform's own reasons are codes, not personal; what a person wrote goes.
      const systemCodes = Object.values(SYSTEM_REASON);
      await manager.query(
        `UPDATE match SET end_reason = NULL
          WHERE id = ANY($1) AND ${personWritten('end_reason')}`,
        [matchIds, systemCodes],
      );
      await manager.query(
        `UPDATE match_transition SET reason = NULL
          WHERE match_id = ANY($1) AND ${personWritten('reason')}`,
        [matchIds, systemCodes],
      );
      // The other side's notifications about these matches keep their facts, not the shop's name nor a person's words.
      await manager.query(`UPDATE notification SET params = params || jsonb_build_object('shopName', $2::text) WHERE match_id = ANY($1) AND params ? 'shopName'`, [
        matchIds,
        ERASED_TEXT,
      ]);
      await manager.query(
        `UPDATE notification SET params = jsonb_set(params, '{reason}', 'null')
          WHERE match_id = ANY($1) AND ${personWritten("params->>'reason'")}`,
        [matchIds, systemCodes],
      );
      subjects.push({ type: 'shop', ids: [shopId] }, { type: 'help_request', ids: requests.map((request) => request.id) }, { type: 'match', ids: matchIds });
    }
    if (organisation.providerId) {
      // Nobody can sign in for the company any more: it is no longer approved, so neither it nor
      // its offers reach shops, catalogues or the figures of approved providers (its record stays).
      await this.providers.closeOnErasure(tx, organisation.providerId);
    }
    if (organisation.facilitatorId) {
      // Nobody can sign in for the organisation any more: it acts for no shop, its invitation links
      // stop working, each shop it acted for is told, and it is no longer approved (its record stays).
      await this.delegations.withdrawAllOnFacilitatorErasure(tx, organisation.facilitatorId);
      await this.facilitators.closeOnErasure(tx, organisation.facilitatorId);
      // Nor does it run calls: its authorisation ends (its drafts stay unpublished).
      await this.callPublishers.revokeOnErasure(tx, organisation.facilitatorId);
    }
    // Invitations and claim links went to an address with no account yet (user_id NULL): found by
    // the addresses of the account and of its shop's delegations, read before they are emptied.
    const delegations: { id: string; invited_email: string | null }[] = await manager.query(
      `SELECT id, invited_email FROM delegation WHERE shop_id = $1 OR lower(invited_email) = lower($2)`,
      [organisation.shopId, email],
    );
    const addresses = [...new Set([email, ...delegations.flatMap((delegation) => (delegation.invited_email ? [delegation.invited_email] : []))].map((a) => a.toLowerCase()))];
    subjects.push({ type: 'delegation', ids: delegations.map((delegation) => delegation.id) });
    await manager.query(`DELETE FROM notification WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM mail_message WHERE user_id = $1 OR (user_id IS NULL AND lower(recipient) = ANY($2))`, [userId, addresses]);
    await manager.query(`DELETE FROM refresh_token WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM account_token WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM identity_link WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM mail_preference WHERE user_id = $1`, [userId]);
    await manager.query(`UPDATE delegation SET invited_email = NULL, link_secret_hash = NULL WHERE id = ANY($1)`, [delegations.map((delegation) => delegation.id)]);
    await manager.query(`DELETE FROM import_job WHERE owner_user_id = $1`, [userId]);
    await this.throttle.forgetEmail(tx, email);
    await stripPersonalAuditKeys(manager, subjects);
    await manager.query(
      `UPDATE user_account SET email = 'erased-' || id || '@erased.invalid', password_hash = '!erased', disabled_at = coalesce(disabled_at, $2), erased_at = $2
        WHERE id = $1`,
      [userId, tx.now],
    );
    await this.audit.record(tx, { action: 'user.erased', entityType: 'user', entityId: userId, after: { role } });
  }
}
