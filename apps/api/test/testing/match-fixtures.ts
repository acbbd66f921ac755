import {
  ApplyToOfferDocument,
  type ApplyToOfferMutation,
  CreateHelpRequestDocument,
  type MatchFieldsFragment,
  MatchByIdDocument,
  MyNotificationsDocument,
  type ServiceCategory,
} from '../gql/generated';
import type { SignedIn } from './fixtures';
import { dataOf, member, type TestApp } from './test-app';

export async function askFor(api: TestApp, shop: SignedIn, category: ServiceCategory = 'ONLINE_STORE'): Promise<string> {
  const { createHelpRequest } = dataOf(
    await api.gqlAs(shop.accessToken, CreateHelpRequestDocument, { input: { category, description: 'Vorremmo vendere online i nostri prodotti.' } }),
  );
  return member(createHelpRequest, 'HelpRequest').id;
}

/** What applyToOffer answers: the match, or the business error that refused it. */
export async function applyResult(api: TestApp, shop: SignedIn, helpRequestId: string, offerId: string, joinWaitlist = true): Promise<ApplyToOfferMutation['applyToOffer']> {
  return dataOf(await api.gqlAs(shop.accessToken, ApplyToOfferDocument, { input: { helpRequestId, offerId, joinWaitlist } })).applyToOffer;
}

/** Applies a request to an offer that must take it (a place or the waitlist): the match. */
export async function applyTo(api: TestApp, shop: SignedIn, helpRequestId: string, offerId: string, joinWaitlist = true): Promise<MatchFieldsFragment> {
  return member(await applyResult(api, shop, helpRequestId, offerId, joinWaitlist), 'Match');
}

export async function matchAs(api: TestApp, who: SignedIn, id: string): Promise<MatchFieldsFragment> {
  return dataOf(await api.gqlAs(who.accessToken, MatchByIdDocument, { id })).match;
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
  return dataOf(await api.gqlAs(who.accessToken, MyNotificationsDocument, { first: 50 })).myNotifications.items.map((n) => n.kind);
}

