import { WithdrawalWordsToProviders1796600000000 } from '@vec/database/migrations/1796600000000-withdrawal-words-to-providers';
import { seedPersonLife } from '../testing/personal-data-fixture';
import { startScratchCore, TestCore } from '../testing/test-core';

describe('the migration taking shops’ words out of their providers’ withdrawal notifications (real PostgreSQL)', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await startScratchCore();
  });
  afterAll(() => core.close());

  it('empties a person’s reason and keeps the platform’s codes, the shop’s side and the other kinds', async () => {
    const person = await seedPersonLife(core.db);
    const providerUserId = person.provider.userId;
    const [{ match_id: matchId }] = await core.db.query(`SELECT match_id FROM notification WHERE user_id = $1 AND kind = 'MATCH_WITHDRAWN'`, [providerUserId]);
    const insert = (userId: string, kind: string, params: object): Promise<unknown> =>
      core.db.query(`INSERT INTO notification (user_id, kind, match_id, params) VALUES ($1, $2, $3, $4)`, [userId, kind, matchId, JSON.stringify(params)]);
    await insert(providerUserId, 'MATCH_WITHDRAWN', { reason: 'SET_WITHDRAWN', audience: 'PROVIDER' });
    await insert(providerUserId, 'MATCH_EXPIRED', { reason: 'OFFER_ENDED: fine', audience: 'PROVIDER' });
    await insert(person.owner.userId, 'MATCH_WITHDRAWN', { reason: person.values.withdrawalReason, audience: 'SHOP' });

    const runner = core.db.createQueryRunner();
    try {
      await new WithdrawalWordsToProviders1796600000000().up(runner);
    } finally {
      await runner.release();
    }

    const reasons = await core.db.query(`SELECT user_id = $1 AS provider, kind, params->'reason' AS reason FROM notification WHERE match_id = $2 ORDER BY created_at, kind`, [
      providerUserId,
      matchId,
    ]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        { provider: true, kind: 'MATCH_WITHDRAWN', reason: null },
        { provider: true, kind: 'MATCH_WITHDRAWN', reason: 'SET_WITHDRAWN' },
        { provider: true, kind: 'MATCH_EXPIRED', reason: 'OFFER_ENDED: fine' },
        { provider: false, kind: 'MATCH_WITHDRAWN', reason: person.values.withdrawalReason },
      ]),
    );
    expect(JSON.stringify(reasons.filter((row: { provider: boolean }) => row.provider))).not.toContain(person.values.withdrawalReason);
  });
});
