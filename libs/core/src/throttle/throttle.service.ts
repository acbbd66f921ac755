import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import type { Environment } from '../config/environment';
import { ThrottleException } from './throttle.exception';

/** What is counted, per client address, across every API process. */
export enum AddressLimit {
  LOGIN = 'login',
  REGISTER = 'register',
  REFRESH = 'refresh',
  /** Account e-mails asked for: password reset, verification link, change of address. */
  ACCOUNT_MAIL = 'account-mail',
}

const MINUTE = 60;
const DAY = 86_400;

/** Keys never hold an e-mail address or an IP in clear: the table is not a log of who tried what. */
const keyOf = (value: string): string => createHash('sha256').update(value).digest('base64url');

/**
 * Throttling whose counts live in PostgreSQL (the `rate_limit` table, through rate-limiter-flexible),
 * so that several API processes share them: attempts per client address for signing in, signing up
 * and renewing sessions, and lockouts after repeated wrong passwords that double with each further
 * one, up to a maximum — the owner is never locked out for longer than that.
 *
 * Wrong passwords lock an account in two ways. From one client address, a few in a row lock the
 * account for that address only (`LOGIN_LOCKOUT_AFTER`): a stranger guessing from elsewhere does not
 * lock the owner out. Across all addresses, many in a day (`LOGIN_LOCKOUT_ACCOUNT_AFTER`, a guess
 * spread over many machines) lock it for everyone, and a password reset, which only the mailbox's
 * owner can complete, lifts both.
 */
@Injectable()
export class ThrottleService {
  private readonly byAddress: Record<AddressLimit, RateLimiterPostgres>;
  /** Wrong passwords and locks of an account from one client address (keys: account, then address). */
  private readonly failures: RateLimiterPostgres;
  private readonly locks: RateLimiterPostgres;
  /** Wrong passwords and locks of an account from every address. */
  private readonly accountFailures: RateLimiterPostgres;
  private readonly accountLocks: RateLimiterPostgres;
  private readonly mailsPerEmail: RateLimiterPostgres;
  private readonly invitations: RateLimiterPostgres;
  private readonly lockout: { after: number; accountAfter: number; seconds: number; maxSeconds: number };

  constructor(
    private readonly dataSource: DataSource,
    config: ConfigService<Environment, true>,
    private readonly connection: TransactionalConnection,
  ) {
    const store = (keyPrefix: string, points: number, duration: number, clearExpired = false): RateLimiterPostgres =>
      new RateLimiterPostgres({
        storeClient: dataSource,
        storeType: 'typeorm',
        tableName: 'rate_limit',
        // The table is made by a migration, like every other.
        tableCreated: true,
        // One limiter sweeps the expired rows of all (every five minutes, those expired over an hour ago).
        clearExpiredByTimeout: clearExpired,
        keyPrefix,
        points,
        duration,
      });
    this.byAddress = {
      [AddressLimit.LOGIN]: store('login-address', config.get('THROTTLE_LOGIN_PER_ADDRESS', { infer: true }), 15 * MINUTE, true),
      [AddressLimit.REGISTER]: store('register-address', config.get('THROTTLE_REGISTER_PER_ADDRESS', { infer: true }), 60 * MINUTE),
      [AddressLimit.REFRESH]: store('refresh-address', config.get('THROTTLE_REFRESH_PER_ADDRESS', { infer: true }), 15 * MINUTE),
      [AddressLimit.ACCOUNT_MAIL]: store('account-mail-address', config.get('THROTTLE_ACCOUNT_MAIL_PER_ADDRESS', { infer: true }), 60 * MINUTE),
    };
    this.mailsPerEmail = store('account-mail-email', config.get('THROTTLE_ACCOUNT_MAIL_PER_EMAIL', { infer: true }), 60 * MINUTE);
    this.invitations = store('invitation-organisation', config.get('THROTTLE_INVITATIONS_PER_ORGANISATION', { infer: true }), 60 * MINUTE);
    // Wrong passwords of an account from an address in a row: forgotten at a success, or a day after the first.
    this.failures = store('login-failures', 1_000_000, DAY);
    this.locks = store('login-lock', 1, DAY);
    // Wrong passwords of an account from anywhere: forgotten a day after the first, or at a password reset.
    this.accountFailures = store('login-failures-account', 1_000_000, DAY);
    this.accountLocks = store('login-lock-account', 1, DAY);
    this.lockout = {
      after: config.get('LOGIN_LOCKOUT_AFTER', { infer: true }),
      accountAfter: config.get('LOGIN_LOCKOUT_ACCOUNT_AFTER', { infer: true }),
      seconds: config.get('LOGIN_LOCKOUT_SECONDS', { infer: true }),
      maxSeconds: config.get('LOGIN_LOCKOUT_MAX_SECONDS', { infer: true }),
    };
  }

  /** Counts one attempt from the caller's address; refuses it when the address is over its limit. */
  async consume(ctx: RequestContext, limit: AddressLimit): Promise<void> {
    if (!ctx.clientAddress) return;
    try {
      await this.byAddress[limit].consume(keyOf(ctx.clientAddress));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw new ThrottleException('ADDRESS_LIMIT', retryAfter(rejection));
      throw rejection;
    }
  }

