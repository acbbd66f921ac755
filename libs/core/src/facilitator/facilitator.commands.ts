import type { VerificationStatus } from '../provider/provider.types';
import type { FacilitatorKind } from './facilitator.types';

/**
 * What callers give the facilitator service: registration, changes, verification decisions, list filters.
 * The GraphQL inputs in api/ implement these interfaces; the services depend on nothing else.
 */

export interface FacilitatorTerritory {
  readonly national: boolean;
  readonly regionCodes: readonly string[];
  readonly provinceCodes: readonly string[];
  readonly comuneCodes: readonly string[];
}

export interface RegisterFacilitator {
  readonly name: string;
  readonly kind: FacilitatorKind;
  readonly taxCode: string;
  readonly contactEmail: string;
  readonly website?: string | null;
  readonly territory: FacilitatorTerritory;
}

export interface UpdateFacilitator {
  readonly name?: string;
  readonly kind?: FacilitatorKind;
  readonly contactEmail?: string;
  readonly website?: string | null;
  readonly territory?: FacilitatorTerritory;
}

export interface VerifyFacilitator {
  readonly facilitatorId: string;
  readonly decision: VerificationStatus;
  readonly reason?: string;
  /** The organisation's `updatedAt` as staff read it: a decision on details changed since is refused. */
  readonly seenUpdatedAt?: Date | null;
}

export interface FacilitatorFilter {
  readonly status?: VerificationStatus;
  /** Those serving this comune (nationally, by its region or province, or by name). */
  readonly comuneCode?: string;
  /** Part of the name or of the tax code, case and accents ignored. */
  readonly search?: string;
}
