import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { UserRole } from '../auth/user-role';

/** Who is acting: taken from a verified access token. */
export interface Actor {
  userId: string;
  role: UserRole;
  /** The session (refresh-token family) the access token belongs to, when the actor signed in. */
  sessionId?: string;
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
    /**
     * The shop a facilitator names as acting for (the `X-On-Behalf-Of-Shop` header). Only a claim:
     * the shop feature's access check allows it when the facilitator holds a live delegation.
     */
    readonly onBehalfOfShopId?: string,
  ) {}

  /** A context for work no user started (CLI, seeding, scheduled jobs). */
  static system(now = new Date()): RequestContext {
    return new RequestContext(`system-${randomUUID()}`, now);
  }

  withActor(actor: Actor | undefined): RequestContext {
    return new RequestContext(this.requestId, this.now, actor, this.manager, this.clientAddress, this.onBehalfOfShopId);
  }

  withManager(manager: EntityManager): RequestContext {
    return new RequestContext(this.requestId, this.now, this.actor, manager, this.clientAddress, this.onBehalfOfShopId);
  }

  /** The same request acting for this shop (or for nobody but the actor itself, with undefined). */
  onBehalfOf(shopId: string | undefined): RequestContext {
    return new RequestContext(this.requestId, this.now, this.actor, this.manager, this.clientAddress, shopId);
  }
}

/** The actor that the JWT strategy put on the request, if any. */
export function actorOf(user: unknown): Actor | undefined {
  const candidate = user as Partial<Actor> | undefined;
  return typeof candidate?.userId === 'string' && typeof candidate.role === 'string' ? (candidate as Actor) : undefined;
}
