import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { from, switchMap, throwError } from 'rxjs';
import { GRAPHQL_PATH, refreshSession } from '../auth/refresh';
import { actingForStore } from '../auth/acting-for';
import { sessionStore } from '../auth/session-store';
import introspection from '../gql/possible-types';

/** Operations that never carry or renew a session. */
const SESSION_OPERATIONS = new Set(['Login', 'Register', 'RefreshSession', 'Logout']);

const authLink = new SetContextLink((previous) => {
  const { accessToken: token, user } = sessionStore.getState();
  // A facilitator acting for a shop names it on every request: the API checks its delegation each time.
  const acting = user?.role === 'FACILITATOR' ? actingForStore.get() : null;
  return token
    ? { headers: { ...previous.headers, authorization: `Bearer ${token}`, ...(acting ? { 'x-on-behalf-of-shop': acting.shopId } : {}) } }
    : {};
});

/** On UNAUTHENTICATED (an expired access token) renew the session once and retry the operation. */
const refreshLink = new ErrorLink(({ error, operation, forward }) => {
  const unauthenticated = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (!unauthenticated || SESSION_OPERATIONS.has(operation.operationName ?? '') || operation.getContext().retried) return;
  if (!sessionStore.hasSession()) return;
  return from(refreshSession()).pipe(
    switchMap((renewed) => {
      if (!renewed) return throwError(() => error);
      operation.setContext({ retried: true });
      return forward(operation);
    }),
  );
});

/**
 * A facilitator acting for a shop that revoked its consent (or whose delegation ended) is told so
 * on the banner, rather than left with pages that fail to load: the API names the header.
 */
const actingLink = new ErrorLink(({ error }) => {
  const acting = actingForStore.get();
  if (!acting || !CombinedGraphQLErrors.is(error)) return;
  if (error.errors.some((e) => e.extensions?.reason === 'SHOP_NOT_FOUND' && e.extensions?.field === 'X-On-Behalf-Of-Shop')) actingForStore.markEnded(acting.shopId);
});

/** SHA-256 of a query, in hex, with the browser's own Web Crypto. */
async function sha256(query: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(query));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Queries go by GET with the hash of their text (automatic persisted queries: the full text only
 * once per API process), so public answers can be kept by the browser and a CDN; mutations go by
 * POST. GETs carry the header the API's CSRF protection asks of them.
 */
const persistedQueries = new PersistedQueryLink({ sha256, useGETForHashedQueries: true });
const csrfHeaderLink = new SetContextLink((previous) => ({ headers: { ...previous.headers, 'apollo-require-preflight': 'true' } }));

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([actingLink, refreshLink, authLink, csrfHeaderLink, persistedQueries, new HttpLink({ uri: GRAPHQL_PATH })]),
  cache: new InMemoryCache({
    // Which types implement BusinessError and belong to each result union: without them the cache
    // cannot match `... on BusinessError` and a refusal would reach the forms without its message.
    possibleTypes: introspection.possibleTypes,
    typePolicies: {
      Comune: { keyFields: ['code'] },
      Province: { keyFields: ['code'] },
      Region: { keyFields: ['code'] },
      ServiceCategoryInfo: { keyFields: ['code'] },
      TerritorySummary: { keyFields: [] },
    },
  }),
});
