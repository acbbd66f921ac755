import type { CallStatement, ScoringKind, SelectionCallStatus, TieBreakRule } from './selection-call.types';

/**
 * What callers give the selection-call services. The GraphQL inputs in api/ implement these
 * interfaces; the services depend on nothing else.
 */

export interface CallEligibilityCommand {
  readonly sections?: readonly string[];
  readonly divisions?: readonly string[];
  readonly minEmployees?: number | null;
  readonly maxEmployees?: number | null;
  readonly regionCodes?: readonly string[];
  readonly provinceCodes?: readonly string[];
  readonly comuneCodes?: readonly string[];
}

export interface ScoringCriterionCommand {
  readonly kind: ScoringKind;
  readonly weight: number;
  /** FEWER_EMPLOYEES: from how many employees it gives no points. */
  readonly employeesCap?: number | null;
  /** PRIORITY_PROVINCES. */
  readonly provinceCodes?: readonly string[] | null;
  /** ANSWER_YES: the code of one of the call's questions. */
  readonly questionCode?: string | null;
}

export interface CreateSelectionCall {
  readonly title: string;
  readonly description: string;
  readonly offerIds: readonly string[];
  readonly places: number;
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly eligibility: CallEligibilityCommand;
  readonly declarations: readonly CallStatement[];
  readonly questions: readonly CallStatement[];
  readonly scoring: readonly ScoringCriterionCommand[];
  readonly tieBreak: readonly TieBreakRule[];
}

export interface CallAnswer {
  readonly questionCode: string;
  readonly answer: boolean;
}

export interface ApplyToCall {
  readonly callId: string;
  /** Codes of the declarations the shop confirms. */
  readonly declarations: readonly string[];
  readonly answers: readonly CallAnswer[];
}

export interface ExcludeCallApplication {
  readonly applicationId: string;
  readonly reason: string;
}

export interface SelectionCallFilter {
  readonly status?: SelectionCallStatus;
  /** Only the calls this organisation runs. */
  readonly organisationId?: string | null;
}
