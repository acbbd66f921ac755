import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_CODES } from './audit-actions.messages';

/** The kinds of object the audit trail records. */
const ENTITIES = [
  'user', 'shop', 'provider', 'facilitator', 'offer', 'help_request', 'help_request_bundle', 'match', 'allocation_run', 'selection_call',
  'call_application', 'call_publisher', 'delegation', 'delegation_handover', 'mail', 'retention', 'personal_data', 'outcome_survey', 'demo', 'export',
];
/** Literals of that form in those files that are query-builder paths (a column of a joined table), not actions. */
const NOT_ACTIONS = new Set(['offer.id', 'offer.provider', 'shop.comune', 'shop.created_at', 'shop.id']);

/**
 * Every literal `'<object>.<verb>'` in a source file that records audit events, whatever form it
 * takes there (`action: '…'`, a ternary, an argument, a map's value).
 */
function recordedActions(dir: string): string[] {
  const literal = new RegExp(`'((?:${ENTITIES.join('|')})\\.[a-z_]+)'`, 'g');
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...recordedActions(path));
    else if (name.endsWith('.ts') && !name.includes('.spec.') && !name.includes('int-spec')) {
      const text = readFileSync(path, 'utf8');
      if (!/audit/i.test(text)) continue;
      for (const match of text.matchAll(literal)) if (!NOT_ACTIONS.has(match[1])) found.push(match[1]);
    }
  }
  return found;
}

describe('the audit trail’s words for its actions', () => {
  it('has words for every action the code names', () => {
    const missing = [...new Set(recordedActions(join(__dirname, '..')))].filter((action) => !AUDIT_ACTION_CODES.includes(action));
    expect(missing).toEqual([]);
  });

  it.each([
    // Built from a status: organisations' decisions, delegations and handovers ending, match steps.
    ...['approved', 'rejected', 'suspended', 'closed'].flatMap((verb) => [`provider.${verb}`, `facilitator.${verb}`]),
    ...['declined', 'revoked', 'withdrawn'].map((verb) => `delegation.${verb}`),
    ...['accepted', 'declined', 'withdrawn', 'cancelled'].map((verb) => `delegation_handover.${verb}`),
    ...['applied', 'waitlisted', 'promoted', 'allocated', 'accepted', 'declined', 'active', 'completed', 'withdrawn', 'expired'].map((verb) => `match.${verb}`),
  ])('has words for %s', (action) => {
    expect(AUDIT_ACTION_CODES).toContain(action);
  });
});
