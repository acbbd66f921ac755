import type { Words } from './words';

/** Signing up, signing in, sessions and roles. */
export const authMessages = {
  invalidCredentials: (): Words => ({ en: 'Wrong e-mail or password', it: 'E-mail o password errata' }),
  sessionExpired: (): Words => ({ en: 'The session has expired: log in again', it: 'La sessione è scaduta: accedi di nuovo' }),
  refreshTokenReused: (): Words => ({
    en: 'This session was already renewed; for safety every session of this login is closed',
    it: 'Questa sessione era già stata rinnovata; per sicurezza tutte le sessioni di questo accesso sono state chiuse',
  }),
  accountDisabled: (): Words => ({ en: 'The account is disabled', it: 'L’account è disattivato' }),
  sessionEnded: (): Words => ({
    en: 'The session has ended (logged out, or the account was disabled): log in again',
    it: 'La sessione è terminata (uscita o account disattivato): accedi di nuovo',
  }),
  notAuthenticated: (): Words => ({ en: 'Log in to do this', it: 'Accedi per continuare' }),
  forbiddenRole: (): Words => ({ en: 'Your role may not do this', it: 'Il tuo ruolo non consente questa operazione' }),
  emailTaken: (): Words => ({ en: 'An account with this e-mail already exists', it: 'Esiste già un account con questa e-mail' }),
};
