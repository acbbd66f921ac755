import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import type { Actor } from '../../common/request-context';
import { BEFORE_PASSWORD_CHANGE_KEY, IS_PUBLIC_KEY, OPTIONAL_USER_KEY, ROLES_KEY } from './auth.decorators';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { UserRole } from '../user-role';

function requestOf(context: ExecutionContext): Request & { user?: unknown; body?: unknown } {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext<{ req: Request }>().req;
  return context.switchToHttp().getRequest<Request>();
}

const metadata = <T>(reflector: Reflector, key: string, context: ExecutionContext): T | undefined =>
  reflector.getAllAndOverride<T>(key, [context.getHandler(), context.getClass()]);

/** Global: every resolver and route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext): Request {
    return requestOf(context);
  }

  override canActivate(context: ExecutionContext): ReturnType<CanActivate['canActivate']> {
    if (metadata<boolean>(this.reflector, IS_PUBLIC_KEY, context)) {
      const withToken = metadata<boolean>(this.reflector, OPTIONAL_USER_KEY, context) && Boolean(requestOf(context).header?.('authorization'));
      if (!withToken) return true;
    }
    return super.canActivate(context);
  }

  override handleRequest<TUser = Actor>(error: unknown, user: TUser | false): TUser {
    if (error instanceof AuthException) throw error;
    if (!user) throw new AuthException(AuthErrorCode.NOT_AUTHENTICATED);
    return user;
  }
}

/**
 * Global: enforces @Roles(...) on authenticated callers, and refuses an account that must change
 * its password everything but what is marked @BeforePasswordChange().
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const caller = requestOf(context).user as Actor | undefined;
    const open = metadata<boolean>(this.reflector, IS_PUBLIC_KEY, context);
    // What anyone may do, such an account may do too; the rest waits for its own password.
    if (caller?.passwordChangeRequired && !open && !metadata<boolean>(this.reflector, BEFORE_PASSWORD_CHANGE_KEY, context)) {
      throw new AuthException(AuthErrorCode.PASSWORD_CHANGE_REQUIRED);
    }
    const roles = metadata<UserRole[]>(this.reflector, ROLES_KEY, context);
    if (!roles || open) return true;
    const actor = caller;
    if (!actor) throw new AuthException(AuthErrorCode.NOT_AUTHENTICATED);
    if (!roles.includes(actor.role)) throw new AuthException(AuthErrorCode.FORBIDDEN_ROLE);
    return true;
  }
}

/** The login mutation: passport-local reads e-mail and password from the mutation's input. */
@Injectable()
export class GqlLocalAuthGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext): Request {
    const gql = GqlExecutionContext.create(context);
    const req = gql.getContext<{ req: Request }>().req;
    req.body = gql.getArgs<{ input: unknown }>().input;
    return req;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw new AuthException(AuthErrorCode.INVALID_CREDENTIALS);
    return user;
  }
}
