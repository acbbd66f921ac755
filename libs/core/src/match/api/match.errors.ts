import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { wordedError } from '../../api/user-input.error';
import { MESSAGES } from '../../messages';
import { MatchErrorCode, MatchException } from '../match.exception';

/** The one mapping from match failures to GraphQL errors (expected outcomes are union members instead). */
export function matchErrorToGraphQL(error: MatchException): GraphQLError {
  switch (error.code) {
    case MatchErrorCode.MATCH_NOT_FOUND:
      return wordedError(MESSAGES.match.notFound(), { code: 'NOT_FOUND', reason: error.code, field: error.field });
  }
}

@Catch(MatchException)
export class MatchExceptionFilter implements GqlExceptionFilter {
  catch(error: MatchException, _host: ArgumentsHost): GraphQLError {
    return matchErrorToGraphQL(error);
  }
}
