import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldError, userInputError, wordedError } from '../../api/user-input.error';
import { MESSAGES, type Words } from '../../messages';
import { ShopErrorCode, ShopException } from '../shop.exception';

/** The one mapping from shop failures to GraphQL errors: each message says what to do. */
export function shopErrorToGraphQL(error: ShopException): GraphQLError {
  const field = error.field ?? 'input';
  const bad = (words: Words): GraphQLError => userInputError([fieldError(field, error.code, words)]);
  switch (error.code) {
    case ShopErrorCode.SHOP_NOT_REGISTERED:
      return wordedError(MESSAGES.shop.notRegistered(), { code: 'NOT_FOUND', reason: error.code });
    case ShopErrorCode.SHOP_NOT_FOUND:
      // The field says which: a shop id asked for, or the shop a facilitator's header names (its delegation ended, or never was).
      return wordedError(MESSAGES.shop.notFound(), { code: 'NOT_FOUND', reason: error.code, field });
    case ShopErrorCode.NO_SHOP_NAMED:
      return wordedError(MESSAGES.shop.noShopNamed(), { code: 'BAD_USER_INPUT', reason: error.code });
    case ShopErrorCode.ATECO_UNKNOWN_SECTION:
      return bad(MESSAGES.sector.unknownSection(field, error.detail ?? ''));
    case ShopErrorCode.ATECO_UNKNOWN_DIVISION:
      return bad(MESSAGES.sector.unknownDivision(field, error.detail ?? ''));
    case ShopErrorCode.ATECO_DIVISION_NOT_IN_SECTION: {
      const { section, divisionSection } = error.params;
      return bad(MESSAGES.sector.divisionNotInSection(field, { division: error.detail ?? '', divisionSection, section }));
    }
    case ShopErrorCode.COORDINATES_INCOMPLETE:
      return bad(MESSAGES.shop.coordinatesIncomplete(field));
    case ShopErrorCode.COORDINATES_FAR_FROM_COMUNE: {
      const { km, maxKm, comune } = error.params;
      // Either coordinate may be the wrong one: both fields are named.
      const axes = ['latitude', 'longitude'].map((axis) => field.replace(/latitude$/, axis));
      return userInputError(axes.map((axis) => fieldError(axis, error.code, MESSAGES.shop.coordinatesFarFromComune(axis, { km, maxKm, comune }))));
    }
  }
}

@Catch(ShopException)
export class ShopExceptionFilter implements GqlExceptionFilter {
  catch(error: ShopException, _host: ArgumentsHost): GraphQLError {
    return shopErrorToGraphQL(error);
  }
}
