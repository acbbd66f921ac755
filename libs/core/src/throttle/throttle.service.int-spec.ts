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

  /** One wrong password, as a sign-in counts it: the attempt, and no right password after it. */
  const wrong = (ctx: RequestContext, account: string): Promise<void> => throttle.passwordAttempt(ctx, account);
  const locked = (ctx: RequestContext, account: string): Promise<unknown> => throttle.passwordAttempt(ctx, account).then(() => 'counted', (error: unknown) => error);

  it('forgets every count kept under an address, from every client address, in the caller’s transaction, and nothing of anyone else', async () => {
    const email = `utente-${randomUUID()}@example.it`;
    const other = `altro-${randomUUID()}@example.it`;
    const [here, there] = [anAddress(), anAddress()];
    for (const account of [email, other]) {
      for (let i = 0; i < 5; i += 1) await wrong(from(here), account);
      await throttle.passwordAttempt(from(there), account);
      await throttle.passwordRight(from(there), account);
      await throttle.consumeEmail(account);
    }
    await throttle.consume(from(here), AddressLimit.LOGIN);
    expect(await locked(from(here), email)).toMatchObject({ reason: 'ACCOUNT_LOCKED' });
    const account = hashOf(email);
    expect(await keysOf(email)).toEqual([`account-mail-email:${account}`, `login-failures-account:${account}`]);
    expect(await pairKeysOf(email)).toEqual(
      [`login-failures:${account}.${hashOf(here)}`, `login-known:${account}.${hashOf(there)}`, `login-lock:${account}.${hashOf(here)}`].sort(),
    );

    // Written the way the account was typed: the counts are kept under the address as signed in with.
    const ctx = new RequestContext(`test-${randomUUID()}`, new Date());
    await core.app.get(TransactionalConnection).withTransaction(ctx, (tx) => throttle.forgetEmail(tx, ` ${email.toUpperCase()} `));

    expect([...(await keysOf(email)), ...(await pairKeysOf(email))]).toEqual([]);
    expect(await keysOf(other)).toHaveLength(2);
    expect(await pairKeysOf(other)).toHaveLength(3);
    expect(await keysOf(here)).toEqual([`login-address:${hashOf(here)}`]);
  });

  it('forgets nothing when the transaction that asked rolls back', async () => {
    const email = `utente-${randomUUID()}@example.it`;
    await wrong(from(), email);
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

  it('counts attempts sent together one after the other: a burst from one address gets the 5 guesses a sequence gets', async () => {
    const email = `utente-${randomUUID()}@example.it`;
    const address = anAddress();
    const answers = await Promise.all(Array.from({ length: 30 }, () => locked(from(address), email)));
    expect(answers.filter((answer) => answer === 'counted')).toHaveLength(5);
    expect(answers.filter((answer) => (answer as { reason?: string }).reason === 'ACCOUNT_LOCKED')).toHaveLength(25);
  });

  it('locks an account for everyone after 50 wrong passwords from many addresses, but not for an address its owner signed in from, nor a live session', async () => {
    const email = `utente-${randomUUID()}@example.it`;
    const owners = anAddress();
    await throttle.passwordAttempt(from(owners), email);
    await throttle.passwordRight(from(owners), email);
    // Ten machines, five guesses each, sent together.
    await Promise.all(Array.from({ length: 10 }, () => anAddress()).map((address) => Promise.all(Array.from({ length: 5 }, () => locked(from(address), email)))));
    expect(await locked(from(anAddress()), email)).toMatchObject({ reason: 'ACCOUNT_LOCKED' });
    expect(await locked(from(owners), email)).toBe('counted');
    await expect(throttle.passwordAttempt(from(anAddress()), email, { signedIn: true })).resolves.toBeUndefined();
  });
});
