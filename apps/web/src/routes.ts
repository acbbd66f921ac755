import type { UserRole } from './gql/generated';

export const PATHS = {
  home: '/',
  register: '/registrati',
  catalogue: '/offerte',
  login: '/accedi',
  forgotPassword: '/password-dimenticata',
  // The next three are the pages the e-mailed links open (libs/core/src/auth/account-links.ts).
  resetPassword: '/reimposta-password',
  verifyEmail: '/verifica-email',
  confirmEmail: '/conferma-email',
  account: '/il-mio-account',
  /** Where sign-in with SPID, CIE or another identity provider comes back to (the API redirects here). */
  digitalIdentity: '/accedi/identita-digitale',
  privacy: '/privacy',
  accessibility: '/dichiarazione-di-accessibilita',
  legalNotes: '/note-legali',
  contacts: '/contatti',
  faq: '/domande-frequenti',
  notifications: '/notifiche',
  preferences: '/preferenze',
  unsubscribe: '/disiscrizione',
  shop: '/la-mia-attivita',
  shopNeeds: '/la-mia-attivita/di-cosa-hai-bisogno',
  shopRequests: '/la-mia-attivita/richieste',
  shopRequest: '/la-mia-attivita/richieste/:id',
  shopBundleNew: '/la-mia-attivita/pacchetti/nuovo',
  shopBundle: '/la-mia-attivita/pacchetti/:id',
  shopMatches: '/la-mia-attivita/servizi',
  shopMatch: '/la-mia-attivita/servizi/:id',
  shopCalls: '/la-mia-attivita/bandi',
  publicCalls: '/bandi',
  graduatoria: '/bandi/:id/graduatoria',
  shopDelegations: '/la-mia-attivita/facilitatori',
  provider: '/organizzazione',
  providerOffers: '/organizzazione/offerte',
  providerOfferNew: '/organizzazione/offerte/nuova',
  providerOfferImport: '/organizzazione/offerte/importa',
  providerOfferEdit: '/organizzazione/offerte/:id/modifica',
  providerApplications: '/organizzazione/candidature',
  providerMatch: '/organizzazione/candidature/:id',
  facilitator: '/facilitatore',
  facilitatorDesk: '/facilitatore/negozi',
  facilitatorCalls: '/facilitatore/bandi',
  facilitatorCall: '/facilitatore/bandi/:id',
  facilitatorShopImport: '/facilitatore/negozi/importa',
  facilitatorPaperShop: '/facilitatore/negozi/registra',
  /** The e-mailed links carry their code in the fragment (`/delega#<code>`), which no server logs; links sent before, in the path. */
  delegationLink: '/delega',
  delegationLinkInPath: '/delega/:code',
  claimShop: '/rivendica',
  claimShopInPath: '/rivendica/:code',
  dashboard: '/ministero/cruscotto',
  verification: '/ministero/verifica-fornitori',
  offerReview: '/ministero/verifica-offerte',
  facilitatorVerification: '/ministero/verifica-facilitatori',
  allocationRuns: '/ministero/assegnazioni',
  allocationRun: '/ministero/assegnazioni/:id',
  retention: '/ministero/conservazione-dati',
  audit: '/ministero/registro',
  auditHistory: '/ministero/registro/:type/:id',
  accounts: '/amministrazione/account',
  outbox: '/ministero/posta',
  staffCalls: '/ministero/bandi',
  staffCall: '/ministero/bandi/:id',
  callPublishers: '/ministero/enti-bandi',
} as const;

/** A path with its `:id` filled in. */
export const pathTo = (path: string, id: string): string => path.replace(':id', encodeURIComponent(id));

/** The audit history of one object: its type (`provider`, `offer`, `user`, …) and id. */
export const historyPath = (entityType: string, entityId: string): string =>
  PATHS.auditHistory.replace(':type', encodeURIComponent(entityType)).replace(':id', encodeURIComponent(entityId));

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
