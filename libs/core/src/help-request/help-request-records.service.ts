import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { LIVE_STATES, sqlStates } from '../match/match.types';
import { HelpRequestEntity } from './help-request.entity';

/** An OPEN request that has no live match: what matching and allocation runs may still serve. */
const OPEN_WITHOUT_LIVE_MATCH = `r.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM match m WHERE m.help_request_id = r.id AND m.state IN (${sqlStates(LIVE_STATES)}))`;

/**
 * What the match, matching and allocation features read, lock and change of help requests, in
 * the caller's transaction (carried by the context). Kept apart from HelpRequestService, which
 * calls the match feature to withdraw a cancelled request's match, so that the match feature can
 * call this without a cycle between the two.
 */
@Injectable()
export class HelpRequestRecords {
  constructor(private readonly connection: TransactionalConnection) {}

  /**
   * A request's status follows its matches: MATCHED while one is live (held, accepted or active),
   * FULFILLED once one completed, OPEN otherwise; a CANCELLED request stays cancelled. One
   * statement for any number of requests, in the transaction that changed their matches.
   */
  async followMatches(tx: RequestContext, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    if (!tx.manager) throw new Error('Request statuses follow their matches inside the transaction that changed them');
    await tx.manager.query(
      `UPDATE help_request r SET updated_at = now(), status = (CASE
         WHEN EXISTS (SELECT 1 FROM match m WHERE m.help_request_id = r.id AND m.state IN (${sqlStates(LIVE_STATES)})) THEN 'MATCHED'
         WHEN EXISTS (SELECT 1 FROM match m WHERE m.help_request_id = r.id AND m.state = 'COMPLETED') THEN 'FULFILLED'
         ELSE 'OPEN' END)::help_request_status
       WHERE r.id = ANY($1::uuid[]) AND r.status <> 'CANCELLED'`,
      [ids],
    );
  }

  /** The shop's request, locked until the transaction ends; null when the shop has no such request. */
  lockOfShop(tx: RequestContext, id: string, shopId: string): Promise<HelpRequestEntity | null> {
    return this.connection.repository(tx, HelpRequestEntity).findOne({ where: { id, shopId }, lock: { mode: 'pessimistic_write' } });
  }

  /** These requests, locked in id order until the transaction ends (missing ones left out). */
  async lockMany(tx: RequestContext, ids: readonly string[]): Promise<HelpRequestEntity[]> {
    if (ids.length === 0) return [];
    return this.connection
      .repository(tx, HelpRequestEntity)
      .createQueryBuilder('row')
      .setLock('pessimistic_write')
      .where('row.id = ANY(:keys::uuid[])', { keys: ids })
      .orderBy('row.id')
      .getMany();
  }

  /** One request, which must exist (it is named by a row that refers to it). */
  load(ctx: RequestContext, id: string): Promise<HelpRequestEntity> {
    return this.connection.repository(ctx, HelpRequestEntity).findOneByOrFail({ id });
  }

  /** One request with its shop, or null; the caller decides who may see it. */
  findWithShop(ctx: RequestContext, id: string): Promise<HelpRequestEntity | null> {
    return this.connection.repository(ctx, HelpRequestEntity).findOne({ where: { id }, relations: { shop: true } });
  }

  /** Every OPEN request without a live match, in id order: an allocation run's demand. */
  openWithoutLiveMatch(ctx: RequestContext): Promise<HelpRequestEntity[]> {
    return this.connection.repository(ctx, HelpRequestEntity).createQueryBuilder('r').where(OPEN_WITHOUT_LIVE_MATCH).orderBy('r.id').getMany();
  }

  /** The shops of those requests, in id order, to lock them before the run reads anything. */
  async shopIdsOfOpenWithoutLiveMatch(ctx: RequestContext): Promise<string[]> {
    const rows: { shop_id: string }[] = await this.connection.manager(ctx).query(
      `SELECT DISTINCT r.shop_id FROM help_request r WHERE ${OPEN_WITHOUT_LIVE_MATCH} ORDER BY r.shop_id`,
    );
    return rows.map((row) => row.shop_id);
  }
}
