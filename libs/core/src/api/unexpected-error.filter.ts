import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { answerHttpError } from './http-error-answer';

/**
 * The last filter, for errors no feature filter claims. In GraphQL the error goes on to Apollo,
 * which masks it and logs it without personal data (errorReportingPlugin); Nest's own handler
 * would log the raw message first, SQL values included. Over HTTP an HttpException keeps its
 * status, anything else is a 500 logged the same safe way, but a database that did not answer in
 * time, which is told as such (SERVICE_UNAVAILABLE, HTTP 503), with a warning in the log.
 */
@Catch()
export class UnexpectedErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Unexpected');

  override catch(error: unknown, host: ArgumentsHost): unknown {
    // GraphQL's errors, a database that did not answer in time included, are worded in formatGraphQLError (graphql-errors.ts).
    if (host.getType<GqlContextType>() === 'graphql') return error;
    if (error instanceof HttpException) return super.catch(error, host);
    answerHttpError(host.switchToHttp().getResponse<Response>(), error, null, this.logger);
    return undefined;
  }
}
