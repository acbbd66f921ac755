import { resultUnion } from '../../api/result-union';
import { MESSAGES } from '../../messages';
import type { HandoverOutcome } from '../delegation-handover.service';
import {
  DelegationHandoverModel,
  HandoverNotPendingErrorModel,
  HandoverPendingErrorModel,
  HandoverReceiverNotApprovedErrorModel,
  HandoverReceiverUnknownErrorModel,
  HandoverToSelfErrorModel,
  NotActingForShopErrorModel,
  ShopClaimedErrorModel,
  toDelegationHandoverModel,
} from './delegation-handover.models';
import { AlreadyDelegatedErrorModel, FacilitatorNotApprovedErrorModel } from './delegation.models';

/** Handover outcomes as members of their result union; the switch covers every outcome. */

export const DelegationHandoverResult = resultUnion({
  name: 'DelegationHandoverResult',
  types: () =>
    [
      DelegationHandoverModel,
      FacilitatorNotApprovedErrorModel,
      HandoverReceiverUnknownErrorModel,
      HandoverReceiverNotApprovedErrorModel,
      HandoverToSelfErrorModel,
      AlreadyDelegatedErrorModel,
      NotActingForShopErrorModel,
      ShopClaimedErrorModel,
      HandoverPendingErrorModel,
      HandoverNotPendingErrorModel,
    ] as const,
});

/** `field` names the input the outcome is about (the delegation when offering, the handover when answering or withdrawing). */
export function toDelegationHandoverResult(outcome: HandoverOutcome, field: string): typeof DelegationHandoverResult {
  const m = MESSAGES.delegation;
  switch (outcome.kind) {
    case 'handover':
      return toDelegationHandoverModel(outcome.handover);
    case 'not-approved':
      return new FacilitatorNotApprovedErrorModel(m.facilitatorNotApproved());
    case 'receiver-unknown':
      return new HandoverReceiverUnknownErrorModel(m.handoverReceiverUnknown(outcome.ambiguous), 'input.toEmail');
    case 'receiver-not-approved':
      return new HandoverReceiverNotApprovedErrorModel(m.handoverReceiverNotApproved(), 'input.toEmail');
    case 'to-self':
      return new HandoverToSelfErrorModel(m.handoverToSelf(), 'input.toEmail');
    case 'already-delegated':
      return new AlreadyDelegatedErrorModel(m.alreadyDelegated(), field);
    case 'not-acting':
      return new NotActingForShopErrorModel(m.handoverNotActing(outcome.giver), field);
    case 'shop-claimed':
      return new ShopClaimedErrorModel(m.handoverShopClaimed(), field);
    case 'handover-pending':
      return new HandoverPendingErrorModel(m.handoverPending(), field);
    case 'not-pending':
      return new HandoverNotPendingErrorModel(m.handoverNotPending(outcome.current), field, outcome.current);
  }
}
