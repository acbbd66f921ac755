import type { UserRole } from './gql/generated';

export const PATHS = {
  home: '/',
  register: '/registrati',
  login: '/accedi',
  privacy: '/privacy',
  shop: '/la-mia-attivita',
  provider: '/organizzazione',
  verification: '/ministero/verifica-fornitori',
} as const;

/** Where each role lands after signing in. */
export function homePathFor(role: UserRole): string {
  switch (role) {
    case 'SHOP':
      return PATHS.shop;
    case 'PROVIDER':
      return PATHS.provider;
    case 'MINISTRY':
    case 'ADMIN':
      return PATHS.verification;
  }
}
