import { MESSAGES, type TextProblem } from '../../messages';
import { cellTextIssues, shownFileName } from './import-text';

describe('text rules of import cells', () => {
  it.each([
    ['a direction override in a name', { titolo: 'Vetrina \u202eonline', comuni: 'Torino (TO)' }, 'titolo', 'bidiControl'],
    ['a control character in a description', { descrizione: 'Riga\u0007campanello' }, 'descrizione', 'controlCharacter'],
    ['zero-width spaces only', { insegna: '\u200b\u200b' }, 'insegna', 'noVisibleCharacter'],
    ['a line break in the key', { codice_esterno: 'A\n1' }, 'codice_esterno', 'lineBreak'],
  ] as const)('refuses %s, naming the column', (_what, cells, column, problem: TextProblem) => {
    expect(cellTextIssues(cells, 'codice_esterno')).toEqual([{ column, reason: MESSAGES.input.text(column, problem) }]);
  });

  it('accepts line breaks outside the key, accents and empty cells (the input rules judge them by field)', () => {
    expect(cellTextIssues({ codice_esterno: 'A-1', descrizione: 'Prima riga\nseconda riga', titolo: 'Caffè', insegna: '' }, 'codice_esterno')).toEqual([]);
  });
});

describe('shownFileName', () => {
  it.each([
    ['offerte.csv', 'offerte.csv'],
    ['fattura\u202evsc.exe', 'fatturavsc.exe'],
    ['  riga\nnuova.csv ', 'riganuova.csv'],
    ['Caffe\u0300.csv', 'Caff\u00e8.csv'],
    ['\u200b\u2066', 'file.csv'],
    ['', 'file.csv'],
  ])('shows %j as %j', (name, shown) => {
    expect(shownFileName(name)).toBe(shown);
  });
});
