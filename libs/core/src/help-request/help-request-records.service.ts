import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { LIVE_STATES, sqlStates } from '../match/match.types';
import type { ServiceCategory } from '@vec/matching';
import { INSERT_CHUNK } from '../common/batch-insert';
import { HelpRequestEntity } from './help-request.entity';
import { HelpRequestStatus } from './help-request.types';

/**
 * An OPEN request that has no live match, of a shop whose owner confirmed the e-mail address and
 * whose account is not disabled (or registered on paper, with no owner yet): what allocation runs
 * may still serve. An unconfirmed account may not apply, and a disabled one cannot answer, so a
 * run does not hand them a place either.
 */
const OPEN_WITHOUT_LIVE_MATCH = `r.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM match m WHERE m.help_request_id = r.id AND m.state IN (${sqlStates(LIVE_STATES)}))
  AND NOT EXISTS (SELECT 1 FROM shop os JOIN user_account ou ON ou.id = os.owner_user_id WHERE os.id = r.shop_id AND (ou.email_verified_at IS NULL OR ou.disabled_at IS NOT NULL))`;

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

  /**
   * A request for each need, for a place given by a selection call: the shop's OPEN request of that
   * category when it has one (a shop asks once per service), else a new OPEN one with the
   * description given. The caller has locked the shops and checked they hold no live match of the
   * category. Returned in the order of `needs`.
   */
  async openFor(tx: RequestContext, needs: readonly { shopId: string; category: ServiceCategory; description: string }[]): Promise<HelpRequestEntity[]> {
    if (needs.length === 0) return [];
    const requests = this.connection.repository(tx, HelpRequestEntity);
    const open = await requests
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.shop_id = ANY(:shops::uuid[])', { shops: [...new Set(needs.map((need) => need.shopId))] })
      .andWhere(`r.status = 'OPEN'`)
      .orderBy('r.created_at')
      .addOrderBy('r.id')
      .getMany();
    const found = (need: { shopId: string; category: ServiceCategory }): HelpRequestEntity | undefined =>
      open.find((r) => r.shopId === need.shopId && r.category === need.category);
    const missing = needs.filter((need) => !found(need));
    const created = missing.length
      ? await requests.save(
          missing.map((need) => requests.create({ shopId: need.shopId, category: need.category, description: need.description, status: HelpRequestStatus.OPEN, cancelledAt: null })),
          { chunk: INSERT_CHUNK },
        )
      : [];
    open.push(...created);
    return needs.map((need) => {
      const request = found(need);
      if (!request) throw new Error(`no request for shop ${need.shopId}`);
      return request;
    });
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
