import { RequestContext } from '../common/request-context';
import { createScratchDatabase } from '../testing/test-database';
import { JOB } from './job-names';
import { JobQueue } from './job-queue';

/** A queue of its own on a scratch database, whose one consumer takes `jobMs` per job. */
async function queueWithSlowJob(url: string, stopTimeoutSeconds: number, jobMs: number): Promise<{ queue: JobQueue; started: Promise<void>; finished: () => boolean }> {
  const queue = new JobQueue({ databaseUrl: url, consume: true, pollingIntervalSeconds: 0.5, stopTimeoutSeconds });
  await queue.onModuleInit();
  let done = false;
  let signalStart: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (signalStart = resolve));
  await queue.work(JOB.SWEEP_WAITLISTS, async () => {
    signalStart();
    await new Promise((resolve) => setTimeout(resolve, jobMs));
    done = true;
  });
  await queue.send(RequestContext.system(new Date()), JOB.SWEEP_WAITLISTS, {});
  return { queue, started, finished: () => done };
}

describe('stopping the job queue (real PostgreSQL)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    scratch = await createScratchDatabase();
  });
  afterAll(() => scratch.drop());

  it('lets the job in hand finish within the stop time it is given (SHUTDOWN_TIMEOUT_SECONDS), and no longer', async () => {
    const patient = await queueWithSlowJob(scratch.url, 5, 2_500);
    await patient.started;
    await patient.queue.onModuleDestroy();
    expect(patient.finished()).toBe(true);

    const hurried = await queueWithSlowJob(scratch.url, 1, 4_000);
    await hurried.started;
    const before = Date.now();
    await hurried.queue.onModuleDestroy();
    expect(Date.now() - before).toBeLessThan(3_000);
    expect(hurried.finished()).toBe(false);
  }, 30_000);
});
