import type { JsonWebKey } from 'node:crypto';
import { MESSAGES, type Words } from '../../messages';

/** Which sign-in button a provider gets: SPID and CIE follow the Italian OIDC profiles, `oidc` is any other OpenID provider. */
export type IdentityProviderKind = 'spid' | 'cie' | 'oidc';
const KINDS: readonly IdentityProviderKind[] = ['spid', 'cie', 'oidc'];

/** One identity provider the platform trusts for sign-in, as OIDC_PROVIDERS gives it. */
export interface IdentityProviderConfig {
  /** In our URLs (`/auth/oidc/<id>/login`) and in the identity links: never change it once people signed in with it. */
  id: string;
  kind: IdentityProviderKind;
  /** Shown to people, e.g. "Poste Italiane" or "CIE (Ministero dell’Interno)". */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** The platform's private key (JWK) for private_key_jwt client authentication and signed request objects. */
  privateKeyJwk?: JsonWebKey & { kid?: string; alg?: string };
  scope: string;
  /** The OIDC `claims` request parameter (the Italian profiles ask for attributes this way). */
  claims?: Record<string, unknown>;
  /** Send the request as a signed request object (JAR); unset: always for SPID and CIE, else when the provider's metadata requires it. */
  signedRequestObject?: boolean;
  /** `acr_values`, e.g. `https://www.spid.gov.it/SpidL2`. */
  acrValues?: string;
  /** `prompt`, e.g. `consent login` as the SPID profile asks. */
  prompt?: string;
}

/** The fiscal number as the Italian profiles name the claim (SPID and CIE alike). */
export const FISCAL_NUMBER_CLAIM = 'https://attributes.eid.gov.it/fiscal_number';

/** What SPID and CIE are asked for unless `claims` says otherwise: the people's names, fiscal number and e-mail, from the userinfo endpoint. */
export const ITALIAN_PROFILE_CLAIMS = {
  id_token: { family_name: { essential: true }, given_name: { essential: true } },
  userinfo: {
    given_name: null,
    family_name: null,
    email: null,
    email_verified: null,
    [FISCAL_NUMBER_CLAIM]: { essential: true },
  },
};

/** More would not fit on a login page (SPID has about a dozen identity providers). */
export const MAX_IDENTITY_PROVIDERS = 20;

export interface ProviderConfigProblem {
  /** The entry and its field, e.g. `[0].issuer`. */
  where: string;
  words: Words;
}

export type ProviderConfigResult = { ok: true; providers: IdentityProviderConfig[] } | { ok: false; problems: ProviderConfigProblem[] };

const FIELDS = new Set(['id', 'kind', 'name', 'issuer', 'clientId', 'clientSecret', 'privateKeyJwk', 'scope', 'claims', 'signedRequestObject', 'acrValues', 'prompt']);
const ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.trim() !== '' && value.length <= max;

