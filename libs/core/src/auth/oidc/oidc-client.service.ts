import { Injectable, Logger } from '@nestjs/common';
import type { JsonWebKey } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../../config/environment';
import { OidcErrorCode, OidcException } from './oidc.exception';
import { openid, type OpenIdConfiguration, type OpenIdSigningKey } from './openid-client';
import { type IdentityProviderConfig, parseIdentityProviders, signingAlgorithmOf, usesSignedRequestObject } from './oidc-provider-config';
import { PENDING_LOGIN_TTL_MS, type PendingLogin } from './pending-login';

/** What the web app may know of a provider: enough to draw its button. */
export interface IdentityProviderSummary {
  id: string;
  kind: IdentityProviderConfig['kind'];
  name: string;
}

/** A signing key for private_key_jwt and request objects, as openid-client takes it. */
type ClientKey = OpenIdSigningKey;

const DISCOVERY_TIMEOUT_SECONDS = 10;

async function importSigningKey(jwk: JsonWebKey & { kid?: string; alg?: string }): Promise<ClientKey> {
  const alg = signingAlgorithmOf(jwk);
  const algorithm =
    alg === 'ES256' ? { name: 'ECDSA', namedCurve: 'P-256' } : alg === 'PS256' ? { name: 'RSA-PSS', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  // Only the members of the key itself: `kid` and `alg` are ours to read, Web Crypto checks `alg` against the algorithm.
  const { kid, ...material } = jwk;
  const key = await globalThis.crypto.subtle.importKey('jwk', { ...material, alg: alg ?? undefined }, algorithm, false, ['sign']);
  // Node's CryptoKey and the DOM's that openid-client names are one and the same at run time.
  const signing = key as unknown as OpenIdSigningKey['key'];
  return kid ? { key: signing, kid } : { key: signing };
}

/**
 * The relying party's side of the authorization code flow, through openid-client: the provider's
 * metadata and keys are discovered once per process (again after a failure), the request carries
 * PKCE (S256), `state` and `nonce`, signed as a request object where the profile or the provider
 * asks, and the answer is checked by the library (state, issuer, ID token signature, audience,
 * nonce, expiry) before the userinfo endpoint is asked for the person's attributes.
 */
@Injectable()
export class OidcClientService {
  private readonly logger = new Logger('OidcClient');
  private readonly providers: ReadonlyMap<string, IdentityProviderConfig>;
  private readonly configurations = new Map<string, Promise<{ configuration: OpenIdConfiguration; key: ClientKey | null }>>();

  constructor(config: ConfigService<Environment, true>) {
    const parsed = parseIdentityProviders(config.get('OIDC_PROVIDERS', { infer: true }));
    // The environment was checked at start; a problem here is a bug, not a setting.
    if (!parsed.ok) throw new Error('OIDC_PROVIDERS was not checked at start');
    this.providers = new Map(parsed.providers.map((provider) => [provider.id, provider]));
  }

  list(): IdentityProviderSummary[] {
    return [...this.providers.values()].map(({ id, kind, name }) => ({ id, kind, name }));
  }

  /**
   * The public halves of the platform's keys, as a JWK Set: what identity providers fetch from our
   * `jwks_uri` to check our client assertions and request objects.
   */
  publicKeys(): { keys: Record<string, unknown>[] } {
    const keys = new Map<string, Record<string, unknown>>();
    for (const { privateKeyJwk } of this.providers.values()) {
      if (!privateKeyJwk) continue;
      const { kty, crv, x, y, n, e, kid } = privateKeyJwk;
      const alg = signingAlgorithmOf(privateKeyJwk);
      const key = Object.fromEntries(Object.entries({ kty, crv, x, y, n, e, kid, alg, use: 'sig' }).filter(([, value]) => value !== undefined));
      keys.set(JSON.stringify(key), key);
    }
    return { keys: [...keys.values()] };
  }

  provider(id: string): IdentityProviderConfig {
    const provider = this.providers.get(id);
    if (!provider) throw new OidcException(OidcErrorCode.UNKNOWN_PROVIDER);
    return provider;
  }

  /** The address to send the browser to, and what it must bring back. */
  async start(providerId: string, redirectUri: string, now: number, noticeVersion: string | null = null): Promise<{ url: URL; pending: PendingLogin }> {
    const provider = this.provider(providerId);
    const { configuration, key } = await this.configuration(provider);
    const codeVerifier = openid.randomPKCECodeVerifier();
    const pending: PendingLogin = { providerId, state: openid.randomState(), nonce: openid.randomNonce(), codeVerifier, expiresAt: now + PENDING_LOGIN_TTL_MS, noticeVersion };
    const parameters: Record<string, string> = {
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: provider.scope,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      ...(provider.claims ? { claims: JSON.stringify(provider.claims) } : {}),
      ...(provider.acrValues ? { acr_values: provider.acrValues } : {}),
      ...(provider.prompt ? { prompt: provider.prompt } : {}),
      ui_locales: 'it en',
    };
    const requiresJar = configuration.serverMetadata().require_signed_request_object === true;
    try {
      if (usesSignedRequestObject(provider, requiresJar)) {
        if (!key) throw new OidcException(OidcErrorCode.PROVIDER_ERROR, 'the provider requires signed request objects and no privateKeyJwk is configured');
        return { url: await openid.buildAuthorizationUrlWithJAR(configuration, parameters, key), pending };
      }
      return { url: openid.buildAuthorizationUrl(configuration, parameters), pending };
    } catch (error) {
      if (error instanceof OidcException) throw error;
      throw new OidcException(OidcErrorCode.PROVIDER_ERROR, (error as Error).message);
    }
  }

  /**
   * Redeems the code the browser brought back and returns the person's claims (the userinfo
   * answer over the ID token's). Every check failing is a PROVIDER_ERROR, except the two a person
   * should hear about plainly: a refused consent, and a `state` that is not ours.
   */
  async finish(callbackUrl: URL, pending: PendingLogin): Promise<Record<string, unknown>> {
    const provider = this.provider(pending.providerId);
    const error = callbackUrl.searchParams.get('error');
    if (error) throw new OidcException(error === 'access_denied' || error === 'consent_required' || error === 'login_required' ? OidcErrorCode.DENIED : OidcErrorCode.PROVIDER_ERROR, error);
    if (callbackUrl.searchParams.get('state') !== pending.state) throw new OidcException(OidcErrorCode.STATE_MISMATCH);
    const { configuration } = await this.configuration(provider);
    try {
      const tokens = await openid.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new OidcException(OidcErrorCode.PROVIDER_ERROR, 'no ID token');
      const userinfo = configuration.serverMetadata().userinfo_endpoint ? await openid.fetchUserInfo(configuration, tokens.access_token, idToken.sub) : {};
      return { ...idToken, ...userinfo, sub: idToken.sub };
    } catch (failure) {
      if (failure instanceof OidcException) throw failure;
      throw new OidcException(OidcErrorCode.PROVIDER_ERROR, (failure as Error).message);
    }
  }

  private configuration(provider: IdentityProviderConfig): Promise<{ configuration: OpenIdConfiguration; key: ClientKey | null }> {
    let found = this.configurations.get(provider.id);
    if (!found) {
      found = this.discover(provider);
      this.configurations.set(provider.id, found);
      // A provider down now may be up at the next sign-in: only a success is kept.
      found.catch(() => this.configurations.delete(provider.id));
    }
    return found;
  }

  private async discover(provider: IdentityProviderConfig): Promise<{ configuration: OpenIdConfiguration; key: ClientKey | null }> {
    try {
      const key = provider.privateKeyJwk ? await importSigningKey(provider.privateKeyJwk) : null;
      const authentication = key ? openid.PrivateKeyJwt(key) : openid.ClientSecretBasic(provider.clientSecret);
      // Plain http only reaches here outside production (the start-up checks refuse it there): a local provider in development and tests.
      const insecure = new URL(provider.issuer).protocol === 'http:' ? [openid.allowInsecureRequests] : [];
      const configuration = await openid.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, authentication, {
        execute: insecure,
        timeout: DISCOVERY_TIMEOUT_SECONDS,
      });
      return { configuration, key };
    } catch (error) {
      this.logger.warn(`Discovery of identity provider ${provider.id} failed: ${(error as Error).message}`);
      throw new OidcException(OidcErrorCode.PROVIDER_ERROR, (error as Error).message);
    }
  }
}
