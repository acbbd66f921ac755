import { HeaderMap } from '@apollo/server';

/**
 * A refusal that passes with time: how long to wait, in the error's extensions and as a
 * Retry-After header (GraphQL's answer sets it from `http`; the HTTP routes copy it).
 */
export const retryAfterExtensions = (seconds: number): { retryAfter: number; http: { headers: HeaderMap } } => ({
  retryAfter: seconds,
  http: { headers: new HeaderMap([['retry-after', String(seconds)]]) },
});
