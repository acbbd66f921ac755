import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { loggableError } from '../common/log-safety';
import { databaseBusyError, isDatabaseBusy } from './database-busy';
import { answerHttpError } from './http-error-answer';

/**
 * The last filter, for errors no feature filter claims. In GraphQL the error goes on to Apollo,
 * which masks it and logs it without personal data (errorReportingPlugin); Nest's own handler
 * would log the raw message first, SQL values included. Over HTTP an HttpException keeps its
 * status, anything else is a 500 logged the same safe way. A database that did not answer in
 * time is told as such (SERVICE_UNAVAILABLE, HTTP 503), with a warning in the log.
 */
@Catch()
export class UnexpectedErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Unexpected');

  override catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') {
      if (!isDatabaseBusy(error)) return error;
      this.logger.warn(`database busy, request stopped: ${loggableError(error).message}`);
      return databaseBusyError();
    }
    if (error instanceof HttpException) return super.catch(error, host);
    answerHttpError(host.switchToHttp().getResponse<Response>(), error, null, this.logger);
    return undefined;
  }
}
