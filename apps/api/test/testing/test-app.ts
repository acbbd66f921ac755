import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { DocumentNode, print } from 'graphql';
import request from 'supertest';
import { createScratchDatabase } from '@vec/core/testing/test-database';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../src/app.module';
import { configureHttp } from '../../src/http/configure-http';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions: Record<string, unknown> & { code: string };
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

declare const invalid: unique symbol;
/** Variables that break the schema on purpose: see `invalidVariables`. */
export interface InvalidVariables {
  readonly [invalid]: true;
}

/**
 * Variables a test sends to see them refused — a value outside an enum, a missing required field, a
 * string where a boolean belongs — which the generated variable types rightly reject. Wrapping them
 * says so where it happens; every other call is checked against the schema.
 */
export const invalidVariables = (variables: Record<string, unknown>): InvalidVariables => variables as unknown as InvalidVariables;

/** A document's variables: optional when it declares none, or only optional ones. */
export type VariablesOf<V> = Record<string, never> extends V ? [variables?: V | InvalidVariables] : [variables: V | InvalidVariables];

/** A typed document as the API reads it, with its answer as the test reads it: status and headers included. */
export interface GraphQLHttpResponse<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: GraphQLResponse<T>;
}

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  /** Sends a typed document generated from apps/api/test/graphql (`npm run test:codegen`). */
  gql<R, V>(document: TypedDocumentNode<R, V>, ...variables: VariablesOf<V>): Promise<GraphQLResponse<R>>;
  /** The same, with `Authorization: Bearer <accessToken>`. */
  gqlAs<R, V>(accessToken: string, document: TypedDocumentNode<R, V>, ...variables: VariablesOf<V>): Promise<GraphQLResponse<R>>;
  /** A typed document with request headers of the test's choosing (a cookie, a client address), answered with status and headers. */
  gqlHttp<R, V>(document: TypedDocumentNode<R, V>, variables: V | InvalidVariables | undefined, headers?: Record<string, string>): Promise<GraphQLHttpResponse<R>>;
  /**
   * A document as written, for the few tests that send one the schema refuses on purpose (a field
   * that must not exist, a literal the typed documents cannot hold). Bombs, the fuzzer and the limit
   * tests post their own bodies through `http()`.
   */
  gqlRaw(query: string, options?: { variables?: Record<string, unknown>; accessToken?: string }): Promise<GraphQLResponse<Record<string, unknown>>>;
  close(): Promise<void>;
}

/** The text of a generated document, printed once. */
const printed = new WeakMap<DocumentNode, string>();
function textOf(document: DocumentNode): string {
  const known = printed.get(document);
  if (known !== undefined) return known;
  const text = print(document);
  printed.set(document, text);
  return text;
}

/** The GraphQL helpers over an initialised Nest application (the e2e tier's, or the browser tier's). */
export function testAppOver(app: INestApplication, close: () => Promise<void>): TestApp {
  const http = (): ReturnType<typeof request> => request(app.getHttpServer());
  const post = async (query: string, variables: unknown, headers: Record<string, string>): Promise<request.Response> =>
    http().post('/graphql').set('content-type', 'application/json').set(headers).send({ query, variables });
  const bearer = (accessToken: string | undefined): Record<string, string> => (accessToken ? { authorization: `Bearer ${accessToken}` } : {});
  return {
    app,
    http,
    async gql<R, V>(document: TypedDocumentNode<R, V>, ...[variables]: VariablesOf<V>): Promise<GraphQLResponse<R>> {
      return (await post(textOf(document), variables, {})).body as GraphQLResponse<R>;
    },
    async gqlAs<R, V>(accessToken: string, document: TypedDocumentNode<R, V>, ...[variables]: VariablesOf<V>): Promise<GraphQLResponse<R>> {
      return (await post(textOf(document), variables, bearer(accessToken))).body as GraphQLResponse<R>;
    },
    async gqlHttp<R, V>(document: TypedDocumentNode<R, V>, variables: V | InvalidVariables | undefined, headers: Record<string, string> = {}): Promise<GraphQLHttpResponse<R>> {
      const response = await post(textOf(document), variables, headers);
      return { status: response.status, headers: response.headers as Record<string, string | string[] | undefined>, body: response.body as GraphQLResponse<R> };
    },
    async gqlRaw(query: string, options: { variables?: Record<string, unknown>; accessToken?: string } = {}): Promise<GraphQLResponse<Record<string, unknown>>> {
      return (await post(query, options.variables, bearer(options.accessToken))).body as GraphQLResponse<Record<string, unknown>>;
    },
    close,
  };
}

/**
 * Boots the whole API on the test run's PostgreSQL (migrated by the global setup); with
 * `worker: true` it also consumes jobs, polling every half second; with `ownDatabase: true` it
 * runs on a fresh migrated copy of its own, dropped on close.
 */
export async function startTestApp(options: { worker?: boolean; ownDatabase?: boolean; databaseUrl?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run e2e tests through `npm run test:e2e`');
  const scratch = options.ownDatabase ? await createScratchDatabase({ migrated: true }) : undefined;
  const databaseUrl = options.databaseUrl ?? scratch?.url ?? process.env.DATABASE_URL;
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register({ databaseUrl, worker: options.worker ?? false, workerPollSeconds: 0.5, env: options.env })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error', 'warn'] });
  configureHttp(app);
  await app.init();
  return testAppOver(app, async () => {
    await app.close();
    await scratch?.drop();
  });
}

/** The data of an answer a test builds on (a setup step, not the thing under test): throws with the errors when there is none. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || response.data === undefined || response.data === null) {
    throw new Error(`expected data, got ${JSON.stringify(response.errors ?? response.data)}`);
  }
  return response.data;
}

/** One member of a result union, by its `__typename`: throws with the value when it is another, so a wrong member fails the test where it is read. */
export function member<T extends { __typename: string }, N extends T['__typename']>(value: T, typename: N): Extract<T, { __typename: N }> {
  if (value.__typename !== typename) throw new Error(`expected ${typename}, got ${JSON.stringify(value)}`);
  return value as Extract<T, { __typename: N }>;
}
