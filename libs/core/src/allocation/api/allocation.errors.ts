import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { userInputError } from '../../api/user-input.error';
import { AllocationErrorCode, AllocationException } from '../allocation.exception';

/** The one mapping from allocation-run failures to GraphQL errors. */
export function allocationErrorToGraphQL(error: AllocationException): GraphQLError {
  switch (error.code) {
    case AllocationErrorCode.RUN_NOT_FOUND:
      return new GraphQLError('No such allocation run', { extensions: { code: 'NOT_FOUND', reason: error.code, field: error.field, messageIt: 'Esecuzione non trovata' } });
    case AllocationErrorCode.RUN_AT_IN_PAST:
      return userInputError([
        { field: error.field, code: error.code, message: `${error.field} must be in the future`, messageIt: `${error.field} deve essere nel futuro` },
      ]);
    case AllocationErrorCode.RUN_AT_TOO_FAR:
      return userInputError([
        {
          field: error.field,
          code: error.code,
          message: `${error.field} must be within a year from now`,
          messageIt: `${error.field} deve essere entro un anno da oggi`,
        },
      ]);
  }
}

@Catch(AllocationException)
export class AllocationExceptionFilter implements GqlExceptionFilter {
  catch(error: AllocationException, _host: ArgumentsHost): GraphQLError {
    return allocationErrorToGraphQL(error);
  }
}
