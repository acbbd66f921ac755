import { firstIssuePerColumn } from './import-cells';

describe('firstIssuePerColumn', () => {
  it('keeps one reason per column, the earliest check’s, and every issue of the row as a whole', () => {
    const row = { column: null, reason: { en: 'row', it: 'riga' } };
    const text = { column: 'titolo', reason: { en: 'text', it: 'testo' } };
    const rule = { column: 'titolo', reason: { en: 'rule', it: 'regola' } };
    const other = { column: 'comuni', reason: { en: 'a', it: 'a' } };
    const another = { column: 'comuni', reason: { en: 'b', it: 'b' } };
    expect(firstIssuePerColumn([row, text], [rule, other, another, row])).toEqual([row, text, other, another, row]);
  });
});
