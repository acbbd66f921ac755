import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext, MetricsService } from '@vec/core';
import { Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/**
 * What an operation is counted under: the first field it asks of the schema's root (`offers`,
 * `applyToOffer`). Clients name operations as they like, so names would let anyone add labels
 * without end (the first 200 held the slots until a restart); the schema's fields are a fixed set.
 */
function rootField(schema: GraphQLSchema, operation: OperationDefinitionNode | undefined): string | undefined {
  if (!operation) return undefined;
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  const first = operation.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD && !selection.name.value.startsWith('__'));
  const name = first?.kind === Kind.FIELD ? first.name.value : undefined;
  return name && root?.getFields()[name] ? name : undefined;
}

/** Times every GraphQL operation by the root field it asks and its kind, and counts the errors of its answer by code. */
export function graphqlMetricsPlugin(metrics: MetricsService): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ schema, operation, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.graphqlDuration.observe({ operation: metrics.operationLabel(rootField(schema, operation)), kind: operation?.operation ?? 'unknown' }, seconds);
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            metrics.graphqlErrors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
          }
        },
      };
    },
  };
}
