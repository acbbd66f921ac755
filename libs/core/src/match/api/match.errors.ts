import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldError, userInputError, wordedError } from '../../api/user-input.error';
import { MESSAGES } from '../../messages';
import { MatchErrorCode, MatchException } from '../match.exception';

/** The one mapping from match failures to GraphQL errors (expected outcomes are union members instead). */
export function matchErrorToGraphQL(error: MatchException): GraphQLError {
  switch (error.code) {
    case MatchErrorCode.MATCH_NOT_FOUND:
      return wordedError(MESSAGES.match.notFound(), { code: 'NOT_FOUND', reason: error.code, field: error.field });
    case MatchErrorCode.SET_PART_UNKNOWN:
      return userInputError([fieldError(error.field, error.code, MESSAGES.bundle.partUnknown(error.field))]);
    case MatchErrorCode.SET_PART_TWICE:
      return userInputError([fieldError(error.field, error.code, MESSAGES.bundle.partTwice(error.field))]);
    case MatchErrorCode.SET_OFFER_NOT_FOUND:
      return wordedError(MESSAGES.offer.notFound(), { code: 'NOT_FOUND', reason: error.code, field: error.field });
    case MatchErrorCode.SET_NOT_FOUND:
      return wordedError(MESSAGES.bundle.setNotFound(error.field), { code: 'NOT_FOUND', reason: error.code, field: error.field });
  }
}

@Catch(MatchException)
export class MatchExceptionFilter implements GqlExceptionFilter {
  catch(error: MatchException, _host: ArgumentsHost): GraphQLError {
    return matchErrorToGraphQL(error);
  }
}
