import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { answerHttpError } from '../../api/http-error-answer';
import { AuthException } from '../../auth/auth.exception';
import { authErrorToGraphQL } from '../../auth/api/auth.errors';
import { TerritoryException } from '../../territory/territory.exception';
import { territoryErrorToGraphQL } from '../../territory/api/territory.errors';
import { MonitoringException } from '../monitoring.exception';
import { monitoringErrorToGraphQL } from './monitoring.errors';

/** These routes take the filter's fields as query parameters: `from`, not `filter.from`. */
const asQueryParameter = (field: string): string => field.replace(/^filter\./, '');

/**
 * The export and open-data routes speak HTTP, not GraphQL: the same errors the API gives
 * (code, message in English and Italian, the fields at fault) as a JSON body with its status.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exports');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const graphql =
      error instanceof GraphQLError
        ? error
        : error instanceof MonitoringException
          ? monitoringErrorToGraphQL(new MonitoringException(error.code, asQueryParameter(error.field), error.byWeek))
          : error instanceof TerritoryException
            ? territoryErrorToGraphQL(new TerritoryException(error.code, asQueryParameter(error.field), error.value))
            : error instanceof AuthException
              ? authErrorToGraphQL(error)
              : null;
    answerHttpError(response, error, graphql, this.logger);
  }
}
