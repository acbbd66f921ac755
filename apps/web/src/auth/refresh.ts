// Renews the session with the refresh token. One renewal at a time: refresh tokens are one-use and
// the API revokes the whole family when one is presented twice, so concurrent callers share it.
import { print } from 'graphql';
import { RefreshSessionDocument, type RefreshSessionMutation } from '../gql/generated';
import { sessionStore } from './session-store';

export const GRAPHQL_PATH = '/graphql';

let inFlight: Promise<boolean> | null = null;

async function renew(): Promise<boolean> {
  const refreshToken = sessionStore.refreshToken();
  if (!refreshToken) return false;
  // Plain fetch, outside the Apollo link chain, so a failing renewal never triggers another one.
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(RefreshSessionDocument), variables: { input: { refreshToken } } }),
  });
  const body = (await response.json()) as { data?: RefreshSessionMutation | null };
  if (body.data?.refreshSession) {
    sessionStore.start(body.data.refreshSession);
    return true;
  }
  sessionStore.clear();
  return false;
}

/** Resolves true when a new session was obtained; false when there is none to renew or it expired. */
export function refreshSession(): Promise<boolean> {
  inFlight ??= renew().finally(() => {
    inFlight = null;
  });
  return inFlight;
}
