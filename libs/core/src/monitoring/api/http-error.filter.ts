import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { AuthErrorCode, AuthException } from '../../auth/auth.exception';
import { TerritoryException } from '../../territory/territory.exception';
import { territoryErrorToGraphQL } from '../../territory/api/territory.errors';
import { MonitoringException } from '../monitoring.exception';
import { monitoringErrorToGraphQL } from './monitoring.errors';
import { loggableError } from '../../common/log-safety';
import { MESSAGES } from '../../messages';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

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
          ? monitoringErrorToGraphQL(new MonitoringException(error.code, asQueryParameter(error.field)))
          : error instanceof TerritoryException
            ? territoryErrorToGraphQL(new TerritoryException(error.code, asQueryParameter(error.field), error.value))
            : error instanceof AuthException
              ? new GraphQLError(error.code === AuthErrorCode.FORBIDDEN_ROLE ? 'Your role may not do this' : 'Log in to do this', {
                  extensions: { code: error.code === AuthErrorCode.FORBIDDEN_ROLE ? 'FORBIDDEN' : 'UNAUTHENTICATED', reason: error.code },
                })
              : null;
    if (response.headersSent) {
      // A stream failed half-way: the client sees a cut file, the log says why.
      this.logger.error(`export failed after the first bytes: ${loggableError(error).message}`);
      response.end();
      return;
    }
    // The route had announced a CSV file; what goes out instead is the error, as JSON.
    response.removeHeader('content-disposition');
    response.setHeader('content-type', 'application/json; charset=utf-8');
    if (!graphql) {
      const { message, stack } = loggableError(error);
      this.logger.error(message, stack);
      response.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: MESSAGES.request.internalError().en });
      return;
    }
    const code = String(graphql.extensions.code ?? 'BAD_REQUEST');
    response.status(STATUS[code] ?? 400).json({ code, message: graphql.message, ...graphql.extensions });
  }
}
