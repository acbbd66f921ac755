import { modelOf } from '../../api/model-instance';
import { resultUnion } from '../../api/result-union';
import { MESSAGES } from '../../messages';
import type { ChangePasswordOutcome, ConfirmEmailChangeOutcome, LinkOutcome, RequestEmailChangeOutcome, ResendVerificationOutcome } from '../account.service';
import {
  AccountLinkErrorModel,
  EmailAlreadyVerifiedErrorModel,
  EmailChangeRequestedModel,
  EmailNotVerifiedErrorModel,
  EmailVerificationSentModel,
  WrongPasswordErrorModel,
} from './account.models';
import { EmailTakenErrorModel, toUserModel, UserModel } from './auth.models';

/** The outcomes of the account's own changes as members of their result unions; each switch covers every outcome. */

export const AccountLinkResult = resultUnion({
  name: 'AccountLinkResult',
  description: 'The account after the link did its work, or why the link does not work.',
  types: () => [UserModel, AccountLinkErrorModel] as const,
});

export const ConfirmEmailChangeResult = resultUnion({
  name: 'ConfirmEmailChangeResult',
  types: () => [UserModel, AccountLinkErrorModel, EmailTakenErrorModel] as const,
});

export const ResendEmailVerificationResult = resultUnion({
  name: 'ResendEmailVerificationResult',
  types: () => [EmailVerificationSentModel, EmailAlreadyVerifiedErrorModel] as const,
});

export const ChangePasswordResult = resultUnion({
  name: 'ChangePasswordResult',
  types: () => [UserModel, WrongPasswordErrorModel] as const,
});

export const RequestEmailChangeResult = resultUnion({
  name: 'RequestEmailChangeResult',
  types: () => [EmailChangeRequestedModel, WrongPasswordErrorModel, EmailTakenErrorModel] as const,
});

/** For the features whose actions wait for a verified address (applying, publishing). */
export const emailNotVerified = (email: string): EmailNotVerifiedErrorModel => new EmailNotVerifiedErrorModel(MESSAGES.auth.emailNotVerified(email), email);

export function toAccountLinkResult(outcome: LinkOutcome): typeof AccountLinkResult {
  switch (outcome.kind) {
    case 'done':
      return toUserModel(outcome.user);
    case 'link-not-valid':
      return new AccountLinkErrorModel(MESSAGES.auth.accountLink(outcome.problem), 'input.token', outcome.problem);
  }
}

export function toConfirmEmailChangeResult(outcome: ConfirmEmailChangeOutcome): typeof ConfirmEmailChangeResult {
  switch (outcome.kind) {
    case 'email-taken':
      return new EmailTakenErrorModel(MESSAGES.auth.emailTaken(), 'input.token');
    case 'done':
    case 'link-not-valid':
      return toAccountLinkResult(outcome);
  }
}

export function toResendVerificationResult(outcome: ResendVerificationOutcome): typeof ResendEmailVerificationResult {
  switch (outcome.kind) {
    case 'sent':
      return modelOf(EmailVerificationSentModel, { email: outcome.email, expiresAt: outcome.expiresAt });
    case 'already-verified':
      return new EmailAlreadyVerifiedErrorModel(MESSAGES.auth.emailAlreadyVerified());
  }
}

export function toChangePasswordResult(outcome: ChangePasswordOutcome): typeof ChangePasswordResult {
  switch (outcome.kind) {
    case 'changed':
      return toUserModel(outcome.user);
    case 'wrong-password':
      return new WrongPasswordErrorModel(MESSAGES.auth.wrongCurrentPassword(), 'input.currentPassword');
  }
}

export function toRequestEmailChangeResult(outcome: RequestEmailChangeOutcome): typeof RequestEmailChangeResult {
  switch (outcome.kind) {
    case 'requested':
      return modelOf(EmailChangeRequestedModel, { newEmail: outcome.newEmail, expiresAt: outcome.expiresAt });
    case 'wrong-password':
      return new WrongPasswordErrorModel(MESSAGES.auth.wrongCurrentPassword(), 'input.currentPassword');
    case 'email-taken':
      return new EmailTakenErrorModel(MESSAGES.auth.emailTaken(), 'input.newEmail');
    case 'same-email':
      return new EmailTakenErrorModel(MESSAGES.auth.sameEmail(), 'input.newEmail');
  }
}
