import { ApolloDriverConfig } from '@nestjs/apollo';
import { errorReportingPlugin, formatGraphQLError, GraphQLContext, LoaderFactory, RequestContext } from '@vec/core';
import type { Request, Response } from 'express';

/** Apollo on Express, schema generated code-first (sorted, so that the committed file is stable). */
export function graphqlOptions(loaders: LoaderFactory): ApolloDriverConfig {
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    plugins: [errorReportingPlugin],
    context: ({ req, res }: { req: Request; res: Response }): GraphQLContext => {
      const ctx = RequestContext.fromHttp(req);
      res.setHeader('x-request-id', ctx.requestId);
      return { req, ctx, loaders: loaders.create() };
    },
  };
}
