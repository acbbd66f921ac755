import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import type { FacilitatorEntity } from '../facilitator/facilitator.entity';
import { FacilitatorService } from '../facilitator/facilitator.service';
import { WEB_PAGES } from '../mail/mail-settings';
import { MailService } from '../mail/mail.service';
import { MailKind } from '../mail/mail.types';
import { day } from '../messages';
import { NotificationService } from '../notification/notification.service';
import type { ShopEntity } from '../shop/shop.entity';
import { ShopService } from '../shop/shop.service';
import type { OfferHandover } from './delegation.commands';
import { DelegationHandoverEntity } from './delegation-handover.entity';
import { handoverRows, HandoverRow, receiversByEmail } from './delegation-handover.queries';
import { pickReceiver } from './delegation-handover.receiver';
import { HANDED_OVER, HandoverNotice, HandoverStatus } from './delegation-handover.types';
import { DelegationEntity } from './delegation.entity';
import { DelegationErrorCode, DelegationException } from './delegation.exception';
import { DelegationRecords } from './delegation.records';
import { DelegationStatus } from './delegation.types';

export type HandoverOutcome =
  | { kind: 'handover'; handover: HandoverRow }
  /** The caller's own organisation is not approved (or suspended): it cannot take a shop over. */
  | { kind: 'not-approved' }
  /** No organisation has this address, or several share it as their contact address. */
  | { kind: 'receiver-unknown'; ambiguous: boolean }
  | { kind: 'receiver-not-approved' }
  | { kind: 'to-self' }
  | { kind: 'already-delegated' }
  /** The giver does not act for the shop (any more): `SELF` when the giver is the caller. */
  | { kind: 'not-acting'; giver: 'SELF' | 'OTHER' }
  /** The owner has claimed the shop: the owner decides who acts for it. */
  | { kind: 'shop-claimed' }
  /** The shop is already offered (by this or another facilitator acting for it), waiting for an answer. */
  | { kind: 'handover-pending' }
  | { kind: 'not-pending'; current: HandoverStatus };

const shopName = (shop: Pick<ShopEntity, 'tradingName' | 'legalName'>): string => shop.tradingName ?? shop.legalName;

/**
 * Handing a shop registered on paper, not claimed yet, from the facilitator acting for it to
 * another approved one: the giver offers it (by the receiver's address) and may take the offer
 * back; the receiver accepts or declines. Accepting gives the receiver a delegation like the
 * giver's (the same consent, declaration and claim link: the owner can still claim the shop) and
 * ends the giver's, in one transaction under the shop's lock. Every change is audited and the
 * other organisation told. Locks, when taken: the giver's delegation, the shop, the receiver's
 * organisation, the handover, in that order (the order of a withdrawal and of a claim).
 */
