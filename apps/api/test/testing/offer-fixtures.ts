import { DataSource } from 'typeorm';
import {
  type CreateOfferInput,
  CreateOfferDocument,
  DecideProviderDocument,
  type OfferFieldsFragment,
  type OfferFilterInput,
  OffersDocument,
  PublishOfferDocument,
  RegisterProviderDocument,
  RegisterShopDocument,
} from '../gql/generated';
import { aProviderInput, aShopInput, signUp, SignedIn } from './fixtures';
import { dataOf, member, type TestApp } from './test-app';

const DAY_MS = 86_400_000;

/** An ISO date `days` from now (negative: in the past). */
export const daysFromNow = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();

/** A complete, valid CreateOfferInput; national unless the coverage is overridden. */
export const anOfferInput = (overrides: Partial<CreateOfferInput> = {}): CreateOfferInput => ({
  title: 'Negozio online gratuito',
  description: 'Una vetrina online completa per il tuo negozio di quartiere, pronta in un giorno.',
  categories: ['ONLINE_STORE'],
  coverage: { national: true },
  capacity: 10,
  freePeriodMonths: 6,
  conditions: 'Gratuito per sei mesi, senza alcun obbligo di rinnovo né costi nascosti.',
  validFrom: daysFromNow(-1),
  validUntil: daysFromNow(180),
  ...overrides,
});

export interface ProviderAccount extends SignedIn {
  providerId: string;
}

/** A provider account with its organisation registered (PENDING verification). */
export async function registeredProvider(api: TestApp): Promise<ProviderAccount> {
  const owner = await signUp(api, 'PROVIDER');
  const { registerProvider } = dataOf(await api.gqlAs(owner.accessToken, RegisterProviderDocument, { input: aProviderInput() }));
  return { ...owner, providerId: member(registerProvider, 'Provider').id };
}

/** A provider whose organisation ministry staff approved. */
export async function approvedProvider(api: TestApp, staff: SignedIn): Promise<ProviderAccount> {
  const provider = await registeredProvider(api);
  const { verifyProvider } = dataOf(await api.gqlAs(staff.accessToken, DecideProviderDocument, { input: { providerId: provider.providerId, decision: 'APPROVED' } }));
  member(verifyProvider, 'Provider');
  return provider;
}

/** A shop account with its shop registered in the comune. */
export async function shopIn(api: TestApp, comuneCode: string, options: { verified?: boolean } = {}): Promise<SignedIn & { shopId: string }> {
  const owner = await signUp(api, 'SHOP', options);
  const { registerShop } = dataOf(await api.gqlAs(owner.accessToken, RegisterShopDocument, { input: aShopInput({ comuneCode }) }));
  return { ...owner, shopId: member(registerShop, 'Shop').id };
}

export async function createOffer(api: TestApp, provider: SignedIn, overrides: Partial<CreateOfferInput> = {}): Promise<OfferFieldsFragment> {
  return dataOf(await api.gqlAs(provider.accessToken, CreateOfferDocument, { input: anOfferInput(overrides) })).createOffer;
}

export async function publishedOffer(api: TestApp, provider: SignedIn, overrides: Partial<CreateOfferInput> = {}): Promise<OfferFieldsFragment> {
  const offer = await createOffer(api, provider, overrides);
  const published = member(dataOf(await api.gqlAs(provider.accessToken, PublishOfferDocument, { id: offer.id })).publishOffer, 'Offer');
  return { ...offer, status: published.status, publishedAt: published.publishedAt };
}

/**
 * The ids of every offer the query returns, page after page: other test files create offers in
 * the same database at the same time, so a single page may not hold this test's ones.
 */
export async function offerIds(api: TestApp, accessToken: string, filter: OfferFilterInput): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const { offers } = dataOf(await api.gqlAs(accessToken, OffersDocument, { filter, first: 100, offset }));
    ids.push(...offers.items.map((item) => item.id));
    if (!offers.hasNextPage) return ids;
  }
}

/** Everything a provider has written: its offers, their coverage rows, and the audit events of its account. */
export async function providerFootprint(db: DataSource, provider: ProviderAccount): Promise<unknown[]> {
  return Promise.all([
    db.query('SELECT row_to_json(o) AS row FROM offer o WHERE provider_id = $1 ORDER BY id', [provider.providerId]),
    db.query('SELECT row_to_json(c) AS row FROM offer_coverage c JOIN offer o ON o.id = c.offer_id WHERE o.provider_id = $1 ORDER BY c.id', [provider.providerId]),
    db.query('SELECT COUNT(*)::int AS n FROM audit_event WHERE actor_user_id = $1', [provider.userId]),
  ]);
}

