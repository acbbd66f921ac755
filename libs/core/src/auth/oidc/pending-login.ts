import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * What the browser carries between leaving for the identity provider and coming back: the provider,
 * the `state` and `nonce` sent, and the PKCE code verifier. It travels in an HttpOnly cookie signed
 * with a key derived from JWT_SECRET, so that any API process can finish a sign-in another started
 * (nothing is kept in memory or in the database) and nobody can forge or alter it.
 */
export interface PendingLogin {
  providerId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Epoch milliseconds after which the sign-in must start again. */
  expiresAt: number;
  /**
   * The version of the privacy notice shown beside the button the person pressed, when it is the
   * one in force: an account opened by this sign-in records it as accepted. Null otherwise.
   */
  noticeVersion: string | null;
}

/** How long a person may take at the identity provider (SPID asks for a few minutes at most). */
export const PENDING_LOGIN_TTL_MS = 10 * 60 * 1000;

/** A key for this use only, derived from the platform's secret (never the secret itself). */
export function pendingLoginKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'vicini-e-connessi', 'oidc pending login v1', 32));
}

const mac = (key: Buffer, body: string): Buffer => createHmac('sha256', key).update(body).digest();

export function sealPendingLogin(key: Buffer, login: PendingLogin): string {
  const body = Buffer.from(JSON.stringify([login.providerId, login.state, login.nonce, login.codeVerifier, login.expiresAt, login.noticeVersion])).toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** The pending sign-in in a cookie value, or null when it is absent, altered, signed with another key or expired. */
export function openPendingLogin(key: Buffer, sealed: string | undefined, now: number): PendingLogin | null {
  if (!sealed || sealed.length > 2000) return null;
  const [body, signature, extra] = sealed.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = mac(key, body);
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  // Five fields: a sign-in started before notice versions travelled with it, which opens no account.
  if (!Array.isArray(fields) || (fields.length !== 5 && fields.length !== 6)) return null;
  const [providerId, state, nonce, codeVerifier, expiresAt, noticeVersion = null] = fields as unknown[];
  if (typeof providerId !== 'string' || typeof state !== 'string' || typeof nonce !== 'string' || typeof codeVerifier !== 'string' || typeof expiresAt !== 'number') return null;
  if (noticeVersion !== null && typeof noticeVersion !== 'string') return null;
  if (expiresAt <= now) return null;
  return { providerId, state, nonce, codeVerifier, expiresAt, noticeVersion };
}
