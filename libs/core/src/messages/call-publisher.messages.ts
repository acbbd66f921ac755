import type { Words } from './words';

/** Organisations the ministry authorises to run selection calls: what they and staff are told. */
export const callPublisherMessages = {
  notAuthorised: (): Words => ({
    en: 'Your organisation is not authorised by the ministry to run selection calls (or its authorisation was revoked)',
    it: 'La tua organizzazione non è autorizzata dal Ministero a gestire bandi (o l’autorizzazione è stata revocata)',
  }),
  organisationNotApproved: (): Words => ({
    en: 'Your organisation is not verified by the ministry, or is suspended: it cannot run selection calls',
    it: 'La tua organizzazione non è verificata dal Ministero o è sospesa: non può gestire bandi',
  }),
  draftOrganisationNotAuthorised: (): Words => ({
    en: 'The organisation this draft was written for is no longer verified, or no longer authorised to run calls: the draft cannot be published',
    it: 'L’ente per cui è stata scritta questa bozza non è più verificato o non è più autorizzato a gestire bandi: la bozza non può essere pubblicata',
  }),
  runnerCannotApply: (): Words => ({
    en: 'Your organisation runs this call: it cannot also apply on a shop’s behalf; the shop applies itself',
    it: 'La tua organizzazione gestisce questo bando: non può anche presentare domanda per conto di un’attività; l’attività la presenta da sé',
  }),
  notRunner: (): Words => ({
    en: 'This call is run by someone else: only they and ministry staff act on it',
    it: 'Questo bando è gestito da un altro ente: solo quell’ente e il Ministero possono intervenire',
  }),
  needsApproval: (): Words => ({
    en: 'Only an organisation verified by the ministry can be authorised to run calls',
    it: 'Solo un’organizzazione verificata dal Ministero può essere autorizzata a gestire bandi',
  }),
  alreadyAuthorised: (): Words => ({ en: 'The organisation is already authorised to run calls', it: 'L’organizzazione è già autorizzata a gestire bandi' }),
  notAuthorisedToRevoke: (): Words => ({
    en: 'The organisation has no authorisation in force to revoke',
    it: 'L’organizzazione non ha un’autorizzazione in corso da revocare',
  }),
};
