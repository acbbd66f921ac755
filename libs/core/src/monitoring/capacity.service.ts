import { Injectable } from '@nestjs/common';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { NOT_ENDED, offerConditions, onOfferConditions, SqlParams } from './monitoring-scope';
import { MonitoringService } from './monitoring.service';
import { DAY_MS } from '../common/time';
import type { MonitoringFilter } from './monitoring.commands';

export interface SlotFigures {
  capacity: number;
  /** PENDING: places held while the provider answers. */
  held: number;
  accepted: number;
  active: number;
  completed: number;
  remaining: number;
  waitlist: number;
}

export interface OfferCapacityRow extends SlotFigures {
  offerId: string;
  title: string;
  providerId: string;
  providerName: string;
  status: string;
  freePeriodMonths: number;
  validUntil: Date | null;
  validityEndsInDays: number | null;
  /** The earliest end of an ACTIVE match's free period. */
  nextFreePeriodEnd: Date | null;
  freePeriodEndsInDays: number | null;
}

export interface ProviderCapacityRow extends SlotFigures {
  providerId: string;
  providerName: string;
  offers: number;
}

const daysUntil = (date: Date | null, now: Date): number | null => (date ? Math.ceil((date.getTime() - now.getTime()) / DAY_MS) : null);

/**
 * Slot figures per offer, counted over the matches alone and then joined to the offers: grouping
 * the offers joined with every match cost ten times as much at national scale.
 */
const SLOTS = `
  slots AS (
    SELECT m.offer_id,
           count(*) FILTER (WHERE m.state = 'PENDING')::int AS held,
           count(*) FILTER (WHERE m.state = 'ACCEPTED')::int AS accepted,
           count(*) FILTER (WHERE m.state = 'ACTIVE')::int AS active,
           count(*) FILTER (WHERE m.state = 'COMPLETED')::int AS completed,
           count(*) FILTER (WHERE m.state = 'WAITLISTED')::int AS waitlist,
           min(m.free_until) FILTER (WHERE m.state = 'ACTIVE') AS next_end
    FROM match m GROUP BY m.offer_id)`;
const FIGURES = ['held', 'accepted', 'active', 'completed', 'waitlist'].map((name) => `coalesce(s.${name}, 0) AS ${name}`).join(', ');

/** How fast free places are being taken, per offer and per provider; offers about to end. */
@Injectable()
export class CapacityService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly monitoring: MonitoringService,
  ) {}

  /** The offers the headline figures count (see onOfferConditions), the fullest first (fewest places left for their size). */
  async byOffer(
    ctx: RequestContext,
    filter: MonitoringFilter,
    options: { providerId?: string; endingWithinDays?: number },
    page: PageRequest,
  ): Promise<Page<OfferCapacityRow>> {
    const scope = await this.monitoring.scope(ctx, filter);
    const p = new SqlParams();
    const conditions = [...onOfferConditions(scope, p), ...offerConditions(scope, p)];
    if (options.providerId) conditions.push(`o.provider_id = ${p.add(options.providerId)}`);
    const horizon = options.endingWithinDays ? p.add(new Date(ctx.now.getTime() + options.endingWithinDays * DAY_MS)) : null;
    type Row = { id: string; title: string; provider_id: string; provider_name: string; status: string; capacity: number; used: number; free_period_months: number; valid_until: string | null; next_end: string | null } & Omit<SlotFigures, 'capacity' | 'remaining'>;
    const [{ total, items }]: { total: number; items: Row[] | null }[] = await this.connection.dataSource.query(
      `WITH ${SLOTS},
       rows AS (
         SELECT o.id, o.title, o.provider_id, pr.name AS provider_name, o.status, o.capacity, o.used, o.free_period_months, o.valid_until,
                s.next_end, ${FIGURES}
         FROM offer o JOIN provider pr ON pr.id = o.provider_id LEFT JOIN slots s ON s.offer_id = o.id
         WHERE ${conditions.join(' AND ')}
         ${horizon ? `AND ${NOT_ENDED} AND (o.valid_until <= ${horizon} OR s.next_end <= ${horizon})` : ''})
       SELECT (SELECT count(*)::int FROM rows) AS total,
              (SELECT json_agg(x) FROM (SELECT * FROM rows ORDER BY (capacity - used)::float / capacity, valid_until NULLS LAST, id
                                        LIMIT ${p.add(page.first)} OFFSET ${p.add(page.offset)}) x) AS items`,
      p.values,
    );
    return toPage(
      (items ?? []).map((r) => {
        const validUntil = r.valid_until ? new Date(r.valid_until) : null;
        const nextEnd = r.next_end ? new Date(r.next_end) : null;
        return {
          offerId: r.id,
          title: r.title,
          providerId: r.provider_id,
          providerName: r.provider_name,
          status: r.status,
          freePeriodMonths: r.free_period_months,
          capacity: r.capacity,
          held: r.held,
          accepted: r.accepted,
          active: r.active,
          completed: r.completed,
          remaining: r.capacity - r.used,
          waitlist: r.waitlist,
          validUntil,
          validityEndsInDays: daysUntil(validUntil, ctx.now),
          nextFreePeriodEnd: nextEnd,
          freePeriodEndsInDays: daysUntil(nextEnd, ctx.now),
        };
      }),
      total,
      page,
    );
  }

  /** The same figures summed per provider, the smallest share of places left first (as offers are ordered). */
  async byProvider(ctx: RequestContext, filter: MonitoringFilter, page: PageRequest): Promise<Page<ProviderCapacityRow>> {
    const scope = await this.monitoring.scope(ctx, filter);
    const p = new SqlParams();
    type Row = { provider_id: string; provider_name: string; offers: number; capacity: number; used: number } & Omit<SlotFigures, 'capacity' | 'remaining'>;
    const [{ total, items }]: { total: number; items: Row[] | null }[] = await this.connection.dataSource.query(
      `WITH ${SLOTS},
       per_offer AS (
         SELECT o.id, o.provider_id, o.capacity, o.used, ${FIGURES}
         FROM offer o LEFT JOIN slots s ON s.offer_id = o.id
         WHERE ${[...onOfferConditions(scope, p), ...offerConditions(scope, p)].join(' AND ')}),
       rows AS (
         SELECT pr.id AS provider_id, pr.name AS provider_name, count(*)::int AS offers, sum(capacity)::int AS capacity, sum(used)::int AS used,
                sum(held)::int AS held, sum(accepted)::int AS accepted, sum(active)::int AS active, sum(completed)::int AS completed, sum(waitlist)::int AS waitlist
         FROM per_offer JOIN provider pr ON pr.id = per_offer.provider_id GROUP BY pr.id)
       SELECT (SELECT count(*)::int FROM rows) AS total,
              (SELECT json_agg(x) FROM (SELECT * FROM rows ORDER BY (capacity - used)::float / capacity, capacity - used, provider_name, provider_id LIMIT ${p.add(page.first)} OFFSET ${p.add(page.offset)}) x) AS items`,
      p.values,
    );
    return toPage(
      (items ?? []).map((r) => ({
        providerId: r.provider_id,
        providerName: r.provider_name,
        offers: r.offers,
        capacity: r.capacity,
        held: r.held,
        accepted: r.accepted,
        active: r.active,
        completed: r.completed,
        remaining: r.capacity - r.used,
        waitlist: r.waitlist,
      })),
      total,
      page,
    );
  }
}
