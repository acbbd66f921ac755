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

  it('counts the person’s own e-mail address, and its parts, as known words, whatever separates them', () => {
    expect(passwordWeakness('ferramenta.verdi.1955')).toBeNull();
    for (const password of ['ferramenta.verdi.1955', 'ferramentaverdi1955', 'Ferramenta Verdi 1955', 'verdi_ferramenta_55']) {
      expect(passwordWeakness(password, ['ferramenta.verdi@example.it'])).toBe('personal');
    }
  });

  it('counts the platform’s name as a known word, and the demo’s password is no example to follow', () => {
    expect(passwordWeakness('vicinieconnessi')).toBe('personal');
    expect(passwordWeakness('Vicini-e-Connessi-2026')).toBe('personal');
    expect(passwordWeakness('vicini-demo-2026')).not.toBeNull();
  });

  it('judges the words joined as well as separated: a separator is no random character', () => {
    expect(passwordWeakness('password-1234')).toBe('common');
    expect(passwordWeakness('q w e r t y u i o p')).not.toBeNull();
  });

  it.each(['forno-lievito-bicicletta', 'pane e coperto al forno', 'una-password-lunga-abbastanza', 'k7#Qm2$vLp9@'])('takes %j', (password) => {
    expect(passwordWeakness(password)).toBeNull();
  });

  it('judges the first 40 characters, whatever follows', () => {
    expect(passwordWeakness('p@ssw0rd'.repeat(16))).toBe('repeat');
    expect(passwordWeakness(`forno-lievito-bicicletta-${'a'.repeat(100)}`)).toBeNull();
    expect(passwordWeakness(`${'a'.repeat(40)}-forno-lievito-bicicletta`)).toBe('repeat');
  });
});
