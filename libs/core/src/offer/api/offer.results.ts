import { resultUnion } from '../../api/result-union';
import { MESSAGES } from '../../messages';
import { ProviderNotApprovedErrorModel } from '../../provider/api/provider.models';
import { providerNotApproved } from '../../provider/api/provider.results';
import type { OfferStatusAction } from '../offer-status';
import type { OfferStatusOutcome, UpdateOfferOutcome } from '../offer.service';
import {
  CapacityBelowUsedErrorModel,
  InvalidOfferTransitionErrorModel,
  OfferClosedErrorModel,
  OfferModel,
  OfferValidityEndedErrorModel,
  toOfferModel,
} from './offer.models';

/** The outcomes of the offer mutations as members of their result unions; each switch covers every outcome. */

export const UpdateOfferResult = resultUnion({
  name: 'UpdateOfferResult',
  types: () => [OfferModel, CapacityBelowUsedErrorModel, OfferClosedErrorModel] as const,
});

export const OfferStatusResult = resultUnion({
  name: 'OfferStatusResult',
  description: 'The offer in its new status, or why the change is not possible now.',
  types: () => [OfferModel, InvalidOfferTransitionErrorModel, OfferValidityEndedErrorModel, ProviderNotApprovedErrorModel] as const,
});

export function toUpdateOfferResult(outcome: UpdateOfferOutcome): typeof UpdateOfferResult {
  switch (outcome.kind) {
    case 'offer':
      return toOfferModel(outcome.offer);
    case 'capacity-below-used':
      return new CapacityBelowUsedErrorModel(MESSAGES.offer.capacityBelowUsed(outcome.used), 'input.capacity', outcome.used);
    case 'closed':
      return new OfferClosedErrorModel(MESSAGES.offer.closed(), 'input.id');
  }
}

export function toOfferStatusResult(outcome: OfferStatusOutcome, action: OfferStatusAction): typeof OfferStatusResult {
  switch (outcome.kind) {
    case 'offer':
      return toOfferModel(outcome.offer);
    case 'invalid-transition':
      return new InvalidOfferTransitionErrorModel(MESSAGES.offer.invalidTransition(outcome.current, action), 'id', outcome.current);
    case 'validity-ended':
      return new OfferValidityEndedErrorModel(MESSAGES.offer.validityEnded(outcome.validUntil), 'id', outcome.validUntil);
    case 'provider-not-approved':
      return providerNotApproved(outcome.status, 'id');
  }
}
