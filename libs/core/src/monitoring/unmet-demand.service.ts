import { Injectable } from '@nestjs/common';
import { ServiceCategory } from '@vec/matching';
import { EntityManager } from 'typeorm';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { liftLimitsForSystemWork, TransactionalConnection } from '../common/transactional-connection';
import { TerritoryService } from '../territory/territory.service';
import { requestConditions, SqlParams, whereClause } from './monitoring-scope';
import { MonitoringService } from './monitoring.service';
import { isStale, lockSnapshot, readSnapshot, SnapshotName, writeSnapshot } from './monitoring-snapshot';
import { judgeOpenRequests } from './unmet-demand.judge';
import type { MonitoringFilter } from './monitoring.commands';

export interface UnmetDemandRow {
  provinceCode: string;
  provinceName: string;
  regionCode: string;
  regionName: string;
  category: ServiceCategory;
  /** Open requests that no valid offer covers at all (place, category, sector). */
  coverageGap: number;
  /** Open requests whose covering offers are all full. */
  capacityGap: number;
  /** Open requests covered only by offers they refused (declined by the provider, or given up by the shop). */
  refusedGap: number;
  /** When the longest-waiting of those requests was made. */
  oldestWaitingSince: Date;
}

export interface UnmetDemandPage extends Page<UnmetDemandRow> {
  /** The moment the verdicts were computed: requests and offers changed since are not in them yet. */
  computedAt: Date;
}


type GapRow = { province_code: string; region_code: string; category: ServiceCategory; coverage_gap: number; capacity_gap: number; refused_gap: number; oldest: string };

/** Why a judged place is unmet (the `unmet_gap` values), or null when an offer with room fits it. */
const VERDICT_GAP = `CASE WHEN v.pid IS NULL THEN 'COVERAGE' WHEN v.any_room IS NULL THEN 'REFUSED' WHEN NOT v.any_room THEN 'CAPACITY' END`;

/** Province × category rows with gaps (from `judged(province_code, region_code, category, n, oldest, gap)`), most unmet first. */
const GAPS_PAGE = `
  gaps AS (
    SELECT province_code, region_code, category,
           coalesce(sum(n) FILTER (WHERE gap = 'COVERAGE'), 0)::int AS coverage_gap,
           coalesce(sum(n) FILTER (WHERE gap = 'CAPACITY'), 0)::int AS capacity_gap,
           coalesce(sum(n) FILTER (WHERE gap = 'REFUSED'), 0)::int AS refused_gap,
           min(oldest) FILTER (WHERE gap IS NOT NULL) AS oldest
    FROM judged GROUP BY 1, 2, 3 HAVING bool_or(gap IS NOT NULL))
  SELECT (SELECT count(*)::int FROM gaps) AS total,
         (SELECT json_agg(g) FROM (SELECT * FROM gaps ORDER BY coverage_gap + capacity_gap + refused_gap DESC, oldest, province_code, category
                                   LIMIT $1 OFFSET $2) g) AS items`;

/**
 * Where shops asked and nobody offers (coverage gap), everyone who offers is full (capacity gap),
 * or the only offers are ones the request refused (refused gap). Judging every open request takes seconds at national scale, so the verdicts are kept in
 * a snapshot (one row per unmet open request) that the worker recomputes every five minutes and
 * after each committed allocation run; the dashboard reads it with any filter and says when it
 * was computed. `listLive` judges on the spot, for checks and comparisons.
 */
