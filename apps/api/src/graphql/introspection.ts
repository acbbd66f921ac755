import { MESSAGES } from '@vec/core';
import { getNamedType, GraphQLError, isIntrospectionType, type ValidationRule } from 'graphql';

/**
 * Refuses `__schema`, `__type` and anything else of the introspection types (not `__typename`),
 * as graphql-js's NoSchemaIntrospectionCustomRule does, once per field asked for and in the
 * platform's words: Apollo's own rule tells the caller to pass an option to its constructor, which
 * nobody running the platform can; this one names GRAPHQL_INTROSPECTION. Reported as Apollo
 * reports it (GRAPHQL_VALIDATION_FAILED, `validationErrorCode: INTROSPECTION_DISABLED`), with the
 * Italian text beside the English.
 */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    const type = getNamedType(context.getType());
    if (type && isIntrospectionType(type)) {
      const words = MESSAGES.request.introspectionDisabled();
      context.reportError(new GraphQLError(words.en, { nodes: [node], extensions: { validationErrorCode: 'INTROSPECTION_DISABLED', messageIt: words.it } }));
      // Not again for each field inside it.
      return false;
    }
    return undefined;
  },
});
