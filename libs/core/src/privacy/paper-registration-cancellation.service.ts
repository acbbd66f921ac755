import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { DelegationErrorCode, DelegationException } from '../delegation/delegation.exception';
import { DelegationService } from '../delegation/delegation.service';
import { DelegationConsent, DelegationStatus } from '../delegation/delegation.types';
import { unclaimedShopsOnlyActedForBy } from '../delegation/unclaimed-shops.query';
import { FacilitatorService } from '../facilitator/facilitator.service';
import { DAY_MS } from '../common/time';
import { MailKind } from '../mail/mail.types';
import { ShopService } from '../shop/shop.service';
import { stripPersonalAuditKeys } from './audit-personal-keys';
import { ERASED_TEXT } from './personal-data.registry';
import { enterPersonalDataMaintenance } from './personal-data-maintenance';
import { replaceShopNameInDelegationNotices, shopNamesOf } from './shop-name-notices';

/** The reason recorded on the delegation a cancelled registration ends (a code, not a person's words). */
export const REGISTRATION_CANCELLED = 'REGISTRATION_CANCELLED';

export type CancelPaperRegistrationOutcome =
  | { kind: 'cancelled'; delegationId: string; cancelledAt: Date }
  | { kind: 'wrong-password' }
  | { kind: 'not-approved' }
  /** Not a live paper delegation whose shop nobody has claimed. */
  | { kind: 'not-cancellable'; current: DelegationStatus }
  /** Another facilitator acts for the shop too: it stops acting instead. */
  | { kind: 'shared' }
  /** Something the programme's controls must keep was done with the shop: the registration stays. */
  | { kind: 'kept'; matches: number; applications: number };

interface LockedDelegation {
  id: string;
  facilitator_id: string;
  shop_id: string | null;
  status: DelegationStatus;
  consent: DelegationConsent | null;
}

/**
 * A facilitator undoes a shop it registered on paper by mistake (a wrong but valid Partita IVA,
 * which would keep the real business from registering, or an owner who withdrew consent before
 * claiming it): the shop and everything done for it are deleted, so its Partita IVA is free again,
 * and what the audit trail and the notifications said about it loses its personal data, as the
 * erasure of an account does. Only while nothing was done with the shop that the programme's
 * controls must keep (a match in any state, an application to a selection call): then the
 * registration stays and its data can only be erased as an account's is, by the Department.
 * Here, beside the erasure, because it deletes rows of other features' tables (docs/architecture.md).
 */
