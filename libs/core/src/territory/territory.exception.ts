import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { userInputError } from '../common/user-input.error';

export enum TerritoryErrorCode {
  REGION_NOT_FOUND = 'REGION_NOT_FOUND',
  PROVINCE_NOT_FOUND = 'PROVINCE_NOT_FOUND',
  COMUNE_NOT_FOUND = 'COMUNE_NOT_FOUND',
  EMPTY_SEARCH = 'EMPTY_SEARCH',
}

export class TerritoryException extends Error {
  constructor(
    readonly code: TerritoryErrorCode,
    /** The argument or input field that named the missing place. */
    readonly field: string,
    readonly value: string,
  ) {
    super(`${code}: ${field}=${value}`);
  }
}

/** The one mapping from territory failures to GraphQL errors. */
export function territoryErrorToGraphQL(error: TerritoryException): GraphQLError {
  const { field, value } = error;
  switch (error.code) {
    case TerritoryErrorCode.REGION_NOT_FOUND:
      return userInputError([
        { field, code: error.code, message: `no region has ISTAT code "${value}"`, messageIt: `nessuna regione ha codice ISTAT "${value}"` },
      ]);
    case TerritoryErrorCode.PROVINCE_NOT_FOUND:
      return userInputError([
        { field, code: error.code, message: `no province has ISTAT code "${value}"`, messageIt: `nessuna provincia ha codice ISTAT "${value}"` },
      ]);
    case TerritoryErrorCode.COMUNE_NOT_FOUND:
      return userInputError([
        { field, code: error.code, message: `no comune has ISTAT code "${value}"`, messageIt: `nessun comune ha codice ISTAT "${value}"` },
      ]);
    case TerritoryErrorCode.EMPTY_SEARCH:
      return userInputError([
        { field, code: error.code, message: 'search must contain at least one letter or digit', messageIt: 'la ricerca deve contenere almeno una lettera o una cifra' },
      ]);
  }
}

@Catch(TerritoryException)
export class TerritoryExceptionFilter implements GqlExceptionFilter {
  catch(error: TerritoryException, _host: ArgumentsHost): GraphQLError {
    return territoryErrorToGraphQL(error);
  }
}
