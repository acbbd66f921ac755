// The two catalogues must offer the same keys, none empty: a missing English string would silently
// fall back to Italian.
import englishCatalogue from './en.json';
import italianCatalogue from './it.json';

type Catalogue = { [key: string]: string | string[] | Catalogue | Catalogue[] };

function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${path}[${index}]`));
  return Object.entries(value as Catalogue).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

describe('web app translations', () => {
  const italian = leaves(italianCatalogue);
  const english = leaves(englishCatalogue);

  it('have the same keys in Italian and English', () => {
    expect(english.map(([key]) => key)).toEqual(italian.map(([key]) => key));
  });

  it('have no empty string', () => {
    expect([...italian, ...english].filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});
