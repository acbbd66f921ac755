import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext, MetricsService } from '@vec/core';

/** Times every GraphQL operation by name and kind, and counts the errors of its answer by code. */
export function graphqlMetricsPlugin(metrics: MetricsService): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.graphqlDuration.observe({ operation: metrics.operationLabel(operationName ?? operation?.name?.value), kind: operation?.operation ?? 'unknown' }, seconds);
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            metrics.graphqlErrors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
          }
        },
      };
    },
  };
}
