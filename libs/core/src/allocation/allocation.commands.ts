import type { AllocationRunMode, UnservedReasonCode } from './allocation.types';

/**
 * What callers give the allocation services: which run items to list.
 * The GraphQL inputs in api/ implement these interfaces; the services depend on nothing else.
 */

export interface StartAllocationRun {
  readonly mode: AllocationRunMode;
  readonly runAt?: Date;
  readonly completeSetsOnly?: boolean;
}

export interface AllocationRunItemFilter {
  readonly served?: boolean;
  readonly reason?: UnservedReasonCode;
}
