import { Injectable } from '@nestjs/common';
import { ServiceCategory } from '@vec/matching';
import { SERVICE_CATEGORY_LABELS } from '../messages';
import { RequestContext } from '../common/request-context';
import { liftLimitsForSystemWork, TransactionalConnection } from '../common/transactional-connection';
import { TerritoryService } from '../territory/territory.service';
import { EntityManager } from 'typeorm';
import { NOT_ENDED, OFFER_PROVINCES } from './monitoring-scope';
import { isStale, lockSnapshot, readSnapshot, SnapshotName, writeSnapshot } from './monitoring-snapshot';

/** One province × category: counts only, never a name, an e-mail or a Partita IVA. */
export interface OpenDataRow {
  regionCode: string;
  regionName: string;
  provinceCode: string;
  provinceName: string;
  provinceSigla: string;
  category: ServiceCategory;
  categoryLabelIt: string;
  shopsAsking: number;
  requests: number;
  openRequests: number;
  matchedRequests: number;
  activeMatches: number;
  completedMatches: number;
  /**
   * Outcome surveys answered at completion, and of those reporting online orders, with their
   * median orders; the last two null for one or two answers (MIN_ANSWERS_PUBLISHED).
   */
  answersAtCompletion: number;
  onlineOrdersAtCompletion: number | null;
  medianOrdersAtCompletion: number | null;
  answersAt30Days: number;
  onlineOrdersAt30Days: number | null;
  medianOrdersAt30Days: number | null;
  answersAt90Days: number;
  onlineOrdersAt90Days: number | null;
  medianOrdersAt90Days: number | null;
  offersCovering: number;
  capacityCovering: number;
}

export interface OpenDataSnapshot {
  /** When the rows were computed: later changes are not in them yet. */
  computedAt: Date;
  rows: OpenDataRow[];
}

export interface PublicFigures {
  shops: number;
  approvedProviders: number;
  publishedOffers: number;
  capacity: number;
  requests: number;
  matchedRequests: number;
  activeMatches: number;
  completedMatches: number;
  onlineOrdersShare: number | null;
  /** Shops reached through an intermediary (a facilitator acting for them under a delegation). */
  shopsThroughIntermediaries: number;
  updatedAt: Date;
}

const CACHE_MS = 60_000;

/**
 * What fewer answers than this said is not published (how many reported online orders, and their
 * median orders): with one or two answers in a province and category, it would be a single shop's
 * own answer. How many answered is.
 */
export const MIN_ANSWERS_PUBLISHED = 3;

const CHECKPOINT_COLUMNS = [
  ['COMPLETION', 'completion'],
  ['DAY_30', 'd30'],
  ['DAY_90', 'd90'],
] as const;

/**
 * Open data: aggregates by province and service category that anyone may read and reuse
 * (CC BY 4.0). Only counts leave the database; nothing identifies a shop or a person.
 */
