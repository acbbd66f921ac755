import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Loaders } from '../../api/loaders';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { mapPage } from '../../common/pagination';
import { IdArgs } from '../../api/input-rules';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { ComuneModel, toComuneModel } from '../../territory/api/territory.models';
import { RegisterShopInput, UpdateShopInput } from './shop.inputs';
import {
  ShopListArgs,
  ShopModel,
  ShopPageModel,
  toShopModel,
} from './shop.models';
import { ShopService } from '../shop.service';
import { RegisterShopResult, toRegisterShopResult } from './shop.results';

@Resolver(() => ShopModel)
export class ShopResolver {
  constructor(
    private readonly shopService: ShopService,
  ) {}

  @Roles(UserRole.SHOP)
  @Mutation(() => RegisterShopResult, { description: "Register the caller's shop (one per account)." })
  async registerShop(@Ctx() ctx: RequestContext, @Args('input') input: RegisterShopInput): Promise<typeof RegisterShopResult> {
    return toRegisterShopResult(await this.shopService.register(ctx, input));
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Mutation(() => ShopModel, { description: "Change the caller's shop profile." })
  async updateShop(@Ctx() ctx: RequestContext, @Args('input') input: UpdateShopInput): Promise<ShopModel> {
    return toShopModel(await this.shopService.update(ctx, input));
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR)
  @Query(() => ShopModel, { nullable: true, description: "The caller's shop, if registered." })
  async myShop(@Ctx() ctx: RequestContext): Promise<ShopModel | null> {
    const shop = await this.shopService.findOwn(ctx);
    return shop && toShopModel(shop);
  }

  @Roles(UserRole.SHOP, UserRole.FACILITATOR, UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => ShopModel, { description: 'One shop (its owner or ministry staff).' })
  async shop(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<ShopModel> {
    return toShopModel(await this.shopService.get(ctx, id));
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => ShopPageModel, { description: 'Shops, newest first (ministry staff).' })
  async shops(
    @Ctx() ctx: RequestContext,
    @Args() args: ShopListArgs,
  ): Promise<ShopPageModel> {
    return mapPage(await this.shopService.list(ctx, args.filter, args), toShopModel);
  }

  @ResolveField(() => ComuneModel)
  async comune(@Context('loaders') loaders: Loaders, @Parent() shop: ShopModel): Promise<ComuneModel> {
    const comune = await loaders.comune.load(shop.comuneCode);
    if (!comune) throw new Error(`Comune ${shop.comuneCode} of shop ${shop.id} is missing`);
    return toComuneModel(comune);
  }
}
