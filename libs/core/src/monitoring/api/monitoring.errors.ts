import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldError, userInputError } from '../../api/user-input.error';
import { MESSAGES, type Words } from '../../messages';
import { MonitoringErrorCode, MonitoringException } from '../monitoring.exception';

const WORDS: Record<MonitoringErrorCode, (error: MonitoringException) => Words> = {
  PROVINCE_OUTSIDE_REGION: (error) => MESSAGES.monitoring.provinceOutsideRegion(error.field),
  TOO_MANY_BUCKETS: (error) => MESSAGES.monitoring.tooManyBuckets(error.field, error.byWeek),
  UNKNOWN_EXPORT: (error) => MESSAGES.monitoring.unknownExport(error.field),
};

/** The one mapping from monitoring failures to errors (bad filters are bad input). */
export function monitoringErrorToGraphQL(error: MonitoringException): GraphQLError {
  return userInputError([fieldError(error.field, error.code, WORDS[error.code](error))]);
}

@Catch(MonitoringException)
export class MonitoringExceptionFilter implements GqlExceptionFilter {
  catch(error: MonitoringException, _host: ArgumentsHost): GraphQLError {
    return monitoringErrorToGraphQL(error);
  }
}
