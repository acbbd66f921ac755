import { Injectable } from '@nestjs/common';
import { isStaff, requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import type { ShopEntity } from '../shop/shop.entity';
import { ShopService } from '../shop/shop.service';
import { HelpRequestBundleEntity } from './help-request-bundle.entity';
import { HelpRequestEntity } from './help-request.entity';
import { HelpRequestErrorCode, HelpRequestException } from './help-request.exception';

export interface BundleWithRequests {
  bundle: HelpRequestBundleEntity;
  /** One per category, in the bundle's order of categories. */
  requests: HelpRequestEntity[];
}

/** Reading bundles: a shop (or the facilitator acting for it) its own, ministry staff any. */
@Injectable()
export class HelpRequestBundleService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly shops: ShopService,
  ) {}

  /** One bundle with its requests; anyone but its shop and staff is told it does not exist. */
  async get(ctx: RequestContext, id: string, field = 'id'): Promise<BundleWithRequests> {
    const actor = requireActor(ctx);
    const bundle = await this.connection.repository(ctx, HelpRequestBundleEntity).findOneBy({ id });
    if (!bundle || (!isStaff(actor) && !(await this.shops.actsFor(ctx, bundle.shopId)))) throw new HelpRequestException(HelpRequestErrorCode.BUNDLE_NOT_FOUND, field);
    return { bundle, requests: await this.requestsOf(ctx, bundle) };
  }

  /** The caller's shop's bundles, newest first. */
  async listOwn(ctx: RequestContext, page: PageRequest): Promise<Page<BundleWithRequests>> {
    const shop = await this.shops.requireOwnShop(ctx);
    const [items, total] = await this.connection
      .repository(ctx, HelpRequestBundleEntity)
      .findAndCount({ where: { shopId: shop.id }, order: { createdAt: 'DESC', id: 'ASC' }, skip: page.offset, take: page.first });
    const requests = items.length === 0 ? [] : await this.connection.repository(ctx, HelpRequestEntity).createQueryBuilder('r').where('r.bundle_id = ANY(:ids::uuid[])', { ids: items.map((b) => b.id) }).getMany();
    return toPage(
      items.map((bundle) => ({ bundle, requests: inOrder(bundle, requests.filter((r) => r.bundleId === bundle.id)) })),
      total,
      page,
    );
  }

  /** The bundle's shop (for the engine's view of its requests). */
  async shopOf(ctx: RequestContext, bundle: HelpRequestBundleEntity): Promise<ShopEntity> {
    const [shop] = await this.shops.findByIds([bundle.shopId]);
    if (!shop) throw new Error(`shop ${bundle.shopId} of bundle ${bundle.id} is missing`);
    return shop;
  }

  private async requestsOf(ctx: RequestContext, bundle: HelpRequestBundleEntity): Promise<HelpRequestEntity[]> {
    return inOrder(bundle, await this.connection.repository(ctx, HelpRequestEntity).findBy({ bundleId: bundle.id }));
  }
}

const inOrder = (bundle: HelpRequestBundleEntity, requests: HelpRequestEntity[]): HelpRequestEntity[] =>
  [...requests].sort((a, b) => bundle.categories.indexOf(a.category) - bundle.categories.indexOf(b.category) || a.createdAt.getTime() - b.createdAt.getTime());
