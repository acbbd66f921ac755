import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../auth/api/auth.decorators';
import { mapPage } from '../../common/pagination';
import { PublicCache } from '../../api/public-cache';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { CatalogueArgs, CatalogueOfferModel, CatalogueOfferPageModel, toCatalogueOfferModel } from './offer-catalogue.models';
import { OfferCatalogueService } from '../offer-catalogue.service';

@Resolver(() => CatalogueOfferModel)
export class OfferCatalogueResolver {
  constructor(private readonly catalogue: OfferCatalogueService) {}

  @Public()
  // Places left change as shops apply: a short time only.
  @PublicCache(60)
  @Query(() => CatalogueOfferPageModel, {
    description: 'The public catalogue: published offers of approved providers still valid, by category and comune, most recently published first. No account needed; no personal data.',
  })
  async offerCatalogue(@Ctx() ctx: RequestContext, @Args() args: CatalogueArgs): Promise<CatalogueOfferPageModel> {
    return mapPage(await this.catalogue.list(ctx, args.filter, args), toCatalogueOfferModel);
  }
}
