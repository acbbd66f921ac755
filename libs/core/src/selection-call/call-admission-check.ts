import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { offerReach, type AtecoSection } from '@vec/matching';
import { RequestContext } from '../common/request-context';
import { MatchCallService } from '../match/match-call.service';
import { toEngineOffer } from '../matching/engine-input.mapper';
import { OfferRecords } from '../offer/offer-records.service';
import { ShopService } from '../shop/shop.service';
import { TerritoryService } from '../territory/territory.service';
import { SelectionCallService } from './selection-call.service';
import { CallReserveReason } from './selection-call.types';

/**
 * Before a shop applies: whether, as things stand now, the closing could give it no place however
 * high it ranks — it already holds as many live services as a shop may, or one of each kind the
 * call's offers give, or no offer of the call serves its place or sector. A warning, not a
 * refusal: a service may end before the call closes, and the closing decides on that day.
 */
@Injectable()
export class CallAdmissionCheck {
  constructor(
    private readonly shops: ShopService,
    private readonly matches: MatchCallService,
    private readonly offers: OfferRecords,
    private readonly calls: SelectionCallService,
    private readonly territory: TerritoryService,
    private readonly config: ConfigService,
  ) {}

  async obstacle(ctx: RequestContext, callId: string): Promise<CallReserveReason | null> {
    const shop = await this.shops.requireOwnShop(ctx);
    await this.calls.get(ctx, callId, 'callId');
    const [live] = await this.matches.liveOfShops(ctx, [shop.id]);
    const held = new Set(live?.categories ?? []);
    if (held.size >= this.config.getOrThrow<number>('MAX_LIVE_MATCHES_PER_SHOP')) return CallReserveReason.SHOP_LIMIT;
    const offers = await this.offers.forMatching(ctx, await this.calls.offerIds(ctx, callId));
    if (offers.length === 0) return null;
    const [comune] = await this.territory.comuniByCode(ctx, [shop.comuneCode]);
    if (!comune) return null;
    const location = { comuneCode: shop.comuneCode, provinceCode: comune.provinceCode, regionCode: comune.regionCode, latitude: shop.latitude, longitude: shop.longitude };
    const sector = { section: shop.atecoSection as AtecoSection, division: shop.atecoDivision };
    const reaching = offers.filter((offer) => offerReach(toEngineOffer(offer))({ location, sector }));
    if (reaching.length === 0) return CallReserveReason.NOT_REACHED;
    return reaching.some((offer) => offer.categories.some((category) => !held.has(category))) ? null : CallReserveReason.CATEGORY_HELD;
  }
}
