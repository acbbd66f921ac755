import { randomBytes, randomUUID } from 'node:crypto';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { JOB } from '../jobs/job-names';
import { MatchApplicationService } from '../match/match-application.service';
import { LoopbackSmtp, startLoopbackSmtp } from '../testing/loopback-smtp';
import { seedOffer, seedProvider, seedRequest, seedShops } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { SECRET_REMOVED } from './link-secrets';
import { MailDeliveryService, SENDING_STALE_MINUTES } from './mail-delivery.service';
import { MailService } from './mail.service';
import { MailKind, MailStatus } from './mail.types';

/** Polls until `check` passes, failing after `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface MailRow {
  id: string;
  status: MailStatus;
  attempts: number;
  recipient: string;
  subject: string;
  message_id: string | null;
  last_error: string | null;
  smtp_response: string | null;
}

/** E-mail through a real SMTP server on loopback, sent by a real worker, on a database of its own. */
describe('e-mail through SMTP (real PostgreSQL, real SMTP on loopback)', () => {
  const MAIL_ENV = ['SMTP_URL', 'MAIL_FROM', 'APP_URL', 'MAIL_RETRY_SECONDS'] as const;
  let smtp: LoopbackSmtp;
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;

  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
    scratch = await createScratchDatabase({ migrated: true });
    Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_FROM: 'Vicini e connessi <noreply@vicini.test>', APP_URL: 'https://vicini.test/', MAIL_RETRY_SECONDS: '1' });
    core = await startTestCore({ url: scratch.url, worker: true });
  });
  afterAll(async () => {
    await core.close();
    for (const name of MAIL_ENV) delete process.env[name];
    await scratch.drop();
    await smtp.close();
  });

  const mailsTo = async (recipient: string): Promise<MailRow[]> => core.db.query('SELECT * FROM mail_message WHERE recipient = $1', [recipient]);
  const arrivedFor = (recipient: string) => smtp.arrived.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((a) => a.address === recipient));
  const statusOf = async (id: string): Promise<MailStatus> => (await core.db.query('SELECT status FROM mail_message WHERE id = $1', [id]))[0].status;

  /** A shop applies to a provider's offer with a free place: the match is PENDING. */
  async function application() {
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 2 });
    const [shop] = await seedShops(core.db, 1);
    const requestId = await seedRequest(core.db, shop.id);
    const [{ email }] = await core.db.query('SELECT email FROM user_account WHERE id = $1', [provider.owner.userId]);
    const [{ title }] = await core.db.query('SELECT title FROM offer WHERE id = $1', [offerId]);
    const [{ name }] = await core.db.query('SELECT coalesce(trading_name, legal_name) AS name FROM shop WHERE id = $1', [shop.id]);
    const shopCtx = actingAs(shop.owner);
    const apply = (context: RequestContext = shopCtx) =>
      core.app.get(MatchApplicationService).apply(context, { helpRequestId: requestId, offerId, joinWaitlist: false });
    return { provider, email: email as string, title: title as string, shopName: name as string, shopCtx, apply };
  }

  /** One e-mail recorded and queued in its own transaction, `change`d in that transaction first. */
  async function enqueueDirectly(recipient: string, change?: string): Promise<string> {
    const connection = core.app.get(TransactionalConnection);
    return connection.withTransaction(RequestContext.system(), async (tx) => {
      const [id] = await core.app.get(MailService).enqueue(tx, [
        { idempotencyKey: `test:${recipient}`, kind: MailKind.MATCH_APPLIED, userId: null, recipient, language: 'it', values: { shop: 'Forno Rossi', offer: 'Vetrina online', respondBy: null, link: 'https://vicini.test/' } },
      ]);
      if (change) await tx.manager?.query(`UPDATE mail_message SET ${change} WHERE id = $1`, [id]);
      return id;
    });
  }

  it('sends the provider one "new application" e-mail, in Italian, with text, HTML, a link and our Message-ID', async () => {
    const { email, title, shopName, apply } = await application();
    const outcome = await apply();
    if (outcome.kind !== 'match') throw new Error(`applied: ${outcome.kind}`);
    const matchId = outcome.match.id;

    await eventually(async () => (await mailsTo(email))[0]?.status === MailStatus.SENT);
    await pause(1500); // time for a second copy, were one coming
    const [row] = await mailsTo(email);
    expect(row).toMatchObject({ attempts: 1, message_id: `<${row.id}@vicini.test>`, last_error: null });
    expect(row.smtp_response).toMatch(/^250/);
    const arrived = arrivedFor(email);
    expect(arrived).toHaveLength(1);
    const [mail] = arrived;
    expect(mail.messageId).toBe(row.message_id);
    expect(mail.subject).toBe(`Nuova candidatura per «${title}» da ${shopName}`);
    expect(mail.from?.value).toEqual([{ name: 'Vicini e connessi', address: 'noreply@vicini.test' }]);
    const link = `https://vicini.test/organizzazione/candidature/${matchId}`;
    expect(mail.text).toContain(`${shopName} si è candidata alla vostra offerta «${title}» e ne occupa un posto.`);
    expect(mail.text).toMatch(/Accettate o rifiutate entro (il \d{1,2}°?|l’\d{1,2}) \w+ \d{4}/);
    expect(mail.text).toContain(`Vedi la candidatura: ${link}`);
    expect(mail.html).toMatch(new RegExp(`<a href="${link}" style="display:inline-block;[^"]*">Vedi la candidatura</a>`));
    expect(mail.html).toContain(`<strong>${shopName}</strong> si è candidata alla vostra offerta «${title}»`);
    expect(mail.html).toContain('<a href="https://vicini.test/privacy" style="color:#004080;">Informativa privacy</a>');
    expect(mail.text).toContain('Informativa privacy: https://vicini.test/privacy');
  });

  it('delivers a single-use link whole, and keeps a copy without its secret once sent', async () => {
    const email = `reset-${Date.now()}@example.it`;
    const secret = randomBytes(32).toString('base64url');
    const link = `https://vicini.test/reimposta-password#${randomUUID()}.${secret}`;
    const id = await core.app.get(TransactionalConnection).withTransaction(RequestContext.system(), async (tx) => {
      const [mailId] = await core.app.get(MailService).enqueue(tx, [
        { idempotencyKey: `test:${email}`, kind: MailKind.PASSWORD_RESET, userId: null, recipient: email, language: 'it', values: { link, minutes: 30 } },
      ]);
      return mailId;
    });

    await eventually(async () => (await statusOf(id)) === MailStatus.SENT);
    const [mail] = arrivedFor(email);
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(link);
    const [kept] = await core.db.query('SELECT text, html, action_url FROM mail_message WHERE id = $1', [id]);
    expect(JSON.stringify(kept)).not.toContain(secret);
    expect(kept.text).toContain(`${link.slice(0, link.lastIndexOf('.') + 1)}${SECRET_REMOVED}`);
  });

  it('writes to a provider who chose English in English', async () => {
    const { provider, email, title, shopName, apply } = await application();
    await core.db.query(`UPDATE user_account SET language = 'en' WHERE id = $1`, [provider.owner.userId]);
    await apply();

    await eventually(async () => (await mailsTo(email))[0]?.status === MailStatus.SENT);
    const [row] = await core.db.query('SELECT language FROM mail_message WHERE recipient = $1', [email]);
    expect(row.language).toBe('en');
    const [mail] = arrivedFor(email);
    expect(mail.subject).toBe(`New application for “${title}” from ${shopName}`);
    expect(mail.text).toMatch(/Please accept or decline by \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(mail.html).toContain('lang="en"');
    expect(mail.html).toContain('>See the application</a>');
  });

  it('retries a temporary refusal (4xx) with back-off, then delivers it once', async () => {
    const { email, apply } = await application();
    smtp.plan(email, [
      { code: 451, text: '4.3.0 Mailbox busy, try again later' },
      { code: 421, text: '4.7.0 Too many messages, slow down' },
    ]);
    await apply();

    await eventually(async () => (await mailsTo(email))[0]?.status === MailStatus.SENT);
    await pause(1500);
    const [row] = await mailsTo(email);
    expect(row.attempts).toBe(3);
    expect(smtp.refused.filter((r) => r.includes(email))).toHaveLength(2);
    expect(arrivedFor(email)).toHaveLength(1);
    expect(arrivedFor(email)[0].messageId).toBe(row.message_id);
  });

  it('records a permanent refusal (5xx) as FAILED with the server’s reason, and does not try again', async () => {
    const { email, apply } = await application();
    smtp.plan(email, [{ code: 550, text: '5.1.1 No such user here' }]);
    await apply();

    await eventually(async () => (await mailsTo(email))[0]?.status === MailStatus.FAILED);
    await pause(2500); // longer than the first back-off
    const [row] = await mailsTo(email);
    expect(row).toMatchObject({ status: MailStatus.FAILED, attempts: 1 });
    expect(row.last_error).toMatch(/^550 5\.1\.1 No such user here/);
    expect(arrivedFor(email)).toHaveLength(0);
  });

  it('never sends again a message found SENDING: after the stale delay it becomes UNCERTAIN for staff', async () => {
    const email = `left-sending-${Date.now()}@example.it`;
    // As a worker that stopped between the server's answer and its own record would leave it.
    const id = await enqueueDirectly(email, `status = 'SENDING', attempts = 1, message_id = '<' || id || '@vicini.test>', sending_started_at = now() - interval '${SENDING_STALE_MINUTES + 1} minutes'`);

    await eventually(async () => (await statusOf(id)) === MailStatus.UNCERTAIN);
    const [row] = await mailsTo(email);
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/outcome was never recorded/);
    expect(arrivedFor(email)).toHaveLength(0);
  });

  it('leaves a message SENDING for less than the stale delay alone, and looks again when the delay is over', async () => {
    const email = `sending-now-${Date.now()}@example.it`;
    const id = await enqueueDirectly(email, `status = 'SENDING', attempts = 1, message_id = '<' || id || '@vicini.test>', sending_started_at = now()`);
    const [{ n: checksBefore }] = await core.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'mailId' = $2`, [JOB.SEND_MAIL, id]);

    const status = await core.app.get(MailDeliveryService).deliver(RequestContext.system(), id);

    expect(status).toBe(MailStatus.SENDING);
    expect(await statusOf(id)).toBe(MailStatus.SENDING);
    const later: { start_after: Date }[] = await core.db.query(`SELECT start_after FROM pgboss.job WHERE name = $1 AND data->>'mailId' = $2 AND state = 'created'`, [JOB.SEND_MAIL, id]);
    const [{ n: checksAfter }] = await core.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'mailId' = $2`, [JOB.SEND_MAIL, id]);
    expect(checksAfter).toBe(checksBefore + 1);
    expect(later.some((job) => job.start_after.getTime() > Date.now() + (SENDING_STALE_MINUTES - 1) * 60_000)).toBe(true);
    await pause(1000);
    expect(arrivedFor(email)).toHaveLength(0);
  });

  it('records nothing and queues nothing when the application rolls back', async () => {
    const connection = core.app.get(TransactionalConnection);
    const { email, shopCtx, apply } = await application();
    const rolledBack = new Error('rolled back on purpose');

    await expect(
      connection.withTransaction(shopCtx, async (tx) => {
        const outcome = await apply(tx);
        expect(outcome.kind).toBe('match');
        expect(await tx.manager?.query('SELECT count(*)::int AS n FROM mail_message WHERE recipient = $1', [email])).toEqual([{ n: 1 }]);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);

    await pause(1500);
    expect(await mailsTo(email)).toEqual([]);
    const [{ orphans }] = await core.db.query(
      `SELECT count(*)::int AS orphans FROM pgboss.job j WHERE j.name = $1 AND NOT EXISTS (SELECT 1 FROM mail_message m WHERE m.id = (j.data->>'mailId')::uuid)`,
      [JOB.SEND_MAIL],
    );
    expect(orphans).toBe(0);
    expect(arrivedFor(email)).toHaveLength(0);
  });
});
