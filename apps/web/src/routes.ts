import type { UserRole } from './gql/generated';

export const PATHS = {
  home: '/',
  register: '/registrati',
  catalogue: '/offerte',
  login: '/accedi',
  privacy: '/privacy',
  accessibility: '/dichiarazione-di-accessibilita',
  legalNotes: '/note-legali',
  contacts: '/contatti',
  faq: '/domande-frequenti',
  notifications: '/notifiche',
  shop: '/la-mia-attivita',
  shopNeeds: '/la-mia-attivita/di-cosa-hai-bisogno',
  shopRequests: '/la-mia-attivita/richieste',
  shopRequest: '/la-mia-attivita/richieste/:id',
  shopMatches: '/la-mia-attivita/servizi',
  shopMatch: '/la-mia-attivita/servizi/:id',
  shopDelegations: '/la-mia-attivita/facilitatori',
  provider: '/organizzazione',
  providerOffers: '/organizzazione/offerte',
  providerOfferNew: '/organizzazione/offerte/nuova',
  providerOfferEdit: '/organizzazione/offerte/:id/modifica',
  providerApplications: '/organizzazione/candidature',
  providerMatch: '/organizzazione/candidature/:id',
  facilitator: '/facilitatore',
  facilitatorDesk: '/facilitatore/negozi',
  delegationLink: '/delega/:code',
  claimShop: '/rivendica/:code',
  dashboard: '/ministero/cruscotto',
  verification: '/ministero/verifica-fornitori',
  offerReview: '/ministero/verifica-offerte',
  facilitatorVerification: '/ministero/verifica-facilitatori',
  allocationRuns: '/ministero/assegnazioni',
  allocationRun: '/ministero/assegnazioni/:id',
} as const;

/** A path with its `:id` filled in. */
export const pathTo = (path: string, id: string): string => path.replace(':id', encodeURIComponent(id));

/** Where each role lands after signing in. */
export function homePathFor(role: UserRole): string {
  switch (role) {
    case 'SHOP':
      return PATHS.shop;
    case 'PROVIDER':
      return PATHS.provider;
    case 'FACILITATOR':
      return PATHS.facilitatorDesk;
    case 'MINISTRY':
    case 'ADMIN':
      return PATHS.dashboard;
  }
}

/** Where a signed-in user reads one match: the shop and the provider each in their own area. */
export function matchPathFor(role: UserRole, matchId: string): string | null {
  // A facilitator reads a match in the shop's area, while acting for that shop.
  if (role === 'SHOP' || role === 'FACILITATOR') return pathTo(PATHS.shopMatch, matchId);
  if (role === 'PROVIDER') return pathTo(PATHS.providerMatch, matchId);
  return null;
}
