/** What a failed attempt means for the message. */
export type FailureVerdict =
  /** Nothing was accepted, and the server (or the network) may do better later: retry. */
  | 'TEMPORARY'
  /** The server refused it for good: FAILED. */
  | 'PERMANENT'
  /** The message may have gone out before the failure: never retried by itself (UNCERTAIN). */
  | 'UNKNOWN';

/** Failures nodemailer reports before any of the message went out: the connection never got that far. */
const BEFORE_THE_MESSAGE = new Set(['ECONNECTION', 'EDNS', 'ETLS', 'EAUTH', 'EREQUIRETLS']);

/**
 * Reads a nodemailer error: an SMTP reply decides (4xx temporary, 5xx permanent); without one,
 * failures while connecting are temporary and any other (a dropped or silent connection, perhaps
 * after the whole message was sent) is unknown.
 */
export function judgeFailure(error: unknown): FailureVerdict {
  const { responseCode, code, command } = (error ?? {}) as { responseCode?: unknown; code?: unknown; command?: unknown };
  if (typeof responseCode === 'number' && responseCode >= 400 && responseCode < 500) return 'TEMPORARY';
  if (typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600) return 'PERMANENT';
  if ((typeof code === 'string' && BEFORE_THE_MESSAGE.has(code)) || command === 'CONN') return 'TEMPORARY';
  return 'UNKNOWN';
}

/** What the server said (its code and text), or what went wrong before it answered. */
export function describeFailure(error: unknown): string {
  const { response, code, message } = (error ?? {}) as { response?: unknown; code?: unknown; message?: unknown };
  if (typeof response === 'string' && response) return response;
  const text = typeof message === 'string' ? message : String(error);
  return typeof code === 'string' ? `${code}: ${text}` : text;
}

/** The SMTP reply code or nodemailer's error code alone: safe to log (no address, no text). */
export function codeOf(error: unknown): string {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  return [typeof responseCode === 'number' ? String(responseCode) : null, typeof code === 'string' ? code : null].filter(Boolean).join(' ') || 'no code';
}
