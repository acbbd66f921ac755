import { Injectable } from '@nestjs/common';
import { ServiceCategory } from '@vec/matching';
import { SERVICE_CATEGORY_LABELS } from '../messages';
import { EntityManager } from 'typeorm';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { MatchState, OutcomeCheckpoint } from '../match/match.types';
import { HelpRequestStatus } from '../help-request/help-request.types';
import { VerificationStatus } from '../provider/provider.types';
import { ATECO_SECTIONS } from '../shop/registry/ateco';
import { TerritoryService } from '../territory/territory.service';
import { BreakdownDimension, TimeBucket } from './monitoring.types';
import { andClause, matchConditions, MonitoringScope, OFFER_PROVINCES, offerConditions, onOfferConditions, providerReachConditions, periodConditions, requestConditions, shopConditions, shopFrom, SqlParams, whereClause } from './monitoring-scope';
import { MonitoringErrorCode, MonitoringException } from './monitoring.exception';
import { DAY_MS } from '../common/time';
import type { MonitoringFilter } from './monitoring.commands';

export interface Kpis {
  shopsRegistered: number;
  providersByStatus: Record<string, number>;
  offersPublished: number;
  capacityTotal: number;
  capacityUsed: number;
  requestsByStatus: Record<string, number>;
  matchesByState: Record<string, number>;
  /** Requests (not cancelled) with a live or completed match ÷ those requests; null when none. */
  matchRate: number | null;
  medianHoursToAcceptance: number | null;
  /** Accepted matches the shop then confirmed active ÷ accepted matches. */
  activationRate: number | null;
  completedMatches: number;
  surveyedCompletions: number;
  /** Completed matches whose shop reports online orders ÷ completed matches whose shop answered. */
  onlineOrdersShare: number | null;
  /** The outcome surveys answered in the period, per checkpoint (completion, 30 and 90 days). */
  outcomes: CheckpointOutcome[];
}

export interface CheckpointOutcome {
  checkpoint: OutcomeCheckpoint;
  answers: number;
  withOnlineOrders: number;
  /** withOnlineOrders ÷ answers; null without answers. */
  onlineOrdersShare: number | null;
  /** The median of the orders reported by the answers that had any; null when none had. */
  medianOrders: number | null;
}

export interface BreakdownRow {
  code: string;
  name: string;
  shops: number;
  requests: number;
  matchedRequests: number;
  matchRate: number | null;
  activeMatches: number;
  completedMatches: number;
  onlineOrdersShare: number | null;
  offers: number;
  capacity: number;
  used: number;
}

