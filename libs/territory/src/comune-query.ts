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
/** Bounds the combinations of expanded abbreviations tried as whole phrases. */
export const MAX_QUERY_PHRASES = 32;

export interface ComuneQuery {
  /** Each word typed, with what it may stand for; a name word must begin with one of them. */
  words: string[][];
  /** The words joined back, once per combination of expansions, to compare with whole names. */
  phrases: string[];
}

export function parseComuneQuery(search: string): ComuneQuery {
  const typed = search.split(SEPARATORS).filter((word) => word !== '').slice(0, MAX_QUERY_WORDS);
  const expansions = typed.map((word) => [word, ...(ABBREVIATIONS[word.toLowerCase()] ?? [])]);
  let phrases = [''];
  for (const options of expansions) {
    phrases = phrases.flatMap((phrase) => options.map((option) => (phrase ? `${phrase} ${option}` : option))).slice(0, MAX_QUERY_PHRASES);
  }
  return {
    // "s" already begins "san" and "santa": a word needs only the options no other option begins.
    words: expansions.map((options) => options.filter((option) => !options.some((other) => other !== option && option.toLowerCase().startsWith(other.toLowerCase())))),
    phrases: typed.length ? phrases : [],
  };
}
