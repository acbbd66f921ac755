import { fieldError, MESSAGES, type FieldError, type VariableProblem } from '@vec/core';
import { GraphQLEnumType, Kind, visit, type DocumentNode, type GraphQLError, type GraphQLSchema, type ValueNode } from 'graphql';

/**
 * Where each variable of a document is used, as the argument path the other input errors name
 * (`input.capacity`, `first`, `ids.0`): the first use of each.
 */
export function variableSites(document: DocumentNode): Map<string, string> {
  const sites = new Map<string, string>();
  const walk = (value: ValueNode, path: string): void => {
    if (value.kind === Kind.VARIABLE) {
      if (!sites.has(value.name.value)) sites.set(value.name.value, path);
    } else if (value.kind === Kind.OBJECT) {
      for (const field of value.fields) walk(field.value, `${path}.${field.name.value}`);
    } else if (value.kind === Kind.LIST) {
      value.values.forEach((item, index) => walk(item, `${path}.${index}`));
    }
  };
  visit(document, {
    [Kind.ARGUMENT](argument) {
      walk(argument.value, argument.name.value);
    },
  });
  return sites;
}

// graphql-js words these errors (coerceVariableValues, coerceInputValue and the built-in scalars);
// its messages are the only place the path inside a variable is given.
const INVALID_VALUE = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value /;
const AT_PATH = / at "([_A-Za-z][_0-9A-Za-z]*)((?:\.[_A-Za-z][_0-9A-Za-z]*|\[\d+\])*)"$/;
const MISSING_VARIABLE = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" of (?:required|non-null) type "([^"]+)" (?:was not provided|must not be null)\.$/;
const MISSING_FIELD = /^Field "([_A-Za-z][_0-9A-Za-z]*)" of required type "[^"]+" was not provided\.$/;
const UNKNOWN_FIELD = /^Field "([_A-Za-z][_0-9A-Za-z]*)" is not defined by type "([_A-Za-z][_0-9A-Za-z]*)"\./;
const NOT_OBJECT = /^Expected type "([_A-Za-z][_0-9A-Za-z]*)" to be an object\.$/;
const ENUM = /^(?:Value "[^]*" does not exist in|Enum) "([_A-Za-z][_0-9A-Za-z]*)"/;
const SCALAR: ReadonlyArray<[RegExp, VariableProblem]> = [
  [/^Int cannot represent non 32-bit/, 'intRange'],
  [/^Int cannot represent/, 'isInt'],
  [/^Float cannot represent/, 'isNumber'],
  [/^String cannot represent/, 'isString'],
  [/^Boolean cannot represent/, 'isBoolean'],
  [/^ID cannot represent/, 'isId'],
];
const NAMED_TYPE = /^Expected type "([_A-Za-z][_0-9A-Za-z]*)"/;
/** No list of allowed values longer than this in a message. */
const MOST_VALUES = 20;

/**
 * The variables' values that do not fit their declared types, as the per-field errors every other
 * bad input gets: the argument each variable feeds, the path inside it, and why, in English and
 * Italian. `errors` are graphql-js's from getVariableValues.
 */
export function variableFieldErrors(schema: GraphQLSchema, document: DocumentNode, errors: readonly GraphQLError[]): FieldError[] {
  const sites = variableSites(document);
  const fieldOf = (variable: string, inner = ''): string => `${sites.get(variable) ?? `$${variable}`}${inner}`;
  return errors.map((error) => {
    const missing = MISSING_VARIABLE.exec(error.message);
    if (missing) return problem(fieldOf(missing[1]), 'isDefined', missing[2]);
    const invalid = INVALID_VALUE.exec(error.message);
    const reason = error.originalError?.message ?? '';
    if (!invalid || !reason) return problem(invalid ? fieldOf(invalid[1]) : 'variables', 'type', 'input');
    // What comes before the reason: `… got invalid value <value> at "<variable><path>"`.
    const head = error.message.slice(0, error.message.length - reason.length - 2);
    const at = AT_PATH.exec(head);
    const inner = at && at[1] === invalid[1] ? at[2].replace(/\[(\d+)\]/g, '.$1') : '';
    const field = fieldOf(invalid[1], inner);
    return reasonError(schema, field, reason);
  });
}

function reasonError(schema: GraphQLSchema, field: string, reason: string): FieldError {
  const missingField = MISSING_FIELD.exec(reason);
  if (missingField) return problem(`${field}.${missingField[1]}`, 'isDefined', missingField[1]);
  const unknownField = UNKNOWN_FIELD.exec(reason);
  if (unknownField) return problem(`${field}.${unknownField[1]}`, 'unknownField', unknownField[2]);
  const notObject = NOT_OBJECT.exec(reason);
  if (notObject) return problem(field, 'isObject', notObject[1]);
  const enumName = ENUM.exec(reason)?.[1];
  const enumType = enumName ? schema.getType(enumName) : undefined;
  if (enumType instanceof GraphQLEnumType) {
    const values = enumType.getValues().map((value) => value.name);
    const shown = values.length > MOST_VALUES ? [...values.slice(0, MOST_VALUES), '…'] : values;
    return fieldError(field, 'isEnum', MESSAGES.input.variableEnum(field, shown));
  }
  const scalar = SCALAR.find(([pattern]) => pattern.test(reason));
  if (scalar) return problem(field, scalar[1], '');
  const type = NAMED_TYPE.exec(reason)?.[1] ?? /^([_A-Za-z][_0-9A-Za-z]*) cannot represent/.exec(reason)?.[1] ?? 'value';
  return problem(field, type === 'DateTime' ? 'isDateTime' : 'type', type);
}

const problem = (field: string, code: VariableProblem, type: string): FieldError => fieldError(field, code, MESSAGES.input.variableType(field, code, type));
