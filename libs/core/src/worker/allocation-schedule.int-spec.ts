import { JOB } from '../jobs/job-names';
import { createScratchDatabase } from '../testing/test-database';
import { startTestCore, TestCore } from '../testing/test-core';

/** A worker process started with these variables (the configuration reads them as it starts). */
async function workerWith(url: string, env: Record<string, string | undefined>): Promise<TestCore> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  try {
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    return await startTestCore({ url, worker: true });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('ALLOCATION_SCHEDULE across processes on one database', () => {
  let scratch: { url: string; drop(): Promise<void> };
  const started: TestCore[] = [];
  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
  });
  afterAll(async () => {
    for (const core of started) await core.close();
    await scratch.drop();
  });

  const stored = async (core: TestCore): Promise<{ cron: string; data: unknown }[]> =>
    core.db.query(`SELECT cron, data FROM pgboss.schedule WHERE name = $1`, [JOB.SCHEDULED_ALLOCATION]);

  it('is set by the process that names it, left alone by one started without it, removed by off', async () => {
    const setter = await workerWith(scratch.url, { ALLOCATION_SCHEDULE: '30 2 * * *', ALLOCATION_SCHEDULE_COMPLETE_SETS: 'true' });
    started.push(setter);
    expect(await stored(setter)).toEqual([{ cron: '30 2 * * *', data: { completeSetsOnly: true } }]);

    // Another worker, or an API process left at RUN_WORKER=true, without the variable.
    started.push(await workerWith(scratch.url, { ALLOCATION_SCHEDULE: undefined, ALLOCATION_SCHEDULE_COMPLETE_SETS: undefined }));
    expect(await stored(setter)).toEqual([{ cron: '30 2 * * *', data: { completeSetsOnly: true } }]);

    started.push(await workerWith(scratch.url, { ALLOCATION_SCHEDULE: 'off', ALLOCATION_SCHEDULE_COMPLETE_SETS: undefined }));
    expect(await stored(setter)).toEqual([]);
  }, 60_000);
});
