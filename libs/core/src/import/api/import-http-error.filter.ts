import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { wordedError } from '../../api/user-input.error';
import { AuthErrorCode, AuthException } from '../../auth/auth.exception';
import { loggableError } from '../../common/log-safety';
import { MESSAGES } from '../../messages';
import { DelegationException } from '../../delegation/delegation.exception';
import { delegationErrorToGraphQL } from '../../delegation/api/delegation.errors';
import { FacilitatorException } from '../../facilitator/facilitator.exception';
import { facilitatorErrorToGraphQL } from '../../facilitator/api/facilitator.errors';
import { ProviderException } from '../../provider/provider.exception';
import { providerErrorToGraphQL } from '../../provider/api/provider.errors';
import { importFailureWords } from '../import-failure';
import { ImportErrorCode, ImportException } from '../import.exception';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, PAYLOAD_TOO_LARGE: 413 };

/** An import failure as the API words it: a refused file is BAD_USER_INPUT, a job not found NOT_FOUND. */
export function importErrorToGraphQL(error: ImportException): GraphQLError {
  const code =
    error.code === ImportErrorCode.JOB_NOT_FOUND || error.code === ImportErrorCode.UNKNOWN_KIND
      ? 'NOT_FOUND'
      : error.code === ImportErrorCode.TOO_LARGE
        ? 'PAYLOAD_TOO_LARGE'
        : 'BAD_USER_INPUT';
  return wordedError(importFailureWords(error), { code, reason: error.code });
}

/**
 * The import routes speak HTTP: errors go out as the API's (code, reason, English message and
 * `messageIt`) in a JSON body with their status. Once an upload's answer has begun (a stream of
 * progress lines), failures are in the job and its last line instead.
 */
@Catch()
export class ImportHttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Import');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const graphql =
      error instanceof ImportException
        ? importErrorToGraphQL(error)
        : error instanceof ProviderException
          ? providerErrorToGraphQL(error)
          : error instanceof FacilitatorException
            ? facilitatorErrorToGraphQL(error)
            : error instanceof DelegationException
              ? delegationErrorToGraphQL(error)
              : error instanceof AuthException
            ? error.code === AuthErrorCode.FORBIDDEN_ROLE
              ? wordedError(MESSAGES.auth.forbiddenRole(), { code: 'FORBIDDEN', reason: error.code })
              : wordedError(MESSAGES.auth.notAuthenticated(), { code: 'UNAUTHENTICATED', reason: error.code })
            : null;
    if (response.headersSent) {
      this.logger.error(`import answer failed after the first bytes: ${loggableError(error).message}`);
      response.end();
      return;
    }
    response.removeHeader('content-disposition');
    response.setHeader('content-type', 'application/json; charset=utf-8');
    if (!graphql) {
      const { message, stack } = loggableError(error);
      this.logger.error(message, stack);
      response.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: MESSAGES.request.internalError().en, messageIt: MESSAGES.request.internalError().it });
      return;
    }
    const code = String(graphql.extensions.code ?? 'BAD_REQUEST');
    response.status(STATUS[code] ?? 400).json({ code, message: graphql.message, ...graphql.extensions });
  }
}
