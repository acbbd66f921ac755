import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { ProviderErrorCode, ProviderException } from '../provider.exception';

/** The one mapping from provider failures to GraphQL errors. */
export function providerErrorToGraphQL(error: ProviderException): GraphQLError {
  switch (error.code) {
    case ProviderErrorCode.PROVIDER_NOT_REGISTERED:
      return new GraphQLError('Register your organisation first', {
        extensions: { code: 'NOT_FOUND', reason: error.code, messageIt: 'Registra prima la tua organizzazione' },
      });
    case ProviderErrorCode.PROVIDER_NOT_FOUND:
      return new GraphQLError('No such provider', { extensions: { code: 'NOT_FOUND', reason: error.code, messageIt: 'Fornitore non trovato' } });
  }
}

@Catch(ProviderException)
export class ProviderExceptionFilter implements GqlExceptionFilter {
  catch(error: ProviderException, _host: ArgumentsHost): GraphQLError {
    return providerErrorToGraphQL(error);
  }
}
