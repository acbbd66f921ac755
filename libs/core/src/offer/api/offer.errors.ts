import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { userInputError } from '../../api/user-input.error';
import { OfferErrorCode, OfferException } from '../offer.exception';

/** The one mapping from offer failures to GraphQL errors: each message says what to do. */
export function offerErrorToGraphQL(error: OfferException): GraphQLError {
  const { field, detail } = error;
  const bad = (message: string, messageIt: string): GraphQLError => userInputError([{ field, code: error.code, message, messageIt }]);
  switch (error.code) {
    case OfferErrorCode.OFFER_NOT_FOUND:
      return new GraphQLError('No such offer', { extensions: { code: 'NOT_FOUND', reason: error.code, field, messageIt: 'Offerta non trovata' } });
    case OfferErrorCode.COVERAGE_EMPTY:
      return bad(
        `${field}: choose at least one area: all of Italy, a region, a province, a comune or a radius`,
        `${field}: scegli almeno un’area: tutta Italia, una regione, una provincia, un comune o un raggio`,
      );
    case OfferErrorCode.RADIUS_NO_CENTRE:
      return bad(
        `${field}: choose the centre of the radius: a comune, or a point (latitude and longitude)`,
        `${field}: scegli il centro del raggio: un comune, oppure un punto (latitudine e longitudine)`,
      );
    case OfferErrorCode.RADIUS_TWO_CENTRES:
      return bad(
        `${field}: a radius has one centre: keep either the comune or the point (latitude and longitude)`,
        `${field}: un raggio ha un solo centro: tieni il comune oppure il punto (latitudine e longitudine)`,
      );
    case OfferErrorCode.RADIUS_POINT_INCOMPLETE:
      return bad(
        `${field}: a point needs both latitude and longitude`,
        `${field}: un punto ha bisogno sia della latitudine sia della longitudine`,
      );
    case OfferErrorCode.SECTORS_CONFLICT:
      return bad(
        `${field}: an offer open to every sector lists no sections or divisions: remove them, or choose only some sectors`,
        `${field}: un’offerta aperta a tutti i settori non elenca sezioni o divisioni: toglile, oppure scegli solo alcuni settori`,
      );
    case OfferErrorCode.SECTORS_EMPTY:
      return bad(
        `${field}: choose at least one ATECO section or division, or open the offer to every sector`,
        `${field}: scegli almeno una sezione o divisione ATECO, oppure apri l’offerta a tutti i settori`,
      );
    case OfferErrorCode.ATECO_UNKNOWN_SECTION:
      return bad(
        `${field}: "${detail}" is not an ATECO 2025 section: choose a letter from A to V`,
        `${field}: "${detail}" non è una sezione ATECO 2025: scegli una lettera da A a V`,
      );
    case OfferErrorCode.ATECO_UNKNOWN_DIVISION:
      return bad(
        `${field}: "${detail}" is not an ATECO 2025 division: choose one from the list`,
        `${field}: "${detail}" non è una divisione ATECO 2025: sceglila dall’elenco`,
      );
    case OfferErrorCode.VALIDITY_ORDER:
      return bad(
        `${field}: the end of the validity must come after its start: move one of the two dates`,
        `${field}: la fine della validità deve venire dopo l’inizio: sposta una delle due date`,
      );
    case OfferErrorCode.STATUS_FILTER_STAFF_ONLY:
      return bad(
        `${field}: only ministry staff filter offers by status; your own drafts and paused offers are in myOffers`,
        `${field}: solo il personale del Ministero filtra le offerte per stato; le tue bozze e le offerte in pausa sono in myOffers`,
      );
  }
}

@Catch(OfferException)
export class OfferExceptionFilter implements GqlExceptionFilter {
  catch(error: OfferException, _host: ArgumentsHost): GraphQLError {
    return offerErrorToGraphQL(error);
  }
}
