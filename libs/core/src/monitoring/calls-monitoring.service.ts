import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { SelectionCallStatus } from '../selection-call/selection-call.types';
import type { MonitoringFilter } from './monitoring.commands';
import { andClause, placeConditions, SqlParams } from './monitoring-scope';
import { MonitoringService } from './monitoring.service';

/** Match states in which an admitted applicant's place is filled: live, or the service delivered. */
const FILLED_STATES = ['PENDING', 'ACCEPTED', 'ACTIVE', 'COMPLETED'];

/** The dashboard lists at most this many calls, latest closing first (the totals count them all). */
export const MAX_MONITORED_CALLS = 50;

/** What the dashboard counts for a call, or for all the calls of a status. */
export interface CallCounts {
  places: number;
  /** Admitted applicants whose match is live or completed. */
  placesFilled: number;
  applicants: number;
  excluded: number;
  /** Waiting in reserve now. */
  reserve: number;
  /** Admitted after the closing, from the reserve list, when a place freed. */
  promotedFromReserve: number;
}

export interface MonitoredCall extends CallCounts {
  callId: string;
  title: string;
  status: SelectionCallStatus;
  /** The authorised organisation running it; null for the ministry. */
  organisationName: string | null;
  closesAt: Date;
}

export interface CallsMonitoring {
  open: CallCounts & { calls: number };
  closed: CallCounts & { calls: number };
  calls: MonitoredCall[];
}

/**
 * Selection calls on the ministry dashboard: per published call and per status, places, places
 * filled, applicants, excluded, reserve list and promotions from it. The filter applies where it
 * means something for a call: place and sector narrow the applicants counted (each application
 * keeps the shop's place and sector at the time of applying); the category keeps the calls giving
 * an offer in it; the period keeps the calls whose application window overlaps it. A call's places
 * are its own whatever the filter. One grouped statement over the indexed applications; calls are
 * few (tens, not thousands), so the totals are summed here from every call in scope.
 */
@Injectable()
export class CallsMonitoringService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly monitoring: MonitoringService,
  ) {}

  async calls(ctx: RequestContext, filter: MonitoringFilter): Promise<CallsMonitoring> {
    const scope = await this.monitoring.scope(ctx, filter);
    const p = new SqlParams();
    const callConditions: string[] = [];
    if (scope.from) callConditions.push(`c.closes_at >= ${p.add(scope.from)}`);
    if (scope.to) callConditions.push(`c.opens_at < ${p.add(scope.to)}`);
    if (scope.category) {
      callConditions.push(`EXISTS (SELECT 1 FROM selection_call_offer so JOIN offer o ON o.id = so.offer_id
        WHERE so.call_id = c.id AND o.categories @> ARRAY[${p.add(scope.category)}]::service_category[])`);
    }
    const applicantConditions = placeConditions(scope, p, 'a');
    const filled = p.add(FILLED_STATES);
    const rows: MonitoredCall[] = await this.connection.manager(ctx).query(
      `SELECT c.id AS "callId", c.title, c.status::text AS status, f.name AS "organisationName", c.closes_at AS "closesAt", c.places,
              count(a.id) FILTER (WHERE a.status = 'ADMITTED' AND m.state::text = ANY(${filled}::text[]))::int AS "placesFilled",
              count(a.id)::int AS applicants,
              count(a.id) FILTER (WHERE a.status = 'EXCLUDED')::int AS excluded,
              count(a.id) FILTER (WHERE a.status = 'RESERVE')::int AS reserve,
              count(a.id) FILTER (WHERE a.admitted_at > c.closed_at)::int AS "promotedFromReserve"
       FROM selection_call c
       LEFT JOIN facilitator f ON f.id = c.publisher_facilitator_id
       LEFT JOIN call_application a ON a.call_id = c.id ${andClause(applicantConditions)}
       LEFT JOIN match m ON m.id = a.match_id
       WHERE c.status <> 'DRAFT' ${andClause(callConditions)}
       GROUP BY c.id, f.name
       ORDER BY c.closes_at DESC, c.id`,
      p.values,
    );
    return { open: total(rows, SelectionCallStatus.OPEN), closed: total(rows, SelectionCallStatus.CLOSED), calls: rows.slice(0, MAX_MONITORED_CALLS) };
  }
}

function total(rows: readonly MonitoredCall[], status: MonitoredCall['status']): CallCounts & { calls: number } {
  const mine = rows.filter((row) => row.status === status);
  const sum = (key: keyof CallCounts): number => mine.reduce((acc, row) => acc + row[key], 0);
  return {
    calls: mine.length,
    places: sum('places'),
    placesFilled: sum('placesFilled'),
    applicants: sum('applicants'),
    excluded: sum('excluded'),
    reserve: sum('reserve'),
    promotedFromReserve: sum('promotedFromReserve'),
  };
}
