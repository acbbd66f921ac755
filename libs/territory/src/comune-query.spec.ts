import { MAX_QUERY_WORDS, parseComuneQuery, typedText } from './comune-query';

describe('parseComuneQuery', () => {
  it.each([
    ['reggio emilia', ['reggio', 'emilia']],
    ["  L'Aquila ", ['L', 'Aquila']],
    ['Sant’Agata', ['Sant', 'Agata']],
    ['Bolzano/Bozen', ['Bolzano', 'Bozen']],
    ['Castelbello-Ciardes', ['Castelbello', 'Ciardes']],
    ['a%', ['a%']],
  ])('splits %j into words at spaces and punctuation', (search, words) => {
    const query = parseComuneQuery(search);
    expect(query.words).toEqual(words.map((word) => ({ typed: word, forms: [word], prefixes: [word] })));
    expect(typedText(query)).toBe(words.join(' '));
  });

  it('reads S. as the forms of San, which name words begin with "san"', () => {
    expect(parseComuneQuery('S. Agata').words).toEqual([
      { typed: 'S', forms: ['S', 'san', 'sant', 'santa', 'santo'], prefixes: ['san'] },
      { typed: 'Agata', forms: ['Agata'], prefixes: ['Agata'] },
    ]);
    expect(parseComuneQuery('S.Giovanni').words.map((word) => word.typed)).toEqual(['S', 'Giovanni']);
  });

  it('reads SS. as Santi or Santissima/o', () => {
    expect(parseComuneQuery('SS. Cosma').words[0]).toEqual({ typed: 'SS', forms: ['SS', 'santi', 'santissima', 'santissimo'], prefixes: ['santi'] });
  });

  it('has no words for punctuation alone', () => {
    expect(parseComuneQuery(" ' - . ").words).toEqual([]);
  });

  it('keeps at most MAX_QUERY_WORDS words however long the search', () => {
    expect(parseComuneQuery(Array.from({ length: 20 }, () => 'S.').join(' ')).words).toHaveLength(MAX_QUERY_WORDS);
  });
});
