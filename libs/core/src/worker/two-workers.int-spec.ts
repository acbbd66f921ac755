import { AllocationRunService } from '../allocation/allocation-run.service';
import { AllocationRunMode } from '../allocation/allocation.types';
import { UserRole } from '../auth/user-role';
import { RequestContext } from '../common/request-context';
import { JobQueue } from '../jobs/job-queue';
import { JOB } from '../jobs/job-names';
import { MatchApplicationService } from '../match/match-application.service';
import { createScratchDatabase } from '../testing/test-database';
import { seedOffer, seedProvider, seedRequest, seedShops, seedUser } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';

/** Polls until `check` passes, failing after `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('two workers on one database', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let workers: TestCore[];

  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    workers = [await startTestCore({ url: scratch.url, worker: true }), await startTestCore({ url: scratch.url, worker: true })];
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await scratch.drop();
  });

  it('execute a committed allocation run once: one set of matches, one set of items', async () => {
    const [a] = workers;
    const provider = await seedProvider(a.db);
    await seedOffer(a.db, provider.id, { capacity: 5 });
    const shops = await seedShops(a.db, 8);
    for (const shop of shops) await seedRequest(a.db, shop.id);
    const staff = await seedUser(a.db, UserRole.MINISTRY);

    const run = await a.app.get(AllocationRunService).start(actingAs(staff), { mode: AllocationRunMode.COMMIT });
    // The same job a second time, as a retry or a duplicate would be.
    await a.app.get(JobQueue).send(RequestContext.system(), JOB.RUN_ALLOCATION, { runId: run.id });

    await eventually(async () => (await a.db.query('SELECT status FROM allocation_run WHERE id = $1', [run.id]))[0].status === 'COMMITTED');
    await eventually(async () => (await a.app.get(JobQueue).queued(JOB.RUN_ALLOCATION)) === 0);
    const [{ matches }] = await a.db.query('SELECT count(*)::int AS matches FROM match WHERE allocation_run_id = $1', [run.id]);
    const [{ items }] = await a.db.query('SELECT count(*)::int AS items FROM allocation_run_item WHERE run_id = $1', [run.id]);
    expect({ matches, items }).toEqual({ matches: 5, items: 8 });
    // The committed run asks for the monitoring snapshots at once: both are computed after it finished.
    const snapshotsAfterRun = async (): Promise<number> =>
      (
        await a.db.query(
          `SELECT count(*)::int AS n FROM monitoring_snapshot s, allocation_run r WHERE r.id = $1 AND s.computed_at >= r.finished_at`,
          [run.id],
        )
      )[0].n;
    await eventually(async () => (await snapshotsAfterRun()) === 2);
    const [{ unmet }] = await a.db.query('SELECT count(*)::int AS unmet FROM unmet_demand_request r JOIN help_request h ON h.id = r.help_request_id WHERE h.shop_id = ANY($1)', [
      shops.map((shop) => shop.id),
    ]);
    // Five of the eight were matched; the other three wait for a full offer.
    expect(unmet).toBe(3);
  });

  it('expire each overdue hold once when both run the sweep at the same moment', async () => {
    const [a, b] = workers;
    const provider = await seedProvider(a.db);
    const offerId = await seedOffer(a.db, provider.id, { capacity: 30 });
    const shops = await seedShops(a.db, 30);
    const applications = a.app.get(MatchApplicationService);
    for (const shop of shops) {
      await applications.apply(actingAs(shop.owner), { helpRequestId: await seedRequest(a.db, shop.id), offerId, joinWaitlist: true });
    }
    await a.db.query(`UPDATE match SET respond_by = now() - interval '1 minute' WHERE offer_id = $1`, [offerId]);

    await Promise.all([1, 2, 3, 4].map((i) => (i % 2 ? a : b).app.get(JobQueue).send(RequestContext.system(), JOB.EXPIRE_HOLDS, {})));

    await eventually(async () => (await a.db.query(`SELECT count(*)::int AS n FROM match WHERE offer_id = $1 AND state = 'EXPIRED'`, [offerId]))[0].n === 30);
    await eventually(async () => (await a.app.get(JobQueue).queued(JOB.EXPIRE_HOLDS)) === 0);
    const transitions = await a.db.query(
      `SELECT t.match_id, count(*)::int AS n FROM match_transition t JOIN match m ON m.id = t.match_id
       WHERE m.offer_id = $1 AND t.to_state = 'EXPIRED' GROUP BY t.match_id`,
      [offerId],
    );
    expect(transitions).toHaveLength(30);
    expect(transitions.every((t: { n: number }) => t.n === 1)).toBe(true);
    const [{ used }] = await a.db.query('SELECT used FROM offer WHERE id = $1', [offerId]);
    expect(used).toBe(0);
  });

  it('run the scheduled allocation as the platform: one committed run, its matches announced to both sides', async () => {
    const [a] = workers;
    const provider = await seedProvider(a.db);
    // Rome only: the other tests' national offers and Turin shops stay out of this offer's way.
    const offerId = await seedOffer(a.db, provider.id, { capacity: 2, comuneCodes: ['058091'] });
    const shops = await seedShops(a.db, 3, { comuneCode: '058091' });
    for (const shop of shops) await seedRequest(a.db, shop.id);
    const before = (await a.db.query(`SELECT count(*)::int AS n FROM allocation_run WHERE requested_by_user_id IS NULL`))[0].n;

    await a.app.get(JobQueue).send(RequestContext.system(), JOB.SCHEDULED_ALLOCATION, {});

    await eventually(async () => (await a.db.query(`SELECT count(*)::int AS n FROM match WHERE offer_id = $1`, [offerId]))[0].n === 2);
    await eventually(async () => (await a.app.get(JobQueue).queued(JOB.SCHEDULED_ALLOCATION)) === 0);
    const runs = await a.db.query(`SELECT id, status, mode FROM allocation_run WHERE requested_by_user_id IS NULL ORDER BY created_at`);
    expect(runs).toHaveLength(before + 1);
    const run = runs[runs.length - 1];
    expect(run).toMatchObject({ status: 'COMMITTED', mode: 'COMMIT' });
    const matches = await a.db.query(`SELECT origin, state, allocation_run_id FROM match WHERE offer_id = $1`, [offerId]);
    expect(matches).toEqual([0, 1].map(() => ({ origin: 'ALLOCATION', state: 'PENDING', allocation_run_id: run.id })));
    const told = await a.db.query(
      `SELECT n.params->>'audience' AS audience, count(*)::int AS n FROM notification n JOIN match m ON m.id = n.match_id
       WHERE m.offer_id = $1 AND n.kind = 'MATCH_ALLOCATED' GROUP BY 1 ORDER BY 1`,
      [offerId],
    );
    expect(told).toEqual([
      { audience: 'PROVIDER', n: 2 },
      { audience: 'SHOP', n: 2 },
    ]);
  });
});
