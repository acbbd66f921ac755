import { ArgumentMetadata } from '@nestjs/common';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { GraphQLError } from 'graphql';
import { MailedText, MultiLineText, NameText, SingleLineText } from './input-rules';
import { mailedTextProblem, nameProblem, normaliseText, textProblem } from './text-rules';
import type { FieldError } from './user-input.error';
import { createValidationPipe } from './validation';

describe('textProblem', () => {
  it.each([
    ['a right-to-left override', 'Bottega \u202eevil', 'bidiControl'],
    ['a left-to-right isolate', 'Bottega \u2066x\u2069', 'bidiControl'],
    ['a control character', 'Bottega\u0007', 'controlCharacter'],
    ['a C1 control (NEL)', 'Bottega\u0085Riga', 'controlCharacter'],
    ['a new line', 'Bottega\nRiga2', 'lineBreak'],
    ['a tab', 'Bottega\tRossi', 'lineBreak'],
    ['a line separator', 'Bottega\u2028Riga2', 'lineBreak'],
    ['only zero-width spaces', '\u200b\u200b\u200b', 'noVisibleCharacter'],
    ['only combining accents', '\u0301\u0301\u0301\u0301', 'noVisibleCharacter'],
    ['only a Hangul filler', '\u3164\u3164', 'noVisibleCharacter'],
    ['a zero-width space inside', 'Bot\u200btega', 'invisibleCharacter'],
    ['a right-to-left mark', 'Bottega\u200f', 'invisibleCharacter'],
    ['a soft hyphen', 'Bot\u00adtega', 'invisibleCharacter'],
    ['a zero-width joiner between letters', 'Bot\u200dtega', 'invisibleCharacter'],
    ['five accents on one letter (four once composed)', 'Be\u0301\u0300\u0302\u0303\u0304', 'stackedMarks'],
  ])('refuses a single line with %s', (_what, value, problem) => {
    expect(textProblem(value, 'SINGLE_LINE')).toBe(problem);
  });

  it.each([
    ['accents and apostrophes', "Caffè dell'Agliè"],
    ['decomposed accents', 'Caffe\u0300'],
    ['an emoji', 'Pizzeria 🍕'],
    ['an emoji sequence with zero-width joiners', 'Cuoca 👩‍🍳 e famiglia 👩‍👩‍👧'],
    ['Vietnamese with two marks on a letter', 'Phở Việt'],
    ['German and Greek', 'Bäckerei Ωmega'],
    ['the empty text (required-ness is another rule)', ''],
  ])('accepts a single line with %s', (_what, value) => {
    expect(textProblem(value, 'SINGLE_LINE')).toBeNull();
  });

  it.each([
    ['new lines and tabs', 'Riga uno\n\tRiga due\r\nRiga tre'],
    ['a soft hyphen and a direction mark', 'Bot\u00adtega \u200fشكرا'],
    ['a flag with tag characters', 'Scozia 🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
    ['stacked accents', 'Be\u0301\u0300\u0302\u0303'],
  ])('accepts in multi-line text %s', (_what, value) => {
    expect(textProblem(value, 'MULTI_LINE')).toBeNull();
  });

  it.each([
    ['a right-to-left override', 'Descrizione \u202eevil', 'bidiControl'],
    ['an escape character', 'Descrizione \u001b[31m rossa', 'controlCharacter'],
    ['only invisible characters and new lines', '\u200b\n\u200b', 'noVisibleCharacter'],
  ])('refuses in multi-line text %s', (_what, value, problem) => {
    expect(textProblem(value, 'MULTI_LINE')).toBe(problem);
  });
});

describe('mailedTextProblem', () => {
  it.each([
    ['a full address', 'Accedi a https://rimborsi.example/login', 'webAddress'],
    ['a www. address', 'vedi www.rimborsi-bonus.it', 'webAddress'],
    ['a bare domain with a path, as mail clients link it', 'Per il rimborso accedi a vicini-rimborsi.it/login con SPID', 'webAddress'],
    ['a bare domain', 'tutto su rimborsi-bonus.com', 'webAddress'],
    ['an address by number', 'scarica da 192.168.1.20/modulo', 'webAddress'],
    ['markup', 'Non possiamo <b>più</b>', 'webAddress'],
    ['plain words, abbreviations and figures', 'Abbiamo esaurito i posti fino a gen. 2027 (ore 10.30, 3.5 kg): Rossi S.r.l., p. es. art.5 c.2', null],
    ['an e-mail address to write to', 'Scriveteci a assistenza@negoziofacile.it per riprovare', null],
  ])('%s', (_what, value, problem) => {
    expect(mailedTextProblem(value)).toBe(problem);
  });
});

describe('nameProblem', () => {
  it.each([
    ['a full address', 'Conti https://evil.example', 'markupOrLink'],
    ['a www. address', 'Conti www.evil-example.it', 'markupOrLink'],
    ['a bare domain going on to a page, as mail clients link it', 'bonus-vicini.it/rimborso', 'markupOrLink'],
    ['a bare domain with a query', 'rimborso.it?codice=1', 'markupOrLink'],
    ['an address by number with a path', 'Conti 10.0.0.1/login', 'markupOrLink'],
    ['markup', 'Conti <b>', 'markupOrLink'],
    ['a brand that is a bare domain', 'Subito.it', null],
    ['a brand with a dotted company form', 'Vetrina.com S.r.l.', null],
    ['plain names, abbreviations, times and figures', "Caffè dell'Arte S.n.c. – aperto 7:30, dal 1980 (2.0)", null],
  ])('%s', (_what, value, problem) => {
    expect(nameProblem(value)).toBe(problem);
  });
});

describe('normaliseText', () => {
  it('composes (NFC), trims and writes line breaks as \\n', () => {
    expect(normaliseText('  Caffe\u0300\r\nRiga ')).toBe('Caff\u00e8\nRiga');
  });

  it('makes blank optional text null, and leaves required text and non-text alone', () => {
    expect(normaliseText('  ', true)).toBeNull();
    expect(normaliseText('', false)).toBe('');
    expect(normaliseText(3, true)).toBe(3);
  });
});

class Sample {
  @SingleLineText() @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @IsOptional() @NameText({ optional: true }) @IsString() @MaxLength(200) tradingName?: string | null;
  @IsOptional() @MultiLineText() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @MailedText() @IsString() @MaxLength(500) reason?: string;
}

const pipe = createValidationPipe();
const validate = (value: object): Promise<unknown> => pipe.transform(value, { type: 'body', metatype: Sample as ArgumentMetadata['metatype'], data: 'input' });

async function refusal(value: object): Promise<FieldError> {
  const error: unknown = await validate(value).catch((e: unknown) => e);
  if (!(error instanceof GraphQLError)) throw new Error('the pipe accepted the input');
  expect(error.extensions.code).toBe('BAD_USER_INPUT');
  const fields = error.extensions.fields as FieldError[];
  expect(fields).toHaveLength(1);
  return fields[0];
}

describe('SingleLineText and MultiLineText on an input', () => {
  it.each([
    [{ name: '\u200b\u200b\u200b' }, 'input.name', 'noVisibleCharacter', 'input.name must contain visible characters, not only blanks or accents'],
    [{ name: '\u0301\u0301\u0301\u0301' }, 'input.name', 'noVisibleCharacter', 'input.name must contain visible characters, not only blanks or accents'],
    [{ name: 'Bottega \u202eevil' }, 'input.name', 'bidiControl', expect.stringContaining('input.name must not contain characters that change the direction')],
    [{ name: 'Bottega\nRiga2' }, 'input.name', 'lineBreak', 'input.name must be a single line, without line breaks or tabs'],
    [{ name: 'Bottega', description: 'Riga \u0007' }, 'input.description', 'controlCharacter', 'input.description must not contain control characters'],
    // A name others read in the platform's e-mails: no markup, no link a mail client would make clickable.
    [{ name: 'Bottega', tradingName: '<a href="http://evil.example">Conti</a>' }, 'input.tradingName', 'markupOrLink', expect.stringContaining('input.tradingName must be a name, without web addresses')],
    [{ name: 'Bottega', tradingName: 'Conti – conferma su http://evil.example/login' }, 'input.tradingName', 'markupOrLink', expect.stringContaining('without web addresses')],
    [{ name: 'Bottega', tradingName: 'Conti www.evil-example.it' }, 'input.tradingName', 'markupOrLink', expect.stringContaining('without web addresses')],
    [{ name: 'Bottega', tradingName: 'bonus-vicini.it/rimborso' }, 'input.tradingName', 'markupOrLink', expect.stringContaining('without web addresses')],
    // Free text the platform mails to the other party: not even a bare domain.
    [{ name: 'Bottega', reason: 'Per il rimborso accedi a vicini-rimborsi.it/login' }, 'input.reason', 'webAddress', expect.stringContaining('input.reason must not contain web addresses')],
  ])('refuses %j naming the field and the reason', async (value, field, code, message) => {
    expect(await refusal(value)).toEqual({ field, code, message, messageIt: expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')} `)) });
  });

  it('takes names with dots, ampersands and apostrophes, such as real brands have', async () => {
    for (const tradingName of ['NegozioFacile.it', 'Forno & Figli', "L'Antica Bottega S.r.l."]) {
      expect(((await validate({ name: 'Bottega', tradingName })) as Sample).tradingName).toBe(tradingName);
    }
  });

  it('stores composed, trimmed text, blank optional text as null, and keeps line breaks in descriptions', async () => {
    const input = (await validate({ name: '  Caffe\u0300 ', tradingName: '  ', description: 'Riga uno\r\nRiga due' })) as Sample;
    expect(input).toEqual(expect.objectContaining({ name: 'Caff\u00e8', tradingName: null, description: 'Riga uno\nRiga due' }));
  });
});