@Injectable()
export class PaperRegistrationCancellationService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly facilitators: FacilitatorService,
    private readonly delegations: DelegationService,
    private readonly shops: ShopService,
  ) {}

  async cancel(ctx: RequestContext, input: { delegationId: string; password: string }): Promise<CancelPaperRegistrationOutcome> {
    // The organisation's own act, whichever shop the request names: not one made on a shop's behalf.
    const self = ctx.onBehalfOf(undefined);
    requireActor(self, UserRole.FACILITATOR);
    const { facilitator, approved } = await this.facilitators.requireOwnApproved(self);
    // A wrong password counts towards the account's lock, as for the erasure of the account.
    if (!(await this.auth.confirmPassword(self, input.password))) return { kind: 'wrong-password' };
    if (!approved) return { kind: 'not-approved' };
    return this.connection.withTransaction(self, async (tx) => {
      const manager = this.connection.manager(tx);
      // The delegation, then its shop, locked (the order a withdrawal takes): a claim, a handover
      // or another facilitator's stop under way is waited for, and judged again here after it.
      const [delegation]: LockedDelegation[] = await manager.query(`SELECT id, facilitator_id, shop_id, status, consent FROM delegation WHERE id = $1 FOR UPDATE`, [input.delegationId]);
      if (!delegation || delegation.facilitator_id !== facilitator.id) throw new DelegationException(DelegationErrorCode.DELEGATION_NOT_FOUND, 'input.delegationId');
      const shop = delegation.shop_id ? await this.shops.lock(tx, delegation.shop_id) : null;
      if (!shop || shop.ownerUserId !== null || delegation.status !== DelegationStatus.ACTIVE || delegation.consent !== DelegationConsent.PAPER) {
        return { kind: 'not-cancellable', current: delegation.status };
      }
      if ((await unclaimedShopsOnlyActedForBy(manager, facilitator.id, shop.id)) === 0) return { kind: 'shared' };
      const [done]: { matches: number; applications: number }[] = await manager.query(
        `SELECT (SELECT count(*)::int FROM match WHERE shop_id = $1) AS matches, (SELECT count(*)::int FROM call_application WHERE shop_id = $1) AS applications`,
        [shop.id],
      );
      if (done.matches > 0 || done.applications > 0) return { kind: 'kept', ...done };
      await this.deleteShop(tx, shop.id, delegation.id);
      await this.audit.record(tx, {
        action: 'shop.registration_cancelled',
        entityType: 'shop',
        entityId: shop.id,
        after: { facilitatorId: facilitator.id, reason: REGISTRATION_CANCELLED },
      });
      return { kind: 'cancelled', delegationId: delegation.id, cancelledAt: tx.now };
    });
  }

  /**
   * The shop and what hangs on it, with the delegation and shop already locked and nothing kept
   * for the programme (no match, no call application): its requests and bundles, handovers,
   * every delegation's link to it, the claim e-mails to its owner's addresses and the row itself.
   */
  private async deleteShop(tx: RequestContext, shopId: string, delegationId: string): Promise<void> {
    const manager = this.connection.manager(tx);
    await enterPersonalDataMaintenance(manager);
    const ids = async (sql: string): Promise<string[]> => ((await manager.query(sql, [shopId])) as { id: string }[]).map((row) => row.id);
    const requests = await ids(`SELECT id FROM help_request WHERE shop_id = $1 ORDER BY id FOR UPDATE`);
    const bundles = await ids(`SELECT id FROM help_request_bundle WHERE shop_id = $1 ORDER BY id FOR UPDATE`);
    const handovers = await ids(`SELECT id FROM delegation_handover WHERE shop_id = $1 ORDER BY id FOR UPDATE`);
    const delegations = await ids(`SELECT id FROM delegation WHERE shop_id = $1 ORDER BY id FOR UPDATE`);
    // Every address a claim link for the shop went to: the current ones, and those a corrected address replaced.
    const [{ addresses }]: { addresses: string[] }[] = await manager.query(
      `SELECT coalesce(array_agg(DISTINCT lower(a)) FILTER (WHERE a IS NOT NULL), '{}') AS addresses FROM (
         SELECT invited_email AS a FROM delegation WHERE id = ANY($1)
         UNION ALL
         SELECT unnest(ARRAY[e.before->>'ownerEmail', e.after->>'ownerEmail']) FROM audit_event e WHERE e.entity_type = 'delegation' AND e.entity_id = ANY($1::text[])) AS sent`,
      [delegations],
    );
    const names = await shopNamesOf(manager, shopId);
    await replaceShopNameInDelegationNotices(manager, shopId, names, ERASED_TEXT);
    // What the audit trail said about the shop keeps who did what, not the personal data; stripped
    // before the withdrawal below is recorded, whose reason is a code.
    const subjects = [
      { type: 'shop', ids: [shopId] },
      { type: 'help_request', ids: requests },
      { type: 'help_request_bundle', ids: bundles },
      { type: 'delegation', ids: delegations },
      { type: 'delegation_handover', ids: handovers },
    ];
    await stripPersonalAuditKeys(manager, subjects);
    await this.delegations.withdrawOnRegistrationCancelled(tx, delegationId, REGISTRATION_CANCELLED);
    await this.forgetClaimMails(tx, addresses, delegations);
    await manager.query(`DELETE FROM delegation_handover WHERE id = ANY($1)`, [handovers]);
    // The delegations stay, as the record of who acted for what under which consent; the external
    // key goes too, so that the facilitator's file can register the shop again under the same code.
    await manager.query(`UPDATE delegation SET shop_id = NULL, invited_email = NULL, link_secret_hash = NULL, external_key = NULL WHERE id = ANY($1)`, [delegations]);
    await manager.query(`DELETE FROM help_request WHERE id = ANY($1)`, [requests]);
    await manager.query(`DELETE FROM help_request_bundle WHERE id = ANY($1)`, [bundles]);
    await manager.query(`DELETE FROM shop WHERE id = $1`, [shopId]);
  }

  /**
   * The claim e-mails of the shop's delegations (to addresses with no account, user_id NULL, keyed
   * by the delegation) and the copies staff sent again of them: deleted, but for those that may have
   * reached the address in the last day. Those lose their words and link and keep only their address
   * and time, which the daily limit of claim e-mails to an address counts (PaperConsentRecords.claimsSentTo):
   * registering and cancelling in a loop cannot send an address more than the limit. The mail
   * retention deletes them with the others. One still queued is deleted, so never sent.
   */
  private async forgetClaimMails(tx: RequestContext, addresses: readonly string[], delegations: readonly string[]): Promise<void> {
    const manager = this.connection.manager(tx);
    const rows: { id: string; counted: boolean }[] = await manager.query(
      `WITH RECURSIVE claim AS (
         SELECT id FROM mail_message WHERE user_id IS NULL AND kind = $1 AND lower(recipient) = ANY($2)
            AND split_part(idempotency_key, ':', 1) = 'delegation' AND split_part(idempotency_key, ':', 2) = ANY($3) AND split_part(idempotency_key, ':', 3) = 'claim'
         UNION
         SELECT m.id FROM mail_message m JOIN claim c ON m.idempotency_key = 'resend:' || c.id)
       SELECT m.id, (m.status NOT IN ('QUEUED', 'FAILED') AND m.created_at > $4) AS counted FROM mail_message m JOIN claim c ON c.id = m.id`,
      [MailKind.SHOP_CLAIM_INVITATION, addresses, delegations, new Date(tx.now.getTime() - DAY_MS)],
    );
    const counted = rows.filter((row) => row.counted).map((row) => row.id);
    await manager.query(`DELETE FROM mail_message WHERE id = ANY($1) AND NOT id = ANY($2)`, [rows.map((row) => row.id), counted]);
    await manager.query(`UPDATE mail_message SET subject = $2, text = $2, html = $2, action_url = NULL WHERE id = ANY($1)`, [counted, ERASED_TEXT]);
  }
}
