export * from './selection.types';
export { callEligibility, insideTerritory } from './call-eligibility';
export { rankApplicants, scorePart } from './rank-applicants';
export { admitInRankOrder } from './admit-in-rank-order';
export type { AdmissionCandidate, AdmissionResult, WaitingReason } from './admit-in-rank-order';
export { offerCovers, offerReach, offerReachLevel } from './offer-reach';
export type { ReachedShop } from './offer-reach';
