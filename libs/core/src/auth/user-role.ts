export enum UserRole {
  SHOP = 'SHOP',
  PROVIDER = 'PROVIDER',
  /** An intermediary (chamber of commerce, trade association, …) acting for shops under their delegation. */
  FACILITATOR = 'FACILITATOR',
  MINISTRY = 'MINISTRY',
  ADMIN = 'ADMIN',
}

/** Roles anyone may sign up for; ministry and admin accounts are created by an admin. */
export const SELF_REGISTRATION_ROLES = [UserRole.SHOP, UserRole.PROVIDER, UserRole.FACILITATOR] as const;

/** Roles only an administrator (or the command line) can create. */
export const STAFF_ROLES = [UserRole.MINISTRY, UserRole.ADMIN] as const;

export const isSelfRegistrationRole = (role: UserRole): boolean => (SELF_REGISTRATION_ROLES as readonly UserRole[]).includes(role);
export const isStaffRole = (role: UserRole): boolean => (STAFF_ROLES as readonly UserRole[]).includes(role);