@Injectable()
export class UnmetDemandService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly monitoring: MonitoringService,
    private readonly territory: TerritoryService,
  ) {}

  /** Province × category rows with unmet demand, most unmet first, from the latest snapshot. */
  async list(ctx: RequestContext, filter: MonitoringFilter, page: PageRequest): Promise<UnmetDemandPage> {
    const scope = await this.monitoring.scope(ctx, filter);
    const snapshot = await readSnapshot(this.connection.dataSource.manager, SnapshotName.UNMET_DEMAND);
    const computedAt = isStale(snapshot, ctx.now) ? await this.refresh(ctx, { onlyIfStale: true }) : snapshot!.computedAt;
    const p = new SqlParams();
    p.add(page.first);
    p.add(page.offset);
    const [{ total, items }]: { total: number; items: GapRow[] | null }[] = await this.connection.dataSource.query(
      `WITH judged AS (
         SELECT province_code, region_code, category, 1 AS n, created_at AS oldest, gap::text AS gap
         FROM unmet_demand_request u ${whereClause(requestConditions(scope, p, 'u.created_at', 'u'))}),
       ${GAPS_PAGE}`,
      p.values,
    );
    return { ...(await this.toRows(ctx, items ?? [], total, page)), computedAt };
  }

  /** The same rows judged now, against the live requests and offers (seconds at national scale). */
  async listLive(ctx: RequestContext, filter: MonitoringFilter, page: PageRequest): Promise<UnmetDemandPage> {
    const scope = await this.monitoring.scope(ctx, filter);
    // Its own short transaction: the staging tables vanish at commit, nothing is written.
    const [{ total, items }]: { total: number; items: GapRow[] | null }[] = await this.connection.dataSource.transaction(async (db) => {
      await judgeOpenRequests(db, scope, ctx.now);
      return db.query(
        `WITH judged AS (
           SELECT pl.province_code, pl.region_code, pl.category, pl.n, pl.oldest, ${VERDICT_GAP} AS gap
           FROM unmet_place pl LEFT JOIN unmet_verdict v ON v.pid = pl.pid),
         ${GAPS_PAGE}`,
        [page.first, page.offset],
      );
    });
    return { ...(await this.toRows(ctx, items ?? [], total, page)), computedAt: ctx.now };
  }

  /**
   * Judges every open request as of `ctx.now` and replaces the snapshot in one transaction:
   * readers see the previous snapshot until it commits. Returns its time. With `onlyIfStale`
   * (readers finding it old), a snapshot another process computed meanwhile is kept instead, so a
   * crowd of readers costs one computation.
   */
  async refresh(ctx: RequestContext, { onlyIfStale = false } = {}): Promise<Date> {
    const started = performance.now();
    return this.connection.dataSource.transaction(async (db: EntityManager) => {
      await liftLimitsForSystemWork(db, ctx);
      await lockSnapshot(db, SnapshotName.UNMET_DEMAND);
      const current = onlyIfStale ? await readSnapshot(db, SnapshotName.UNMET_DEMAND) : undefined;
      if (current && !isStale(current, ctx.now)) return current.computedAt;
      await judgeOpenRequests(db, {}, ctx.now, true);
      await db.query('DELETE FROM unmet_demand_request');
      await db.query(`INSERT INTO unmet_demand_request (help_request_id, region_code, province_code, category, ateco_section, created_at, gap)
          SELECT r.id, r.region_code, r.province_code, r.category, r.ateco_section, r.created_at, (${VERDICT_GAP})::unmet_gap
          FROM unmet_place pl LEFT JOIN unmet_verdict v ON v.pid = pl.pid
          CROSS JOIN LATERAL unnest(pl.request_ids) AS u(id) JOIN help_request r ON r.id = u.id
          WHERE v.any_room IS NOT TRUE`);
      await writeSnapshot(db, SnapshotName.UNMET_DEMAND, ctx.now, performance.now() - started);
      return ctx.now;
    });
  }

  private async toRows(ctx: RequestContext, rows: GapRow[], total: number, page: PageRequest): Promise<Page<UnmetDemandRow>> {
    const [regions, provinces] = await Promise.all([this.territory.listRegions(ctx), this.territory.listProvinces(ctx)]);
    const regionName = new Map(regions.map((r) => [r.code, r.name]));
    const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
    return toPage(
      rows.map((r) => ({
        provinceCode: r.province_code,
        provinceName: provinceName.get(r.province_code) ?? r.province_code,
        regionCode: r.region_code,
        regionName: regionName.get(r.region_code) ?? r.region_code,
        category: r.category,
        coverageGap: r.coverage_gap,
        capacityGap: r.capacity_gap,
        refusedGap: r.refused_gap,
        oldestWaitingSince: new Date(r.oldest),
      })),
      total,
      page,
    );
  }
}
