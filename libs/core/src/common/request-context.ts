import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { UserRole } from '../auth/user-role';
import type { Loaders } from '../api/loaders';

/** Who is acting: taken from a verified access token. */
export interface Actor {
  userId: string;
  role: UserRole;
}

/**
 * What every service call knows about the request: who asks, which request, "now", and the
 * transaction its writes belong to (set by TransactionalConnection).
 */
export class RequestContext {
  constructor(
    readonly requestId: string,
    readonly now: Date,
    readonly actor?: Actor,
    readonly manager?: EntityManager,
    /** The client's address (behind trusted proxies, as TRUST_PROXY says): what throttling counts by. */
    readonly clientAddress?: string,
  ) {}

  static fromHttp(req: (Pick<Request, 'header' | 'ip'> & { id?: unknown }) | undefined): RequestContext {
    // The access log gave the request its id (the caller's X-Request-Id when well-formed): the same everywhere.
    const fromHeader = req?.header('x-request-id');
    const requestId = typeof req?.id === 'string' ? req.id : fromHeader && /^[\w.-]{8,64}$/.test(fromHeader) ? fromHeader : randomUUID();
    return new RequestContext(requestId, new Date(), undefined, undefined, req?.ip);
  }

  /** A context for work no user started (CLI, seeding, scheduled jobs). */
  static system(now = new Date()): RequestContext {
    return new RequestContext(`system-${randomUUID()}`, now);
  }

  withActor(actor: Actor | undefined): RequestContext {
    return new RequestContext(this.requestId, this.now, actor, this.manager, this.clientAddress);
  }

  withManager(manager: EntityManager): RequestContext {
    return new RequestContext(this.requestId, this.now, this.actor, manager, this.clientAddress);
  }
}

/** The actor that the JWT strategy put on the request, if any. */
export function actorOf(user: unknown): Actor | undefined {
  const candidate = user as Partial<Actor> | undefined;
  return typeof candidate?.userId === 'string' && typeof candidate.role === 'string' ? (candidate as Actor) : undefined;
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
