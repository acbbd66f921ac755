import { resultUnion } from '../../api/result-union';
import { MESSAGES } from '../../messages';
import { InvalidVerificationTransitionErrorModel, OrganisationChangedErrorModel, OwnerErasedErrorModel } from '../../provider/api/provider.models';
import type { VerificationStatus } from '../../provider/provider.types';
import type { RegisterFacilitatorOutcome, VerifyFacilitatorOutcome } from '../facilitator.service';
import { FacilitatorAlreadyRegisteredErrorModel, FacilitatorModel, TaxCodeTakenErrorModel, toFacilitatorModel } from './facilitator.models';

/** The outcomes of registering and verifying a facilitator as members of their result unions; each switch covers every outcome. */

export const RegisterFacilitatorResult = resultUnion({
  name: 'RegisterFacilitatorResult',
  types: () => [FacilitatorModel, FacilitatorAlreadyRegisteredErrorModel, TaxCodeTakenErrorModel] as const,
});

export const VerifyFacilitatorResult = resultUnion({
  name: 'VerifyFacilitatorResult',
  types: () => [FacilitatorModel, InvalidVerificationTransitionErrorModel, OwnerErasedErrorModel, OrganisationChangedErrorModel] as const,
});

export function toRegisterFacilitatorResult(outcome: RegisterFacilitatorOutcome): typeof RegisterFacilitatorResult {
  switch (outcome.kind) {
    case 'facilitator':
      return toFacilitatorModel(outcome.facilitator);
    case 'already-registered':
      return new FacilitatorAlreadyRegisteredErrorModel(MESSAGES.facilitator.alreadyRegistered());
    case 'tax-code-taken':
      return new TaxCodeTakenErrorModel(MESSAGES.facilitator.taxCodeTaken(), 'input.taxCode');
  }
}

export function toVerifyFacilitatorResult(outcome: VerifyFacilitatorOutcome, decision: VerificationStatus): typeof VerifyFacilitatorResult {
  switch (outcome.kind) {
    case 'facilitator':
      return toFacilitatorModel(outcome.facilitator);
    case 'invalid-transition':
      return new InvalidVerificationTransitionErrorModel(MESSAGES.provider.invalidDecision(outcome.current, decision), 'input.decision', outcome.current);
    case 'owner-erased':
      return new OwnerErasedErrorModel(MESSAGES.provider.ownerErased(), 'input.facilitatorId');
    case 'changed-since-read':
      return new OrganisationChangedErrorModel(MESSAGES.provider.changedSinceRead(outcome.updatedAt), 'input.seenUpdatedAt', outcome.updatedAt);
  }
}
