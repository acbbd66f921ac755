import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldError, userInputError, wordedError } from '../../api/user-input.error';
import { MESSAGES } from '../../messages';
import { SelectionCallErrorCode, SelectionCallException } from '../selection-call.exception';

/** The one mapping from selection-call failures to GraphQL errors. */
export function selectionCallErrorToGraphQL(error: SelectionCallException): GraphQLError {
  const words = MESSAGES.selectionCall;
  const { detail } = error;
  const input = (text: ReturnType<typeof words.offerNotFound>): GraphQLError => userInputError([fieldError(error.field, error.code, text)]);
  switch (error.code) {
    case SelectionCallErrorCode.CALL_NOT_FOUND:
      return wordedError(words.callNotFound(), { code: 'NOT_FOUND', reason: error.code, field: error.field });
    case SelectionCallErrorCode.APPLICATION_NOT_FOUND:
      return wordedError(words.applicationNotFound(), { code: 'NOT_FOUND', reason: error.code, field: error.field });
    case SelectionCallErrorCode.OFFER_NOT_FOUND:
      return input(words.offerNotFound(error.field));
    case SelectionCallErrorCode.OFFER_NOT_PUBLISHED:
      return input(words.offerNotPublished(error.field));
    case SelectionCallErrorCode.OFFER_PAUSED:
      return input(words.offerPaused(error.field));
    case SelectionCallErrorCode.OFFER_SUSPENDED:
      return input(words.offerSuspended(error.field));
    case SelectionCallErrorCode.OFFER_CLOSED:
      return input(words.offerClosed(error.field));
    case SelectionCallErrorCode.OFFER_PROVIDER_NOT_APPROVED:
      return input(words.offerProviderNotApproved(error.field));
    case SelectionCallErrorCode.OFFER_VALIDITY_ENDS:
      return input(words.offerValidityEnds(error.field, detail.date ?? new Date(0)));
    case SelectionCallErrorCode.OFFER_NOT_YET_VALID:
      return input(words.offerNotYetValid(error.field, detail.date ?? new Date(0)));
    case SelectionCallErrorCode.OFFER_OUTSIDE_TERRITORY:
      return input(words.offerOutsideTerritory(error.field));
    case SelectionCallErrorCode.OFFER_OTHER_SECTORS:
      return input(words.offerOtherSectors(error.field));
    case SelectionCallErrorCode.PLACES_OVER_FREE_CAPACITY:
      return input(words.placesOverFreeCapacity(error.field, detail.asked ?? 0, detail.free ?? 0, detail.promised ?? 0));
    case SelectionCallErrorCode.DUPLICATE_CRITERION:
      return input(words.duplicateCriterion(error.field));
    case SelectionCallErrorCode.CRITERION_FIELD_NOT_FOR_KIND:
      return input(words.criterionFieldNotForKind(error.field, detail.kind ?? '', detail.belongsTo ?? ''));
    case SelectionCallErrorCode.DUPLICATE_CODE:
      return input(words.duplicateCode(error.field));
    case SelectionCallErrorCode.UNKNOWN_QUESTION:
      return input(words.unknownQuestion(error.field));
    case SelectionCallErrorCode.UNKNOWN_DECLARATION:
      return input(words.unknownDeclaration(error.field));
    case SelectionCallErrorCode.CRITERION_INCOMPLETE:
      return input(words.criterionIncomplete(error.field));
    case SelectionCallErrorCode.UNKNOWN_TERRITORY:
      return input(words.unknownTerritory(error.field));
    case SelectionCallErrorCode.EMPLOYEE_BOUNDS:
      return input(words.employeeBounds(error.field));
    case SelectionCallErrorCode.CLOSES_IN_PAST:
      return input(words.closesInPast(error.field));
    case SelectionCallErrorCode.WINDOW_ORDER:
      return input(words.windowOrder(error.field));
    case SelectionCallErrorCode.NOT_CALL_PUBLISHER:
      return wordedError(MESSAGES.callPublisher.notAuthorised(), { code: 'FORBIDDEN', reason: error.code });
    case SelectionCallErrorCode.ORGANISATION_NOT_APPROVED:
      return wordedError(MESSAGES.callPublisher.organisationNotApproved(), { code: 'FORBIDDEN', reason: error.code });
    case SelectionCallErrorCode.NOT_CALL_RUNNER:
      return wordedError(MESSAGES.callPublisher.notRunner(), { code: 'FORBIDDEN', reason: error.code, field: error.field });
    case SelectionCallErrorCode.RUNNER_CANNOT_APPLY:
      return wordedError(MESSAGES.callPublisher.runnerCannotApply(), { code: 'FORBIDDEN', reason: error.code, field: error.field });
    case SelectionCallErrorCode.PUBLISHER_NOT_AUTHORISED:
      return wordedError(MESSAGES.callPublisher.draftOrganisationNotAuthorised(), { code: 'FORBIDDEN', reason: error.code, field: error.field });
  }
}

@Catch(SelectionCallException)
export class SelectionCallExceptionFilter implements GqlExceptionFilter {
  catch(error: SelectionCallException, _host: ArgumentsHost): GraphQLError {
    return selectionCallErrorToGraphQL(error);
  }
}
