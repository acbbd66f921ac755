import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import type { NewMail } from '../mail/mail.commands';
import { MailService } from '../mail/mail.service';
import { MailKind } from '../mail/mail.types';
import { DelegationService } from '../delegation/delegation.service';
import { FacilitatorService, VerifyFacilitatorOutcome } from '../facilitator/facilitator.service';
import type { VerifyFacilitator } from '../facilitator/facilitator.commands';
import { MatchStanding } from '../match/match-standing';
import { NotificationService } from '../notification/notification.service';
import { OfferModeration, OfferRecords } from '../offer/offer-records.service';
import type { OfferEntity } from '../offer/offer.entity';
import { OfferErrorCode, OfferException } from '../offer/offer.exception';
import { OfferService } from '../offer/offer.service';
import { OfferStatus } from '../offer/offer.types';
import { ProviderService, VerifyOutcome } from '../provider/provider.service';
import { VerificationStatus } from '../provider/provider.types';
import type { ReinstateOffer, SuspendOffer } from './moderation.commands';
import type { VerifyProvider } from '../provider/provider.commands';

export type ModerateOfferOutcome = { kind: 'offer'; offer: OfferEntity } | { kind: 'invalid-transition'; current: OfferStatus };

/** The offers staff may suspend: those shops can see, or will see again once resumed. */
const SUSPENDABLE: readonly OfferStatus[] = [OfferStatus.PUBLISHED, OfferStatus.PAUSED];

/** The e-mail each decision sends the provider's account. */
const DECISION_MAILS: Partial<Record<VerificationStatus, MailKind.PROVIDER_APPROVED | MailKind.PROVIDER_REJECTED | MailKind.PROVIDER_SUSPENDED>> = {
  [VerificationStatus.APPROVED]: MailKind.PROVIDER_APPROVED,
  [VerificationStatus.REJECTED]: MailKind.PROVIDER_REJECTED,
  [VerificationStatus.SUSPENDED]: MailKind.PROVIDER_SUSPENDED,
};

/** The decisions on a facilitator its shops hear of (previous>new status): it stops acting for them, or may again. */
const STANDING_CHANGES: Readonly<Record<string, 'SUSPENDED' | 'REJECTED' | 'APPROVED'>> = {
  [`${VerificationStatus.APPROVED}>${VerificationStatus.SUSPENDED}`]: 'SUSPENDED',
  [`${VerificationStatus.SUSPENDED}>${VerificationStatus.REJECTED}`]: 'REJECTED',
  [`${VerificationStatus.SUSPENDED}>${VerificationStatus.APPROVED}`]: 'APPROVED',
};

/** The e-mail each decision sends the facilitator organisation's account. */
const FACILITATOR_DECISION_MAILS: Partial<Record<VerificationStatus, MailKind.FACILITATOR_APPROVED | MailKind.FACILITATOR_REJECTED | MailKind.FACILITATOR_SUSPENDED>> = {
  [VerificationStatus.APPROVED]: MailKind.FACILITATOR_APPROVED,
  [VerificationStatus.REJECTED]: MailKind.FACILITATOR_REJECTED,
  [VerificationStatus.SUSPENDED]: MailKind.FACILITATOR_SUSPENDED,
};

