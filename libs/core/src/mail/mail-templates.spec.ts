import { asWritten, type Words } from '../messages';
import { type MailParts, renderFramed, renderMail } from './mail-templates';
import { MailKind } from './mail.types';

const LINKS = { recipient: 'ACCOUNT' as const, privacyUrl: 'https://vicini.example/privacy', preferencesUrl: 'https://vicini.example/preferenze', unsubscribeUrl: null };
const APPLICATION = { shop: 'Bar <Centrale> & Co', offer: 'Sito', respondBy: { en: '15 March 2026', it: '15 marzo 2026' }, link: 'https://vicini.example/organizzazione/candidature/1?a=1&b=2' };

describe('renderMail', () => {
  it('frames the Italian e-mail: the platform’s name, the body, the action as a button-like link and the legal footer', () => {
    const mail = renderMail(MailKind.MATCH_APPLIED, 'it', APPLICATION, LINKS);
    expect(mail.subject).toBe('Nuova candidatura per «Sito» da Bar <Centrale> & Co');
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="it">/);
    expect(mail.html).toContain('<title>Nuova candidatura per «Sito» da Bar &lt;Centrale&gt; &amp; Co</title>');
    expect(mail.html).toContain('<strong>Bar &lt;Centrale&gt; &amp; Co</strong> si è candidata');
    expect(mail.html).toContain('entro <strong>il 15 marzo 2026</strong>');
    expect(mail.html).toMatch(/<a href="https:\/\/vicini\.example\/organizzazione\/candidature\/1\?a&#x3D;1&amp;b&#x3D;2" style="display:inline-block;[^"]*">Vedi la candidatura<\/a>/);
    expect(mail.html).toContain('gestito dal Dipartimento per la trasformazione digitale');
    expect(mail.html).toContain('<a href="https://vicini.example/privacy" style="color:#004080;">Informativa privacy</a>');
    expect(mail.html).toContain('<a href="https://vicini.example/preferenze" style="color:#004080;">Preferenze e-mail</a>');
    expect(mail.html).not.toMatch(/<img\b/);
    expect(mail.text.split('\n')[0]).toBe('Vicini e connessi');
    expect(mail.text).toContain('Bar <Centrale> & Co si è candidata alla vostra offerta «Sito»');
    expect(mail.text).toContain(`Vedi la candidatura: ${APPLICATION.link}`);
    expect(mail.text).toContain('Informativa privacy: https://vicini.example/privacy');
    expect(mail.text).not.toContain('Non ricevere più');
  });

  it('ends a sentence on a name that ends with a full stop with one full stop, and quotes in English as English does', () => {
    const decision = { provider: 'Catalogo Locale S.r.l.', reason: 'Partita IVA «cessata»', link: 'https://vicini.example/organizzazione' };
    for (const language of ['it', 'en'] as const) {
      const mail = renderMail(MailKind.PROVIDER_REJECTED, language, decision, LINKS);
      expect([language, mail.text]).toEqual([language, expect.stringContaining('Catalogo Locale S.r.l.\n')]);
      expect(mail.text).not.toContain('S.r.l..');
      expect(mail.html).toContain('<strong>Catalogo Locale S.r.l.</strong></p>');
    }
    const english = renderMail(MailKind.PROVIDER_REJECTED, 'en', decision, LINKS);
    expect(english.text).toContain('The reason: “Partita IVA “cessata””.');
    expect(renderMail(MailKind.PROVIDER_REJECTED, 'it', decision, LINKS).text).toContain('Il motivo: «Partita IVA «cessata»».');
  });

  it('writes the English e-mail in English throughout, dates included', () => {
    const mail = renderMail(MailKind.MATCH_APPLIED, 'en', APPLICATION, { ...LINKS, unsubscribeUrl: 'https://vicini.example/u?t=x' });
    expect(mail.subject).toBe('New application for “Sito” from Bar <Centrale> & Co');
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(mail.html).toContain('by <strong>15 March 2026</strong>');
    expect(mail.html).toContain('>See the application</a>');
    expect(mail.html).toContain('is run by the Department for Digital Transformation');
    expect(mail.html).toContain('<a href="https://vicini.example/u?t&#x3D;x" style="color:#004080;">Stop e-mails of this kind</a>');
    expect(mail.text).toContain(`See the application: ${APPLICATION.link}`);
    expect(mail.text).toContain('Stop e-mails of this kind: https://vicini.example/u?t=x');
    expect(mail.text).not.toMatch(/Informativa|candidatura/);
  });

  it('gives the same frame to any kind’s parts, with or without an action', () => {
    const words = (en: string, it: string) => (): Words => ({ en, it });
    const parts: MailParts<object> = { subject: words('Hello', 'Ciao'), text: words('Body', 'Corpo'), html: () => asWritten('<p>Corpo</p>') };
    const mail = renderFramed(parts, 'it', {}, LINKS);
    expect(mail.subject).toBe('Ciao');
    expect(mail.html).toContain('<p>Corpo</p>');
    expect(mail.html).toContain('Informativa privacy');
    expect(mail.html).not.toContain('display:inline-block');
    expect(mail.text).toBe(
      [
        'Vicini e connessi',
        '',
        'Corpo',
        '',
        '--',
        'Vicini e connessi è gestito dal Dipartimento per la trasformazione digitale della Presidenza del Consiglio dei ministri.',
        'Ricevi questa e-mail perché hai un account su Vicini e connessi; è stata inviata automaticamente, non rispondere.',
        'Informativa privacy: https://vicini.example/privacy',
        'Preferenze e-mail: https://vicini.example/preferenze',
      ].join('\n'),
    );
  });
});
