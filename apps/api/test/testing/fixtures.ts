import { AuthService, RequestContext, UserRole } from '@vec/core';
import { randomInt, randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'una-password-lunga-abbastanza';

/** A valid, random Partita IVA (office code 001–100, Luhn-style check digit). */
export function aPartitaIva(): string {
  const body = `${String(randomInt(0, 10_000_000)).padStart(7, '0')}${String(randomInt(1, 101)).padStart(3, '0')}`;
  const sum = [...body].reduce((total, char, index) => {
    const digit = Number(char);
    if (index % 2 === 0) return total + digit;
    const doubled = digit * 2;
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export const anEmail = (prefix = 'user'): string => `${prefix}-${randomUUID()}@example.it`;

export interface SignedIn {
  userId: string;
  email: string;
  accessToken: string;
  refreshToken: string;
}

/** Self-registers a SHOP or PROVIDER account and returns its session. */
export async function signUp(api: TestApp, role: 'SHOP' | 'PROVIDER'): Promise<SignedIn> {
  const email = anEmail(role.toLowerCase());
  const { data, errors } = await api.gql<{ register: { accessToken: string; refreshToken: string; user: { id: string } } }>(
    'mutation ($input: RegisterInput!) { register(input: $input) { ... on AuthPayload { accessToken refreshToken user { id } } } }',
    { input: { email, password: TEST_PASSWORD, role } },
  );
  if (errors || !data) throw new Error(`sign-up failed: ${JSON.stringify(errors)}`);
  return { userId: data.register.user.id, email, accessToken: data.register.accessToken, refreshToken: data.register.refreshToken };
}

/** Creates a MINISTRY or ADMIN account the way the CLI does, and logs it in. */
export async function staffUser(api: TestApp, role: UserRole.MINISTRY | UserRole.ADMIN = UserRole.MINISTRY): Promise<SignedIn> {
  const email = anEmail(role.toLowerCase());
  const user = await api.app.get(AuthService).createUser(RequestContext.system(), { email, password: TEST_PASSWORD, role });
  const { data } = await api.gql<{ login: { accessToken: string; refreshToken: string } }>(
    'mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }',
    { input: { email, password: TEST_PASSWORD } },
  );
  if (!data) throw new Error('staff login failed');
  return { userId: user.id, email, ...data.login };
}

export const REGISTER_SHOP = `mutation ($input: RegisterShopInput!) {
  registerShop(input: $input) {
    __typename
    ... on Shop { id partitaIva comuneCode latitude longitude coordinatesFromComune comune { name } }
    ... on BusinessError { code field message messageIt }
  }
}`;

export const aShopInput = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  legalName: 'Panificio Rossi S.n.c.',
  tradingName: 'Il Forno di Via Roma',
  partitaIva: aPartitaIva(),
  atecoSection: 'C',
  atecoDivision: '10',
  comuneCode: '001272',
  address: 'Via Roma 1',
  employees: 4,
  contactEmail: 'forno@example.it',
  ...overrides,
});

export const REGISTER_PROVIDER = `mutation ($input: RegisterProviderInput!) {
  registerProvider(input: $input) {
    __typename
    ... on Provider { id verificationStatus }
    ... on BusinessError { code field message }
  }
}`;

export const aProviderInput = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'Consegne Veloci S.r.l.',
  partitaIva: aPartitaIva(),
  kind: 'DELIVERY',
  website: 'https://consegne.example.it',
  description: 'Consegne a domicilio gratuite per i negozi di quartiere per sei mesi.',
  ...overrides,
});
