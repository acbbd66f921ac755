import { ApolloDriverConfig } from '@nestjs/apollo';
import { ConfigService } from '@nestjs/config';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { DateTimeScalar, Environment, errorReportingPlugin, LoggedRequest, MetricsService, formatGraphQLError, GraphQLContext, LoaderFactory, requestContextFromHttp } from '@vec/core';
import type { Request, Response } from 'express';
import { inputHygienePlugin } from './input-hygiene.plugin';
import { noIntrospectionRule } from './introspection';
import { graphqlMetricsPlugin } from './metrics.plugin';
import { publicCachePlugin } from './public-cache.plugin';
import { queryCostPlugin, QueryLimits, queryLimitRules } from './query-limits';

/** The operation limits from the environment (GRAPHQL_MAX_*). */
export function queryLimits(config: ConfigService<Environment, true>): QueryLimits {
  return {
    depth: config.get('GRAPHQL_MAX_DEPTH', { infer: true }),
    aliases: config.get('GRAPHQL_MAX_ALIASES', { infer: true }),
    directives: config.get('GRAPHQL_MAX_DIRECTIVES', { infer: true }),
    tokens: config.get('GRAPHQL_MAX_TOKENS', { infer: true }),
    cost: config.get('GRAPHQL_MAX_COST', { infer: true }),
    costPerMinute: config.get('GRAPHQL_COST_PER_MINUTE', { infer: true }),
  };
}

/** Whether the schema may be introspected: GRAPHQL_INTROSPECTION, by default only outside production. */
export function introspectionEnabled(config: ConfigService<Environment, true>): boolean {
  const setting = config.get('GRAPHQL_INTROSPECTION', { infer: true });
  return setting === 'auto' ? config.get('NODE_ENV', { infer: true }) !== 'production' : setting === 'true';
}

/** Names the GraphQL operation on the request, for its access line and metrics. */
const operationNamePlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operationName, operation }) {
        (contextValue.req as LoggedRequest).graphqlOperation = operationName ?? operation?.name?.value ?? `(anonymous ${operation?.operation ?? "operation"})`;
      },
    };
  },
};

/**
 * Apollo on Express, schema generated code-first (sorted, so that the committed file is stable).
 * Every operation meets the limits before any resolver runs: tokens while parsing, depth, aliases
 * and directives while validating, cost once its variables are known.
 */
export function graphqlOptions(loaders: LoaderFactory, config: ConfigService<Environment, true>, metrics: MetricsService): ApolloDriverConfig {
  const limits = queryLimits(config);
  const introspection = introspectionEnabled(config);
  return {
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    path: '/graphql',
    playground: false,
    // Apollo's own refusal would name its constructor option: the platform's rule names GRAPHQL_INTROSPECTION.
    introspection: true,
    // Without introspection, "Did you mean …?" would give the schema away field by field.
    hideSchemaDetailsFromClientErrors: !introspection,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: limits.tokens },
    validationRules: [...(introspection ? [] : [noIntrospectionRule]), ...queryLimitRules(limits)],
    formatError: formatGraphQLError,
    plugins: [ApolloServerPluginCacheControlDisabled(), publicCachePlugin, operationNamePlugin, graphqlMetricsPlugin(metrics), queryCostPlugin(limits.cost, limits.costPerMinute), inputHygienePlugin(), errorReportingPlugin],
    context: ({ req, res }: { req: Request; res: Response }): GraphQLContext => {
      const ctx = requestContextFromHttp(req);
      res.setHeader('x-request-id', ctx.requestId);
      return { req, res, ctx, loaders: loaders.create() };
    },
  };
}
