import type { ServiceCategory } from '@vec/matching';

/**
 * What callers give the monitoring services: the part of the programme to look at.
 * The GraphQL inputs in api/ implement these interfaces; the services depend on nothing else.
 */

/**
 * Which part of the programme to look at. Places and sector narrow the shops; the category narrows
 * requests, matches and offers; the period (from inclusive, to exclusive) selects the events that
 * happened in it (shops registered, requests made, matches created, activations).
 */
export interface MonitoringFilter {
  readonly regionCode?: string;
  readonly provinceCode?: string;
  readonly category?: ServiceCategory;
  readonly atecoSection?: string;
  readonly from?: Date;
  readonly to?: Date;
}
