import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { userInputError } from '../common/user-input.error';

export enum OfferErrorCode {
  OFFER_NOT_FOUND = 'OFFER_NOT_FOUND',
  COVERAGE_EMPTY = 'COVERAGE_EMPTY',
  RADIUS_CENTER = 'RADIUS_CENTER',
  SECTORS_CONFLICT = 'SECTORS_CONFLICT',
  SECTORS_EMPTY = 'SECTORS_EMPTY',
  ATECO_UNKNOWN_SECTION = 'ATECO_UNKNOWN_SECTION',
  ATECO_UNKNOWN_DIVISION = 'ATECO_UNKNOWN_DIVISION',
  VALIDITY_ORDER = 'VALIDITY_ORDER',
  STATUS_FILTER_STAFF_ONLY = 'STATUS_FILTER_STAFF_ONLY',
}

export class OfferException extends Error {
  constructor(
    readonly code: OfferErrorCode,
    /** The argument or input field at fault, e.g. `input.coverage.radii[0]`. */
    readonly field: string,
    readonly detail?: string,
  ) {
    super(`${code}: ${field}`);
  }
}

/** The one mapping from offer failures to GraphQL errors. */
export function offerErrorToGraphQL(error: OfferException): GraphQLError {
  const { field, detail } = error;
  const bad = (message: string, messageIt: string): GraphQLError => userInputError([{ field, code: error.code, message, messageIt }]);
  switch (error.code) {
    case OfferErrorCode.OFFER_NOT_FOUND:
      return new GraphQLError('No such offer', { extensions: { code: 'NOT_FOUND', reason: error.code, field, messageIt: 'Offerta non trovata' } });
    case OfferErrorCode.COVERAGE_EMPTY:
      return bad(
        `${field}: give at least one area (national, a region, a province, a comune or a radius)`,
        `${field}: indicare almeno un'area (nazionale, una regione, una provincia, un comune o un raggio)`,
      );
    case OfferErrorCode.RADIUS_CENTER:
      return bad(
        `${field}: a radius is drawn around a comune (comuneCode) or a point (latitude and longitude), not both`,
        `${field}: il raggio si traccia attorno a un comune (comuneCode) o a un punto (latitudine e longitudine), non entrambi`,
      );
    case OfferErrorCode.SECTORS_CONFLICT:
      return bad(
        `${field}: an offer open to every sector lists no sections or divisions`,
        `${field}: un’offerta aperta a tutti i settori non elenca sezioni o divisioni`,
      );
    case OfferErrorCode.SECTORS_EMPTY:
      return bad(
        `${field}: choose at least one ATECO section or division, or open the offer to every sector`,
        `${field}: scegli almeno una sezione o divisione ATECO, oppure apri l’offerta a tutti i settori`,
      );
    case OfferErrorCode.ATECO_UNKNOWN_SECTION:
      return bad(`${field}: "${detail}" is not an ATECO 2025 section`, `${field}: "${detail}" non è una sezione ATECO 2025`);
    case OfferErrorCode.ATECO_UNKNOWN_DIVISION:
      return bad(`${field}: "${detail}" is not an ATECO 2025 division`, `${field}: "${detail}" non è una divisione ATECO 2025`);
    case OfferErrorCode.VALIDITY_ORDER:
      return bad(`${field}: validUntil must be after validFrom`, `${field}: validUntil deve essere successiva a validFrom`);
    case OfferErrorCode.STATUS_FILTER_STAFF_ONLY:
      return bad(
        `${field}: only ministry staff filter by status; use myOffers for your own drafts and paused offers`,
        `${field}: solo il personale del Ministero filtra per stato; usa myOffers per le tue bozze e offerte sospese`,
      );
  }
}

@Catch(OfferException)
export class OfferExceptionFilter implements GqlExceptionFilter {
  catch(error: OfferException, _host: ArgumentsHost): GraphQLError {
    return offerErrorToGraphQL(error);
  }
}
