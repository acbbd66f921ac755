import type { TestApp } from './test-app';
import type { SignedIn } from './fixtures';

export const MATCH_FIELDS = `id state origin helpRequestId offerId coverageLevel distanceKm respondBy waitlistedAt acceptedAt activatedAt freeUntil completedAt endedAt endReason waitlistPosition
  transitions { fromState toState actorRole reason }`;

export interface MatchResult {
  __typename?: string;
  id: string;
  state: string;
  origin: string;
  helpRequestId: string;
  offerId: string;
  coverageLevel: string;
  respondBy: string | null;
  freeUntil: string | null;
  endReason: string | null;
  waitlistPosition: number | null;
  transitions: { fromState: string | null; toState: string; actorRole: string | null; reason: string | null }[];
  code?: string;
  field?: string;
  currentState?: string;
}

export const APPLY = `mutation ($input: ApplyToOfferInput!) {
  applyToOffer(input: $input) {
    __typename
    ... on Match { ${MATCH_FIELDS} }
    ... on BusinessError { code field message messageIt }
    ... on NotEligibleError { reasons { code message messageIt } }
    ... on AlreadyAppliedError { matchId state }
    ... on InvalidMatchTransitionError { currentState }
  }
}`;

/** acceptMatch, confirmMatchActive or completeMatch (by id). */
export const step = (name: 'acceptMatch' | 'confirmMatchActive' | 'completeMatch'): string => `mutation ($id: ID!) {
  ${name}(id: $id) { __typename ... on Match { ${MATCH_FIELDS} } ... on InvalidMatchTransitionError { code field currentState message messageIt } }
}`;

export const DECLINE = `mutation ($input: DeclineMatchInput!) {
  declineMatch(input: $input) { __typename ... on Match { ${MATCH_FIELDS} } ... on InvalidMatchTransitionError { code currentState } }
}`;

export const WITHDRAW = `mutation ($input: WithdrawMatchInput!) {
  withdrawMatch(input: $input) { __typename ... on Match { ${MATCH_FIELDS} } ... on InvalidMatchTransitionError { code currentState } }
}`;

export const MATCH = `query ($id: ID!) { match(id: $id) { ${MATCH_FIELDS} } }`;

export const CREATE_REQUEST = `mutation ($input: CreateHelpRequestInput!) {
  createHelpRequest(input: $input) { __typename ... on HelpRequest { id status } ... on BusinessError { code message } }
}`;

export async function askFor(api: TestApp, shop: SignedIn, category = 'ONLINE_STORE'): Promise<string> {
  const { data, errors } = await api.gqlAs<{ createHelpRequest: { id: string } }>(shop.accessToken, CREATE_REQUEST, {
    input: { category, description: 'Vorremmo vendere online i nostri prodotti.' },
  });
  if (errors || !data?.createHelpRequest.id) throw new Error(`createHelpRequest failed: ${JSON.stringify(errors ?? data)}`);
  return data.createHelpRequest.id;
}

export async function applyTo(api: TestApp, shop: SignedIn, helpRequestId: string, offerId: string, joinWaitlist = true): Promise<MatchResult> {
  const { data, errors } = await api.gqlAs<{ applyToOffer: MatchResult }>(shop.accessToken, APPLY, { input: { helpRequestId, offerId, joinWaitlist } });
  if (errors || !data) throw new Error(`applyToOffer failed: ${JSON.stringify(errors)}`);
  return data.applyToOffer;
}

export async function matchAs(api: TestApp, who: SignedIn, id: string): Promise<MatchResult> {
  const { data, errors } = await api.gqlAs<{ match: MatchResult }>(who.accessToken, MATCH, { id });
  if (errors || !data) throw new Error(`match failed: ${JSON.stringify(errors)}`);
  return data.match;
}

/** Polls until `check` passes (the worker acts asynchronously), failing after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached in ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function notificationKinds(api: TestApp, who: SignedIn): Promise<string[]> {
  const { data } = await api.gqlAs<{ myNotifications: { items: { kind: string }[] } }>(who.accessToken, '{ myNotifications(first: 50) { items { kind } } }');
  return (data?.myNotifications.items ?? []).map((n) => n.kind);
}
