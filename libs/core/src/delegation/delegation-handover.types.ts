/**
 * Where the offer of a shop from one facilitator to another stands:
 *
 *   PENDING → ACCEPTED (the receiver takes the shop over) | DECLINED (the receiver says no)
 *           | WITHDRAWN (the giver takes the offer back)
 *           | CANCELLED (the platform: the account of one of the two organisations was erased,
 *                        or the shop's owner claimed the shop)
 *
 * One PENDING handover per shop at most; only the PENDING one can change.
 */
export enum HandoverStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  CANCELLED = 'CANCELLED',
}

/** The reason written on the giver's delegation, ended as WITHDRAWN when the receiver takes the shop over. */
export const HANDED_OVER = 'HANDED_OVER';

/** The reason written on a pending handover the platform calls off because the shop's owner claimed the shop. */
export const SHOP_CLAIMED = 'SHOP_CLAIMED';

/**
 * What a handover notification tells: to the receiver OFFERED, WITHDRAWN, TAKEN_OVER; to the giver
 * ACCEPTED, DECLINED; to either CANCELLED (the other organisation closed its account) and
 * SHOP_CLAIMED (the owner claimed the shop).
 */
export type HandoverNotice = 'OFFERED' | 'WITHDRAWN' | 'TAKEN_OVER' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED' | 'SHOP_CLAIMED';

/** How many handovers in a row a claim link is followed through (each one a facilitator taking the shop over). */
export const MAX_HANDOVER_CHAIN = 50;
