import { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { OfferResolver } from '@vec/core/offer/api/offer.resolver';
import { createScratchDatabase } from '@vec/core/testing/test-database';
import { WorkerAppModule } from './worker-app.module';

/** The worker boots the domain only: no resolver, no controller, no API module in its graph. */
describe('the worker module graph', () => {
  let app: INestApplicationContext;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;

  beforeAll(async () => {
    // A database of its own: a consuming worker on the shared one would take other suites' jobs and stop half-way through them.
    scratch = await createScratchDatabase({ migrated: true });
    app = await NestFactory.createApplicationContext(WorkerAppModule.register(scratch.url, 60), { logger: ['error'] });
  });
  afterAll(async () => {
    await app.close();
    await scratch.drop();
  });

  const isResolver = (type: unknown): boolean => typeof type === 'function' && Reflect.getMetadata(RESOLVER_TYPE_METADATA, type) !== undefined;

  it('recognises a resolver when it sees one', () => {
    expect(isResolver(OfferResolver)).toBe(true);
  });

  it('holds the domain services and job consumers but nothing of GraphQL or HTTP', () => {
    const modules = [...app.get(ModulesContainer).values()];
    const names = modules.map((module) => module.metatype.name);
    expect(names).toEqual(expect.arrayContaining(['CoreModule', 'WorkerModule', 'MatchModule', 'OfferModule']));
    expect(names.filter((name) => name.endsWith('ApiModule') || name === 'GraphQLModule')).toEqual([]);

    const classes = modules.flatMap((module) => [...module.providers.values(), ...module.controllers.values()]).map((wrapper) => wrapper.metatype);
    const resolvers = classes.filter(isResolver);
    expect(resolvers.map((type) => type?.name)).toEqual([]);
    expect(modules.flatMap((module) => [...module.controllers.keys()])).toEqual([]);
  });
});
