import type { PartitaIvaFailure } from '../shop/registry/partita-iva';
import { PARTITA_IVA } from './validation.messages';
import type { Words } from './words';

const TAX_CODE: Readonly<Record<PartitaIvaFailure, Words>> = {
  ...PARTITA_IVA,
  FORMAT: { en: 'must be the 11 digits of a Partita IVA or numeric codice fiscale', it: 'deve essere di 11 cifre: la Partita IVA o il codice fiscale numerico' },
};

/** Facilitator organisations: registration and verification by ministry staff. */
export const facilitatorMessages = {
  notRegistered: (): Words => ({ en: 'Register your organisation first', it: 'Registra prima la tua organizzazione' }),
  notFound: (): Words => ({ en: 'No such facilitator organisation', it: 'Organizzazione facilitatrice non trovata' }),
  alreadyRegistered: (): Words => ({ en: 'This account already has an organisation', it: 'Questo account ha già registrato un’organizzazione' }),
  /** A verified facilitator's name, website and territory are what shops choose it by: it does not change them alone. */
  verifiedDetailLocked: (field: string): Words => ({
    en: `${field}: the Ministry verified your organisation with this name, website and territory, so they cannot be changed here; to change them, write to the Department from the Contacts page`,
    it: `${field}: il Ministero ha verificato la tua organizzazione con questo nome, questo sito e questo territorio, che quindi non si possono cambiare da qui; per cambiarli scrivi al Dipartimento dalla pagina Contatti`,
  }),
  taxCodeTaken: (): Words => ({
    en: 'An organisation with this Partita IVA or codice fiscale is already registered',
    it: 'Un’organizzazione con questa Partita IVA o questo codice fiscale è già registrata',
  }),
  territoryEmpty: (path: string): Words => ({
    en: `${path} must be all of Italy or at least one region, province or comune you serve`,
    it: `${path} deve essere tutta Italia o almeno una regione, provincia o comune in cui operi`,
  }),
  taxCode: (path: string, failure: PartitaIvaFailure): Words => ({ en: `${path} ${TAX_CODE[failure].en}`, it: `${path} ${TAX_CODE[failure].it}` }),
};
