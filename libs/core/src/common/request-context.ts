import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { UserRole } from '../auth/user-role';

/** Who is acting: taken from a verified access token. */
export interface Actor {
  userId: string;
  role: UserRole;
  /** The session (refresh-token family) the access token belongs to, when the actor signed in. */
  sessionId?: string;
  /** The account must choose a new password before anything else (see UserAccountEntity). */
  passwordChangeRequired?: boolean;
}

/**
 * The shop a facilitator's request was let act for. Shared by every context derived from one
 * request (with another actor or transaction), so that what the access check established once is
 * known to the writes that follow it: the audit trail and the match journal.
 */
interface Acting {
  shopId?: string;
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
    private readonly acting: Acting = {},
    /**
     * Work no request started (jobs, the command line, seeding): its transactions are not held
     * to the time limits a request's statements have (DATABASE_STATEMENT_TIMEOUT_SECONDS).
     */
    readonly fromSystem = false,
  ) {}

  /** A context for work no user started (CLI, seeding, scheduled jobs). */
  static system(now = new Date()): RequestContext {
    return new RequestContext(`system-${randomUUID()}`, now, undefined, undefined, undefined, undefined, {}, true);
  }

  withActor(actor: Actor | undefined): RequestContext {
    return new RequestContext(this.requestId, this.now, actor, this.manager, this.clientAddress, this.onBehalfOfShopId, this.acting, this.fromSystem);
  }

  withManager(manager: EntityManager): RequestContext {
    return new RequestContext(this.requestId, this.now, this.actor, manager, this.clientAddress, this.onBehalfOfShopId, this.acting, this.fromSystem);
  }

  /** The same request acting for this shop (or for nobody but the actor itself, with undefined). */
  onBehalfOf(shopId: string | undefined): RequestContext {
    return new RequestContext(this.requestId, this.now, this.actor, this.manager, this.clientAddress, shopId, {}, this.fromSystem);
  }

  /**
   * The shop feature's access check found a live delegation for the shop this request names: from
   * now on the request's changes are made on that shop's behalf. Only the shop it names.
   */
  confirmActingFor(shopId: string): void {
    if (shopId === this.onBehalfOfShopId) this.acting.shopId = shopId;
  }

  /**
   * The shop this request acts for, once the access check confirmed it; undefined for a
   * facilitator's own operations even when its request names a shop (the claim alone proves nothing).
   */
  get actingForShopId(): string | undefined {
    return this.acting.shopId;
  }
}

/** The actor that the JWT strategy put on the request, if any. */
export function actorOf(user: unknown): Actor | undefined {
  const candidate = user as Partial<Actor> | undefined;
  return typeof candidate?.userId === 'string' && typeof candidate.role === 'string' ? (candidate as Actor) : undefined;
}
