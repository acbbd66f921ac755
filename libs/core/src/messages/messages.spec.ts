import { AllocationRunStatus } from '../allocation/allocation.types';
import { MESSAGES, type Words } from '.';
import { ACCOUNT_SAMPLES } from './testing/account-samples';
import { MAIL_SAMPLES } from './testing/mail-samples';
import { MATCHING_SAMPLES } from './testing/matching-samples';
import { ALLOCATION_MAILS, DATE, DECLINED_MAILS, EXPIRED_MAILS, type Samples } from './testing/sample-kit';

/** For every entry of the catalogue, the arguments to try it with (by area, in ./testing): the compiler asks for each one. */
const SAMPLES: Samples<typeof MESSAGES> = { ...ACCOUNT_SAMPLES, ...MAIL_SAMPLES, ...MATCHING_SAMPLES };

/** English words that give away untranslated text in an Italian message. */
const ENGLISH = /\b(the|and|or|is|are|must|should|not|cannot|with|from|your|please|only|already|this|that|have|has|will|can|of|to|for|by|on|at|be|been|was|were)\b/i;
/** What an unfilled or badly filled placeholder leaves behind (a blank line between paragraphs is fine, two are not). */
const UNFILLED = /\bundefined\b|\bnull\b(?!:)|\bNaN\b|\[object|\$\{|\$property|\$constraint|\{\{|[^\S\n]{2}|\n{3}|[^\S\n]\n|\n[^\S\n]/;

const cases = Object.entries(SAMPLES).flatMap(([area, entries]) =>
  Object.entries(entries as unknown as Record<string, readonly unknown[][]>).flatMap(([entry, samples]) =>
    samples.map((args) => {
      const write = (MESSAGES as unknown as Record<string, Record<string, (...args: unknown[]) => Words>>)[area][entry];
      return { name: `${area}.${entry}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`, words: write(...args) };
    }),
  ),
);

describe('the message catalogue', () => {
  it('is tried with arguments for every entry (the compiler asks for them, this checks none is empty)', () => {
    for (const [area, entries] of Object.entries(MESSAGES)) {
      for (const entry of Object.keys(entries)) expect([area, entry, (SAMPLES as unknown as Record<string, Record<string, unknown[]>>)[area][entry].length]).toEqual([area, entry, expect.any(Number)]);
    }
    expect(cases.length).toBeGreaterThan(400);
  });

  it.each(cases)('$name: English and Italian, both written, not the same', ({ words }) => {
    expect(words.en).toMatch(/\S/);
    expect(words.it).toMatch(/\S/);
    expect(words.it).not.toBe(words.en);
  });

  it.each(cases)('$name: every placeholder filled', ({ words }) => {
    expect(words.en).not.toMatch(UNFILLED);
    expect(words.it).not.toMatch(UNFILLED);
  });

  it.each(cases)('$name: Italian without English words', ({ words }) => {
    expect(words.it).not.toMatch(ENGLISH);
  });

  it('escapes the values in the HTML part of an e-mail, and only there', () => {
    const values = { shop: 'Bar <Centrale> & Co', offer: 'Sito', respondBy: null, link: 'https://vicini.example/x?a=1&b=2' };
    expect(MESSAGES.mail.matchAppliedHtml(values).it).toContain('<strong>Bar &lt;Centrale&gt; &amp; Co</strong>');
    expect(MESSAGES.mail.matchAppliedText(values).it).toContain('Bar <Centrale> & Co si è candidata');
    expect(MESSAGES.mail.matchAppliedText(values).it).not.toContain('entro');
  });

  it('writes lists as lines in text and as a list in HTML, and one or many in words', () => {
    const [[two]] = [ALLOCATION_MAILS[1]];
    expect(MESSAGES.mailNotice.allocationShopText(two).it).toBe(
      ['Buongiorno,', '', 'L’ultima assegnazione ti ha dato un posto in 2 offerte:', '', '- «Sito» di Digitale Srl', '- «Consegne» di Bar <Centrale>'].join('\n'),
    );
    expect(MESSAGES.mailNotice.allocationShopHtml(two).it).toContain('<ul>\n<li>«Sito» di Digitale Srl</li>\n<li>«Consegne» di Bar &lt;Centrale&gt;</li>\n</ul>');
    expect(MESSAGES.mailNotice.allocationShopSubject(two).en).toBe('The allocation gave you 2 services');
    expect(MESSAGES.mailNotice.allocationShopSubject(ALLOCATION_MAILS[0][0]).it).toBe('L’assegnazione ti ha dato un servizio');
    expect(MESSAGES.mailNotice.matchDeclinedText(DECLINED_MAILS[1][0]).it).toContain('Il motivo indicato: «siamo al completo».');
    expect(MESSAGES.mailNotice.matchDeclinedText(DECLINED_MAILS[1][0]).en).toContain('Their reason: “we are full”.');
    expect(MESSAGES.mailNotice.matchDeclinedHtml(DECLINED_MAILS[0][0]).it).not.toContain('<p></p>');
    expect(MESSAGES.mailNotice.matchDeclinedHtml(DECLINED_MAILS[0][0]).it).toContain('<p><strong>Digitale Srl</strong> non può offrirti «Vetrina &lt;online&gt;».</p>');
    // A paragraph worded one way or another ({{else}}) is a paragraph either way.
    expect(MESSAGES.mailNotice.matchDeclinedHtml(DECLINED_MAILS[3][0]).it).toContain('<p><strong>Digitale Srl</strong> aveva accettato la tua richiesta per «Vetrina &lt;online&gt;»');
    expect(MESSAGES.mailNotice.matchExpiredHtml(EXPIRED_MAILS[0][0]).en).toContain('<p><strong>Digitale Srl</strong> did not answer your request');
    expect(MESSAGES.mailNotice.matchExpiredHtml(EXPIRED_MAILS[1][0]).en).toMatch(/<p>The place held for your request for “Vetrina &lt;online&gt;” by <strong>Digitale Srl<\/strong> is released: the Ministry suspended the offer\.<\/p>/);
  });

  it('writes the values it is given into both languages', () => {
    expect(MESSAGES.offer.capacityBelowUsed(12)).toEqual({
      en: '12 places are already taken: the capacity can be 12 or more',
      it: '12 posti sono già occupati: la capacità può essere 12 o più',
    });
    expect(MESSAGES.validation.maxLength('input.title', 200)).toEqual({ en: 'input.title can have at most 200 characters', it: 'input.title può avere al massimo 200 caratteri' });
    expect(MESSAGES.request.tooManyRequests(61)).toEqual({ en: 'Too many requests from your connection. Try again in 2 minutes', it: 'Troppe richieste dalla tua connessione. Riprova tra 2 minuti' });
    expect(MESSAGES.request.accountLocked(60).it).toMatch(/Riprova tra 1 minuto oppure reimposta la password$/);
    expect(MESSAGES.match.previouslyWithdrawn(DATE)).toEqual({
      en: 'You gave this offer up on 10 March 2026: confirm that you are asking for it again',
      it: 'Hai rinunciato a questa offerta il 10 marzo 2026: conferma che la chiedi di nuovo',
    });
    expect(MESSAGES.validation.either('lang', ['it', 'en'])).toEqual({ en: 'lang must be it or en', it: 'lang deve essere it oppure en' });
  });

  it('names statuses in words, never as codes', () => {
    expect(MESSAGES.allocation.notCancellable(AllocationRunStatus.RUNNING)).toEqual({
      en: 'The run is running: only a scheduled or queued run can be cancelled',
      it: 'L’esecuzione è in corso: si può annullare solo un’esecuzione programmata o in coda',
    });
    for (const { name, words } of cases.filter((c) => /^(status|match|offer|helpRequest|provider|allocation|notification|reason)\./.test(c.name))) {
      expect([name, words.en, words.it]).toEqual([name, expect.not.stringMatching(/[A-Z_]{6,}/), expect.not.stringMatching(/[A-Z_]{6,}/)]);
    }
  });
});
