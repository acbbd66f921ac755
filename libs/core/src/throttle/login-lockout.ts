import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { countedAddress } from '../common/client-address';
import type { RequestContext } from '../common/request-context';
import { ThrottleException } from './throttle.exception';

const DAY_MS = 86_400_000;
/** How long an address the owner signed in from stays exempt from a lock strangers caused. */
const KNOWN_FOR_MS = 90 * DAY_MS;

export interface LockoutSettings {
  /** Wrong passwords in a row from one client address that lock the account there. */
  after: number;
  /** Wrong passwords from every address within a day that lock the account for everyone else. */
  accountAfter: number;
  /** The first lock, doubled with each further wrong password, up to maxSeconds. */
  seconds: number;
  maxSeconds: number;
}

/** Keys never hold an e-mail address or an IP in clear: the table is not a log of who tried what. */
export const hashed = (value: string): string => createHash('sha256').update(value).digest('base64url');

/**
 * The rows of one account's sign-ins, in the `rate_limit` table (rate-limiter-flexible's layout,
 * so its sweep removes them once expired): wrong passwords and a lock per client address and for
 * the account as a whole, and the addresses the owner signed in from. The keys of an address begin
 * with the account's, so that all of them can be forgotten at once.
 */
export class AccountKeys {
  readonly account: string;
  readonly pair: string;

  constructor(account: string, clientAddress: string | undefined) {
    this.account = hashed(account);
    this.pair = `${this.account}.${hashed(countedAddress(clientAddress ?? ''))}`;
  }

  get pairFailures(): string {
    return `login-failures:${this.pair}`;
  }
  get pairLock(): string {
    return `login-lock:${this.pair}`;
  }
  get known(): string {
    return `login-known:${this.pair}`;
  }
  get accountFailures(): string {
    return `login-failures-account:${this.account}`;
  }
  get accountLock(): string {
    return `login-lock-account:${this.account}`;
  }

  /**
   * Every row kept for the account, whatever the address: exact keys (with those of the count and
   * lock kept per account alone before there were per-address ones), and prefixes of the
   * per-address ones.
   */
  static forgettable(account: string): { exact: string[]; prefixes: string[] } {
    const key = hashed(account);
    return {
      exact: [`login-failures-account:${key}`, `login-lock-account:${key}`, `login-failures:${key}`, `login-lock:${key}`],
      prefixes: ['login-failures', 'login-lock', 'login-known'].map((prefix) => `${prefix}:${key}.`),
    };
  }
}

type Rows = Map<string, { points: number; expire: number }>;

/**
 * The lockout after wrong passwords. Each attempt is counted as a wrong one before its password is
 * checked, in one short transaction that holds the account's advisory lock, and the lock that the
 * count earns is set there too: attempts sent together are counted one after the other, so a burst
 * gets no more guesses than a sequence. A right password then takes its count back.
 *
 * - From one client address, `after` wrong passwords in a row lock the account for that address.
 * - From all addresses, `accountAfter` within a day lock it for every address the owner has not
 *   signed in from (in the last 90 days), and for none of the owner's live sessions: strangers
 *   guessing from many machines slow each other, not the owner.
 */
export class LoginLockout {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: LockoutSettings,
  ) {}

  /**
   * Refuses the attempt while the account is locked for the caller, else counts it as a wrong
   * password (and locks from the threshold on). `signedIn`: the caller holds a live session of the
   * account (a grave step asking the password again), which the account-wide lock does not stop.
   */
  async begin(ctx: RequestContext, account: string, options: { signedIn?: boolean } = {}): Promise<void> {
    const keys = new AccountKeys(account, ctx.clientAddress);
    const now = Date.now();
    await this.dataSource.transaction(async (manager) => {
      const rows = await this.lockAndRead(manager, keys, [keys.pairFailures, keys.pairLock, keys.known, keys.accountFailures, keys.accountLock]);
      const live = (key: string): { points: number; expire: number } | undefined => {
        const row = rows.get(key);
        return row && row.expire > now ? row : undefined;
      };
      const pairLock = live(keys.pairLock);
      if (pairLock) throw new ThrottleException('ACCOUNT_LOCKED', secondsUntil(pairLock.expire, now));
      const accountLock = live(keys.accountLock);
      if (accountLock && !options.signedIn && !live(keys.known)) throw new ThrottleException('ACCOUNT_LOCKED', secondsUntil(accountLock.expire, now));
      await this.count(manager, keys.pairFailures, keys.pairLock, live(keys.pairFailures), this.settings.after, now);
      await this.count(manager, keys.accountFailures, keys.accountLock, live(keys.accountFailures), this.settings.accountAfter, now);
    });
  }

  /** The right password: the attempt was not a wrong one after all, and the address is the owner's. */
  async succeeded(ctx: RequestContext, account: string): Promise<void> {
    const keys = new AccountKeys(account, ctx.clientAddress);
    const now = Date.now();
    await this.dataSource.transaction(async (manager) => {
      const rows = await this.lockAndRead(manager, keys, [keys.accountFailures]);
      await manager.query(`DELETE FROM rate_limit WHERE key = ANY($1)`, [[keys.pairFailures, keys.pairLock]]);
      await upsert(manager, keys.known, 1, now + KNOWN_FOR_MS);
      const counted = rows.get(keys.accountFailures);
      if (!counted || counted.expire <= now) return;
      await manager.query(`UPDATE rate_limit SET points = greatest(points - 1, 0) WHERE key = $1`, [keys.accountFailures]);
      // A lock this attempt's own count set goes with it; one set before it stays.
      if (counted.points - 1 < this.settings.accountAfter) await manager.query(`DELETE FROM rate_limit WHERE key = $1`, [keys.accountLock]);
    });
  }

  /** The account's rows, under its advisory lock (held to the end of the transaction). */
  private async lockAndRead(manager: EntityManager, keys: AccountKeys, wanted: string[]): Promise<Rows> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('login:' || $1))`, [keys.account]);
    const rows: { key: string; points: number; expire: string | null }[] = await manager.query(`SELECT key, points, expire FROM rate_limit WHERE key = ANY($1)`, [wanted]);
    return new Map(rows.map((row) => [row.key, { points: row.points, expire: Number(row.expire ?? 0) }]));
  }

  /** One more wrong password on a count (a day from its first); the lock it earns from the threshold on. */
  private async count(manager: EntityManager, failuresKey: string, lockKey: string, current: { points: number; expire: number } | undefined, threshold: number, now: number): Promise<void> {
    const failures = (current?.points ?? 0) + 1;
    await upsert(manager, failuresKey, failures, current?.expire ?? now + DAY_MS);
    if (failures < threshold) return;
    const seconds = Math.min(this.settings.seconds * 2 ** (failures - threshold), this.settings.maxSeconds);
    // Two points: rate-limiter-flexible's mark of a blocked key.
    await upsert(manager, lockKey, 2, now + seconds * 1000);
  }
}

const upsert = (manager: EntityManager, key: string, points: number, expire: number): Promise<unknown> =>
  manager.query(`INSERT INTO rate_limit (key, points, expire) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET points = $2, expire = $3`, [key, points, expire]);

const secondsUntil = (expire: number, now: number): number => Math.max(1, Math.ceil((expire - now) / 1000));
