/**
 * DRAFT (staff prepare it, nobody else sees it) → OPEN (published: shops apply within the window)
 * → CLOSED (the ranking is computed, the places given and the graduatoria published).
 */
export enum SelectionCallStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

/**
 * SUBMITTED while the call is open; EXCLUDED by staff (with a reason) before the closing;
 * at the closing ADMITTED (a place held on one of the call's offers) or RESERVE (waiting, in rank
 * order); an admitted one whose place ended before the service started (declined by the provider,
 * withdrawn by the shop, expired) becomes LAPSED and its place goes to the first in reserve. A place
 * released because ministry staff suspended its offer or provider is no lapse of the shop's: the
 * application goes back to the reserve list at its position (OFFER_SUSPENDED).
 */
export enum CallApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  EXCLUDED = 'EXCLUDED',
  ADMITTED = 'ADMITTED',
  RESERVE = 'RESERVE',
  LAPSED = 'LAPSED',
}

/**
 * Why an application waits on the reserve list (RESERVE), as the closing, or a later refill of
 * freed places, found it:
 * - CALL_FULL: the places went to applicants ranked above;
 * - NO_PLACE_LEFT: the call's offers that could serve it had no place left;
 * - SHOP_LIMIT: the shop already held as many live services as a shop may;
 * - CATEGORY_HELD: the shop already had a live service of each kind the call's offers give;
 * - NOT_REACHED: no offer of the call serves its place or sector;
 * - OFFER_SUSPENDED: it had a place, released when ministry staff suspended the offer (or its
 *   provider); it takes a place again in rank order, before those below, once places are available.
 */
export enum CallReserveReason {
  CALL_FULL = 'CALL_FULL',
  NO_PLACE_LEFT = 'NO_PLACE_LEFT',
  SHOP_LIMIT = 'SHOP_LIMIT',
  CATEGORY_HELD = 'CATEGORY_HELD',
  NOT_REACHED = 'NOT_REACHED',
  OFFER_SUSPENDED = 'OFFER_SUSPENDED',
}

/** What a call asks an applicant to confirm or answer: a stable code and the words shown. */
export interface CallStatement {
  code: string;
  text: string;
}

/** The published eligibility rules of a call, as stored (the window is in the call's own columns). */
export interface StoredCallEligibility {
  sections: string[];
  divisions: string[];
  minEmployees: number | null;
  maxEmployees: number | null;
  regionCodes: string[];
  provinceCodes: string[];
  comuneCodes: string[];
}

/** A published scoring criterion, as stored (the engine's ScoringCriterion). */
export type StoredScoringCriterion =
  | { kind: 'FEWER_EMPLOYEES'; weight: number; employeesCap: number }
  /** `provinceNames`: the provinces as published, "Torino (TO)" (calls created before they were kept show the codes). */
  | { kind: 'PRIORITY_PROVINCES'; weight: number; provinceCodes: string[]; provinceNames?: string[] }
  | { kind: 'ANSWER_YES'; weight: number; questionCode: string };

export enum ScoringKind {
  FEWER_EMPLOYEES = 'FEWER_EMPLOYEES',
  PRIORITY_PROVINCES = 'PRIORITY_PROVINCES',
  ANSWER_YES = 'ANSWER_YES',
}

export enum TieBreakRule {
  EARLIER_APPLICATION = 'EARLIER_APPLICATION',
  FEWER_EMPLOYEES = 'FEWER_EMPLOYEES',
}

/** One criterion's part of an applicant's score, as stored at the closing. */
export interface StoredScorePart {
  criterion: number;
  kind: ScoringKind;
  weight: number;
  measured: number;
  /** Hundredths of a point. */
  points: number;
}