@Injectable()
export class OpenDataService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly territory: TerritoryService,
  ) {}

  private cached?: { at: number; snapshot: Promise<OpenDataSnapshot> };

  /**
   * The aggregates as last computed by the worker (every five minutes and after each allocation
   * run; see monitoring-snapshot.ts), read at most once a minute per process: the endpoint is
   * public, so a burst of readers costs one read.
   */
  async aggregates(ctx: RequestContext): Promise<OpenDataSnapshot> {
    const now = ctx.now.getTime();
    if (!this.cached || now - this.cached.at > CACHE_MS || now < this.cached.at) {
      const snapshot = this.current(ctx);
      this.cached = { at: now, snapshot };
      snapshot.catch(() => (this.cached = undefined));
    }
    return this.cached.snapshot;
  }

  private async current(ctx: RequestContext): Promise<OpenDataSnapshot> {
    const snapshot = await readSnapshot<OpenDataRow[]>(this.connection.dataSource.manager, SnapshotName.OPEN_DATA);
    if (!isStale(snapshot, ctx.now)) return { computedAt: snapshot!.computedAt, rows: snapshot!.data };
    return this.refresh(ctx, { onlyIfStale: true });
  }

  /**
   * Computes the aggregates as of `ctx.now` and keeps them as the snapshot (about a second at
   * national scale). With `onlyIfStale`, a snapshot another process computed meanwhile is kept.
   */
  async refresh(ctx: RequestContext, { onlyIfStale = false } = {}): Promise<OpenDataSnapshot> {
    const started = performance.now();
    return this.connection.dataSource.transaction(async (db) => {
      await liftLimitsForSystemWork(db, ctx);
      await lockSnapshot(db, SnapshotName.OPEN_DATA);
      const current = onlyIfStale ? await readSnapshot<OpenDataRow[]>(db, SnapshotName.OPEN_DATA) : undefined;
      if (current && !isStale(current, ctx.now)) return { computedAt: current.computedAt, rows: current.data };
      const rows = await this.compute(ctx, db);
      await writeSnapshot(db, SnapshotName.OPEN_DATA, ctx.now, performance.now() - started, rows);
      return { computedAt: ctx.now, rows };
    });
  }

  private async compute(ctx: RequestContext, db: EntityManager): Promise<OpenDataRow[]> {
    type Row = { province_code: string; category: ServiceCategory } & Record<string, number> & Record<`median_${string}`, number | null>;
    const median = (value: number | null): number | null => (value === null ? null : Number(value));
    const rows: Row[] = await db.query(`
      WITH demand AS (
        SELECT r.province_code, r.category, count(DISTINCT r.shop_id)::int AS shops_asking,
               count(*) FILTER (WHERE r.status <> 'CANCELLED')::int AS requests,
               count(*) FILTER (WHERE r.status = 'OPEN')::int AS open_requests,
               count(*) FILTER (WHERE r.status IN ('MATCHED', 'FULFILLED'))::int AS matched_requests
        FROM help_request r GROUP BY 1, 2),
      outcomes AS (
        SELECT m.province_code, m.category,
               count(*) FILTER (WHERE m.state = 'ACTIVE')::int AS active_matches,
               count(*) FILTER (WHERE m.state = 'COMPLETED')::int AS completed_matches
        FROM match m WHERE m.state IN ('ACTIVE', 'COMPLETED') GROUP BY 1, 2),
      answers AS (
        SELECT m.province_code, m.category,
               ${CHECKPOINT_COLUMNS.map(
                 ([checkpoint, key]) => `count(*) FILTER (WHERE v.checkpoint = '${checkpoint}')::int AS answers_${key},
               CASE WHEN count(*) FILTER (WHERE v.checkpoint = '${checkpoint}') NOT BETWEEN 1 AND ${MIN_ANSWERS_PUBLISHED - 1}
                    THEN count(*) FILTER (WHERE v.checkpoint = '${checkpoint}' AND v.got_online_orders)::int END AS orders_${key},
               CASE WHEN count(*) FILTER (WHERE v.checkpoint = '${checkpoint}') >= ${MIN_ANSWERS_PUBLISHED}
                    THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY v.approximate_orders) FILTER (WHERE v.checkpoint = '${checkpoint}' AND v.got_online_orders) END AS median_${key}`,
               ).join(',\n               ')}
        FROM outcome_survey v JOIN match m ON m.id = v.match_id GROUP BY 1, 2),
      reach AS (
        SELECT DISTINCT o.id, r.province_code, unnest(o.categories) AS category, o.capacity
        FROM offer o JOIN provider pr ON pr.id = o.provider_id AND pr.verification_status = 'APPROVED'
        JOIN (${OFFER_PROVINCES}) r ON r.offer_id = o.id
        WHERE o.status = 'PUBLISHED' AND ${NOT_ENDED}),
      supply AS (SELECT province_code, category, count(*)::int AS offers_covering, sum(capacity)::int AS capacity_covering FROM reach GROUP BY 1, 2)
      SELECT coalesce(d.province_code, s.province_code) AS province_code, coalesce(d.category, s.category) AS category,
             coalesce(d.shops_asking, 0) AS shops_asking, coalesce(d.requests, 0) AS requests, coalesce(d.open_requests, 0) AS open_requests,
             coalesce(d.matched_requests, 0) AS matched_requests, coalesce(x.active_matches, 0) AS active_matches,
             coalesce(x.completed_matches, 0) AS completed_matches,
             ${CHECKPOINT_COLUMNS.map(([, key]) => `coalesce(a.answers_${key}, 0) AS answers_${key}, CASE WHEN a.province_code IS NULL THEN 0 ELSE a.orders_${key} END AS orders_${key}, a.median_${key}`).join(', ')},
             coalesce(s.offers_covering, 0) AS offers_covering, coalesce(s.capacity_covering, 0) AS capacity_covering
      FROM demand d FULL JOIN supply s ON s.province_code = d.province_code AND s.category = d.category
      LEFT JOIN outcomes x ON x.province_code = coalesce(d.province_code, s.province_code) AND x.category = coalesce(d.category, s.category)
      LEFT JOIN answers a ON a.province_code = coalesce(d.province_code, s.province_code) AND a.category = coalesce(d.category, s.category)
      ORDER BY 1, 2`);
    const [regions, provinces] = await Promise.all([this.territory.listRegions(ctx), this.territory.listProvinces(ctx)]);
    const regionName = new Map(regions.map((r) => [r.code, r.name]));
    const province = new Map(provinces.map((p) => [p.code, p]));
    return rows.map((r) => {
      const p = province.get(r.province_code);
      return {
        regionCode: p?.regionCode ?? '',
        regionName: regionName.get(p?.regionCode ?? '') ?? '',
        provinceCode: r.province_code,
        provinceName: p?.name ?? r.province_code,
        provinceSigla: p?.sigla ?? '',
        category: r.category,
        categoryLabelIt: SERVICE_CATEGORY_LABELS[r.category].it,
        shopsAsking: r.shops_asking,
        requests: r.requests,
        openRequests: r.open_requests,
        matchedRequests: r.matched_requests,
        activeMatches: r.active_matches,
        completedMatches: r.completed_matches,
        answersAtCompletion: r.answers_completion,
        onlineOrdersAtCompletion: r.orders_completion,
        medianOrdersAtCompletion: median(r.median_completion),
        answersAt30Days: r.answers_d30,
        onlineOrdersAt30Days: r.orders_d30,
        medianOrdersAt30Days: median(r.median_d30),
        answersAt90Days: r.answers_d90,
        onlineOrdersAt90Days: r.orders_d90,
        medianOrdersAt90Days: median(r.median_d90),
        offersCovering: r.offers_covering,
        capacityCovering: r.capacity_covering,
      };
    });
  }

  /**
   * National totals for the public home page. The share reporting online orders counts only the
   * answers of the province × service cells the open data publishes (MIN_ANSWERS_PUBLISHED or
   * more): counted over all, it would give away, by subtraction, what a cell of one or two said.
   */
  async figures(ctx: RequestContext): Promise<PublicFigures> {
    const [row] = await this.connection.dataSource.query(`
      SELECT (SELECT count(*)::int FROM shop) AS shops,
             (SELECT count(*)::int FROM provider WHERE verification_status = 'APPROVED') AS providers,
             (SELECT count(*)::int FROM offer o JOIN provider p ON p.id = o.provider_id WHERE o.status = 'PUBLISHED' AND ${NOT_ENDED} AND p.verification_status = 'APPROVED') AS offers,
             (SELECT coalesce(sum(o.capacity), 0)::int FROM offer o JOIN provider p ON p.id = o.provider_id WHERE o.status = 'PUBLISHED' AND ${NOT_ENDED} AND p.verification_status = 'APPROVED') AS capacity,
             (SELECT count(*)::int FROM help_request WHERE status <> 'CANCELLED') AS requests,
             (SELECT count(*)::int FROM help_request WHERE status IN ('MATCHED', 'FULFILLED')) AS matched,
             (SELECT count(*)::int FROM match WHERE state = 'ACTIVE') AS active,
             (SELECT count(*)::int FROM match WHERE state = 'COMPLETED') AS completed,
             published.answers, published.orders,
             (SELECT count(DISTINCT shop_id)::int FROM delegation WHERE activated_at IS NOT NULL) AS intermediated
      FROM (SELECT coalesce(sum(n), 0)::int AS answers, coalesce(sum(k), 0)::int AS orders
              FROM (SELECT count(*) AS n, count(*) FILTER (WHERE v.got_online_orders) AS k
                      FROM outcome_survey v JOIN match m ON m.id = v.match_id
                     WHERE v.checkpoint = 'COMPLETION' GROUP BY m.province_code, m.category
                    HAVING count(*) >= $1) cells) published`, [MIN_ANSWERS_PUBLISHED]);
    return {
      shops: row.shops,
      approvedProviders: row.providers,
      publishedOffers: row.offers,
      capacity: row.capacity,
      requests: row.requests,
      matchedRequests: row.matched,
      activeMatches: row.active,
      completedMatches: row.completed,
      onlineOrdersShare: row.answers > 0 ? row.orders / row.answers : null,
      shopsThroughIntermediaries: row.intermediated,
      updatedAt: ctx.now,
    };
  }
}
