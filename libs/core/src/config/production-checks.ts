import { deflateRawSync } from 'node:zlib';
import type { Environment } from './environment';

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
 * key of its own, and never hold demo data. Development and tests may do all three.
 */
export function productionProblems(env: Environment): { variable: string; reason: string }[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: { variable: string; reason: string }[] = [];
  if (!env.DATABASE_URL) {
    problems.push({ variable: 'DATABASE_URL', reason: 'is required in production: the embedded PostgreSQL is for development only' });
  }
  if (!env.JWT_SECRET) {
    problems.push({ variable: 'JWT_SECRET', reason: 'is required in production: generate one with `openssl rand -base64 48`' });
  } else if (env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    problems.push({ variable: 'JWT_SECRET', reason: 'is the development key published in the source code: generate one with `openssl rand -base64 48`' });
  } else if (estimatedBits(env.JWT_SECRET) < MIN_SECRET_BITS) {
    problems.push({
      variable: 'JWT_SECRET',
      reason: `is too easy to guess (about ${estimatedBits(env.JWT_SECRET)} bits, at least ${MIN_SECRET_BITS} needed): generate one with \`openssl rand -base64 48\``,
    });
  }
  if (env.SEED_DEMO === 'true') problems.push({ variable: 'SEED_DEMO', reason: 'cannot be true in production: demo accounts have a published password' });
  if (env.COOKIE_SECURE === 'false') problems.push({ variable: 'COOKIE_SECURE', reason: 'cannot be false in production: the session cookie must only travel over HTTPS' });
  return problems;
}
