import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { userInputError } from '../../api/user-input.error';
import { TerritoryErrorCode, TerritoryException } from '../territory.exception';

/** The one mapping from territory failures to GraphQL errors. */
export function territoryErrorToGraphQL(error: TerritoryException): GraphQLError {
  const { field, value } = error;
  switch (error.code) {
    case TerritoryErrorCode.REGION_NOT_FOUND:
      return userInputError([
        {
          field,
          code: error.code,
          message: `no region has the code "${value}": choose it from the list of regions`,
          messageIt: `nessuna regione ha il codice "${value}": sceglila dall’elenco delle regioni`,
        },
      ]);
    case TerritoryErrorCode.PROVINCE_NOT_FOUND:
      return userInputError([
        {
          field,
          code: error.code,
          message: `no province has the code "${value}": choose it from the list of provinces`,
          messageIt: `nessuna provincia ha il codice "${value}": sceglila dall’elenco delle province`,
        },
      ]);
    case TerritoryErrorCode.COMUNE_NOT_FOUND:
      return userInputError([
        {
          field,
          code: error.code,
          message: `no comune has the code "${value}": choose it from the list of comuni`,
          messageIt: `nessun comune ha il codice "${value}": sceglilo dall’elenco dei comuni`,
        },
      ]);
    case TerritoryErrorCode.EMPTY_SEARCH:
      return userInputError([
        {
          field,
          code: error.code,
          message: 'search must contain at least one letter or digit: type part of the name',
          messageIt: 'la ricerca deve contenere almeno una lettera o una cifra: scrivi parte del nome',
        },
      ]);
  }
}

@Catch(TerritoryException)
export class TerritoryExceptionFilter implements GqlExceptionFilter {
  catch(error: TerritoryException, _host: ArgumentsHost): GraphQLError {
    return territoryErrorToGraphQL(error);
  }
}
