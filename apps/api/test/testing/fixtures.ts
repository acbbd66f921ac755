import { AuthService, PRIVACY_NOTICE_VERSION, RequestContext, UserRole } from '@vec/core';
import { randomInt, randomUUID } from 'node:crypto';
import { LoginDocument, RegisterDocument, type RegisterFacilitatorInput, type RegisterProviderInput, type RegisterShopInput } from '../gql/generated';
import { verifyThroughMailbox } from './mailbox';
import { dataOf, member, type TestApp } from './test-app';

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

/**
 * Self-registers a SHOP, PROVIDER or FACILITATOR account and returns its session; its address is
 * verified through the link in the sign-up e-mail, unless `verified: false`.
 */
export async function signUp(api: TestApp, role: 'SHOP' | 'PROVIDER' | 'FACILITATOR', options: { verified?: boolean } = {}): Promise<SignedIn> {
  const email = anEmail(role.toLowerCase());
  const session = member(dataOf(await api.gql(RegisterDocument, { input: { email, password: TEST_PASSWORD, role, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).register, 'AuthPayload');
  if (!session.refreshToken) throw new Error('sign-up answered without a refresh token');
  if (options.verified !== false) await verifyThroughMailbox(api, email);
  return { userId: session.user.id, email, accessToken: session.accessToken, refreshToken: session.refreshToken };
}

/** Creates a MINISTRY or ADMIN account the way the CLI does, and logs it in. */
export async function staffUser(api: TestApp, role: UserRole.MINISTRY | UserRole.ADMIN = UserRole.MINISTRY): Promise<SignedIn> {
  const email = anEmail(role.toLowerCase());
  const user = await api.app.get(AuthService).createUser(RequestContext.system(), { email, password: TEST_PASSWORD, role });
  const { accessToken, refreshToken } = dataOf(await api.gql(LoginDocument, { input: { email, password: TEST_PASSWORD } })).login;
  if (!refreshToken) throw new Error('staff login answered without a refresh token');
  return { userId: user.id, email, accessToken, refreshToken };
}

export const aShopInput = (overrides: Partial<RegisterShopInput> = {}): RegisterShopInput => ({
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

export const aProviderInput = (overrides: Partial<RegisterProviderInput> = {}): RegisterProviderInput => ({
  name: 'Consegne Veloci S.r.l.',
  partitaIva: aPartitaIva(),
  kind: 'DELIVERY',
  website: 'https://consegne.example.it',
  description: 'Consegne a domicilio gratuite per i negozi di quartiere per sei mesi.',
  ...overrides,
});


export const aFacilitatorInput = (overrides: Partial<RegisterFacilitatorInput> = {}): RegisterFacilitatorInput => ({
  name: 'Confcommercio Torino',
  kind: 'TRADE_ASSOCIATION',
  taxCode: aPartitaIva(),
  contactEmail: 'sportello@confcommercio-to.example.it',
  territory: { national: false, regionCodes: [], provinceCodes: ['001'], comuneCodes: [] },
  ...overrides,
});
