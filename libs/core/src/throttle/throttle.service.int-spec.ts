import { createHash, randomUUID } from 'node:crypto';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { startTestCore, TestCore } from '../testing/test-core';
import { AddressLimit, ThrottleService } from './throttle.service';

describe('throttle counts (real PostgreSQL)', () => {
  let core: TestCore;
  let throttle: ThrottleService;
  beforeAll(async () => {
    core = await startTestCore();
    throttle = core.app.get(ThrottleService);
  });
  afterAll(() => core.close());

  const hashOf = (value: string): string => createHash('sha256').update(value).digest('base64url');
  const keysOf = async (value: string): Promise<string[]> =>
    (await core.db.query<{ key: string }[]>(`SELECT key FROM rate_limit WHERE key LIKE '%:' || $1 ORDER BY key`, [hashOf(value)])).map((row) => row.key);
  /** The counts of an account from one client address each. */
  const pairKeysOf = async (email: string): Promise<string[]> =>
    (await core.db.query<{ key: string }[]>(`SELECT key FROM rate_limit WHERE key LIKE '%:' || $1 || '.%'`, [hashOf(email)])).map((row) => row.key).sort();

  const from = (address?: string): RequestContext => new RequestContext(`test-${randomUUID()}`, new Date(), undefined, undefined, address);
  const anAddress = (): string => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID()}`;

  it('forgets every count kept under an address, from every client address, in the caller’s transaction, and nothing of anyone else', async () => {
    const email = `utente-${randomUUID()}@example.it`;
    const other = `altro-${randomUUID()}@example.it`;
    const [here, there] = [anAddress(), anAddress()];
    for (const account of [email, other]) {
      for (let i = 0; i < 6; i += 1) await throttle.loginFailed(from(here), account);
      await throttle.loginFailed(from(there), account);
      await throttle.consumeEmail(account);
    }
    await throttle.consume(from(here), AddressLimit.LOGIN);
    await expect(throttle.assertNotLocked(from(here), email)).rejects.toMatchObject({ reason: 'ACCOUNT_LOCKED' });
    await expect(throttle.assertNotLocked(from(there), email)).resolves.toBeUndefined();
    const account = hashOf(email);
    expect(await keysOf(email)).toEqual([`account-mail-email:${account}`, `login-failures-account:${account}`]);
    expect(await pairKeysOf(email)).toEqual(
      [`login-failures:${account}.${hashOf(here)}`, `login-failures:${account}.${hashOf(there)}`, `login-lock:${account}.${hashOf(here)}`].sort(),
    );

    // Written the way the account was typed: the counts are kept under the address as signed in with.
    const ctx = new RequestContext(`test-${randomUUID()}`, new Date());
    await core.app.get(TransactionalConnection).withTransaction(ctx, (tx) => throttle.forgetEmail(tx, ` ${email.toUpperCase()} `));

    expect([...(await keysOf(email)), ...(await pairKeysOf(email))]).toEqual([]);
    await expect(throttle.assertNotLocked(from(here), email)).resolves.toBeUndefined();
    expect(await keysOf(other)).toHaveLength(2);
    expect(await pairKeysOf(other)).toHaveLength(3);
    expect(await keysOf(here)).toEqual([`login-address:${hashOf(here)}`]);
  });

  it('forgets nothing when the transaction that asked rolls back', async () => {
    const email = `utente-${randomUUID()}@example.it`;
    await throttle.loginFailed(from(), email);
    const ctx = new RequestContext(`test-${randomUUID()}`, new Date());
    await expect(
      core.app.get(TransactionalConnection).withTransaction(ctx, async (tx) => {
        await throttle.forgetEmail(tx, email);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await keysOf(email)).toEqual([`login-failures-account:${hashOf(email)}`]);
    expect(await pairKeysOf(email)).toEqual([`login-failures:${hashOf(email)}.${hashOf('')}`]);
  });
});
