import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '../../auth/api/auth.decorators';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import type { Loaders } from '../../api/loaders';
import { ComuneArgs, ComuniArgs, ProvincesArgs, RegionArgs } from './territory.args';
import {
  ComuneModel,
  ProvinceModel,
  RegionModel,
  TerritorySummaryModel,
  toComuneModel,
  toProvinceModel,
  toRegionModel,
} from './territory.models';
import { TerritoryService } from '../territory.service';
import { MAX_PROVINCES_PER_REGION, PROVINCE_COUNT, REGION_COUNT } from '@vec/territory';
import { PublicCache, TERRITORY_CACHE_SECONDS } from '../../api/public-cache';
import { ListSize } from '../../api/query-cost';

@Public()
@Resolver(() => RegionModel)
export class RegionResolver {
  constructor(private readonly territory: TerritoryService) {}

  @ListSize(REGION_COUNT)
  @PublicCache(TERRITORY_CACHE_SECONDS)
  @Query(() => [RegionModel], { description: 'All 20 regions, by ISTAT code.' })
  async regions(@Ctx() ctx: RequestContext): Promise<RegionModel[]> {
    return (await this.territory.listRegions(ctx)).map(toRegionModel);
  }

  @PublicCache(TERRITORY_CACHE_SECONDS)
  @Query(() => RegionModel, { description: 'One region by ISTAT code.' })
  async region(@Ctx() ctx: RequestContext, @Args() args: RegionArgs): Promise<RegionModel> {
    return toRegionModel(await this.territory.getRegion(ctx, args.code));
  }

  @ListSize(MAX_PROVINCES_PER_REGION)
  @ResolveField(() => [ProvinceModel])
  async provinces(@Ctx() ctx: RequestContext, @Parent() region: RegionModel): Promise<ProvinceModel[]> {
    return (await this.territory.listProvinces(ctx, region.code)).map(toProvinceModel);
  }
}

@Public()
@Resolver(() => ProvinceModel)
export class ProvinceResolver {
  constructor(private readonly territory: TerritoryService) {}

  @ListSize(PROVINCE_COUNT)
  @PublicCache(TERRITORY_CACHE_SECONDS)
  @Query(() => [ProvinceModel], { description: 'Provinces, optionally of one region, by ISTAT code.' })
  async provinces(@Ctx() ctx: RequestContext, @Args() args: ProvincesArgs): Promise<ProvinceModel[]> {
    return (await this.territory.listProvinces(ctx, args.regionCode)).map(toProvinceModel);
  }

  @ResolveField(() => RegionModel)
  async region(@Ctx() ctx: RequestContext, @Parent() province: ProvinceModel): Promise<RegionModel> {
    return toRegionModel(await this.territory.getRegion(ctx, province.regionCode));
  }

  @ResolveField(() => ComuneModel, { description: "The comune whose coordinates stand in for comuni the gazetteer lacks." })
  async capital(@Context('loaders') loaders: Loaders, @Parent() province: ProvinceModel): Promise<ComuneModel> {
    const comune = await loaders.comune.load(province.capitalCode);
    if (!comune) throw new Error(`Capital ${province.capitalCode} of province ${province.code} is missing`);
    return toComuneModel(comune);
  }
}

@Public()
@Resolver(() => ComuneModel)
export class ComuneResolver {
  constructor(private readonly territory: TerritoryService) {}

  @PublicCache(TERRITORY_CACHE_SECONDS)
  @Query(() => ComuneModel, { description: 'One comune by ISTAT code.' })
  async comune(@Ctx() ctx: RequestContext, @Args() args: ComuneArgs): Promise<ComuneModel> {
    return toComuneModel(await this.territory.getComune(ctx, args.code));
  }

  @PublicCache(TERRITORY_CACHE_SECONDS)
  @Query(() => [ComuneModel], {
    description:
      'Comuni found by `search`, best match first: a name equal to it, then names beginning with it, then names (and provinces) ' +
      'holding its words, then, only if none, near spellings; the most populous first within each.',
  })
  async comuni(@Ctx() ctx: RequestContext, @Args() args: ComuniArgs): Promise<ComuneModel[]> {
    return (await this.territory.searchComuni(ctx, args)).map(toComuneModel);
  }

  @PublicCache(TERRITORY_CACHE_SECONDS)
  @Query(() => TerritorySummaryModel, { description: 'Counts of the loaded territory and how comuni were located.' })
  territorySummary(@Ctx() ctx: RequestContext): Promise<TerritorySummaryModel> {
    return this.territory.summary(ctx);
  }
}
