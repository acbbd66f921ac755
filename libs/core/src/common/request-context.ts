import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Loaders } from './loaders';

/** What every service call knows about the request: who asks, which request, and "now". */
export class RequestContext {
  constructor(
    readonly requestId: string,
    readonly now: Date,
  ) {}

  static fromHttp(req: Pick<Request, 'header'> | undefined): RequestContext {
    const fromHeader = req?.header('x-request-id');
    const requestId = fromHeader && /^[\w.-]{8,64}$/.test(fromHeader) ? fromHeader : randomUUID();
    return new RequestContext(requestId, new Date());
  }
}

/** The GraphQL context built once per HTTP request. */
export interface GraphQLContext {
  req: Request;
  ctx: RequestContext;
  loaders: Loaders;
}

/** Injects the request's RequestContext into a resolver method. */
export const Ctx = createParamDecorator((_data: unknown, execution: ExecutionContext): RequestContext => {
  return GqlExecutionContext.create(execution).getContext<GraphQLContext>().ctx;
});
