import type { ApolloServerPlugin } from '@apollo/server';
import { inputHygieneErrors, userInputError } from '@vec/core';
import { getArgumentValues, getVariableValues, GraphQLError, Kind, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

/**
 * Checks every argument of every field an operation selects — literals and variables alike, for
 * every resolver, guards included — before anything runs: no NUL character, no lone surrogate, no
 * date outside the platform's years. Refusals are BAD_USER_INPUT naming each field.
 */
export const inputHygienePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema, operation }) {
        const { coerced } = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {});
        // Variables that do not fit: execution refuses them as bad input, before any resolver.
        if (!coerced) return;
        const typeInfo = new TypeInfo(schema);
        const problems: ReturnType<typeof inputHygieneErrors> = [];
        visit(
          document,
          visitWithTypeInfo(typeInfo, {
            [Kind.FIELD](node) {
              const field = typeInfo.getFieldDef();
              if (!field || !node.arguments?.length) return;
              const values = getArgumentValues(field, node, coerced);
              problems.push(...inputHygieneErrors(values, ''));
            },
          }),
        );
        if (problems.length === 0) return;
        const refusal = userInputError(problems);
        // Refused before execution, like a document that fails validation: 400.
        throw new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, http: { status: 400 } } });
      },
    };
  },
};
