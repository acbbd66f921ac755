import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { userInputError } from '../../api/user-input.error';
import { ShopErrorCode, ShopException } from '../shop.exception';

/** The one mapping from shop failures to GraphQL errors: each message says what to do. */
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
      return bad(
        `${field}: "${error.detail}" is not an ATECO 2025 section: choose a letter from A to V`,
        `${field}: "${error.detail}" non è una sezione ATECO 2025: scegli una lettera da A a V`,
      );
    case ShopErrorCode.ATECO_UNKNOWN_DIVISION:
      return bad(
        `${field}: "${error.detail}" is not an ATECO 2025 division: choose one from the list`,
        `${field}: "${error.detail}" non è una divisione ATECO 2025: sceglila dall’elenco`,
      );
    case ShopErrorCode.ATECO_DIVISION_NOT_IN_SECTION: {
      const { section, divisionSection } = error.params;
      return bad(
        `${field}: division ${error.detail} belongs to section ${divisionSection}, not ${section}: choose a division of section ${section}, or change the section`,
        `${field}: la divisione ${error.detail} appartiene alla sezione ${divisionSection}, non alla ${section}: scegli una divisione della sezione ${section}, oppure cambia sezione`,
      );
    }
    case ShopErrorCode.COORDINATES_INCOMPLETE:
      return bad(
        `${field}: give both latitude and longitude, or neither to use the comune's position`,
        `${field}: indica sia la latitudine sia la longitudine, oppure nessuna delle due per usare la posizione del comune`,
      );
    case ShopErrorCode.COORDINATES_FAR_FROM_COMUNE: {
      const { km, maxKm, comune } = error.params;
      return userInputError(
        ['latitude', 'longitude'].map((axis) => ({
          field: field.replace(/latitude$/, axis),
          code: error.code,
          message: `${field.replace(/latitude$/, axis)}: the point is ${km} km from ${comune}, but must be within ${maxKm} km of the comune: check latitude and longitude, or leave both empty to use the comune's position`,
          messageIt: `${field.replace(/latitude$/, axis)}: il punto è a ${km} km da ${comune}, ma deve trovarsi entro ${maxKm} km dal comune: controlla latitudine e longitudine, oppure lasciale vuote per usare la posizione del comune`,
        })),
      );
    }
  }
}

@Catch(ShopException)
export class ShopExceptionFilter implements GqlExceptionFilter {
  catch(error: ShopException, _host: ArgumentsHost): GraphQLError {
    return shopErrorToGraphQL(error);
  }
}
