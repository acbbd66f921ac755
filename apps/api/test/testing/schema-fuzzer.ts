// A schema-driven fuzzer: for every query and mutation of the introspected schema it builds
// operations whose arguments are typed random values — boundary strings, NUL and lone surrogates,
// invisible, bidi-overridden and multi-line text,
// huge and negative numbers, dates at the edges of time, empty and oversized lists — drawn with
// fast-check from a seed, so that any failure can be replayed.
import fc from 'fast-check';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  isUnionType,
} from 'graphql';

export interface FuzzCase {
  operation: 'query' | 'mutation';
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

const BOUNDARY_STRINGS = [
  '',
  ' ',
  'a',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff x',
  '\u200b\u200b\u200b',
  '\u0301\u0301\u0301\u0301',
  'Bottega \u202eevil',
  'Bottega\nRiga2',
  '😀👩‍👩‍👧',
  'x'.repeat(5000),
  "'; DROP TABLE shop; --",
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil.example")',
  '../../etc/passwd',
  '%_\\',
  '001001',
  '-1',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  'Agliè',
  'IT01234567897',
];

const BOUNDARY_INTS = [0, 1, -1, 2, 20, 100, 101, 1000, 1_000_000, 2_147_483_647, -2_147_483_648];
const BOUNDARY_FLOATS = [0, -0, 1.5, -181, 181, 91, -91, 45.07, 7.68, 1e308, -1e308, 5e-324];
const BOUNDARY_DATES = [
  '1970-01-01T00:00:00.000Z',
  '1899-12-31T23:59:59.999Z',
  '2199-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2026-02-30T00:00:00.000Z',
  'domani',
  '',
];

function scalar(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'Int':
      return fc.oneof(fc.constantFrom(...BOUNDARY_INTS), fc.integer());
    case 'Float':
      return fc.oneof(fc.constantFrom(...BOUNDARY_FLOATS), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return fc.oneof(fc.uuid(), fc.constantFrom('', 'not-an-id', '\u0000', '00000000-0000-0000-0000-000000000000'));
    case 'DateTime':
      return fc.oneof(fc.constantFrom(...BOUNDARY_DATES), fc.date({ noInvalidDate: true }).map((date) => date.toISOString()));
    case 'JSONObject':
      return fc.object({ maxDepth: 2 });
    default:
      return fc.oneof(fc.constantFrom(...BOUNDARY_STRINGS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
  }
}

/** A value of an input type: nulls where allowed, lists empty, short or oversized. */
function valueOf(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, depth);
  const inner = valueOfNullable(type, depth);
  return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 6, arbitrary: inner });
}

function valueOfNullable(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const item = valueOf(type.ofType, depth + 1);
    const oversized = depth === 0 ? [{ weight: 1, arbitrary: fc.array(item, { minLength: 600, maxLength: 600 }) }] : [];
    return fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 6, arbitrary: fc.array(item, { maxLength: 4 }) }, ...oversized);
  }
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(fields.map((field) => [field.name, valueOf(field.type, depth + 1)]));
    const requiredKeys = fields.filter((field) => isNonNullType(field.type) && field.defaultValue === undefined).map((field) => field.name);
    return fc.record(shape, { requiredKeys });
  }
  return scalar(type.name);
}

/** What to select of a result: its scalars, and one level of the objects inside (with no required arguments). */
function selection(type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type)) {
    return `{ __typename ${type
      .getTypes()
      .map((member) => `... on ${member.name} ${selection(member, depth)}`)
      .join(' ')} }`;
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some(isRequiredArgument)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0) parts.push(`${field.name} ${selection(named, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

function caseArbitrary(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): fc.Arbitrary<FuzzCase> {
  const args = field.args;
  const definitions = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const query = `${operation} Fuzz${definitions ? `(${definitions})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selection(getNamedType(field.type), 1)} }`;
  const variables = fc.record(
    Object.fromEntries(args.map((arg) => [arg.name, valueOf(arg.type, 0)])),
    { requiredKeys: args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined).map((arg) => arg.name) },
  );
  return variables.map((values) => ({ operation, field: field.name, query, variables: values as Record<string, unknown> }));
}

/** `casesPerField` cases for every query and mutation, drawn from `seed`. */
export function fuzzCases(schema: GraphQLSchema, casesPerField: number, seed: number): FuzzCase[] {
  const fields = [
    ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ['query', field] as const),
    ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ['mutation', field] as const),
  ];
  return fields.flatMap(([operation, field], index) => fc.sample(caseArbitrary(operation, field), { seed: seed + index, numRuns: casesPerField }));
}
