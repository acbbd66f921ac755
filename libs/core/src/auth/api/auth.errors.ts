import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldError, userInputError, wordedError } from '../../api/user-input.error';
import { MESSAGES, type Words } from '../../messages';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { WeakPasswordException } from '../password-rule';

const unauthenticated = (reason: AuthErrorCode, words: Words): GraphQLError => wordedError(words, { code: 'UNAUTHENTICATED', reason });

/** The one mapping from authentication failures to GraphQL errors. */
export function authErrorToGraphQL(error: AuthException): GraphQLError {
  switch (error.code) {
    case AuthErrorCode.INVALID_CREDENTIALS:
      return unauthenticated(error.code, MESSAGES.auth.invalidCredentials());
    case AuthErrorCode.INVALID_REFRESH_TOKEN:
      return unauthenticated(error.code, MESSAGES.auth.sessionExpired());
    case AuthErrorCode.REFRESH_TOKEN_REUSED:
      return unauthenticated(error.code, MESSAGES.auth.refreshTokenReused());
    case AuthErrorCode.ACCOUNT_DISABLED:
      return unauthenticated(error.code, MESSAGES.auth.accountDisabled());
    case AuthErrorCode.SESSION_ENDED:
      return unauthenticated(error.code, MESSAGES.auth.sessionEnded());
    case AuthErrorCode.NOT_AUTHENTICATED:
      return unauthenticated(error.code, MESSAGES.auth.notAuthenticated());
    case AuthErrorCode.FORBIDDEN_ROLE:
      return wordedError(MESSAGES.auth.forbiddenRole(), { code: 'FORBIDDEN', reason: error.code });
    case AuthErrorCode.PASSWORD_CHANGE_REQUIRED:
      return wordedError(MESSAGES.auth.passwordChangeRequired(), { code: 'FORBIDDEN', reason: error.code });
  }
}

@Catch(AuthException)
export class AuthExceptionFilter implements GqlExceptionFilter {
  catch(error: AuthException, _host: ArgumentsHost): GraphQLError {
    return authErrorToGraphQL(error);
  }
}

/** A new password too easy to guess: BAD_USER_INPUT on its field, with the reason. */
@Catch(WeakPasswordException)
export class WeakPasswordExceptionFilter implements GqlExceptionFilter {
  catch(error: WeakPasswordException, _host: ArgumentsHost): GraphQLError {
    return userInputError([fieldError(error.field, 'passwordWeak', MESSAGES.validation.passwordWeak(error.field, error.weakness))]);
  }
}
