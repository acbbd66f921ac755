import { Extensions } from '@nestjs/graphql';
import { getNullableType, GraphQLError, GraphQLField, isListType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../common/pagination';
import { MESSAGES, type QueryLimit } from '../messages';

export type { QueryLimit };

/**
 * The query cost budget counts what an operation can make the server return: each field costs 1,
 * and a list multiplies what is selected inside it by how many items it can hold — its `first`
 * argument, or the largest size it can really have, declared on the field. A cyclic walk
 * (region → provinces → region → …) therefore costs what it would return, before anything runs.
 */
const LIST_SIZE = 'listSize';

/** The most items this list field can return (for the query cost budget). */
export const ListSize = (max: number): PropertyDecorator & MethodDecorator => Extensions({ [LIST_SIZE]: max });

/** A list bounded by its parent's `first` argument (a page's items): the parent already multiplies. */
export const SizedByParentPage = (): PropertyDecorator & MethodDecorator => ListSize(1);

/** Introspection answers are bounded by the schema; a full `__schema` costs as much as a large page. */
export const SCHEMA_INTROSPECTION_COST = 500;
const TYPE_INTROSPECTION_COST = 20;

/** The declared size of a list field, if any. */
export function declaredListSize(field: GraphQLField<unknown, unknown>): number | undefined {
  const declared = field.extensions?.[LIST_SIZE];
  return typeof declared === 'number' ? declared : undefined;
}

/** How many items a field multiplies its selection by. */
function multiplier(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (typeof args.first === 'number') return Math.max(args.first, 0);
  // Undeclared lists (a test keeps every object list declared) count as a full page.
  return declaredListSize(field) ?? (isListType(getNullableType(field.type)) ? MAX_PAGE_SIZE : 1);
}

export const queryCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name === '__typename') return 0;
  if (field.name === '__schema') return SCHEMA_INTROSPECTION_COST;
  if (field.name === '__type') return TYPE_INTROSPECTION_COST;
  // Inside introspection: priced by the entry point above, and kept shallow by graphql-js's own rule.
  if (type.name.startsWith('__')) return 0;
  return 1 + multiplier(field, args) * childComplexity;
};

/** The refusal of an operation over a limit: which limit, its value, and what was measured. */
export function queryTooComplex(limit: QueryLimit, max: number, found: number): GraphQLError {
  const words = MESSAGES.request.tooComplex(limit, max, found);
  return new GraphQLError(words.en, {
    extensions: {
      code: 'QUERY_TOO_COMPLEX',
      limit,
      max,
      found,
      messageIt: words.it,
      http: { status: 400 },
    },
  });
}
