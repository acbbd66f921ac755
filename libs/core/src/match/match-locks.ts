import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { OfferEntity } from '../offer/offer.entity';
import { ShopEntity } from '../shop/shop.entity';
import { MatchEntity } from './match.entity';

/**
 * Row locks taken by every path that changes matches, always in the same order — offer, then
 * shop, then match, then help request — so that concurrent applications, answers, expiries,
 * promotions and allocation runs queue behind each other instead of deadlocking.
 */
export class MatchLocks {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly tx: RequestContext,
  ) {}

  /** The offer with its provider, locked: its `used` counter cannot move until commit. */
  async offer(id: string): Promise<OfferEntity | null> {
    const offer = await this.connection.repository(this.tx, OfferEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write', tables: ['offer'] } });
    if (!offer) return null;
    return this.connection.repository(this.tx, OfferEntity).findOneOrFail({ where: { id }, relations: { provider: true } });
  }

  async offers(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.connection.repository(this.tx, OfferEntity).createQueryBuilder('o').setLock('pessimistic_write').where('o.id IN (:...ids)', { ids: [...ids].sort() }).orderBy('o.id').getMany();
  }

  async shop(id: string): Promise<ShopEntity | null> {
    return this.connection.repository(this.tx, ShopEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async shops(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.connection.repository(this.tx, ShopEntity).createQueryBuilder('s').setLock('pessimistic_write').where('s.id IN (:...ids)', { ids: [...ids].sort() }).orderBy('s.id').getMany();
  }

  async match(id: string): Promise<MatchEntity | null> {
    return this.connection.repository(this.tx, MatchEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }
}
