import { resultUnion } from '../../api/result-union';
import { MESSAGES, type MatchStep } from '../../messages';
import { toExplanations } from '../../matching/api/recommendation.models';
import { ProviderNotApprovedErrorModel } from '../../provider/api/provider.models';
import { providerNotApproved } from '../../provider/api/provider.results';
import { ApplyOutcome } from '../match-application.service';
import { MatchStepOutcome } from '../match-lifecycle.service';
import { MatchState } from '../match.types';
import { SurveyOutcome } from '../outcome-survey.service';
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

/**
 * The outcomes of the match mutations as members of their result unions (never thrown). Each
 * switch covers every outcome: a new kind fails to compile until it is given a member.
 */

export const ApplyToOfferResult = resultUnion({
  name: 'ApplyToOfferResult',
  types: () => [MatchModel, NotEligibleErrorModel, OfferFullErrorModel, AlreadyAppliedErrorModel, InvalidMatchTransitionErrorModel, PreviouslyRefusedErrorModel] as const,
});

export const MatchStepResult = resultUnion({
  name: 'MatchStepResult',
  types: () => [MatchModel, InvalidMatchTransitionErrorModel, ProviderNotApprovedErrorModel] as const,
});

export const AnswerOutcomeSurveyResult = resultUnion({
  name: 'AnswerOutcomeSurveyResult',
  types: () => [OutcomeSurveyModel, SurveyNotDueErrorModel] as const,
});

export function toApplyResult(outcome: ApplyOutcome): typeof ApplyToOfferResult {
  switch (outcome.kind) {
    case 'match':
      return toMatchModel(outcome.match);
    case 'not-eligible': {
      const reasons = toExplanations(outcome.failed);
      const words = MESSAGES.match.notEligible(reasons.map((reason) => ({ en: reason.message, it: reason.messageIt })));
      return new NotEligibleErrorModel(words, 'input.offerId', outcome.failed, reasons);
    }
    case 'full':
      return new OfferFullErrorModel(MESSAGES.match.offerFull(), 'input.offerId');
    case 'already-applied':
      return new AlreadyAppliedErrorModel(MESSAGES.match.alreadyApplied(outcome.match.state), 'input.helpRequestId', outcome.match.id, outcome.match.state);
    case 'previously-refused': {
      const { how, at } = outcome.refusal;
      return how === 'DECLINED'
        ? new PreviouslyRefusedErrorModel(MESSAGES.match.previouslyDeclined(at), 'input.offerId', MatchState.DECLINED, at)
        : new PreviouslyRefusedErrorModel(MESSAGES.match.previouslyWithdrawn(at), 'input.offerId', MatchState.WITHDRAWN, at);
    }
    case 'request-not-open':
      return new InvalidMatchTransitionErrorModel('REQUEST_NOT_OPEN', MESSAGES.match.requestNotOpen(outcome.status), 'input.helpRequestId', outcome.status);
  }
}

export function toStepResult(outcome: MatchStepOutcome, step: MatchStep): typeof MatchStepResult {
  switch (outcome.kind) {
    case 'match':
      return toMatchModel(outcome.match);
    case 'invalid-transition':
      return new InvalidMatchTransitionErrorModel('INVALID_TRANSITION', MESSAGES.match.invalidTransition(outcome.current, step), 'id', outcome.current);
    case 'deadline-passed':
      return new InvalidMatchTransitionErrorModel('RESPONSE_DEADLINE_PASSED', MESSAGES.match.deadlinePassed(outcome.respondBy), 'id', MatchState.PENDING);
    case 'provider-not-approved':
      return providerNotApproved(outcome.status, 'id');
  }
}

export function toSurveyResult(outcome: SurveyOutcome): typeof AnswerOutcomeSurveyResult {
  switch (outcome.kind) {
    case 'answered':
      return toSurveyModel(outcome.survey);
    case 'not-due':
      return new SurveyNotDueErrorModel(outcome.reason, MESSAGES.match.surveyNotDue(outcome.reason), 'input.checkpoint');
  }
}
