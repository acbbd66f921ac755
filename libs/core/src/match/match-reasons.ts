/**
 * Why a match moved, for people. The platform records its own reasons as codes, sometimes with
 * details ("NO_LONGER_ELIGIBLE: CATEGORY"); a person's reason (a decline, a withdrawal) is kept
 * as they wrote it. Worded here, once, for the notifications and for every client of the API.
 */
export interface ReasonWords {
  message: string;
  messageIt: string;
}

const SYSTEM_REASONS: Readonly<Record<string, ReasonWords>> = {
  NO_ANSWER: { message: 'no answer in time', messageIt: 'nessuna risposta in tempo' },
  OFFER_ENDED: { message: 'the offer has ended', messageIt: 'l’offerta è terminata' },
  NO_LONGER_ELIGIBLE: { message: 'the offer no longer fits the request', messageIt: 'l’offerta non è più adatta alla richiesta' },
  FREE_PERIOD_ENDED: { message: 'the free period is over', messageIt: 'il periodo gratuito è finito' },
  REQUEST_CANCELLED: { message: 'the request was cancelled', messageIt: 'la richiesta è stata annullata' },
  ALLOCATED_ELSEWHERE: { message: 'the allocation assigned another offer', messageIt: 'l’assegnazione ha attribuito un’altra offerta' },
  ALLOCATION_RUN: { message: 'assigned by an allocation run', messageIt: 'attribuita da un’assegnazione' },
};

/** How runs were recorded before they had a code; the history is append-only, so such rows stay. */
const EARLIER_RUN_REASON = /^allocation run [0-9a-f-]{36}$/;

/** The code a system reason starts with ("NO_LONGER_ELIGIBLE: CATEGORY" → NO_LONGER_ELIGIBLE), or null. */
export function systemReasonCode(reason: unknown): string | null {
  if (typeof reason !== 'string') return null;
  if (EARLIER_RUN_REASON.test(reason)) return 'ALLOCATION_RUN';
  const code = /^([A-Z_]+)(?::|$)/.exec(reason)?.[1];
  return code !== undefined && code in SYSTEM_REASONS ? code : null;
}

/** A reason in both languages: a system code in words, a person's reason as written; null when there is none. */
export function reasonWords(reason: unknown): ReasonWords | null {
  const code = systemReasonCode(reason);
  if (code) return SYSTEM_REASONS[code];
  return typeof reason === 'string' && reason !== '' ? { message: reason, messageIt: reason } : null;
}
