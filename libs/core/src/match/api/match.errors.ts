import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { MatchErrorCode, MatchException } from '../match.exception';

/** The one mapping from match failures to GraphQL errors (expected outcomes are union members instead). */
export function matchErrorToGraphQL(error: MatchException): GraphQLError {
  switch (error.code) {
    case MatchErrorCode.MATCH_NOT_FOUND:
      return new GraphQLError('No such match', { extensions: { code: 'NOT_FOUND', reason: error.code, field: error.field, messageIt: 'Abbinamento non trovato' } });
  }
}

@Catch(MatchException)
export class MatchExceptionFilter implements GqlExceptionFilter {
  catch(error: MatchException, _host: ArgumentsHost): GraphQLError {
    return matchErrorToGraphQL(error);
  }
}
