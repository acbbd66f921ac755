import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldError, userInputError, wordedError } from '../../api/user-input.error';
import type { ServiceCategory } from '@vec/matching';
import { MESSAGES, type Words } from '../../messages';
import { SERVICE_CATEGORY_LABELS } from '../../messages/service-categories';
import { OfferErrorCode, OfferException } from '../offer.exception';

const HOLDER_RULES = {
  [OfferErrorCode.HOLDERS_CATEGORY]: 'CATEGORY',
  [OfferErrorCode.HOLDERS_OUTSIDE_COVERAGE]: 'COVERAGE',
  [OfferErrorCode.HOLDERS_SECTOR]: 'SECTOR',
  [OfferErrorCode.HOLDERS_NOT_STARTED]: 'NOT_STARTED',
  [OfferErrorCode.HOLDERS_EXPIRED]: 'EXPIRED',
} as const;

/** The one mapping from offer failures to GraphQL errors: each message says what to do. */
export function offerErrorToGraphQL(error: OfferException): GraphQLError {
  const { field, detail } = error;
  const bad = (words: Words): GraphQLError => userInputError([fieldError(field, error.code, words)]);
  switch (error.code) {
    case OfferErrorCode.OFFER_NOT_FOUND:
      return wordedError(MESSAGES.offer.notFound(), { code: 'NOT_FOUND', reason: error.code, field });
    case OfferErrorCode.COVERAGE_EMPTY:
      return bad(MESSAGES.offer.coverageEmpty(field));
    case OfferErrorCode.RADIUS_NO_CENTRE:
      return bad(MESSAGES.offer.radiusNoCentre(field));
    case OfferErrorCode.RADIUS_TWO_CENTRES:
      return bad(MESSAGES.offer.radiusTwoCentres(field));
    case OfferErrorCode.RADIUS_POINT_INCOMPLETE:
      return bad(MESSAGES.offer.radiusPointIncomplete(field));
    case OfferErrorCode.RADIUS_CENTRE_OUTSIDE_ITALY: {
      const [km = '', limit = '', nearest = ''] = (detail ?? '').split('|');
      return bad(MESSAGES.offer.radiusCentreOutsideItaly(field, km, limit, nearest));
    }
    case OfferErrorCode.SECTORS_CONFLICT:
      return bad(MESSAGES.offer.sectorsConflict(field));
    case OfferErrorCode.SECTORS_EMPTY:
      return bad(MESSAGES.offer.sectorsEmpty(field));
    case OfferErrorCode.ATECO_UNKNOWN_SECTION:
      return bad(MESSAGES.sector.unknownSection(field, detail ?? ''));
    case OfferErrorCode.ATECO_UNKNOWN_DIVISION:
      return bad(MESSAGES.sector.unknownDivision(field, detail ?? ''));
    case OfferErrorCode.VALIDITY_ORDER:
      return bad(MESSAGES.offer.validityOrder(field));
    case OfferErrorCode.VALIDITY_IN_PAST:
      return bad(MESSAGES.offer.validityInPast(field));
    case OfferErrorCode.CREATED_ENDED:
      return bad(MESSAGES.offer.createdEnded(field));
    case OfferErrorCode.START_TOO_FAR:
      return bad(MESSAGES.offer.startTooFar(field, new Date(detail ?? '')));
    case OfferErrorCode.HOLDERS_CATEGORY:
    case OfferErrorCode.HOLDERS_OUTSIDE_COVERAGE:
    case OfferErrorCode.HOLDERS_SECTOR:
    case OfferErrorCode.HOLDERS_NOT_STARTED:
    case OfferErrorCode.HOLDERS_EXPIRED: {
      const [count = '0', shop = '', comune = '', category = ''] = (detail ?? '').split('|');
      const service = SERVICE_CATEGORY_LABELS[category as ServiceCategory] ?? { en: category, it: category };
      return bad(MESSAGES.offer.holdersLeftOut(field, HOLDER_RULES[error.code], Number(count), shop, comune, service));
    }
    case OfferErrorCode.STATUS_FILTER_STAFF_ONLY:
      return bad(MESSAGES.offer.statusFilterStaffOnly(field));
    case OfferErrorCode.INTEGRATIONS_TOO_MANY:
      return bad(MESSAGES.offer.integrationsTooMany(field, detail ?? ''));
    case OfferErrorCode.INTEGRATION_SELF:
      return bad(MESSAGES.offer.integrationSelf(field));
    case OfferErrorCode.INTEGRATION_DUPLICATE:
      return bad(MESSAGES.offer.integrationDuplicate(field));
    case OfferErrorCode.INTEGRATION_PARTNER_NOT_FOUND:
      return bad(MESSAGES.offer.integrationPartnerNotFound(field));
    case OfferErrorCode.INTEGRATION_SAME_PROVIDER:
      return bad(MESSAGES.offer.integrationSameProvider(field));
  }
}

@Catch(OfferException)
export class OfferExceptionFilter implements GqlExceptionFilter {
  catch(error: OfferException, _host: ArgumentsHost): GraphQLError {
    return offerErrorToGraphQL(error);
  }
}
