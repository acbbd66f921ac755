import type { Words } from './words';

const field = (path: string, en: string, it: string): Words => ({ en: `${path} ${en}`, it: `${path} ${it}` });

/** Account administration: disabling, re-enabling and changing the role of accounts. */
export const accountMessages = {
  notFound: (): Words => ({ en: 'There is no account with this id', it: 'Non esiste un account con questo identificativo' }),
  ownAccount: (): Words => ({
    en: 'You cannot disable your own account or change its role: ask another administrator',
    it: 'Non puoi disattivare il tuo account né cambiarne il ruolo: chiedi a un altro amministratore',
  }),
  lastAdmin: (): Words => ({
    en: 'This is the last active administrator: make another account administrator first',
    it: 'È l’ultimo amministratore attivo: prima rendi amministratore un altro account',
  }),
  notStaff: (): Words => ({
    en: 'Only ministry and administrator accounts have a role that can be changed',
    it: 'Si può cambiare il ruolo solo degli account del ministero e degli amministratori',
  }),
  erased: (): Words => ({
    en: 'This account was deleted at its owner’s request: it cannot be enabled again or changed',
    it: 'Questo account è stato cancellato su richiesta del titolare: non si può riattivare né modificare',
  }),
  reasonRequired: (path: string): Words =>
    field(path, 'is required: say why, it is kept in the audit trail', 'è un campo obbligatorio: spiega il motivo, resta nel registro delle attività'),
  reasonTooShort: (path: string, min: number): Words =>
    field(path, `must explain the change in at least ${min} characters`, `deve spiegare la modifica in almeno ${min} caratteri`),
};
