import { Args, ArgsType, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ServiceCategory } from '@vec/matching';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { identifies, MultiLineText } from '../../api/input-rules';
import { PageArgs, Paginated } from '../../api/pagination';
import { ListSize } from '../../api/query-cost';
import { modelOf } from '../../api/model-instance';
import { resultUnion } from '../../api/result-union';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { mapPage } from '../../common/pagination';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { fieldPath } from '../../common/field-path';
import { MESSAGES } from '../../messages';
import type { CreateHelpRequestBundle } from '../help-request.commands';
import type { CreateHelpRequestsOutcome } from '../help-request.service';
import { HelpRequestService } from '../help-request.service';
import { BundleWithRequests, HelpRequestBundleService } from '../help-request-bundle.service';
import { HelpRequestModel, toHelpRequestModel } from './help-request.models';
import { duplicateError } from './help-request.results';
import { DuplicateHelpRequestErrorModel } from './help-request.models';

const CATEGORY_COUNT = Object.values(ServiceCategory).length;

@InputType({ description: 'Two or more services asked together as one bundle: one request each, all created or none.' })
export class CreateHelpRequestBundleInput implements CreateHelpRequestBundle {
  @Field(() => [ServiceCategory])
  @ArrayMinSize(2)
  @ArrayMaxSize(CATEGORY_COUNT)
  @ArrayUnique()
  @IsEnum(ServiceCategory, { each: true })
  categories!: ServiceCategory[];

  @Field(() => String, { nullable: true, description: 'What the shop wants to achieve (10–2000 characters); else each request gets the suggested description of its service.' })
  @IsOptional()
  @MultiLineText({ optional: true })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  description?: string | null;
}

@ObjectType('HelpRequestBundle', { description: 'Several services a shop asked for together, recommended and applied to as a set.' })
export class HelpRequestBundleModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) shopId!: string;
  @Field(() => [ServiceCategory]) categories!: ServiceCategory[];
  @ListSize(CATEGORY_COUNT) @Field(() => [HelpRequestModel], { description: 'One per category, in the bundle’s order.' }) requests!: HelpRequestModel[];
  @Field() createdAt!: Date;
}

@ObjectType('HelpRequestBundlePage')
export class HelpRequestBundlePageModel extends Paginated(HelpRequestBundleModel, 'HelpRequestBundlePageBase') {}

@ArgsType()
export class BundleIdArgs {
  @Field(() => ID) @IsUUID('all', identifies('any')) id!: string;
}

export const toBundleModel = ({ bundle, requests }: BundleWithRequests): HelpRequestBundleModel =>
  modelOf(HelpRequestBundleModel, {
    id: bundle.id,
    shopId: bundle.shopId,
    categories: bundle.categories,
    requests: requests.map(toHelpRequestModel),
    createdAt: bundle.createdAt,
  });

export const CreateHelpRequestBundleResult = resultUnion({
  name: 'CreateHelpRequestBundleResult',
  types: () => [HelpRequestBundleModel, DuplicateHelpRequestErrorModel] as const,
});

function toCreateBundleResult(outcome: CreateHelpRequestsOutcome): typeof CreateHelpRequestBundleResult {
  switch (outcome.kind) {
    case 'requests':
      if (!outcome.bundle) throw new Error('a bundle was asked for and none was created');
      return toBundleModel({ bundle: outcome.bundle, requests: outcome.requests });
    case 'duplicate':
      return duplicateError(outcome.duplicate, fieldPath('input', 'categories', outcome.duplicate.index));
  }
}

@Resolver(() => HelpRequestBundleModel)
export class HelpRequestBundleResolver {
  constructor(
    private readonly requests: HelpRequestService,
    private readonly bundles: HelpRequestBundleService,
  ) {}

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => CreateHelpRequestBundleResult, { description: 'Ask for several services together (a store, payments and delivery): one request each, grouped in a bundle.' })
  async createHelpRequestBundle(@Ctx() ctx: RequestContext, @Args('input') input: CreateHelpRequestBundleInput): Promise<typeof CreateHelpRequestBundleResult> {
    const description = input.description;
    const requests = input.categories.map((category) => ({ category, description: description ?? MESSAGES.needs.suggestion(category).it }));
    return toCreateBundleResult(await this.requests.createMany(ctx, requests, { asBundle: true }));
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR, UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => HelpRequestBundleModel, { description: 'One bundle with its requests: its shop’s, or any for ministry staff.' })
  async helpRequestBundle(@Ctx() ctx: RequestContext, @Args() { id }: BundleIdArgs): Promise<HelpRequestBundleModel> {
    return toBundleModel(await this.bundles.get(ctx, id));
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Query(() => HelpRequestBundlePageModel, { description: 'Your shop’s bundles, newest first.' })
  async myHelpRequestBundles(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<HelpRequestBundlePageModel> {
    return mapPage(await this.bundles.listOwn(ctx, page), toBundleModel);
  }
}
