import { EntityManager } from 'typeorm';

/** The figures a job recomputes into `monitoring_snapshot` (and, for unmet demand, `unmet_demand_request`). */
export enum SnapshotName {
  UNMET_DEMAND = 'unmet-demand',
  OPEN_DATA = 'open-data',
}

/** How often the worker recomputes the snapshots (JOB.REFRESH_MONITORING_SNAPSHOTS), as a 5-field cron. */
export const SNAPSHOT_REFRESH_CRON = '*/5 * * * *';

/**
 * Older snapshots than this are recomputed before answering: without a worker running (or on a
 * fresh database) pages would otherwise show old figures for ever. Twice the job's period.
 */
export const SNAPSHOT_MAX_AGE_MS = 10 * 60_000;

/** pg_advisory_xact_lock keys: one refresh of each snapshot at a time across processes. */
const LOCK_KEYS: Record<SnapshotName, number> = { [SnapshotName.UNMET_DEMAND]: 1_796_430_001, [SnapshotName.OPEN_DATA]: 1_796_430_002 };

export interface Snapshot<T> {
  computedAt: Date;
  data: T;
}

export async function readSnapshot<T = null>(db: EntityManager, name: SnapshotName): Promise<Snapshot<T> | undefined> {
  const [row]: { computed_at: Date; data: T }[] = await db.query('SELECT computed_at, data FROM monitoring_snapshot WHERE name = $1', [name]);
  return row ? { computedAt: new Date(row.computed_at), data: row.data } : undefined;
}

/** Too old (or from the future, for a context with another clock) to answer `now` with. */
export const isStale = (snapshot: { computedAt: Date } | undefined, now: Date): boolean =>
  !snapshot || Math.abs(now.getTime() - snapshot.computedAt.getTime()) > SNAPSHOT_MAX_AGE_MS;

/** Waits for any other refresh of the same snapshot (in this transaction) so that two never interleave. */
export async function lockSnapshot(db: EntityManager, name: SnapshotName): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEYS[name]]);
}

export async function writeSnapshot(db: EntityManager, name: SnapshotName, computedAt: Date, durationMs: number, data: unknown = null): Promise<void> {
  await db.query(
    `INSERT INTO monitoring_snapshot (name, computed_at, duration_ms, data) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO UPDATE SET computed_at = EXCLUDED.computed_at, duration_ms = EXCLUDED.duration_ms, data = EXCLUDED.data`,
    [name, computedAt, Math.round(durationMs), data === null ? null : JSON.stringify(data)],
  );
}
