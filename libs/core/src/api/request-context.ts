import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { actorOf, RequestContext } from '../common/request-context';
import type { Loaders } from './loaders';

/** The RequestContext of an HTTP request, before authentication. */
export function requestContextFromHttp(req: (Pick<Request, 'header' | 'ip'> & { id?: unknown }) | undefined): RequestContext {
  // The access log gave the request its id (the caller's X-Request-Id when well-formed): the same everywhere.
  const fromHeader = req?.header('x-request-id');
  const requestId = typeof req?.id === 'string' ? req.id : fromHeader && /^[\w.-]{8,64}$/.test(fromHeader) ? fromHeader : randomUUID();
  return new RequestContext(requestId, new Date(), undefined, undefined, req?.ip);
}

/** The GraphQL context built once per HTTP request. */
export interface GraphQLContext {
  req: Request;
  res: Response;
  ctx: RequestContext;
  loaders: Loaders;
}

/** Injects the request's RequestContext, with the authenticated actor, into a resolver method. */
export const Ctx = createParamDecorator((_data: unknown, execution: ExecutionContext): RequestContext => {
  const { ctx, req } = GqlExecutionContext.create(execution).getContext<GraphQLContext>();
  return ctx.withActor(actorOf(req.user));
});
