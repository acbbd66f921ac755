/**
 * openid-client 6, the certified OpenID Connect relying-party library. Version 6 is the maintained
 * line (5 gets security fixes only) and is ESM-only, while this Nest build is CommonJS: Node.js
 * ≥ 22.12 (our `engines`) loads an ES module through require() as long as it has no top-level
 * await, which openid-client and its two dependencies (oauth4webapi, jose) do not have. A dynamic
 * import() would make every caller asynchronous for nothing and is not available inside Jest's
 * CommonJS runtime, which compiles these three packages to CommonJS instead (jest.shared.js).
 */
import type * as OpenIdClient from 'openid-client' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the require(esm) explained above
export const openid: typeof OpenIdClient = require('openid-client') as typeof OpenIdClient;

export type OpenIdConfiguration = OpenIdClient.Configuration;

/** A private key openid-client signs client assertions and request objects with (a Web Crypto key and its `kid`). */
export type OpenIdSigningKey = Extract<Parameters<typeof OpenIdClient.PrivateKeyJwt>[0], { key: unknown }>;
