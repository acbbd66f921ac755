import { resultUnion } from '../../api/result-union';
import { MESSAGES } from '../../messages';
import { PartitaIvaTakenErrorModel } from '../../shop/api/shop.models';
import type { AnswerInvitationOutcome, ClaimOutcome } from '../delegation-link.service';
import type { InvitationOutcome } from '../delegation-invitation.service';
import type { DelegationOutcome } from '../delegation.service';
import {
  AccountHasShopErrorModel,
  ClaimForAnotherAddressErrorModel,
  AlreadyDelegatedErrorModel,
  ClaimedShopModel,
  DelegationModel,
  FacilitatorNotApprovedErrorModel,
  InvalidDelegationTransitionErrorModel,
  InvitationForAnotherAddressErrorModel,
  InvitationPendingErrorModel,
  SignInFirstErrorModel,
  toDelegationModel,
  UnclaimedShopErrorModel,
} from './delegation.models';
import { modelOf } from '../../api/model-instance';

/** Delegation outcomes as members of their result unions; each switch covers every outcome. */

export const DelegationResult = resultUnion({
  name: 'DelegationResult',
  types: () =>
    [DelegationModel, FacilitatorNotApprovedErrorModel, AlreadyDelegatedErrorModel, InvalidDelegationTransitionErrorModel, PartitaIvaTakenErrorModel, UnclaimedShopErrorModel, InvitationPendingErrorModel, InvitationForAnotherAddressErrorModel] as const,
});

export const ClaimShopResult = resultUnion({
  name: 'ClaimShopResult',
  types: () => [ClaimedShopModel, AccountHasShopErrorModel, ClaimForAnotherAddressErrorModel, SignInFirstErrorModel] as const,
});

export function toDelegationResult(outcome: DelegationOutcome | AnswerInvitationOutcome | InvitationOutcome, field: string): typeof DelegationResult {
  switch (outcome.kind) {
    case 'delegation':
      return toDelegationModel(outcome.delegation);
    case 'not-approved':
      return new FacilitatorNotApprovedErrorModel(MESSAGES.delegation.facilitatorNotApproved());
    case 'already-delegated':
      return new AlreadyDelegatedErrorModel(MESSAGES.delegation.alreadyDelegated(), field);
    case 'invalid-transition':
      return new InvalidDelegationTransitionErrorModel(MESSAGES.delegation.invalidTransition(outcome.current), field, outcome.current);
    case 'partita-iva-taken':
      return new PartitaIvaTakenErrorModel(MESSAGES.shop.partitaIvaTaken(), 'input.shop.partitaIva');
    case 'not-claimable':
      return new InvalidDelegationTransitionErrorModel(MESSAGES.delegation.notClaimable(), field, outcome.current);
    case 'unclaimed-shop':
      return new UnclaimedShopErrorModel(MESSAGES.delegation.unclaimedShop(), field);
    case 'another-address':
      return new InvitationForAnotherAddressErrorModel(MESSAGES.delegation.invitationForAnotherAddress(outcome.invitedEmail), field, outcome.invitedEmail);
    case 'invitation-pending':
      return new InvitationPendingErrorModel(MESSAGES.delegation.invitationPending(outcome.invitedAt, outcome.expiresAt), field, outcome.expiresAt);
  }
}

export function toClaimShopResult(outcome: ClaimOutcome): typeof ClaimShopResult {
  switch (outcome.kind) {
    case 'claimed':
      return modelOf(ClaimedShopModel, { shopId: outcome.shopId, email: outcome.email });
    case 'account-has-shop':
      return new AccountHasShopErrorModel(MESSAGES.delegation.accountHasShop());
    case 'sign-in-first':
      return new SignInFirstErrorModel(MESSAGES.delegation.signInFirst());
    case 'another-address':
      return new ClaimForAnotherAddressErrorModel(MESSAGES.delegation.claimForAnotherAddress(outcome.invitedEmail), 'input.link', outcome.invitedEmail);
  }
}
