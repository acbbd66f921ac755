import { resultUnion } from '../../api/result-union';
import { MESSAGES } from '../../messages';
import { PartitaIvaTakenErrorModel } from '../../shop/api/shop.models';
import type { RegisterProviderOutcome } from '../provider.service';
import type { VerificationStatus } from '../provider.types';
import { ProviderAlreadyRegisteredErrorModel, ProviderModel, ProviderNotApprovedErrorModel, toProviderModel } from './provider.models';

/** The outcomes of registering a provider as members of its result union; the switch covers every outcome. */

export const RegisterProviderResult = resultUnion({
  name: 'RegisterProviderResult',
  types: () => [ProviderModel, ProviderAlreadyRegisteredErrorModel, PartitaIvaTakenErrorModel] as const,
});

export function toRegisterProviderResult(outcome: RegisterProviderOutcome): typeof RegisterProviderResult {
  switch (outcome.kind) {
    case 'provider':
      return toProviderModel(outcome.provider);
    case 'already-registered':
      return new ProviderAlreadyRegisteredErrorModel(MESSAGES.provider.alreadyRegistered());
    case 'partita-iva-taken':
      return new PartitaIvaTakenErrorModel(MESSAGES.provider.partitaIvaTaken(), 'input.partitaIva');
  }
}

/** The refusal a suspended or rejected organisation gets for an action towards shops. */
export const providerNotApproved = (status: VerificationStatus, field: string): ProviderNotApprovedErrorModel =>
  new ProviderNotApprovedErrorModel(MESSAGES.provider.notApproved(status), field, status);
