import type { ParsedMail } from 'mailparser';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { startLoopbackSmtp } from '../testing/loopback-smtp';
import { seedUser } from '../testing/seed';
import { actingAs, startTestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { UserRole } from '../auth/user-role';
import { MailDigestService } from './mail-digest.service';
import { MailPreferenceService } from './mail-preference.service';
import { MailSettings } from './mail-settings';
import { MailService } from './mail.service';
import { MailDelivery, MailKind, MailStatus } from './mail.types';

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Preferences, the daily digest and one-click unsubscribe, through a real worker and a real SMTP server on loopback. */
describe('e-mail preferences (real PostgreSQL, real SMTP on loopback)', () => {
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

  const preferences = () => core.app.get(MailPreferenceService);
  const emailOf = async (userId: string): Promise<string> => (await core.db.query('SELECT email FROM user_account WHERE id = $1', [userId]))[0].email;
  /** A header as sent (unfolded), not as mailparser interprets it. */
  const rawHeader = (mail: ParsedMail, name: string): string | undefined =>
    mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n[ \t]/g, '').replace(/^[^:]+:\s*/, '');
  const arrivedFor = (email: string): ParsedMail[] => smtp.arrived.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((a) => a.address === email));
  const rowsOf = async (userId: string): Promise<{ id: string; kind: string; status: string; digest_id: string | null; subject: string }[]> =>
    core.db.query('SELECT id, kind, status, digest_id, subject FROM mail_message WHERE user_id = $1 ORDER BY created_at, id', [userId]);

  /** An "accepted" e-mail for this account, recorded as a change would record it. */
  async function accepted(userId: string, n: number): Promise<string[]> {
    return core.app.get(TransactionalConnection).withTransaction(RequestContext.system(), (tx) =>
      core.app.get(MailService).enqueue(tx, [
        { idempotencyKey: `test:${userId}:${n}`, kind: MailKind.MATCH_ACCEPTED, userId, values: { provider: `Fornitore ${n}`, offer: `Offerta ${n}`, link: `https://vicini.test/la-mia-attivita/servizi/${n}` } },
      ]),
    );
  }

  it('sends an adjustable kind with the one-click unsubscribe headers of RFC 8058 and the same signed link in the footer', async () => {
    const shop = await seedUser(core.db, UserRole.SHOP);
    await accepted(shop.userId, 1);
    const email = await emailOf(shop.userId);
    await eventually(async () => (await rowsOf(shop.userId))[0]?.status === MailStatus.SENT);
    const [mail] = arrivedFor(email);
    const link = core.app.get(MailSettings).unsubscribeUrl(shop.userId, MailKind.MATCH_ACCEPTED);
    expect(link).toMatch(new RegExp(`^https://vicini\\.test/disiscrizione\\?token=${shop.userId}\\.MATCH_ACCEPTED\\.[A-Za-z0-9_-]{43}$`));
    expect(rawHeader(mail, 'list-unsubscribe')).toBe(`<${link}>`);
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(`Non ricevere più e-mail di questo tipo: ${link}`);
  });

  it('turns a kind off by its signed link without logging in, audited as the account; a forged or altered link changes nothing', async () => {
    const shop = await seedUser(core.db, UserRole.SHOP);
    const other = await seedUser(core.db, UserRole.SHOP);
    const link = core.app.get(MailSettings).unsubscribeUrl(shop.userId, MailKind.MATCH_ACCEPTED);
    const token = decodeURIComponent(link.split('token=')[1]);
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const forged of [token.replace(shop.userId, other.userId), token.replace('MATCH_ACCEPTED', 'MATCH_DECLINED'), altered, 'nonsense']) {
      expect(forged).not.toBe(token);
      expect(await preferences().unsubscribe(RequestContext.system(), forged)).toEqual({ kind: 'invalid-link' });
    }
    // Kinds that are always sent have no link that works.
    const always = core.app.get(MailSettings).unsubscribeUrl(shop.userId, MailKind.PROVIDER_SUSPENDED);
    expect(await preferences().unsubscribe(RequestContext.system(), decodeURIComponent(always.split('token=')[1]))).toEqual({ kind: 'invalid-link' });
    expect(await core.db.query('SELECT * FROM mail_preference WHERE user_id = ANY($1::uuid[])', [[shop.userId, other.userId]])).toEqual([]);

    expect(await preferences().unsubscribe(RequestContext.system(), token)).toEqual({ kind: 'unsubscribed', mailKind: MailKind.MATCH_ACCEPTED });
    expect(await preferences().unsubscribe(RequestContext.system(), token)).toEqual({ kind: 'unsubscribed', mailKind: MailKind.MATCH_ACCEPTED });
    const audit = await core.db.query(`SELECT actor_user_id, after FROM audit_event WHERE entity_id = $1 AND action = 'mail.preference-changed'`, [shop.userId]);
    expect(audit).toEqual([{ actor_user_id: shop.userId, after: { kind: 'MATCH_ACCEPTED', delivery: 'OFF' } }]);

    expect(await accepted(shop.userId, 2)).toEqual([]);
    expect(await rowsOf(shop.userId)).toEqual([]);
  });

  it('keeps a kind read once a day for the digest, then sends one digest listing the day’s messages, once however often the job runs', async () => {
    const shop = await seedUser(core.db, UserRole.SHOP);
    const outcome = await preferences().setMine(actingAs(shop), MailKind.MATCH_ACCEPTED, MailDelivery.DAILY_DIGEST);
    expect(outcome).toEqual({ kind: 'set', preference: { kind: MailKind.MATCH_ACCEPTED, delivery: MailDelivery.DAILY_DIGEST, adjustable: true } });
    await accepted(shop.userId, 1);
    await accepted(shop.userId, 2);
    await pause(1500);
    expect((await rowsOf(shop.userId)).map((row) => row.status)).toEqual([MailStatus.DIGEST, MailStatus.DIGEST]);
    const email = await emailOf(shop.userId);
    expect(arrivedFor(email)).toHaveLength(0);

    const digests = core.app.get(MailDigestService);
    const sent = await Promise.all([digests.sendDigests(RequestContext.system()), digests.sendDigests(RequestContext.system())]);
    expect(sent[0] + sent[1]).toBe(1);
    expect(await digests.sendDigests(RequestContext.system())).toBe(0);
    await eventually(async () => (await rowsOf(shop.userId)).some((row) => row.kind === MailKind.DAILY_DIGEST && row.status === MailStatus.SENT));
    await pause(1500);
    const rows = await rowsOf(shop.userId);
    const digest = rows.find((row) => row.kind === MailKind.DAILY_DIGEST);
    expect(rows.filter((row) => row.kind === MailKind.MATCH_ACCEPTED).map((row) => [row.status, row.digest_id])).toEqual([
      [MailStatus.DIGESTED, digest?.id],
      [MailStatus.DIGESTED, digest?.id],
    ]);
    const arrived = arrivedFor(email);
    expect(arrived).toHaveLength(1);
    expect(arrived[0].subject).toBe('I tuoi 2 messaggi del giorno');
    expect(arrived[0].text).toContain('- Fornitore 1 ha accettato la tua richiesta per «Offerta 1»: https://vicini.test/la-mia-attivita/servizi/1');
    expect(arrived[0].text).toContain('- Fornitore 2 ha accettato la tua richiesta per «Offerta 2»: https://vicini.test/la-mia-attivita/servizi/2');
    expect(arrived[0].html).toContain('<a href="https://vicini.test/la-mia-attivita/servizi/2">Fornitore 2 ha accettato la tua richiesta per «Offerta 2»</a>');
    // The digest itself is always sent: it carries no unsubscribe header.
    expect(rawHeader(arrived[0], 'list-unsubscribe')).toBeUndefined();
  });

  it('lists every kind with its choice (immediately by default) and refuses to adjust a kind that is always sent', async () => {
    const provider = await seedUser(core.db, UserRole.PROVIDER);
    await preferences().setMine(actingAs(provider), MailKind.SURVEY_DUE, MailDelivery.OFF);
    const mine = await preferences().mine(actingAs(provider));
    expect(mine.find((p) => p.kind === MailKind.SURVEY_DUE)).toEqual({ kind: MailKind.SURVEY_DUE, delivery: MailDelivery.OFF, adjustable: true });
    expect(mine.find((p) => p.kind === MailKind.MATCH_APPLIED)).toEqual({ kind: MailKind.MATCH_APPLIED, delivery: MailDelivery.IMMEDIATELY, adjustable: true });
    expect(mine.find((p) => p.kind === MailKind.PROVIDER_SUSPENDED)).toEqual({ kind: MailKind.PROVIDER_SUSPENDED, delivery: MailDelivery.IMMEDIATELY, adjustable: false });
    expect(await preferences().setMine(actingAs(provider), MailKind.PROVIDER_SUSPENDED, MailDelivery.OFF)).toEqual({ kind: 'not-adjustable' });
    expect(await core.db.query('SELECT kind, delivery FROM mail_preference WHERE user_id = $1', [provider.userId])).toEqual([{ kind: 'SURVEY_DUE', delivery: 'OFF' }]);
  });
});
