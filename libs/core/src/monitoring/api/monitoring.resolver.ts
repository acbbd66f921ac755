import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public, Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { CallsMonitoringService } from '../calls-monitoring.service';
import { CapacityService } from '../capacity.service';
import { CallsMonitoringModel } from './calls-monitoring.models';
import { BundlesMonitoringService } from '../bundles-monitoring.service';
import { BundlesMonitoringModel } from './bundles-monitoring.models';
import { BreakdownArgs, CapacityArgs, MonitoringArgs, TimeSeriesArgs, MonitoringPageArgs } from './monitoring.inputs';
import {
  BreakdownRowModel,
  MonitoringKpisModel,
  OfferCapacityPageModel,
  ProviderCapacityPageModel,
  PublicFiguresModel,
  FacilitatorUptakePageModel,
  SeriesPointModel,
  toCounts,
  UnmetDemandPageModel,
} from './monitoring.models';
import { MAX_BUCKETS, MonitoringService } from '../monitoring.service';
import { OpenDataService } from '../open-data.service';
import { IntermediariesService } from '../intermediaries.service';
import { UnmetDemandService } from '../unmet-demand.service';
import { PROVINCE_COUNT } from '@vec/territory';
import { PublicCache } from '../../api/public-cache';
import { ListSize } from '../../api/query-cost';

/** The public figures are recomputed at most once a minute per process (OpenDataService): a minute's staleness more is fine. */
const PUBLIC_FIGURES_CACHE_SECONDS = 60;

@Resolver()
export class MonitoringResolver {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly unmet: UnmetDemandService,
    private readonly capacity: CapacityService,
    private readonly openData: OpenDataService,
    private readonly intermediaries: IntermediariesService,
    private readonly callsMonitoring: CallsMonitoringService,
    private readonly bundlesMonitoring: BundlesMonitoringService,
  ) {}

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => MonitoringKpisModel, { description: 'Headline figures, filtered by place, category, ATECO section and period (ministry staff).' })
  async monitoringKpis(@Ctx() ctx: RequestContext, @Args() { filter }: MonitoringArgs): Promise<MonitoringKpisModel> {
    const kpis = await this.monitoring.kpis(ctx, filter);
    return { ...kpis, providersByStatus: toCounts(kpis.providersByStatus), requestsByStatus: toCounts(kpis.requestsByStatus), matchesByState: toCounts(kpis.matchesByState) };
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @ListSize(PROVINCE_COUNT)
  @Query(() => [BreakdownRowModel], { description: 'The figures by region, province, category or ATECO section: every one in the filter, with zeros where nothing happened.' })
  monitoringBreakdown(@Ctx() ctx: RequestContext, @Args() { filter, by }: BreakdownArgs): Promise<BreakdownRowModel[]> {
    return this.monitoring.breakdown(ctx, filter, by);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @ListSize(MAX_BUCKETS)
  @Query(() => [SeriesPointModel], { description: 'Requests, matches and activations per day or week (default: the last 12 weeks).' })
  monitoringTimeSeries(@Ctx() ctx: RequestContext, @Args() { filter, bucket }: TimeSeriesArgs): Promise<SeriesPointModel[]> {
    return this.monitoring.timeSeries(ctx, filter, bucket);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => UnmetDemandPageModel, { description: 'Province × category where open requests have no offer (coverage gap) or only full ones (capacity gap).' })
  unmetDemand(@Ctx() ctx: RequestContext, @Args() args: MonitoringPageArgs): Promise<UnmetDemandPageModel> {
    return this.unmet.list(ctx, args.filter, args);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => OfferCapacityPageModel, { description: 'Capacity burn-down per offer, the fullest first; optionally only offers ending soon.' })
  capacityByOffer(@Ctx() ctx: RequestContext, @Args() args: CapacityArgs): Promise<OfferCapacityPageModel> {
    return this.capacity.byOffer(ctx, args.filter, { providerId: args.providerId, endingWithinDays: args.endingWithinDays }, args);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => ProviderCapacityPageModel, { description: 'Capacity burn-down per provider.' })
  capacityByProvider(@Ctx() ctx: RequestContext, @Args() args: MonitoringPageArgs): Promise<ProviderCapacityPageModel> {
    return this.capacity.byProvider(ctx, args.filter, args);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => FacilitatorUptakePageModel, { description: 'Uptake by intermediary: per facilitator, the shops it onboarded, those served and their outcomes, within the filter (place and sector narrow the shops, the category their matches, the period the events); largest first.' })
  monitoringByFacilitator(@Ctx() ctx: RequestContext, @Args() args: MonitoringPageArgs): Promise<FacilitatorUptakePageModel> {
    return this.intermediaries.byFacilitator(ctx, args.filter, args);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => CallsMonitoringModel, { description: 'Selection calls open and closed: places, places filled, applicants, excluded, reserve list, promoted from it (ministry staff).' })
  monitoringCalls(@Ctx() ctx: RequestContext, @Args() { filter }: MonitoringArgs): Promise<CallsMonitoringModel> {
    return this.callsMonitoring.calls(ctx, filter);
  }

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => BundlesMonitoringModel, {
    description: 'Bundles of services asked: complete sets, partly served, not served yet, withdrawn, average parts and the combinations most asked (ministry staff).',
  })
  monitoringBundles(@Ctx() ctx: RequestContext, @Args() { filter }: MonitoringArgs): Promise<BundlesMonitoringModel> {
    return this.bundlesMonitoring.bundles(ctx, filter);
  }

  @Public()
  @PublicCache(PUBLIC_FIGURES_CACHE_SECONDS)
  @Query(() => PublicFiguresModel, { description: 'National totals of the programme (public; no personal data).' })
  publicFigures(@Ctx() ctx: RequestContext): Promise<PublicFiguresModel> {
    return this.openData.figures(ctx);
  }
}
