import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { wordedError } from '../../api/user-input.error';
import { answerHttpError } from '../../api/http-error-answer';
import { retryAfterExtensions } from '../../api/retry-after';
import { AuthException } from '../../auth/auth.exception';
import { authErrorToGraphQL } from '../../auth/api/auth.errors';
import { DelegationException } from '../../delegation/delegation.exception';
import { delegationErrorToGraphQL } from '../../delegation/api/delegation.errors';
import { FacilitatorException } from '../../facilitator/facilitator.exception';
import { facilitatorErrorToGraphQL } from '../../facilitator/api/facilitator.errors';
import { ProviderException } from '../../provider/provider.exception';
import { providerErrorToGraphQL } from '../../provider/api/provider.errors';
import { importFailureWords } from '../import-failure';
import { ImportErrorCode, ImportException } from '../import.exception';
import { IMPORT_RETRY_SECONDS } from '../import-gate';

/** An import failure as the API words it: a refused file is BAD_USER_INPUT, a job not found NOT_FOUND, imports already running TOO_MANY_REQUESTS. */
export function importErrorToGraphQL(error: ImportException): GraphQLError {
  if (error.code === ImportErrorCode.BUSY || error.code === ImportErrorCode.ALREADY_RUNNING) {
    const retryAfter = error.detail.limit ?? IMPORT_RETRY_SECONDS;
    return wordedError(importFailureWords(error), { code: 'TOO_MANY_REQUESTS', reason: error.code, ...retryAfterExtensions(retryAfter) });
  }
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
                ? authErrorToGraphQL(error)
                : null;
    answerHttpError(response, error, graphql, this.logger);
  }
}
