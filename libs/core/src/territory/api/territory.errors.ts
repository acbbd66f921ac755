import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldError, userInputError } from '../../api/user-input.error';
import { MESSAGES, type Words } from '../../messages';
import { TerritoryErrorCode, TerritoryException } from '../territory.exception';

/** The one mapping from territory failures to GraphQL errors. */
export function territoryErrorToGraphQL(error: TerritoryException): GraphQLError {
  const { field, value } = error;
  const bad = (words: Words): GraphQLError => userInputError([fieldError(field, error.code, words)]);
  switch (error.code) {
    case TerritoryErrorCode.REGION_NOT_FOUND:
      return bad(MESSAGES.territory.regionNotFound(value));
    case TerritoryErrorCode.PROVINCE_NOT_FOUND:
      return bad(MESSAGES.territory.provinceNotFound(value));
    case TerritoryErrorCode.COMUNE_NOT_FOUND:
      return bad(MESSAGES.territory.comuneNotFound(value));
    case TerritoryErrorCode.EMPTY_SEARCH:
      return bad(MESSAGES.territory.emptySearch());
  }
}

@Catch(TerritoryException)
export class TerritoryExceptionFilter implements GqlExceptionFilter {
  catch(error: TerritoryException, _host: ArgumentsHost): GraphQLError {
    return territoryErrorToGraphQL(error);
  }
}
