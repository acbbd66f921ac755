import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { createScratchDatabase } from '@vec/core/testing/test-database';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../src/app.module';
import { configureHttp } from '../../src/http/configure-http';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions: Record<string, unknown> & { code: string } }[];
}

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The same, with `Authorization: Bearer <accessToken>`. */
  gqlAs<T = Record<string, unknown>>(accessToken: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
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
  const http = (): ReturnType<typeof request> => request(app.getHttpServer());
  return {
    app,
    http,
    async gql<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
      const response = await http().post('/graphql').set('content-type', 'application/json').send({ query, variables });
      return response.body as GraphQLResponse<T>;
    },
    async gqlAs<T>(accessToken: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
      const response = await http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${accessToken}`)
        .send({ query, variables });
      return response.body as GraphQLResponse<T>;
    },
    close: async () => {
      await app.close();
      await scratch?.drop();
    },
  };
}
