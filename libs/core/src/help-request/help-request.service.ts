import { Injectable } from '@nestjs/common';
import { categoriesForNeeds, ServiceCategory } from '@vec/matching';
import { MESSAGES } from '../messages';
import { In, Not, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { isStaff, requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { MatchLifecycleService } from '../match/match-lifecycle.service';
import { MatchingData } from '../matching/matching-data';
import { ShopService } from '../shop/shop.service';
import { TerritoryService } from '../territory/territory.service';
import { HelpRequestBundleEntity } from './help-request-bundle.entity';
import { HelpRequestEntity } from './help-request.entity';
import { HelpRequestErrorCode, HelpRequestException } from './help-request.exception';
import { HelpRequestStatus } from './help-request.types';
import type { CreateHelpRequest, CreateHelpRequestsFromNeeds, HelpRequestFilter, MyHelpRequestFilter, UpdateHelpRequest } from './help-request.commands';

/**
 * A request the shop would have twice: the `index`-th of the input names a service the shop
 * already has an open or matched request for (`existing`), or one named earlier in the same input.
 */
export interface Duplicate {
  index: number;
  category: ServiceCategory;
  existing: HelpRequestEntity | null;
  /** The input's other services already asked for, in input order: refused together with this one. */
  others: readonly Omit<Duplicate, 'others'>[];
}

export type CreateHelpRequestsOutcome =
  | { kind: 'requests'; requests: HelpRequestEntity[]; bundle: HelpRequestBundleEntity | null }
  | { kind: 'duplicate'; duplicate: Duplicate };

export type UpdateHelpRequestOutcome =
  | { kind: 'request'; request: HelpRequestEntity }
  | { kind: 'duplicate'; duplicate: Duplicate }
  | { kind: 'not-open'; current: HelpRequestStatus }
  /** Its waitlist place is for the service it names: the category cannot change under it. */
  | { kind: 'on-waitlist' };
export type CancelHelpRequestOutcome = { kind: 'request'; request: HelpRequestEntity } | { kind: 'invalid-transition'; current: HelpRequestStatus };

/** The statuses a shop may cancel its request from (a MATCHED one gives its match up). */
const CANCELLABLE: readonly HelpRequestStatus[] = [HelpRequestStatus.OPEN, HelpRequestStatus.MATCHED];

/** A request still being dealt with: a shop has at most one per service. */
const IN_PROGRESS: readonly HelpRequestStatus[] = [HelpRequestStatus.OPEN, HelpRequestStatus.MATCHED];

const auditView = (request: HelpRequestEntity): object => ({
  category: request.category,
  description: request.description,
  status: request.status,
  cancelledAt: request.cancelledAt,
});

/** Shops' requests for help: each shop manages its own; ministry staff read all. */
@Injectable()
export class HelpRequestService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly shops: ShopService,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
    private readonly matches: MatchLifecycleService,
    private readonly data: MatchingData,
  ) {}

  /**
   * Several requests of the caller's shop in one transaction: all are created, or none. A shop
   * asks once per service: a service it already has an open or matched request for is refused,
   * naming that request. As a bundle (two or more services), the requests are grouped in one
   * `help_request_bundle`, recommended and applied to as a set.
   */
  async createMany(ctx: RequestContext, inputs: readonly CreateHelpRequest[], options: { asBundle?: boolean; field?: string } = {}): Promise<CreateHelpRequestsOutcome> {
    const bundleField = options.field ?? 'input.categories';
    const shop = await this.shops.requireOwnShop(ctx);
    if (options.asBundle && new Set(inputs.map((input) => input.category)).size < 2) {
      throw new HelpRequestException(HelpRequestErrorCode.BUNDLE_TOO_SMALL, 'input.asBundle');
    }
    return this.connection.withTransaction(ctx, async (tx): Promise<CreateHelpRequestsOutcome> => {
      await this.lockShop(tx, shop.id);
      const duplicate = await this.findDuplicate(tx, shop.id, inputs.map((input) => input.category));
      if (duplicate) return { kind: 'duplicate', duplicate };
      if (options.asBundle) {
        // Served whole or not at all: a bundle larger than the services the shop may still add would wait for ever.
        const limit = this.data.context(tx).maxLiveMatchesPerShop;
        const live = (await this.data.liveMatches(tx, [shop.id])).get(shop.id)?.total ?? 0;
        const free = Math.max(0, limit - live);
        if (inputs.length > free) throw new HelpRequestException(HelpRequestErrorCode.BUNDLE_TOO_LARGE, bundleField, { free, limit });
      }
      const bundles = this.connection.repository(tx, HelpRequestBundleEntity);
      const bundle = options.asBundle ? await bundles.save(bundles.create({ shopId: shop.id, categories: inputs.map((input) => input.category) })) : null;
      const requests = this.connection.repository(tx, HelpRequestEntity);
      const created = await requests.save(
        inputs.map((input) =>
          requests.create({
            shopId: shop.id,
            category: input.category,
            description: input.description,
            status: HelpRequestStatus.OPEN,
            cancelledAt: null,
            bundleId: bundle?.id ?? null,
          }),
        ),
      );
      await this.audit.recordMany(tx, [
        ...(bundle ? [{ action: 'help_request_bundle.created', entityType: 'help_request_bundle', entityId: bundle.id, after: { categories: bundle.categories } }] : []),
        ...created.map((request) => ({ action: 'help_request.created', entityType: 'help_request', entityId: request.id, after: auditView(request) })),
      ]);
      return { kind: 'requests', requests: created, bundle };
    });
  }

  /**
   * The needs questionnaire's answers as requests, created like createMany (all or none): the
   * requests given, each for a service the answers call for, or else one for every such service
   * with the questionnaire's suggested description (in Italian, as a shop would write it); as a
   * bundle when the caller asks and the requests name two or more services.
   */
  async createFromNeeds(ctx: RequestContext, input: CreateHelpRequestsFromNeeds): Promise<CreateHelpRequestsOutcome> {
    const proposed = categoriesForNeeds(input.needs);
    input.requests?.forEach((request, index) => {
      if (!proposed.includes(request.category)) throw new HelpRequestException(HelpRequestErrorCode.NOT_PROPOSED, `input.requests.${index}.category`);
    });
    const requests = input.requests ?? proposed.map((category) => ({ category, description: MESSAGES.needs.suggestion(category).it }));
    // The refusal of a bundle too large goes to the choice to ask together: asked one by one, the same services are fine.
    return this.createMany(ctx, requests, { asBundle: input.asBundle ?? false, field: 'input.asBundle' });
  }

  /** Changes an OPEN request of the caller's shop; once matched it is what the provider agreed to. */
  async update(ctx: RequestContext, input: UpdateHelpRequest): Promise<UpdateHelpRequestOutcome> {
    const shop = await this.shops.requireOwnShop(ctx);
    return this.connection.withTransaction(ctx, async (tx) => {
      const requests = this.connection.repository(tx, HelpRequestEntity);
      const moves = input.category !== undefined;
      // The shop before the request: the order every path takes locks in.
      if (moves) await this.lockShop(tx, shop.id);
      const current = await this.lockOwn(tx, shop.id, input.id, 'input.id');
      if (current.status !== HelpRequestStatus.OPEN) return { kind: 'not-open', current: current.status };
      if (input.category !== undefined && input.category !== current.category) {
        if (await this.matches.isWaitlisted(tx, current.id)) return { kind: 'on-waitlist' };
        const duplicate = await this.findDuplicate(tx, shop.id, [input.category], current.id);
        if (duplicate) return { kind: 'duplicate', duplicate };
      }
      const before = auditView(current);
      const updated = await requests.save(
        requests.merge(current, {
          ...(input.category !== undefined && { category: input.category }),
          ...(input.description !== undefined && { description: input.description }),
        }),
      );
      await this.audit.record(tx, { action: 'help_request.updated', entityType: 'help_request', entityId: updated.id, before, after: auditView(updated) });
      return { kind: 'request', request: updated };
    });
  }

  /** Cancels an OPEN or MATCHED request; its open match or waitlist place is withdrawn with it. */
  async cancel(ctx: RequestContext, id: string): Promise<CancelHelpRequestOutcome> {
    const shop = await this.shops.requireOwnShop(ctx);
    return this.connection.withTransaction(ctx, async (tx) => {
      const requests = this.connection.repository(tx, HelpRequestEntity);
      const seen = await requests.findOneBy({ id, shopId: shop.id });
      if (!seen) throw new HelpRequestException(HelpRequestErrorCode.HELP_REQUEST_NOT_FOUND, 'id');
      // The match (and its offer) are locked before the request, the order every match change uses.
      if (CANCELLABLE.includes(seen.status)) await this.matches.withdrawForCancelledRequest(tx, id);
      const current = await this.lockOwn(tx, shop.id, id, 'id');
      if (!CANCELLABLE.includes(current.status)) return { kind: 'invalid-transition', current: current.status };
      const before = auditView(current);
      const cancelled = await requests.save(requests.merge(current, { status: HelpRequestStatus.CANCELLED, cancelledAt: ctx.now }));
      await this.audit.record(tx, { action: 'help_request.cancelled', entityType: 'help_request', entityId: id, before, after: auditView(cancelled) });
      return { kind: 'request', request: cancelled };
    });
  }

  /** One request: its shop's owner or ministry staff. Anyone else is told it does not exist. */
  async get(ctx: RequestContext, id: string): Promise<HelpRequestEntity> {
    const actor = requireActor(ctx);
    const request = await this.connection.repository(ctx, HelpRequestEntity).findOne({ where: { id }, relations: { shop: true } });
    if (!request || (!isStaff(actor) && !(await this.shops.actsFor(ctx, request.shopId)))) {
      throw new HelpRequestException(HelpRequestErrorCode.HELP_REQUEST_NOT_FOUND, 'id');
    }
    return request;
  }

  /** The caller's shop's requests, newest first. */
  async listOwn(ctx: RequestContext, filter: MyHelpRequestFilter, page: PageRequest): Promise<Page<HelpRequestEntity>> {
    const shop = await this.shops.requireOwnShop(ctx);
    const query = this.connection.repository(ctx, HelpRequestEntity).createQueryBuilder('request').where('request.shop_id = :shop', { shop: shop.id });
    return this.page(this.filtered(query, filter), page);
  }

  /** Every shop's requests, newest first, by status, category and the shop's region or province (staff). */
  async list(ctx: RequestContext, filter: HelpRequestFilter, page: PageRequest): Promise<Page<HelpRequestEntity>> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    if (filter.regionCode) await this.territory.getRegion(ctx, filter.regionCode, 'filter.regionCode');
    if (filter.provinceCode) await this.territory.getProvince(ctx, filter.provinceCode, 'filter.provinceCode');
    const query = this.connection.repository(ctx, HelpRequestEntity).createQueryBuilder('request');
    if (filter.regionCode || filter.provinceCode) query.innerJoin('request.shop', 'shop').innerJoin('shop.comune', 'comune');
    if (filter.regionCode) query.andWhere('comune.region_code = :region', { region: filter.regionCode });
    if (filter.provinceCode) query.andWhere('comune.province_code = :province', { province: filter.provinceCode });
    return this.page(this.filtered(query, filter), page);
  }

  private filtered(query: SelectQueryBuilder<HelpRequestEntity>, filter: MyHelpRequestFilter): SelectQueryBuilder<HelpRequestEntity> {
    if (filter.status) query.andWhere('request.status = :status', { status: filter.status });
    if (filter.category) query.andWhere('request.category = :category', { category: filter.category });
    return query;
  }

  private async page(query: SelectQueryBuilder<HelpRequestEntity>, page: PageRequest): Promise<Page<HelpRequestEntity>> {
    const [items, total] = await query.orderBy('request.createdAt', 'DESC').addOrderBy('request.id').skip(page.offset).take(page.first).getManyAndCount();
    return toPage(items, total, page);
  }

  /** Two simultaneous sends of one shop are judged one after the other, each seeing the other's requests. */
  private async lockShop(tx: RequestContext, shopId: string): Promise<void> {
    await this.shops.lock(tx, shopId);
  }

  /** The first of `categories` the shop already asks for, or asks for twice; `except` is the request being changed. */
  private async findDuplicate(tx: RequestContext, shopId: string, categories: readonly ServiceCategory[], except?: string): Promise<Duplicate | undefined> {
    const inProgress = await this.connection.repository(tx, HelpRequestEntity).find({
      where: { shopId, category: In([...new Set(categories)]), status: In([...IN_PROGRESS]), ...(except && { id: Not(except) }) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const found: Omit<Duplicate, 'others'>[] = [];
    for (const [index, category] of categories.entries()) {
      const existing = inProgress.find((request) => request.category === category);
      if (existing) found.push({ index, category, existing });
      else if (categories.indexOf(category) < index) found.push({ index, category, existing: null });
    }
    return found.length === 0 ? undefined : { ...found[0], others: found.slice(1) };
  }

  /** The caller's shop's request, locked for the rest of the transaction, or HELP_REQUEST_NOT_FOUND. */
  private async lockOwn(tx: RequestContext, shopId: string, id: string, field: string): Promise<HelpRequestEntity> {
    const request = await this.connection.repository(tx, HelpRequestEntity).findOne({ where: { id, shopId }, lock: { mode: 'pessimistic_write' } });
    if (!request) throw new HelpRequestException(HelpRequestErrorCode.HELP_REQUEST_NOT_FOUND, field);
    return request;
  }

  /** For the per-request loader, in the order of `ids`. */
  async findByIds(ids: readonly string[]): Promise<(HelpRequestEntity | undefined)[]> {
    const rows = await this.connection.dataSource.getRepository(HelpRequestEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  }
}
