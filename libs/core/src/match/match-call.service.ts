import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ServiceCategory } from '@vec/matching';
import { INSERT_CHUNK } from '../common/batch-insert';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { HelpRequestRecords } from '../help-request/help-request-records.service';
import { JournalEntry, MatchJournal } from './match-journal';
import { SYSTEM_REASON, suspensionOf, type Suspension } from './match-reasons';

export type { Suspension } from './match-reasons';
import { moveMatch, openMatch } from './match-rules';
import { MatchEntity } from './match.entity';
import { LIVE_STATES, MatchOrigin, MatchState, sqlStates } from './match.types';

/** A place a selection call gives a shop on one of its offers. */
export interface CallPlace {
  shopId: string;
  offer: { id: string; providerId: string };
  category: ServiceCategory;
  /** The description of the request opened for it, when the shop has none of that category. */
  description: string;
  /** How the offer reaches the shop: the most local level of its coverage, with the distance for a radius. */
  reach: { level: string; distanceKm: number };
}

/** What a shop already holds, for the call's admission rules (one live match per category, K in all). */
export interface ShopLiveMatches {
  shopId: string;
  categories: ServiceCategory[];
}

/**
 * The matches selection calls open and follow, written in the call's transaction after it has
 * locked the offers and shops (the lock order of MatchLocks): a held place (PENDING, the provider
 * answers by the deadline) for each admitted shop, through the same rules as every other match.
 */
@Injectable()
export class MatchCallService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly journal: MatchJournal,
    private readonly requests: HelpRequestRecords,
    private readonly config: ConfigService,
  ) {}

  /** The live matches of these shops, by shop (shops without any left out). */
  async liveOfShops(ctx: RequestContext, shopIds: readonly string[]): Promise<ShopLiveMatches[]> {
    if (shopIds.length === 0) return [];
    const rows: { shop_id: string; categories: ServiceCategory[] }[] = await this.connection.manager(ctx).query(
      `SELECT shop_id, array_agg(category::text ORDER BY category) AS categories FROM match
       WHERE shop_id = ANY($1::uuid[]) AND state IN (${sqlStates(LIVE_STATES)}) GROUP BY shop_id`,
      [shopIds],
    );
    return rows.map((row) => ({ shopId: row.shop_id, categories: row.categories }));
  }

  /**
   * Opens a held place for each call place, on the shop's open request of the category or a new
   * one; a waitlist place that request held elsewhere ends (a request holds one open match).
   * Returns the matches in the order of `places`.
   */
  async openForCall(tx: RequestContext, callId: string, places: readonly CallPlace[]): Promise<MatchEntity[]> {
    if (places.length === 0) return [];
    const requests = await this.requests.openFor(tx, places);
    const matches = this.connection.repository(tx, MatchEntity);
    const entries: JournalEntry[] = [];
    const waiting = await matches
      .createQueryBuilder('row')
      .setLock('pessimistic_write')
      .where('row.help_request_id = ANY(:keys::uuid[])', { keys: requests.map((r) => r.id) })
      .andWhere(`row.state = 'WAITLISTED'`)
      .orderBy('row.id')
      .getMany();
    for (const entry of waiting) {
      moveMatch(entry, 'withdraw', 'SYSTEM', { now: tx.now, reason: SYSTEM_REASON.ALLOCATED_ELSEWHERE });
      entries.push({ match: entry, from: MatchState.WAITLISTED, reason: SYSTEM_REASON.ALLOCATED_ELSEWHERE });
    }
    if (waiting.length) await matches.save(waiting, { chunk: INSERT_CHUNK });

    const responseDays = this.config.getOrThrow<number>('MATCH_RESPONSE_DAYS');
    const created = places.map((place, index) =>
      matches.create(
        openMatch(
          {
            request: { id: requests[index].id, shopId: place.shopId, category: place.category },
            offer: place.offer,
            state: MatchState.PENDING,
            origin: MatchOrigin.CALL,
            // The call's ranking decided who has the place, among the shops the offer reaches; how
            // locally it reaches this one is recorded as for any other place.
            ranked: { coverageLevel: place.reach.level, distanceKm: place.reach.distanceKm },
          },
          tx.now,
          responseDays,
        ),
      ),
    );
    const saved = await matches.save(created, { chunk: INSERT_CHUNK });
    for (const match of saved) entries.push({ match, from: null, reason: `${SYSTEM_REASON.CALL_ADMISSION}: ${callId}` });
    await this.journal.record(tx, entries);
    return saved;
  }

  /**
   * The states of these matches now, by id, whether each service ever started (was active), and
   * whether ministry staff ended it, suspending its offer or provider: no doing of either side.
   */
  async states(ctx: RequestContext, matchIds: readonly string[]): Promise<Map<string, { state: MatchState; started: boolean; suspended: Suspension | null }>> {
    if (matchIds.length === 0) return new Map();
    const rows = await this.connection.repository(ctx, MatchEntity).find({ select: { id: true, state: true, activatedAt: true, endReason: true }, where: matchIds.map((id) => ({ id })) });
    return new Map(rows.map((row) => [row.id, { state: row.state, started: row.activatedAt !== null, suspended: suspensionOf(row.endReason) }]));
  }
}
