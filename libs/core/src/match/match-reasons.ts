import { asWritten, MESSAGES, type Words } from '../messages';

/*
 * Why a match moved, for people. The platform records its own reasons as codes, sometimes with
 * details ("NO_LONGER_ELIGIBLE: CATEGORY"); a person's reason (a decline, a withdrawal) is kept
 * as they wrote it. The words are the message catalogue's (MESSAGES.reason), for the
 * notifications and for every client of the API.
 */

/** The reasons the platform records, as codes (NO_LONGER_ELIGIBLE and ALLOCATION_RUN carry details after a colon). */
export const SYSTEM_REASON = {
  NO_ANSWER: 'NO_ANSWER',
  OFFER_ENDED: 'OFFER_ENDED',
  NO_LONGER_ELIGIBLE: 'NO_LONGER_ELIGIBLE',
  FREE_PERIOD_ENDED: 'FREE_PERIOD_ENDED',
  REQUEST_CANCELLED: 'REQUEST_CANCELLED',
  ALLOCATED_ELSEWHERE: 'ALLOCATED_ELSEWHERE',
  ALLOCATION_RUN: 'ALLOCATION_RUN',
  CALL_ADMISSION: 'CALL_ADMISSION',
  PROVIDER_SUSPENDED: 'PROVIDER_SUSPENDED',
  PROVIDER_REJECTED: 'PROVIDER_REJECTED',
  OFFER_SUSPENDED: 'OFFER_SUSPENDED',
  /** An admin disabled the shop owner's account: its held and waiting places go to others. */
  SHOP_ACCOUNT_DISABLED: 'SHOP_ACCOUNT_DISABLED',
  /** Another part of a waiting set stopped waiting: a set waits as a whole. */
  SET_PART_ENDED: 'SET_PART_ENDED',
  /** The shop withdrew the whole set in one step. */
  SET_WITHDRAWN: 'SET_WITHDRAWN',
} as const;
export type SystemReason = (typeof SYSTEM_REASON)[keyof typeof SYSTEM_REASON];

/** The reasons a place ends when ministry staff suspend its offer or its provider (MatchStanding). */
export type Suspension = typeof SYSTEM_REASON.OFFER_SUSPENDED | typeof SYSTEM_REASON.PROVIDER_SUSPENDED;

/** Which suspension ended a place, from its recorded reason; null when no suspension did. */
export function suspensionOf(reason: unknown): Suspension | null {
  const code = systemReasonCode(reason);
  return code === SYSTEM_REASON.OFFER_SUSPENDED || code === SYSTEM_REASON.PROVIDER_SUSPENDED ? code : null;
}

/** How runs were recorded before they had a code; the history is append-only, so such rows stay. */
const EARLIER_RUN_REASON = /^allocation run [0-9a-f-]{36}$/;

const isSystemReason = (code: string | undefined): code is SystemReason => code !== undefined && code in SYSTEM_REASON;

/** The code a system reason starts with ("NO_LONGER_ELIGIBLE: CATEGORY" → NO_LONGER_ELIGIBLE), or null. */
export function systemReasonCode(reason: unknown): SystemReason | null {
  if (typeof reason !== 'string') return null;
  if (EARLIER_RUN_REASON.test(reason)) return SYSTEM_REASON.ALLOCATION_RUN;
  const code = /^([A-Z_]+)(?::|$)/.exec(reason)?.[1];
  return isSystemReason(code) ? code : null;
}

/** The words of a reason as the API gives them beside the recorded one: English and Italian, or nulls. */
export function reasonTexts(reason: string | null): [string | null, string | null] {
  const words = reasonWords(reason);
  return [words?.en ?? null, words?.it ?? null];
}

/** A reason in both languages: a system code in words, a person's reason as written; null when there is none. */
export function reasonWords(reason: unknown): Words | null {
  const code = systemReasonCode(reason);
  if (code) return MESSAGES.reason.system(code);
  return typeof reason === 'string' && reason !== '' ? asWritten(reason) : null;
}
