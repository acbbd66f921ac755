import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldError, userInputError, wordedError } from '../../api/user-input.error';
import { MESSAGES } from '../../messages';
import { HelpRequestErrorCode, HelpRequestException } from '../help-request.exception';

/** The one mapping from help-request failures to GraphQL errors. */
export function helpRequestErrorToGraphQL(error: HelpRequestException): GraphQLError {
  switch (error.code) {
    case HelpRequestErrorCode.HELP_REQUEST_NOT_FOUND:
      return wordedError(MESSAGES.helpRequest.notFound(), { code: 'NOT_FOUND', reason: error.code, field: error.field });
    case HelpRequestErrorCode.NOT_PROPOSED:
      return userInputError([fieldError(error.field, error.code, MESSAGES.needs.notProposed(error.field))]);
    case HelpRequestErrorCode.BUNDLE_TOO_SMALL:
      return userInputError([fieldError(error.field, error.code, MESSAGES.bundle.tooSmall(error.field))]);
    case HelpRequestErrorCode.BUNDLE_TOO_LARGE:
      return userInputError([fieldError(error.field, error.code, MESSAGES.bundle.tooLarge(error.field, error.room?.free ?? 0, error.room?.limit ?? 0))]);
    case HelpRequestErrorCode.BUNDLE_NOT_FOUND:
      return wordedError(MESSAGES.bundle.notFound(), { code: 'NOT_FOUND', reason: error.code, field: error.field });
  }
}

@Catch(HelpRequestException)
export class HelpRequestExceptionFilter implements GqlExceptionFilter {
  catch(error: HelpRequestException, _host: ArgumentsHost): GraphQLError {
    return helpRequestErrorToGraphQL(error);
  }
}
