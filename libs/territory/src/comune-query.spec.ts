import { MAX_QUERY_PHRASES, MAX_QUERY_WORDS, parseComuneQuery } from './comune-query';

describe('parseComuneQuery', () => {
  it.each([
    ['reggio emilia', [['reggio'], ['emilia']], ['reggio emilia']],
    ["  L'Aquila ", [['L'], ['Aquila']], ['L Aquila']],
    ['Sant’Agata', [['Sant'], ['Agata']], ['Sant Agata']],
    ['Bolzano/Bozen', [['Bolzano'], ['Bozen']], ['Bolzano Bozen']],
    ['Castelbello-Ciardes', [['Castelbello'], ['Ciardes']], ['Castelbello Ciardes']],
    ['a%', [['a%']], ['a%']],
  ])('splits %j into words at spaces and punctuation', (search, words, phrases) => {
    expect(parseComuneQuery(search)).toEqual({ words, phrases });
  });

  it('expands S. into the forms of San, keeping the letter, which already begins them all', () => {
    expect(parseComuneQuery('S. Agata')).toEqual({
      words: [['S'], ['Agata']],
      phrases: ['S Agata', 'san Agata', 'sant Agata', 'santa Agata', 'santo Agata'],
    });
    expect(parseComuneQuery('S.Giovanni').phrases).toContain('san Giovanni');
  });

  it('expands SS. into Santi and Santissima/o', () => {
    expect(parseComuneQuery('SS. Cosma')).toEqual({
      words: [['SS', 'santi'], ['Cosma']],
      phrases: ['SS Cosma', 'santi Cosma', 'santissima Cosma', 'santissimo Cosma'],
    });
  });

  it('has no words for punctuation alone', () => {
    expect(parseComuneQuery(" ' - . ")).toEqual({ words: [], phrases: [] });
  });

  it('bounds the words and the phrases however long the search', () => {
    const query = parseComuneQuery(Array.from({ length: 20 }, () => 'S.').join(' '));
    expect(query.words).toHaveLength(MAX_QUERY_WORDS);
    expect(query.phrases).toHaveLength(MAX_QUERY_PHRASES);
  });
});
