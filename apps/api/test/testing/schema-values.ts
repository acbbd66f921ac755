import {
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  OperationDefinitionNode,
  typeFromAST,
} from 'graphql';

/** The largest page the API serves: the worst case for an operation's cost. */
const PAGE = 100;

/**
 * A valid value of an input type, with `first` at its largest: what an operation costs at worst.
 * Required fields are filled in, optional ones left out.
 */
export function sampleValue(type: GraphQLInputType, name = ''): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, name);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]?.name; // as a request spells it (EN, not the server's "en")
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(required.map((field) => [field.name, sampleValue(field.type, field.name)]));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return name === 'first' ? PAGE : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'ID':
        return '00000000-0000-4000-8000-000000000000';
      case 'DateTime':
        return '2026-01-01T00:00:00.000Z';
      case 'JSONObject':
        return {};
      default:
        return 'x';
    }
  }
  return null;
}

/** Sample variables for an operation. */
export function sampleVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((definition) => {
      const type = typeFromAST(schema, definition.type) as GraphQLInputType;
      return [definition.variable.name.value, sampleValue(type, definition.variable.name.value)];
    }),
  );
}
