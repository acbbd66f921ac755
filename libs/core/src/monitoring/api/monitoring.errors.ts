import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { userInputError } from '../../api/user-input.error';
import { MonitoringErrorCode, MonitoringException } from '../monitoring.exception';

const WORDS: Record<MonitoringErrorCode, (field: string) => { message: string; messageIt: string }> = {
  PROVINCE_OUTSIDE_REGION: (field) => ({ message: `${field} is not a province of the region given`, messageIt: `${field} non è una provincia della regione indicata` }),
  TOO_MANY_BUCKETS: (field) => ({ message: `${field}: the period has more than 400 days or weeks; shorten it or use weeks`, messageIt: `${field}: il periodo supera 400 giorni o settimane; accorcialo o usa le settimane` }),
  UNKNOWN_EXPORT: (field) => ({ message: `${field}: no such export`, messageIt: `${field}: esportazione inesistente` }),
};

/** The one mapping from monitoring failures to errors (bad filters are bad input). */
export function monitoringErrorToGraphQL(error: MonitoringException): GraphQLError {
  return userInputError([{ field: error.field, code: error.code, ...WORDS[error.code](error.field) }]);
}

@Catch(MonitoringException)
export class MonitoringExceptionFilter implements GqlExceptionFilter {
  catch(error: MonitoringException, _host: ArgumentsHost): GraphQLError {
    return monitoringErrorToGraphQL(error);
  }
}
