import { OfferStatus } from './offer.types';

export type OfferStatusAction = 'publish' | 'pause' | 'resume' | 'close';

/** Which statuses each action starts from, where it leads, and how it is audited. */
export const OFFER_TRANSITIONS: Readonly<Record<OfferStatusAction, { from: readonly OfferStatus[]; to: OfferStatus; audit: string }>> = {
  publish: { from: [OfferStatus.DRAFT], to: OfferStatus.PUBLISHED, audit: 'offer.published' },
  pause: { from: [OfferStatus.PUBLISHED], to: OfferStatus.PAUSED, audit: 'offer.paused' },
  resume: { from: [OfferStatus.PAUSED], to: OfferStatus.PUBLISHED, audit: 'offer.resumed' },
  close: { from: [OfferStatus.DRAFT, OfferStatus.PUBLISHED, OfferStatus.PAUSED], to: OfferStatus.CLOSED, audit: 'offer.closed' },
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
