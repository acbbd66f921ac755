import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldError, userInputError, wordedError } from '../../api/user-input.error';
import { MESSAGES } from '../../messages';
import { AllocationErrorCode, AllocationException } from '../allocation.exception';

/** The one mapping from allocation-run failures to GraphQL errors. */
export function allocationErrorToGraphQL(error: AllocationException): GraphQLError {
  switch (error.code) {
    case AllocationErrorCode.RUN_NOT_FOUND:
      return wordedError(MESSAGES.allocation.runNotFound(), { code: 'NOT_FOUND', reason: error.code, field: error.field });
    case AllocationErrorCode.RUN_AT_IN_PAST:
      return userInputError([fieldError(error.field, error.code, MESSAGES.allocation.runAtInPast(error.field))]);
    case AllocationErrorCode.RUN_AT_TOO_FAR:
      return userInputError([fieldError(error.field, error.code, MESSAGES.allocation.runAtTooFar(error.field))]);
  }
}

@Catch(AllocationException)
export class AllocationExceptionFilter implements GqlExceptionFilter {
  catch(error: AllocationException, _host: ArgumentsHost): GraphQLError {
    return allocationErrorToGraphQL(error);
  }
}
