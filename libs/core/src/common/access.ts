import { UserRole } from '../auth/user-role';
import { Actor, RequestContext } from './request-context';
import { AuthErrorCode, AuthException } from '../auth/auth.exception';

/** Ministry staff and admins read everything. */
export const isStaff = (actor: Actor | undefined): boolean => actor?.role === UserRole.MINISTRY || actor?.role === UserRole.ADMIN;

/** The authenticated actor, or NOT_AUTHENTICATED: services' first line when they need one. */
export function requireActor(ctx: RequestContext, ...roles: UserRole[]): Actor {
  if (!ctx.actor) throw new AuthException(AuthErrorCode.NOT_AUTHENTICATED);
  if (roles.length > 0 && !roles.includes(ctx.actor.role)) throw new AuthException(AuthErrorCode.FORBIDDEN_ROLE);
  return ctx.actor;
}

/** The roles that use a shop's operations: the shop itself, and a facilitator acting for it under its delegation. */
export const SHOP_SIDE = [UserRole.SHOP, UserRole.FACILITATOR] as const;

/** The authenticated actor on the shop's side (its owner, or a facilitator naming a shop to act for). */
export function requireShopSide(ctx: RequestContext): Actor {
  return requireActor(ctx, ...SHOP_SIDE);
}
