import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { FacilitatorService } from '../facilitator/facilitator.service';
import { NotificationService } from '../notification/notification.service';
import { providerActive } from '../provider/provider-verification';
import { ShopService } from '../shop/shop.service';
import type { DelegatedShopFilter, RegisterShopOnPaper } from './delegation.commands';
import { DelegationEntity } from './delegation.entity';
import { DelegationErrorCode, DelegationException } from './delegation.exception';
import { DelegationConsent, DelegationStatus } from './delegation.types';
import { DelegatedShopRow, delegatedShops } from './delegated-shops.query';
import { unclaimedShopsOnlyActedForBy } from './unclaimed-shops.query';
import { OnBehalfSubject, onBehalfSubjects, subjectOf } from './on-behalf-subjects.query';
import { assertDeclaredOn, PaperConsentRecords } from './paper-consent.records';
import { DelegationRecords } from './delegation.records';
import { ThrottleService } from '../throttle/throttle.service';

export type DelegationOutcome =
  | { kind: 'delegation'; delegation: DelegationEntity }
  | { kind: 'not-approved' }
  | { kind: 'already-delegated' }
  | { kind: 'invalid-transition'; current: DelegationStatus }
  | { kind: 'partita-iva-taken' }
  /** The delegation is not a live paper one whose shop is still unclaimed: there is nothing to claim. */
  | { kind: 'not-claimable'; current: DelegationStatus }
  /** The facilitator would stop acting for a shop registered on paper, not claimed, that no other facilitator acts for. */
  | { kind: 'unclaimed-shop' };

/** One thing a facilitator did in a shop's name, as the shop reads it. */
export interface ActionOnBehalf {
  id: string;
  occurredAt: Date;
  action: string;
  entityType: string;
  entityId: string;
  facilitatorName: string;
  /** The shop's request, service or bundle it concerned (null when it concerned the profile, or it is gone). */
  subject: OnBehalfSubject | null;
}

/** The reason recorded when a delegation ends because an account was erased (a code, not a person's words). */
const ACCOUNT_ERASED = 'ACCOUNT_ERASED';

/** What a facilitator may end, and what a shop may revoke. */
const WITHDRAWABLE: readonly DelegationStatus[] = [DelegationStatus.INVITED, DelegationStatus.ACTIVE];

/**
 * Delegations seen from each side: a facilitator registers a shop on a paper consent, lists those
 * it acts for and stops; a shop chooses a facilitator, lists its delegations with what was done in
 * its name, and revokes one at any time. Invitations by e-mail are in DelegationInvitationService;
 * links (accepting, claiming) in DelegationLinkService. Every change is audited and the other side
 * told, in one transaction.
 */
