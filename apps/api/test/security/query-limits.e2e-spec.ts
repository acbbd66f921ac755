import { ConfigService } from '@nestjs/config';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { TerritoryService } from '@vec/core';
import {
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  GraphQLObjectType,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Lexer,
  OperationDefinitionNode,
  Source,
  specifiedRules,
  TokenKind,
  validate,
} from 'graphql';
import { queryLimits } from '../../src/graphql/graphql.options';
import { operationCost, queryLimitRules } from '../../src/graphql/query-limits';
import { sampleVariables } from '../testing/schema-values';
import { startTestApp, TestApp } from '../testing/test-app';
import { webOperations } from '../testing/web-operations';

// The documents here are raw on purpose: bombs and near-limit walks built to size, which no typed
// document of apps/api/test/graphql should ever be, posted as bodies of their own.

/** `{ regions { provinces { region { provinces { … { code } } } } } }`, `depth` fields deep (the leaf included). */
function regionBomb(depth: number): string {
  let selection = 'code';
  for (let level = depth - 2; level >= 1; level -= 1) selection = `code ${level % 2 === 1 ? 'provinces' : 'region'} { ${selection} }`;
  return `{ regions { ${selection} } }`;
}

/** Nesting depth as the limit counts it: one per level of fields, the leaves included. */
const depthOf = (query: string): number => (query.match(/{/g) ?? []).length;

function tokenCount(body: string): number {
  const lexer = new Lexer(new Source(body));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

describe('Operation limits before execution', () => {
  let api: TestApp;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    api = await startTestApp();
    schema = api.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => api.close());

  const refusal = (body: { errors?: { extensions: Record<string, unknown> }[]; data?: unknown }) => body.errors?.[0]?.extensions;

  it('refuses the depth-13 walk through regions and provinces before any resolver, with the memory unchanged', async () => {
    const territory = api.app.get(TerritoryService);
    const provinces = jest.spyOn(territory, 'listProvinces');
    const query = regionBomb(13);
    expect(depthOf(query)).toBe(13);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const response = await api.http().post('/graphql').send({ query });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(refusal(response.body)).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 10, found: 13 });
    expect(response.body.errors[0].message).toBe('The operation is too complex: its nesting depth is 13, over the limit of 10');
    expect(provinces).not.toHaveBeenCalled();
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * 1024 * 1024);
    // It used to take seconds and gigabytes; a refusal is a parse and a walk of the document.
    expect(elapsed).toBeLessThan(1000);
    provinces.mockRestore();
  });

  it('refuses a walk within the depth limit whose answer would be too large, by its cost', async () => {
    const territory = api.app.get(TerritoryService);
    const provinces = jest.spyOn(territory, 'listProvinces');
    const query = regionBomb(9);
    expect(depthOf(query)).toBe(9);
    const response = await api.http().post('/graphql').send({ query });
    expect(response.status).toBe(400);
    // 20 regions, then 12 provinces each, four times over: the answer could hold 20 × 12⁴ provinces.
    expect(refusal(response.body)).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 200_000 });
    expect(refusal(response.body)?.found).toBeGreaterThan(20 * 12 ** 4);
    expect(provinces).not.toHaveBeenCalled();
    provinces.mockRestore();
  });

  it('answers a shallow walk whose cost is within the budget', async () => {
    const response = await api.http().post('/graphql').send({ query: regionBomb(5) });
    expect(response.status).toBe(200);
    expect(response.body.data.regions).toHaveLength(20);
  });

  it('refuses an alias bomb: 1,000 aliases are over the token limit already, 200 over the alias limit', async () => {
    const bomb = (count: number): string => `{ ${Array.from({ length: count }, (_, i) => `a${i}: serviceCategories { code }`).join(' ')} }`;
    const thousand = await api.http().post('/graphql').send({ query: bomb(1000) });
    expect(thousand.status).toBe(400);
    expect(refusal(thousand.body)).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens' });
    const twoHundred = await api.http().post('/graphql').send({ query: bomb(200) });
    expect(twoHundred.status).toBe(400);
    expect(refusal(twoHundred.body)).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 30, found: 200 });
  });

  it('refuses aliases of __typename too', async () => {
    const query = `{ ${Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    const response = await api.http().post('/graphql').send({ query });
    expect(refusal(response.body)).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', found: 31 });
  });

  it('refuses a document over the token limit, saying how long it is', async () => {
    const query = `{ regions { ${Array.from({ length: 2600 }, () => 'code').join(' ')} } }`;
    const response = await api.http().post('/graphql').send({ query });
    expect(response.status).toBe(400);
    expect(refusal(response.body)).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 2500, found: tokenCount(query) });
  });

  it('refuses a directive bomb', async () => {
    const query = `{ regions { code ${Array.from({ length: 40 }, () => '@include(if: true)').join(' ')} } }`;
    const response = await api.http().post('/graphql').send({ query });
    expect(refusal(response.body)).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'directives', max: 20, found: 40 });
  });

  it('refuses a cyclic introspection query', async () => {
    const query = '{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }';
    const response = await api.http().post('/graphql').send({ query });
    expect(response.status).toBe(400);
    expect(refusal(response.body)?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('lets every operation of the web app, at its largest page, and the standard introspection query through', () => {
    const limits = queryLimits(api.app.get(ConfigService));
    const rules = [...specifiedRules, ...queryLimitRules(limits)];
    const operations = webOperations();
    expect(operations.length).toBeGreaterThan(50);
    const measured = operations.map(({ name, document, source }) => {
      const operation = document.definitions[0] as OperationDefinitionNode;
      return {
        name,
        errors: validate(schema, document, rules).map((error) => error.message),
        withinCost: operationCost(schema, document, sampleVariables(schema, operation)) <= limits.cost,
        withinTokens: tokenCount(source) <= limits.tokens,
      };
    });
    expect(measured.filter((m) => m.errors.length > 0 || !m.withinCost || !m.withinTokens)).toEqual([]);
  });

  it('answers the standard introspection query outside production', async () => {
    const response = await api.http().post('/graphql').send({ query: getIntrospectionQuery() });
    expect(response.status).toBe(200);
    expect(response.body.data.__schema.queryType.name).toBe('Query');
  });

  it('prices every list of objects in the schema by a page argument or a declared size', () => {
    const undeclared = Object.values(schema.getTypeMap())
      .filter((type) => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'))
      .flatMap((type) => Object.values((type as GraphQLObjectType).getFields()).map((field) => ({ type: type.name, field })))
      .filter(({ field }) => isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type)))
      .filter(({ field }) => !field.args.some((arg) => arg.name === 'first') && typeof field.extensions?.listSize !== 'number')
      .map(({ type, field }) => `${type}.${field.name}`);
    expect(undeclared).toEqual([]);
  });
});

describe('Operation limits in production and when tuned', () => {
  let production: TestApp;
  let tuned: TestApp;
  beforeAll(async () => {
    production = await startTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: 'Vq3s9Kp2xZ7mW4tB8nR1cF6hJ0yL5dG-aE_uO2iT9rS3wQ7', SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'noreply@vicini.example', APP_URL: 'https://vicini.example' } });
    tuned = await startTestApp({ env: { GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COST: '100' } });
  });
  afterAll(async () => {
    await production.close();
    await tuned.close();
  });

  it('keeps the schema to itself in production: no introspection, no "Did you mean"', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Query") { name } }']) {
      const introspection = await production.http().post('/graphql').send({ query });
      // The refusal names the platform's setting, not an option of the GraphQL server's constructor.
      expect(introspection.body.errors).toEqual([
        expect.objectContaining({
          message: 'Schema introspection is turned off on this server (in production it is off unless the server sets GRAPHQL_INTROSPECTION=true)',
          extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'INTROSPECTION_DISABLED', messageIt: expect.stringContaining('GRAPHQL_INTROSPECTION=true') }),
        }),
      ]);
    }
    // __typename is not introspection: clients ask for it in every selection.
    expect((await production.http().post('/graphql').send({ query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
    const typo = await production.http().post('/graphql').send({ query: '{ region { cod } }' });
    expect(typo.body.errors.map((e: { message: string }) => e.message).join(' ')).not.toContain('Did you mean');
  });

  it('applies the configured limits', async () => {
    const deep = await tuned.http().post('/graphql').send({ query: '{ regions { provinces { region { code } } } }' });
    expect(deep.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 3, found: 4 });
    const costly = await tuned.http().post('/graphql').send({ query: '{ comuni(search: "a", first: 100) { code name } }' });
    expect(costly.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 100, found: 201 });
  });

  it('prices the same document again for each page size it is sent with, and for each operation in it', async () => {
    // A price within budget is remembered per document and variables: the same text with a larger page is priced anew.
    const query = 'query Small($first: Int!) { comuni(search: "a", first: $first) { code name } } query Large { comuni(search: "a", first: 100) { code name } }';
    const send = (operationName: string, variables: Record<string, unknown>) => tuned.http().post('/graphql').send({ query, operationName, variables });
    for (let round = 0; round < 2; round += 1) {
      expect((await send('Small', { first: 10 })).body.errors).toBeUndefined();
      expect((await send('Small', { first: 60 })).body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 100, found: 121 });
      expect((await send('Large', { first: 10 })).body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 100, found: 201 });
    }
  });
});
