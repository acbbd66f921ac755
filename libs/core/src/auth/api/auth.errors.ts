import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { AuthErrorCode, AuthException } from '../auth.exception';

const unauthenticated = (reason: AuthErrorCode, message: string, messageIt: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', reason, messageIt } });

/** The one mapping from authentication failures to GraphQL errors. */
export function authErrorToGraphQL(error: AuthException): GraphQLError {
  switch (error.code) {
    case AuthErrorCode.INVALID_CREDENTIALS:
      return unauthenticated(error.code, 'Wrong e-mail or password', 'E-mail o password errata');
    case AuthErrorCode.INVALID_REFRESH_TOKEN:
      return unauthenticated(error.code, 'The session has expired: log in again', 'La sessione è scaduta: accedi di nuovo');
    case AuthErrorCode.REFRESH_TOKEN_REUSED:
      return unauthenticated(
        error.code,
        'This session was already renewed; for safety every session of this login is closed',
        'Questa sessione era già stata rinnovata; per sicurezza tutte le sessioni di questo accesso sono state chiuse',
      );
    case AuthErrorCode.ACCOUNT_DISABLED:
      return unauthenticated(error.code, 'The account is disabled', "L'account è disattivato");
    case AuthErrorCode.SESSION_ENDED:
      return unauthenticated(error.code, 'The session has ended (logged out, or the account was disabled): log in again', 'La sessione è terminata (uscita o account disattivato): accedi di nuovo');
    case AuthErrorCode.NOT_AUTHENTICATED:
      return unauthenticated(error.code, 'Log in to do this', 'Accedi per continuare');
    case AuthErrorCode.FORBIDDEN_ROLE:
      return new GraphQLError('Your role may not do this', {
        extensions: { code: 'FORBIDDEN', reason: error.code, messageIt: 'Il tuo ruolo non consente questa operazione' },
      });
  }
}

@Catch(AuthException)
export class AuthExceptionFilter implements GqlExceptionFilter {
  catch(error: AuthException, _host: ArgumentsHost): GraphQLError {
    return authErrorToGraphQL(error);
  }
}
