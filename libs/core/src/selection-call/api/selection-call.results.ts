import { EmailNotVerifiedErrorModel } from '../../auth/api/account.models';
import { emailNotVerified } from '../../auth/api/account.results';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { modelOf } from '../../api/model-instance';
import { resultUnion } from '../../api/result-union';
import { MESSAGES } from '../../messages';
import type { ApplyToCallOutcome, ExcludeApplicationOutcome } from '../call-application.service';
import type { CloseCallOutcome } from '../call-closing.service';
import type { DiscardCallOutcome, PublishCallOutcome } from '../selection-call.service';
import { SelectionCallStatus } from '../selection-call.types';
import {
  AlreadyAppliedToCallErrorModel,
  CallApplicationModel,
  CallNotEligibleErrorModel,
  CallWindowErrorModel,
  ineligibilityModels,
  InvalidCallStateErrorModel,
  ApplicationAlreadyExcludedErrorModel,
  SelectionCallModel,
  toCallApplicationModel,
  toSelectionCallModel,
} from './selection-call.models';

/** The outcomes of the selection-call mutations as members of their result unions; each switch covers every outcome. */

export const PublishSelectionCallResult = resultUnion({
  name: 'PublishSelectionCallResult',
  types: () => [SelectionCallModel, InvalidCallStateErrorModel, CallWindowErrorModel] as const,
});

@ObjectType('DiscardedSelectionCall', { description: 'A draft call removed.' })
export class DiscardedSelectionCallModel {
  @Field(() => ID) id!: string;
}

export const DiscardSelectionCallResult = resultUnion({
  name: 'DiscardSelectionCallResult',
  types: () => [DiscardedSelectionCallModel, InvalidCallStateErrorModel] as const,
});

export function toDiscardResult(outcome: DiscardCallOutcome): typeof DiscardSelectionCallResult {
  switch (outcome.kind) {
    case 'discarded':
      return modelOf(DiscardedSelectionCallModel, { id: outcome.id });
    case 'not-draft':
      return new InvalidCallStateErrorModel(MESSAGES.selectionCall.invalidState(outcome.current), 'id', outcome.current);
  }
}

export const CloseSelectionCallResult = resultUnion({
  name: 'CloseSelectionCallResult',
  types: () => [SelectionCallModel, InvalidCallStateErrorModel, CallWindowErrorModel] as const,
});

export const ApplyToCallResult = resultUnion({
  name: 'ApplyToCallResult',
  types: () => [CallApplicationModel, CallNotEligibleErrorModel, AlreadyAppliedToCallErrorModel, InvalidCallStateErrorModel, EmailNotVerifiedErrorModel] as const,
});

export const ExcludeCallApplicationResult = resultUnion({
  name: 'ExcludeCallApplicationResult',
  types: () => [CallApplicationModel, ApplicationAlreadyExcludedErrorModel, InvalidCallStateErrorModel] as const,
});

export function toPublishResult(outcome: PublishCallOutcome, offerIds: string[]): typeof PublishSelectionCallResult {
  switch (outcome.kind) {
    case 'call':
      return toSelectionCallModel(outcome.call, offerIds);
    case 'not-draft':
      return new InvalidCallStateErrorModel(MESSAGES.selectionCall.invalidState(outcome.current), 'id', outcome.current);
    case 'window-over':
      return new CallWindowErrorModel(MESSAGES.selectionCall.windowOver(outcome.closesAt), 'id', outcome.closesAt);
  }
}

export function toCloseResult(outcome: CloseCallOutcome, offerIds: string[]): typeof CloseSelectionCallResult {
  switch (outcome.kind) {
    case 'call':
      return toSelectionCallModel(outcome.call, offerIds);
    case 'draft':
      return new InvalidCallStateErrorModel(MESSAGES.selectionCall.invalidState(SelectionCallStatus.DRAFT), 'id', SelectionCallStatus.DRAFT);
    case 'window-open':
      return new CallWindowErrorModel(MESSAGES.selectionCall.windowOpen(outcome.closesAt, outcome.opensAt), 'id', outcome.closesAt);
  }
}

export function toApplyResult(outcome: ApplyToCallOutcome): typeof ApplyToCallResult {
  switch (outcome.kind) {
    case 'application':
      return toCallApplicationModel(outcome.application);
    case 'not-eligible':
      return new CallNotEligibleErrorModel(
        MESSAGES.selectionCall.notEligible(outcome.failed.every((failure) => failure.code === 'NOT_OPEN_YET' || failure.code === 'WINDOW_CLOSED')),
        ineligibilityModels(outcome.failed, outcome.call, outcome.territory),
      );
    case 'already-applied':
      return new AlreadyAppliedToCallErrorModel(MESSAGES.selectionCall.alreadyApplied(), outcome.application.id);
    case 'email-not-verified':
      return emailNotVerified(outcome.email);
    case 'not-open':
      return new InvalidCallStateErrorModel(MESSAGES.selectionCall.invalidState(outcome.status), 'input.callId', outcome.status);
  }
}

export function toExcludeResult(outcome: ExcludeApplicationOutcome): typeof ExcludeCallApplicationResult {
  switch (outcome.kind) {
    case 'application':
      return toCallApplicationModel(outcome.application);
    case 'call-closed':
      return new InvalidCallStateErrorModel(MESSAGES.selectionCall.invalidState(SelectionCallStatus.CLOSED), 'input.applicationId', SelectionCallStatus.CLOSED);
    case 'already-excluded':
      return new ApplicationAlreadyExcludedErrorModel(MESSAGES.selectionCall.alreadyExcluded(), outcome.application.exclusionReason);
  }
}
