import { DataSource } from 'typeorm';
import { ApplyToOfferDocument, type ApplyToOfferMutation } from '../gql/generated';
import { staffUser } from '../testing/fixtures';
import { askFor } from '../testing/match-fixtures';
import { approvedProvider, publishedOffer, shopIn } from '../testing/offer-fixtures';
import { API_MAIN, freePort, graphqlBody, spawnBuilt, type Spawned, waitUntilReady } from '../testing/spawned-api';
import { startTestApp, type TestApp } from '../testing/test-app';

const CAPACITY = 5;
const SHOPS = 14;

/** The built API on the test run's database, as a second instance behind a proxy would run it. */
async function anotherInstance(): Promise<{ api: Spawned; port: number }> {
  const port = await freePort();
  const api = spawnBuilt(API_MAIN, {
    NODE_ENV: 'development',
    PORT: String(port),
    SEED_DEMO: 'false',
    RUN_WORKER: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
    METRICS_PORT: '0',
    LOG_LEVEL: 'warn',
  });
  await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, api);
  return { api, port };
}

async function apply(port: number, accessToken: string, helpRequestId: string, offerId: string): Promise<ApplyToOfferMutation['applyToOffer']> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: graphqlBody(ApplyToOfferDocument, { input: { helpRequestId, offerId, joinWaitlist: true } }),
  });
  const body = (await response.json()) as { data?: ApplyToOfferMutation; errors?: unknown };
  if (!body.data) throw new Error(`applyToOffer failed: ${JSON.stringify(body.errors)}`);
  return body.data.applyToOffer;
}

describe('Two API processes on one database', () => {
  let setup: TestApp;
  const instances: Spawned[] = [];
  beforeAll(async () => {
    setup = await startTestApp();
  });
  afterAll(async () => {
    for (const instance of instances) instance.process.kill('SIGTERM');
    await Promise.all(instances.map((instance) => instance.exited));
    await setup.close();
  });

  it('hand out exactly the places an offer has when shops apply through both at once; the rest wait in line', async () => {
    const staff = await staffUser(setup);
    const provider = await approvedProvider(setup, staff);
    const offer = await publishedOffer(setup, provider, { capacity: CAPACITY });
    const shops = await Promise.all(Array.from({ length: SHOPS }, () => shopIn(setup, '001272')));
    const requests = await Promise.all(shops.map((shop) => askFor(setup, shop)));
    const [first, second] = await Promise.all([anotherInstance(), anotherInstance()]);
    instances.push(first.api, second.api);

    // Every shop at the same moment, alternating between the two processes.
    const answers = await Promise.all(shops.map((shop, i) => apply(i % 2 ? second.port : first.port, shop.accessToken, requests[i], offer.id)));

    const states = answers.map((answer) => (answer.__typename === 'Match' ? answer.state : answer.__typename));
    expect(states.filter((state) => state === 'PENDING')).toHaveLength(CAPACITY);
    expect(states.filter((state) => state === 'WAITLISTED')).toHaveLength(SHOPS - CAPACITY);
    // The table agrees with the answers: no place handed out twice, no one lost.
    const rows = (await setup.app.get(DataSource).query(`SELECT state, count(*)::int AS n FROM match WHERE offer_id = $1 GROUP BY state ORDER BY state::text`, [offer.id])) as { state: string; n: number }[];
    expect(rows).toEqual([
      { state: 'PENDING', n: CAPACITY },
      { state: 'WAITLISTED', n: SHOPS - CAPACITY },
    ]);
  }, 180_000);
});
