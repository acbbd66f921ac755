import { ComuneQuery, ComuneQueryWord, shortestForms, typedText } from '@vec/territory';

/**
 * SQL for the comune search, over keys the database folds and keeps (see the ComuneSearch
 * migration): `search_names` holds every name of a comune as "| l aquila | laquila | aquila |",
 * `search_province` the same for its province and its sigla. Patterns are built in SQL from the
 * words as typed, so both sides are folded by the one function, comune_search_fold(); the trigram
 * indexes serve both the LIKE patterns and the regular expressions.
 */

/** Similarity, 0–1, a misspelt search needs to reach a name (pg_trgm word similarity). */
export const TYPO_THRESHOLD = 0.4;
/** Fewer letters than this say too little to guess a misspelling from. */
const TYPO_MIN_LETTERS = 3;
/**
 * Among guesses, a tenfold population counts as much as 0.05 of similarity: "tornio" is more
 * often Torino than Torno, yet a much closer name still comes first.
 */
const TYPO_POPULATION_WEIGHT = 0.05;

export interface SearchStep {
  sql: string;
  params: unknown[];
  /** Runs with the lowered pg_trgm.word_similarity_threshold (TYPO_THRESHOLD). */
  typos: boolean;
}

interface Options {
  provinceCode?: string;
  first: number;
  /** What each step returns of a comune `c` (default: its code). */
  select?: string;
}

/** Positional parameters, each value bound once however often the SQL uses it. */
class Params {
  readonly values: unknown[] = [];
  private readonly placeholders = new Map<unknown, string>();

  add(value: string | number): string {
    let placeholder = this.placeholders.get(value);
    if (placeholder === undefined) {
      this.values.push(value);
      placeholder = `$${this.values.length}`;
      this.placeholders.set(value, placeholder);
    }
    return placeholder;
  }
}

const NAMES = 'c.search_names';
// Must read exactly as the expression of the index comune_search_places_trgm_idx.
const PLACES = '(c.search_names || c.search_province)';

const or = (parts: string[]): string => `(${parts.join(' OR ')})`;
const and = (parts: string[]): string => `(${parts.join(' AND ')})`;

/** A word folded and escaped for a regular expression (every character but letters and digits). */
const regexWord = (p: string): string => String.raw`regexp_replace(comune_search_fold(${p}), '([^[:alnum:]])', '\\\1', 'g')`;

/**
 * A name of the comune begins with the words in order (with `whole`, consists of them), spaced or run
 * together ("santagata" for Sant'Agata), each word in any of its forms ("S" as San, Sant'…): one
 * regular expression, "\| (s|san|sant|santa|santo) ?agata".
 */
function nameMatches(words: ComuneQueryWord[], params: Params, whole: boolean): string {
  const groups = words.map((word, i) => {
    // A name that begins "s" also begins "san", "sant"…: for the last word of a prefix, the shortest forms do.
    const forms = whole || i < words.length - 1 ? word.forms : shortestForms(word.forms);
    return `'(' || ${forms.map((form) => regexWord(params.add(form))).join(" || '|' || ")} || ')'`;
  });
  return String.raw`${NAMES} ~ ('\| ' || ${groups.join(" || ' ?' || ")}${whole ? String.raw` || ' \|'` : ''})`;
}

/** Some word of `doc` begins with one of the word's prefixes. */
const wordMatches = (doc: string, word: ComuneQueryWord, params: Params): string =>
  or(word.prefixes.map((prefix) => `${doc} LIKE '% ' || comune_search_like(${params.add(prefix)}) || '%'`));

/**
 * Candidates ranked: a name equal to the search, a name beginning with it, names holding every
 * word, then names and province holding them between them; the most populous first within each.
 */
function ranked(query: ComuneQuery, candidates: (params: Params) => string, options: Options): SearchStep {
  const params = new Params();
  const where = [candidates(params)];
  if (options.provinceCode !== undefined) where.push(`c.province_code = ${params.add(options.provinceCode)}`);
  const tier = `CASE WHEN ${nameMatches(query.words, params, true)} THEN 0
    WHEN ${nameMatches(query.words, params, false)} THEN 1
    WHEN ${and(query.words.map((word) => wordMatches(NAMES, word, params)))} THEN 2
    ELSE 3 END`;
  const sql = `SELECT ${options.select ?? 'c.code'} FROM comune c WHERE ${and(where)}
    ORDER BY ${tier}, c.population DESC, c.code LIMIT ${params.add(options.first)}`;
  return { sql, params: params.values, typos: false };
}

/** Last resort for a misspelling: names most like the search (by their closest form), larger comuni a little first. */
function typos(query: ComuneQuery, options: Options): SearchStep {
  const params = new Params();
  const text = `comune_search_fold(${params.add(typedText(query))})`;
  const where = [`${text} <% ${NAMES}`];
  if (options.provinceCode !== undefined) where.push(`c.province_code = ${params.add(options.provinceCode)}`);
  const closest = `(SELECT max(similarity(${text}, form)) FROM unnest(string_to_array(btrim(${NAMES}, '| '), ' | ')) AS form)`;
  const sql = `SELECT ${options.select ?? 'c.code'} FROM comune c WHERE ${and(where)}
    ORDER BY ${closest} + ${TYPO_POPULATION_WEIGHT} * log(c.population + 1) DESC, c.population DESC, c.code LIMIT ${params.add(options.first)}`;
  return { sql, params: params.values, typos: true };
}

/**
 * The queries to try in order, stopping at the first that finds comuni. One word is first taken
 * as the beginning of a name (as the old search did), and only when no name begins so as the
 * beginning of a word inside one ("spezia"); several words may fall anywhere in the names or the
 * province ("reggio emilia", "san giovanni bergamo"). Misspellings are tried only when nothing
 * else matched, so a fuzzy guess never outranks a real match. Each step is built only when the
 * one before it found nothing.
 */
export function* comuneSearchSteps(query: ComuneQuery, options: Options): Generator<SearchStep> {
  if (query.words.length === 1) {
    yield ranked(query, (params) => nameMatches(query.words, params, false), options);
    yield ranked(query, (params) => wordMatches(NAMES, query.words[0], params), options);
  } else {
    yield ranked(
      query,
      (params) =>
        or([
          nameMatches(query.words, params, false),
          and([
            ...query.words.map((word) => wordMatches(PLACES, word, params)),
            or(query.words.map((word) => wordMatches(NAMES, word, params))),
          ]),
        ]),
      options,
    );
  }
  const letters = typedText(query).match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (letters >= TYPO_MIN_LETTERS) yield typos(query, options);
}
