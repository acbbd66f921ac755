import { Args, Context, Field, ID, InputType, Mutation, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ServiceCategory } from '@vec/matching';
import { ArrayMaxSize, IsUUID } from 'class-validator';
import { identifies } from '../../api/input-rules';
import type { Loaders } from '../../api/loaders';
import { ListSize } from '../../api/query-cost';
import { resultUnion } from '../../api/result-union';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { MESSAGES } from '../../messages';
import { DeclareIntegrationsOutcome, MAX_OFFER_INTEGRATIONS, OfferIntegrationService } from '../offer-integration.service';
import type { OfferEntity } from '../offer.entity';
import type { DeclareOfferIntegrations } from '../offer.commands';
import { OfferClosedErrorModel, OfferModel, PublicProviderModel, toOfferModel, toPublicProviderModel } from './offer.models';

@InputType({ description: 'The other providers’ offers this offer works with; the list replaces the one declared before (empty: none).' })
export class DeclareOfferIntegrationsInput implements DeclareOfferIntegrations {
  @Field(() => ID) @IsUUID('all', identifies('offer')) offerId!: string;

  @Field(() => [ID], { description: `At most ${MAX_OFFER_INTEGRATIONS}, each a published offer of another provider.` })
  @ArrayMaxSize(MAX_OFFER_INTEGRATIONS)
  @IsUUID('all', { each: true, ...identifies('offer') })
  partnerOfferIds!: string[];
}

@ObjectType('OfferPartner', { description: 'Another provider’s offer that this offer declares it works with (e.g. a store’s payment or delivery integration).' })
export class OfferPartnerModel {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => [ServiceCategory]) categories!: ServiceCategory[];
  @Field(() => PublicProviderModel) provider!: PublicProviderModel;
}

export const toOfferPartnerModel = (offer: OfferEntity): OfferPartnerModel => {
  if (!offer.provider) throw new Error(`partner offer ${offer.id} loaded without its provider`);
  return { id: offer.id, title: offer.title, categories: offer.categories, provider: toPublicProviderModel(offer.provider) };
};

export const DeclareOfferIntegrationsResult = resultUnion({
  name: 'DeclareOfferIntegrationsResult',
  types: () => [OfferModel, OfferClosedErrorModel] as const,
});

export function toDeclareIntegrationsResult(outcome: DeclareIntegrationsOutcome): typeof DeclareOfferIntegrationsResult {
  switch (outcome.kind) {
    case 'offer':
      return toOfferModel(outcome.offer);
    case 'closed':
      return new OfferClosedErrorModel(MESSAGES.offer.closed(), 'input.offerId');
  }
}

@Resolver(() => OfferModel)
export class OfferIntegrationResolver {
  constructor(private readonly service: OfferIntegrationService) {}

  @Roles(UserRole.PROVIDER)
  @Mutation(() => DeclareOfferIntegrationsResult, { description: 'Declare which other providers’ offers one of your offers works with (replaces the list).' })
  async declareOfferIntegrations(@Ctx() ctx: RequestContext, @Args('input') input: DeclareOfferIntegrationsInput): Promise<typeof DeclareOfferIntegrationsResult> {
    return toDeclareIntegrationsResult(await this.service.declare(ctx, input));
  }

  @ListSize(MAX_OFFER_INTEGRATIONS)
  @ResolveField(() => [OfferPartnerModel], { description: 'The partner offers it declares that shops see now, by title.' })
  async integrations(@Context('loaders') loaders: Loaders, @Parent() offer: OfferModel): Promise<OfferPartnerModel[]> {
    return (await loaders.offerIntegrations.load(offer.id)).map(toOfferPartnerModel);
  }
}
