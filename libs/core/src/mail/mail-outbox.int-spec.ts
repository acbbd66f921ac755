import { AuthException } from '../auth/auth.exception';
import { UserRole } from '../auth/user-role';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { startLoopbackSmtp } from '../testing/loopback-smtp';
import { seedUser } from '../testing/seed';
import { actingAs, startTestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { MailOutboxService } from './mail-outbox.service';
import { MailService } from './mail.service';
import { MailKind, MailStatus } from './mail.types';

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Staff's outgoing mail: the list without bodies, and sending a failed or uncertain message again (real worker, real SMTP on loopback). */
describe('the outgoing mail for staff (real PostgreSQL, real SMTP on loopback)', () => {
  const MAIL_ENV = ['SMTP_URL', 'MAIL_FROM', 'APP_URL'] as const;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
  let scratch: { url: string; drop(): Promise<void> };
  let core: Awaited<ReturnType<typeof startTestCore>>;
  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
    scratch = await createScratchDatabase({ migrated: true });
    Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_FROM: 'Vicini e connessi <noreply@vicini.test>', APP_URL: 'https://vicini.test' });
    core = await startTestCore({ url: scratch.url, worker: true });
  });
  afterAll(async () => {
    await core.close();
    for (const name of MAIL_ENV) delete process.env[name];
    await scratch.drop();
    await smtp.close();
  });

  const outbox = () => core.app.get(MailOutboxService);
  const staff = async () => actingAs(await seedUser(core.db, UserRole.MINISTRY));
  const arrivedFor = (email: string) => smtp.arrived.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((a) => a.address === email));
  const rowOf = async (id: string): Promise<{ status: MailStatus; message_id: string | null; resent_as_id: string | null; attempts: number }> =>
    (await core.db.query('SELECT status, message_id, resent_as_id, attempts FROM mail_message WHERE id = $1', [id]))[0];

  async function mailTo(recipient: string): Promise<string> {
    const [id] = await core.app.get(TransactionalConnection).withTransaction(RequestContext.system(), (tx) =>
      core.app.get(MailService).enqueue(tx, [
        { idempotencyKey: `outbox-test:${recipient}`, kind: MailKind.MATCH_ACCEPTED, userId: null, recipient, language: 'it', values: { provider: 'Fornitore', offer: 'Offerta', link: 'https://vicini.test/x' } },
      ]),
    );
    return id;
  }

  it('sends a FAILED message again once, as a new message with a new Message-ID, audited; the original stays FAILED', async () => {
    const email = `rifiutata-${Date.now()}@example.it`;
    smtp.plan(email, [{ code: 550, text: '5.1.1 Mailbox full' }]);
    const id = await mailTo(email);
    await eventually(async () => (await rowOf(id)).status === MailStatus.FAILED);
    const ctx = await staff();

    const outcome = await outbox().resend(ctx, id);
    if (outcome.kind !== 'resent') throw new Error(`resend: ${outcome.kind}`);
    expect(await outbox().resend(ctx, id)).toEqual({ kind: 'already-resent', resentAsId: outcome.mail.id });
    await eventually(async () => (await rowOf(outcome.mail.id)).status === MailStatus.SENT);
    await pause(1500);
    const [original, copy] = [await rowOf(id), await rowOf(outcome.mail.id)];
    expect(original).toMatchObject({ status: MailStatus.FAILED, resent_as_id: outcome.mail.id, attempts: 1 });
    expect(copy).toMatchObject({ status: MailStatus.SENT, attempts: 1, resent_as_id: null });
    expect(copy.message_id).not.toBe(original.message_id);
    const arrived = arrivedFor(email);
    expect(arrived.map((m) => m.messageId)).toEqual([copy.message_id]);
    expect(arrived[0].subject).toBe('Fornitore ha accettato la tua richiesta per «Offerta»');
    const audit = await core.db.query(`SELECT actor_user_id, after FROM audit_event WHERE entity_id = $1 AND action = 'mail.resent'`, [id]);
    expect(audit).toEqual([{ actor_user_id: ctx.actor?.userId, after: { resentAsId: outcome.mail.id } }]);
  });

  it('sends an UNCERTAIN message again when staff ask, and refuses one that was sent, queued or is unknown', async () => {
    const email = `incerta-${Date.now()}@example.it`;
    const id = await mailTo(email);
    await eventually(async () => (await rowOf(id)).status === MailStatus.SENT);
    const ctx = await staff();
    expect(await outbox().resend(ctx, id)).toEqual({ kind: 'not-resendable', status: MailStatus.SENT });
    expect(await outbox().resend(ctx, '00000000-0000-4000-8000-000000000000')).toEqual({ kind: 'not-found' });
    await core.db.query(`UPDATE mail_message SET status = 'UNCERTAIN' WHERE id = $1`, [id]);

    const outcome = await outbox().resend(ctx, id);
    if (outcome.kind !== 'resent') throw new Error(`resend: ${outcome.kind}`);
    await eventually(async () => (await rowOf(outcome.mail.id)).status === MailStatus.SENT);
    await pause(1000);
    // The person may now have it twice: staff were asked to confirm that.
    expect(arrivedFor(email)).toHaveLength(2);
  });

  it('lists messages newest first, filtered by status, without bodies, for staff only', async () => {
    const email = `lista-${Date.now()}@example.it`;
    smtp.plan(email, [{ code: 550, text: '5.1.1 No such user' }]);
    const id = await mailTo(email);
    await eventually(async () => (await rowOf(id)).status === MailStatus.FAILED);
    const ctx = await staff();
    const failed = await outbox().list(ctx, { status: MailStatus.FAILED }, { first: 100, offset: 0 });
    expect(failed.items.every((m) => m.status === MailStatus.FAILED)).toBe(true);
    const mine = failed.items.find((m) => m.id === id);
    expect(mine).toMatchObject({ recipient: email, kind: MailKind.MATCH_ACCEPTED, attempts: 1, lastError: expect.stringMatching(/^550 5\.1\.1 No such user/) });
    expect(mine?.text).toBeUndefined();
    expect(mine?.html).toBeUndefined();
    expect(mine?.subject).toBeUndefined();
    const sent = await outbox().list(ctx, { status: MailStatus.SENT }, { first: 100, offset: 0 });
    expect(sent.items.some((m) => m.id === id)).toBe(false);

    const shop = actingAs(await seedUser(core.db, UserRole.SHOP));
    await expect(outbox().list(shop, {}, { first: 10, offset: 0 })).rejects.toBeInstanceOf(AuthException);
    await expect(outbox().resend(shop, id)).rejects.toBeInstanceOf(AuthException);
  });
});