@Injectable()
export class DelegationService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly facilitators: FacilitatorService,
    private readonly shops: ShopService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly paper: PaperConsentRecords,
    private readonly records: DelegationRecords,
    private readonly throttle: ThrottleService,
  ) {}

  /**
   * A facilitator registers a business that has no account yet, under the paper consent its owner
   * signed (the date recorded, the delegation flagged PAPER); the owner gets a link to claim it.
   */
  async registerOnPaper(ctx: RequestContext, input: RegisterShopOnPaper): Promise<DelegationOutcome> {
    const self = ctx.onBehalfOf(undefined);
    const { facilitator, approved } = await this.facilitators.requireOwnApproved(self);
    if (!approved) return { kind: 'not-approved' };
    assertDeclaredOn(input.declaredOn, self.now, 'input.declaredOn');
    return this.connection.withTransaction(self, async (tx) => {
      await this.paper.assertClaimAllowed(tx, input.ownerEmail, 'input.ownerEmail');
      const registered = await this.shops.registerUnclaimed(tx, input.shop, 'input.shop');
      if (registered.kind !== 'shop') return registered;
      const { shop } = registered;
      const [delegation] = await this.paper.recordMany(tx, facilitator, [{ shop, ownerEmail: input.ownerEmail, declaredOn: input.declaredOn, externalKey: null }]);
      // Named in the answer: the form says which shop was registered, by whom.
      return { kind: 'delegation', delegation: Object.assign(delegation, { shop, facilitator }) };
    });
  }

  /**
   * The facilitator sends the claim link again (to the same address, or a corrected one) for a
   * shop it registered on paper that nobody has claimed yet: the previous link stops working.
   */
  async resendClaimLink(ctx: RequestContext, input: { delegationId: string; ownerEmail?: string | null }): Promise<DelegationOutcome> {
    const self = ctx.onBehalfOf(undefined);
    const { facilitator, approved } = await this.facilitators.requireOwnApproved(self);
    if (!approved) return { kind: 'not-approved' };
    return this.connection.withTransaction(self, async (tx) => {
      const current = await this.lockDelegation(tx, input.delegationId);
      if (!current || current.facilitatorId !== facilitator.id) throw new DelegationException(DelegationErrorCode.DELEGATION_NOT_FOUND, 'input.delegationId');
      const [shop] = current.shopId ? await this.shops.findMany(tx, [current.shopId]) : [];
      const claimable = current.status === DelegationStatus.ACTIVE && current.consent === DelegationConsent.PAPER && shop !== undefined && shop.ownerUserId === null;
      const ownerEmail = input.ownerEmail ?? current.invitedEmail;
      if (!claimable || !ownerEmail) return { kind: 'not-claimable', current: current.status };
      await this.paper.assertClaimAllowed(tx, ownerEmail, input.ownerEmail ? 'input.ownerEmail' : 'input.delegationId', current.id);
      const delegation = await this.paper.reissueClaim(tx, facilitator, current, shop, ownerEmail);
      // The shop's contact address was the owner's wrong one (the import fills it with the owner's when it has no other): corrected with it.
      if (input.ownerEmail && current.invitedEmail) shop.contactEmail = (await this.shops.correctContactEmail(tx, shop.id, current.invitedEmail, ownerEmail)) ?? shop.contactEmail;
      return { kind: 'delegation', delegation: Object.assign(delegation, { shop, facilitator }) };
    });
  }

  /** A shop chooses an approved facilitator to act for it: its consent, given here. */
  async grant(ctx: RequestContext, facilitatorId: string): Promise<DelegationOutcome> {
    const actor = requireActor(ctx, UserRole.SHOP);
    const shop = await this.shops.requireOwnShop(ctx);
    const facilitator = await this.facilitators.get(ctx, facilitatorId, 'input.facilitatorId');
    if (!providerActive(facilitator.verificationStatus)) return { kind: 'not-approved' };
    await this.throttle.consumeDelegationGrant(shop.id);
    return this.connection.withTransaction(ctx, async (tx) => {
      await this.shops.lock(tx, shop.id);
      if (!(await this.facilitators.lockActing(tx, facilitatorId))) return { kind: 'not-approved' };
      const delegations = this.connection.repository(tx, DelegationEntity);
      if (await delegations.existsBy({ shopId: shop.id, facilitatorId, status: DelegationStatus.ACTIVE })) return { kind: 'already-delegated' };
      // The organisation's invitation still waiting at the owner's address is answered by the choice: it becomes this delegation, its link spent.
      const invitation = await this.pendingInvitationTo(tx, facilitatorId, actor.userId);
      const granted = { shopId: shop.id, status: DelegationStatus.ACTIVE, consent: DelegationConsent.SHOP, activatedAt: tx.now, linkSecretHash: null };
      const delegation = await delegations.save(
        invitation
          ? delegations.merge(invitation, { ...granted, linkUsedAt: tx.now })
          : delegations.create({
              facilitatorId,
              ...granted,
              paperDeclaredOn: null,
              invitedEmail: null,
              linkExpiresAt: null,
              linkUsedAt: null,
              endedAt: null,
              endedByUserId: null,
            }),
      );
      await this.audit.record(tx, { action: 'delegation.granted', entityType: 'delegation', entityId: delegation.id, after: { facilitatorId, shopId: shop.id } });
      await this.tellFacilitator(tx, facilitator.ownerUserId, shop.tradingName ?? shop.legalName, 'ACTIVE');
      return { kind: 'delegation', delegation };
    });
  }

  /** The organisation's invitation, still usable, to the confirmed address of this shop account, locked; or null. */
  private async pendingInvitationTo(tx: RequestContext, facilitatorId: string, ownerUserId: string): Promise<DelegationEntity | null> {
    return this.connection
      .repository(tx, DelegationEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.facilitator_id = :facilitatorId AND d.status = :invited AND d.link_expires_at > :now', { facilitatorId, invited: DelegationStatus.INVITED, now: tx.now })
      .andWhere(`lower(d.invited_email) = (SELECT u.email FROM user_account u WHERE u.id = :owner AND u.email_verified_at IS NOT NULL)`, { owner: ownerUserId })
      .orderBy('d.created_at', 'DESC')
      .getOne();
  }

  /** The shop revokes a delegation: from this moment the facilitator can no longer act for it. */
  async revoke(ctx: RequestContext, delegationId: string): Promise<DelegationOutcome> {
    const actor = requireActor(ctx, UserRole.SHOP);
    const shop = await this.shops.requireOwnShop(ctx);
    return this.connection.withTransaction(ctx, async (tx) => {
      const current = await this.lockDelegation(tx, delegationId);
      if (!current || current.shopId !== shop.id) throw new DelegationException(DelegationErrorCode.DELEGATION_NOT_FOUND, 'input.delegationId');
      if (current.status !== DelegationStatus.ACTIVE) return { kind: 'invalid-transition', current: current.status };
      const delegation = await this.records.end(tx, current, DelegationStatus.REVOKED, actor.userId);
      const facilitator = await this.facilitatorOf(tx, current.facilitatorId);
      await this.tellFacilitator(tx, facilitator.ownerUserId, shop.tradingName ?? shop.legalName, 'REVOKED');
      return { kind: 'delegation', delegation };
    });
  }

  /**
   * The facilitator takes back an invitation or stops acting for a shop; the shop is told. Not for
   * a shop registered on paper that nobody has claimed and no other facilitator acts for: no one at
   * all could act for it then (the rule that also holds back the erasure of the organisation's account);
   * it hands such a shop over to another facilitator instead (DelegationHandoverService).
   */
  async withdraw(ctx: RequestContext, delegationId: string): Promise<DelegationOutcome> {
    const self = ctx.onBehalfOf(undefined);
    const actor = requireActor(self, UserRole.FACILITATOR);
    const facilitator = await this.facilitators.requireOwn(self);
    return this.connection.withTransaction(self, async (tx) => {
      const current = await this.lockDelegation(tx, delegationId);
      if (!current || current.facilitatorId !== facilitator.id) throw new DelegationException(DelegationErrorCode.DELEGATION_NOT_FOUND, 'input.delegationId');
      if (!WITHDRAWABLE.includes(current.status)) return { kind: 'invalid-transition', current: current.status };
      const [shop] = current.shopId ? await this.shops.findMany(tx, [current.shopId]) : [];
      if (current.status === DelegationStatus.ACTIVE && shop && shop.ownerUserId === null) {
        // Under the shop's lock: two facilitators of one unclaimed shop stopping at once are judged one after the other.
        await this.shops.lock(tx, shop.id);
        if ((await unclaimedShopsOnlyActedForBy(this.connection.manager(tx), facilitator.id, shop.id)) > 0) return { kind: 'unclaimed-shop' };
      }
      const delegation = await this.records.end(tx, current, DelegationStatus.WITHDRAWN, actor.userId);
      const owner = shop?.ownerUserId;
      if (owner) await this.notifications.notify(tx, [{ userId: owner, kind: 'DELEGATION_WITHDRAWN', params: { facilitatorName: facilitator.name, audience: 'SHOP' } }]);
      return { kind: 'delegation', delegation };
    });
  }

  /**
   * For the erasure of the shop owner's account, in its transaction: every live delegation of the
   * shop ends as revoked by its owner (audited like a revocation) and each facilitator is told,
   * under the name the shop has once erased, so that no one acts for the shop afterwards.
   */
  async revokeAllOnErasure(tx: RequestContext, shopId: string, shopName: string): Promise<number> {
    const actor = requireActor(tx, UserRole.SHOP);
    const live = await this.connection
      .repository(tx, DelegationEntity)
      .find({ where: { shopId, status: DelegationStatus.ACTIVE }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    for (const current of live) {
      await this.records.end(tx, current, DelegationStatus.REVOKED, actor.userId);
      await this.tellFacilitator(tx, (await this.facilitatorOf(tx, current.facilitatorId)).ownerUserId, shopName, DelegationStatus.REVOKED);
    }
    return live.length;
  }

  /**
   * For the erasure of a facilitator's account, in its transaction: every live delegation of the
   * organisation ends as withdrawn by it, with the reason ACCOUNT_ERASED in the audit trail. An
   * invitation's link stops working; the owner of each shop it acted for is told, by name, that the
   * organisation closed its account and that another facilitator can be chosen. Its pending
   * handovers, offered or received, are called off and the other organisation told. Returns how
   * many delegations ended.
   */
  async withdrawAllOnFacilitatorErasure(tx: RequestContext, facilitatorId: string): Promise<number> {
    const actor = requireActor(tx, UserRole.FACILITATOR);
    const facilitator = await this.facilitatorOf(tx, facilitatorId);
    if (facilitator.ownerUserId !== actor.userId) throw new DelegationException(DelegationErrorCode.DELEGATION_NOT_FOUND, 'facilitatorId');
    const live = await this.connection
      .repository(tx, DelegationEntity)
      .find({ where: { facilitatorId, status: In([...WITHDRAWABLE]) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const shopIds = live.flatMap((delegation) => (delegation.shopId ? [delegation.shopId] : []));
    const owners = new Map((await this.shops.findMany(tx, shopIds)).map((shop) => [shop.id, shop.ownerUserId]));
    for (const current of live) {
      await this.records.end(tx, current, DelegationStatus.WITHDRAWN, actor.userId, ACCOUNT_ERASED);
      const owner = current.shopId ? owners.get(current.shopId) : null;
      if (owner) {
        await this.notifications.notify(tx, [
          { userId: owner, kind: 'DELEGATION_WITHDRAWN', params: { facilitatorName: facilitator.name, audience: 'SHOP', reason: ACCOUNT_ERASED } },
        ]);
      }
    }
    // Shops it offered, or was offered, to hand over: neither side could go through with them now.
    const cancelled = await this.records.cancelPendingHandovers(tx, { facilitatorId }, ACCOUNT_ERASED);
    if (cancelled.length === 0) return live.length;
    const others = await this.facilitators.findByIds(cancelled.map((handover) => (handover.fromFacilitatorId === facilitatorId ? handover.toFacilitatorId : handover.fromFacilitatorId)));
    const names = new Map((await this.shops.findMany(tx, cancelled.map((handover) => handover.shopId))).map((shop) => [shop.id, shop.tradingName ?? shop.legalName]));
    await this.notifications.notify(
      tx,
      cancelled.flatMap((handover, i) => {
        const other = others[i];
        const params = { shopName: names.get(handover.shopId) ?? '', facilitatorName: facilitator.name, status: 'CANCELLED', audience: 'FACILITATOR' };
        return other ? [{ userId: other.ownerUserId, kind: 'DELEGATION_HANDOVER', params }] : [];
      }),
    );
    return live.length;
  }

  /**
   * For the cancellation of a paper registration (privacy feature), in its transaction, with the
   * delegation already locked: it ends as withdrawn by the facilitator, the reason in the audit
   * trail. Nobody is told: the shop has no owner's account, and is about to be deleted.
   */
  async withdrawOnRegistrationCancelled(tx: RequestContext, delegationId: string, reason: string): Promise<void> {
    const actor = requireActor(tx, UserRole.FACILITATOR);
    const current = await this.lockDelegation(tx, delegationId);
    if (!current || current.status !== DelegationStatus.ACTIVE) throw new Error(`delegation ${delegationId} is not live`);
    await this.records.end(tx, current, DelegationStatus.WITHDRAWN, actor.userId, reason);
  }

  /**
   * After staff's decision on a facilitator organisation, in its transaction: the owners of the
   * shops it acts for (live delegations) are told that it can no longer act for them (suspended or
   * rejected), or that it can again (reinstated). Their consents stay: each shop may revoke its own.
   */
  async tellShopsOfStanding(tx: RequestContext, facilitator: { id: string; name: string }, status: 'SUSPENDED' | 'REJECTED' | 'APPROVED'): Promise<void> {
    const live = await this.connection.repository(tx, DelegationEntity).find({ where: { facilitatorId: facilitator.id, status: DelegationStatus.ACTIVE }, order: { id: 'ASC' } });
    const shopIds = live.flatMap((delegation) => (delegation.shopId ? [delegation.shopId] : []));
    const owners = [...new Set((await this.shops.findMany(tx, shopIds)).flatMap((shop) => (shop.ownerUserId ? [shop.ownerUserId] : [])))];
    await this.notifications.notify(
      tx,
      owners.map((userId) => ({ userId, kind: 'FACILITATOR_STANDING', params: { facilitatorName: facilitator.name, status, audience: 'SHOP' } })),
    );
  }

  /** The shop's delegations, live first, then newest first. */
  async listForShop(ctx: RequestContext, page: PageRequest): Promise<Page<DelegationEntity>> {
    requireActor(ctx, UserRole.SHOP);
    const shop = await this.shops.findOwn(ctx);
    if (!shop) return toPage([], 0, page);
    const [items, total] = await this.connection
      .repository(ctx, DelegationEntity)
      .createQueryBuilder('d')
      .leftJoinAndSelect('d.facilitator', 'facilitator')
      .leftJoinAndSelect('d.shop', 'shop')
      .where('d.shop_id = :shop', { shop: shop.id })
      // The status's declared order puts the live ones (INVITED, ACTIVE) first.
      .orderBy('d.status', 'ASC')
      .addOrderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id')
      .skip(page.offset)
      .take(page.first)
      .getManyAndCount();
    return toPage(items, total, page);
  }

  /** What facilitators did in the caller's shop's name, newest first, each with who did it: its owner's view of its delegations. */
  async historyForShop(ctx: RequestContext, page: PageRequest): Promise<Page<ActionOnBehalf>> {
    requireActor(ctx, UserRole.SHOP);
    const shop = await this.shops.findOwn(ctx);
    if (!shop) return toPage([], 0, page);
    const events = await this.audit.onBehalfOf(ctx, shop.id, page);
    const actors = [...new Set(events.items.flatMap((event) => (event.actorUserId ? [event.actorUserId] : [])))];
    const names = await this.facilitators.namesByOwners(ctx, actors);
    const subjects = await onBehalfSubjects(this.connection.manager(ctx), shop.id, events.items);
    return {
      ...events,
      items: events.items.map((event) => ({
        subject: subjectOf(subjects, event),
        id: event.id,
        occurredAt: event.occurredAt,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        facilitatorName: (event.actorUserId && names.get(event.actorUserId)) ?? '',
      })),
    };
  }

  /** The facilitator's desk: the shops it acts for, each with where it stands; filtered by comune, sector and service category. */
  async deskShops(ctx: RequestContext, filter: DelegatedShopFilter & { category?: string }, page: PageRequest): Promise<Page<DelegatedShopRow>> {
    const self = ctx.onBehalfOf(undefined);
    const facilitator = await this.facilitators.requireOwn(self);
    const { rows, total } = await delegatedShops(this.connection.manager(self), facilitator.id, filter, page, self.now);
    return toPage(rows, total, page);
  }

  /**
   * The facilitator's invitations not answered, newest first: those still valid, and those whose
   * link lapsed, until the organisation invites the address again or withdraws them (or the
   * retention period takes their address).
   */
  async invitations(ctx: RequestContext, page: PageRequest): Promise<Page<DelegationEntity>> {
    const self = ctx.onBehalfOf(undefined);
    const facilitator = await this.facilitators.requireOwn(self);
    const [items, total] = await this.connection.repository(self, DelegationEntity).findAndCount({
      where: { facilitatorId: facilitator.id, status: DelegationStatus.INVITED, invitedEmail: Not(IsNull()) },
      relations: { facilitator: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: page.offset,
      take: page.first,
    });
    return toPage(items, total, page);
  }

  private lockDelegation(tx: RequestContext, id: string): Promise<DelegationEntity | null> {
    return this.connection.repository(tx, DelegationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private async facilitatorOf(tx: RequestContext, id: string) {
    const [facilitator] = await this.facilitators.findByIds([id]);
    if (!facilitator) throw new Error(`delegation of unknown facilitator ${id}`);
    return facilitator;
  }

  private async tellFacilitator(tx: RequestContext, userId: string, shopName: string, status: string): Promise<void> {
    await this.notifications.notify(tx, [{ userId, kind: 'DELEGATION_CHANGED', params: { shopName, status, audience: 'FACILITATOR' } }]);
  }
}
