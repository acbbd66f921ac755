import type { UserRole } from './user-role';

/**
 * What administrators give the account administration: which accounts to list and what to change.
 * The GraphQL inputs in api/ implement these interfaces.
 */

export enum AccountStatus {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}

export interface AccountFilter {
  /** Part of the e-mail or of the organisation's name (shop, provider or facilitator), any case. */
  readonly search?: string;
  readonly role?: UserRole;
  readonly status?: AccountStatus;
}

export interface SetAccountStatus {
  readonly userId: string;
  readonly status: AccountStatus;
  /** Why: kept in the audit trail. */
  readonly reason: string;
}

export interface ChangeStaffRole {
  readonly userId: string;
  readonly role: UserRole;
  readonly reason: string;
}