/**
 * Ministry staff's decisions on providers and offers, with what each means for shops' matches,
 * in one transaction: the decision, its audit event, the notifications and the match changes.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly providers: ProviderService,
    private readonly facilitators: FacilitatorService,
    private readonly offers: OfferService,
    private readonly offerRecords: OfferRecords,
    private readonly standing: MatchStanding,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly delegations: DelegationService,
  ) {}

  async verifyProvider(ctx: RequestContext, input: VerifyProvider): Promise<VerifyOutcome> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    return this.connection.withTransaction(ctx, async (tx) => {
      const outcome = await this.providers.verify(tx, input);
      if (outcome.kind !== 'provider') return outcome;
      const { provider, previous } = outcome;
      await this.notifications.notify(tx, [
        { userId: provider.ownerUserId, kind: 'PROVIDER_DECISION', params: { status: provider.verificationStatus, reason: provider.verificationReason, audience: 'PROVIDER' } },
      ]);
      const kind = DECISION_MAILS[provider.verificationStatus];
      if (kind) await this.decisionMail(tx, `provider:${provider.id}:${provider.verificationStatus}`, { kind, userId: provider.ownerUserId, values: { provider: provider.name, reason: provider.verificationReason, link: this.mail.link('/organizzazione') } });
      const offerIds = await this.offerRecords.idsOfProvider(tx, provider.id);
      if (provider.verificationStatus === VerificationStatus.SUSPENDED) await this.standing.suspend(tx, offerIds, 'PROVIDER_SUSPENDED');
      if (provider.verificationStatus === VerificationStatus.REJECTED && previous === VerificationStatus.SUSPENDED) await this.standing.reject(tx, offerIds);
      if (provider.verificationStatus === VerificationStatus.APPROVED && previous === VerificationStatus.SUSPENDED) await this.standing.reinstate(tx, offerIds);
      return outcome;
    });
  }

  /**
   * Approves, rejects or suspends a facilitator organisation; the organisation is told. A suspended
   * or rejected one can no longer act for shops (the delegation check asks for an approved one).
   * Its account is notified and e-mailed, as a provider's is.
   */
  async verifyFacilitator(ctx: RequestContext, input: VerifyFacilitator): Promise<VerifyFacilitatorOutcome> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    return this.connection.withTransaction(ctx, async (tx) => {
      const outcome = await this.facilitators.verify(tx, input);
      if (outcome.kind !== 'facilitator') return outcome;
      const { facilitator, previous } = outcome;
      // The shops it acts for learn that it stopped, or may act for them again.
      const standing = STANDING_CHANGES[`${previous}>${facilitator.verificationStatus}`];
      if (standing) await this.delegations.tellShopsOfStanding(tx, facilitator, standing);
      await this.notifications.notify(tx, [
        {
          userId: facilitator.ownerUserId,
          kind: 'FACILITATOR_DECISION',
          params: { status: facilitator.verificationStatus, reason: facilitator.verificationReason, audience: 'FACILITATOR' },
        },
      ]);
      const kind = FACILITATOR_DECISION_MAILS[facilitator.verificationStatus];
      if (kind) {
        await this.decisionMail(tx, `facilitator:${facilitator.id}:${facilitator.verificationStatus}`, {
          kind,
          userId: facilitator.ownerUserId,
          values: { organisation: facilitator.name, reason: facilitator.verificationReason, link: this.mail.link('/facilitatore') },
        });
      }
      return outcome;
    });
  }

  /** The e-mail of a decision to its organisation's account. One decision, one transaction: a retried one writes it again in its place. */
  private async decisionMail(tx: RequestContext, decision: string, mail: Omit<NewMail, 'idempotencyKey'>): Promise<void> {
    await this.mail.enqueue(tx, [{ ...mail, idempotencyKey: `${decision}:${tx.now.toISOString()}:${tx.requestId}` } as NewMail]);
  }

  /** Hides a published or paused offer from shops, with a reason its provider reads. */
  async suspendOffer(ctx: RequestContext, input: SuspendOffer): Promise<ModerateOfferOutcome> {
    const actor = requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    return this.connection.withTransaction(ctx, async (tx) => {
      const offer = await this.lockOffer(tx, input.offerId);
      if (!SUSPENDABLE.includes(offer.status)) return { kind: 'invalid-transition', current: offer.status };
      await this.moderate(tx, offer, { status: OfferStatus.SUSPENDED, moderationReason: input.reason, moderatedAt: tx.now, moderatedByUserId: actor.userId });
      await this.standing.suspend(tx, [offer.id], 'OFFER_SUSPENDED');
      return { kind: 'offer', offer: await this.offers.get(tx, offer.id) };
    });
  }

  /** Lifts a suspension: the offer is PAUSED, and its provider resumes it once corrected. */
  async reinstateOffer(ctx: RequestContext, input: ReinstateOffer): Promise<ModerateOfferOutcome> {
    const actor = requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    return this.connection.withTransaction(ctx, async (tx) => {
      const offer = await this.lockOffer(tx, input.offerId);
      if (offer.status !== OfferStatus.SUSPENDED) return { kind: 'invalid-transition', current: offer.status };
      await this.moderate(tx, offer, { status: OfferStatus.PAUSED, moderationReason: input.note ?? null, moderatedAt: tx.now, moderatedByUserId: actor.userId });
      return { kind: 'offer', offer: await this.offers.get(tx, offer.id) };
    });
  }

  private async lockOffer(tx: RequestContext, id: string): Promise<OfferEntity> {
    const offer = await this.offerRecords.lock(tx, id);
    if (!offer) throw new OfferException(OfferErrorCode.OFFER_NOT_FOUND, 'input.offerId');
    return offer;
  }

  private async moderate(tx: RequestContext, offer: OfferEntity, change: OfferModeration): Promise<void> {
    await this.offerRecords.moderate(tx, offer.id, change);
    const suspended = change.status === OfferStatus.SUSPENDED;
    await this.audit.record(tx, {
      action: suspended ? 'offer.suspended' : 'offer.reinstated',
      entityType: 'offer',
      entityId: offer.id,
      before: { status: offer.status },
      after: { status: change.status, reason: change.moderationReason },
    });
    const owner = offer.provider?.ownerUserId;
    if (!owner) throw new Error(`offer ${offer.id} has no provider`);
    await this.notifications.notify(tx, [
      {
        userId: owner,
        kind: 'OFFER_MODERATED',
        params: { offerTitle: offer.title, action: suspended ? 'SUSPENDED' : 'REINSTATED', reason: change.moderationReason, audience: 'PROVIDER' },
      },
    ]);
  }
}
