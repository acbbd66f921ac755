import { DataSource } from 'typeorm';
import { aProviderInput, aShopInput, REGISTER_PROVIDER, REGISTER_SHOP, signUp, SignedIn } from './fixtures';
import type { GraphQLResponse, TestApp } from './test-app';

const DAY_MS = 86_400_000;

/** An ISO date `days` from now (negative: in the past). */
export const daysFromNow = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();

export const OFFER_FIELDS = `id title status categories capacity used remainingCapacity freePeriodMonths conditions validFrom validUntil publishedAt
  coverage {
    national
    regions { code name }
    provinces { code name }
    comuni { code name }
    radii { km latitude longitude comune { code name } }
  }
  sectors { allSectors sections divisions }
  provider { id name }`;

export interface OfferResult {
  __typename?: string;
  id: string;
  title: string;
  status: string;
  categories: string[];
  capacity: number;
  used: number;
  remainingCapacity: number;
  validUntil: string | null;
  publishedAt: string | null;
  coverage: {
    national: boolean;
    regions: { code: string; name: string }[];
    provinces: { code: string; name: string }[];
    comuni: { code: string; name: string }[];
    radii: { km: number; latitude: number; longitude: number; comune: { code: string; name: string } | null }[];
  };
  sectors: { allSectors: boolean; sections: string[]; divisions: string[] };
  provider: { id: string; name: string };
}

/** A result-union member: the offer, or a business error. */
export type OfferOrError = Partial<OfferResult> & { __typename: string; code?: string; field?: string; message?: string; currentStatus?: string; used?: number };

export const CREATE_OFFER = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { ${OFFER_FIELDS} } }`;

export const UPDATE_OFFER = `mutation ($input: UpdateOfferInput!) {
  updateOffer(input: $input) {
    __typename
    ... on Offer { ${OFFER_FIELDS} }
    ... on BusinessError { code field message messageIt }
    ... on CapacityBelowUsedError { used }
  }
}`;

/** publishOffer, pauseOffer, resumeOffer or closeOffer. */
export const statusMutation = (name: 'publishOffer' | 'pauseOffer' | 'resumeOffer' | 'closeOffer'): string => `mutation ($id: ID!) {
  ${name}(id: $id) {
    __typename
    ... on Offer { id status publishedAt }
    ... on BusinessError { code field message messageIt }
    ... on InvalidOfferTransitionError { currentStatus }
    ... on OfferValidityEndedError { validUntil }
  }
}`;

export const OFFER = `query ($id: ID!) { offer(id: $id) { ${OFFER_FIELDS} } }`;

/** A complete, valid CreateOfferInput; national unless the coverage is overridden. */
export const anOfferInput = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
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
  const { data, errors } = await api.gqlAs<{ registerProvider: { id: string } }>(owner.accessToken, REGISTER_PROVIDER, { input: aProviderInput() });
  if (errors || !data?.registerProvider.id) throw new Error(`registerProvider failed: ${JSON.stringify(errors)}`);
  return { ...owner, providerId: data.registerProvider.id };
}

/** A provider whose organisation ministry staff approved. */
export async function approvedProvider(api: TestApp, staff: SignedIn): Promise<ProviderAccount> {
  const provider = await registeredProvider(api);
  const { errors } = await api.gqlAs(
    staff.accessToken,
    'mutation ($input: VerifyProviderInput!) { verifyProvider(input: $input) { __typename } }',
    { input: { providerId: provider.providerId, decision: 'APPROVED' } },
  );
  if (errors) throw new Error(`verifyProvider failed: ${JSON.stringify(errors)}`);
  return provider;
}

/** A shop account with its shop registered in the comune. */
export async function shopIn(api: TestApp, comuneCode: string): Promise<SignedIn & { shopId: string }> {
  const owner = await signUp(api, 'SHOP');
  const { data, errors } = await api.gqlAs<{ registerShop: { id: string } }>(owner.accessToken, REGISTER_SHOP, { input: aShopInput({ comuneCode }) });
  if (errors || !data?.registerShop.id) throw new Error(`registerShop failed: ${JSON.stringify(errors)}`);
  return { ...owner, shopId: data.registerShop.id };
}

export async function createOffer(api: TestApp, provider: SignedIn, overrides: Record<string, unknown> = {}): Promise<OfferResult> {
  const { data, errors } = await api.gqlAs<{ createOffer: OfferResult }>(provider.accessToken, CREATE_OFFER, { input: anOfferInput(overrides) });
  if (errors || !data) throw new Error(`createOffer failed: ${JSON.stringify(errors)}`);
  return data.createOffer;
}

export async function publishedOffer(api: TestApp, provider: SignedIn, overrides: Record<string, unknown> = {}): Promise<OfferResult> {
  const offer = await createOffer(api, provider, overrides);
  const { data } = await api.gqlAs<{ publishOffer: OfferOrError }>(provider.accessToken, statusMutation('publishOffer'), { id: offer.id });
  if (data?.publishOffer.__typename !== 'Offer') throw new Error(`publishOffer failed: ${JSON.stringify(data)}`);
  return { ...offer, status: 'PUBLISHED' };
}

/**
 * The ids of every offer the query returns, page after page: other test files create offers in
 * the same database at the same time, so a single page may not hold this test's ones.
 */
export async function offerIds(api: TestApp, accessToken: string, filter: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const { data, errors }: GraphQLResponse<{ offers: { items: { id: string }[]; hasNextPage: boolean } }> = await api.gqlAs(
      accessToken,
      'query ($filter: OfferFilterInput!, $offset: Int!) { offers(filter: $filter, first: 100, offset: $offset) { items { id } hasNextPage } }',
      { filter, offset },
    );
    if (errors || !data) throw new Error(`offers failed: ${JSON.stringify(errors)}`);
    ids.push(...data.offers.items.map((item) => item.id));
    if (!data.offers.hasNextPage) return ids;
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