@Injectable()
export class DelegationHandoverService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly facilitators: FacilitatorService,
    private readonly shops: ShopService,
    private readonly records: DelegationRecords,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  /** The giver offers the shop of one of its delegations to the organisation the address names. */
  async offer(ctx: RequestContext, input: OfferHandover): Promise<HandoverOutcome> {
    const self = ctx.onBehalfOf(undefined);
    const actor = requireActor(self, UserRole.FACILITATOR);
    const giver = await this.facilitators.requireOwn(self);
    return this.connection.withTransaction(self, async (tx) => {
      const delegation = await this.lockDelegation(tx, input.delegationId);
      if (!delegation || delegation.facilitatorId !== giver.id) throw new DelegationException(DelegationErrorCode.DELEGATION_NOT_FOUND, 'input.delegationId');
      if (delegation.status !== DelegationStatus.ACTIVE || !delegation.shopId) return { kind: 'not-acting', giver: 'SELF' };
      const shop = await this.shops.lock(tx, delegation.shopId);
      if (!shop) throw new Error(`delegation ${delegation.id} of unknown shop`);
      if (shop.ownerUserId) return { kind: 'shop-claimed' };
      const handovers = this.connection.repository(tx, DelegationHandoverEntity);
      if (await handovers.existsBy({ shopId: shop.id, status: HandoverStatus.PENDING })) return { kind: 'handover-pending' };
      const picked = pickReceiver(await receiversByEmail(this.connection.manager(tx), input.toEmail));
      if (picked.kind !== 'found') return picked;
      const receiver = picked.receiver;
      if (receiver.id === giver.id) return { kind: 'to-self' };
      if (!(await this.facilitators.lockActing(tx, receiver.id))) return { kind: 'receiver-not-approved' };
      if (await this.actsFor(tx, receiver.id, shop.id)) return { kind: 'already-delegated' };
      const handover = await handovers.save(
        handovers.create({
          shopId: shop.id,
          fromDelegationId: delegation.id,
          fromFacilitatorId: giver.id,
          toFacilitatorId: receiver.id,
          toDelegationId: null,
          status: HandoverStatus.PENDING,
          offeredByUserId: actor.userId,
          decidedAt: null,
          decidedByUserId: null,
        }),
      );
      await this.audit.record(tx, {
        action: 'delegation_handover.offered',
        entityType: 'delegation_handover',
        entityId: handover.id,
        after: { status: HandoverStatus.PENDING, shopId: shop.id, fromDelegationId: delegation.id, fromFacilitatorId: giver.id, toFacilitatorId: receiver.id },
      });
      await this.tell(tx, receiver.ownerUserId, shopName(shop), giver.name, 'OFFERED');
      return this.answerWith(tx, handover.id);
    });
  }

  /** The giver takes back an offer nobody has answered yet; the receiver is told. */
  async withdraw(ctx: RequestContext, handoverId: string): Promise<HandoverOutcome> {
    const self = ctx.onBehalfOf(undefined);
    const actor = requireActor(self, UserRole.FACILITATOR);
    const giver = await this.facilitators.requireOwn(self);
    return this.connection.withTransaction(self, async (tx) => {
      const handover = await this.lockHandover(tx, handoverId);
      if (!handover || handover.fromFacilitatorId !== giver.id) throw new DelegationException(DelegationErrorCode.HANDOVER_NOT_FOUND, 'input.handoverId');
      if (handover.status !== HandoverStatus.PENDING) return { kind: 'not-pending', current: handover.status };
      await this.decide(tx, handover, HandoverStatus.WITHDRAWN, actor.userId);
      const [receiver] = await this.facilitators.findByIds([handover.toFacilitatorId]);
      if (receiver) await this.tell(tx, receiver.ownerUserId, await this.nameOfShop(tx, handover.shopId), giver.name, 'WITHDRAWN');
      return this.answerWith(tx, handover.id);
    });
  }

  /** The receiver accepts (and from then on acts for the shop, the giver no longer) or declines; the giver is told. */
  async answer(ctx: RequestContext, handoverId: string, accept: boolean): Promise<HandoverOutcome> {
    const self = ctx.onBehalfOf(undefined);
    const actor = requireActor(self, UserRole.FACILITATOR);
    const receiver = await this.facilitators.requireOwn(self);
    // Read without a lock to learn which delegation and shop to lock first; read again under the locks.
    const seen = await this.connection.repository(self, DelegationHandoverEntity).findOneBy({ id: handoverId });
    if (!seen || seen.toFacilitatorId !== receiver.id) throw new DelegationException(DelegationErrorCode.HANDOVER_NOT_FOUND, 'input.handoverId');
    const [giver] = await this.facilitators.findByIds([seen.fromFacilitatorId]);
    if (!giver) throw new Error(`handover ${seen.id} from unknown facilitator`);
    return this.connection.withTransaction(self, async (tx) => {
      if (!accept) {
        const handover = await this.lockHandover(tx, handoverId);
        if (!handover) throw new DelegationException(DelegationErrorCode.HANDOVER_NOT_FOUND, 'input.handoverId');
        if (handover.status !== HandoverStatus.PENDING) return { kind: 'not-pending', current: handover.status };
        await this.decide(tx, handover, HandoverStatus.DECLINED, actor.userId);
        await this.tell(tx, giver.ownerUserId, await this.nameOfShop(tx, handover.shopId), receiver.name, 'DECLINED');
        return this.answerWith(tx, handover.id);
      }
      return this.takeOver(tx, seen, giver, receiver, actor.userId);
    });
  }

  /** The organisation's pending handovers: offered to it (INCOMING) or by it (OUTGOING), newest first. */
  async pending(ctx: RequestContext, direction: 'INCOMING' | 'OUTGOING', page: PageRequest): Promise<Page<HandoverRow>> {
    const self = ctx.onBehalfOf(undefined);
    const facilitator = await this.facilitators.requireOwn(self);
    const { rows, total } = await handoverRows(this.connection.manager(self), { facilitatorId: facilitator.id, direction }, page);
    return toPage(rows, total, page);
  }

  private async takeOver(tx: RequestContext, seen: DelegationHandoverEntity, giver: FacilitatorEntity, receiver: FacilitatorEntity, by: string): Promise<HandoverOutcome> {
    const given = await this.lockDelegation(tx, seen.fromDelegationId);
    const shop = await this.shops.lock(tx, seen.shopId);
    const approved = await this.facilitators.lockActing(tx, receiver.id);
    const handover = await this.lockHandover(tx, seen.id);
    if (!given || !shop || !handover) throw new Error(`handover ${seen.id} lost its delegation or shop`);
    if (handover.status !== HandoverStatus.PENDING) return { kind: 'not-pending', current: handover.status };
    if (!approved) return { kind: 'not-approved' };
    if (given.status !== DelegationStatus.ACTIVE) return { kind: 'not-acting', giver: 'OTHER' };
    if (shop.ownerUserId) return { kind: 'shop-claimed' };
    if (await this.actsFor(tx, receiver.id, shop.id)) return { kind: 'already-delegated' };

    const delegations = this.connection.repository(tx, DelegationEntity);
    // The giver's consent, declaration and claim link go with the shop: its owner's link keeps working.
    const taken = await delegations.save(
      delegations.create({
        facilitatorId: receiver.id,
        shopId: shop.id,
        status: DelegationStatus.ACTIVE,
        consent: given.consent,
        paperDeclaredOn: given.paperDeclaredOn,
        externalKey: null,
        invitedEmail: given.invitedEmail,
        linkSecretHash: given.linkSecretHash,
        linkExpiresAt: given.linkExpiresAt,
        linkUsedAt: given.linkUsedAt,
        activatedAt: tx.now,
        endedAt: null,
        endedByUserId: null,
      }),
    );
    await this.audit.record(tx, {
      action: 'delegation.taken_over',
      entityType: 'delegation',
      entityId: taken.id,
      after: { status: DelegationStatus.ACTIVE, shopId: shop.id, facilitatorId: receiver.id, consent: taken.consent, paperDeclaredOn: taken.paperDeclaredOn, fromDelegationId: given.id, handoverId: handover.id },
    });
    // Ended by the giver's own offer, which the receiver's answer makes effective.
    await this.records.end(tx, given, DelegationStatus.WITHDRAWN, handover.offeredByUserId, HANDED_OVER);
    await this.decide(tx, handover, HandoverStatus.ACCEPTED, by, taken.id);
    const name = shopName(shop);
    await this.tell(tx, giver.ownerUserId, name, receiver.name, 'ACCEPTED');
    await this.tell(tx, receiver.ownerUserId, name, giver.name, 'TAKEN_OVER');
    await this.tellOwner(tx, taken, name, giver, receiver);
    return this.answerWith(tx, handover.id);
  }

  /**
   * The owner signed the paper consent for the giver: told by e-mail, at the address the claim
   * link went to, that the receiver now acts for the shop in its place, and whether that link
   * still works (it carried over) or a new one is to be asked of the receiver.
   */
  private async tellOwner(tx: RequestContext, taken: DelegationEntity, shop: string, giver: FacilitatorEntity, receiver: FacilitatorEntity): Promise<void> {
    if (!taken.invitedEmail || !taken.paperDeclaredOn) return;
    const linkWorks = taken.linkSecretHash !== null && taken.linkUsedAt === null && taken.linkExpiresAt !== null && taken.linkExpiresAt > tx.now;
    await this.mail.enqueue(tx, [
      {
        idempotencyKey: `delegation:${taken.id}:handed-over`,
        kind: MailKind.SHOP_HANDED_OVER,
        userId: null,
        recipient: taken.invitedEmail,
        values: {
          from: giver.name,
          to: receiver.name,
          shop,
          declaredOn: day(new Date(`${taken.paperDeclaredOn}T12:00:00Z`)),
          linkUntil: linkWorks && taken.linkExpiresAt ? day(taken.linkExpiresAt) : null,
          toEmail: receiver.contactEmail,
          contactsUrl: this.mail.link(WEB_PAGES.contacts),
        },
      },
    ]);
  }

  private async decide(tx: RequestContext, handover: DelegationHandoverEntity, status: HandoverStatus, by: string, toDelegationId: string | null = null): Promise<void> {
    await this.connection.repository(tx, DelegationHandoverEntity).update({ id: handover.id }, { status, decidedAt: tx.now, decidedByUserId: by, toDelegationId });
    await this.audit.record(tx, {
      action: `delegation_handover.${status.toLowerCase()}`,
      entityType: 'delegation_handover',
      entityId: handover.id,
      before: { status: handover.status },
      after: { status, ...(toDelegationId ? { toDelegationId } : {}) },
    });
  }

  private async answerWith(tx: RequestContext, id: string): Promise<HandoverOutcome> {
    const { rows } = await handoverRows(this.connection.manager(tx), { id });
    if (!rows[0]) throw new Error(`handover ${id} not found after writing it`);
    return { kind: 'handover', handover: rows[0] };
  }

  private actsFor(tx: RequestContext, facilitatorId: string, shopId: string): Promise<boolean> {
    return this.connection.repository(tx, DelegationEntity).existsBy({ facilitatorId, shopId, status: DelegationStatus.ACTIVE });
  }

  private async nameOfShop(tx: RequestContext, shopId: string): Promise<string> {
    const [shop] = await this.shops.findMany(tx, [shopId]);
    return shop ? shopName(shop) : '';
  }

  private lockDelegation(tx: RequestContext, id: string): Promise<DelegationEntity | null> {
    return this.connection.repository(tx, DelegationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private lockHandover(tx: RequestContext, id: string): Promise<DelegationHandoverEntity | null> {
    return this.connection.repository(tx, DelegationHandoverEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private async tell(tx: RequestContext, userId: string, shop: string, facilitatorName: string, notice: HandoverNotice): Promise<void> {
    await this.notifications.notify(tx, [{ userId, kind: 'DELEGATION_HANDOVER', params: { shopName: shop, facilitatorName, status: notice, audience: 'FACILITATOR' } }]);
  }
}
