/**
 * DRAFT → PUBLISHED ↔ PAUSED → CLOSED (a draft may also be closed), by the provider. Ministry
 * staff may suspend a published or paused offer (SUSPENDED: hidden, its provider cannot resume
 * it) and lift the suspension, which leaves it PAUSED for the provider to resume.
 */
export enum OfferStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  PAUSED = 'PAUSED',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
}

export enum CoverageKind {
  REGION = 'REGION',
  PROVINCE = 'PROVINCE',
  COMUNE = 'COMUNE',
  RADIUS = 'RADIUS',
}

/** Whether shops see an offer now, and if not, the one reason that keeps it from them. */
export enum OfferVisibility {
  /** Published by an approved provider: shops see it. */
  VISIBLE = 'VISIBLE',
  /** Published, but its provider awaits verification: shops see it once the provider is approved. */
  AWAITING_VERIFICATION = 'AWAITING_VERIFICATION',
  /** Its provider is suspended or rejected. */
  PROVIDER_NOT_APPROVED = 'PROVIDER_NOT_APPROVED',
  /** Ministry staff suspended the offer itself. */
  SUSPENDED_BY_MINISTRY = 'SUSPENDED_BY_MINISTRY',
  /** A draft, paused or closed offer. */
  NOT_PUBLISHED = 'NOT_PUBLISHED',
  /** Published by an approved provider, but its validity has ended: shops no longer see it. */
  ENDED = 'ENDED',
}
