export enum UserRole {
  SHOP = 'SHOP',
  PROVIDER = 'PROVIDER',
  MINISTRY = 'MINISTRY',
  ADMIN = 'ADMIN',
}

/** Roles anyone may sign up for; ministry and admin accounts are created by an admin. */
export const SELF_REGISTRATION_ROLES = [UserRole.SHOP, UserRole.PROVIDER] as const;
