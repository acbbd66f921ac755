import { EmailAddressesInOneForm1796700000000 } from '@vec/database/migrations/1796700000000-email-addresses-in-one-form';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../common/request-context';
import { hashPassword } from './password-hasher';
import { AuthService } from './auth.service';
import { startScratchCore, TestCore } from '../testing/test-core';

describe('addresses stored before they were read in one form (real PostgreSQL)', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await startScratchCore();
  });
  afterAll(() => core.close());

  const PASSWORD = 'una-password-lunga-2026';
  const account = async (email: string): Promise<string> =>
    (await core.db.query(`INSERT INTO user_account (email, password_hash, role, email_verified_at) VALUES ($1, $2, 'SHOP', now()) RETURNING id`, [email, await hashPassword(PASSWORD)]))[0].id;
  const emailOf = async (id: string): Promise<string> => (await core.db.query('SELECT email FROM user_account WHERE id = $1', [id]))[0].email;

  it('rewrites an accented domain in its ASCII form, so that its owner signs in as typed; an address that would become another account’s stays', async () => {
    const tag = randomUUID().slice(0, 8);
    const accented = await account(`info-${tag}@città.it`);
    const plain = await account(`caffè-${tag}@bar.it`);
    const taken = await account(`doppio-${tag}@xn--citt-3na.it`);
    const twin = await account(`doppio-${tag}@città.it`);

    const runner = core.db.createQueryRunner();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await new EmailAddressesInOneForm1796700000000().up(runner);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`Account ${twin} kept its address`));
    } finally {
      warn.mockRestore();
      await runner.release();
    }

    expect(await emailOf(accented)).toBe(`info-${tag}@xn--citt-3na.it`);
    // Nothing to change outside ASCII's domain rules: an accent before the @ stays as it is.
    expect(await emailOf(plain)).toBe(`caffè-${tag}@bar.it`);
    expect(await emailOf(taken)).toBe(`doppio-${tag}@xn--citt-3na.it`);
    expect(await emailOf(twin)).toBe(`doppio-${tag}@città.it`);

    // Typed as ever, read in one form: both sign in.
    const auth = core.app.get(AuthService);
    const signIn = (email: string) => auth.validateCredentials(new RequestContext(`test-${randomUUID()}`, new Date()), email, PASSWORD);
    expect((await signIn(`Info-${tag}@Città.it`)).id).toBe(accented);
    expect((await signIn(`caffè-${tag}@bar.it`)).id).toBe(plain);
  });
});
