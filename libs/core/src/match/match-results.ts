import { createUnionType } from '@nestjs/graphql';
import { toExplanations } from '../matching/models/recommendation.models';
import { ApplyOutcome } from './match-application.service';
import { MatchStepOutcome } from './match-lifecycle.service';
import {
  AlreadyAppliedErrorModel,
  InvalidMatchTransitionErrorModel,
  MatchModel,
  NotEligibleErrorModel,
  OfferFullErrorModel,
  OutcomeSurveyModel,
  SurveyNotDueErrorModel,
  toMatchModel,
  toSurveyModel,
} from './models/match.models';
import { SurveyOutcome } from './outcome-survey.service';

/** Expected outcomes of the match mutations, as members of result unions (never thrown). */

const codeOf = (value: object): string | undefined => ('code' in value && typeof value.code === 'string' ? value.code : undefined);

export const ApplyToOfferResult = createUnionType({
  name: 'ApplyToOfferResult',
  types: () => [MatchModel, NotEligibleErrorModel, OfferFullErrorModel, AlreadyAppliedErrorModel, InvalidMatchTransitionErrorModel] as const,
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
      default:
        return MatchModel;
    }
  },
});

export const MatchStepResult = createUnionType({
  name: 'MatchStepResult',
  types: () => [MatchModel, InvalidMatchTransitionErrorModel] as const,
  resolveType: (value: object) => (codeOf(value) ? InvalidMatchTransitionErrorModel : MatchModel),
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
        message: `The offer does not fit this request: ${outcome.failed.join(', ')}`,
        messageIt: `L’offerta non è adatta a questa richiesta: ${toExplanations(outcome.failed).map((r) => r.messageIt).join('; ')}`,
      };
    case 'full':
      return { code: 'OFFER_FULL', field: 'input.offerId', message: 'The offer has no free places', messageIt: 'L’offerta non ha posti liberi' };
    case 'already-applied':
      return {
        code: 'ALREADY_APPLIED',
        field: 'input.helpRequestId',
        matchId: outcome.match.id,
        state: outcome.match.state,
        message: `This request already has a match (${outcome.match.state}): withdraw it first`,
        messageIt: `Questa richiesta ha già un abbinamento (${outcome.match.state}): ritiralo prima`,
      };
    case 'request-not-open':
      return {
        code: 'REQUEST_NOT_OPEN',
        field: 'input.helpRequestId',
        currentState: outcome.status,
        message: `Only an OPEN request can apply; this one is ${outcome.status}`,
        messageIt: `Solo una richiesta aperta può candidarsi; questa è ${outcome.status}`,
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
        message: `A ${outcome.current} match cannot be ${verb.en}`,
        messageIt: `Un abbinamento in stato ${outcome.current} non può essere ${verb.it}`,
      };
    case 'deadline-passed':
      return {
        code: 'RESPONSE_DEADLINE_PASSED',
        field: 'id',
        currentState: 'PENDING',
        message: `The answer was due by ${outcome.respondBy.toISOString()}: the held place is being released`,
        messageIt: `La risposta era attesa entro il ${outcome.respondBy.toISOString()}: il posto trattenuto viene liberato`,
      };
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
