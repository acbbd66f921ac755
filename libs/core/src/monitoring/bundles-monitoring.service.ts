import { Injectable } from '@nestjs/common';
import { ServiceCategory } from '@vec/matching';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import type { MonitoringFilter } from './monitoring.commands';
import { andClause, periodConditions, SqlParams } from './monitoring-scope';
import { MonitoringService } from './monitoring.service';

/** A part is served once its request has a match accepted, active or completed (as for the shops served by an intermediary). */
const SERVED_STATES = ['ACCEPTED', 'ACTIVE', 'COMPLETED'];

/** The dashboard lists at most this many combinations of services, the most asked first (the totals count them all). */
export const MAX_BUNDLE_COMBINATIONS = 10;

/** How far the bundles asked have got. Every bundle is in exactly one of complete, partial, not served, withdrawn. */
export interface BundleCounts {
  asked: number;
  /** Every part served: the complete set. */
  complete: number;
  /** Some parts served, not all. */
  partial: number;
  /** No part served yet, and not withdrawn. */
  notServed: number;
  /** Every part cancelled by the shop. */
  withdrawn: number;
}

export interface BundleCombination extends BundleCounts {
  /** The services asked together, in the platform's order. */
  categories: ServiceCategory[];
}

export interface BundlesMonitoring extends BundleCounts {
  /** Parts per bundle on average; null when no bundle is in scope. */
  averageParts: number | null;
  /** How many different combinations of services were asked. */
  combinationCount: number;
  /** The combinations most asked (ties in the order of their codes), at most MAX_BUNDLE_COMBINATIONS. */
  combinations: BundleCombination[];
}

interface Row extends BundleCounts {
  total: boolean;
  combo: ServiceCategory[] | null;
  parts: number;
}

/**
 * Bundles on the ministry dashboard: how many were asked, how many got their complete set, part
 * of it or nothing yet, how many the shop withdrew, and the combinations of services most asked.
 * Place and sector narrow the shops asking (read on the parts, which carry their shop's place and
 * sector); the category keeps the bundles including it; the period keeps the bundles asked in it,
 * whenever their parts were served. One statement: parts counted per bundle, then summed per
 * combination and overall (GROUPING SETS).
 */
@Injectable()
export class BundlesMonitoringService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly monitoring: MonitoringService,
  ) {}

  async bundles(ctx: RequestContext, filter: MonitoringFilter): Promise<BundlesMonitoring> {
    const scope = await this.monitoring.scope(ctx, filter);
    const p = new SqlParams();
    const bundleConditions = periodConditions('b.created_at', scope, p);
    if (scope.category) bundleConditions.push(`b.categories @> ARRAY[${p.add(scope.category)}]::service_category[]`);
    // Every part of a bundle belongs to the same shop: a place or sector keeps all of a bundle's parts or none.
    const partConditions: string[] = [];
    if (scope.regionCode) partConditions.push(`r.region_code = ${p.add(scope.regionCode)}`);
    if (scope.provinceCode) partConditions.push(`r.province_code = ${p.add(scope.provinceCode)}`);
    if (scope.atecoSection) partConditions.push(`r.ateco_section = ${p.add(scope.atecoSection)}`);
    const served = p.add(SERVED_STATES);
    const rows: Row[] = await this.connection.manager(ctx).query(
      `WITH per_bundle AS (
         SELECT b.id, b.categories, count(*)::int AS parts,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match m WHERE m.help_request_id = r.id AND m.state::text = ANY(${served}::text[])))::int AS served,
                count(*) FILTER (WHERE r.status = 'CANCELLED')::int AS cancelled
         FROM help_request_bundle b JOIN help_request r ON r.bundle_id = b.id
         WHERE true ${andClause([...bundleConditions, ...partConditions])}
         GROUP BY b.id
       ), classified AS (
         SELECT ARRAY(SELECT c FROM unnest(categories) c ORDER BY c)::text[] AS combo, parts,
                CASE WHEN cancelled = parts THEN 'WITHDRAWN' WHEN served = parts THEN 'COMPLETE' WHEN served > 0 THEN 'PARTIAL' ELSE 'NONE' END AS state
         FROM per_bundle
       )
       SELECT grouping(combo) = 1 AS total, combo, count(*)::int AS asked, coalesce(sum(parts), 0)::int AS parts,
              count(*) FILTER (WHERE state = 'COMPLETE')::int AS complete,
              count(*) FILTER (WHERE state = 'PARTIAL')::int AS partial,
              count(*) FILTER (WHERE state = 'NONE')::int AS "notServed",
              count(*) FILTER (WHERE state = 'WITHDRAWN')::int AS withdrawn
       FROM classified
       GROUP BY GROUPING SETS ((), (combo))
       ORDER BY total DESC, asked DESC, combo`,
      p.values,
    );
    const [all, ...combos] = rows;
    return {
      ...counts(all),
      averageParts: all.asked > 0 ? all.parts / all.asked : null,
      combinationCount: combos.length,
      combinations: combos.slice(0, MAX_BUNDLE_COMBINATIONS).map((row) => ({ categories: row.combo ?? [], ...counts(row) })),
    };
  }
}

const counts = (row: Row): BundleCounts => ({ asked: row.asked, complete: row.complete, partial: row.partial, notServed: row.notServed, withdrawn: row.withdrawn });
