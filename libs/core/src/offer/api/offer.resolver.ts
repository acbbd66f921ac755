import { ServiceCategory } from '@vec/matching';
import { PublicCache, TERRITORY_CACHE_SECONDS } from '../../api/public-cache';
import { ListSize } from '../../api/query-cost';
import { Args, Context, createUnionType, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import type { Loaders } from '../../api/loaders';
import { mapPage } from '../../common/pagination';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { dayWords, OFFER_STATUS_WORDS, statusWords } from '../../common/status-words';
import { ServiceCategoryModel, serviceCategoryModels } from '../../api/service-category.model';
import { CreateOfferInput, OfferIdArgs, UpdateOfferInput } from './offer.inputs';
import {
  CapacityBelowUsedErrorModel,
  InvalidOfferTransitionErrorModel,
  MyOfferListArgs,
  OfferClosedErrorModel,
  OfferListArgs,
  OfferModel,
  OfferPageModel,
  OfferValidityEndedErrorModel,
  PublicProviderModel,
  toOfferModel,
  toPublicProviderModel,
  OfferUsageModel,
} from './offer.models';
import { offerVisibility, OfferStatusAction } from '../offer-status';
import { OfferVisibility } from '../offer.types';
import { providerNotApproved, ProviderNotApprovedErrorModel } from '../../provider/api/provider.models';
import { OfferService, OfferStatusOutcome } from '../offer.service';

export const UpdateOfferResult = createUnionType({
  name: 'UpdateOfferResult',
  types: () => [OfferModel, CapacityBelowUsedErrorModel, OfferClosedErrorModel] as const,
  resolveType: (value: { code?: string }) =>
    value.code === 'CAPACITY_BELOW_USED' ? CapacityBelowUsedErrorModel : value.code === 'OFFER_CLOSED' ? OfferClosedErrorModel : OfferModel,
});

export const OfferStatusResult = createUnionType({
  name: 'OfferStatusResult',
  description: 'The offer in its new status, or why the change is not possible now.',
  types: () => [OfferModel, InvalidOfferTransitionErrorModel, OfferValidityEndedErrorModel, ProviderNotApprovedErrorModel] as const,
  resolveType: (value: { code?: string }) =>
    value.code === 'INVALID_TRANSITION'
      ? InvalidOfferTransitionErrorModel
      : value.code === 'VALIDITY_ENDED'
        ? OfferValidityEndedErrorModel
        : value.code === 'PROVIDER_NOT_APPROVED'
          ? ProviderNotApprovedErrorModel
          : OfferModel,
});

const VERBS: Record<OfferStatusAction, { en: string; it: string }> = {
  publish: { en: 'published', it: 'pubblicata' },
  pause: { en: 'paused', it: 'messa in pausa' },
  resume: { en: 'resumed', it: 'riattivata' },
  close: { en: 'closed', it: 'chiusa' },
};

function toStatusResult(outcome: OfferStatusOutcome, action: OfferStatusAction): typeof OfferStatusResult {
  switch (outcome.kind) {
    case 'offer':
      return toOfferModel(outcome.offer);
    case 'invalid-transition': {
      const status = statusWords(OFFER_STATUS_WORDS, outcome.current);
      return {
        code: 'INVALID_TRANSITION',
        field: 'id',
        currentStatus: outcome.current,
        message: `The offer is ${status.en}: it cannot be ${VERBS[action].en}`,
        messageIt: `L’offerta è ${status.it}: non può essere ${VERBS[action].it}`,
      };
    }
    case 'validity-ended':
      return {
        code: 'VALIDITY_ENDED',
        field: 'id',
        validUntil: outcome.validUntil,
        message: `The offer was valid until ${dayWords(outcome.validUntil).en}: move the end of its validity into the future first`,
        messageIt: `L’offerta era valida fino al ${dayWords(outcome.validUntil).it}: sposta prima la fine della validità nel futuro`,
      };
    case 'provider-not-approved':
      return providerNotApproved(outcome.status, 'id');
  }
}

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
    const outcome = await this.offerService.update(ctx, input);
    switch (outcome.kind) {
      case 'offer':
        return toOfferModel(outcome.offer);
      case 'capacity-below-used':
        return {
          code: 'CAPACITY_BELOW_USED',
          field: 'input.capacity',
          used: outcome.used,
          message: `${outcome.used} places are already taken: the capacity can be ${outcome.used} or more`,
          messageIt: `${outcome.used} posti sono già occupati: la capacità può essere ${outcome.used} o più`,
        };
      case 'closed':
        return {
          code: 'OFFER_CLOSED',
          field: 'input.id',
          message: 'The offer is closed and can no longer change: create a new one instead',
          messageIt: 'L’offerta è chiusa e non si può più modificare: creane una nuova',
        };
    }
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => OfferStatusResult, { description: 'DRAFT → PUBLISHED; validUntil, if set, must be in the future.' })
  async publishOffer(@Ctx() ctx: RequestContext, @Args() { id }: OfferIdArgs): Promise<typeof OfferStatusResult> {
    return toStatusResult(await this.offerService.changeStatus(ctx, id, 'publish'), 'publish');
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => OfferStatusResult, { description: 'PUBLISHED → PAUSED: hidden from shops until resumed.' })
  async pauseOffer(@Ctx() ctx: RequestContext, @Args() { id }: OfferIdArgs): Promise<typeof OfferStatusResult> {
    return toStatusResult(await this.offerService.changeStatus(ctx, id, 'pause'), 'pause');
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => OfferStatusResult, { description: 'PAUSED → PUBLISHED; validUntil, if set, must be in the future.' })
  async resumeOffer(@Ctx() ctx: RequestContext, @Args() { id }: OfferIdArgs): Promise<typeof OfferStatusResult> {
    return toStatusResult(await this.offerService.changeStatus(ctx, id, 'resume'), 'resume');
  }

  @Roles(UserRole.PROVIDER)
  @Mutation(() => OfferStatusResult, { description: 'DRAFT, PUBLISHED or PAUSED → CLOSED, for good.' })
  async closeOffer(@Ctx() ctx: RequestContext, @Args() { id }: OfferIdArgs): Promise<typeof OfferStatusResult> {
    return toStatusResult(await this.offerService.changeStatus(ctx, id, 'close'), 'close');
  }

  @Query(() => OfferModel, { description: 'One offer: published ones of approved providers for everyone; others for their provider and staff.' })
  async offer(@Ctx() ctx: RequestContext, @Args() { id }: OfferIdArgs): Promise<OfferModel> {
    return toOfferModel(await this.offerService.get(ctx, id));
  }

  @Roles(UserRole.PROVIDER)
  @Query(() => OfferPageModel, { description: "The caller's offers in every status, newest first." })
  async myOffers(@Ctx() ctx: RequestContext, @Args() args: MyOfferListArgs): Promise<OfferPageModel> {
    return mapPage(await this.offerService.listOwn(ctx, args.filter, args), toOfferModel);
  }

  @Query(() => OfferPageModel, { description: 'Offers by category and place, most recently published first.' })
  async offers(@Ctx() ctx: RequestContext, @Args() args: OfferListArgs): Promise<OfferPageModel> {
    return mapPage(await this.offerService.list(ctx, args.filter, args), toOfferModel);
  }

  @ResolveField(() => OfferUsageModel, { description: 'Places by state of the matches holding or waiting for them.' })
  async usage(@Context('loaders') loaders: Loaders, @Parent() offer: OfferModel): Promise<OfferUsageModel> {
    return loaders.offerUsage.load(offer.id);
  }

  @ResolveField(() => OfferVisibility, { description: 'Whether shops see the offer now, or why not (awaiting the provider’s verification, suspended…).' })
  async visibility(@Context('loaders') loaders: Loaders, @Parent() offer: OfferModel): Promise<OfferVisibility> {
    const provider = await loaders.provider.load(offer.providerId);
    if (!provider) throw new Error(`Provider ${offer.providerId} of offer ${offer.id} is missing`);
    return offerVisibility(offer.status, provider.verificationStatus);
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
