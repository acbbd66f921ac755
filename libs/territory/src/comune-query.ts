/**
 * What someone typed to find a comune, split into words, with the abbreviations Italians write
 * expanded: "S. Agata" may be Sant'Agata, "SS. Cosma" Santi Cosma. Folding (accents, case) is left
 * to the database, which folds the stored names the same way.
 */

/**
 * Characters that separate words, in names and in searches alike: spaces, apostrophes, dots,
 * commas, slashes, brackets, quotes and dashes. Kept in step with comune_search_fold() in SQL.
 */
const SEPARATORS = /[\s'’‘`´.,;:/()"–—-]+/u;

/** Abbreviations of saints' names in place names, and what each may stand for. */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  s: ['san', 'sant', 'santa', 'santo'],
  ss: ['santi', 'santissima', 'santissimo'],
};

/** More words than any comune's name and province together: the rest are ignored. */
export const MAX_QUERY_WORDS = 8;

export interface ComuneQueryWord {
  /** The word as typed ("S"). */
  typed: string;
  /** What it may stand for in a name, as typed first: ["S", "san", "sant", "santa", "santo"]. */
  forms: string[];
  /** The beginnings a word of the name must have to match it: ["san"] for "S", else the word itself. */
  prefixes: string[];
}

export interface ComuneQuery {
  words: ComuneQueryWord[];
}

/** The forms no other form begins (whatever the case): "san" also begins "sant", "santa" and "santo". */
export const shortestForms = (forms: readonly string[]): string[] =>
  forms.filter((form) => !forms.some((other) => other !== form && form.toLowerCase().startsWith(other.toLowerCase())));

export function parseComuneQuery(search: string): ComuneQuery {
  const typed = search.split(SEPARATORS).filter((word) => word !== '').slice(0, MAX_QUERY_WORDS);
  return {
    words: typed.map((word) => {
      const expansions = ABBREVIATIONS[word.toLowerCase()];
      // Inside a name an abbreviation stands for its expansions: no name has a word "S" of its own.
      return expansions ? { typed: word, forms: [word, ...expansions], prefixes: shortestForms(expansions) } : { typed: word, forms: [word], prefixes: [word] };
    }),
  };
}

/** The search as typed, its words joined by single spaces. */
export const typedText = (query: ComuneQuery): string => query.words.map((word) => word.typed).join(' ');
