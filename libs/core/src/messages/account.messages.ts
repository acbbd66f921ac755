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
  /** Disabling the account of an organisation still in force: the organisation is suspended first, from its verification page. */
  runsOrganisation: (organisation: string, role: 'PROVIDER' | 'FACILITATOR'): Words =>
    role === 'PROVIDER'
      ? {
          en: `This account runs ${organisation}, a provider still approved or awaiting verification: suspend or reject it first from the providers’ verification page, so that its offers leave the catalogue and the shops waiting for it are told; then disable the account`,
          it: `Questo account gestisce ${organisation}, un fornitore ancora approvato o in attesa di verifica: prima sospendilo o respingilo dalla pagina di verifica dei fornitori, così le sue offerte escono dal catalogo e i negozi che lo attendono vengono avvisati; poi disattiva l’account`,
        }
      : {
          en: `This account runs ${organisation}, a facilitator still approved or awaiting verification: suspend or reject it first from the facilitators’ verification page, so that it stops acting for shops; then disable the account`,
          it: `Questo account gestisce ${organisation}, un facilitatore ancora approvato o in attesa di verifica: prima sospendilo o respingilo dalla pagina di verifica dei facilitatori, così smette di operare per i negozi; poi disattiva l’account`,
        },
  reasonRequired: (path: string): Words =>
    field(path, 'is required: say why, it is kept in the audit trail', 'è un campo obbligatorio: spiega il motivo, resta nel registro delle attività'),
  reasonTooShort: (path: string, min: number): Words =>
    field(path, `must explain the change in at least ${min} characters`, `deve spiegare la modifica in almeno ${min} caratteri`),
};
