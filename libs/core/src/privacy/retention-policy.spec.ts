import { RetentionAction, RetentionKind, retentionCutoffs } from './retention-policy';

describe('retention cutoffs', () => {
  const periods = {
    [RetentionKind.CLOSED_REQUESTS]: 730,
    [RetentionKind.NOTIFICATIONS]: 365,
    [RetentionKind.SESSIONS]: 90,
    [RetentionKind.MAIL]: 180,
    [RetentionKind.IMPORTS]: 90,
    [RetentionKind.INVITATIONS]: 90,
    [RetentionKind.AUDIT_EVENTS]: 3650,
  };

  it('puts each cutoff its period before now, with the action of its kind', () => {
    const cutoffs = retentionCutoffs(new Date('2027-01-31T12:00:00Z'), periods);
    expect(cutoffs.map(({ kind, cutoff, action }) => [kind, cutoff.toISOString(), action])).toEqual([
      [RetentionKind.CLOSED_REQUESTS, '2025-01-31T12:00:00.000Z', RetentionAction.PSEUDONYMISE],
      [RetentionKind.NOTIFICATIONS, '2026-01-31T12:00:00.000Z', RetentionAction.DELETE],
      [RetentionKind.SESSIONS, '2026-11-02T12:00:00.000Z', RetentionAction.DELETE],
      [RetentionKind.MAIL, '2026-08-04T12:00:00.000Z', RetentionAction.DELETE],
      [RetentionKind.IMPORTS, '2026-11-02T12:00:00.000Z', RetentionAction.DELETE],
      [RetentionKind.INVITATIONS, '2026-11-02T12:00:00.000Z', RetentionAction.PSEUDONYMISE],
      [RetentionKind.AUDIT_EVENTS, '2017-02-02T12:00:00.000Z', RetentionAction.DELETE],
    ]);
  });
});
