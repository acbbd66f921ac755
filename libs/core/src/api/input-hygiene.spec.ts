import { inputHygieneErrors } from './input-hygiene';

describe('inputHygieneErrors', () => {
  it.each([
    ['a NUL character', 'Bar\u0000Sport', 'noNulCharacter'],
    ['a lone high surrogate', 'mario\ud800@example.it', 'wellFormedText'],
    ['a lone low surrogate', '\udc00', 'wellFormedText'],
    ['a right-to-left override', 'Bottega \u202eevil', 'bidiControl'],
    ['an escape character', 'Bar\u001bSport', 'controlCharacter'],
    ['nothing visible', '\u200b\u200b\u200b', 'noVisibleCharacter'],
  ])('refuses %s, naming the field', (_what, text, code) => {
    expect(inputHygieneErrors({ shop: { names: ['ok', text] } }, 'input')).toEqual([expect.objectContaining({ field: 'input.shop.names.1', code })]);
  });

  it('accepts real text: accents, emoji (surrogate pairs), tabs and new lines', () => {
    expect(inputHygieneErrors({ name: "Caffè dell'Agliè 🍕", note: 'riga uno\n\triga due' }, 'input')).toEqual([]);
  });

  it.each([
    ['+275760-09-13T00:00:00.000Z', 1],
    ['1899-12-31T23:59:59.999Z', 1],
    ['2199-12-31T00:00:00.000Z', 0],
    ['2026-12-04T10:00:00.000Z', 0],
  ])('checks that %s is within the platform’s years', (iso, errors) => {
    expect(inputHygieneErrors({ runAt: new Date(iso) }, 'input')).toHaveLength(errors);
  });

  it('names top-level arguments by themselves', () => {
    expect(inputHygieneErrors({ search: 'a\u0000' }, '')).toEqual([expect.objectContaining({ field: 'search' })]);
  });
});
