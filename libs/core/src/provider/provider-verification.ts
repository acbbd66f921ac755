import { VerificationStatus } from './provider.types';

/**
 * The verification state machine. Ministry staff decide, always with a reason except to approve:
 *
 *   PENDING   → APPROVED | REJECTED
 *   APPROVED  → SUSPENDED
 *   SUSPENDED → APPROVED (reinstated) | REJECTED
 *   REJECTED  → PENDING, only by the organisation itself, when it corrects its details
 *
 * A rejection is never turned into an approval directly: staff approve what they have checked,
 * so a rejected organisation first changes what was wrong and comes back to the queue.
 */
export const STAFF_DECISIONS: Readonly<Record<VerificationStatus, readonly VerificationStatus[]>> = {
  [VerificationStatus.PENDING]: [VerificationStatus.APPROVED, VerificationStatus.REJECTED],
  [VerificationStatus.APPROVED]: [VerificationStatus.SUSPENDED],
  [VerificationStatus.SUSPENDED]: [VerificationStatus.APPROVED, VerificationStatus.REJECTED],
  [VerificationStatus.REJECTED]: [],
};

export const allowedDecisions = (status: VerificationStatus): readonly VerificationStatus[] => STAFF_DECISIONS[status];

/** A rejected organisation that changes its details resubmits them: it goes back to PENDING. */
export const resubmits = (status: VerificationStatus, changed: boolean): boolean => status === VerificationStatus.REJECTED && changed;

/**
 * What the Ministry verified and shops trust (a provider's name and website in the catalogue; a
 * facilitator's also its territory): once an organisation has been approved, and while it is
 * suspended, these are not its own to change alone.
 */
export const VERIFIED_DETAILS = ['name', 'website'] as const;
export const detailsLocked = (status: VerificationStatus): boolean => status === VerificationStatus.APPROVED || status === VerificationStatus.SUSPENDED;

/** Only an approved organisation acts towards shops: a suspended or rejected one is frozen. */
export const providerActive = (status: VerificationStatus): boolean => status === VerificationStatus.APPROVED;

/**
 * A provider awaiting verification may publish: its offers wait, shown as awaiting verification,
 * and reach shops once it is approved. A suspended or rejected one may not.
 */
export const mayPublish = (status: VerificationStatus): boolean => status === VerificationStatus.APPROVED || status === VerificationStatus.PENDING;
