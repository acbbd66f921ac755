/**
 * Where a delegation stands:
 *
 *   INVITED → ACTIVE (the shop accepts) | DECLINED (the shop refuses) | WITHDRAWN (the facilitator takes it back)
 *   ACTIVE  → REVOKED (by the shop, at any time, effective at once) | WITHDRAWN (the facilitator stops)
 *
 * A shop choosing a facilitator, or a facilitator registering a shop on a paper consent, starts ACTIVE.
 */
export enum DelegationStatus {
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DECLINED = 'DECLINED',
  REVOKED = 'REVOKED',
  WITHDRAWN = 'WITHDRAWN',
}

/** How the shop consented: in the platform itself, or on a paper declaration the facilitator recorded. */
export enum DelegationConsent {
  SHOP = 'SHOP',
  PAPER = 'PAPER',
}

/** What a delegation lets the facilitator do for the shop: the same for every delegation today. */
export const DELEGATION_SCOPE = ['PROFILE', 'REQUESTS', 'APPLY', 'CONFIRM'] as const;

/** Days an invitation or a claim link stays usable. */
export const LINK_VALID_DAYS = 30;
