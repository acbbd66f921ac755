import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

export enum HelpRequestErrorCode {
  HELP_REQUEST_NOT_FOUND = 'HELP_REQUEST_NOT_FOUND',
}

export class HelpRequestException extends Error {
  constructor(
    readonly code: HelpRequestErrorCode,
    /** The argument or input field that named the request. */
    readonly field: string,
  ) {
    super(`${code}: ${field}`);
  }
}

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
