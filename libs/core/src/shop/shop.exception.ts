import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { userInputError } from '../common/user-input.error';

export enum ShopErrorCode {
  SHOP_NOT_REGISTERED = 'SHOP_NOT_REGISTERED',
  SHOP_NOT_FOUND = 'SHOP_NOT_FOUND',
  ATECO_UNKNOWN_SECTION = 'ATECO_UNKNOWN_SECTION',
  ATECO_UNKNOWN_DIVISION = 'ATECO_UNKNOWN_DIVISION',
  ATECO_DIVISION_NOT_IN_SECTION = 'ATECO_DIVISION_NOT_IN_SECTION',
  COORDINATES_INCOMPLETE = 'COORDINATES_INCOMPLETE',
}

export class ShopException extends Error {
  constructor(
    readonly code: ShopErrorCode,
    readonly field?: string,
    readonly detail?: string,
  ) {
    super(code);
  }
}

/** The one mapping from shop failures to GraphQL errors. */
export function shopErrorToGraphQL(error: ShopException): GraphQLError {
  const field = error.field ?? 'input';
  const bad = (message: string, messageIt: string): GraphQLError => userInputError([{ field, code: error.code, message, messageIt }]);
  switch (error.code) {
    case ShopErrorCode.SHOP_NOT_REGISTERED:
      return new GraphQLError('Register your shop first', {
        extensions: { code: 'NOT_FOUND', reason: error.code, messageIt: 'Registra prima la tua attività' },
      });
    case ShopErrorCode.SHOP_NOT_FOUND:
      return new GraphQLError('No such shop', { extensions: { code: 'NOT_FOUND', reason: error.code, messageIt: 'Attività non trovata' } });
    case ShopErrorCode.ATECO_UNKNOWN_SECTION:
      return bad(`${field}: "${error.detail}" is not an ATECO 2025 section`, `${field}: "${error.detail}" non è una sezione ATECO 2025`);
    case ShopErrorCode.ATECO_UNKNOWN_DIVISION:
      return bad(`${field}: "${error.detail}" is not an ATECO 2025 division`, `${field}: "${error.detail}" non è una divisione ATECO 2025`);
    case ShopErrorCode.ATECO_DIVISION_NOT_IN_SECTION:
      return bad(`${field}: division ${error.detail}`, `${field}: la divisione ${error.detail}`);
    case ShopErrorCode.COORDINATES_INCOMPLETE:
      return bad(`${field}: give both latitude and longitude, or neither`, `${field}: indicare sia la latitudine sia la longitudine, o nessuna delle due`);
  }
}

@Catch(ShopException)
export class ShopExceptionFilter implements GqlExceptionFilter {
  catch(error: ShopException, _host: ArgumentsHost): GraphQLError {
    return shopErrorToGraphQL(error);
  }
}