function isHttpUrl(value: unknown): value is string {
  if (!isText(value, 500)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}

/** A private key openid-client can sign with through Web Crypto: RSA (RS256/PS256) or EC P-256 (ES256). */
export function signingAlgorithmOf(jwk: JsonWebKey & { alg?: string }): 'RS256' | 'PS256' | 'ES256' | null {
  if (typeof jwk.d !== 'string') return null;
  if (jwk.kty === 'RSA' && typeof jwk.n === 'string' && typeof jwk.e === 'string') return jwk.alg === 'PS256' ? 'PS256' : jwk.alg === undefined || jwk.alg === 'RS256' ? 'RS256' : null;
  if (jwk.kty === 'EC' && jwk.crv === 'P-256' && typeof jwk.x === 'string' && typeof jwk.y === 'string') return jwk.alg === undefined || jwk.alg === 'ES256' ? 'ES256' : null;
  return null;
}

/** Whether sign-in with this provider sends a signed request object, given what its metadata requires. */
export function usesSignedRequestObject(provider: IdentityProviderConfig, providerRequiresIt: boolean): boolean {
  return provider.signedRequestObject ?? (provider.kind !== 'oidc' || providerRequiresIt);
}

function parseEntry(entry: unknown, index: number): { provider?: IdentityProviderConfig; problems: ProviderConfigProblem[] } {
  const problems: ProviderConfigProblem[] = [];
  const at = (field: string, words: Words): void => {
    problems.push({ where: `[${index}]${field ? `.${field}` : ''}`, words });
  };
  if (!isObject(entry)) {
    at('', MESSAGES.oidc.badObject());
    return { problems };
  }
  for (const key of Object.keys(entry)) if (!FIELDS.has(key)) at(key, MESSAGES.oidc.unknownField());
  const { id, kind, name, issuer, clientId, clientSecret, privateKeyJwk, scope, claims, signedRequestObject, acrValues, prompt } = entry;
  if (typeof id !== 'string' || !ID.test(id)) at('id', MESSAGES.oidc.badId());
  if (!KINDS.includes(kind as IdentityProviderKind)) at('kind', MESSAGES.oidc.badKind());
  if (!isText(name, 80)) at('name', MESSAGES.oidc.badText(80));
  if (!isHttpUrl(issuer)) at('issuer', MESSAGES.oidc.badUrl());
  if (!isText(clientId, 500)) at('clientId', MESSAGES.oidc.badText(500));
  if ((clientSecret === undefined) === (privateKeyJwk === undefined)) at('clientSecret', MESSAGES.oidc.oneCredential());
  if (clientSecret !== undefined && !isText(clientSecret, 500)) at('clientSecret', MESSAGES.oidc.badText(500));
  if (privateKeyJwk !== undefined && (!isObject(privateKeyJwk) || signingAlgorithmOf(privateKeyJwk) === null)) at('privateKeyJwk', MESSAGES.oidc.badKey());
  if (privateKeyJwk === undefined && (kind === 'spid' || kind === 'cie')) at('privateKeyJwk', MESSAGES.oidc.italianProfileNeedsKey());
  else if (privateKeyJwk === undefined && signedRequestObject === true) at('signedRequestObject', MESSAGES.oidc.requestObjectNeedsKey());
  if (scope !== undefined && (!isText(scope, 500) || !scope.split(/\s+/).includes('openid'))) at('scope', MESSAGES.oidc.badScope());
  if (claims !== undefined && !isObject(claims)) at('claims', MESSAGES.oidc.badObject());
  if (signedRequestObject !== undefined && typeof signedRequestObject !== 'boolean') at('signedRequestObject', MESSAGES.oidc.badBoolean());
  if (acrValues !== undefined && !isText(acrValues, 500)) at('acrValues', MESSAGES.oidc.badText(500));
  if (prompt !== undefined && !isText(prompt, 100)) at('prompt', MESSAGES.oidc.badText(100));
  if (problems.length > 0) return { problems };
  const italian = kind === 'spid' || kind === 'cie';
  return {
    problems,
    provider: {
      id: id as string,
      kind: kind as IdentityProviderKind,
      name: (name as string).trim(),
      issuer: issuer as string,
      clientId: clientId as string,
      ...(clientSecret !== undefined ? { clientSecret: clientSecret as string } : {}),
      ...(privateKeyJwk !== undefined ? { privateKeyJwk: privateKeyJwk as JsonWebKey } : {}),
      scope: (scope as string | undefined) ?? (italian ? 'openid' : 'openid profile email'),
      ...(claims !== undefined ? { claims: claims as Record<string, unknown> } : italian ? { claims: ITALIAN_PROFILE_CLAIMS } : {}),
      ...(signedRequestObject !== undefined ? { signedRequestObject: signedRequestObject as boolean } : {}),
      ...(acrValues !== undefined ? { acrValues: acrValues as string } : {}),
      ...(prompt !== undefined ? { prompt: prompt as string } : italian ? { prompt: 'consent login' } : {}),
    },
  };
}

/**
 * Reads OIDC_PROVIDERS: a JSON list of identity providers. Unset or empty: no provider, and the web
 * app shows no SPID or CIE button. Every problem is reported by its entry and field.
 */
export function parseIdentityProviders(raw: string | undefined): ProviderConfigResult {
  if (raw === undefined || raw.trim() === '') return { ok: true, providers: [] };
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return { ok: false, problems: [{ where: '', words: MESSAGES.oidc.notJson() }] };
  }
  if (!Array.isArray(list)) return { ok: false, problems: [{ where: '', words: MESSAGES.oidc.notJson() }] };
  if (list.length > MAX_IDENTITY_PROVIDERS) return { ok: false, problems: [{ where: '', words: MESSAGES.oidc.tooMany(MAX_IDENTITY_PROVIDERS) }] };
  const parsed = list.map(parseEntry);
  const problems = parsed.flatMap((entry) => entry.problems);
  const providers = parsed.flatMap((entry) => (entry.provider ? [entry.provider] : []));
  providers.forEach((provider, index) => {
    if (providers.findIndex((other) => other.id === provider.id) !== index) problems.push({ where: `[${index}].id`, words: MESSAGES.oidc.duplicateId() });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, providers };
}

/** Production talks to identity providers over https only: tokens and people's data travel on that line. */
export function identityProviderProductionProblems(providers: readonly IdentityProviderConfig[]): Words[] {
  return providers.filter((provider) => new URL(provider.issuer).protocol !== 'https:').map((provider) => MESSAGES.oidc.plainHttpInProduction(provider.id));
}
