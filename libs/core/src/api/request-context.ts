import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { UserRole } from '../auth/user-role';
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

/** The header a facilitator names the shop it acts for with, on the shop's own operations. */
export const ON_BEHALF_OF_HEADER = 'x-on-behalf-of-shop';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Injects the request's RequestContext, with the authenticated actor, into a resolver method. A
 * facilitator's `X-On-Behalf-Of-Shop` is carried along (other roles' is ignored); whether it may
 * act for that shop is the shop feature's access check.
 */
export const Ctx = createParamDecorator((_data: unknown, execution: ExecutionContext): RequestContext => {
  const { ctx, req } = GqlExecutionContext.create(execution).getContext<GraphQLContext>();
  const actor = actorOf(req.user);
  const named = actor?.role === UserRole.FACILITATOR ? req.header?.(ON_BEHALF_OF_HEADER)?.trim() : undefined;
  // A malformed id names no shop: the access check then refuses as for a shop not delegated.
  return ctx.withActor(actor).onBehalfOf(named ? (UUID.test(named) ? named.toLowerCase() : '00000000-0000-0000-0000-000000000000') : undefined);
});
