import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import type { OfferEntity } from '../offer/offer.entity';
import { OfferRecords } from '../offer/offer-records.service';
import type { ShopEntity } from '../shop/shop.entity';
import { ShopService } from '../shop/shop.service';
import { MatchEntity } from './match.entity';

/**
 * Row locks taken by every path that changes matches, always in the same order — offer, then
 * shop, then match, then help request — so that concurrent applications, answers, expiries,
 * promotions and allocation runs queue behind each other instead of deadlocking. Each feature
 * locks its own rows, in the transaction the context carries.
 */
@Injectable()
export class MatchLocks {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly offerRecords: OfferRecords,
    private readonly shopService: ShopService,
  ) {}

  /** The offer with its provider, locked: its `used` counter cannot move until commit. */
  offer(tx: RequestContext, id: string): Promise<OfferEntity | null> {
    return this.offerRecords.lock(tx, id);
  }

  offers(tx: RequestContext, ids: readonly string[]): Promise<void> {
    return this.offerRecords.lockMany(tx, ids);
  }

  shop(tx: RequestContext, id: string): Promise<ShopEntity | null> {
    return this.shopService.lock(tx, id);
  }

  shops(tx: RequestContext, ids: readonly string[]): Promise<void> {
    return this.shopService.lockMany(tx, ids);
  }

  match(tx: RequestContext, id: string): Promise<MatchEntity | null> {
    return this.connection.repository(tx, MatchEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }
}
