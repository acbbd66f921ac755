import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import type { Environment } from '../config/environment';
import { countedAddress } from '../common/client-address';
import { AccountKeys, hashed, LoginLockout } from './login-lockout';
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

/**
 * Throttling whose counts live in PostgreSQL (the `rate_limit` table, through rate-limiter-flexible),
 * so that several API processes share them: attempts per client address for signing in, signing up
 * and renewing sessions, and lockouts after repeated wrong passwords that double with each further
 * one, up to a maximum — the owner is never locked out for longer than that.
 *
 * Wrong passwords lock an account in two ways. From one client address, a few in a row lock the
 * account for that address only (`LOGIN_LOCKOUT_AFTER`): a stranger guessing from elsewhere does not
 * lock the owner out. Across all addresses, many in a day (`LOGIN_LOCKOUT_ACCOUNT_AFTER`, a guess
 * spread over many machines) lock it for every address the owner has not signed in from, and a
 * password reset, which only the mailbox's owner can complete, lifts both (login-lockout.ts).
 */
@Injectable()
export class ThrottleService {
  private readonly byAddress: Record<AddressLimit, RateLimiterPostgres>;
  private readonly mailsPerEmail: RateLimiterPostgres;
  private readonly invitations: RateLimiterPostgres;
  private readonly lockout: LoginLockout;
  private readonly delegationGrants: RateLimiterPostgres;

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
    this.delegationGrants = store('delegation-grant-shop', config.get('THROTTLE_DELEGATION_GRANTS_PER_SHOP', { infer: true }), 60 * MINUTE);
    this.lockout = new LoginLockout(dataSource, {
      after: config.get('LOGIN_LOCKOUT_AFTER', { infer: true }),
      accountAfter: config.get('LOGIN_LOCKOUT_ACCOUNT_AFTER', { infer: true }),
      seconds: config.get('LOGIN_LOCKOUT_SECONDS', { infer: true }),
      maxSeconds: config.get('LOGIN_LOCKOUT_MAX_SECONDS', { infer: true }),
    });
  }

  /** Counts one attempt from the caller's address; refuses it when the address is over its limit. */
  async consume(ctx: RequestContext, limit: AddressLimit): Promise<void> {
    if (!ctx.clientAddress) return;
    await refusingWith('ADDRESS_LIMIT', this.byAddress[limit].consume(hashed(countedAddress(ctx.clientAddress))));
  }

  /**
   * Gives back the point an attempt took: a sign-in that succeeded is not one to slow down, so an
   * office behind one address (a ministry floor, a chamber of commerce) is limited by its wrong
   * passwords only, not by how many of its people sign in.
   */
  async refund(ctx: RequestContext, limit: AddressLimit): Promise<void> {
    if (!ctx.clientAddress) return;
    await this.byAddress[limit].reward(hashed(countedAddress(ctx.clientAddress)), 1);
  }

  /**
   * Counts one account e-mail asked for an address (a password reset, a verification link, a new
   * address to confirm), whether an account has it or not, so that the refusal tells nothing.
   */
  async consumeEmail(email: string): Promise<void> {
    await refusingWith('EMAIL_LIMIT', this.mailsPerEmail.consume(hashed(email.trim().toLowerCase())));
  }

  /**
   * Counts one delegation a shop grants a facilitator; refuses it over the hour's limit. Each grant
   * notifies the organisation, so granting and revoking in a loop would flood it (revoking is never
   * limited: a shop can always stop someone acting for it).
   */
  async consumeDelegationGrant(shopId: string): Promise<void> {
    await refusingWith('DELEGATION_LIMIT', this.delegationGrants.consume(shopId));
  }

  /** Counts one invitation e-mail a facilitator organisation sends a shop; refuses it over the hour's limit. */
  async consumeInvitation(organisationId: string): Promise<void> {
    await refusingWith('INVITATION_LIMIT', this.invitations.consume(organisationId));
  }

  /**
   * Before a password is checked (signing in, or a grave step asking for it again): refused while
   * the account is locked for the caller, else counted as a wrong password until `passwordRight`
   * takes it back (login-lockout.ts). `signedIn`: the caller holds a live session of the account.
   */
  async passwordAttempt(ctx: RequestContext, account: string, options: { signedIn?: boolean } = {}): Promise<void> {
    await this.lockout.begin(ctx, account, options);
  }

  /** The password was right: the attempt's count goes, and the caller's address is the owner's. */
  async passwordRight(ctx: RequestContext, account: string): Promise<void> {
    await this.lockout.succeeded(ctx, account);
  }

  /**
   * For the erasure of an account, in its transaction: every count kept under this address (wrong
   * passwords, lockouts and known addresses from every client address, account e-mails asked for)
   * goes. Counts per client address alone stay: they name no one.
   */
  async forgetEmail(tx: RequestContext, email: string): Promise<void> {
    const address = email.trim().toLowerCase();
    await this.forgetAccountCounts(this.connection.manager(tx), address, [this.mailsPerEmail.getKey(hashed(address))]);
  }

  /**
   * A new password set through the e-mailed link, which only the mailbox's owner could open: the
   * wrong passwords counted and the lockouts someone else's guesses caused, from any address, end.
   */
  async passwordReset(account: string): Promise<void> {
    await this.forgetAccountCounts(this.dataSource.manager, account, []);
  }

  private async forgetAccountCounts(manager: EntityManager, account: string, alsoKeys: string[]): Promise<void> {
    const { exact, prefixes } = AccountKeys.forgettable(account);
    await manager.query(`DELETE FROM rate_limit WHERE key = ANY($1) OR EXISTS (SELECT 1 FROM unnest($2::text[]) AS prefix WHERE starts_with(key, prefix))`, [[...exact, ...alsoKeys], prefixes]);
  }
}

const retryAfter = (res: RateLimiterRes): number => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** A limiter's count taken; a refusal of it becomes the platform's ThrottleException for `reason`. */
export async function refusingWith(reason: ThrottleException['reason'], consumed: Promise<unknown>): Promise<void> {
  try {
    await consumed;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw new ThrottleException(reason, retryAfter(rejection));
    throw rejection;
  }
}
