import type { Words } from './words';

/** Why a link e-mailed to an account's owner no longer works. */
export type AccountLinkProblem = 'INVALID' | 'EXPIRED' | 'USED';

/** Signing up, signing in, sessions and roles. */
export const authMessages = {
  invalidCredentials: (): Words => ({ en: 'Wrong e-mail or password', it: 'E-mail o password errata' }),
  sessionExpired: (): Words => ({ en: 'The session has expired: log in again', it: 'La sessione è scaduta: accedi di nuovo' }),
  refreshTokenReused: (): Words => ({
    en: 'This session was already renewed; for safety every session of this login is closed',
    it: 'Questa sessione era già stata rinnovata; per sicurezza tutte le sessioni di questo accesso sono state chiuse',
  }),
  accountDisabled: (): Words => ({
    en: 'The account is disabled: to know why, or to have it enabled again, write to the platform’s support (Contacts page)',
    it: 'L’account è disattivato: per sapere perché, o per farlo riattivare, scrivi all’assistenza della piattaforma (pagina Contatti)',
  }),
  sessionEnded: (): Words => ({
    en: 'The session has ended (logged out, or the account was disabled): log in again',
    it: 'La sessione è terminata (uscita o account disattivato): accedi di nuovo',
  }),
  notAuthenticated: (): Words => ({ en: 'Log in to do this', it: 'Accedi per continuare' }),
  forbiddenRole: (): Words => ({ en: 'Your role may not do this', it: 'Il tuo ruolo non consente questa operazione' }),
  passwordChangeRequired: (): Words => ({
    en: 'Your password was set by an administrator: choose a new one in your account before doing anything else',
    it: 'La tua password è stata impostata da un amministratore: scegline una nuova nel tuo account prima di fare altro',
  }),
  emailTaken: (): Words => ({ en: 'An account with this e-mail already exists', it: 'Esiste già un account con questa e-mail' }),
  emailNotVerified: (email: string): Words => ({
    en: `Confirm your e-mail address first: open the link we sent to ${email} (or ask for a new one from the banner at the top of the page)`,
    it: `Prima conferma il tuo indirizzo e-mail: apri il collegamento che abbiamo inviato a ${email} (o chiedine uno nuovo dall’avviso in cima alla pagina)`,
  }),
  emailAlreadyVerified: (): Words => ({ en: 'This e-mail address is already confirmed', it: 'Questo indirizzo e-mail è già confermato' }),
  accountLink: (problem: AccountLinkProblem): Words => {
    switch (problem) {
      case 'INVALID':
        return { en: 'This link is not valid: copy the whole link from the e-mail, or ask for a new one', it: 'Questo collegamento non è valido: copia l’intero collegamento dall’e-mail, o chiedine uno nuovo' };
      case 'EXPIRED':
        return { en: 'This link has expired: ask for a new one', it: 'Questo collegamento è scaduto: chiedine uno nuovo' };
      case 'USED':
        return { en: 'This link has already been used, or a newer one replaced it: ask for a new one if you still need it', it: 'Questo collegamento è già stato usato, o ne è stato inviato uno più recente: chiedine uno nuovo se ti serve ancora' };
    }
  },
  wrongCurrentPassword: (): Words => ({ en: 'The current password is not right', it: 'La password attuale non è corretta' }),
  sameEmail: (): Words => ({ en: 'This is already your account’s address', it: 'Questo è già l’indirizzo del tuo account' }),
};
