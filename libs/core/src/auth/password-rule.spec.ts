import { acceptablePassword, passwordWeakness } from './password-rule';

describe('how easy a new password is to guess', () => {
  it.each([
    ['aaaaaaaaaaaaaaaa', 'repeat'],
    ['ciaociaociaociao', 'repeat'],
    ['123456789012', 'common'],
    ['password1234', 'common'],
    ['Passw0rd!2024', 'common'],
  ] as const)('refuses %j (%s)', (password, weakness) => {
    expect(acceptablePassword(password)).toBe(true);
    expect(passwordWeakness(password)).toBe(weakness);
  });

  it('counts the person’s own e-mail address, and its parts, as known words', () => {
    expect(passwordWeakness('marco.verdi.1987', [])).toBeNull();
    expect(passwordWeakness('marco.verdi.1987', ['marco.verdi.1987@example.it'])).toBe('personal');
    expect(passwordWeakness('marcoverdi1987', ['marco.verdi@example.it'])).toBe('personal');
  });

  it('counts the platform’s name as a known word', () => {
    expect(passwordWeakness('vicinieconnessi')).not.toBeNull();
  });

  it.each(['forno-lievito-bicicletta', 'pane e coperto al forno', 'una-password-lunga-abbastanza', 'vicini-demo-2026', 'k7#Qm2$vLp9@'])('takes %j', (password) => {
    expect(passwordWeakness(password)).toBeNull();
  });

  it('judges the first 64 characters, whatever follows', () => {
    expect(passwordWeakness('p@ssw0rd'.repeat(16))).toBe('repeat');
    expect(passwordWeakness(`forno-lievito-bicicletta-${'a'.repeat(100)}`)).toBeNull();
    expect(passwordWeakness(`${'a'.repeat(64)}-forno-lievito-bicicletta`)).toBe('repeat');
  });
});
