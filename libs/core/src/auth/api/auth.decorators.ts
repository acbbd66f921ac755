import { SetMetadata } from '@nestjs/common';
import { UserRole } from '../user-role';

export const IS_PUBLIC_KEY = 'vec:public';
export const ROLES_KEY = 'vec:roles';

/** Opens a resolver or route to anonymous callers; everything else needs a valid access token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** Restricts a resolver to these roles (checked after authentication). */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
