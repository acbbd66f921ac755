import { deflateRawSync } from 'node:zlib';
import type { Environment } from './environment';
import { MESSAGES } from '../messages';

/** Signs access tokens when JWT_SECRET is unset (never in production: the checks below refuse it). */
export const DEVELOPMENT_JWT_SECRET = 'vicini-e-connessi-local-development-key-not-for-production';

/** Bits a signing key must carry at least: what `openssl rand -base64 48` gives is far above. */
export const MIN_SECRET_BITS = 128;

/**
 * An estimate of a secret's entropy, the lower of two: its length times the Shannon entropy of its
 * characters (catches few distinct characters), and its size once compressed (catches a word or
 * pattern repeated). Neither proves a key random, but together they refuse the keys tried first.
 */
export function estimatedBits(secret: string): number {
  const counts = new Map<string, number>();
  for (const char of secret) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...secret].length;
  let perChar = 0;
  for (const count of counts.values()) perChar -= (count / length) * Math.log2(count / length);
  const compressed = deflateRawSync(Buffer.from(secret), { level: 9 }).length * 8;
  return Math.floor(Math.min(perChar * length, compressed));
}

/** A value fit for a log line: secrets described, never shown; a URL's password masked. */
export function printable(variable: string, value: unknown): string {
  if (variable === 'JWT_SECRET' || variable === 'METRICS_TOKEN') return typeof value === 'string' ? `<hidden, ${value.length} characters>` : String(value);
  if (typeof value === 'string' && variable.endsWith('_URL')) return JSON.stringify(value.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@'));
  return JSON.stringify(value);
}

/**
 * What production refuses, each as `VARIABLE: reason`: it must run on a real database, sign with a
 * key of its own, send e-mail through a real SMTP server with links to its own address, and never
 * hold demo data. Development and tests may do all of these.
 */
export function productionProblems(env: Environment): { variable: string; reason: string }[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: { variable: string; reason: string }[] = [];
  if (!env.DATABASE_URL) {
    problems.push({ variable: 'DATABASE_URL', reason: MESSAGES.config.databaseRequired().en });
  }
  if (!env.JWT_SECRET) {
    problems.push({ variable: 'JWT_SECRET', reason: MESSAGES.config.jwtSecretRequired().en });
  } else if (env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    problems.push({ variable: 'JWT_SECRET', reason: MESSAGES.config.jwtSecretPublished().en });
  } else if (estimatedBits(env.JWT_SECRET) < MIN_SECRET_BITS) {
    problems.push({
      variable: 'JWT_SECRET',
      reason: MESSAGES.config.jwtSecretGuessable(estimatedBits(env.JWT_SECRET), MIN_SECRET_BITS).en,
    });
  }
  // Without an SMTP server e-mails would pile up unseen in the development mailbox.
  if (!env.SMTP_URL) problems.push({ variable: 'SMTP_URL', reason: MESSAGES.config.smtpRequired().en });
  if (!env.MAIL_FROM) problems.push({ variable: 'MAIL_FROM', reason: MESSAGES.config.mailFromRequired().en });
  if (!env.APP_URL) problems.push({ variable: 'APP_URL', reason: MESSAGES.config.appUrlRequired().en });
  if (env.SEED_DEMO === 'true') problems.push({ variable: 'SEED_DEMO', reason: MESSAGES.config.demoInProduction().en });
  if (env.COOKIE_SECURE === 'false') problems.push({ variable: 'COOKIE_SECURE', reason: MESSAGES.config.insecureCookieInProduction().en });
  return problems;
}
