import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldError, userInputError } from '../../api/user-input.error';
import { MESSAGES, type Words } from '../../messages';
import { MonitoringErrorCode, MonitoringException } from '../monitoring.exception';

const WORDS: Record<MonitoringErrorCode, (field: string) => Words> = {
  PROVINCE_OUTSIDE_REGION: MESSAGES.monitoring.provinceOutsideRegion,
  TOO_MANY_BUCKETS: MESSAGES.monitoring.tooManyBuckets,
  UNKNOWN_EXPORT: MESSAGES.monitoring.unknownExport,
};

/** The one mapping from monitoring failures to errors (bad filters are bad input). */
export function monitoringErrorToGraphQL(error: MonitoringException): GraphQLError {
  return userInputError([fieldError(error.field, error.code, WORDS[error.code](error.field))]);
}

@Catch(MonitoringException)
export class MonitoringExceptionFilter implements GqlExceptionFilter {
  catch(error: MonitoringException, _host: ArgumentsHost): GraphQLError {
    return monitoringErrorToGraphQL(error);
  }
}
