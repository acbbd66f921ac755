import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ServiceCategory } from '@vec/matching';
import { INSERT_CHUNK } from '../common/batch-insert';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { HelpRequestRecords } from '../help-request/help-request-records.service';
import { HelpRequestStatus } from '../help-request/help-request.types';
import { MailService } from '../mail/mail.service';
import { MailKind } from '../mail/mail.types';
import { day } from '../messages';
import { JournalEntry, MatchJournal } from './match-journal';
import { SYSTEM_REASON } from './match-reasons';
import { moveMatch, openMatch } from './match-rules';
import { MatchEntity } from './match.entity';
import { MatchOrigin, MatchState } from './match.types';

/** A place an allocation run gives: the request, the offer, and how the engine ranked the pair. */
export interface AllocatedPlace {
  request: { id: string; shopId: string; category: ServiceCategory };
  offer: { id: string; providerId: string };
  ranked: { coverageLevel: string; distanceKm: number };
}

/**
 * The matches an allocation run opens, written in the run's transaction after it has locked the
 * offers and shops: many rows in a few statements, whatever the run's size; and one e-mail per
 * shop and per provider on the results.
 */
@Injectable()
export class MatchAllocationService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly journal: MatchJournal,
    private readonly requests: HelpRequestRecords,
    private readonly config: ConfigService,
    private readonly mail: MailService,
  ) {}

  /**
   * Opens a held place (PENDING) for each place whose request is still OPEN (one cancelled while
   * the run computed keeps none, and its place stays free); their waitlist places elsewhere end,
   * since a request holds one open match at most. Returns the matches opened.
   */
  async openAllocated(tx: RequestContext, runId: string, places: readonly AllocatedPlace[]): Promise<MatchEntity[]> {
    const stillOpen = new Set(
      (await this.requests.lockMany(tx, places.map((place) => place.request.id))).filter((r) => r.status === HelpRequestStatus.OPEN).map((r) => r.id),
    );
    const kept = places.filter((place) => stillOpen.has(place.request.id));
    const matches = this.connection.repository(tx, MatchEntity);
    const entries: JournalEntry[] = [];

    const waiting = (await this.lockOfRequests(tx, kept.map((place) => place.request.id))).filter((m) => m.state === MatchState.WAITLISTED);
    for (const entry of waiting) {
      moveMatch(entry, 'withdraw', 'SYSTEM', { now: tx.now, reason: SYSTEM_REASON.ALLOCATED_ELSEWHERE });
      entries.push({ match: entry, from: MatchState.WAITLISTED, reason: SYSTEM_REASON.ALLOCATED_ELSEWHERE });
    }
    if (waiting.length) await matches.save(waiting, { chunk: INSERT_CHUNK });

    const responseDays = this.config.getOrThrow<number>('MATCH_RESPONSE_DAYS');
    const created = kept.map((place) =>
      matches.create(openMatch({ ...place, state: MatchState.PENDING, origin: MatchOrigin.ALLOCATION, allocationRunId: runId }, tx.now, responseDays)),
    );
    const saved = created.length ? await matches.save(created, { chunk: INSERT_CHUNK }) : [];
    for (const match of saved) entries.push({ match, from: null, reason: `${SYSTEM_REASON.ALLOCATION_RUN}: ${runId}` });
    await this.journal.record(tx, entries);
    await this.mailResults(tx, runId, saved);
    return saved;
  }

  /**
   * One e-mail per person for the whole run, not one per match: each shop hears of the places it
   * was given, each provider of the applications its offers received.
   */
  private async mailResults(tx: RequestContext, runId: string, opened: readonly MatchEntity[]): Promise<void> {
    if (opened.length === 0) return;
    const parties = await this.journal.parties(tx, opened.map((match) => match.id));
    const people = new Map<string, { side: 'shop' | 'provider'; items: { offer: string; other: string }[]; respondBy: Date | null }>();
    const add = (userId: string, side: 'shop' | 'provider', item: { offer: string; other: string }, respondBy: Date | null) => {
      const person = people.get(userId) ?? { side, items: [], respondBy };
      person.items.push(item);
      if (respondBy && (!person.respondBy || respondBy < person.respondBy)) person.respondBy = respondBy;
      people.set(userId, person);
    };
    for (const match of opened) {
      const side = parties.get(match.id);
      if (!side) throw new Error(`match ${match.id} has no parties`);
      // A shop registered on paper and not yet claimed has no account to write to.
      if (side.shopOwnerUserId) add(side.shopOwnerUserId, 'shop', { offer: side.offerTitle, other: side.providerName }, match.respondBy);
      add(side.providerOwnerUserId, 'provider', { offer: side.offerTitle, other: side.shopName }, match.respondBy);
    }
    await this.mail.enqueue(
      tx,
      [...people].map(([userId, { side, items, respondBy }]) => ({
        idempotencyKey: `allocation:${runId}:${side}:${userId}`,
        kind: side === 'shop' ? MailKind.ALLOCATION_SHOP : MailKind.ALLOCATION_PROVIDER,
        userId,
        values: {
          count: items.length,
          items: items.sort((a, b) => a.offer.localeCompare(b.offer, 'it') || a.other.localeCompare(b.other, 'it')),
          respondBy: respondBy ? day(respondBy) : null,
          link: this.mail.link(side === 'shop' ? '/la-mia-attivita/servizi' : '/organizzazione/candidature'),
        },
      })),
    );
  }

  /** Every match of these requests, locked in id order. */
  private async lockOfRequests(tx: RequestContext, helpRequestIds: readonly string[]): Promise<MatchEntity[]> {
    if (helpRequestIds.length === 0) return [];
    return this.connection
      .repository(tx, MatchEntity)
      .createQueryBuilder('row')
      .setLock('pessimistic_write')
      .where('row.help_request_id = ANY(:keys::uuid[])', { keys: helpRequestIds })
      .orderBy('row.id')
      .getMany();
  }
}
