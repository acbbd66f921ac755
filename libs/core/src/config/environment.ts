import { Transform } from 'class-transformer';
import { IsCronExpression } from './cron-expression';
import { IsIdentityProviders } from './identity-providers.validator';
import { IsApartFromPort } from './metrics-port.validator';
import { IsTrustProxy } from './trust-proxy.validator';
import { IsDatabaseUrl } from './url.validator';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { MESSAGES } from '../messages';

import { LOG_LEVELS, type LogLevelName, toBoolean, toNumber } from './environment-values';
import { RequestLimitsEnvironment } from './request-limits.environment';

export type { LogLevelName } from './environment-values';

/** ALLOCATION_SCHEDULE's value that removes the recurring allocation runs. */
export const ALLOCATION_SCHEDULE_OFF = 'off';

/**
 * Every environment variable the platform reads, with its default. Checked once at start:
 * a wrong value stops the process with a message naming the variable.
 */
export class Environment extends RequestLimitsEnvironment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  HOST = '0.0.0.0';

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** PostgreSQL to use; when unset, an embedded PostgreSQL is started. */
  @IsOptional()
  @IsDatabaseUrl({ scheme: MESSAGES.config.databaseUrl().en, unreadable: MESSAGES.config.databaseUrlUnreadable().en })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  @Transform(toNumber)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'log';

  /** `json` lines, `pretty` text, or `auto`: JSON in production, text otherwise. */
  @IsIn(['auto', 'json', 'pretty'])
  LOG_FORMAT: 'auto' | 'json' | 'pretty' = 'auto';

  /** Seed demo data into an empty database: `auto` does so only on the embedded PostgreSQL. */
  @IsIn(['auto', 'true', 'false'])
  SEED_DEMO: 'auto' | 'true' | 'false' = 'auto';

  /** Signs access tokens. Required in production (and not guessable); development and tests use a fixed local key. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: MESSAGES.config.jwtSecretTooShort(32).en })
  JWT_SECRET?: string;

  @Transform(toNumber)
  @IsInt()
  @Min(60)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** How long a password-reset link works, in minutes. */
  @Transform(toNumber)
  @IsInt()
  @Min(5)
  @Max(1440)
  PASSWORD_RESET_TTL_MINUTES = 30;

  /** How long a link confirming an e-mail address (at sign-up or at a change of address) works, in hours. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(720)
  EMAIL_LINK_TTL_HOURS = 48;

  /** K: the most live matches (pending, accepted, active) one shop may hold at once. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(20)
  MAX_LIVE_MATCHES_PER_SHOP = 3;

  /** How long a provider has to accept or decline a PENDING match before the held slot expires. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(60)
  MATCH_RESPONSE_DAYS = 5;

  /** Run the job consumers (expiry, waitlist promotion, allocation runs) in the API process too. */
  @Transform(toBoolean)
  @IsBoolean()
  RUN_WORKER = true;

  /** How often an idle worker looks for new jobs, in seconds. */
  @Transform(toNumber)
  @IsNumber({}, { message: MESSAGES.config.workerPollSeconds().en })
  @Min(0.5)
  @Max(60)
  WORKER_POLL_SECONDS = 2;

  /**
   * Which proxies to believe about the client's address (Express `trust proxy`): `false` (the
   * socket's address is the client), `true`, a number of hops, or comma-separated addresses/subnets.
   * Throttling is per client address, so set it to the real proxies in front of the API.
   */
  @IsTrustProxy()
  TRUST_PROXY = 'false';

  /**
   * Cron expression (5 fields, UTC) for recurring committed allocation runs, stored for every
   * process; `off` removes it; unset leaves the stored one as it is (so that a process started
   * without it does not undo another's).
   */
  @IsOptional()
  @ValidateIf((env: Environment) => env.ALLOCATION_SCHEDULE !== ALLOCATION_SCHEDULE_OFF)
  @Matches(/^\S+( \S+){4}$/, { message: MESSAGES.config.allocationSchedule().en })
  @IsCronExpression()
  ALLOCATION_SCHEDULE?: string;

  /** Whether the recurring runs serve a bundle's requests only all together (completeSetsOnly). */
  @Transform(toBoolean)
  @IsBoolean()
  ALLOCATION_SCHEDULE_COMPLETE_SETS = false;

  /** Port of the Prometheus metrics (`/metrics`), kept off the public port (so never PORT); 0: none. */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(65535)
  @IsApartFromPort()
  METRICS_PORT = 9464;

  @IsString()
  METRICS_HOST = '0.0.0.0';

  /** When set, scrapes must send `Authorization: Bearer <token>`. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: MESSAGES.config.metricsTokenTooShort(16).en })
  METRICS_TOKEN?: string;

  /**
   * The SMTP server e-mails go through, e.g. `smtp://user:password@mail.example.org:587` (STARTTLS
   * when offered) or `smtps://…:465`. Unset: e-mails stay in the development mailbox
   * (`npm run cli -- mailbox`); production refuses to start without it.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/(\S*@)?(\[[0-9a-f:.]+\]|[^\s@/:[\]]+)(:\d{1,5})?\/?$/i, { message: MESSAGES.config.smtpUrl().en })
  SMTP_URL?: string;

  /** Who e-mails come from, `noreply@example.org` or `Vicini e connessi <noreply@example.org>`; required in production. */
  @IsOptional()
  @Matches(/^([^<>]*<\s*[^\s@<>]+@[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+)$/, { message: MESSAGES.config.mailFrom().en })
  MAIL_FROM?: string;

  /** The public address of the web app, for the links in e-mails; required in production. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: MESSAGES.config.appUrl().en })
  APP_URL?: string;

  /** The first wait before an e-mail refused for now (SMTP 4xx, server unreachable) is tried again, in seconds; each retry doubles it. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(3600)
  MAIL_RETRY_SECONDS = 60;

  /** Attempts at one e-mail before it is FAILED. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(20)
  MAIL_MAX_ATTEMPTS = 6;

  /**
   * Identity providers for sign-in with SPID, CIE or another OpenID provider: a JSON list (see
   * README, "SPID and CIE"). Unset: no such sign-in, and the web app shows no button for it.
   */
  @IsOptional()
  @IsIdentityProviders()
  OIDC_PROVIDERS?: string;

  /**
   * Retention, in days (see README, Personal data): after this long, the daily job purges or
   * pseudonymises what expired. Closed requests and their matches: the free texts (descriptions,
   * reasons) of requests fulfilled or withdrawn that long ago; the rows stay for the statistics.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(30)
  @Max(36_500)
  RETENTION_CLOSED_REQUEST_DAYS = 730;

  /** In-app notifications older than this are deleted. */
  @Transform(toNumber)
  @IsInt()
  @Min(7)
  @Max(36_500)
  RETENTION_NOTIFICATION_DAYS = 365;

  /** Sign-in sessions (refresh tokens) expired this long ago are deleted. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(36_500)
  RETENTION_SESSION_DAYS = 90;

  /** E-mails of the outbox, once sent or given up, are deleted this long after they were recorded. */
  @Transform(toNumber)
  @IsInt()
  @Min(7)
  @Max(36_500)
  RETENTION_MAIL_DAYS = 180;

  /** CSV imports, with each row's outcome (whose reasons may quote the file's cells), are deleted this long after they ended. */
  @Transform(toNumber)
  @IsInt()
  @Min(7)
  @Max(36_500)
  RETENTION_IMPORT_DAYS = 90;

  /** A facilitator's invitation that was never accepted (declined, withdrawn, or its link lapsed) loses the address it was sent to this long after it ended. */
  @Transform(toNumber)
  @IsInt()
  @Min(7)
  @Max(36_500)
  RETENTION_INVITATION_DAYS = 90;

  /** Audit events older than this are deleted. */
  @Transform(toNumber)
  @IsInt()
  @Min(365)
  @Max(36_500)
  RETENTION_AUDIT_DAYS = 3650;

  /** The largest CSV file an import accepts, in MB (larger: the upload is cut and refused). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(200)
  IMPORT_MAX_FILE_MB = 30;

  /** The most data rows one CSV import may hold (the header not counted). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(500_000)
  IMPORT_MAX_ROWS = 50_000;

  /** On SIGTERM or SIGINT, how long requests in flight may take to finish before they are cut, in seconds. */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(600)
  SHUTDOWN_TIMEOUT_SECONDS = 25;

  /**
   * On SIGTERM or SIGINT, how long the API keeps answering, readiness at 503, before it stops
   * accepting connections, in seconds: the time a load balancer that polls readiness needs to take
   * the instance out, so that no client meets a refused connection.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(120)
  SHUTDOWN_DELAY_SECONDS = 0;

  /** How long to keep trying to reach DATABASE_URL at start, in seconds, before giving up. */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(600)
  DATABASE_CONNECT_TIMEOUT_SECONDS = 30;

  /**
   * Longest a request's SQL statement may run (lock waits included), and longest its transaction
   * may sit idle between two statements, in seconds; 0: no limit. Jobs are not held to it.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(3600)
  DATABASE_STATEMENT_TIMEOUT_SECONDS = 30;

  /** Longest a request waits for a free database connection (or a new one to open), in seconds. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(300)
  DATABASE_POOL_WAIT_SECONDS = 10;
}

/** Nest log levels enabled by a LOG_LEVEL (that level and everything more severe). */
export function enabledLogLevels(level: LogLevelName): LogLevelName[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}
