import { ComuneQuery } from '@vec/territory';

/**
 * SQL for the comune search, over keys the database folds and keeps (see the ComuneSearch
 * migration): `search_names` holds every name of a comune as "| l aquila | laquila | aquila |",
 * `search_province` the same for its province and its sigla. Patterns are built in SQL from the
 * words as typed, so both sides are folded by the one function, comune_search_fold().
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

// Must read exactly as the expression of the index comune_search_places_trgm_idx.
const NAMES = 'c.search_names';
const PLACES = '(c.search_names || c.search_province)';

const or = (parts: string[]): string => `(${parts.join(' OR ')})`;
const and = (parts: string[]): string => `(${parts.join(' AND ')})`;

/** A name of the comune is the phrase (`end` ' |%') or begins with it (`end` '%'), spaced or run together. */
function nameMatches(phrases: string[], params: Params, end: string): string {
  return or(
    phrases.flatMap((phrase) => {
      const p = params.add(phrase);
      return [`${NAMES} LIKE '%| ' || comune_search_like(${p}) || '${end}'`, `${NAMES} LIKE '%| ' || replace(comune_search_like(${p}), ' ', '') || '${end}'`];
    }),
  );
}

/** Some word of `doc` begins with one of the word's options. */
const wordMatches = (doc: string, options: string[], params: Params): string =>
  or(options.map((option) => `${doc} LIKE '% ' || comune_search_like(${params.add(option)}) || '%'`));

/**
 * Candidates ranked: a name equal to the search, a name beginning with it, names holding every
 * word, then names and province holding them between them; the most populous first within each.
 */
function ranked(query: ComuneQuery, candidates: (params: Params) => string, options: Options): SearchStep {
  const params = new Params();
  const where = [candidates(params)];
  if (options.provinceCode !== undefined) where.push(`c.province_code = ${params.add(options.provinceCode)}`);
  const tier = `CASE WHEN ${nameMatches(query.phrases, params, " |%")} THEN 0
    WHEN ${nameMatches(query.phrases, params, '%')} THEN 1
    WHEN ${and(query.words.map((options) => wordMatches(NAMES, options, params)))} THEN 2
    ELSE 3 END`;
  const sql = `SELECT c.code FROM comune c WHERE ${and(where)}
    ORDER BY ${tier}, c.population DESC, c.code LIMIT ${params.add(options.first)}`;
  return { sql, params: params.values, typos: false };
}

/** Last resort for a misspelling: names most like the search (by their closest form), larger comuni a little first. */
function typos(query: ComuneQuery, options: Options): SearchStep {
  const params = new Params();
  const text = `comune_search_fold(${params.add(query.phrases[0])})`;
  const where = [`${text} <% ${NAMES}`];
  if (options.provinceCode !== undefined) where.push(`c.province_code = ${params.add(options.provinceCode)}`);
  const closest = `(SELECT max(similarity(${text}, form)) FROM unnest(string_to_array(btrim(${NAMES}, '| '), ' | ')) AS form)`;
  const sql = `SELECT c.code FROM comune c WHERE ${and(where)}
    ORDER BY ${closest} + ${TYPO_POPULATION_WEIGHT} * log(c.population + 1) DESC, c.population DESC, c.code LIMIT ${params.add(options.first)}`;
  return { sql, params: params.values, typos: true };
}

/**
 * The queries to try in order, stopping at the first that finds comuni. One word is first taken
 * as the beginning of a name (as the old search did), and only when no name begins so as the
 * beginning of a word inside one ("spezia"); several words may fall anywhere in the names or the
 * province ("reggio emilia", "san giovanni bergamo"). Misspellings are tried only when nothing
 * else matched, so a fuzzy guess never outranks a real match.
 */
export function comuneSearchSteps(query: ComuneQuery, options: Options): SearchStep[] {
  const steps: SearchStep[] = [];
  if (query.words.length === 1) {
    steps.push(ranked(query, (params) => nameMatches(query.phrases, params, '%'), options));
    steps.push(ranked(query, (params) => wordMatches(NAMES, query.words[0], params), options));
  } else {
    steps.push(
      ranked(
        query,
        (params) =>
          or([
            nameMatches(query.phrases, params, '%'),
            and([
              ...query.words.map((options) => wordMatches(PLACES, options, params)),
              or(query.words.map((options) => wordMatches(NAMES, options, params))),
            ]),
          ]),
        options,
      ),
    );
  }
  const letters = query.phrases[0]?.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (letters >= TYPO_MIN_LETTERS) steps.push(typos(query, options));
  return steps;
}
