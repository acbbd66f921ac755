import { resultUnion } from '../../api/result-union';
import { modelOf } from '../../api/model-instance';
import { MESSAGES } from '../../messages';
import type { CreateStaffUserOutcome, RegisterOutcome, Session } from '../auth.service';
import { AuthPayloadModel, EmailTakenErrorModel, StaffUserCreatedModel, toUserModel } from './auth.models';

/** The outcomes of creating accounts as members of their result unions; each switch covers every outcome. */

export const RegisterResult = resultUnion({
  name: 'RegisterResult',
  types: () => [AuthPayloadModel, EmailTakenErrorModel] as const,
});

export const CreateStaffUserResult = resultUnion({
  name: 'CreateStaffUserResult',
  types: () => [StaffUserCreatedModel, EmailTakenErrorModel] as const,
});

/** The session as it is answered; `refreshToken` is null when it travels in the session cookie instead. */
export const toPayload = (session: Session, refreshToken: string | null = session.refreshToken): AuthPayloadModel =>
  modelOf(AuthPayloadModel, {
    accessToken: session.accessToken,
    accessTokenExpiresAt: session.accessTokenExpiresAt,
    refreshToken,
    refreshTokenExpiresAt: session.refreshTokenExpiresAt,
    user: toUserModel(session.user),
  });

/** `deliver` hands the new session to the caller (in the answer or in the cookie). */
export function toRegisterResult(outcome: RegisterOutcome, deliver: (session: Session) => AuthPayloadModel): typeof RegisterResult {
  switch (outcome.kind) {
    case 'session':
      return deliver(outcome.session);
    case 'email-taken':
      return new EmailTakenErrorModel(MESSAGES.auth.emailTaken(), 'input.email');
  }
}

export function toCreateStaffUserResult(outcome: CreateStaffUserOutcome): typeof CreateStaffUserResult {
  switch (outcome.kind) {
    case 'created':
      return modelOf(StaffUserCreatedModel, { user: toUserModel(outcome.user), generatedPassword: outcome.generatedPassword });
    case 'email-taken':
      return new EmailTakenErrorModel(MESSAGES.auth.emailTaken(), 'input.email');
  }
}
