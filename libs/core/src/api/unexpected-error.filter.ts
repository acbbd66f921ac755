import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { loggableError } from '../common/log-safety';
import { MESSAGES } from '../messages';

/**
 * The last filter, for errors no feature filter claims. In GraphQL the error goes on to Apollo,
 * which masks it and logs it without personal data (errorReportingPlugin); Nest's own handler
 * would log the raw message first, SQL values included. Over HTTP an HttpException keeps its
 * status, anything else is a 500 logged the same safe way.
 */
@Catch()
export class UnexpectedErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Unexpected');

  override catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return error;
    if (error instanceof HttpException) return super.catch(error, host);
    const response = host.switchToHttp().getResponse<Response>();
    const { message, stack } = loggableError(error);
    this.logger.error(message, stack);
    if (!response.headersSent) response.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: MESSAGES.request.internalError().en });
    else response.end();
    return undefined;
  }
}
