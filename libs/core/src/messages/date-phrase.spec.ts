import { MESSAGES } from './index';
import { datePhrase, day } from './words';

const parties = { offer: 'Sito', shop: 'Bar Centrale', provider: 'Digitale Srl' };
const at = (iso: string): Date => new Date(`${iso}T12:00:00Z`);

describe('an Italian date after its article', () => {
  it.each([
    ['1 gennaio 2026', 'il 1° gennaio 2026', 'dal 1° gennaio 2026', 'al 1° gennaio 2026', 'del 1° gennaio 2026'],
    ['8 marzo 2026', 'l’8 marzo 2026', 'dall’8 marzo 2026', 'all’8 marzo 2026', 'dell’8 marzo 2026'],
    ['11 dicembre 2026', 'l’11 dicembre 2026', 'dall’11 dicembre 2026', 'all’11 dicembre 2026', 'dell’11 dicembre 2026'],
    ['12 dicembre 2026', 'il 12 dicembre 2026', 'dal 12 dicembre 2026', 'al 12 dicembre 2026', 'del 12 dicembre 2026'],
    ['31 dicembre 2026', 'il 31 dicembre 2026', 'dal 31 dicembre 2026', 'al 31 dicembre 2026', 'del 31 dicembre 2026'],
  ])('%s: %s, %s, %s, %s', (written, il, dal, al, del) => {
    expect(datePhrase('il', written)).toBe(il);
    expect(datePhrase('dal', written)).toBe(dal);
    expect(datePhrase('al', written)).toBe(al);
    expect(datePhrase('del', written)).toBe(del);
  });

  it('leaves the days that take no elision alone, and only puts the article before a text without a day', () => {
    expect(datePhrase('il', '10 dicembre 2026')).toBe('il 10 dicembre 2026');
    expect(datePhrase('il', '18 dicembre 2026')).toBe('il 18 dicembre 2026');
    expect(datePhrase('il', 'domani')).toBe('il domani');
  });

  it('in the notifications: "entro l’11 dicembre", "entro il 1° gennaio"; English as it was', () => {
    expect(MESSAGES.notification.allocatedToShop(parties, at('2026-12-11')).it).toBe(
      'L’assegnazione ti ha attribuito «Sito» di Digitale Srl: risponderà entro l’11 dicembre 2026',
    );
    expect(MESSAGES.notification.matchApplied(parties, at('2026-01-01')).it).toBe('Bar Centrale ha chiesto «Sito»: rispondi entro il 1° gennaio 2026');
    expect(MESSAGES.notification.promotedToProvider(parties, at('2026-03-08')).it).toContain('rispondi entro l’8 marzo 2026');
    expect(MESSAGES.notification.matchApplied(parties, at('2026-12-11')).en).toBe('Bar Centrale applied to “Sito”: answer by 11 December 2026');
  });

  it('in the e-mails, subject, text and HTML', () => {
    const respondBy = day(at('2026-12-11'));
    const values = { shop: 'Bar Centrale', offer: 'Sito', respondBy, link: 'https://vicini.example/x' };
    expect(MESSAGES.mail.matchAppliedText(values).it).toContain('Accettate o rifiutate entro l’11 dicembre 2026:');
    expect(MESSAGES.mail.matchAppliedHtml(values).it).toContain('Accettate o rifiutate entro <strong>l’11 dicembre 2026</strong>:');
    expect(MESSAGES.mail.matchAppliedText(values).en).toContain('11 December 2026');
    expect(MESSAGES.mailNotice.reminderSubject({ shop: 'Bar Centrale', offer: 'Sito', respondBy: day(at('2026-01-01')), link: 'https://vicini.example/x' }).it).toBe(
      'Promemoria: rispondete a Bar Centrale entro il 1° gennaio 2026',
    );
  });

  it('in the delegation e-mails, each language with its own date', () => {
    const invitation = { facilitator: 'Ascom Torino', link: 'https://vicini.example/delega/1', validUntil: day(at('2027-01-08')) };
    expect(MESSAGES.delegationMail.invitationText(invitation).en).toContain('until 8 January 2027');
    expect(MESSAGES.delegationMail.invitationText(invitation).it).toContain('fino all’8 gennaio 2027');
    const claim = { ...invitation, shop: 'Forno & Figli', declaredOn: day(at('2026-12-01')) };
    expect(MESSAGES.delegationMail.claimText(claim).en).not.toMatch(/gennaio|dicembre/);
  });

  it('in the API’s refusals', () => {
    expect(MESSAGES.match.deadlinePassed(at('2026-12-11')).it).toBe('La risposta era attesa entro l’11 dicembre 2026: il posto trattenuto viene liberato');
    expect(MESSAGES.match.previouslyWithdrawn(at('2026-03-01')).it).toBe('Hai rinunciato a questa offerta il 1° marzo 2026: conferma che la chiedi di nuovo');
    expect(MESSAGES.offer.validityEnded(at('2026-03-08')).it).toContain('valida fino all’8 marzo 2026:');
  });
});
