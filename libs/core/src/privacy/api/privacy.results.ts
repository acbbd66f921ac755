import { modelOf } from '../../api/model-instance';
import { resultUnion } from '../../api/result-union';
import type { EraseAccountOutcome } from '../account-erasure.service';
import type { CancelPaperRegistrationOutcome } from '../paper-registration-cancellation.service';
import { FacilitatorNotApprovedErrorModel, InvalidDelegationTransitionErrorModel } from '../../delegation/api/delegation.models';
import { MESSAGES } from '../../messages';
import { DelegationStatus } from '../../delegation/delegation.types';
import { WrongPasswordErrorModel } from '../../auth/api/account.models';
import { AccountErasedModel, AccountErasureRefusedErrorModel, PaperRegistrationCancelledModel, PaperRegistrationKeptErrorModel } from './privacy.models';

export const DeleteMyAccountResult = resultUnion({
  name: 'DeleteMyAccountResult',
  types: () => [AccountErasedModel, AccountErasureRefusedErrorModel, WrongPasswordErrorModel] as const,
});

export function toDeleteMyAccountResult(outcome: EraseAccountOutcome): typeof DeleteMyAccountResult {
  switch (outcome.kind) {
    case 'erased':
      return modelOf(AccountErasedModel, { erasedAt: outcome.erasedAt });
    case 'refused':
      return new AccountErasureRefusedErrorModel(outcome.blockers);
    case 'wrong-password':
      return new WrongPasswordErrorModel(MESSAGES.privacy.wrongPassword(), 'input.password');
  }
}

export const CancelPaperRegistrationResult = resultUnion({
  name: 'CancelPaperRegistrationResult',
  types: () => [PaperRegistrationCancelledModel, PaperRegistrationKeptErrorModel, WrongPasswordErrorModel, InvalidDelegationTransitionErrorModel, FacilitatorNotApprovedErrorModel] as const,
});

export function toCancelPaperRegistrationResult(outcome: CancelPaperRegistrationOutcome): typeof CancelPaperRegistrationResult {
  switch (outcome.kind) {
    case 'cancelled':
      return modelOf(PaperRegistrationCancelledModel, { delegationId: outcome.delegationId, cancelledAt: outcome.cancelledAt });
    case 'kept':
      return new PaperRegistrationKeptErrorModel(outcome.matches, outcome.applications, 'input.delegationId');
    case 'wrong-password':
      return new WrongPasswordErrorModel(MESSAGES.privacy.wrongPassword(), 'input.password');
    case 'not-approved':
      return new FacilitatorNotApprovedErrorModel(MESSAGES.delegation.facilitatorNotApproved());
    case 'not-cancellable':
      return new InvalidDelegationTransitionErrorModel(MESSAGES.privacy.registrationNotCancellable(), 'input.delegationId', outcome.current);
    case 'shared':
      // Still live: the facilitator may stop acting for the shop, which someone else looks after.
      return new InvalidDelegationTransitionErrorModel(MESSAGES.privacy.registrationShared(), 'input.delegationId', DelegationStatus.ACTIVE);
  }
}
