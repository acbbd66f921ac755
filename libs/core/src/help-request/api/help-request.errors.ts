import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { HelpRequestErrorCode, HelpRequestException } from '../help-request.exception';

/** The one mapping from help-request failures to GraphQL errors. */
export function helpRequestErrorToGraphQL(error: HelpRequestException): GraphQLError {
  switch (error.code) {
    case HelpRequestErrorCode.HELP_REQUEST_NOT_FOUND:
      return new GraphQLError('No such help request', {
        extensions: { code: 'NOT_FOUND', reason: error.code, field: error.field, messageIt: 'Richiesta di aiuto non trovata' },
      });
  }
}

@Catch(HelpRequestException)
export class HelpRequestExceptionFilter implements GqlExceptionFilter {
  catch(error: HelpRequestException, _host: ArgumentsHost): GraphQLError {
    return helpRequestErrorToGraphQL(error);
  }
}
