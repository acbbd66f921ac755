import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_CODES } from './audit-actions.messages';

/** Every `action: '…'` and `audit: '…'` literal the platform records, from its source. */
function recordedActions(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...recordedActions(path));
    else if (name.endsWith('.ts') && !name.includes('.spec.') && !name.includes('int-spec')) {
      // (`action: 'e.action'` is a column of SQL, not an action.)
      for (const match of readFileSync(path, 'utf8').matchAll(/\b(?:action|audit): '([a-z_]{2,}\.[a-z_]+)'/g)) found.push(match[1]);
    }
  }
  return found;
}

describe('the audit trail’s words for its actions', () => {
  it('has words for every action the code records literally', () => {
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