export interface SeriesPoint {
  start: Date;
  requests: number;
  matches: number;
  activations: number;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
/** Day and week boundaries are Italian ones. */
const ZONE = 'Europe/Rome';
/** Without a period, series cover the last 12 weeks (or 30 days). */
const DEFAULT_SPAN_DAYS: Record<TimeBucket, number> = { [TimeBucket.DAY]: 30, [TimeBucket.WEEK]: 84 };
/** More buckets than this is not a chart any more: ask for weeks, or a shorter period. */
export const MAX_BUCKETS = 400;

type CountRow = { key: string; n: number };
/** Every status in its declared order, with zero where no row has it: a status nobody is in is a figure too. */
const toRecord = (rows: CountRow[], statuses: Record<string, string>): Record<string, number> =>
  Object.fromEntries(Object.values(statuses).map((status) => [status, rows.find((r) => r.key === status)?.n ?? 0]));

/**
 * Figures for ministry staff, straight from indexed SQL (aggregates never pass through Node as rows).
 * Each figure reads one or two tables joined on indexed keys; see README "Monitoring" for
 * definitions and the benchmark that times them at national scale.
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly territory: TerritoryService,
  ) {}

  /** Checks the filter's codes against the territory, and that a province lies in the region. */
  async scope(ctx: RequestContext, filter: MonitoringFilter): Promise<MonitoringScope> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    return this.resolveScope(ctx, filter);
  }

  /** The same check without the staff requirement (open data is public). */
  async resolveScope(ctx: RequestContext, filter: MonitoringFilter): Promise<MonitoringScope> {
    if (filter.regionCode) await this.territory.getRegion(ctx, filter.regionCode, 'filter.regionCode');
    if (filter.provinceCode) {
      const province = await this.territory.getProvince(ctx, filter.provinceCode, 'filter.provinceCode');
      if (filter.regionCode && province.regionCode !== filter.regionCode) {
        throw new MonitoringException(MonitoringErrorCode.PROVINCE_OUTSIDE_REGION, 'filter.provinceCode');
      }
    }
    return { ...filter };
  }

  async kpis(ctx: RequestContext, filter: MonitoringFilter): Promise<Kpis> {
    const scope = await this.scope(ctx, filter);
    const db = this.connection.manager(ctx);
    const [shops, providers, offers, requests, matches, acceptance, outcomes, surveys] = await Promise.all([
      this.one(db, (p) => `SELECT count(*)::int AS n FROM ${shopFrom(scope)}
        ${whereClause([...shopConditions(scope, p), ...periodConditions('s.created_at', scope, p), ...this.shopHasCategory(scope, p)])}`),
      this.rows(db, (p) => `SELECT pr.verification_status::text AS key, count(*)::int AS n FROM provider pr
        ${whereClause([...periodConditions('pr.created_at', scope, p), ...providerReachConditions(scope, p)])}
        GROUP BY pr.verification_status`),
      this.one(db, (p) => `SELECT count(*)::int AS n, coalesce(sum(o.capacity), 0)::int AS capacity, coalesce(sum(o.used), 0)::int AS used FROM offer o
        WHERE ${[...onOfferConditions(scope, p), ...offerConditions(scope, p)].join(' AND ')}`),
      this.rows(db, (p) => `SELECT r.status::text AS key, count(*)::int AS n FROM help_request r ${whereClause(requestConditions(scope, p))} GROUP BY r.status`),
      this.rows(db, (p) => `SELECT m.state::text AS key, count(*)::int AS n FROM match m ${whereClause(matchConditions(scope, p, 'm.created_at'))} GROUP BY m.state`),
      // The median of the intervals, turned into hours once: converting every row first cost three times as much.
      this.one(db, (p) => `SELECT count(*)::int AS n, count(m.activated_at)::int AS activated,
          extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY m.accepted_at - m.requested_at)) / 3600 AS median
        FROM match m WHERE m.accepted_at IS NOT NULL ${andClause(matchConditions(scope, p, 'm.accepted_at'))}`),
      this.one(db, (p) => `SELECT count(*)::int AS n, count(v.match_id)::int AS surveyed, count(*) FILTER (WHERE v.got_online_orders)::int AS orders
        FROM match m LEFT JOIN outcome_survey v ON v.match_id = m.id AND v.checkpoint = 'COMPLETION'
        WHERE m.state = 'COMPLETED' ${andClause(matchConditions(scope, p, 'm.completed_at'))}`),
      // Answers given in the period, of matches in the place, category and sector: one row per checkpoint answered.
      // Without a place, category or sector the answers alone are read: joining every match would double the cost.
      this.rows<{ key: OutcomeCheckpoint; answers: number; orders: number; median: number | null }>(db, (p) => {
        const ofMatches = matchConditions(scope, p, null);
        return `SELECT v.checkpoint::text AS key, count(*)::int AS answers, count(*) FILTER (WHERE v.got_online_orders)::int AS orders,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY v.approximate_orders) FILTER (WHERE v.got_online_orders) AS median
          FROM outcome_survey v ${ofMatches.length ? 'JOIN match m ON m.id = v.match_id' : ''}
          ${whereClause([...ofMatches, ...periodConditions('v.answered_at', scope, p)])} GROUP BY v.checkpoint`;
      }),
    ]);
    const byStatus = toRecord(requests, HelpRequestStatus);
    // A request is MATCHED while a match holds a place for it and FULFILLED once one completed.
    const served = (byStatus.MATCHED ?? 0) + (byStatus.FULFILLED ?? 0);
    const notCancelled = Object.entries(byStatus).reduce((sum, [status, n]) => sum + (status === 'CANCELLED' ? 0 : n), 0);
    return {
      shopsRegistered: shops.n,
      providersByStatus: toRecord(providers, VerificationStatus),
      offersPublished: offers.n,
      capacityTotal: offers.capacity,
      capacityUsed: offers.used,
      requestsByStatus: byStatus,
      matchesByState: toRecord(matches, MatchState),
      matchRate: ratio(served, notCancelled),
      medianHoursToAcceptance: acceptance.median === null ? null : Number(acceptance.median),
      activationRate: ratio(acceptance.activated, acceptance.n),
      completedMatches: outcomes.n,
      surveyedCompletions: outcomes.surveyed,
      onlineOrdersShare: ratio(outcomes.orders, outcomes.surveyed),
      outcomes: Object.values(OutcomeCheckpoint).map((checkpoint) => {
        const row = surveys.find((s) => s.key === checkpoint);
        const answers = row?.answers ?? 0;
        const withOnlineOrders = row?.orders ?? 0;
        return { checkpoint, answers, withOnlineOrders, onlineOrdersShare: ratio(withOnlineOrders, answers), medianOrders: row?.median == null ? null : Number(row.median) };
      }),
    };
  }

  async breakdown(ctx: RequestContext, filter: MonitoringFilter, by: BreakdownDimension): Promise<BreakdownRow[]> {
    const scope = await this.scope(ctx, filter);
    const db = this.connection.manager(ctx);
    const column = { REGION: 'region_code', PROVINCE: 'province_code', CATEGORY: 'category', SECTOR: 'ateco_section' }[by];
    const shopWhere = (p: SqlParams): string => whereClause([...shopConditions(scope, p), ...periodConditions('s.created_at', scope, p), ...this.shopHasCategory(scope, p)]);
    const [shops, requests, matches, offers] = await Promise.all([
      by === BreakdownDimension.REGION || by === BreakdownDimension.PROVINCE
        ? // Counted per comune first, then summed per place: joining every shop to its comune cost more.
          this.rows(db, (p) => `SELECT kc.${column} AS key, sum(x.n)::int AS n
            FROM (SELECT s.comune_code, count(*) AS n FROM ${shopFrom(scope)} ${shopWhere(p)} GROUP BY s.comune_code) x
            JOIN comune kc ON kc.code = x.comune_code GROUP BY kc.${column}`)
        : by === BreakdownDimension.SECTOR
        ? this.rows(db, (p) => `SELECT s.ateco_section AS key, count(*)::int AS n FROM ${shopFrom(scope)} ${shopWhere(p)} GROUP BY s.ateco_section`)
        : // Grouped on the bare column, so the (category, shop_id) index delivers the rows in order.
          this.rows(db, (p) => `SELECT r.category AS key, count(DISTINCT r.shop_id)::int AS n
            FROM help_request r ${scope.from || scope.to ? 'JOIN shop s ON s.id = r.shop_id' : ''}
            ${whereClause([...requestConditions(scope, p, null), ...periodConditions('s.created_at', scope, p)])} GROUP BY r.category`),
      this.rows<{ key: string; requests: number; matched: number }>(db, (p) => `SELECT r.${column}::text AS key, count(*)::int AS requests,
          count(*) FILTER (WHERE r.status IN ('MATCHED', 'FULFILLED'))::int AS matched
        FROM help_request r WHERE r.status <> 'CANCELLED' ${andClause(requestConditions(scope, p))} GROUP BY r.${column}`),
      // Places the requests above (made in the period) took, and their outcomes, whenever the match
      // happened: the row's own shops, so a national offer's places count where they were taken.
      this.rows<{ key: string; used: number; active: number; completed: number; surveyed: number; orders: number }>(db, (p) => `SELECT m.${column}::text AS key,
          count(*)::int AS used, count(*) FILTER (WHERE m.state = 'ACTIVE')::int AS active, count(*) FILTER (WHERE m.state = 'COMPLETED')::int AS completed,
          count(v.match_id)::int AS surveyed, count(*) FILTER (WHERE v.got_online_orders)::int AS orders
        FROM match m LEFT JOIN outcome_survey v ON v.match_id = m.id AND v.checkpoint = 'COMPLETION'
        WHERE m.state IN ('PENDING', 'ACCEPTED', 'ACTIVE', 'COMPLETED') ${andClause(matchConditions(scope, p, 'm.requested_at'))} GROUP BY m.${column}`),
      this.offerBreakdown(db, scope, by),
    ]);
    // Every region, province, category or section in scope, with zeros where nothing happened: those are the gaps.
    const members = await this.members(ctx, scope, by);
    const byKey = <T extends { key: string }>(rows: T[]): Map<string, T> => new Map(rows.map((row) => [String(row.key), row]));
    const shopRows = byKey(shops);
    const requestRows = byKey(requests);
    const matchRows = byKey(matches);
    const offerRows = byKey(offers);
    return members
      .map(({ code, name }): BreakdownRow => {
        const r = requestRows.get(code);
        const m = matchRows.get(code);
        const o = offerRows.get(code);
        return {
          code,
          name,
          shops: shopRows.get(code)?.n ?? 0,
          requests: r?.requests ?? 0,
          matchedRequests: r?.matched ?? 0,
          matchRate: ratio(r?.matched ?? 0, r?.requests ?? 0),
          activeMatches: m?.active ?? 0,
          completedMatches: m?.completed ?? 0,
          onlineOrdersShare: ratio(m?.orders ?? 0, m?.surveyed ?? 0),
          offers: o?.offers ?? 0,
          capacity: o?.capacity ?? 0,
          used: m?.used ?? 0,
        };
      })
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  /** Requests made, matches created and matches activated per day or week of the period. */
  async timeSeries(ctx: RequestContext, filter: MonitoringFilter, bucket: TimeBucket): Promise<SeriesPoint[]> {
    const scope = await this.scope(ctx, filter);
    const to = scope.to ?? ctx.now;
    const from = scope.from ?? new Date(to.getTime() - DEFAULT_SPAN_DAYS[bucket] * DAY_MS);
    const unit = bucket === TimeBucket.DAY ? 'day' : 'week';
    const buckets = Math.ceil((to.getTime() - from.getTime()) / ((bucket === TimeBucket.DAY ? 1 : 7) * DAY_MS));
    if (buckets > MAX_BUCKETS) throw new MonitoringException(MonitoringErrorCode.TOO_MANY_BUCKETS, 'filter.from', bucket === TimeBucket.WEEK);
    const bounded = { ...scope, from, to };
    const db = this.connection.manager(ctx);
    // Each series is its own query, so that the three run side by side. Rows fall into buckets by
    // a binary search over the buckets' instants (width_bucket), not by converting each row's time
    // to Italian time: the conversion was most of the cost.
    const series = (column: string, table: string, alias: string): Promise<{ start: Date; n: number }[]> => {
      const p = new SqlParams();
      const zone = p.add(ZONE);
      const unitParam = p.add(unit);
      return db.query(
        `WITH buckets AS (
           SELECT row_number() OVER (ORDER BY start)::int AS k, start AT TIME ZONE ${zone} AS start FROM
             generate_series(date_trunc(${unitParam}, ${p.add(from)}::timestamptz AT TIME ZONE ${zone}),
                             date_trunc(${unitParam}, ${p.add(new Date(to.getTime() - 1))}::timestamptz AT TIME ZONE ${zone}), ('1 ' || ${unitParam})::interval) AS start),
         bounds AS (SELECT array_agg(start ORDER BY k) AS edges FROM buckets),
         counted AS (
           SELECT width_bucket(${column}, (SELECT edges FROM bounds)) AS k, count(*)::int AS n FROM ${table}
           WHERE ${requestConditions(bounded, p, column, alias).join(' AND ')} GROUP BY 1)
         SELECT b.start, coalesce(c.n, 0) AS n FROM buckets b LEFT JOIN counted c ON c.k = b.k ORDER BY b.k`,
        p.values,
      );
    };
    const [requests, matches, activations] = await Promise.all([
      series('r.created_at', 'help_request r', 'r'),
      series('m.created_at', 'match m', 'm'),
      series('m.activated_at', 'match m', 'm'),
    ]);
    return requests.map((r, i) => ({ start: new Date(r.start), requests: r.n, matches: matches[i].n, activations: activations[i].n }));
  }

  /** Offers and their capacity per region, province, category or section they are open to. */
  private offerBreakdown(db: EntityManager, scope: MonitoringScope, by: BreakdownDimension): Promise<{ key: string; offers: number; capacity: number }[]> {
    const p = new SqlParams();
    const conditions = [...onOfferConditions(scope, p), ...offerConditions(scope, p)];
    if (by === BreakdownDimension.CATEGORY || by === BreakdownDimension.SECTOR) {
      const keys =
        by === BreakdownDimension.CATEGORY
          ? `unnest(o.categories)::text`
          : `unnest(CASE WHEN o.all_sectors THEN (SELECT array_agg(chr(x)) FROM generate_series(65, 86) x) ELSE o.eligible_sections END)`;
      return db.query(
        `SELECT key, count(*)::int AS offers, sum(capacity)::int AS capacity
         FROM (SELECT o.capacity, ${keys} AS key FROM offer o WHERE ${conditions.join(' AND ')}) x
         GROUP BY key`,
        p.values,
      );
    }
    const key = by === BreakdownDimension.REGION ? 'pv.region_code' : 'pv.code';
    // Every (offer, province) the offer reaches, then counted once per region or province.
    return db.query(
      `SELECT key, count(*)::int AS offers, sum(o.capacity)::int AS capacity
       FROM (SELECT DISTINCT reach.offer_id, ${key} AS key FROM (${OFFER_PROVINCES}) reach JOIN province pv ON pv.code = reach.province_code) d
       JOIN offer o ON o.id = d.offer_id
       WHERE ${conditions.join(' AND ')}
       GROUP BY key`,
      p.values,
    );
  }

  /**
   * The whole dimension with the names of its members, narrowed to the filter: rows outside it are
   * left out, since an offer may reach beyond the place, or span other categories and sections.
   */
  private async members(ctx: RequestContext, scope: MonitoringScope, by: BreakdownDimension): Promise<{ code: string; name: string }[]> {
    const only = <T extends { code: string }>(items: readonly T[], code: string | undefined): readonly T[] => (code ? items.filter((item) => item.code === code) : items);
    switch (by) {
      case BreakdownDimension.REGION: {
        const region = scope.regionCode ?? (scope.provinceCode ? (await this.territory.getProvince(ctx, scope.provinceCode)).regionCode : undefined);
        return only(await this.territory.listRegions(ctx), region).map((r) => ({ code: r.code, name: r.name }));
      }
      case BreakdownDimension.PROVINCE:
        return only(await this.territory.listProvinces(ctx, scope.regionCode), scope.provinceCode).map((p) => ({ code: p.code, name: p.name }));
      case BreakdownDimension.CATEGORY:
        return Object.values(ServiceCategory)
          .filter((category) => !scope.category || category === scope.category)
          .map((category) => ({ code: category, name: SERVICE_CATEGORY_LABELS[category].it }));
      case BreakdownDimension.SECTOR:
        return only(ATECO_SECTIONS, scope.atecoSection).map((section) => ({ code: section.code, name: section.it }));
    }
  }

  private shopHasCategory(scope: MonitoringScope, p: SqlParams): string[] {
    return scope.category ? [`EXISTS (SELECT 1 FROM help_request r WHERE r.shop_id = s.id AND r.category = ${p.add(scope.category)})`] : [];
  }

  private async one<T = Record<string, number>>(db: EntityManager, build: (p: SqlParams) => string): Promise<T & Record<string, number>> {
    const p = new SqlParams();
    const sql = build(p);
    return (await db.query(sql, p.values))[0];
  }

  private rows<T = CountRow>(db: EntityManager, build: (p: SqlParams) => string): Promise<T[]> {
    const p = new SqlParams();
    const sql = build(p);
    return db.query(sql, p.values);
  }
}
