/** Every queue of the platform and the data its jobs carry. */
export const JOB = {
  /** PENDING matches past their answer deadline → EXPIRED; waitlists of ended offers → EXPIRED. */
  EXPIRE_HOLDS: 'match-expire-holds',
  /** ACTIVE matches whose free period has ended → COMPLETED. */
  COMPLETE_ENDED: 'match-complete-ended',
  /** Offer a freed slot of one offer to its waitlist, in priority order. */
  PROMOTE_WAITLIST: 'waitlist-promote',
  /** Every offer with free slots and a waitlist (catches capacity raised, offers resumed). */
  SWEEP_WAITLISTS: 'waitlist-sweep',
  /** Execute one allocation run (preview or commit) that staff queued or scheduled. */
  RUN_ALLOCATION: 'allocation-run',
  /** The recurring committed allocation run (ALLOCATION_SCHEDULE). */
  SCHEDULED_ALLOCATION: 'allocation-scheduled',
  /** Remind providers of held places whose answer is due within a day (once per match). */
  REMIND_RESPONSES: 'match-remind-responses',
  /** Ask shops for the 30- and 90-day outcome survey. */
  REMIND_SURVEYS: 'survey-remind',
  /** Runs left RUNNING by a worker that stopped half-way → FAILED (their transaction never committed). */
  FAIL_STALE_RUNS: 'allocation-fail-stale',
  /** Recompute the unmet-demand and open-data snapshots the dashboard and open data read. */
  REFRESH_MONITORING_SNAPSHOTS: 'monitoring-snapshots-refresh',
  /** Send one e-mail of the outbox (mail_message), or look again at one whose attempt never ended. */
  SEND_MAIL: 'mail-send',
  /** Purge or pseudonymise the personal data whose retention period has ended (daily). */
  PURGE_EXPIRED_PERSONAL_DATA: 'personal-data-retention',
  /** Gather each person's messages held for the daily digest into one e-mail. */
  SEND_DIGESTS: 'mail-digests',
  /** Close the selection calls whose window has ended, and give places freed since to their reserve lists. */
  SWEEP_CALLS: 'selection-call-sweep',
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

type NoData = Record<string, never>;

export interface JobData {
  [JOB.EXPIRE_HOLDS]: NoData;
  [JOB.COMPLETE_ENDED]: NoData;
  [JOB.PROMOTE_WAITLIST]: { offerId: string };
  [JOB.SWEEP_WAITLISTS]: NoData;
  [JOB.RUN_ALLOCATION]: { runId: string };
  /** What the process that stored the schedule was told (ALLOCATION_SCHEDULE_COMPLETE_SETS). */
  [JOB.SCHEDULED_ALLOCATION]: { completeSetsOnly?: boolean };
  [JOB.REMIND_RESPONSES]: NoData;
  [JOB.REMIND_SURVEYS]: NoData;
  [JOB.FAIL_STALE_RUNS]: NoData;
  [JOB.REFRESH_MONITORING_SNAPSHOTS]: NoData;
  [JOB.SEND_MAIL]: { mailId: string };
  [JOB.PURGE_EXPIRED_PERSONAL_DATA]: NoData;
  [JOB.SEND_DIGESTS]: NoData;
  [JOB.SWEEP_CALLS]: NoData;
}

export const ALL_JOBS: readonly JobName[] = Object.values(JOB);
