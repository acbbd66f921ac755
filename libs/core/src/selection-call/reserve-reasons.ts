import type { AdmissionResult } from '@vec/matching';
import { CallReserveReason } from './selection-call.types';

/** The blocker the closing gives a shop holding as many live services as a shop may. */
export const SHOP_LIMIT = 'SHOP_LIMIT';

/**
 * Why a candidate the admission looked at waits, in the words of the published ranking. A
 * candidate blocked with no blocker fits no offer: none of the call's offers reaches it, or every
 * one that does gives only kinds of service it already has live.
 */
export function reserveReasonOf(waiting: AdmissionResult['waiting'][number], offersReachingIt: number, offersValid: number): CallReserveReason {
  if (waiting.reason === 'CALL_FULL') return CallReserveReason.CALL_FULL;
  if (waiting.reason === 'NO_PLACE_LEFT' || offersValid === 0) return CallReserveReason.NO_PLACE_LEFT;
  if (waiting.blockedBy.includes(SHOP_LIMIT)) return CallReserveReason.SHOP_LIMIT;
  return offersReachingIt === 0 ? CallReserveReason.NOT_REACHED : CallReserveReason.CATEGORY_HELD;
}
