import { modelOf } from '../../api/model-instance';
import { resultUnion } from '../../api/result-union';
import type { EraseAccountOutcome } from '../account-erasure.service';
import { MESSAGES } from '../../messages';
import { WrongPasswordErrorModel } from '../../auth/api/account.models';
import { AccountErasedModel, AccountErasureRefusedErrorModel } from './privacy.models';

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
