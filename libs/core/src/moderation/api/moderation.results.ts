import { resultUnion } from '../../api/result-union';
import { MESSAGES } from '../../messages';
import { InvalidOfferTransitionErrorModel, OfferModel, toOfferModel } from '../../offer/api/offer.models';
import { InvalidVerificationTransitionErrorModel, OrganisationChangedErrorModel, OwnerErasedErrorModel, ProviderModel, toProviderModel } from '../../provider/api/provider.models';
import type { VerifyOutcome } from '../../provider/provider.service';
import type { VerificationStatus } from '../../provider/provider.types';
import type { ModerateOfferOutcome } from '../moderation.service';

/** The outcomes of staff decisions as members of their result unions; each switch covers every outcome. */

export const VerifyProviderResult = resultUnion({
  name: 'VerifyProviderResult',
  types: () => [ProviderModel, InvalidVerificationTransitionErrorModel, OwnerErasedErrorModel, OrganisationChangedErrorModel] as const,
});

export const ModerateOfferResult = resultUnion({
  name: 'ModerateOfferResult',
  types: () => [OfferModel, InvalidOfferTransitionErrorModel] as const,
});

export function toVerifyProviderResult(outcome: VerifyOutcome, decision: VerificationStatus): typeof VerifyProviderResult {
  switch (outcome.kind) {
    case 'provider':
      return toProviderModel(outcome.provider);
    case 'invalid-transition':
      return new InvalidVerificationTransitionErrorModel(MESSAGES.provider.invalidDecision(outcome.current, decision), 'input.decision', outcome.current);
    case 'owner-erased':
      return new OwnerErasedErrorModel(MESSAGES.provider.ownerErased(), 'input.providerId');
    case 'changed-since-read':
      return new OrganisationChangedErrorModel(MESSAGES.provider.changedSinceRead(outcome.updatedAt), 'input.seenUpdatedAt', outcome.updatedAt);
  }
}

export function toModerateOfferResult(outcome: ModerateOfferOutcome, change: 'suspend' | 'reinstate'): typeof ModerateOfferResult {
  switch (outcome.kind) {
    case 'offer':
      return toOfferModel(outcome.offer);
    case 'invalid-transition':
      return new InvalidOfferTransitionErrorModel(MESSAGES.offer.invalidTransition(outcome.current, change), 'input.offerId', outcome.current);
  }
}
