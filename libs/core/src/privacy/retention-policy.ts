import { DAY_MS } from '../common/time';
import type { Environment } from '../config/environment';

/** The kinds of data with a retention period of their own (README, Personal data). */
export enum RetentionKind {
  CLOSED_REQUESTS = 'CLOSED_REQUESTS',
  NOTIFICATIONS = 'NOTIFICATIONS',
  SESSIONS = 'SESSIONS',
  MAIL = 'MAIL',
  IMPORTS = 'IMPORTS',
  INVITATIONS = 'INVITATIONS',
  AUDIT_EVENTS = 'AUDIT_EVENTS',
}

/** What the daily job does to what expired. */
export enum RetentionAction {
  DELETE = 'DELETE',
  PSEUDONYMISE = 'PSEUDONYMISE',
}

/** The environment variable that sets each period, and what happens when it ends. */
export const RETENTION_RULES: Readonly<Record<RetentionKind, { variable: keyof Environment; action: RetentionAction }>> = {
  [RetentionKind.CLOSED_REQUESTS]: { variable: 'RETENTION_CLOSED_REQUEST_DAYS', action: RetentionAction.PSEUDONYMISE },
  [RetentionKind.NOTIFICATIONS]: { variable: 'RETENTION_NOTIFICATION_DAYS', action: RetentionAction.DELETE },
  [RetentionKind.SESSIONS]: { variable: 'RETENTION_SESSION_DAYS', action: RetentionAction.DELETE },
  [RetentionKind.MAIL]: { variable: 'RETENTION_MAIL_DAYS', action: RetentionAction.DELETE },
  [RetentionKind.IMPORTS]: { variable: 'RETENTION_IMPORT_DAYS', action: RetentionAction.DELETE },
  [RetentionKind.INVITATIONS]: { variable: 'RETENTION_INVITATION_DAYS', action: RetentionAction.PSEUDONYMISE },
  [RetentionKind.AUDIT_EVENTS]: { variable: 'RETENTION_AUDIT_DAYS', action: RetentionAction.DELETE },
};

/** Every variable the retention job reads: what a retention run needs besides the database. */
export const RETENTION_VARIABLES: readonly (keyof Environment)[] = Object.values(RETENTION_RULES).map((rule) => rule.variable);

export type RetentionPeriods = Readonly<Record<RetentionKind, number>>;

export interface RetentionCutoff {
  kind: RetentionKind;
  days: number;
  action: RetentionAction;
  /** What is older than this has expired. */
  cutoff: Date;
}

/** For each kind, the moment before which its data has expired, at `now`. */
export function retentionCutoffs(now: Date, periods: RetentionPeriods): RetentionCutoff[] {
  return Object.values(RetentionKind).map((kind) => ({
    kind,
    days: periods[kind],
    action: RETENTION_RULES[kind].action,
    cutoff: new Date(now.getTime() - periods[kind] * DAY_MS),
  }));
}
