import { RequestContext } from '../common/request-context';
import { MatchApplicationService } from '../match/match-application.service';
import { seedOffer, seedProvider, seedRequest, seedShops } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { MailService } from './mail.service';
import { MailStatus } from './mail.types';

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Without SMTP_URL (outside production) e-mails stay in the development mailbox: the same table. */
describe('e-mail without an SMTP server (real PostgreSQL)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;

  beforeAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.APP_URL;
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url, worker: true });
  });
  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  it('keeps the "new application" e-mail in the development mailbox, readable as the mailbox command shows it', async () => {
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id);
    const [shop] = await seedShops(core.db, 1);
    const requestId = await seedRequest(core.db, shop.id);
    const [{ email }] = await core.db.query('SELECT email FROM user_account WHERE id = $1', [provider.owner.userId]);
    const outcome = await core.app.get(MatchApplicationService).apply(actingAs(shop.owner), { helpRequestId: requestId, offerId, joinWaitlist: false });
    if (outcome.kind !== 'match') throw new Error(`applied: ${outcome.kind}`);

    await eventually(async () => (await core.db.query('SELECT status FROM mail_message WHERE recipient = $1', [email]))[0]?.status === MailStatus.DEV_MAILBOX);
    const [row] = await core.db.query('SELECT * FROM mail_message WHERE recipient = $1', [email]);
    expect(row).toMatchObject({ attempts: 0, message_id: `<${row.id}@localhost>`, smtp_response: null });
    expect(row.sent_at).toBeInstanceOf(Date);

    const mailbox = await core.app.get(MailService).devMailbox(RequestContext.system(), 10);
    const shown = mailbox.find((m) => m.recipient === email);
    expect(shown?.subject).toMatch(/^Nuova candidatura per «.+» da .+$/);
    // Without APP_URL, links lead to the web app on this machine.
    expect(shown?.text).toContain(`Vedi la candidatura: http://localhost:3000/organizzazione/candidature/${outcome.match.id}`);
  });
});