  /**
   * Gives back the point an attempt took: a sign-in that succeeded is not one to slow down, so an
   * office behind one address (a ministry floor, a chamber of commerce) is limited by its wrong
   * passwords only, not by how many of its people sign in.
   */
  async refund(ctx: RequestContext, limit: AddressLimit): Promise<void> {
    if (!ctx.clientAddress) return;
    await this.byAddress[limit].reward(keyOf(ctx.clientAddress), 1);
  }

  /**
   * Counts one account e-mail asked for an address (a password reset, a verification link, a new
   * address to confirm), whether an account has it or not, so that the refusal tells nothing.
   */
  async consumeEmail(email: string): Promise<void> {
    try {
      await this.mailsPerEmail.consume(keyOf(email.trim().toLowerCase()));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw new ThrottleException('EMAIL_LIMIT', retryAfter(rejection));
      throw rejection;
    }
  }

  /** Counts one invitation e-mail a facilitator organisation sends a shop; refuses it over the hour's limit. */
  async consumeInvitation(organisationId: string): Promise<void> {
    try {
      await this.invitations.consume(organisationId);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw new ThrottleException('INVITATION_LIMIT', retryAfter(rejection));
      throw rejection;
    }
  }

  /**
   * Refuses any sign-in, with the right password too, while the account is locked for the caller's
   * address or for everyone.
   */
  async assertNotLocked(ctx: RequestContext, account: string): Promise<void> {
    const keys = keysOf(ctx, account);
    const [fromHere, everywhere] = await Promise.all([this.locks.get(keys.pair), this.accountLocks.get(keys.account)]);
    const longest = [fromHere, everywhere]
      .filter((lock): lock is RateLimiterRes => lock !== null && lock.consumedPoints > 1 && lock.msBeforeNext > 0)
      .sort((a, b) => b.msBeforeNext - a.msBeforeNext)[0];
    if (longest) throw new ThrottleException('ACCOUNT_LOCKED', retryAfter(longest));
  }

  /**
   * A wrong password: from a threshold on, the account is locked, twice as long each time — for the
   * caller's address after a few in a row, for everyone after many from anywhere.
   */
  async loginFailed(ctx: RequestContext, account: string): Promise<void> {
    const keys = keysOf(ctx, account);
    const [fromHere, everywhere] = await Promise.all([this.failures.penalty(keys.pair, 1), this.accountFailures.penalty(keys.account, 1)]);
    await Promise.all([
      this.lockFor(this.locks, keys.pair, fromHere.consumedPoints - this.lockout.after),
      this.lockFor(this.accountLocks, keys.account, everywhere.consumedPoints - this.lockout.accountAfter),
    ]);
  }

  /** Locks a key for the first lock's length doubled `beyond` times (capped); nothing while under the threshold. */
  private async lockFor(locks: RateLimiterPostgres, key: string, beyond: number): Promise<void> {
    if (beyond < 0) return;
    await locks.block(key, Math.min(this.lockout.seconds * 2 ** beyond, this.lockout.maxSeconds));
  }

  /** The right password: the count of wrong ones from the caller's address starts again. */
  async loginSucceeded(ctx: RequestContext, account: string): Promise<void> {
    await this.failures.delete(keysOf(ctx, account).pair);
  }

  /**
   * For the erasure of an account, in its transaction: every count kept under this address (wrong
   * passwords and lockouts from every client address, account e-mails asked for) goes. Counts per
   * client address alone stay: they name no one.
   */
  async forgetEmail(tx: RequestContext, email: string): Promise<void> {
    await this.forgetAccountCounts(tx, email.trim().toLowerCase(), [this.mailsPerEmail]);
  }

  /**
   * A new password set through the e-mailed link, which only the mailbox's owner could open: the
   * wrong passwords counted and the lockouts someone else's guesses caused, from any address, end.
   */
  async passwordReset(account: string): Promise<void> {
    await this.forgetAccountCounts(undefined, account, []);
  }

  private async forgetAccountCounts(tx: RequestContext | undefined, account: string, alsoFrom: RateLimiterPostgres[]): Promise<void> {
    const key = keyOf(account);
    const exact = [this.accountFailures, this.accountLocks, ...alsoFrom].map((limiter) => limiter.getKey(key));
    const prefixes = [this.failures, this.locks].map((limiter) => limiter.getKey(`${key}.`));
    const manager = tx ? this.connection.manager(tx) : this.dataSource.manager;
    await manager.query(`DELETE FROM rate_limit WHERE key = ANY($1) OR starts_with(key, $2) OR starts_with(key, $3)`, [exact, ...prefixes]);
  }
}

/**
 * The keys of an account's wrong passwords: the account's, and the pair of account and client
 * address, which begins with the account's so that all its pairs can be forgotten at once.
 */
function keysOf(ctx: RequestContext, account: string): { account: string; pair: string } {
  const key = keyOf(account);
  return { account: key, pair: `${key}.${keyOf(ctx.clientAddress ?? '')}` };
}

const retryAfter = (res: RateLimiterRes): number => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
