import type { HelpRequestStatus } from './help-request.types';
import type { NeedCode, ServiceCategory } from '@vec/matching';

/**
 * What callers give the help-request service: new requests, changes, list filters.
 * The GraphQL inputs in api/ implement these interfaces; the services depend on nothing else.
 */

export interface CreateHelpRequest {
  readonly category: ServiceCategory;
  readonly description: string;
}

export interface UpdateHelpRequest {
  readonly id: string;
  readonly category?: ServiceCategory;
  readonly description?: string;
}

export interface HelpRequestFilter extends MyHelpRequestFilter {
  readonly regionCode?: string;
  readonly provinceCode?: string;
}

export interface MyHelpRequestFilter {
  readonly status?: HelpRequestStatus;
  readonly category?: ServiceCategory;
}

/** The needs questionnaire's answers, turned into requests: those given (each called for by the answers), or every one they call for. */
export interface CreateHelpRequestsFromNeeds {
  readonly needs: readonly NeedCode[];
  readonly requests?: readonly CreateHelpRequest[] | null;
  /** Group the requests in one bundle (two or more services), recommended and applied to as a set. */
  readonly asBundle?: boolean | null;
}

/** Several services asked together as one bundle: one request per category. */
export interface CreateHelpRequestBundle {
  readonly categories: readonly ServiceCategory[];
  /** What the shop wants to achieve; each request gets it, or the questionnaire's suggestion for its service. */
  readonly description?: string | null;
}
