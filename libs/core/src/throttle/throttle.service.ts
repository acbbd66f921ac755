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
 * and renewing sessions, and a lockout per account after repeated wrong passwords that doubles with
 * each further one, up to a maximum — the owner is never locked out for longer than that.
 */
@Injectable()
export class ThrottleService {
  private readonly byAddress: Record<AddressLimit, RateLimiterPostgres>;
  private readonly failures: RateLimiterPostgres;
  private readonly mailsPerEmail: RateLimiterPostgres;
  private readonly invitations: RateLimiterPostgres;
  private readonly locks: RateLimiterPostgres;
  private readonly lockout: { after: number; seconds: number; maxSeconds: number };

  constructor(
    dataSource: DataSource,
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
    // Wrong passwords of an account in a row: forgotten at a success, or a day after the first.
    this.failures = store('login-failures', 1_000_000, DAY);
    this.locks = store('login-lock', 1, DAY);
    this.lockout = {
      after: config.get('LOGIN_LOCKOUT_AFTER', { infer: true }),
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

  /** Refuses any sign-in, with the right password too, while the account is locked. */
  async assertNotLocked(account: string): Promise<void> {
    const lock = await this.locks.get(keyOf(account));
    if (lock && lock.consumedPoints > this.locks.points && lock.msBeforeNext > 0) throw new ThrottleException('ACCOUNT_LOCKED', retryAfter(lock));
  }

  /** A wrong password: from the threshold on, the account is locked, twice as long each time. */
  async loginFailed(account: string): Promise<void> {
    const key = keyOf(account);
    const { consumedPoints: failures } = await this.failures.penalty(key, 1);
    if (failures < this.lockout.after) return;
    const seconds = Math.min(this.lockout.seconds * 2 ** (failures - this.lockout.after), this.lockout.maxSeconds);
    await this.locks.block(key, seconds);
  }

  /**
   * For the erasure of an account, in its transaction: every count kept under this address (wrong
   * passwords, a lockout, account e-mails asked for) goes. Counts per client address stay: they
   * name no one.
   */
  async forgetEmail(tx: RequestContext, email: string): Promise<void> {
    const key = keyOf(email.trim().toLowerCase());
    const keys = [this.failures, this.locks, this.mailsPerEmail].map((limiter) => limiter.getKey(key));
    await this.connection.manager(tx).query(`DELETE FROM rate_limit WHERE key = ANY($1)`, [keys]);
  }

  /** The right password: the count of wrong ones starts again. */
  async loginSucceeded(account: string): Promise<void> {
    await this.failures.delete(keyOf(account));
  }

  /**
   * A new password set through the e-mailed link, which only the mailbox's owner could open: the
   * wrong passwords counted and a lockout someone else's guesses caused both end.
   */
  async passwordReset(account: string): Promise<void> {
    const key = keyOf(account);
    await Promise.all([this.failures.delete(key), this.locks.delete(key)]);
  }
}

const retryAfter = (res: RateLimiterRes): number => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
