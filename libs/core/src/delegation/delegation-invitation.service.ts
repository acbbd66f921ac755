import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { addDays } from '../common/time';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { FacilitatorService } from '../facilitator/facilitator.service';
import { MailKind } from '../mail/mail.types';
import { MailService } from '../mail/mail.service';
import { day } from '../messages';
import { ThrottleService } from '../throttle/throttle.service';
import type { InviteShop } from './delegation.commands';
import { linkToken, newLinkSecret } from './delegation-link';
import { DelegationEntity } from './delegation.entity';
import { DelegationErrorCode, DelegationException } from './delegation.exception';
import { DelegationRecords } from './delegation.records';
import { DelegationStatus, LINK_VALID_DAYS } from './delegation.types';

/** The reason an invitation whose link lapsed ends with, when the organisation invites the same address again. */
const INVITED_AGAIN = 'INVITED_AGAIN';

export type InvitationOutcome =
  | { kind: 'delegation'; delegation: DelegationEntity }
  | { kind: 'not-approved' }
  /** The organisation acts already for the shop of this address (its owner's sign-in or its contact address). */
  | { kind: 'already-delegated' }
  /** The organisation invited this address already and the link still works: one e-mail is enough. */
  | { kind: 'invitation-pending'; invitedAt: Date; expiresAt: Date };

/**
 * A facilitator invites a shop by e-mail; the shop's owner accepts through the link, signed in.
 * An address gets one working invitation from an organisation at a time, and an organisation
 * sends at most THROTTLE_INVITATIONS_PER_ORGANISATION an hour: the e-mails go to people who have
 * not asked for them.
 */
@Injectable()
export class DelegationInvitationService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly facilitators: FacilitatorService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly throttle: ThrottleService,
    private readonly records: DelegationRecords,
  ) {}

  async invite(ctx: RequestContext, input: InviteShop): Promise<InvitationOutcome> {
    const self = ctx.onBehalfOf(undefined);
    const actor = requireActor(self, UserRole.FACILITATOR);
    const { facilitator, approved } = await this.facilitators.requireOwnApproved(self);
    if (!approved) return { kind: 'not-approved' };
    return this.connection.withTransaction(self, async (tx) => {
      // Locked: two invitations of one organisation are written one after the other, so the check below holds.
      if (!(await this.facilitators.lockActing(tx, facilitator.id))) return { kind: 'not-approved' };
      const delegations = this.connection.repository(tx, DelegationEntity);
      // The organisation's unanswered invitations to this address: one whose link still works, or those that lapsed.
      const unanswered = await delegations
        .createQueryBuilder('d')
        .setLock('pessimistic_write')
        .where('d.facilitator_id = :facilitator AND d.status = :invited AND lower(d.invited_email) = lower(:email)', {
          facilitator: facilitator.id,
          invited: DelegationStatus.INVITED,
          email: input.email,
        })
        .orderBy('d.created_at', 'DESC')
        .addOrderBy('d.id')
        .getMany();
      const pending = unanswered.find((d) => d.linkExpiresAt && d.linkExpiresAt.getTime() > tx.now.getTime());
      if (pending?.linkExpiresAt) return { kind: 'invitation-pending', invitedAt: pending.createdAt, expiresAt: pending.linkExpiresAt };
      if (await this.actsForShopOf(tx, facilitator.id, input.email)) return { kind: 'already-delegated' };
      // An invitation is answered signed in with a shop account at the address: any other account there could only be refused.
      if (await this.cannotAnswer(tx, input.email)) throw new DelegationException(DelegationErrorCode.INVITEE_CANNOT_ANSWER, 'input.email');
      await this.throttle.consumeInvitation(facilitator.id);
      // Those that lapsed end: the new invitation takes their place on the desk.
      for (const lapsed of unanswered) await this.records.end(tx, lapsed, DelegationStatus.WITHDRAWN, actor.userId, INVITED_AGAIN);
      const link = newLinkSecret();
      const expires = addDays(tx.now, LINK_VALID_DAYS);
      const delegation = await delegations.save(
        delegations.create({
          facilitatorId: facilitator.id,
          shopId: null,
          status: DelegationStatus.INVITED,
          consent: null,
          paperDeclaredOn: null,
          invitedEmail: input.email,
          linkSecretHash: link.hash,
          linkExpiresAt: expires,
          linkUsedAt: null,
          activatedAt: null,
          endedAt: null,
          endedByUserId: null,
        }),
      );
      await this.audit.record(tx, { action: 'delegation.invited', entityType: 'delegation', entityId: delegation.id, after: { facilitatorId: facilitator.id, invitedEmail: input.email } });
      await this.mail.enqueue(tx, [
        {
          idempotencyKey: `delegation:${delegation.id}:invitation`,
          kind: MailKind.DELEGATION_INVITATION,
          userId: null,
          recipient: input.email,
          values: { facilitator: facilitator.name, link: this.mail.link(`/delega#${linkToken(delegation.id, link.secret)}`), validUntil: day(expires) },
        },
      ]);
      return { kind: 'delegation', delegation };
    });
  }

  /** Whether the address is an account's that is not a shop's, or is disabled. */
  private async cannotAnswer(tx: RequestContext, email: string): Promise<boolean> {
    const rows: unknown[] = await this.connection
      .manager(tx)
      .query(`SELECT 1 FROM user_account WHERE email = lower($1) AND (role <> 'SHOP' OR disabled_at IS NOT NULL) LIMIT 1`, [email]);
    return rows.length > 0;
  }

  /**
   * Whether the organisation already acts for a shop whose owner signs in with this address or
   * which has it as its contact: inviting it again would only end in "already acts for it". What
   * it learns is about a shop it acts for.
   */
  private async actsForShopOf(tx: RequestContext, facilitatorId: string, email: string): Promise<boolean> {
    const rows: unknown[] = await this.connection.manager(tx).query(
      `SELECT 1 FROM delegation d JOIN shop s ON s.id = d.shop_id LEFT JOIN user_account u ON u.id = s.owner_user_id
        WHERE d.facilitator_id = $1 AND d.status = 'ACTIVE' AND (u.email = lower($2) OR lower(s.contact_email) = lower($2))
        LIMIT 1`,
      [facilitatorId, email],
    );
    return rows.length > 0;
  }
}
