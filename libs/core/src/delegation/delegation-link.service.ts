import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import type { FacilitatorEntity } from '../facilitator/facilitator.entity';
import { FacilitatorService } from '../facilitator/facilitator.service';
import { NotificationService } from '../notification/notification.service';
import { providerActive } from '../provider/provider-verification';
import { ShopService } from '../shop/shop.service';
import type { ClaimShop } from './delegation.commands';
import { parseLink, secretMatches } from './delegation-link';
import { DelegationEntity } from './delegation.entity';
import { DelegationErrorCode, DelegationException } from './delegation.exception';
import { DelegationConsent, DelegationStatus } from './delegation.types';
import { isUniqueViolation } from '../common/unique-violation';
import { latestAfterHandovers, registrantBeforeHandovers } from './delegation-handover.queries';
import { SHOP_CLAIMED } from './delegation-handover.types';
import { DelegationRecords } from './delegation.records';
import { requireGuessResistant } from '../auth/password-rule';
import { releaseUnconfirmedAddress } from './unconfirmed-address';

/** What an invitation or claim link shows before it is used, to anyone holding it. */
export interface LinkPreview {
  purpose: 'INVITATION' | 'CLAIM';
  facilitator: FacilitatorEntity;
  /** The shop to claim (claims only). */
  shopName: string | null;
  /** The organisation that registered the shop on paper, when it handed the shop over to `facilitator` (claims only). */
  registeredBy: FacilitatorEntity | null;
  email: string;
  paperDeclaredOn: string | null;
  expiresAt: Date;
}

export type AnswerInvitationOutcome =
  | { kind: 'delegation'; delegation: DelegationEntity }
  | { kind: 'another-address'; invitedEmail: string }
  | { kind: 'already-delegated' }
  | { kind: 'not-approved' };

export type ClaimOutcome =
  | { kind: 'claimed'; delegation: DelegationEntity; shopId: string; email: string }
  | { kind: 'account-has-shop' }
  | { kind: 'another-address'; invitedEmail: string }
  | { kind: 'sign-in-first' };

/**
 * The single-use links: a shop's owner answers a facilitator's invitation (signed in with its
 * shop), or claims a shop a facilitator registered on paper (creating its account, or with the one
 * it is signed in with), which turns the paper consent into the shop's own.
 */
