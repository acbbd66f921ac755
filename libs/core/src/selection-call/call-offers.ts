import { OfferStatus } from '../offer/offer.types';
import { VerificationStatus } from '../provider/provider.types';
import { ScoringKind } from './selection-call.types';

/**
 * Whether a call's offers can give the places it promises. The closing gives places only on the
 * call's offers that are valid then (published, provider approved, within their dates: see
 * OfferRecords.validIds), up to their free capacity; an offer that cannot be valid at the closing
 * would leave every applicant in reserve.
 *
 * - a draft (the call is a DRAFT): offers its provider has published, even if paused now (a pause
 *   is the provider's and can end before the call opens); never a draft offer (not offered to
 *   anyone, invisible outside its provider), a closed one (final) or one staff suspended; never an
 *   offer of a provider not approved; never one whose validity ends before the call closes or
 *   begins after it;
 * - publishing (shops start applying and see the call's offers): the same, and the offer must be
 *   published now, not paused, since a paused offer is shown to nobody.
 */
export type CallStage = 'draft' | 'publish';

export enum CallOfferProblem {
  NOT_PUBLISHED = 'NOT_PUBLISHED',
  PAUSED = 'PAUSED',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
  PROVIDER_NOT_APPROVED = 'PROVIDER_NOT_APPROVED',
  VALIDITY_ENDS = 'VALIDITY_ENDS',
  NOT_YET_VALID = 'NOT_YET_VALID',
}

export interface CallOfferFacts {
  status: OfferStatus;
  providerStatus: VerificationStatus | undefined;
  validFrom: Date;
  validUntil: Date | null;
}

const STATUS_PROBLEM: Readonly<Record<OfferStatus, CallOfferProblem | null>> = {
  [OfferStatus.DRAFT]: CallOfferProblem.NOT_PUBLISHED,
  [OfferStatus.PUBLISHED]: null,
  [OfferStatus.PAUSED]: null,
  [OfferStatus.SUSPENDED]: CallOfferProblem.SUSPENDED,
  [OfferStatus.CLOSED]: CallOfferProblem.CLOSED,
};

/** Why an offer cannot give the call's places, or null when it can. */
export function callOfferProblem(offer: CallOfferFacts, closesAt: Date, stage: CallStage): CallOfferProblem | null {
  const byStatus = STATUS_PROBLEM[offer.status];
  if (byStatus) return byStatus;
  if (stage === 'publish' && offer.status === OfferStatus.PAUSED) return CallOfferProblem.PAUSED;
  if (offer.providerStatus !== VerificationStatus.APPROVED) return CallOfferProblem.PROVIDER_NOT_APPROVED;
  // The closing runs once the window has ended: the offer must still be valid then.
  if (offer.validUntil && offer.validUntil.getTime() <= closesAt.getTime()) return CallOfferProblem.VALIDITY_ENDS;
  if (offer.validFrom.getTime() > closesAt.getTime()) return CallOfferProblem.NOT_YET_VALID;
  return null;
}

/** The places the offers have free now, all together. */
export const freePlaces = (offers: readonly { capacity: number; used: number }[]): number => offers.reduce((sum, offer) => sum + Math.max(0, offer.capacity - offer.used), 0);

/** The optional fields of a criterion, and the one kind each belongs to. */
export const CRITERION_FIELDS = {
  employeesCap: ScoringKind.FEWER_EMPLOYEES,
  provinceCodes: ScoringKind.PRIORITY_PROVINCES,
  questionCode: ScoringKind.ANSWER_YES,
} as const;

export type CriterionField = keyof typeof CRITERION_FIELDS;

export interface CriterionShape {
  kind: ScoringKind;
  employeesCap?: number | null;
  provinceCodes?: readonly string[] | null;
  questionCode?: string | null;
}

export type CriterionProblem = { index: number; field: 'kind'; problem: 'DUPLICATE_KIND' } | { index: number; field: CriterionField; problem: 'NOT_FOR_KIND'; belongsTo: ScoringKind };

/**
 * The first criterion that repeats an earlier one's kind (each kind scores once: two would only
 * split one weight), or carries a field of another kind. Null and an empty list carry nothing.
 */
export function criterionProblem(criteria: readonly CriterionShape[]): CriterionProblem | null {
  for (const [index, criterion] of criteria.entries()) {
    if (criteria.findIndex((other) => other.kind === criterion.kind) < index) return { index, field: 'kind', problem: 'DUPLICATE_KIND' };
    for (const [field, belongsTo] of Object.entries(CRITERION_FIELDS) as [CriterionField, ScoringKind][]) {
      const value = criterion[field];
      const carried = Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined;
      if (carried && belongsTo !== criterion.kind) return { index, field, problem: 'NOT_FOR_KIND', belongsTo };
    }
  }
  return null;
}
