import { FISCAL_NUMBER_CLAIM } from './oidc-provider-config';
import { normaliseEmailAddress } from '../../common/email-address';

/**
 * The person a provider vouched for, read from the ID token and the userinfo answer: the one place
 * where claim names of the Italian OIDC profiles (SPID, CIE) and of plain OpenID Connect are mapped.
 */
export interface VerifiedIdentity {
  /** The provider's stable identifier of the person (`sub`). */
  subject: string;
  /** The Italian codice fiscale, 16 characters upper case, without the `TINIT-` prefix SPID puts before it. */
  fiscalCode: string | null;
  givenName: string | null;
  familyName: string | null;
  /** Lower case. */
  email: string | null;
  /** True only when the provider says so (`email_verified: true`). */
  emailVerified: boolean;
}

export type ClaimsReading = { ok: true; identity: VerifiedIdentity } | { ok: false; missing: string[] };

/** Personal codice fiscale (16 characters, with the omocodia letters) or the 11 digits of a legal person's. */
const FISCAL_CODE = /^([A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]|[0-9]{11})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const text = (value: unknown, max = 200): string | null => (typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : null);

/** `TINIT-RSSMRA80A01H501U` (SPID), `RSSMRA80A01H501U` (CIE) or `IT-…`: the code alone, or null when it is not one. */
export function fiscalCodeOf(value: unknown): string | null {
  const raw = text(value, 40);
  if (!raw) return null;
  const code = raw.toUpperCase().replace(/^(TIN)?IT-/, '');
  return FISCAL_CODE.test(code) ? code : null;
}

/**
 * Reads the person from the claims (userinfo's taking precedence over the ID token's where both
 * have one). `sub` is always needed, the fiscal code when the provider is SPID or CIE (whose whole
 * point is that it identifies the person); whatever else is missing stays null.
 */
export function readIdentity(claims: Record<string, unknown>, options: { publicIdentity: boolean }): ClaimsReading {
  const missing: string[] = [];
  const subject = text(claims.sub, 255);
  if (!subject) missing.push('sub');
  // Only the public digital identity systems vouch for a fiscal code: another provider's claim of one is not read at all.
  const fiscalCode = options.publicIdentity ? fiscalCodeOf(claims[FISCAL_NUMBER_CLAIM] ?? claims.fiscal_number ?? claims.fiscalNumber) : null;
  if (!fiscalCode && options.publicIdentity) missing.push(FISCAL_NUMBER_CLAIM);
  const given = text(claims.email, 254);
  const email = given ? normaliseEmailAddress(given) : null;
  if (!subject || missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    identity: {
      subject,
      fiscalCode,
      givenName: text(claims.given_name),
      familyName: text(claims.family_name),
      email: email && EMAIL.test(email) ? email : null,
      emailVerified: email !== null && EMAIL.test(email) && (claims.email_verified === true || claims.email_verified === 'true'),
    },
  };
}
