import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldError, userInputError, wordedError } from '../../api/user-input.error';
import { MESSAGES } from '../../messages';
import { FacilitatorErrorCode, FacilitatorException } from '../facilitator.exception';

/** The one mapping from facilitator failures to GraphQL errors. */
export function facilitatorErrorToGraphQL(error: FacilitatorException): GraphQLError {
  const field = error.field ?? 'input';
  switch (error.code) {
    case FacilitatorErrorCode.FACILITATOR_NOT_REGISTERED:
      return wordedError(MESSAGES.facilitator.notRegistered(), { code: 'NOT_FOUND', reason: error.code });
    case FacilitatorErrorCode.FACILITATOR_NOT_FOUND:
      return wordedError(MESSAGES.facilitator.notFound(), { code: 'NOT_FOUND', reason: error.code, field: error.field });
    case FacilitatorErrorCode.TERRITORY_EMPTY:
      return userInputError([fieldError(field, error.code, MESSAGES.facilitator.territoryEmpty(field))]);
    case FacilitatorErrorCode.VERIFIED_DETAIL_LOCKED:
      return userInputError([fieldError(field, error.code, MESSAGES.facilitator.verifiedDetailLocked(field))]);
  }
}

@Catch(FacilitatorException)
export class FacilitatorExceptionFilter implements GqlExceptionFilter {
  catch(error: FacilitatorException, _host: ArgumentsHost): GraphQLError {
    return facilitatorErrorToGraphQL(error);
  }
}
