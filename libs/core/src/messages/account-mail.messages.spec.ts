import { renderMail } from '../mail/mail-templates';
import { MailKind } from '../mail/mail.types';

const LINKS = { recipient: 'ACCOUNT' as const, privacyUrl: 'https://vicini.example/privacy', preferencesUrl: 'https://vicini.example/preferenze', unsubscribeUrl: null };

describe('account e-mails', () => {
  const link = 'https://vicini.example/verifica-email#0b6c2f5e-8a57-4f43-9f6c-0d6f6f1d2b3a.abc_DEF-123';

  it('carry the whole link in both parts, and escape every value in the HTML part only', () => {
    const mail = renderMail(MailKind.EMAIL_VERIFICATION, 'it', { email: 'a<b>&c@example.it', link, hours: 48 }, LINKS);
    expect(mail.subject).toBe('Conferma il tuo indirizzo e-mail per Vicini e connessi');
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('a<b>&c@example.it');
    expect(mail.text).toContain('48 ore');
    expect(mail.html).toContain(`<a href="${link.replace(/=/g, '&#x3D;')}">Conferma il mio indirizzo e-mail</a>`);
    expect(mail.html).toContain('a&lt;b&gt;&amp;c@example.it');
    expect(mail.html).not.toContain('<b>');
  });

  it('say how long a reset link works, in each language', () => {
    const values = { link: 'https://vicini.example/reimposta-password#x.y', minutes: 30 };
    expect(renderMail(MailKind.PASSWORD_RESET, 'it', values, LINKS).text).toContain('per 30 minuti');
    expect(renderMail(MailKind.PASSWORD_RESET, 'en', values, LINKS).text).toContain('for 30 minutes');
  });

  it('tell the old address which address the account moved to, and where to write if it was not the account', () => {
    const values = { oldEmail: 'old@example.it', newEmail: 'new@example.it', contactsUrl: 'https://vicini.example/contatti' };
    const mail = renderMail(MailKind.EMAIL_CHANGED_NOTICE, 'en', values, LINKS);
    expect(mail.subject).toBe('The e-mail address of your Vicini e connessi account changed');
    expect(mail.text).toContain('that used old@example.it now uses new@example.it');
    expect(mail.text).toContain('write at once to the platform’s support (https://vicini.example/contatti)');
    expect(renderMail(MailKind.EMAIL_CHANGED_NOTICE, 'it', values, LINKS).html).toContain('<a href="https://vicini.example/contatti">assistenza della piattaforma</a>');
  });
});
