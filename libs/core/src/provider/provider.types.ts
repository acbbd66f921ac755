export enum ProviderKind {
  TECH = 'TECH',
  PLATFORM = 'PLATFORM',
  LOGISTICS = 'LOGISTICS',
  DELIVERY = 'DELIVERY',
  OTHER = 'OTHER',
}

/** PENDING → APPROVED | REJECTED; APPROVED ↔ SUSPENDED. Decided by ministry staff, with a reason. */
export enum VerificationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}
