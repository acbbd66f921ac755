export enum ProviderKind {
  TECH = 'TECH',
  PLATFORM = 'PLATFORM',
  LOGISTICS = 'LOGISTICS',
  DELIVERY = 'DELIVERY',
  OTHER = 'OTHER',
}

/** Decided by ministry staff, with a reason; the transitions are in provider-verification.ts. */
export enum VerificationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}
