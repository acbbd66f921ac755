import { RequestContext } from '../common/request-context';
import { startTestCore, TestCore } from '../testing/test-core';
import { AllocationExecutor, STALE_RUN_MINUTES } from './allocation-executor.service';
import { AllocationInputLoader } from './allocation-input.loader';

const MINUTE_MS = 60_000;

describe('allocation runs a stopped worker left RUNNING (real PostgreSQL)', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await startTestCore();
  });
  afterAll(() => core.close());

  /** A run claimed by a worker `minutesAgo` before now, as if that worker had then stopped (no job: nothing else may run it). */
  async function runningSince(now: Date, minutesAgo: number): Promise<string> {
    const [run] = await core.db.query(`INSERT INTO allocation_run (mode, status, started_at) VALUES ('PREVIEW', 'RUNNING', $1) RETURNING id`, [
      new Date(now.getTime() - minutesAgo * MINUTE_MS),
    ]);
    return run.id;
  }
  const status = async (id: string): Promise<{ status: string; failure: string | null }> =>
    (await core.db.query('SELECT status, failure FROM allocation_run WHERE id = $1', [id]))[0];

  it('fails the runs stuck past the limit, once, saying nothing changed; a run still within it goes on', async () => {
    const now = new Date();
    const stuck = await runningSince(now, STALE_RUN_MINUTES + 1);
    const recent = await runningSince(now, STALE_RUN_MINUTES - 5);
    const executor = core.app.get(AllocationExecutor);

    expect(await executor.failStale(RequestContext.system(now))).toBeGreaterThanOrEqual(1);
    expect(await status(stuck)).toEqual({ status: 'FAILED', failure: 'WORKER_STOPPED' });
    expect((await status(recent)).status).toBe('RUNNING');
    expect(await executor.failStale(RequestContext.system(now))).toBe(0);
    // The job it would take to run it again does nothing to a run that is not QUEUED or SCHEDULED.
    expect((await executor.execute(RequestContext.system(now), stuck))).toBeNull();
    expect((await status(stuck)).status).toBe('FAILED');
  });
  it('keeps nothing of a run that was failed as stale while it was still working', async () => {
    const [run] = await core.db.query(`INSERT INTO allocation_run (mode, status) VALUES ('PREVIEW', 'QUEUED') RETURNING id`);
    const loader = core.app.get(AllocationInputLoader);
    const load = loader.load.bind(loader);
    // The stale-run job gets there while the run is reading its input.
    const slow = jest.spyOn(loader, 'load').mockImplementationOnce(async (...args) => {
      await core.db.query(`UPDATE allocation_run SET status = 'FAILED', failure = 'WORKER_STOPPED' WHERE id = $1`, [run.id]);
      return load(...args);
    });
    try {
      await core.app.get(AllocationExecutor).execute(RequestContext.system(), run.id);
    } finally {
      slow.mockRestore();
    }
    expect(await status(run.id)).toEqual({ status: 'FAILED', failure: 'WORKER_STOPPED' });
    const [{ items }] = await core.db.query('SELECT count(*)::int AS items FROM allocation_run_item WHERE run_id = $1', [run.id]);
    expect(items).toBe(0);
  });
});
