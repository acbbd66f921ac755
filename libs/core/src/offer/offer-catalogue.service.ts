import { Injectable } from '@nestjs/common';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { TerritoryService } from '../territory/territory.service';
import { OfferCoverageEntity } from './offer-coverage.entity';
import { comuneArea, loadCoverage, whereOfferCovers } from './offer-coverage.query';
import { OfferEntity } from './offer.entity';
import { whereShownToShops } from './offer-visibility.query';
import type { CatalogueFilter } from './offer.commands';

/**
 * The public catalogue, as the 2020 programme had: the offers a shop could take up today or later —
 * published, by an approved provider, not past their validity — by category and comune, for anyone,
 * signed in or not. One page is a query for the rows with their provider, a count and one query for
 * their coverage, whatever its size; it reads nothing of the caller, so a short-lived cache can serve everyone.
 */
@Injectable()
export class OfferCatalogueService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly territory: TerritoryService,
  ) {}

  async list(ctx: RequestContext, filter: CatalogueFilter, page: PageRequest): Promise<Page<OfferEntity>> {
    const query = this.connection.repository(ctx, OfferEntity).createQueryBuilder('offer').innerJoinAndSelect('offer.provider', 'provider');
    whereShownToShops(query, 'offer', 'provider', { currentAt: ctx.now });
    if (filter.categories?.length) query.andWhere('offer.categories && ARRAY[:...categories]::service_category[]', { categories: filter.categories });
    if (filter.comuneCode) whereOfferCovers(query, 'offer', comuneArea(await this.territory.getComune(ctx, filter.comuneCode, 'filter.comuneCode')));
    query.orderBy('offer.publishedAt', 'DESC', 'NULLS LAST').addOrderBy('offer.id');
    // The only join is the offer's one provider, so a plain LIMIT/OFFSET pages the rows: skip/take
    // would first select the page's distinct ids in a query of their own.
    const [items, total] = await query.offset(page.offset).limit(page.first).getManyAndCount();
    await loadCoverage(this.connection.repository(ctx, OfferCoverageEntity), items);
    return toPage(items, total, page);
  }
}
