/**
 * Why a match moved, for people. The platform records its own reasons as codes, sometimes with
 * details ("NO_LONGER_ELIGIBLE: CATEGORY"); a person's reason (a decline, a withdrawal) is kept
 * as they wrote it. Worded here, once, for the notifications and for every client of the API.
 */
export interface ReasonWords {
  message: string;
  messageIt: string;
}

/** The reasons the platform records, as codes (NO_LONGER_ELIGIBLE and ALLOCATION_RUN carry details after a colon). */
export const SYSTEM_REASON = {
  NO_ANSWER: 'NO_ANSWER',
  OFFER_ENDED: 'OFFER_ENDED',
  NO_LONGER_ELIGIBLE: 'NO_LONGER_ELIGIBLE',
  FREE_PERIOD_ENDED: 'FREE_PERIOD_ENDED',
  REQUEST_CANCELLED: 'REQUEST_CANCELLED',
  ALLOCATED_ELSEWHERE: 'ALLOCATED_ELSEWHERE',
  ALLOCATION_RUN: 'ALLOCATION_RUN',
  PROVIDER_SUSPENDED: 'PROVIDER_SUSPENDED',
  PROVIDER_REJECTED: 'PROVIDER_REJECTED',
  OFFER_SUSPENDED: 'OFFER_SUSPENDED',
} as const;
export type SystemReason = (typeof SYSTEM_REASON)[keyof typeof SYSTEM_REASON];

const SYSTEM_REASONS: Readonly<Record<SystemReason, ReasonWords>> = {
  NO_ANSWER: { message: 'no answer in time', messageIt: 'nessuna risposta in tempo' },
  OFFER_ENDED: { message: 'the offer has ended', messageIt: 'l’offerta è terminata' },
  NO_LONGER_ELIGIBLE: { message: 'the offer no longer fits the request', messageIt: 'l’offerta non è più adatta alla richiesta' },
  FREE_PERIOD_ENDED: { message: 'the free period is over', messageIt: 'il periodo gratuito è finito' },
  REQUEST_CANCELLED: { message: 'the request was cancelled', messageIt: 'la richiesta è stata annullata' },
  ALLOCATED_ELSEWHERE: { message: 'the allocation assigned another offer', messageIt: 'l’assegnazione ha attribuito un’altra offerta' },
  ALLOCATION_RUN: { message: 'assigned by an allocation run', messageIt: 'attribuita da un’assegnazione' },
  PROVIDER_SUSPENDED: { message: 'the Ministry suspended the provider', messageIt: 'il Ministero ha sospeso il fornitore' },
  PROVIDER_REJECTED: { message: 'the Ministry rejected the provider', messageIt: 'il Ministero ha respinto il fornitore' },
  OFFER_SUSPENDED: { message: 'the Ministry suspended the offer', messageIt: 'il Ministero ha sospeso l’offerta' },
};

/** How runs were recorded before they had a code; the history is append-only, so such rows stay. */
const EARLIER_RUN_REASON = /^allocation run [0-9a-f-]{36}$/;

const isSystemReason = (code: string | undefined): code is SystemReason => code !== undefined && code in SYSTEM_REASONS;

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
  return [words?.message ?? null, words?.messageIt ?? null];
}

/** A reason in both languages: a system code in words, a person's reason as written; null when there is none. */
export function reasonWords(reason: unknown): ReasonWords | null {
  const code = systemReasonCode(reason);
  if (code) return SYSTEM_REASONS[code];
  return typeof reason === 'string' && reason !== '' ? { message: reason, messageIt: reason } : null;
}
