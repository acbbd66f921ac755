import { randomUUID } from 'node:crypto';
import { UserRole } from '../auth/user-role';
import { RequestContext } from '../common/request-context';
import { DAY_MS } from '../common/time';
import { MonitoringService } from '../monitoring/monitoring.service';
import { seedPersonLife } from '../testing/personal-data-fixture';
import { seedFacilitator, seedShops, seedUser } from '../testing/seed';
import { actingAs, startScratchCore, TestCore } from '../testing/test-core';
import { ERASED_TEXT } from './personal-data.registry';
import { RetentionKind } from './retention-policy';
import { RetentionService } from './retention.service';

describe('retention: the daily purge with a moved clock (real PostgreSQL)', () => {
  let core: TestCore;
  let retention: RetentionService;
  beforeAll(async () => {
    // A database of its own: moving the clock years ahead expires every row in it.
    core = await startScratchCore();
    retention = core.app.get(RetentionService);
  });
  afterAll(() => core.close());

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => core.db.query(sql, params);
  const at = (date: Date): RequestContext => new RequestContext(`test-${randomUUID()}`, date);
  const days = (from: Date, n: number): Date => new Date(from.getTime() + n * DAY_MS);
  const rowsOf = (report: { lines: { kind: RetentionKind; rows: number }[] }): Record<string, number> =>
    Object.fromEntries(report.lines.map((line) => [line.kind, line.rows]));

  it('keeps everything within its period, purges or pseudonymises each kind once its period ends, and a second run changes nothing', async () => {
    const now = new Date();
    const person = await seedPersonLife(core.db, now);
    const staff = actingAs(await seedUser(core.db, UserRole.MINISTRY), now);
    // The fixture's rows are 19–60 days old, its session and its e-mailed link expire in 20 days: nothing has expired yet.
    expect(rowsOf(await retention.dryRun(staff))).toEqual({ CLOSED_REQUESTS: 0, NOTIFICATIONS: 0, SESSIONS: 0, MAIL: 0, IMPORTS: 0, INVITATIONS: 0, AUDIT_EVENTS: 0 });

    // An e-mail gathered into a daily digest goes with the e-mails, like the digest that carried it.
    await q(
      `INSERT INTO mail_message (id, idempotency_key, user_id, recipient, kind, language, subject, text, html, status, created_at)
       VALUES ($1, $2, $3, $4, 'MATCH_ACCEPTED', 'it', 'Oggetto', 'Testo', '<p>Testo</p>', 'DIGESTED', $5)`,
      [randomUUID(), `digested:${randomUUID()}`, person.owner.userId, person.values.email, days(now, -1)],
    );
    // 200 days on: the e-mails (180 days), the session and the link (expired 90 days before), the import (90 days) are due; the rest is not.
    const later = days(now, 200);
    expect(rowsOf(await retention.expired(at(later)))).toEqual({ CLOSED_REQUESTS: 0, NOTIFICATIONS: 0, SESSIONS: 2, MAIL: 2, IMPORTS: 1, INVITATIONS: 0, AUDIT_EVENTS: 0 });
    expect(rowsOf(await retention.purge(at(later)))).toEqual({ CLOSED_REQUESTS: 0, NOTIFICATIONS: 0, SESSIONS: 2, MAIL: 2, IMPORTS: 1, INVITATIONS: 0, AUDIT_EVENTS: 0 });
    expect(await q(`SELECT id FROM account_token WHERE user_id = $1`, [person.owner.userId])).toEqual([]);
    expect(await q(`SELECT id FROM mail_message WHERE user_id = $1`, [person.owner.userId])).toEqual([]);
    expect(await q(`SELECT id FROM refresh_token WHERE user_id = $1`, [person.owner.userId])).toEqual([]);
    expect(await q(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [person.owner.userId])).toEqual([{ n: 1 }]);

    // A platform code in the trail is not a person's words: it stays.
    await q(
      `INSERT INTO audit_event (occurred_at, actor_user_id, actor_role, request_id, action, entity_type, entity_id, after)
       VALUES ($1, NULL, NULL, 'seed', 'match.expired', 'match', $2, $3)`,
      [days(now, -18), person.matchIds[0], JSON.stringify({ state: 'EXPIRED', reason: 'NO_ANSWER' })],
    );
    // Three years on: notifications and the closed requests' free texts are due as well.
    const monitoring = core.app.get(MonitoringService);
    const before = await monitoring.kpis(staff, {});
    const years = days(now, 3 * 365);
    expect(rowsOf(await retention.purge(at(years)))).toEqual({ CLOSED_REQUESTS: 2, NOTIFICATIONS: 3, SESSIONS: 0, MAIL: 0, IMPORTS: 0, INVITATIONS: 0, AUDIT_EVENTS: 0 });
    expect(await q(`SELECT description, status FROM help_request WHERE shop_id = $1 ORDER BY created_at`, [person.shopId])).toEqual([
      { description: ERASED_TEXT, status: 'FULFILLED' },
      { description: ERASED_TEXT, status: 'CANCELLED' },
    ]);
    expect(await q(`SELECT end_reason FROM match WHERE id = ANY($1) ORDER BY created_at`, [person.matchIds])).toEqual([{ end_reason: null }, { end_reason: null }]);
    expect(await q(`SELECT count(*)::int AS n FROM match_transition WHERE match_id = ANY($1) AND reason IS NOT NULL`, [person.matchIds])).toEqual([{ n: 0 }]);
    // So are the audit trail's copies of the same words; the rest of each event stays.
    const trail = await q<{ action: string; after: Record<string, unknown> }>(
      `SELECT action, after FROM audit_event WHERE (entity_type = 'help_request' AND entity_id = ANY($1::text[])) OR (entity_type = 'match' AND entity_id = ANY($2::text[])) ORDER BY occurred_at`,
      [person.requestIds, person.matchIds],
    );
    expect(trail).toEqual([
      { action: 'help_request.created', after: { category: 'ONLINE_STORE' } },
      { action: 'match.withdrawn', after: { state: 'WITHDRAWN' } },
      { action: 'match.expired', after: { state: 'EXPIRED', reason: 'NO_ANSWER' } },
    ]);
    expect(JSON.stringify(trail)).not.toMatch(new RegExp(`${person.values.requestText}|${person.values.withdrawalReason}`));
    // The rows themselves stay: the statistics do not change.
    expect(await monitoring.kpis(staff, {})).toEqual(before);

    // Idempotent: the same day again finds nothing left, and writes no second audit event.
    expect(rowsOf(await retention.purge(at(years)))).toEqual({ CLOSED_REQUESTS: 0, NOTIFICATIONS: 0, SESSIONS: 0, MAIL: 0, IMPORTS: 0, INVITATIONS: 0, AUDIT_EVENTS: 0 });
    const audited = await q<{ entity_id: string; after: Record<string, { rows: number }> }>(
      `SELECT entity_id, after FROM audit_event WHERE action = 'retention.purged' ORDER BY id`,
    );
    expect(audited.map((event) => [event.entity_id, Object.keys(event.after).sort()])).toEqual([
      [later.toISOString().slice(0, 10), ['IMPORTS', 'MAIL', 'SESSIONS']],
      [years.toISOString().slice(0, 10), ['CLOSED_REQUESTS', 'NOTIFICATIONS']],
    ]);

    // Eleven years on, the audit events go too (ten years by default), the purge's own included.
    const eleven = days(now, 11 * 365);
    const total = async (): Promise<number> => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`))[0].n;
    const events = await total();
    expect(events).toBeGreaterThanOrEqual(6);
    // All but the record of the three-year purge, eight years old then, and this purge's own.
    expect(rowsOf(await retention.purge(at(eleven))).AUDIT_EVENTS).toBe(events - 1);
    expect((await q<{ entity_id: string }>(`SELECT entity_id FROM audit_event ORDER BY id`)).map((event) => event.entity_id)).toEqual([
      years.toISOString().slice(0, 10),
      eleven.toISOString().slice(0, 10),
    ]);
  });

  it('deletes CSV imports with their rows once finished longer ago than their period, never one still running', async () => {
    const now = new Date();
    const owner = await seedUser(core.db, UserRole.PROVIDER);
    const job = async (status: string, finishedDaysAgo: number | null, createdDaysAgo: number): Promise<string> => {
      const [{ id }] = await q<{ id: string }>(
        `INSERT INTO import_job (kind, owner_user_id, mode, status, file_name, separator, created_at, finished_at)
         VALUES ('offers', $1, 'ROW_BY_ROW', $2, 'offerte.csv', ';', $3, $4) RETURNING id`,
        [owner.userId, status, days(now, -createdDaysAgo), finishedDaysAgo === null ? null : days(now, -finishedDaysAgo)],
      );
      await q(`INSERT INTO import_row (job_id, line, external_key, outcome, reason_it, reason_en) VALUES ($1, 2, 'A', 'INVALID', 'titolo: «Mario Rossi»', 'titolo: «Mario Rossi»')`, [id]);
      return id;
    };
    const old = await job('DONE', 100, 100);
    const recent = await job('FAILED', 30, 30);
    const running = await job('RUNNING', null, 200);
    // RETENTION_IMPORT_DAYS: 90 by default.
    expect(rowsOf(await retention.purge(at(now))).IMPORTS).toBe(1);
    expect((await q<{ id: string }>(`SELECT id FROM import_job WHERE owner_user_id = $1 ORDER BY created_at`, [owner.userId])).map((row) => row.id)).toEqual([running, recent]);
    expect(await q(`SELECT count(*)::int AS n FROM import_row WHERE job_id = $1`, [old])).toEqual([{ n: 0 }]);
  });

  it('takes the address out of invitations never accepted once ended longer ago than their period, with its copies, and leaves the others', async () => {
    const now = new Date();
    const facilitator = await seedFacilitator(core.db);
    const [shop] = await seedShops(core.db, 1);
    const invitation = async (label: string, status: string, ends: { endedDaysAgo?: number; linkDaysAhead: number }, shopId: string | null = null, activated = false): Promise<string> => {
      const email = `${label}@invitati.example`;
      const [{ id }] = await q<{ id: string }>(
        `INSERT INTO delegation (facilitator_id, shop_id, status, consent, invited_email, link_secret_hash, link_expires_at, activated_at, ended_at, created_at)
         VALUES ($1, $2, $3, $4, $5, 'hash', $6, $7, $8, $9) RETURNING id`,
        [
          facilitator.id,
          shopId,
          status,
          activated ? 'SHOP' : null,
          email,
          days(now, ends.linkDaysAhead),
          activated ? days(now, -200) : null,
          ends.endedDaysAgo === undefined ? null : days(now, -ends.endedDaysAgo),
          days(now, -200),
        ],
      );
      await q(`INSERT INTO audit_event (occurred_at, action, entity_type, entity_id, request_id, after) VALUES ($1, 'delegation.invited', 'delegation', $2, 'seed', $3)`, [
        days(now, -200),
        id,
        JSON.stringify({ facilitatorId: facilitator.id, invitedEmail: email }),
      ]);
      await q(
        `INSERT INTO mail_message (id, idempotency_key, recipient, kind, language, subject, text, html, status, created_at, sent_at)
         VALUES ($1, $2, $3, 'DELEGATION_INVITATION', 'it', 'Invito', 'Testo', '<p>Testo</p>', 'DEV_MAILBOX', $4, $4)`,
        [randomUUID(), `delegation:${id}:invitation`, email, days(now, -20)],
      );
      return id;
    };
    // RETENTION_INVITATION_DAYS: 90 by default, from the decline, the withdrawal or the link's lapse.
    const lapsed = await invitation('scaduto', 'INVITED', { linkDaysAhead: -100 });
    const withdrawn = await invitation('ritirato', 'WITHDRAWN', { endedDaysAgo: 95, linkDaysAhead: -70 });
    const declined = await invitation('rifiutato', 'DECLINED', { endedDaysAgo: 120, linkDaysAhead: -100 }, shop.id);
    const lapsedLately = await invitation('scaduto-da-poco', 'INVITED', { linkDaysAhead: -10 });
    const withdrawnLately = await invitation('ritirato-da-poco', 'WITHDRAWN', { endedDaysAgo: 30, linkDaysAhead: -200 });
    const pending = await invitation('in-attesa', 'INVITED', { linkDaysAhead: 20 });
    // Accepted, then ended long ago: the address is its shop's account's, gone with that account's erasure, not here.
    const accepted = await invitation('accettato', 'REVOKED', { endedDaysAgo: 150, linkDaysAhead: -170 }, shop.id, true);

    expect(rowsOf(await retention.expired(at(now))).INVITATIONS).toBe(3);
    expect(rowsOf(await retention.purge(at(now))).INVITATIONS).toBe(3);
    const all = [lapsed, withdrawn, declined, lapsedLately, withdrawnLately, pending, accepted];
    const state = async (): Promise<unknown[]> => {
      const rows = await q<{ id: string; invited_email: string | null; link_secret_hash: string | null; status: string }>(
        `SELECT id, invited_email, link_secret_hash, status FROM delegation WHERE id = ANY($1)`,
        [all],
      );
      const trail = await q<{ entity_id: string; after: Record<string, unknown> }>(`SELECT entity_id, after FROM audit_event WHERE entity_type = 'delegation' AND entity_id = ANY($1::text[])`, [all]);
      const mails = await q<{ idempotency_key: string }>(`SELECT idempotency_key FROM mail_message WHERE idempotency_key = ANY($1)`, [all.map((id) => `delegation:${id}:invitation`)]);
      return all.map((id) => {
        const row = rows.find((r) => r.id === id);
        return {
          status: row?.status,
          address: row?.invited_email,
          link: row?.link_secret_hash,
          trail: trail.find((event) => event.entity_id === id)?.after.invitedEmail ?? null,
          mail: mails.some((mail) => mail.idempotency_key === `delegation:${id}:invitation`),
        };
      });
    };
    const gone = (status: string) => ({ status, address: null, link: null, trail: null, mail: false });
    const kept = (status: string, label: string) => ({ status, address: `${label}@invitati.example`, link: 'hash', trail: `${label}@invitati.example`, mail: true });
    expect(await state()).toEqual([
      gone('INVITED'),
      gone('WITHDRAWN'),
      gone('DECLINED'),
      kept('INVITED', 'scaduto-da-poco'),
      kept('WITHDRAWN', 'ritirato-da-poco'),
      kept('INVITED', 'in-attesa'),
      kept('REVOKED', 'accettato'),
    ]);
    // The rest of the trail stays: who invited.
    expect(await q(`SELECT after FROM audit_event WHERE entity_id = $1`, [lapsed])).toEqual([{ after: { facilitatorId: facilitator.id } }]);
    // A second run finds nothing left.
    expect(rowsOf(await retention.purge(at(now))).INVITATIONS).toBe(0);
  });

  it('leaves closed requests alone while one of their matches ended within the period, and the dry run is for staff only', async () => {
    const now = new Date();
    const person = await seedPersonLife(core.db, now);
    await q(`UPDATE help_request SET updated_at = $2 WHERE shop_id = $1`, [person.shopId, days(now, -1000)]);
    await q(`UPDATE match SET ended_at = $2 WHERE id = $1`, [person.matchIds[1], days(now, -10)]);
    const report = await retention.expired(at(now));
    // The fulfilled request's match completed 25 days ago: not yet; the withdrawn one ended 10 days ago: not yet.
    expect(rowsOf(report).CLOSED_REQUESTS).toBe(0);
    await expect(retention.dryRun(actingAs(person.owner))).rejects.toThrow(/FORBIDDEN_ROLE/);
  });
});
