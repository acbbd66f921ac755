import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PROVINCE_COUNT, REGION_COUNT } from '@vec/territory';
import type { Loaders } from '../../api/loaders';
import { ListSize } from '../../api/query-cost';
import { Ctx } from '../../api/request-context';
import { RequestContext } from '../../common/request-context';
import { ComuneModel, ProvinceModel, RegionModel, toComuneModel, toProvinceModel, toRegionModel } from '../../territory/api/territory.models';
import { TerritoryService } from '../../territory/territory.service';
import { MAX_CALL_AREAS } from './selection-call.inputs';
import { CallEligibilityModel } from './selection-call.models';

/** The places of these codes, in the codes' order (an unknown code left out). */
function inCodeOrder<T extends { code: string }>(codes: readonly string[], places: readonly T[]): T[] {
  const byCode = new Map(places.map((place) => [place.code, place]));
  return codes.flatMap((code) => byCode.get(code) ?? []);
}

/** A call's territory by name, for shops to read before they apply (its codes alone say nothing to them). */
@Resolver(() => CallEligibilityModel)
export class CallEligibilityResolver {
  constructor(private readonly territory: TerritoryService) {}

  @ListSize(REGION_COUNT)
  @ResolveField(() => [RegionModel], { description: 'The regions of regionCodes.' })
  async regions(@Ctx() ctx: RequestContext, @Parent() eligibility: CallEligibilityModel): Promise<RegionModel[]> {
    return eligibility.regionCodes.length === 0 ? [] : inCodeOrder(eligibility.regionCodes, await this.territory.listRegions(ctx)).map(toRegionModel);
  }

  @ListSize(PROVINCE_COUNT)
  @ResolveField(() => [ProvinceModel], { description: 'The provinces of provinceCodes.' })
  async provinces(@Ctx() ctx: RequestContext, @Parent() eligibility: CallEligibilityModel): Promise<ProvinceModel[]> {
    return eligibility.provinceCodes.length === 0 ? [] : inCodeOrder(eligibility.provinceCodes, await this.territory.listProvinces(ctx)).map(toProvinceModel);
  }

  @ListSize(MAX_CALL_AREAS)
  @ResolveField(() => [ComuneModel], { description: 'The comuni of comuneCodes.' })
  async comuni(@Context('loaders') loaders: Loaders, @Parent() eligibility: CallEligibilityModel): Promise<ComuneModel[]> {
    const comuni = await loaders.comune.loadMany(eligibility.comuneCodes);
    return comuni.flatMap((comune) => (comune && !(comune instanceof Error) ? [toComuneModel(comune)] : []));
  }
}
