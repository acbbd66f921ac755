import type { ProviderKind, VerificationStatus } from './provider.types';

/**
 * What callers give the provider services: registration, changes, verification decisions, list filters.
 * The GraphQL inputs in api/ implement these interfaces; the services depend on nothing else.
 */

export interface RegisterProvider {
  readonly name: string;
  readonly partitaIva: string;
  readonly kind: ProviderKind;
  readonly website?: string | null;
  readonly description: string;
}

export interface UpdateProvider {
  readonly name?: string;
  readonly kind?: ProviderKind;
  readonly website?: string | null;
  readonly description?: string;
}

export interface VerifyProvider {
  readonly providerId: string;
  readonly decision: VerificationStatus;
  readonly reason?: string;
  /** The provider's `updatedAt` as staff read it: a decision on details changed since is refused. */
  readonly seenUpdatedAt?: Date | null;
}

export interface ProviderFilter {
  readonly status?: VerificationStatus;
  /** Words of the name, or digits of the Partita IVA, in any order (case and accents ignored). */
  readonly search?: string;
}
