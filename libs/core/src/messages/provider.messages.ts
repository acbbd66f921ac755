import { VerificationStatus } from '../provider/provider.types';
import { statusMessages } from './status.messages';
import { datePhrase, dayAndTime, type Words } from './words';

/** What staff can do instead, said after a decision the organisation's status does not allow. */
const DECISION_HINTS: Readonly<Record<VerificationStatus, Words>> = {
  PENDING: { en: ': approve or reject it', it: ': approvala o respingila' },
  APPROVED: { en: ': suspend it first', it: ': prima sospendila' },
  REJECTED: {
    en: ': the organisation must first correct its details, which sends them back for verification',
    it: ': l’organizzazione deve prima correggere i propri dati, che tornano così in verifica',
  },
  SUSPENDED: { en: '', it: '' },
};

/** Providers: registration and verification by ministry staff. */
export const providerMessages = {
  notRegistered: (): Words => ({ en: 'Register your organisation first', it: 'Registra prima la tua organizzazione' }),
  notFound: (): Words => ({ en: 'No such provider', it: 'Fornitore non trovato' }),
  alreadyRegistered: (): Words => ({ en: 'This account already has an organisation', it: 'Questo account ha già registrato un’organizzazione' }),
  /** A verified organisation's name or website is what shops trust in the catalogue: the provider does not change it alone. */
  verifiedDetailLocked: (field: string): Words => ({
    en: `${field}: the Ministry verified your organisation under this name and website, so they cannot be changed here; to change them, write to the Department from the Contacts page`,
    it: `${field}: il Ministero ha verificato la tua organizzazione con questo nome e questo sito, che quindi non si possono cambiare da qui; per cambiarli scrivi al Dipartimento dalla pagina Contatti`,
  }),
  partitaIvaTaken: (): Words => ({ en: 'An organisation with this Partita IVA is already registered', it: 'Un’organizzazione con questa Partita IVA è già registrata' }),
  /** The refusal a suspended or rejected organisation gets for an action towards shops. */
  notApproved: (status: VerificationStatus): Words =>
    status === VerificationStatus.REJECTED
      ? {
          en: 'Your organisation was rejected: correct its details to have them verified again before acting towards shops',
          it: 'La tua organizzazione è stata respinta: correggi i suoi dati per farli verificare di nuovo prima di agire verso i negozi',
        }
      : {
          en: 'Your organisation is suspended by the Ministry: until it is reinstated you cannot publish offers or answer shops',
          it: 'La tua organizzazione è sospesa dal Ministero: finché non viene riammessa non puoi pubblicare offerte né rispondere ai negozi',
        },
  /** Staff's decision on an organisation (provider or facilitator) whose account was erased. */
  ownerErased: (): Words => ({
    en: 'The account of this organisation was deleted at its owner’s request (GDPR Art. 17): nothing more can be decided on the organisation',
    it: 'L’account di questa organizzazione è stato cancellato su richiesta del titolare (art. 17 GDPR): sull’organizzazione non si può più decidere nulla',
  }),
  /** Staff's decision on an organisation that changed after they read it (its details, or another decision). */
  changedSinceRead: (updatedAt: Date): Words => {
    const when = dayAndTime(updatedAt);
    return {
      en: `The organisation changed after you opened it (on ${when.en}): its details or its status are no longer those you read. Nothing was decided: read it again, then decide`,
      it: `L’organizzazione è cambiata dopo che l’hai aperta (${datePhrase('il', when.it)}): i suoi dati o il suo stato non sono più quelli che hai letto. Non è stato deciso nulla: rileggila, poi decidi`,
    };
  },
  invalidDecision: (current: VerificationStatus, wanted: VerificationStatus): Words => {
    const [now, next, hint] = [statusMessages.verification(current), statusMessages.verification(wanted), DECISION_HINTS[current]];
    return {
      en: `The organisation is ${now.en}: it cannot become ${next.en}${hint.en}`,
      it: `L’organizzazione è ${now.it}: non può diventare ${next.it}${hint.it}`,
    };
  },
};
