import { linkToken, newLinkSecret, parseLink, secretMatches } from './delegation-link';

describe('single-use delegation links', () => {
  const id = '0b5e7c3e-8a7e-4a4a-9a55-3f2f1f0e9d11';

  it('names the delegation and a secret whose hash alone is kept', () => {
    const { secret, hash } = newLinkSecret();
    const parsed = parseLink(linkToken(id, secret));
    expect(parsed).toEqual({ id, secret });
    expect(hash).not.toContain(secret);
    expect(secretMatches(hash, secret)).toBe(true);
  });

  it('refuses another secret, a missing hash and malformed links', () => {
    const { hash } = newLinkSecret();
    expect(secretMatches(hash, newLinkSecret().secret)).toBe(false);
    expect(secretMatches(null, 'x'.repeat(43))).toBe(false);
    expect(parseLink('not-a-link')).toBeNull();
    expect(parseLink(`${id}.short`)).toBeNull();
    expect(parseLink(`${id}.${'a'.repeat(42)}!`)).toBeNull();
  });
});
