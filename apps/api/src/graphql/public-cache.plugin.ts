import type { ApolloServerPlugin } from '@apollo/server';
import { publicCacheSeconds, type GraphQLContext } from '@vec/core';
import { Kind } from 'graphql';

/**
 * Cache-Control for GraphQL answers. A query asked by GET without credentials whose every root
 * field is public (@PublicCache) and that answered without errors may be kept by browsers and
 * CDNs for the shortest of its fields' times; every other answer is `no-store`.
 */
export const publicCachePlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ request }) {
    return {
      async willSendResponse({ response, operation, schema, contextValue }) {
        const get = request.http?.method === 'GET';
        const anonymous = !contextValue.req.headers.authorization;
        const fields = operation?.operation === 'query' ? operation.selectionSet.selections : [];
        const roots = schema.getQueryType()?.getFields() ?? {};
        const seconds = fields.map((selection) => (selection.kind === Kind.FIELD ? publicCacheSeconds(roots[selection.name.value]) : undefined));
        const errors = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
        const cacheable = get && anonymous && !errors && seconds.length > 0 && seconds.every((s) => s !== undefined && s > 0);
        response.http.headers.set('cache-control', cacheable ? `public, max-age=${Math.min(...(seconds as number[]))}` : 'no-store');
      },
    };
  },
};
