// A real OpenID provider on loopback for the sign-in tests (the `oidc-provider` package, which is
// ESM-only, hence a child process of its own), set up like a SPID/CIE identity provider: PKCE
// required, signed request objects required, private_key_jwt client authentication, the claims
// parameter, and the Italian profile's fiscal number claim. Its parent (oidc-test-provider.ts)
// drives it through IPC messages: configure the relying party once the API's address is known,
// then add test users. The login form is the package's development one: any password, but only
// the users added here exist (their login is their subject).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const FISCAL_NUMBER_CLAIM = 'https://attributes.eid.gov.it/fiscal_number';
const users = new Map();
let handler = null;

const server = createServer((req, res) => {
  if (handler) return handler(req, res);
  res.statusCode = 503;
  res.end('not configured yet');
});

function configure(issuer, { clientId, redirectUris, clientJwks }) {
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        redirect_uris: redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        request_object_signing_alg: 'ES256',
        require_signed_request_object: true,
        jwks: clientJwks,
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-idp', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      claimsParameter: { enabled: true },
      requestObjects: { enabled: true, requireSignedRequestObject: true },
    },
    claims: {
      openid: ['sub'],
      profile: ['given_name', 'family_name'],
      email: ['email', 'email_verified'],
      [FISCAL_NUMBER_CLAIM]: null,
    },
    async findAccount(_ctx, id) {
      const user = users.get(id);
      if (!user) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...user.claims }) };
    },
  });
  provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc test provider: ${error.stack}\n`));
  handler = provider.callback();
}

process.on('message', (message) => {
  switch (message.type) {
    case 'configure':
      configure(message.issuer, message);
      process.send({ type: 'configured' });
      break;
    case 'user':
      users.set(message.subject, { claims: message.claims });
      process.send({ type: 'user', subject: message.subject });
      break;
  }
});
// The test that started it is done (or its worker is gone): stop now, whoever is still connected.
process.on('disconnect', () => {
  server.closeAllConnections();
  process.exit(0);
});

server.listen(0, '127.0.0.1', () => process.send({ type: 'listening', issuer: `http://127.0.0.1:${server.address().port}` }));
