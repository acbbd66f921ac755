import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { UserRole } from '../auth/user-role';
import { isStaff, requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { ProviderService } from '../provider/provider.service';
import { ShopService } from '../shop/shop.service';
import { MatchTransitionEntity } from './match-transition.entity';
import { MatchEntity } from './match.entity';
import { MatchErrorCode, MatchException } from './match.exception';
import { MatchState, OPEN_STATES } from './match.types';
import { OutcomeSurveyEntity } from './outcome-survey.entity';
import { WAITLIST_KEY_SQL } from './waitlist-order';
import type { MatchFilter } from './match.commands';

/** A step of a match, with the facilitator organisation that took it on a shop's behalf, if one did. */
export type RecordedStep = MatchTransitionEntity & { readonly actorOrganisation: string | null };

/** Reading matches: each side sees its own, ministry staff see all. */
@Injectable()
export class MatchQueryService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly shops: ShopService,
    private readonly providers: ProviderService,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<MatchEntity> {
    const actor = requireActor(ctx);
    const match = await this.connection.repository(ctx, MatchEntity).findOne({ where: { id }, relations: { shop: true, provider: true } });
    const visible = match && (isStaff(actor) || match.provider?.ownerUserId === actor.userId || (await this.shops.actsFor(ctx, match.shopId)));
    if (!visible) throw new MatchException(MatchErrorCode.MATCH_NOT_FOUND, 'id');
    return match;
  }

  /**
   * The sets of a bundle still waiting or in progress, each with its open parts, oldest first.
   * For the bundle's shop (or a facilitator acting for it) and staff; nobody else sees them.
   */
  async openSetsOfBundle(ctx: RequestContext, bundle: { id: string; shopId: string }): Promise<{ setId: string; matches: MatchEntity[] }[]> {
    const actor = requireActor(ctx);
    if (!isStaff(actor) && !(await this.shops.actsFor(ctx, bundle.shopId))) return [];
    const open: MatchEntity[] = await this.connection
      .repository(ctx, MatchEntity)
      .createQueryBuilder('m')
      .innerJoin('m.helpRequest', 'r')
      .where('r.bundle_id = :bundleId', { bundleId: bundle.id })
      .andWhere('m.shop_id = :shopId', { shopId: bundle.shopId })
      .andWhere('m.set_id IS NOT NULL')
      .andWhere('m.state IN (:...open)', { open: OPEN_STATES })
      .orderBy('m.created_at')
      .addOrderBy('m.set_id')
      .addOrderBy('m.category')
      .getMany();
    const sets = new Map<string, MatchEntity[]>();
    for (const match of open) sets.set(match.setId as string, [...(sets.get(match.setId as string) ?? []), match]);
    return [...sets].map(([setId, matches]) => ({ setId, matches }));
  }

  /** The caller's shop's matches, or those of the caller's organisation's offers; newest first. */
  async listMine(ctx: RequestContext, filter: MatchFilter, page: PageRequest): Promise<Page<MatchEntity>> {
    const actor = requireActor(ctx, UserRole.SHOP, UserRole.FACILITATOR, UserRole.PROVIDER);
    const shopSide = actor.role !== UserRole.PROVIDER;
    const mine = shopSide ? await this.shops.findOwn(ctx) : await this.providers.findOwn(ctx);
    if (!mine) return toPage([], 0, page);
    const column = shopSide ? 'm.shop_id' : 'm.provider_id';
    return this.page(ctx, filter, page, (q) => q.where(`${column} = :mine`, { mine: mine.id }));
  }

  async list(ctx: RequestContext, filter: MatchFilter, page: PageRequest): Promise<Page<MatchEntity>> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    return this.page(ctx, filter, page, (q) => q);
  }

  /**
   * For the per-request loaders: transitions, oldest first, of these matches, each with the name of
   * the facilitator organisation whose account took it on the shop's behalf (null for any other
   * actor, or once that account is gone).
   */
  async stepsOf(matchIds: readonly string[], organisationsOf: (userIds: string[]) => Promise<Map<string, string>>): Promise<RecordedStep[][]> {
    const rows = await this.connection.dataSource.getRepository(MatchTransitionEntity).find({ where: { matchId: In([...matchIds]) }, order: { id: 'ASC' } });
    const transitions = matchIds.map((id) => rows.filter((row) => row.matchId === id));
    const byFacilitator = (step: MatchTransitionEntity): string | null => (step.actorRole === UserRole.FACILITATOR ? step.actorUserId : null);
    const names = await organisationsOf([...new Set(transitions.flat().map(byFacilitator).filter((id): id is string => id !== null))]);
    return transitions.map((steps) => steps.map((step) => ({ ...step, actorOrganisation: names.get(byFacilitator(step) ?? '') ?? null })));
  }

  async surveysOf(matchIds: readonly string[]): Promise<OutcomeSurveyEntity[][]> {
    const rows = await this.connection.dataSource.getRepository(OutcomeSurveyEntity).find({ where: { matchId: In([...matchIds]) }, order: { answeredAt: 'ASC' } });
    return matchIds.map((id) => rows.filter((row) => row.matchId === id));
  }

  /** Batch lookup for DataLoader: each match's state now, in the order asked (undefined for an unknown id). */
  async statesOf(matchIds: readonly string[]): Promise<(MatchState | undefined)[]> {
    const rows: { id: string; state: MatchState }[] = await this.connection.dataSource.query(`SELECT id, state FROM match WHERE id = ANY($1::uuid[])`, [matchIds]);
    const byId = new Map(rows.map((row) => [row.id, row.state]));
    return matchIds.map((id) => byId.get(id));
  }

  /** 1-based place in its offer's waitlist (null when not waitlisted), in promotion order. */
  async waitlistPositionsOf(matchIds: readonly string[]): Promise<(number | null)[]> {
    const rows: { id: string; position: number }[] = await this.connection.dataSource.query(
      `SELECT m.id, 1 + (SELECT count(*)::int FROM match w JOIN help_request wr ON wr.id = w.help_request_id
                         WHERE w.offer_id = m.offer_id AND w.state = 'WAITLISTED'
                           AND ${WAITLIST_KEY_SQL} < (r.created_at, m.waitlisted_at, m.id)) AS position
       FROM match m JOIN help_request r ON r.id = m.help_request_id
       WHERE m.id = ANY($1::uuid[]) AND m.state = 'WAITLISTED'`,
      [matchIds],
    );
    const byId = new Map(rows.map((row) => [row.id, row.position]));
    return matchIds.map((id) => byId.get(id) ?? null);
  }

  /** For the per-request loader: matches per state of these offers. */
  async usageOf(offerIds: readonly string[]): Promise<{ pending: number; accepted: number; active: number; completed: number; waitlisted: number }[]> {
    const rows: { offer_id: string; state: string; n: number }[] = await this.connection.dataSource.query(
      `SELECT offer_id, state, count(*)::int AS n FROM match WHERE offer_id = ANY($1::uuid[]) AND state IN ('PENDING','ACCEPTED','ACTIVE','COMPLETED','WAITLISTED') GROUP BY 1, 2`,
      [offerIds],
    );
    return offerIds.map((id) => {
      const n = (state: string): number => rows.find((r) => r.offer_id === id && r.state === state)?.n ?? 0;
      return { pending: n('PENDING'), accepted: n('ACCEPTED'), active: n('ACTIVE'), completed: n('COMPLETED'), waitlisted: n('WAITLISTED') };
    });
  }

  async findByIds(ids: readonly string[]): Promise<(MatchEntity | undefined)[]> {
    const rows = await this.connection.dataSource.getRepository(MatchEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  }

  private async page(
    ctx: RequestContext,
    filter: MatchFilter,
    page: PageRequest,
    scope: (query: ReturnType<typeof this.baseQuery>) => ReturnType<typeof this.baseQuery>,
  ): Promise<Page<MatchEntity>> {
    const query = scope(this.baseQuery(ctx));
    if (filter.state) query.andWhere('m.state = :state', { state: filter.state });
    if (filter.offerId) query.andWhere('m.offer_id = :offerId', { offerId: filter.offerId });
    if (filter.helpRequestId) query.andWhere('m.help_request_id = :helpRequestId', { helpRequestId: filter.helpRequestId });
    // Places waiting for the provider's answer: the one due first comes first (the provider works down the list); otherwise the newest.
    if (filter.state === MatchState.PENDING) query.orderBy('m.respondBy', 'ASC').addOrderBy('m.createdAt', 'DESC');
    else query.orderBy('m.createdAt', 'DESC');
    const [items, total] = await query.addOrderBy('m.id').skip(page.offset).take(page.first).getManyAndCount();
    return toPage(items, total, page);
  }

  private baseQuery(ctx: RequestContext) {
    return this.connection.repository(ctx, MatchEntity).createQueryBuilder('m');
  }
}
