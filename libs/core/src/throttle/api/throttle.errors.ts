import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { retryAfterExtensions } from '../../api/retry-after';
import { MESSAGES, type Words } from '../../messages';
import { ThrottleException } from '../throttle.exception';

const WORDS: Record<ThrottleException['reason'], (retryAfterSeconds: number) => Words> = {
  ADDRESS_LIMIT: MESSAGES.request.tooManyRequests,
  COST_LIMIT: MESSAGES.request.costLimit,
  DELEGATION_LIMIT: MESSAGES.request.delegationLimit,
  EMAIL_LIMIT: MESSAGES.request.emailLimit,
  INVITATION_LIMIT: MESSAGES.request.invitationLimit,
  ACCOUNT_LOCKED: MESSAGES.request.accountLocked,
};

/** The words of a refusal, for GraphQL and for plain HTTP alike. */
export function throttleWords(error: ThrottleException): { message: string; messageIt: string } {
  const words = WORDS[error.reason](error.retryAfterSeconds);
  return { message: words.en, messageIt: words.it };
}

/**
 * TOO_MANY_REQUESTS with its retry-after, in the body and as a Retry-After header. The HTTP status
 * stays 200, as for every error GraphQL execution reports (the API's other routes answer 429).
 */
export function throttleErrorToGraphQL(error: ThrottleException): GraphQLError {
  return new GraphQLError(throttleWords(error).message, {
    extensions: { code: 'TOO_MANY_REQUESTS', reason: error.reason, ...retryAfterExtensions(error.retryAfterSeconds), messageIt: throttleWords(error).messageIt },
  });
}

@Catch(ThrottleException)
export class ThrottleExceptionFilter implements GqlExceptionFilter {
  catch(error: ThrottleException, _host: ArgumentsHost): GraphQLError {
    return throttleErrorToGraphQL(error);
  }
}
