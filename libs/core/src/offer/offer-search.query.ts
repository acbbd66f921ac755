import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { everyWordIn } from '../common/text-search';

/**
 * Every word of the search in the offer's title or its provider's name (joined as `providerAlias`),
 * in any order, folded as comuni are (case, accents, punctuation) and with `%` and `_` taken
 * literally: "rossi vetrina" finds "Vetrina digitale" by "Rossi S.r.l.". One condition on the
 * same statement, so a page costs what it did without it.
 */
export function whereOfferMatchesSearch<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  offerAlias: string,
  providerAlias: string,
  words: readonly string[],
): SelectQueryBuilder<T> {
  if (words.length === 0) return query;
  const { sql, params } = everyWordIn(`${offerAlias}.title || ' ' || ${providerAlias}.name`, words, 'searchWord');
  return query.andWhere(sql, params);
}
