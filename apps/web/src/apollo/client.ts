import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { from, switchMap, throwError } from 'rxjs';
import { GRAPHQL_PATH, refreshSession } from '../auth/refresh';
import { sessionStore } from '../auth/session-store';
import introspection from '../gql/possible-types';

/** Operations that never carry or renew a session. */
const SESSION_OPERATIONS = new Set(['Login', 'Register', 'RefreshSession', 'Logout']);

const authLink = new SetContextLink((previous) => {
  const token = sessionStore.getState().accessToken;
  return token ? { headers: { ...previous.headers, authorization: `Bearer ${token}` } } : {};
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

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([refreshLink, authLink, new HttpLink({ uri: GRAPHQL_PATH })]),
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
