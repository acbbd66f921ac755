// Renews the session from the HttpOnly cookie. One renewal at a time in the whole browser: refresh
// tokens are one-use and the API revokes the whole family when one is presented twice, so renewals
// of this tab share one request, and tabs take turns through a Web Lock.
import { print } from 'graphql';
import { RefreshSessionDocument, type RefreshSessionMutation } from '../gql/generated';
import { sessionStore } from './session-store';

export const GRAPHQL_PATH = '/graphql';

let inFlight: Promise<boolean> | null = null;

async function renewNow(): Promise<boolean> {
  // Plain fetch, outside the Apollo link chain, so a failing renewal never triggers another one.
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(RefreshSessionDocument), variables: { input: {} } }),
  });
  const body = (await response.json()) as { data?: RefreshSessionMutation | null };
  if (body.data?.refreshSession) {
    sessionStore.start(body.data.refreshSession);
    return true;
  }
  sessionStore.clear();
  return false;
}

async function renew(): Promise<boolean> {
  if (!sessionStore.hasSession()) return false;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('vec-session-refresh', renewNow) : renewNow();
}

/** Resolves true when a new session was obtained; false when there is none to renew or it expired. */
export function refreshSession(): Promise<boolean> {
  inFlight ??= renew().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/**
 * After sign-in through an identity provider the API has set the session cookie, but this browser
 * has no marker yet: renew from the cookie regardless. Resolves true when a session was obtained.
 */
export function claimCookieSession(): Promise<boolean> {
  inFlight ??= (async () => {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request('vec-session-refresh', renewNow) : renewNow();
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}
