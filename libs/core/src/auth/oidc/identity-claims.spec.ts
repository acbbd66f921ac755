import { fiscalCodeOf, readIdentity } from './identity-claims';
import { FISCAL_NUMBER_CLAIM } from './oidc-provider-config';

describe('claims of the Italian OIDC profiles', () => {
  it.each([
    ['TINIT-RSSMRA80A01H501U', 'RSSMRA80A01H501U'],
    ['rssmra80a01h501u', 'RSSMRA80A01H501U'],
    ['IT-RSSMRA80A01H50RU', 'RSSMRA80A01H50RU'],
    ['TINIT-12345678901', '12345678901'],
    ['TINIT-RSSMRA80A01H501', null],
    ['', null],
    [42, null],
  ])('reads the fiscal code in %j as %j', (value, code) => {
    expect(fiscalCodeOf(value)).toBe(code);
  });

  it('maps SPID’s claims to the person', () => {
    const claims = { sub: 'abc', given_name: ' Maria ', family_name: 'Rossi', email: 'Maria.Rossi@Example.it', email_verified: true, [FISCAL_NUMBER_CLAIM]: 'TINIT-RSSMRA80A01H501U' };
    expect(readIdentity(claims, { publicIdentity: true })).toEqual({
      ok: true,
      identity: { subject: 'abc', fiscalCode: 'RSSMRA80A01H501U', givenName: 'Maria', familyName: 'Rossi', email: 'maria.rossi@example.it', emailVerified: true },
    });
  });

  it('takes an e-mail as verified only when the provider says so', () => {
    const read = (extra: object): boolean => {
      const result = readIdentity({ sub: 'abc', email: 'a@example.it', ...extra }, { publicIdentity: false });
      return result.ok && result.identity.emailVerified;
    };
    expect(read({})).toBe(false);
    expect(read({ email_verified: false })).toBe(false);
    expect(read({ email_verified: 'yes' })).toBe(false);
    expect(read({ email_verified: true })).toBe(true);
  });

  it('reads no fiscal code from a provider other than SPID and CIE, whatever it claims', () => {
    const claims = { sub: 'abc', [FISCAL_NUMBER_CLAIM]: 'TINIT-RSSMRA80A01H501U', fiscal_number: 'RSSMRA80A01H501U' };
    expect(readIdentity(claims, { publicIdentity: false })).toMatchObject({ ok: true, identity: { fiscalCode: null } });
    expect(readIdentity(claims, { publicIdentity: true })).toMatchObject({ ok: true, identity: { fiscalCode: 'RSSMRA80A01H501U' } });
  });

  it('names what is missing: the subject always, the fiscal code for SPID and CIE', () => {
    expect(readIdentity({ email: 'a@example.it' }, { publicIdentity: true })).toEqual({ ok: false, missing: ['sub', FISCAL_NUMBER_CLAIM] });
    expect(readIdentity({ sub: 'abc' }, { publicIdentity: true })).toEqual({ ok: false, missing: [FISCAL_NUMBER_CLAIM] });
    expect(readIdentity({ sub: 'abc' }, { publicIdentity: false }).ok).toBe(true);
  });
});
