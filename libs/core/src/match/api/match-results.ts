import { createUnionType } from '@nestjs/graphql';
import { dayWords, MATCH_STATE_WORDS, REQUEST_STATUS_WORDS, statusWords } from '../../common/status-words';
import { toExplanations } from '../../matching/api/recommendation.models';
import { providerNotApproved, ProviderNotApprovedErrorModel } from '../../provider/api/provider.models';
import { ApplyOutcome } from '../match-application.service';
import { MatchStepOutcome } from '../match-lifecycle.service';
import {
  AlreadyAppliedErrorModel,
  InvalidMatchTransitionErrorModel,
  MatchModel,
  NotEligibleErrorModel,
  OfferFullErrorModel,
  OutcomeSurveyModel,
  PreviouslyRefusedErrorModel,
  SurveyNotDueErrorModel,
  toMatchModel,
  toSurveyModel,
} from './match.models';
import { SurveyOutcome } from '../outcome-survey.service';
import { MatchState } from '../match.types';

/** Expected outcomes of the match mutations, as members of result unions (never thrown). */

const codeOf = (value: object): string | undefined => ('code' in value && typeof value.code === 'string' ? value.code : undefined);

export const ApplyToOfferResult = createUnionType({
  name: 'ApplyToOfferResult',
  types: () => [MatchModel, NotEligibleErrorModel, OfferFullErrorModel, AlreadyAppliedErrorModel, InvalidMatchTransitionErrorModel, PreviouslyRefusedErrorModel] as const,
  resolveType: (value: object) => {
    switch (codeOf(value)) {
      case 'NOT_ELIGIBLE':
        return NotEligibleErrorModel;
      case 'OFFER_FULL':
        return OfferFullErrorModel;
      case 'ALREADY_APPLIED':
        return AlreadyAppliedErrorModel;
      case 'REQUEST_NOT_OPEN':
        return InvalidMatchTransitionErrorModel;
      case 'PREVIOUSLY_REFUSED':
        return PreviouslyRefusedErrorModel;
      default:
        return MatchModel;
    }
  },
});

export const MatchStepResult = createUnionType({
  name: 'MatchStepResult',
  types: () => [MatchModel, InvalidMatchTransitionErrorModel, ProviderNotApprovedErrorModel] as const,
  resolveType: (value: object) => {
    const code = codeOf(value);
    return code === 'PROVIDER_NOT_APPROVED' ? ProviderNotApprovedErrorModel : code ? InvalidMatchTransitionErrorModel : MatchModel;
  },
});

export const AnswerOutcomeSurveyResult = createUnionType({
  name: 'AnswerOutcomeSurveyResult',
  types: () => [OutcomeSurveyModel, SurveyNotDueErrorModel] as const,
  resolveType: (value: object) => (codeOf(value) ? SurveyNotDueErrorModel : OutcomeSurveyModel),
});

