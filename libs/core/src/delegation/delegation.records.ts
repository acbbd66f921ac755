import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { DelegationHandoverEntity } from './delegation-handover.entity';
import { HandoverStatus } from './delegation-handover.types';
import { DelegationEntity } from './delegation.entity';
import { DelegationStatus } from './delegation.types';

/** A pending handover the platform called off, and the two organisations it was between. */
export interface CancelledHandover {
  id: string;
  shopId: string;
  fromFacilitatorId: string;
  toFacilitatorId: string;
}

/**
 * The writes every way of ending a delegation shares (a shop's revocation, a facilitator's
 * withdrawal, an erasure, a handover taken over), each audited the same way, in the caller's
 * transaction with the delegation already locked.
 */
@Injectable()
export class DelegationRecords {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  /** Ends a live delegation (or an invitation): its link stops working; audited as `delegation.<status>`, with the reason when one is given. */
  async end(tx: RequestContext, current: DelegationEntity, status: DelegationStatus, by: string, reason?: string): Promise<DelegationEntity> {
    const delegations = this.connection.repository(tx, DelegationEntity);
    // merge() writes into `current`: the status it had is read first.
    const before = { status: current.status };
    const ended = await delegations.save(delegations.merge(current, { status, endedAt: tx.now, endedByUserId: by, linkSecretHash: null }));
    await this.audit.record(tx, {
      action: `delegation.${status.toLowerCase()}`,
      entityType: 'delegation',
      entityId: current.id,
      before,
      after: { status, shopId: current.shopId, facilitatorId: current.facilitatorId, ...(reason ? { reason } : {}) },
    });
    return ended;
  }

  /**
   * Calls off the pending handovers that can no longer go through (CANCELLED, no one deciding),
   * audited with the reason: those an organisation offered or was offered, when its account is
   * erased; the one of a shop, when its owner claims it. Returns them, for the caller to tell the
   * organisations.
   */
  async cancelPendingHandovers(tx: RequestContext, of: { facilitatorId: string } | { shopId: string }, reason: string): Promise<CancelledHandover[]> {
    const query = this.connection
      .repository(tx, DelegationHandoverEntity)
      .createQueryBuilder('h')
      .setLock('pessimistic_write')
      .where('h.status = :pending', { pending: HandoverStatus.PENDING });
    const pending = await ('shopId' in of
      ? query.andWhere('h.shop_id = :shop', { shop: of.shopId })
      : query.andWhere('(h.from_facilitator_id = :id OR h.to_facilitator_id = :id)', { id: of.facilitatorId })
    )
      .orderBy('h.id')
      .getMany();
    if (pending.length === 0) return [];
    await this.connection
      .repository(tx, DelegationHandoverEntity)
      .update(
        pending.map((handover) => handover.id),
        { status: HandoverStatus.CANCELLED, decidedAt: tx.now, decidedByUserId: null },
      );
    await this.audit.recordMany(
      tx,
      pending.map((handover) => ({
        action: 'delegation_handover.cancelled',
        entityType: 'delegation_handover',
        entityId: handover.id,
        before: { status: HandoverStatus.PENDING },
        after: { status: HandoverStatus.CANCELLED, reason },
      })),
    );
    return pending.map(({ id, shopId, fromFacilitatorId, toFacilitatorId }) => ({ id, shopId, fromFacilitatorId, toFacilitatorId }));
  }
}
