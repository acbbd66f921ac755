import { maskedUrl } from '@vec/database';
import type { Environment } from './environment';
import { MESSAGES } from '../messages';
import { identityProviderProductionProblems, parseIdentityProviders } from '../auth/oidc/oidc-provider-config';
import { MIN_SECRET_GUESSES_LOG10, secretGuessesLog10 } from './secret-strength';
import { MAX_PRODUCTION_HOPS, trustsAnyClient } from './trust-proxy.validator';

/** Signs access tokens when JWT_SECRET is unset (never in production: the checks below refuse it). */
export const DEVELOPMENT_JWT_SECRET = 'vicini-e-connessi-local-development-key-not-for-production';

/** A value fit for a log line: secrets described, never shown; a URL's password masked. */
export function printable(variable: string, value: unknown): string {
  if (variable === 'JWT_SECRET' || variable === 'METRICS_TOKEN' || variable === 'OIDC_PROVIDERS') return typeof value === 'string' ? `<hidden, ${value.length} characters>` : String(value);
  if (typeof value === 'string' && variable.endsWith('_URL')) return JSON.stringify(maskedUrl(value));
  return JSON.stringify(value);
}

/**
 * What production refuses, each as `VARIABLE: reason`: it must run on a real database, sign with a
 * key of its own, send e-mail through a real SMTP server with links to its own address, and never
 * hold demo data, nor believe any client about its own address. Development and tests may do all
 * of these.
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
  } else {
    const guessesLog10 = secretGuessesLog10(env.JWT_SECRET);
    if (guessesLog10 < MIN_SECRET_GUESSES_LOG10) {
      problems.push({ variable: 'JWT_SECRET', reason: MESSAGES.config.jwtSecretGuessable(Math.floor(guessesLog10), MIN_SECRET_GUESSES_LOG10).en });
    }
  }
  // Without an SMTP server e-mails would pile up unseen in the development mailbox.
  if (!env.SMTP_URL) problems.push({ variable: 'SMTP_URL', reason: MESSAGES.config.smtpRequired().en });
  if (!env.MAIL_FROM) problems.push({ variable: 'MAIL_FROM', reason: MESSAGES.config.mailFromRequired().en });
  if (!env.APP_URL) problems.push({ variable: 'APP_URL', reason: MESSAGES.config.appUrlRequired().en });
  else if (!env.APP_URL.startsWith('https://')) problems.push({ variable: 'APP_URL', reason: MESSAGES.config.appUrlNotHttps().en });
  if (env.SEED_DEMO === 'true') problems.push({ variable: 'SEED_DEMO', reason: MESSAGES.config.demoInProduction().en });
  if (env.COOKIE_SECURE === 'false') problems.push({ variable: 'COOKIE_SECURE', reason: MESSAGES.config.insecureCookieInProduction().en });
  if (trustsAnyClient(env.TRUST_PROXY)) problems.push({ variable: 'TRUST_PROXY', reason: MESSAGES.config.trustEveryProxyInProduction(MAX_PRODUCTION_HOPS).en });
  const identity = parseIdentityProviders(env.OIDC_PROVIDERS);
  if (identity.ok) for (const words of identityProviderProductionProblems(identity.providers)) problems.push({ variable: 'OIDC_PROVIDERS', reason: words.en });
  return problems;
}
