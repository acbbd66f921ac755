import { generateKeyPairSync } from 'node:crypto';
import { identityProviderProductionProblems, ITALIAN_PROFILE_CLAIMS, parseIdentityProviders, usesSignedRequestObject } from './oidc-provider-config';

const ecKey = { ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), kid: 'k1' };
const spid = { id: 'spid-poste', kind: 'spid', name: 'Poste Italiane', issuer: 'https://identity.example.it', clientId: 'https://vicini.example.it', privateKeyJwk: ecKey };
const parse = (value: unknown): ReturnType<typeof parseIdentityProviders> => parseIdentityProviders(JSON.stringify(value));
const problemsOf = (value: unknown): string[] => {
  const result = parse(value);
  return result.ok ? [] : result.problems.map((problem) => problem.where);
};

describe('OIDC_PROVIDERS', () => {
  it('is empty when unset: no provider, no button', () => {
    expect(parseIdentityProviders(undefined)).toEqual({ ok: true, providers: [] });
    expect(parseIdentityProviders('  ')).toEqual({ ok: true, providers: [] });
  });

  it('gives SPID and CIE the Italian profile’s defaults: scope openid, the claims request, prompt "consent login"', () => {
    expect(parse([spid])).toEqual({
      ok: true,
      providers: [{ ...spid, kind: 'spid', scope: 'openid', claims: ITALIAN_PROFILE_CLAIMS, prompt: 'consent login' }],
    });
  });

  it('gives another OpenID provider the standard scopes and no claims request', () => {
    const result = parse([{ id: 'google', kind: 'oidc', name: 'Google', issuer: 'https://accounts.example.com', clientId: 'abc', clientSecret: 's3cret' }]);
    expect(result.ok && result.providers[0]).toEqual({ id: 'google', kind: 'oidc', name: 'Google', issuer: 'https://accounts.example.com', clientId: 'abc', clientSecret: 's3cret', scope: 'openid profile email' });
  });

  it.each([
    ['an id with capitals', { ...spid, id: 'SPID' }, '[0].id'],
    ['an unknown kind', { ...spid, kind: 'saml' }, '[0].kind'],
    ['an issuer that is not a URL', { ...spid, issuer: 'identity.example.it' }, '[0].issuer'],
    ['an issuer with a query', { ...spid, issuer: 'https://identity.example.it/?x=1' }, '[0].issuer'],
    ['SPID with a client secret instead of a key', { ...spid, privateKeyJwk: undefined, clientSecret: 'x' }, '[0].privateKeyJwk'],
    ['a public key where the private one belongs', { ...spid, privateKeyJwk: { ...ecKey, d: undefined } }, '[0].privateKeyJwk'],
    ['both a secret and a key', { ...spid, clientSecret: 'x' }, '[0].clientSecret'],
    ['a scope without openid', { ...spid, scope: 'profile' }, '[0].scope'],
    ['a setting that does not exist', { ...spid, clientSecretFile: '/x' }, '[0].clientSecretFile'],
  ])('refuses %s, naming the entry and field', (_case, entry, where) => {
    expect(problemsOf([entry])).toEqual([where]);
  });

  it('refuses what is not a JSON list, and two providers with one id', () => {
    expect(problemsOf({})).toEqual(['']);
    expect(parseIdentityProviders('[{').ok).toBe(false);
    expect(problemsOf([spid, spid])).toEqual(['[1].id']);
  });

  it('signs request objects for SPID and CIE always, for others when the provider requires it or the setting says so', () => {
    const result = parse([spid]);
    if (!result.ok) throw new Error('the SPID entry is valid');
    const [italian] = result.providers;
    const other = { ...italian, kind: 'oidc' as const };
    expect(usesSignedRequestObject(italian, false)).toBe(true);
    expect(usesSignedRequestObject(other, false)).toBe(false);
    expect(usesSignedRequestObject(other, true)).toBe(true);
    expect(usesSignedRequestObject({ ...other, signedRequestObject: true }, false)).toBe(true);
  });

  it('in production, refuses a provider reached over plain http', () => {
    const result = parse([spid, { ...spid, id: 'cie-locale', kind: 'cie', issuer: 'http://localhost:9000' }]);
    expect(result.ok && identityProviderProductionProblems(result.providers).map((words) => words.en)).toEqual([
      'provider "cie-locale" is reached over plain http: production needs https',
    ]);
  });
});
