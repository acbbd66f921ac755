import { SetMetadata } from '@nestjs/common';
import { UserRole } from '../user-role';

export const IS_PUBLIC_KEY = 'vec:public';
export const ROLES_KEY = 'vec:roles';
export const OPTIONAL_USER_KEY = 'vec:optional-user';
export const BEFORE_PASSWORD_CHANGE_KEY = 'vec:before-password-change';

/** Opens a resolver or route to anonymous callers; everything else needs a valid access token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * On a @Public() resolver: a caller that sends an access token is authenticated (and refused if
 * the token is not valid), so the resolver knows who it is; a caller without one stays anonymous.
 */
export const SignedInIfAny = (): MethodDecorator & ClassDecorator => SetMetadata(OPTIONAL_USER_KEY, true);

/** Restricts a resolver to these roles (checked after authentication). */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/**
 * Open to an account that must still change the password someone else set: only what it needs to
 * do so (who it is, the change itself, its language, signing out). Everything else is refused.
 */
export const BeforePasswordChange = (): MethodDecorator & ClassDecorator => SetMetadata(BEFORE_PASSWORD_CHANGE_KEY, true);
