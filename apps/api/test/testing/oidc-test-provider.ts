import { fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomInt, randomUUID, type JsonWebKey } from 'node:crypto';
import { join } from 'node:path';

export const FISCAL_NUMBER_CLAIM = 'https://attributes.eid.gov.it/fiscal_number';

export interface TestIdentity {
  /** The provider's subject, also what is typed as the login at its form. */
  subject: string;
  fiscalCode: string;
  givenName: string;
  familyName: string;
  email?: string;
  emailVerified?: boolean;
}

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  /** The relying party's private key (ES256), as OIDC_PROVIDERS takes it; the provider knows its public half. */
  clientKey: JsonWebKey;
  /** An OIDC_PROVIDERS value naming this provider. */
  providersSetting(id: string, kind: 'spid' | 'cie'): string;
  /** Tells the provider where the relying party's callbacks are (known once the API listens). */
  configure(redirectUris: string[]): Promise<void>;
  /** A person who can sign in at the provider, with SPID's claims (the fiscal number with its TINIT- prefix). */
  addUser(identity: TestIdentity): Promise<void>;
  close(): Promise<void>;
}

type Message = { type: string } & Record<string, unknown>;

function nextMessage(child: ChildProcess, type: string): Promise<Message> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Message): void => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null): void => reject(new Error(`the OpenID test provider exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Starts the OpenID test provider (oidc-test-provider.mjs) on a free loopback port. */
export async function startOidcTestProvider(): Promise<OidcTestProvider> {
  // Its output goes to a pipe of this process, never to the test runner's own streams: a provider
  // that outlived its test must not hold the runner open.
  const child = fork(join(__dirname, 'oidc-test-provider.mjs'), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  child.stderr?.resume();
  const { issuer } = (await nextMessage(child, 'listening')) as { issuer: string } & Message;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomUUID();
  const clientKey: JsonWebKey = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'ES256' };
  const clientId = `vicini-e-connessi-${randomUUID()}`;
  const send = async (message: Message, reply: string): Promise<void> => {
    const answered = nextMessage(child, reply);
    child.send(message);
    await answered;
  };
  return {
    issuer,
    clientId,
    clientKey,
    providersSetting: (id, kind) =>
      JSON.stringify([{ id, kind, name: kind === 'spid' ? 'SPID di prova' : 'CIE di prova', issuer, clientId, privateKeyJwk: clientKey, acrValues: 'https://www.spid.gov.it/SpidL2' }]),
    configure: (redirectUris) =>
      send({ type: 'configure', issuer, clientId, redirectUris, clientJwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }] } }, 'configured'),
    addUser: (identity) =>
      send(
        {
          type: 'user',
          subject: identity.subject,
          claims: {
            given_name: identity.givenName,
            family_name: identity.familyName,
            [FISCAL_NUMBER_CLAIM]: `TINIT-${identity.fiscalCode}`,
            ...(identity.email ? { email: identity.email, email_verified: identity.emailVerified ?? false } : {}),
          },
        },
        'user',
      ),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      const stuck = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(stuck);
    },
  };
}

/** A well-formed fiscal code, random (letters and digits where the format wants them). */
export function aFiscalCode(): string {
  const letters = (length: number): string => Array.from({ length }, () => String.fromCharCode(65 + randomInt(26))).join('');
  const digits = (length: number): string => Array.from({ length }, () => String(randomInt(10))).join('');
  return `${letters(6)}${digits(2)}A${digits(2)}${letters(1)}${digits(3)}${letters(1)}`;
}
