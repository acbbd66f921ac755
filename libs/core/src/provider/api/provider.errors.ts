import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldError, userInputError, wordedError } from '../../api/user-input.error';
import { MESSAGES } from '../../messages';
import { ProviderErrorCode, ProviderException } from '../provider.exception';

/** The one mapping from provider failures to GraphQL errors. */
export function providerErrorToGraphQL(error: ProviderException): GraphQLError {
  switch (error.code) {
    case ProviderErrorCode.PROVIDER_NOT_REGISTERED:
      return wordedError(MESSAGES.provider.notRegistered(), { code: 'NOT_FOUND', reason: error.code });
    case ProviderErrorCode.PROVIDER_NOT_FOUND:
      return wordedError(MESSAGES.provider.notFound(), { code: 'NOT_FOUND', reason: error.code });
    case ProviderErrorCode.VERIFIED_DETAIL_LOCKED: {
      const field = error.field ?? 'input.name';
      return userInputError([fieldError(field, error.code, MESSAGES.provider.verifiedDetailLocked(field))]);
    }
  }
}

@Catch(ProviderException)
export class ProviderExceptionFilter implements GqlExceptionFilter {
  catch(error: ProviderException, _host: ArgumentsHost): GraphQLError {
    return providerErrorToGraphQL(error);
  }
}
