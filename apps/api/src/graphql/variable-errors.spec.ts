import { buildSchema, getVariableValues, parse, type OperationDefinitionNode } from 'graphql';
import { variableFieldErrors, variableSites } from './variable-errors';

const schema = buildSchema(`
  scalar DateTime
  enum Category { ONLINE_STORE HOME_DELIVERY }
  input Radius { km: Int! latitude: Float longitude: Float }
  input Coverage { national: Boolean regionCodes: [String!] radii: [Radius!] }
  input CreateOfferInput { title: String! capacity: Int! categories: [Category!]! coverage: Coverage validFrom: DateTime }
  type Offer { id: ID! }
  type Query { offers(first: Int, ids: [ID!]): [Offer!]! }
  type Mutation { createOffer(input: CreateOfferInput!): Offer! }
`);

/** The per-field errors for these variables of this document, as field:code and the English message. */
function refused(source: string, variables: Record<string, unknown>): string[] {
  const document = parse(source);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return variableFieldErrors(schema, document, errors ?? []).map((error) => `${error.field}:${error.code}: ${error.message}`);
}

const CREATE = 'mutation($i: CreateOfferInput!) { createOffer(input: $i) { id } }';
const valid = { title: 'Vetrina', capacity: 3, categories: ['ONLINE_STORE'] };

describe('variable values that do not fit their declared types', () => {
  it('are named by the argument they feed and the path inside it, with the reason', () => {
    expect(refused(CREATE, { i: { ...valid, capacity: 1.5 } })).toEqual(['input.capacity:isInt: input.capacity must be a whole number']);
    expect(refused(CREATE, { i: { ...valid, capacity: 2 ** 40 } })).toEqual(['input.capacity:intRange: input.capacity is a number far too large (or too small) for this field']);
    expect(refused(CREATE, { i: { ...valid, title: 12 } })).toEqual(['input.title:isString: input.title must be text']);
    expect(refused(CREATE, { i: { ...valid, categories: ['ONLINE_STORE', 'PIZZA'] } })).toEqual(['input.categories.1:isEnum: input.categories.1 must be one of ONLINE_STORE, HOME_DELIVERY']);
    expect(refused(CREATE, { i: { ...valid, coverage: { radii: [{ km: 5 }, { km: 'dieci' }] } } })).toEqual(['input.coverage.radii.1.km:isInt: input.coverage.radii.1.km must be a whole number']);
    expect(refused(CREATE, { i: { ...valid, coverage: { national: 'yes' } } })).toEqual(['input.coverage.national:isBoolean: input.coverage.national must be true or false']);
    expect(refused(CREATE, { i: { ...valid, coverage: 'Italia' } })).toEqual(['input.coverage:isObject: input.coverage must be an object with the fields of Coverage']);
  });

  it('names a missing or unknown field inside an object, and a missing variable by its argument', () => {
    const { title: _title, ...untitled } = valid;
    expect(refused(CREATE, { i: untitled })).toEqual(['input.title:isDefined: input.title is required']);
    expect(refused(CREATE, { i: { ...valid, colour: 'red' } })).toEqual(['input.colour:unknownField: input.colour is not a field of CreateOfferInput']);
    expect(refused(CREATE, {})).toEqual(['input:isDefined: input is required']);
    expect(refused(CREATE, { i: null })).toEqual(['input:isDefined: input is required']);
  });

  it('reports every variable at fault, in lists too', () => {
    expect(refused('query($f: Int, $ids: [ID!]) { offers(first: $f, ids: $ids) { id } }', { f: 'venti', ids: ['a', true] })).toEqual([
      'first:isInt: first must be a whole number',
      'ids.1:isId: ids.1 must be an identifier (text)',
    ]);
  });

  it('finds variables inside literal objects and lists', () => {
    const sites = variableSites(parse('mutation($t: String!, $c: Int!, $k: Category!) { createOffer(input: { title: $t, capacity: $c, categories: [ONLINE_STORE, $k] }) { id } }'));
    expect(Object.fromEntries(sites)).toEqual({ t: 'input.title', c: 'input.capacity', k: 'input.categories.1' });
  });

  it('gives Italian words beside the English ones', () => {
    const document = parse(CREATE);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], { i: { ...valid, capacity: 'tre' } });
    expect(variableFieldErrors(schema, document, errors ?? [])[0].messageIt).toBe('input.capacity deve essere un numero intero');
  });
});