@Injectable()
export class DelegationLinkService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly shops: ShopService,
    private readonly facilitators: FacilitatorService,
    private readonly auth: AuthService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly records: DelegationRecords,
  ) {}

  async preview(ctx: RequestContext, link: string): Promise<LinkPreview> {
    const delegation = await this.usable(ctx, link, false);
    const facilitator = await this.facilitatorOf(delegation.facilitatorId);
    const [shop] = delegation.shopId ? await this.shops.findMany(ctx, [delegation.shopId]) : [];
    const registrant = delegation.status === DelegationStatus.ACTIVE ? await registrantBeforeHandovers(this.connection.manager(ctx), delegation.id) : null;
    return {
      purpose: delegation.status === DelegationStatus.INVITED ? 'INVITATION' : 'CLAIM',
      facilitator,
      shopName: shop ? (shop.tradingName ?? shop.legalName) : null,
      registeredBy: registrant && registrant !== facilitator.id ? await this.facilitatorOf(registrant) : null,
      email: delegation.invitedEmail ?? '',
      paperDeclaredOn: delegation.paperDeclaredOn,
      expiresAt: delegation.linkExpiresAt ?? ctx.now,
    };
  }

  /** The owner of a registered shop accepts or declines an invitation, with its account. */
  async answerInvitation(ctx: RequestContext, link: string, accept: boolean): Promise<AnswerInvitationOutcome> {
    const actor = requireActor(ctx, UserRole.SHOP);
    const shop = await this.shops.requireOwnShop(ctx);
    return this.connection.withTransaction(ctx, async (tx) => {
      const current = await this.usable(tx, link, true);
      if (current.status !== DelegationStatus.INVITED) throw new DelegationException(DelegationErrorCode.LINK_INVALID, 'input.link');
      // The link is the invited address's: a shop signed in with another (a forwarded e-mail) neither
      // takes the invitation for its own shop nor turns it down for the shop it was meant for. Only an
      // address the account proved counts: a shop's contact address is whatever the shop typed.
      if (current.invitedEmail && !(await this.signedInWith(tx, current.invitedEmail))) {
        return { kind: 'another-address', invitedEmail: current.invitedEmail };
      }
      const facilitator = await this.facilitatorOf(current.facilitatorId);
      if (accept && !providerActive(facilitator.verificationStatus)) return { kind: 'not-approved' };
      const delegations = this.connection.repository(tx, DelegationEntity);
      if (accept && (await delegations.existsBy({ shopId: shop.id, facilitatorId: facilitator.id, status: DelegationStatus.ACTIVE }))) return { kind: 'already-delegated' };
      const delegation = await delegations.save(
        delegations.merge(current, {
          shopId: shop.id,
          status: accept ? DelegationStatus.ACTIVE : DelegationStatus.DECLINED,
          consent: accept ? DelegationConsent.SHOP : null,
          activatedAt: accept ? tx.now : null,
          endedAt: accept ? null : tx.now,
          endedByUserId: accept ? null : actor.userId,
          linkUsedAt: tx.now,
          linkSecretHash: null,
        }),
      );
      await this.audit.record(tx, {
        action: accept ? 'delegation.accepted' : 'delegation.declined',
        entityType: 'delegation',
        entityId: delegation.id,
        before: { status: DelegationStatus.INVITED },
        after: { status: delegation.status, shopId: shop.id, facilitatorId: facilitator.id },
      });
      await this.notifications.notify(tx, [
        { userId: facilitator.ownerUserId, kind: 'DELEGATION_CHANGED', params: { shopName: shop.tradingName ?? shop.legalName, status: delegation.status, audience: 'FACILITATOR' } },
      ]);
      // The answer names the organisation, as every delegation read does.
      return { kind: 'delegation', delegation: Object.assign(delegation, { facilitator }) };
    });
  }

  /** Whether the signed-in account's own address, confirmed, is this one. */
  private async signedInWith(tx: RequestContext, email: string): Promise<boolean> {
    const account = await this.auth.currentUser(tx);
    return account.emailVerifiedAt !== null && account.email.toLowerCase() === email.toLowerCase();
  }

  /**
   * The owner claims a shop registered for it on paper: signed in with the shop account of the
   * address the link was sent to, which has no shop yet, that account becomes the owner; otherwise a new account is made for the invited
   * e-mail with the password given. The delegation stays, now on the shop's own consent.
   */
  async claim(ctx: RequestContext, input: ClaimShop): Promise<ClaimOutcome> {
    if (ctx.actor && ctx.actor.role !== UserRole.SHOP) requireActor(ctx, UserRole.SHOP);
    if (!ctx.actor && !input.password) throw new DelegationException(DelegationErrorCode.PASSWORD_NEEDED, 'input.password');
    if (!ctx.actor && !input.privacyNoticeVersion) throw new DelegationException(DelegationErrorCode.PRIVACY_NOTICE_NEEDED, 'input.privacyNoticeVersion');
    try {
      return await this.connection.withTransaction(ctx, async (tx) => {
        const current = await this.usable(tx, input.link, true);
        if (current.consent !== DelegationConsent.PAPER || current.status !== DelegationStatus.ACTIVE || !current.shopId || !current.invitedEmail) {
          throw new DelegationException(DelegationErrorCode.LINK_INVALID, 'input.link');
        }
        let owner: { id: string; email: string };
        if (tx.actor) {
          const account = await this.auth.currentUser(tx);
          // The link is the invited address's, as an invitation is: a forwarded e-mail gives the shop to no other account.
          if (account.email !== current.invitedEmail.toLowerCase()) return { kind: 'another-address', invitedEmail: current.invitedEmail };
          owner = { id: account.id, email: account.email };
        } else {
          // The claim page shows the shop's names: a password built on them is as easy to guess as one on the address.
          const [claimed] = await this.shops.findMany(tx, [current.shopId]);
          requireGuessResistant(input.password ?? '', 'input.password', [current.invitedEmail, claimed?.legalName ?? '', claimed?.tradingName ?? ''].filter(Boolean));
          // The link reached the address, so it needs no other proof: an account someone opened there without ever confirming it gives the address up.
          const released = await releaseUnconfirmedAddress(this.connection.manager(tx), current.invitedEmail, tx.now);
          if (released) {
            await this.audit.record(tx, { action: 'user.address_released', entityType: 'user', entityId: released, after: { reason: 'CLAIMED_BY_ADDRESS_OWNER', delegationId: current.id } });
          }
          // The owner accepted the privacy notice on the claim page.
          const account = await this.auth.openAccount(
            tx,
            { email: current.invitedEmail, password: input.password ?? '', role: UserRole.SHOP, privacyNoticeVersion: input.privacyNoticeVersion ?? '', language: input.language },
            { emailVerified: true },
          );
          owner = { id: account.id, email: account.email };
        }
        const claimer = tx.withActor(tx.actor ?? { userId: owner.id, role: UserRole.SHOP });
        if (!(await this.shops.attachOwner(claimer, current.shopId, owner.id))) return { kind: 'account-has-shop' };
        // Opening the link sent to the address proves it, as for an account the claim opens: the shop keeps competing for places.
        if (tx.actor) await this.auth.addressProven(tx, owner.id, current.invitedEmail, 'CLAIM_LINK');
        const delegations = this.connection.repository(tx, DelegationEntity);
        const delegation = await delegations.save(delegations.merge(current, { consent: DelegationConsent.SHOP, linkUsedAt: tx.now, linkSecretHash: null }));
        await this.audit.record(claimer, {
          action: 'delegation.claimed',
          entityType: 'delegation',
          entityId: delegation.id,
          before: { consent: DelegationConsent.PAPER },
          after: { consent: DelegationConsent.SHOP, shopId: current.shopId, ownerUserId: owner.id },
        });
        const facilitator = await this.facilitatorOf(current.facilitatorId);
        const [shop] = await this.shops.findMany(tx, [current.shopId]);
        const shopName = shop ? (shop.tradingName ?? shop.legalName) : '';
        await this.notifications.notify(tx, [
          { userId: facilitator.ownerUserId, kind: 'DELEGATION_CHANGED', params: { shopName, status: 'CLAIMED', audience: 'FACILITATOR' } },
        ]);
        await this.callOffHandovers(tx, current.shopId, shopName);
        return { kind: 'claimed', delegation, shopId: current.shopId, email: owner.email };
      });
    } catch (error) {
      // The account claimed another shop at the same moment (two links to one address): one account manages one shop.
      if (isUniqueViolation(error, 'shop_owner_user_id_key')) return { kind: 'account-has-shop' };
      // The invited e-mail has an account already: its owner signs in, then claims with it.
      if (isUniqueViolation(error, 'user_account_email_key')) return { kind: 'sign-in-first' };
      throw error;
    }
  }

  /**
   * A handover of the shop waiting for an answer can no longer go through once its owner has
   * claimed it (only the owner chooses who acts for it now): it is called off, and both
   * organisations are told, each naming the other.
   */
  private async callOffHandovers(tx: RequestContext, shopId: string, shopName: string): Promise<void> {
    const cancelled = await this.records.cancelPendingHandovers(tx, { shopId }, SHOP_CLAIMED);
    if (cancelled.length === 0) return;
    const ids = cancelled.flatMap((handover) => [handover.fromFacilitatorId, handover.toFacilitatorId]);
    const organisations = new Map((await this.facilitators.findByIds(ids)).flatMap((facilitator) => (facilitator ? [[facilitator.id, facilitator] as const] : [])));
    await this.notifications.notify(
      tx,
      cancelled.flatMap((handover) =>
        [
          [handover.fromFacilitatorId, handover.toFacilitatorId],
          [handover.toFacilitatorId, handover.fromFacilitatorId],
        ].flatMap(([to, other]) => {
          const reader = organisations.get(to);
          const params = { shopName, facilitatorName: organisations.get(other)?.name ?? '', status: SHOP_CLAIMED, audience: 'FACILITATOR' };
          return reader ? [{ userId: reader.ownerUserId, kind: 'DELEGATION_HANDOVER', params }] : [];
        }),
      ),
    );
  }

  private async facilitatorOf(id: string): Promise<FacilitatorEntity> {
    const [facilitator] = await this.facilitators.findByIds([id]);
    if (!facilitator) throw new Error(`delegation of unknown facilitator ${id}`);
    return facilitator;
  }

  /**
   * The delegation a link names, if its secret matches and it is still usable (not used, not
   * expired, not ended); locked when `lock`. Every failure looks the same to the holder.
   */
  private async usable(ctx: RequestContext, link: string, lock: boolean): Promise<DelegationEntity> {
    const parsed = parseLink(link);
    const delegation = parsed ? await this.current(ctx, parsed.id, lock) : null;
    const valid =
      parsed &&
      delegation &&
      secretMatches(delegation.linkSecretHash, parsed.secret) &&
      !delegation.linkUsedAt &&
      delegation.linkExpiresAt &&
      delegation.linkExpiresAt.getTime() > ctx.now.getTime() &&
      (delegation.status === DelegationStatus.INVITED || delegation.status === DelegationStatus.ACTIVE);
    if (!valid || !delegation) throw new DelegationException(DelegationErrorCode.LINK_INVALID, 'link');
    return delegation;
  }

  /**
   * The delegation a link's id stands for now: that one, or, once its shop was handed over to
   * another facilitator, the one that took it over (which carries the same claim link). Locked
   * when `lock`, and followed again should a handover be accepted while the lock was awaited.
   */
  private async current(ctx: RequestContext, id: string, lock: boolean): Promise<DelegationEntity | null> {
    const delegations = this.connection.repository(ctx, DelegationEntity);
    let next = id;
    for (let attempt = 0; attempt < 3; attempt++) {
      const delegation = await delegations.findOne({ where: { id: next }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
      if (!delegation || delegation.status === DelegationStatus.INVITED || delegation.status === DelegationStatus.ACTIVE) return delegation;
      const later = await latestAfterHandovers(this.connection.manager(ctx), delegation.id);
      if (later === delegation.id) return delegation;
      next = later;
    }
    return null;
  }
}