export function toApplyResult(outcome: ApplyOutcome): typeof ApplyToOfferResult {
  switch (outcome.kind) {
    case 'match':
      return toMatchModel(outcome.match);
    case 'not-eligible':
      return {
        code: 'NOT_ELIGIBLE',
        field: 'input.offerId',
        failed: outcome.failed,
        reasons: toExplanations(outcome.failed),
        message: `The offer does not fit this request: ${toExplanations(outcome.failed).map((r) => r.message).join('; ')}`,
        messageIt: `L’offerta non è adatta a questa richiesta: ${toExplanations(outcome.failed).map((r) => r.messageIt).join('; ')}`,
      };
    case 'full':
      return {
        code: 'OFFER_FULL',
        field: 'input.offerId',
        message: 'The offer has no free places: join its waitlist, or choose another offer',
        messageIt: 'L’offerta non ha posti liberi: mettiti in lista d’attesa, oppure scegli un’altra offerta',
      };
    case 'already-applied':
      return {
        code: 'ALREADY_APPLIED',
        field: 'input.helpRequestId',
        matchId: outcome.match.id,
        state: outcome.match.state,
        message: `This request already has a match (${statusWords(MATCH_STATE_WORDS, outcome.match.state).en}): give it up first to apply elsewhere`,
        messageIt: `Questa richiesta ha già un abbinamento (${statusWords(MATCH_STATE_WORDS, outcome.match.state).it}): rinunciaci prima di candidarti altrove`,
      };
    case 'previously-refused': {
      const on = dayWords(outcome.refusal.at);
      const declined = outcome.refusal.how === 'DECLINED';
      return {
        code: 'PREVIOUSLY_REFUSED',
        field: 'input.offerId',
        endedAs: declined ? MatchState.DECLINED : MatchState.WITHDRAWN,
        endedAt: outcome.refusal.at,
        message: declined
          ? `The provider declined this request for the offer on ${on.en}: confirm that you are asking again to apply anyway`
          : `You gave this offer up on ${on.en}: confirm that you are asking for it again`,
        messageIt: declined
          ? `Il fornitore ha rifiutato questa richiesta per l’offerta il ${on.it}: conferma che la chiedi di nuovo per candidarti comunque`
          : `Hai rinunciato a questa offerta il ${on.it}: conferma che la chiedi di nuovo`,
      };
    }
    case 'request-not-open':
      return {
        code: 'REQUEST_NOT_OPEN',
        field: 'input.helpRequestId',
        currentState: outcome.status,
        message: `The request is ${statusWords(REQUEST_STATUS_WORDS, outcome.status).en}: only an open request can apply`,
        messageIt: `La richiesta è ${statusWords(REQUEST_STATUS_WORDS, outcome.status).it}: solo una richiesta aperta può candidarsi`,
      };
  }
}

export function toStepResult(outcome: MatchStepOutcome, verb: { en: string; it: string }): typeof MatchStepResult {
  switch (outcome.kind) {
    case 'match':
      return toMatchModel(outcome.match);
    case 'invalid-transition':
      return {
        code: 'INVALID_TRANSITION',
        field: 'id',
        currentState: outcome.current,
        message: `The match is ${statusWords(MATCH_STATE_WORDS, outcome.current).en}: it cannot be ${verb.en}`,
        messageIt: `L’abbinamento è ${statusWords(MATCH_STATE_WORDS, outcome.current).it}: non può essere ${verb.it}`,
      };
    case 'deadline-passed':
      return {
        code: 'RESPONSE_DEADLINE_PASSED',
        field: 'id',
        currentState: 'PENDING',
        message: `The answer was due by ${dayWords(outcome.respondBy).en}: the held place is being released`,
        messageIt: `La risposta era attesa entro il ${dayWords(outcome.respondBy).it}: il posto trattenuto viene liberato`,
      };
    case 'provider-not-approved':
      return providerNotApproved(outcome.status, 'id');
  }
}

const NOT_DUE_WORDS: Record<Extract<SurveyOutcome, { kind: 'not-due' }>['reason'], { en: string; it: string }> = {
  NOT_COMPLETED: { en: 'The final survey opens when the service is completed', it: 'Il questionario finale si apre quando il servizio è concluso' },
  NOT_ACTIVATED: { en: 'The service was never activated', it: 'Il servizio non è mai stato attivato' },
  WITHDRAWN: { en: 'The service was given up: its later surveys are no longer asked', it: 'Al servizio si è rinunciato: i questionari successivi non si compilano più' },
  TOO_EARLY: { en: 'This checkpoint is not due yet', it: 'Questa verifica non è ancora prevista' },
  ALREADY_ANSWERED: { en: 'This checkpoint was already answered', it: 'A questa verifica è già stata data risposta' },
};

export function toSurveyResult(outcome: SurveyOutcome): typeof AnswerOutcomeSurveyResult {
  if (outcome.kind === 'answered') return toSurveyModel(outcome.survey);
  const words = NOT_DUE_WORDS[outcome.reason];
  return { code: outcome.reason, field: 'input.checkpoint', message: words.en, messageIt: words.it };
}
