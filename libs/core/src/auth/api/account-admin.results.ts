import { resultUnion } from '../../api/result-union';
import { MESSAGES } from '../../messages';
import type { AccountChangeOutcome } from '../account-admin.service';
import { AccountModel, AccountNotFoundErrorModel, AccountRunsOrganisationErrorModel, ErasedAccountErrorModel, LastAdminErrorModel, NotStaffAccountErrorModel, OwnAccountErrorModel, toAccountModel } from './account-admin.models';

/** The outcomes of changing an account as members of its result union; the switch covers every outcome. */
export const AccountChangeResult = resultUnion({
  name: 'AccountChangeResult',
  types: () => [AccountModel, AccountNotFoundErrorModel, OwnAccountErrorModel, LastAdminErrorModel, NotStaffAccountErrorModel, ErasedAccountErrorModel, AccountRunsOrganisationErrorModel] as const,
});

export function toAccountChangeResult(outcome: AccountChangeOutcome): typeof AccountChangeResult {
  switch (outcome.kind) {
    case 'changed':
      return toAccountModel(outcome.account);
    case 'not-found':
      return new AccountNotFoundErrorModel(MESSAGES.account.notFound(), 'input.userId');
    case 'own-account':
      return new OwnAccountErrorModel(MESSAGES.account.ownAccount(), 'input.userId');
    case 'last-admin':
      return new LastAdminErrorModel(MESSAGES.account.lastAdmin(), 'input.userId');
    case 'not-staff':
      return new NotStaffAccountErrorModel(MESSAGES.account.notStaff(), 'input.userId');
    case 'erased':
      return new ErasedAccountErrorModel(MESSAGES.account.erased(), 'input.userId');
    case 'runs-organisation':
      return new AccountRunsOrganisationErrorModel(MESSAGES.account.runsOrganisation(outcome.organisation, outcome.role), 'input.userId');
  }
}
