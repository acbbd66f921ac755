import { Injectable } from '@nestjs/common';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';

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
 * and what came of it. One set-based statement over the delegations (indexed by facilitator) and
 * the onboarded shops' matches and surveys, largest first.
 */
@Injectable()
export class IntermediariesService {
  constructor(private readonly connection: TransactionalConnection) {}

  async byFacilitator(ctx: RequestContext, page: PageRequest): Promise<Page<FacilitatorUptake>> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    const rows: (FacilitatorUptake & { total: number })[] = await this.connection.manager(ctx).query(
      `WITH onboarded AS (
         SELECT DISTINCT d.facilitator_id, d.shop_id FROM delegation d WHERE d.activated_at IS NOT NULL
       ), per AS (
         SELECT o.facilitator_id,
                count(*)::int AS shops,
                count(*) FILTER (WHERE s.owner_user_id IS NULL)::int AS on_paper,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match m WHERE m.shop_id = o.shop_id AND m.state IN ('ACCEPTED', 'ACTIVE', 'COMPLETED')))::int AS served,
                coalesce(sum((SELECT count(*) FROM match m WHERE m.shop_id = o.shop_id AND m.state = 'COMPLETED')), 0)::int AS completed,
                coalesce(sum((SELECT count(*) FROM outcome_survey v JOIN match m ON m.id = v.match_id WHERE m.shop_id = o.shop_id)), 0)::int AS answers,
                coalesce(sum((SELECT count(*) FROM outcome_survey v JOIN match m ON m.id = v.match_id WHERE m.shop_id = o.shop_id AND v.got_online_orders)), 0)::int AS orders
         FROM onboarded o JOIN shop s ON s.id = o.shop_id
         GROUP BY o.facilitator_id
       )
       SELECT f.id AS "facilitatorId", f.name, f.kind::text AS kind, f.verification_status::text AS "verificationStatus",
              coalesce(per.shops, 0) AS "shopsOnboarded", coalesce(per.on_paper, 0) AS "shopsOnPaper",
              (SELECT count(*)::int FROM delegation d WHERE d.facilitator_id = f.id AND d.status = 'ACTIVE') AS "liveDelegations",
              coalesce(per.served, 0) AS "shopsServed", coalesce(per.completed, 0) AS "completedMatches",
              coalesce(per.answers, 0) AS "surveyAnswers", coalesce(per.orders, 0) AS "answersReportingOrders",
              count(*) OVER ()::int AS total
       FROM facilitator f LEFT JOIN per ON per.facilitator_id = f.id
       ORDER BY coalesce(per.shops, 0) DESC, f.name, f.id
       LIMIT $1 OFFSET $2`,
      [page.first, page.offset],
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
