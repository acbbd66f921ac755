/** The words of a search, as people type them: split on any run of spaces. */
export const searchWords = (search: string | undefined): string[] => search?.split(/\s+/).filter((word) => word.length > 0) ?? [];

/**
 * SQL that is true when every word (bound as `:<prefix><i>`) is in `text`, folded as comuni are
 * (case, accents, punctuation), with `%` and `_` taken literally.
 */
export function everyWordIn(text: string, words: readonly string[], prefix: string): { sql: string; params: Record<string, string> } {
  const sql = words.map((_, i) => `comune_search_fold(${text}) LIKE '%' || comune_search_like(:${prefix}${i}) || '%'`).join(' AND ');
  return { sql: `(${sql})`, params: Object.fromEntries(words.map((word, i) => [`${prefix}${i}`, word])) };
}
