import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from './testing/test-app';

const SCHEMA_FILE = join(__dirname, '..', 'schema.gql');

describe('GraphQL schema', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('matches the committed apps/api/schema.gql (regenerate with `npm run schema:generate`)', () => {
    const { schema } = api.app.get(GraphQLSchemaHost);
    const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;
    if (process.env.WRITE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, printed);
    expect(printed).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
