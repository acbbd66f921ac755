import { Injectable } from '@nestjs/common';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import type { MonitoringFilter } from './monitoring.commands';
import { andClause, matchConditions, periodConditions, shopConditions, SqlParams } from './monitoring-scope';
import { MonitoringService } from './monitoring.service';

/** Uptake through one intermediary: the shops it onboarded, those served, and their outcomes. */
export interface FacilitatorUptake {
  facilitatorId: string;
  name: string;
  kind: string;
  verificationStatus: string;
  /** Shops it ever acted for under a delegation (accepted, chosen or on paper). */
  shopsOnboarded: number;
  /** Of those, on paper and not yet claimed by their owners. */
  shopsOnPaper: number;
  /** Delegations live now. */
  liveDelegations: number;
  /** Onboarded shops with a match accepted, active or completed. */
  shopsServed: number;
  completedMatches: number;
  surveyAnswers: number;
  answersReportingOrders: number;
}

/**
 * Monitoring by intermediary: how many shops each facilitator brought in, how many got a service
 * and what came of it, within the dashboard's filter like every other panel: the place and the
 * ATECO section narrow the shops; the category narrows their matches; the period selects the
 * events in it (delegations activated, matches created and completed, surveys answered). One
 * set-based statement over the delegations (indexed by facilitator) and the onboarded shops'
 * matches and surveys, largest first.
 */
@Injectable()
export class IntermediariesService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly monitoring: MonitoringService,
  ) {}

  async byFacilitator(ctx: RequestContext, filter: MonitoringFilter, page: PageRequest): Promise<Page<FacilitatorUptake>> {
    const scope = await this.monitoring.scope(ctx, filter);
    const p = new SqlParams();
    const shops = shopConditions(scope, p);
    const onboardedIn = periodConditions('d.activated_at', scope, p);
    const served = [...matchConditions(scope, p, 'm.created_at'), `m.state IN ('ACCEPTED', 'ACTIVE', 'COMPLETED')`];
    const completed = [...matchConditions(scope, p, 'm.completed_at'), `m.state = 'COMPLETED'`];
    const answered = [...matchConditions(scope, p, null), ...periodConditions('v.answered_at', scope, p)];
    const rows: (FacilitatorUptake & { total: number })[] = await this.connection.manager(ctx).query(
      `WITH delegated AS (
         SELECT d.facilitator_id, d.shop_id, d.status, bool_or(${onboardedIn.length ? onboardedIn.join(' AND ') : 'true'}) OVER (PARTITION BY d.facilitator_id, d.shop_id) AS in_period
         FROM delegation d JOIN shop s ON s.id = d.shop_id ${scope.regionCode || scope.provinceCode ? 'JOIN comune c ON c.code = s.comune_code' : ''}
         WHERE d.activated_at IS NOT NULL ${andClause(shops)}
       ), onboarded AS (
         SELECT DISTINCT facilitator_id, shop_id, in_period FROM delegated
       ), per AS (
         SELECT o.facilitator_id,
                count(*) FILTER (WHERE o.in_period)::int AS shops,
                count(*) FILTER (WHERE o.in_period AND s.owner_user_id IS NULL)::int AS on_paper,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match m WHERE m.shop_id = o.shop_id AND ${served.join(' AND ')}))::int AS served,
                coalesce(sum((SELECT count(*) FROM match m WHERE m.shop_id = o.shop_id AND ${completed.join(' AND ')})), 0)::int AS completed,
                coalesce(sum((SELECT count(*) FROM outcome_survey v JOIN match m ON m.id = v.match_id WHERE m.shop_id = o.shop_id ${andClause(answered)})), 0)::int AS answers,
                coalesce(sum((SELECT count(*) FROM outcome_survey v JOIN match m ON m.id = v.match_id WHERE m.shop_id = o.shop_id AND v.got_online_orders ${andClause(answered)})), 0)::int AS orders
         FROM onboarded o JOIN shop s ON s.id = o.shop_id
         GROUP BY o.facilitator_id
       ), live AS (
         SELECT facilitator_id, count(DISTINCT shop_id)::int AS n FROM delegated WHERE status = 'ACTIVE' GROUP BY facilitator_id
       )
       SELECT f.id AS "facilitatorId", f.name, f.kind::text AS kind, f.verification_status::text AS "verificationStatus",
              coalesce(per.shops, 0) AS "shopsOnboarded", coalesce(per.on_paper, 0) AS "shopsOnPaper",
              coalesce(live.n, 0) AS "liveDelegations",
              coalesce(per.served, 0) AS "shopsServed", coalesce(per.completed, 0) AS "completedMatches",
              coalesce(per.answers, 0) AS "surveyAnswers", coalesce(per.orders, 0) AS "answersReportingOrders",
              count(*) OVER ()::int AS total
       FROM facilitator f LEFT JOIN per ON per.facilitator_id = f.id LEFT JOIN live ON live.facilitator_id = f.id
       ORDER BY coalesce(per.shops, 0) DESC, f.name, f.id
       LIMIT ${p.add(page.first)} OFFSET ${p.add(page.offset)}`,
      p.values,
    );
    return toPage(
      rows.map(({ total: _total, ...row }) => row),
      rows[0]?.total ?? 0,
      page,
    );
  }

  /** Shops reached through an intermediary (ever under a delegation), for the open data. */
  async shopsReached(ctx: RequestContext): Promise<number> {
    const [row]: { n: number }[] = await this.connection.manager(ctx).query(`SELECT count(DISTINCT shop_id)::int AS n FROM delegation WHERE activated_at IS NOT NULL`);
    return row?.n ?? 0;
  }
}
