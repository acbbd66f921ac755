import { HeaderMap } from '@apollo/server';
import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { ThrottleException } from '../throttle.exception';

/** The words of a refusal, for GraphQL and for plain HTTP alike. */
export function throttleWords(error: ThrottleException): { message: string; messageIt: string } {
  const minutes = Math.ceil(error.retryAfterSeconds / 60);
  const wait = error.retryAfterSeconds < 60 ? `${error.retryAfterSeconds} seconds` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const attesa = error.retryAfterSeconds < 60 ? `${error.retryAfterSeconds} secondi` : `${minutes} ${minutes === 1 ? 'minuto' : 'minuti'}`;
  return error.reason === 'ACCOUNT_LOCKED'
    ? {
        message: `Too many wrong passwords for this account: it is locked for now. Try again in ${wait}`,
        messageIt: `Troppe password errate per questo account: è bloccato per ora. Riprova tra ${attesa}`,
      }
    : { message: `Too many requests from your connection. Try again in ${wait}`, messageIt: `Troppe richieste dalla tua connessione. Riprova tra ${attesa}` };
}

/**
 * TOO_MANY_REQUESTS with its retry-after, in the body and as a Retry-After header. The HTTP status
 * stays 200, as for every error GraphQL execution reports (the API's other routes answer 429).
 */
export function throttleErrorToGraphQL(error: ThrottleException): GraphQLError {
  const headers = new HeaderMap([['retry-after', String(error.retryAfterSeconds)]]);
  return new GraphQLError(throttleWords(error).message, {
    extensions: {
      code: 'TOO_MANY_REQUESTS',
      reason: error.reason,
      retryAfter: error.retryAfterSeconds,
      messageIt: throttleWords(error).messageIt,
      http: { headers },
    },
  });
}

@Catch(ThrottleException)
export class ThrottleExceptionFilter implements GqlExceptionFilter {
  catch(error: ThrottleException, _host: ArgumentsHost): GraphQLError {
    return throttleErrorToGraphQL(error);
  }
}
