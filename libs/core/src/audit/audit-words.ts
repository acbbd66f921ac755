import { MESSAGES, type Words } from '../messages';
import { reasonWords, SYSTEM_REASON, systemReasonCode } from '../match/match-reasons';

/**
 * An event in words, for the audit page and its CSV: the action's words, but a place the platform
 * ended for a reason other than the provider's silence (a suspension, the offer ending, an account
 * disabled…) is said with that reason, since "expired without an answer" would misstate it.
 */
export function auditEventWords(action: string, before: unknown, after: unknown): Words {
  if (action === 'match.expired') {
    const reason = fieldOf(after, 'reason');
    const code = systemReasonCode(reason);
    const why = code && code !== SYSTEM_REASON.NO_ANSWER ? reasonWords(reason) : null;
    if (why) return MESSAGES.audit.placeEnded(fieldOf(before, 'state') === 'WAITLISTED', why);
  }
  return MESSAGES.audit.action(action);
}

/** A field of an event's `before` or `after` (a JSON object, or text of one as the CSV reads it). */
function fieldOf(values: unknown, field: string): unknown {
  const object = typeof values === 'string' ? parsed(values) : values;
  return object !== null && typeof object === 'object' ? (object as Record<string, unknown>)[field] : undefined;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
