import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { addDays } from '../common/time';
import { TransactionalConnection } from '../common/transactional-connection';
import { WEB_PAGES } from '../mail/mail-settings';
import { MailService } from '../mail/mail.service';
import { MailKind } from '../mail/mail.types';
import { day } from '../messages';
import { NotificationService } from '../notification/notification.service';
import { TIMED_CHECKPOINT_DAYS } from './match.types';
import { ACTING_FACILITATOR_OF_SHOP_SQL } from './unclaimed-shop-listener';

/** Rows handled per transaction: short transactions, bounded memory. */
const BATCH = 200;

/** How long before a held place expires its provider is reminded to answer. */
export const RESPONSE_REMINDER_HOURS = 24;

/**
 * The reminders the worker sends on a schedule: providers whose held place expires within a day
 * (an e-mail, once per match) and shops whose outcome survey is due (a notification and an e-mail,
 * once per match and checkpoint). Each reminder is recorded with the outbox's idempotency key, so
 * running a job twice, or in two workers at once, reminds once.
 */
@Injectable()
export class MatchReminderService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly notifications: NotificationService,
    private readonly mail: MailService,
  ) {}

  /** PENDING matches whose answer is due within RESPONSE_REMINDER_HOURS and not yet reminded: one e-mail to the provider each. */
  async remindResponses(ctx: RequestContext): Promise<number> {
    let sent = 0;
    for (;;) {
      const recorded = await this.connection.withTransaction(ctx, async (tx) => {
        const rows: { id: string; owner: string; shop: string; offer: string; respond_by: Date }[] = await this.connection.manager(tx).query(
          `SELECT m.id, p.owner_user_id AS owner, coalesce(s.trading_name, s.legal_name) AS shop, o.title AS offer, m.respond_by
           FROM match m JOIN provider p ON p.id = m.provider_id JOIN shop s ON s.id = m.shop_id JOIN offer o ON o.id = m.offer_id
           WHERE m.state = 'PENDING' AND m.respond_by > $1 AND m.respond_by <= $2
             AND NOT EXISTS (SELECT 1 FROM mail_message r WHERE r.idempotency_key = 'match:' || m.id || ':reminder:' || p.owner_user_id)
           ORDER BY m.respond_by, m.id LIMIT ${BATCH}`,
          [tx.now, new Date(tx.now.getTime() + RESPONSE_REMINDER_HOURS * 3_600_000)],
        );
        const ids = await this.mail.enqueue(
          tx,
          rows.map((row) => ({
            idempotencyKey: `match:${row.id}:reminder:${row.owner}`,
            kind: MailKind.MATCH_RESPONSE_REMINDER,
            userId: row.owner,
            values: { shop: row.shop, offer: row.offer, respondBy: day(row.respond_by), link: this.mail.link(`/organizzazione/candidature/${row.id}`) },
          })),
        );
        return { found: rows.length, ids: ids.length };
      });
      sent += recorded.ids;
      if (recorded.found < BATCH || recorded.ids === 0) return sent;
    }
  }

  /**
   * Asks shops for the 30- and 90-day outcome survey: a notification and an e-mail per match and
   * checkpoint, to the shop's owner (or, for a shop a facilitator registered and its owner has not
   * claimed yet, the facilitator acting for it), once per match and checkpoint (recorded on the
   * match: a notification may be deleted by an erasure or the retention purge). Matches with nobody
   * to ask, or whose owner's account is erased or disabled, are passed over in SQL, so they never
   * hold up the others.
   */
  async remindSurveys(ctx: RequestContext): Promise<number> {
    let sent = 0;
    for (const [checkpoint, days] of Object.entries(TIMED_CHECKPOINT_DAYS)) {
      for (;;) {
        const found = await this.connection.withTransaction(ctx, async (tx) => {
          const rows: { id: string; owner: string; forShop: boolean; shopName: string; title: string; provider: string }[] = await this.connection.manager(tx).query(
            `SELECT m.id, asked.owner, s.owner_user_id IS NULL AS "forShop", coalesce(s.trading_name, s.legal_name) AS "shopName", o.title, p.name AS provider
             FROM match m
               JOIN shop s ON s.id = m.shop_id JOIN offer o ON o.id = m.offer_id JOIN provider p ON p.id = m.provider_id
               CROSS JOIN LATERAL (SELECT coalesce(s.owner_user_id, ${ACTING_FACILITATOR_OF_SHOP_SQL}) AS owner) asked
             WHERE m.state IN ('ACTIVE', 'COMPLETED') AND m.activated_at <= $1 AND asked.owner IS NOT NULL
               AND NOT ($2::outcome_checkpoint = ANY(m.survey_reminders))
               AND NOT EXISTS (SELECT 1 FROM outcome_survey v WHERE v.match_id = m.id AND v.checkpoint = $2::outcome_checkpoint)
               AND NOT EXISTS (SELECT 1 FROM user_account u WHERE u.id = asked.owner AND (u.erased_at IS NOT NULL OR u.disabled_at IS NOT NULL))
             ORDER BY m.id LIMIT ${BATCH}`,
            [addDays(tx.now, -days), checkpoint],
          );
          if (rows.length === 0) return 0;
          await this.connection
            .manager(tx)
            .query(`UPDATE match SET survey_reminders = array_append(survey_reminders, $2::outcome_checkpoint) WHERE id = ANY($1::uuid[])`, [rows.map((row) => row.id), checkpoint]);
          await this.notifications.notifyAll(
            tx,
            rows.map((row) => ({
              userId: row.owner,
              kind: 'SURVEY_DUE',
              matchId: row.id,
              params: { checkpoint, offerTitle: row.title, audience: 'SHOP', ...(row.forShop && { via: 'FACILITATOR', shopName: row.shopName }) },
            })),
          );
          await this.mail.enqueue(
            tx,
            rows.map((row) => ({
              idempotencyKey: `match:${row.id}:survey-${checkpoint}:${row.owner}`,
              kind: MailKind.SURVEY_DUE,
              userId: row.owner,
              // The facilitator of a shop nobody has claimed yet answers for it from its desk, the shop named.
              values: {
                provider: row.provider,
                offer: row.title,
                days,
                link: this.mail.link(row.forShop ? WEB_PAGES.facilitatorDesk : `/la-mia-attivita/servizi/${row.id}`),
                shop: row.forShop ? row.shopName : null,
              },
            })),
          );
          return rows.length;
        });
        sent += found;
        // The reminders just recorded on the matches keep these rows from being found again: the next batch is new.
        if (found < BATCH) break;
      }
    }
    return sent;
  }
}
