import { Transform } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { toNumber } from './environment-values';
import { IsNotBelow } from './not-below.validator';

/**
 * The limits on what one client may ask of the API: the size of a request, the shape and cost of
 * a GraphQL operation, the rates of requests, sign-ins, sign-ups and e-mails, and the lockout of
 * an account after wrong passwords. Part of Environment (environment.ts), checked with it.
 */
export abstract class RequestLimitsEnvironment {
  /** The largest request body accepted, in kB (larger bodies are refused with 413). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(10240)
  HTTP_BODY_LIMIT_KB = 100;

  /** Secure flag of the session cookie: `auto` sets it in production only (plain HTTP on localhost otherwise). */
  @IsIn(['auto', 'true', 'false'])
  COOKIE_SECURE: 'auto' | 'true' | 'false' = 'auto';

  /** Schema introspection: `auto` allows it outside production only. */
  @IsIn(['auto', 'true', 'false'])
  GRAPHQL_INTROSPECTION: 'auto' | 'true' | 'false' = 'auto';

  /** Limits every GraphQL operation must meet before it runs (see README, Security). */
  @Transform(toNumber)
  @IsInt()
  @Min(2)
  @Max(100)
  GRAPHQL_MAX_DEPTH = 10;

  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(1000)
  GRAPHQL_MAX_ALIASES = 30;

  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(1000)
  GRAPHQL_MAX_DIRECTIVES = 20;

  @Transform(toNumber)
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  GRAPHQL_MAX_TOKENS = 2500;

  /** Budget of what one operation may return: fields, with lists multiplied by their size. */
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  @Max(100_000_000)
  GRAPHQL_MAX_COST = 200_000;

  /** Requests one client address may make per minute to one API process (0: no limit). */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE = 600;

  /**
   * What one client address may ask for per minute from one API process, in the cost budget's
   * units (0: no limit): every operation is charged its cost, so a client sending operations near
   * GRAPHQL_MAX_COST is slowed down long before RATE_LIMIT_PER_MINUTE.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  GRAPHQL_COST_PER_MINUTE = 3_000_000;

  /** Sign-in attempts per client address per 15 minutes, counted across every API process. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  THROTTLE_LOGIN_PER_ADDRESS = 30;

  /** Sign-ups per client address per hour, across every API process. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  THROTTLE_REGISTER_PER_ADDRESS = 10;

  /** Session renewals per client address per 15 minutes, across every API process. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  THROTTLE_REFRESH_PER_ADDRESS = 300;

  /** Account e-mails asked for (password reset, verification link, change of address) per client address per hour. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  THROTTLE_ACCOUNT_MAIL_PER_ADDRESS = 10;

  /** Account e-mails asked for per e-mail address per hour, whether an account has it or not. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(1000)
  THROTTLE_ACCOUNT_MAIL_PER_EMAIL = 3;

  /** Invitation e-mails a facilitator organisation sends shops per hour. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(100_000)
  THROTTLE_INVITATIONS_PER_ORGANISATION = 100;

  /** Delegations a shop grants facilitators per hour (each notifies the organisation; revoking is never limited). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(10_000)
  THROTTLE_DELEGATION_GRANTS_PER_SHOP = 10;

  /** Consecutive wrong passwords from one client address after which the account is locked, for that address, for a while. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_LOCKOUT_AFTER = 5;

  /**
   * Wrong passwords from every address within a day after which the account is locked for everyone
   * (a guess spread over many machines); a password reset lifts it.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(100_000)
  LOGIN_LOCKOUT_ACCOUNT_AFTER = 50;

  /** The first lock, in seconds; each further wrong password doubles it, up to LOGIN_LOCKOUT_MAX_SECONDS. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_LOCKOUT_SECONDS = 60;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(86_400)
  @IsNotBelow('LOGIN_LOCKOUT_SECONDS')
  LOGIN_LOCKOUT_MAX_SECONDS = 900;
}
