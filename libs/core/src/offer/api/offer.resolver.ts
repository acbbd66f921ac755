import { ServiceCategory } from '@vec/matching';
import { PublicCache, TERRITORY_CACHE_SECONDS } from '../../api/public-cache';
import { ListSize } from '../../api/query-cost';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { isStaff } from '../../common/access';
import type { Loaders } from '../../api/loaders';
import { mapPage } from '../../common/pagination';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { ServiceCategoryModel, serviceCategoryModels } from '../../api/service-category.model';
import { CreateOfferInput, OfferIdArgs, UpdateOfferInput } from './offer.inputs';
import {
  MyOfferListArgs,
  OfferListArgs,
  OfferModel,
  OfferPageModel,
  PublicProviderModel,
  toOfferModel,
  toPublicProviderModel,
  OfferUsageModel,
} from './offer.models';
import { offerVisibility } from '../offer-status';
import { OfferVisibility } from '../offer.types';
import { OfferService } from '../offer.service';
import { OfferStatusResult, toOfferStatusResult, toUpdateOfferResult, UpdateOfferResult } from './offer.results';

@Resolver(() => OfferModel)
export class OfferResolver {
  constructor(private readonly offerService: OfferService) {}

  @Roles(UserRole.PROVIDER)
  @Mutation(() => OfferModel, { description: "Draft a new offer of the caller's organisation (status DRAFT)." })
  async createOffer(@Ctx() ctx: RequestContext, @Args('input') input: CreateOfferInput): Promise<OfferModel> {
    return toOfferModel(await this.offerService.create(ctx, input));
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => UpdateOfferResult, { description: 'Change one of your offers; capacity never below the slots used.' })
  async updateOffer(@Ctx() ctx: RequestContext, @Args('input') input: UpdateOfferInput): Promise<typeof UpdateOfferResult> {
    return toUpdateOfferResult(await this.offerService.update(ctx, input));
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => OfferStatusResult, { description: 'DRAFT → PUBLISHED; validUntil, if set, must be in the future.' })
  async publishOffer(@Ctx() ctx: RequestContext, @Args() { id }: OfferIdArgs): Promise<typeof OfferStatusResult> {
    return toOfferStatusResult(await this.offerService.changeStatus(ctx, id, 'publish'), 'publish');
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => OfferStatusResult, { description: 'PUBLISHED → PAUSED: hidden from shops until resumed.' })
  async pauseOffer(@Ctx() ctx: RequestContext, @Args() { id }: OfferIdArgs): Promise<typeof OfferStatusResult> {
    return toOfferStatusResult(await this.offerService.changeStatus(ctx, id, 'pause'), 'pause');
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => OfferStatusResult, { description: 'PAUSED → PUBLISHED; validUntil, if set, must be in the future.' })
  async resumeOffer(@Ctx() ctx: RequestContext, @Args() { id }: OfferIdArgs): Promise<typeof OfferStatusResult> {
    return toOfferStatusResult(await this.offerService.changeStatus(ctx, id, 'resume'), 'resume');
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => OfferStatusResult, { description: 'DRAFT, PUBLISHED or PAUSED → CLOSED, for good.' })
  async closeOffer(@Ctx() ctx: RequestContext, @Args() { id }: OfferIdArgs): Promise<typeof OfferStatusResult> {
    return toOfferStatusResult(await this.offerService.changeStatus(ctx, id, 'close'), 'close');
  }

  @Query(() => OfferModel, { description: 'One offer, signed in (visitors read the public catalogue, offerCatalogue): published ones of approved providers for every account; others for their provider and staff.' })
  async offer(@Ctx() ctx: RequestContext, @Args() { id }: OfferIdArgs): Promise<OfferModel> {
    return toOfferModel(await this.offerService.get(ctx, id));
  }

  @Roles(UserRole.PROVIDER)
  @Query(() => OfferPageModel, { description: "The caller's offers in every status, newest first." })
  async myOffers(@Ctx() ctx: RequestContext, @Args() args: MyOfferListArgs): Promise<OfferPageModel> {
    return mapPage(await this.offerService.listOwn(ctx, args.filter, args), toOfferModel);
  }

  @Query(() => OfferPageModel, { description: 'Offers by category and place, most recently published first, signed in (visitors: offerCatalogue).' })
  async offers(@Ctx() ctx: RequestContext, @Args() args: OfferListArgs): Promise<OfferPageModel> {
    return mapPage(await this.offerService.list(ctx, args.filter, args), toOfferModel);
  }

  @ResolveField(() => OfferUsageModel, { description: 'Places by state of the matches holding or waiting for them.' })
  async usage(@Context('loaders') loaders: Loaders, @Parent() offer: OfferModel): Promise<OfferUsageModel> {
    return loaders.offerUsage.load(offer.id);
  }

  @ResolveField(() => OfferVisibility, { description: 'Whether shops see the offer now, or why not (awaiting the provider’s verification, suspended, ended…).' })
  async visibility(@Ctx() ctx: RequestContext, @Context('loaders') loaders: Loaders, @Parent() offer: OfferModel): Promise<OfferVisibility> {
    const provider = await loaders.provider.load(offer.providerId);
    if (!provider) throw new Error(`Provider ${offer.providerId} of offer ${offer.id} is missing`);
    const ended = offer.validUntil !== null && offer.validUntil.getTime() <= ctx.now.getTime();
    return offerVisibility(offer.status, provider.verificationStatus, ended);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Why ministry staff suspended the offer, or the note they left when lifting the suspension: for staff and the offer’s provider; empty for anyone else.',
  })
  async moderationReason(@Ctx() ctx: RequestContext, @Context('loaders') loaders: Loaders, @Parent() offer: OfferModel): Promise<string | null> {
    return (await this.readsModeration(ctx, loaders, offer)) ? offer.moderationReason : null;
  }

  @ResolveField(() => Date, { nullable: true, description: 'When ministry staff last suspended or reinstated the offer: for staff and the offer’s provider; empty for anyone else.' })
  async moderatedAt(@Ctx() ctx: RequestContext, @Context('loaders') loaders: Loaders, @Parent() offer: OfferModel): Promise<Date | null> {
    return (await this.readsModeration(ctx, loaders, offer)) ? offer.moderatedAt : null;
  }

  /** Staff's words on an offer are between staff and its provider: shops and visitors never read them, wherever the offer is shown. */
  private async readsModeration(ctx: RequestContext, loaders: Loaders, offer: OfferModel): Promise<boolean> {
    if (!ctx.actor) return false;
    if (isStaff(ctx.actor)) return true;
    if (ctx.actor.role !== UserRole.PROVIDER) return false;
    return (await loaders.provider.load(offer.providerId))?.ownerUserId === ctx.actor.userId;
  }

  @ResolveField(() => PublicProviderModel)
  async provider(@Context('loaders') loaders: Loaders, @Parent() offer: OfferModel): Promise<PublicProviderModel> {
    const provider = await loaders.provider.load(offer.providerId);
    if (!provider) throw new Error(`Provider ${offer.providerId} of offer ${offer.id} is missing`);
    return toPublicProviderModel(provider);
  }
}

@Resolver(() => ServiceCategoryModel)
export class ServiceCategoryResolver {
  @Public()
  @PublicCache(TERRITORY_CACHE_SECONDS)
  @ListSize(Object.values(ServiceCategory).length)
  @Query(() => [ServiceCategoryModel], { description: 'The closed list of service categories, with Italian and English labels.' })
  serviceCategories(): ServiceCategoryModel[] {
    return serviceCategoryModels();
  }
}
