import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { wordedError } from '../../api/user-input.error';
import { MESSAGES } from '../../messages';
import { PrivacyErrorCode, PrivacyException } from '../privacy.exception';

/** The one mapping from privacy failures to GraphQL errors (also the body of the export routes' refusals). */
export function privacyErrorToGraphQL(error: PrivacyException): GraphQLError {
  switch (error.code) {
    case PrivacyErrorCode.ACCOUNT_NOT_FOUND:
      return wordedError(MESSAGES.privacy.accountNotFound(), { code: 'NOT_FOUND', reason: error.code, field: error.field });
    case PrivacyErrorCode.EXPORT_REASON_REQUIRED:
      return wordedError(MESSAGES.privacy.exportReasonRequired(), { code: 'BAD_USER_INPUT', reason: error.code, field: error.field });
  }
}

@Catch(PrivacyException)
export class PrivacyExceptionFilter implements GqlExceptionFilter {
  catch(error: PrivacyException, _host: ArgumentsHost): GraphQLError {
    return privacyErrorToGraphQL(error);
  }
}
