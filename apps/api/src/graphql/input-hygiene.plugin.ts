import type { ApolloServerPlugin } from '@apollo/server';
import { inputHygieneErrors, MOST_FIELD_ERRORS, userInputError } from '@vec/core';
import { getArgumentValues, getVariableValues, GraphQLError, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type FieldNode, type GraphQLField, type GraphQLSchema } from 'graphql';
import { variableFieldErrors } from './variable-errors';

/** How graphql-js words the error it adds when it stops at `maxErrors`. */
const TOO_MANY_ERRORS = 'Too many errors processing variables';

/** A field of the document that is given arguments, with its definition. */
interface ArgumentSite {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/** Every field of a document given arguments, found once per document (the same object for the same text). */
function argumentSites(schema: GraphQLSchema, document: DocumentNode): ArgumentSite[] {
  const typeInfo = new TypeInfo(schema);
  const sites: ArgumentSite[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD](node) {
        const field = typeInfo.getFieldDef();
        if (field && node.arguments?.length) sites.push({ field, node });
      },
    }),
  );
  return sites;
}

/**
 * Checks every argument of every field an operation selects — literals and variables alike, for
 * every resolver, guards included — before anything runs: variables of the declared types (a
 * value that does not fit is named by the argument it feeds: variable-errors.ts), no NUL
 * character, no lone surrogate, no text against the rules every text meets, no date outside the
 * platform's years. Refusals are BAD_USER_INPUT naming each field.
 */
export function inputHygienePlugin(): ApolloServerPlugin {
  const sitesOf = new WeakMap<DocumentNode, { schema: GraphQLSchema; sites: ArgumentSite[] }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          let known = sitesOf.get(document);
          if (!known || known.schema !== schema) sitesOf.set(document, (known = { schema, sites: argumentSites(schema, document) }));
          if (known.sites.length === 0) return;
          // graphql-js stops at the limit and adds an error of its own, naming no field: left out, and said.
          const { coerced, errors = [] } = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: MOST_FIELD_ERRORS });
          const valueErrors = errors.filter((error) => !error.message.startsWith(TOO_MANY_ERRORS));
          // Variables that do not fit their types are named like any other bad input, by the argument they feed.
          const problems = coerced ? known.sites.flatMap(({ field, node }) => inputHygieneErrors(getArgumentValues(field, node, coerced), '')) : variableFieldErrors(schema, document, valueErrors);
          if (problems.length === 0) return;
          const refusal = userInputError(problems, valueErrors.length < errors.length);
          // Refused before execution, like a document that fails validation: 400.
          throw new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}
