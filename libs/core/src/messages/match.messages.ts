import type { HelpRequestStatus } from '../help-request/help-request.types';
import type { MatchAction, MatchState } from '../match/match.types';
import type { SurveyRefusal } from '../match/surveys-due';
import { statusMessages } from './status.messages';
import { datePhrase, day, joined, type Words } from './words';

/** What a shop or a provider does to a match, as the refusal of it says. */
export type MatchStep = Extract<MatchAction, 'accept' | 'decline' | 'activate' | 'complete' | 'withdraw'>;

/** Why a checkpoint of the outcome survey cannot be answered. */
export type SurveyNotDueReason = SurveyRefusal | 'ALREADY_ANSWERED';

const DONE: Readonly<Record<MatchStep, Words>> = {
  accept: { en: 'accepted', it: 'accettato' },
  decline: { en: 'declined', it: 'rifiutato' },
  activate: { en: 'activated', it: 'attivato' },
  complete: { en: 'completed', it: 'completato' },
  withdraw: { en: 'withdrawn', it: 'ritirato' },
};

const NOT_DUE: Readonly<Record<SurveyNotDueReason, Words>> = {
  NOT_COMPLETED: { en: 'The final survey opens when the service is completed', it: 'Il questionario finale si apre quando il servizio è concluso' },
  NOT_ACTIVATED: { en: 'The service was never activated', it: 'Il servizio non è mai stato attivato' },
  WITHDRAWN: { en: 'The service was given up: its later surveys are no longer asked', it: 'Al servizio si è rinunciato: i questionari successivi non si compilano più' },
  TOO_EARLY: { en: 'This checkpoint is not due yet', it: 'Questa verifica non è ancora prevista' },
  ALREADY_ANSWERED: { en: 'This checkpoint was already answered', it: 'A questa verifica è già stata data risposta' },
};

/** Matches: applying to offers, answering, confirming, giving up, and the outcome survey. */
export const matchMessages = {
  notFound: (): Words => ({ en: 'No such match', it: 'Abbinamento non trovato' }),
  /** `reasons`: the words of every rule the offer fails (see reasonMessages.ineligible). */
  notEligible: (reasons: readonly Words[]): Words => {
    const why = joined(reasons, '; ');
    return { en: `The offer does not fit this request: ${why.en}`, it: `L’offerta non è adatta a questa richiesta: ${why.it}` };
  },
  offerFull: (): Words => ({
    en: 'The offer has no free places: join its waitlist, or choose another offer',
    it: 'L’offerta non ha posti liberi: mettiti in lista d’attesa, oppure scegli un’altra offerta',
  }),
  alreadyApplied: (state: MatchState): Words => {
    const status = statusMessages.match(state);
    return {
      en: `This request already has a match (${status.en}): give it up first to apply elsewhere`,
      it: `Questa richiesta ha già un abbinamento (${status.it}): rinunciaci prima di candidarti altrove`,
    };
  },
  previouslyDeclined: (at: Date): Words => ({
    en: `The provider declined this request for the offer on ${day(at).en}: confirm that you are asking again to apply anyway`,
    it: `Il fornitore ha rifiutato questa richiesta per l’offerta ${datePhrase('il', day(at).it)}: conferma che la chiedi di nuovo per candidarti comunque`,
  }),
  previouslyWithdrawn: (at: Date): Words => ({
    en: `You gave this offer up on ${day(at).en}: confirm that you are asking for it again`,
    it: `Hai rinunciato a questa offerta ${datePhrase('il', day(at).it)}: conferma che la chiedi di nuovo`,
  }),
  requestNotOpen: (current: HelpRequestStatus): Words => {
    const status = statusMessages.request(current);
    return { en: `The request is ${status.en}: only an open request can apply`, it: `La richiesta è ${status.it}: solo una richiesta aperta può candidarsi` };
  },
  invalidTransition: (current: MatchState, step: MatchStep): Words => {
    const status = statusMessages.match(current);
    return { en: `The match is ${status.en}: it cannot be ${DONE[step].en}`, it: `L’abbinamento è ${status.it}: non può essere ${DONE[step].it}` };
  },
  deadlinePassed: (respondBy: Date): Words => ({
    en: `The answer was due by ${day(respondBy).en}: the held place is being released`,
    it: `La risposta era attesa entro ${datePhrase('il', day(respondBy).it)}: il posto trattenuto viene liberato`,
  }),
  surveyNotDue: (reason: SurveyNotDueReason): Words => NOT_DUE[reason],
};
