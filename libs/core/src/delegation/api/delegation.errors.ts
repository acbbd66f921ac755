import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldError, userInputError, wordedError } from '../../api/user-input.error';
import { MESSAGES } from '../../messages';
import { DelegationErrorCode, DelegationException } from '../delegation.exception';
import { CLAIMS_PER_ADDRESS_PER_DAY, DECLARATION_VALID_YEARS } from '../paper-consent.records';

/** The one mapping from delegation failures to GraphQL errors. */
export function delegationErrorToGraphQL(error: DelegationException): GraphQLError {
  const field = error.field ?? 'input';
  switch (error.code) {
    case DelegationErrorCode.DELEGATION_NOT_FOUND:
      return wordedError(MESSAGES.delegation.notFound(), { code: 'NOT_FOUND', reason: error.code, field: error.field });
    case DelegationErrorCode.HANDOVER_NOT_FOUND:
      return wordedError(MESSAGES.delegation.handoverNotFound(), { code: 'NOT_FOUND', reason: error.code, field: error.field });
    case DelegationErrorCode.LINK_INVALID:
      return userInputError([fieldError(field, error.code, MESSAGES.delegation.linkInvalid(field))]);
    case DelegationErrorCode.DECLARED_IN_FUTURE:
      return userInputError([fieldError(field, error.code, MESSAGES.delegation.declaredInFuture(field))]);
    case DelegationErrorCode.DECLARED_TOO_LONG_AGO:
      return userInputError([fieldError(field, error.code, MESSAGES.delegation.declaredTooLongAgo(field, DECLARATION_VALID_YEARS))]);
    case DelegationErrorCode.DECLARED_OUT_OF_RANGE:
      return userInputError([fieldError(field, error.code, MESSAGES.input.dateOutOfRange(field))]);
    case DelegationErrorCode.CLAIMS_TO_ADDRESS_LIMIT:
      return userInputError([fieldError(field, error.code, MESSAGES.delegation.claimsToAddressLimit(field, CLAIMS_PER_ADDRESS_PER_DAY))]);
    case DelegationErrorCode.OWNER_ADDRESS_CANNOT_CLAIM:
      return userInputError([fieldError(field, error.code, MESSAGES.delegation.ownerAddressCannotClaim(field))]);
    case DelegationErrorCode.OWNER_ADDRESS_HAS_SHOP_WAITING:
      return userInputError([fieldError(field, error.code, MESSAGES.delegation.ownerAddressHasShopWaiting(field))]);
    case DelegationErrorCode.INVITEE_CANNOT_ANSWER:
      return userInputError([fieldError(field, error.code, MESSAGES.delegation.inviteeCannotAnswer(field))]);
    case DelegationErrorCode.PASSWORD_NEEDED:
      return userInputError([fieldError(field, error.code, MESSAGES.delegation.passwordNeeded(field))]);
    case DelegationErrorCode.PRIVACY_NOTICE_NEEDED:
      return userInputError([fieldError(field, error.code, MESSAGES.validation.privacyNoticeVersion(field))]);
    case DelegationErrorCode.FACILITATOR_NOT_APPROVED:
      return wordedError(MESSAGES.delegation.facilitatorNotApproved(), { code: 'FORBIDDEN', reason: error.code });
  }
}

@Catch(DelegationException)
export class DelegationExceptionFilter implements GqlExceptionFilter {
  catch(error: DelegationException, _host: ArgumentsHost): GraphQLError {
    return delegationErrorToGraphQL(error);
  }
}
