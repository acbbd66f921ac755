import { mayPublish } from '../provider/provider-verification';
import { VerificationStatus } from '../provider/provider.types';
import { OfferStatus, OfferVisibility } from './offer.types';

export type OfferStatusAction = 'publish' | 'pause' | 'resume' | 'close';

/** Which statuses each action starts from, where it leads, and how it is audited. */
export const OFFER_TRANSITIONS: Readonly<Record<OfferStatusAction, { from: readonly OfferStatus[]; to: OfferStatus; audit: string }>> = {
  publish: { from: [OfferStatus.DRAFT], to: OfferStatus.PUBLISHED, audit: 'offer.published' },
  pause: { from: [OfferStatus.PUBLISHED], to: OfferStatus.PAUSED, audit: 'offer.paused' },
  resume: { from: [OfferStatus.PAUSED], to: OfferStatus.PUBLISHED, audit: 'offer.resumed' },
  // A provider may give up an offer ministry staff suspended; only staff lift a suspension.
  close: { from: [OfferStatus.DRAFT, OfferStatus.PUBLISHED, OfferStatus.PAUSED, OfferStatus.SUSPENDED], to: OfferStatus.CLOSED, audit: 'offer.closed' },
};

export type TransitionCheck = { ok: true; to: OfferStatus } | { ok: false; reason: 'INVALID_TRANSITION' } | { ok: false; reason: 'VALIDITY_ENDED'; validUntil: Date };

/**
 * Whether `action` may run on an offer now. Publishing and resuming put the offer in front of
 * shops, so they also need its validity not to have ended.
 */
export function checkTransition(action: OfferStatusAction, offer: { status: OfferStatus; validUntil: Date | null }, now: Date): TransitionCheck {
  const transition = OFFER_TRANSITIONS[action];
  if (!transition.from.includes(offer.status)) return { ok: false, reason: 'INVALID_TRANSITION' };
  if (transition.to === OfferStatus.PUBLISHED && offer.validUntil && offer.validUntil.getTime() <= now.getTime()) {
    return { ok: false, reason: 'VALIDITY_ENDED', validUntil: offer.validUntil };
  }
  return { ok: true, to: transition.to };
}

/** What stops an offer from going in front of shops, besides its status. */
export type PublicationBlock =
  | { kind: 'provider-not-approved'; status: VerificationStatus }
  | { kind: 'email-not-verified'; email: string }
  | { kind: 'validity-ended'; validUntil: Date };

/**
 * The rules publishing (or resuming) an offer must pass besides its status, in one place for the
 * API and the CSV import: an organisation staff have not suspended or rejected, an account whose
 * e-mail address is verified, a validity that has not ended.
 */
export function publicationBlock(facts: { providerStatus: VerificationStatus; unverifiedEmail: string | null; validUntil: Date | null; now: Date }): PublicationBlock | null {
  if (!mayPublish(facts.providerStatus)) return { kind: 'provider-not-approved', status: facts.providerStatus };
  if (facts.unverifiedEmail) return { kind: 'email-not-verified', email: facts.unverifiedEmail };
  if (facts.validUntil && facts.validUntil.getTime() <= facts.now.getTime()) return { kind: 'validity-ended', validUntil: facts.validUntil };
  return null;
}

/** One clear state for the provider and staff: does a shop see this offer, and if not, why. */
export function offerVisibility(status: OfferStatus, provider: VerificationStatus, ended = false): OfferVisibility {
  if (status === OfferStatus.SUSPENDED) return OfferVisibility.SUSPENDED_BY_MINISTRY;
  if (status !== OfferStatus.PUBLISHED) return OfferVisibility.NOT_PUBLISHED;
  if (provider === VerificationStatus.APPROVED) return ended ? OfferVisibility.ENDED : OfferVisibility.VISIBLE;
  return provider === VerificationStatus.PENDING ? OfferVisibility.AWAITING_VERIFICATION : OfferVisibility.PROVIDER_NOT_APPROVED;
}

/** Shops see an offer: it is published and its provider approved. */
export const shownToShops = (status: OfferStatus, provider: VerificationStatus | undefined): boolean =>
  provider !== undefined && offerVisibility(status, provider) === OfferVisibility.VISIBLE;

/**
 * Whether someone (signed in or not) may see an offer another object names, by the rule of a
 * single offer: staff always, its provider's owner always, anyone else when it is shown to shops.
 */
export const offerVisibleTo = (
  viewer: { userId: string; staff: boolean } | undefined,
  offer: { status: OfferStatus },
  provider: { ownerUserId: string; verificationStatus: VerificationStatus } | undefined,
): boolean =>
  viewer?.staff === true || (provider !== undefined && (provider.ownerUserId === viewer?.userId || shownToShops(offer.status, provider.verificationStatus)));

/**
 * An offer a shop may have seen. Once published by an approved provider an offer stays known to
 * shops when paused, closed or suspended (applying to it gets that reason); drafts and the offers
 * of providers not approved do not exist for them.
 */
export const knownToShops = (status: OfferStatus, provider: VerificationStatus | undefined): boolean =>
  provider === VerificationStatus.APPROVED && status !== OfferStatus.DRAFT;
