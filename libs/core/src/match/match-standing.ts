import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { JOB } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { NewNotification, NotificationService } from '../notification/notification.service';
import { JournalEntry, MatchJournal } from './match-journal';
import { MatchLocks } from './match-locks';
import { SYSTEM_REASON } from './match-reasons';
import { moveMatch } from './match-rules';
import { MatchEntity } from './match.entity';
import { MatchState, OPEN_STATES } from './match.types';

/** Who ministry staff stopped: the notification a shop gets says which. */
export type Suspended = 'PROVIDER_SUSPENDED' | 'OFFER_SUSPENDED';

/**
 * What happens to shops' matches when ministry staff stop a provider or an offer, in the caller's
 * transaction:
 * - a held place (PENDING) is released at once, since the provider cannot answer: the request is
 *   open again and the shop may apply elsewhere (the match EXPIRES with the staff's reason code);
 * - a waitlist place is kept, and moves on only if the suspension is lifted;
 * - an accepted or active service is not stopped by the platform, but the shop is told and may
 *   give it up at any time.
 * A rejection after a suspension is final: waitlist places close too.
 */
@Injectable()
export class MatchStanding {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly journal: MatchJournal,
    private readonly locks: MatchLocks,
    private readonly notifications: NotificationService,
    private readonly jobs: JobQueue,
  ) {}

  async suspend(tx: RequestContext, offerIds: readonly string[], what: Suspended): Promise<void> {
    const matches = await this.lockOpenMatches(tx, offerIds);
    // Sorted before anything moves: ending a held place turns it EXPIRED in place, and its shop hears only of the release.
    const held = matches.filter((m) => m.state === MatchState.PENDING);
    const kept = matches.filter((m) => m.state !== MatchState.PENDING);
    await this.end(tx, held, SYSTEM_REASON[what]);
    await this.tell(tx, kept, what);
  }

  async reject(tx: RequestContext, offerIds: readonly string[]): Promise<void> {
    const matches = await this.lockOpenMatches(tx, offerIds);
    const waiting = matches.filter((m) => m.state === MatchState.WAITLISTED || m.state === MatchState.PENDING);
    await this.end(tx, waiting, SYSTEM_REASON.PROVIDER_REJECTED);
    await this.tell(tx, matches.filter((m) => !waiting.includes(m)), 'PROVIDER_REJECTED');
  }

  /** Lifted: the waitlists may take the free places again. */
  async reinstate(tx: RequestContext, offerIds: readonly string[]): Promise<void> {
    for (const offerId of offerIds) await this.jobs.send(tx, JOB.PROMOTE_WAITLIST, { offerId });
  }

  /** The offers first, then their open matches, in id order: the order every match change takes locks in. */
  private async lockOpenMatches(tx: RequestContext, offerIds: readonly string[]): Promise<MatchEntity[]> {
    if (offerIds.length === 0) return [];
    await this.locks.offers(tx, offerIds);
    return this.connection
      .repository(tx, MatchEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.offer_id = ANY(:offerIds::uuid[])', { offerIds })
      .andWhere('m.state IN (:...open)', { open: OPEN_STATES })
      .orderBy('m.id')
      .getMany();
  }

  private async end(tx: RequestContext, matches: readonly MatchEntity[], reason: string): Promise<void> {
    if (matches.length === 0) return;
    const entries: JournalEntry[] = matches.map((match) => {
      const from = match.state;
      moveMatch(match, 'expire', 'SYSTEM', { now: tx.now, reason });
      return { match, from, reason };
    });
    await this.connection.repository(tx, MatchEntity).save([...matches]);
    await this.journal.record(tx, entries);
  }

  private async tell(tx: RequestContext, matches: readonly MatchEntity[], kind: Suspended | 'PROVIDER_REJECTED'): Promise<void> {
    if (matches.length === 0) return;
    const parties = await this.journal.parties(tx, matches.map((m) => m.id));
    const notes: NewNotification[] = matches.flatMap((match) => {
      const side = parties.get(match.id);
      if (!side?.shopOwnerUserId) return [];
      const params = { offerTitle: side.offerTitle, providerName: side.providerName, shopName: side.shopName, state: match.state, audience: 'SHOP' };
      return [{ userId: side.shopOwnerUserId, kind, matchId: match.id, params }];
    });
    await this.notifications.notify(tx, notes);
  }
}
