import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { isStaff, requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import type { FacilitatorEntity } from '../facilitator/facilitator.entity';
import { FacilitatorService } from '../facilitator/facilitator.service';
import { CLOSED_ON_ERASURE_REASON } from '../provider/organisation-decision';
import { providerActive } from '../provider/provider-verification';
import { VerificationStatus } from '../provider/provider.types';
import { CallPublisherEntity } from './call-publisher.entity';
import { SelectionCallEntity } from './selection-call.entity';
import { SelectionCallErrorCode, SelectionCallException } from './selection-call.exception';
import { SelectionCallStatus } from './selection-call.types';
import { isUniqueViolation } from '../common/unique-violation';

export type GrantPublisherOutcome =
  | { kind: 'grant'; grant: CallPublisherEntity }
  | { kind: 'not-approved'; status: VerificationStatus }
  | { kind: 'already-granted'; grant: CallPublisherEntity };

export type RevokePublisherOutcome = { kind: 'grant'; grant: CallPublisherEntity } | { kind: 'not-granted' };

export interface CallPublisherFilter {
  /** Only the grants in force (true) or only the revoked ones (false); both when absent. */
  readonly inForce?: boolean | null;
}

const fail = (code: SelectionCallErrorCode, field = 'id'): never => {
  throw new SelectionCallException(code, field);
};

/**
 * Who may run a call. Ministry staff run any call. A verified organisation the ministry authorises
 * (a grant in force) creates calls of its own and publishes, closes and excludes applicants on
 * them; it reads only its own calls' drafts and applications. A revoked or suspended organisation
 * acts on nothing: its open calls run to their closing (the sweep) under staff's oversight, and it
 * keeps reading its calls and their applications while approved, as the body that ran them.
 */
@Injectable()
export class CallPublisherService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly facilitators: FacilitatorService,
    private readonly audit: AuditService,
  ) {}

  /** Staff authorise an approved organisation to run calls. */
  async grant(ctx: RequestContext, facilitatorId: string): Promise<GrantPublisherOutcome> {
    const actor = requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    const facilitator = await this.facilitators.get(ctx, facilitatorId, 'input.facilitatorId');
    if (!providerActive(facilitator.verificationStatus)) return { kind: 'not-approved', status: facilitator.verificationStatus };
    try {
      return await this.connection.withTransaction(ctx, async (tx) => {
        const grants = this.connection.repository(tx, CallPublisherEntity);
        const current = await grants.findOneBy({ facilitatorId, revokedAt: IsNull() });
        if (current) return { kind: 'already-granted', grant: current };
        const grant = await grants.save(
          grants.create({ facilitatorId, grantedAt: tx.now, grantedByUserId: actor.userId, revokedAt: null, revokedByUserId: null, revokeReason: null }),
        );
        await this.audit.record(tx, { action: 'call_publisher.granted', entityType: 'call_publisher', entityId: grant.id, after: { facilitatorId, grantedAt: grant.grantedAt } });
        return { kind: 'grant', grant };
      });
    } catch (error) {
      // Two staff granting at once: the partial unique index keeps one grant in force.
      if (!isUniqueViolation(error)) throw error;
      return { kind: 'already-granted', grant: await this.connection.repository(ctx, CallPublisherEntity).findOneByOrFail({ facilitatorId, revokedAt: IsNull() }) };
    }
  }

  /** Staff revoke an organisation's authorisation, saying why: no new calls, no publishing, no acting on its open calls. */
  async revoke(ctx: RequestContext, facilitatorId: string, reason: string): Promise<RevokePublisherOutcome> {
    const actor = requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    await this.facilitators.get(ctx, facilitatorId, 'input.facilitatorId');
    return this.connection.withTransaction(ctx, async (tx) => {
      const current = await this.lockGrantInForce(tx, facilitatorId);
      if (!current) return { kind: 'not-granted' };
      const [{ open }]: { open: number }[] = await this.connection
        .manager(tx)
        .query(`SELECT count(*)::int AS open FROM selection_call WHERE publisher_facilitator_id = $1 AND status = $2`, [facilitatorId, SelectionCallStatus.OPEN]);
      await this.endGrant(tx, current, actor.userId, reason, { openCallsLeftToStaff: open });
      return { kind: 'grant', grant: await this.connection.repository(tx, CallPublisherEntity).findOneByOrFail({ id: current.id }) };
    });
  }

  /**
   * The organisation's owner account was erased: nobody can act for it any more, so its
   * authorisation ends with it, in the erasure's transaction, revoked by the account that asked
   * for the erasure (audited).
   */
  async revokeOnErasure(tx: RequestContext, facilitatorId: string): Promise<void> {
    const actor = requireActor(tx, UserRole.FACILITATOR);
    const current = await this.lockGrantInForce(tx, facilitatorId);
    if (current) await this.endGrant(tx, current, actor.userId, CLOSED_ON_ERASURE_REASON);
  }

  /** The organisation's grant in force, locked for its revocation; null when there is none. */
  private lockGrantInForce(tx: RequestContext, facilitatorId: string): Promise<CallPublisherEntity | null> {
    return this.connection.repository(tx, CallPublisherEntity).findOne({ where: { facilitatorId, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  /** Revokes a grant in force, audited with what the revocation adds to say (`more`). */
  private async endGrant(tx: RequestContext, grant: CallPublisherEntity, byUserId: string, reason: string, more: Record<string, unknown> = {}): Promise<void> {
    await this.connection.repository(tx, CallPublisherEntity).update({ id: grant.id }, { revokedAt: tx.now, revokedByUserId: byUserId, revokeReason: reason });
    await this.audit.record(tx, {
      action: 'call_publisher.revoked',
      entityType: 'call_publisher',
      entityId: grant.id,
      before: { revokedAt: null },
      after: { facilitatorId: grant.facilitatorId, revokedAt: tx.now, revokeReason: reason, ...more },
    });
  }

  /**
   * A draft goes out only while its organisation is approved and authorised, whoever publishes it.
   * An organisation's own account got here through requireRunner, which asked the same of it:
   * only staff publishing for an organisation are checked again.
   */
  async requireDraftOrganisation(ctx: RequestContext, call: SelectionCallEntity): Promise<void> {
    const facilitatorId = call.publisherFacilitatorId;
    if (facilitatorId === null || !isStaff(ctx.actor)) return;
    const organisation = await this.facilitators.get(ctx, facilitatorId);
    if (!providerActive(organisation.verificationStatus) || !(await this.grantInForce(ctx, facilitatorId))) fail(SelectionCallErrorCode.PUBLISHER_NOT_AUTHORISED);
  }

  /** Staff: grants, newest first; `inForce` keeps the current or the revoked ones. */
  async list(ctx: RequestContext, filter: CallPublisherFilter, page: PageRequest): Promise<Page<CallPublisherEntity>> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    const query = this.connection.repository(ctx, CallPublisherEntity).createQueryBuilder('g');
    if (filter.inForce === true) query.andWhere('g.revoked_at IS NULL');
    if (filter.inForce === false) query.andWhere('g.revoked_at IS NOT NULL');
    const [items, total] = await query.orderBy('g.granted_at', 'DESC').addOrderBy('g.id').skip(page.offset).take(page.first).getManyAndCount();
    return toPage(items, total, page);
  }

  /** The caller's organisation's grant in force, or null (an organisation account). */
  async findOwnInForce(ctx: RequestContext): Promise<CallPublisherEntity | null> {
    const own = await this.facilitators.requireOwn(ctx);
    return this.connection.repository(ctx, CallPublisherEntity).findOneBy({ facilitatorId: own.id, revokedAt: IsNull() });
  }

  /** The organisation an account creates calls for: approved, with a grant in force; else a clear refusal. */
  async requireActingOrganisation(ctx: RequestContext): Promise<FacilitatorEntity> {
    const own = await this.facilitators.requireOwn(ctx);
    if (!providerActive(own.verificationStatus)) fail(SelectionCallErrorCode.ORGANISATION_NOT_APPROVED);
    if (!(await this.grantInForce(ctx, own.id))) fail(SelectionCallErrorCode.NOT_CALL_PUBLISHER);
    return own;
  }

  /**
   * Whether the organisation's grant is in force, read under a share lock: a revocation (by staff,
   * or by the owner's erasure) that is under way is waited for, so that nothing is published or
   * run on a grant being revoked at the same moment (outside a transaction the lock ends with the
   * statement, and only the wait remains).
   */
  private async grantInForce(ctx: RequestContext, facilitatorId: string): Promise<boolean> {
    const rows: unknown[] = await this.connection.manager(ctx).query(`SELECT 1 FROM call_publisher WHERE facilitator_id = $1 AND revoked_at IS NULL FOR SHARE`, [facilitatorId]);
    return rows.length > 0;
  }

  /** Publish, close, exclude: staff on any call; an authorised organisation on its own. */
  async requireRunner(ctx: RequestContext, call: SelectionCallEntity, field = 'id'): Promise<void> {
    const actor = requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR);
    if (isStaff(actor)) return;
    const own = await this.facilitators.requireOwn(ctx);
    if (call.publisherFacilitatorId !== own.id) fail(call.status === SelectionCallStatus.DRAFT ? SelectionCallErrorCode.CALL_NOT_FOUND : SelectionCallErrorCode.NOT_CALL_RUNNER, field);
    await this.requireActingOrganisation(ctx);
  }

  /**
   * A call's applications: staff on any call; an approved organisation on its own (authorised or
   * no longer). Returns whether the reader sees the applicants' contacts: staff, and the
   * organisation while its authorisation is in force (it runs the call then); once revoked it
   * keeps the record of its call, not a way to reach the shops.
   */
  async requireReader(ctx: RequestContext, call: SelectionCallEntity, field = 'callId'): Promise<{ contacts: boolean }> {
    const actor = requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR);
    if (isStaff(actor)) return { contacts: true };
    const own = await this.facilitators.requireOwn(ctx);
    if (call.publisherFacilitatorId !== own.id) fail(call.status === SelectionCallStatus.DRAFT ? SelectionCallErrorCode.CALL_NOT_FOUND : SelectionCallErrorCode.NOT_CALL_RUNNER, field);
    if (!providerActive(own.verificationStatus)) fail(SelectionCallErrorCode.ORGANISATION_NOT_APPROVED, field);
    return { contacts: await this.connection.repository(ctx, CallPublisherEntity).existsBy({ facilitatorId: own.id, revokedAt: IsNull() }) };
  }

  /** The caller's organisation id when the caller is an organisation account with one, else null. */
  async ownOrganisationId(ctx: RequestContext): Promise<string | null> {
    if (ctx.actor?.role !== UserRole.FACILITATOR) return null;
    return (await this.facilitators.findOwn(ctx))?.id ?? null;
  }
}
