import { ServiceCategory } from '@vec/matching';
import type { ParsedMail } from 'mailparser';
import { AllocationRunService } from '../allocation/allocation-run.service';
import { AllocationRunMode } from '../allocation/allocation.types';
import { randomUUID } from 'node:crypto';
import { AccountService } from '../auth/account.service';
import { AuthService } from '../auth/auth.service';
import { UserRole } from '../auth/user-role';
import { UserLanguage } from '../auth/user-language';
import { PRIVACY_NOTICE_VERSION } from '../privacy/privacy-notice';
import { RequestContext } from '../common/request-context';
import { MatchApplicationService } from '../match/match-application.service';
import { MatchLifecycleService } from '../match/match-lifecycle.service';
import { MatchMaintenanceService } from '../match/match-maintenance.service';
import { MatchReminderService } from '../match/match-reminders.service';
import { ModerationService } from '../moderation/moderation.service';
import { VerificationStatus } from '../provider/provider.types';
import { startLoopbackSmtp } from '../testing/loopback-smtp';
import { SeededProvider, SeededShop, seedFacilitator, seedOffer, seedProvider, seedRequest, seedShops, seedUser } from '../testing/seed';
import { DelegationInvitationService } from '../delegation/delegation-invitation.service';
import { actingAs, startTestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { MailKind, MailStatus } from './mail.types';

const DAY_MS = 86_400_000;
const PASSWORD = 'una-password-lunga-abbastanza';
const MAIL_ENV = ['SMTP_URL', 'MAIL_FROM', 'APP_URL'] as const;

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A real worker sending through a real SMTP server on loopback, on a database of its own. */
async function mailTestBed() {
  const smtp = await startLoopbackSmtp();
  const scratch = await createScratchDatabase({ migrated: true });
  Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_FROM: 'Vicini e connessi <noreply@vicini.test>', APP_URL: 'https://vicini.test' });
  const core = await startTestCore({ url: scratch.url, worker: true });
  const emailOf = async (userId: string): Promise<string> => (await core.db.query('SELECT email FROM user_account WHERE id = $1', [userId]))[0].email;

  /**
   * Waits for the one e-mail of this kind to this account to be SENT, gives a second copy time to
   * come, and checks that exactly one arrived: returns it as the SMTP server read it.
   */
  async function onlyMail(userId: string, kind: MailKind): Promise<ParsedMail> {
    const email = await emailOf(userId);
    const rows = async (): Promise<{ status: string; message_id: string }[]> =>
      core.db.query('SELECT status, message_id FROM mail_message WHERE user_id = $1 AND kind = $2', [userId, kind]);
    await eventually(async () => (await rows())[0]?.status === MailStatus.SENT);
    await pause(1500);
    const recorded = await rows();
    expect(recorded).toHaveLength(1);
    const arrived = smtp.arrived.filter((mail) => mail.messageId === recorded[0].message_id);
    expect(arrived).toHaveLength(1);
    expect(arrived[0].to && !Array.isArray(arrived[0].to) ? arrived[0].to.value.map((a) => a.address) : []).toEqual([email]);
    return arrived[0];
  }
  const countOf = async (userId: string, kind: MailKind): Promise<number> =>
    (await core.db.query('SELECT count(*)::int AS n FROM mail_message WHERE user_id = $1 AND kind = $2', [userId, kind]))[0].n;
  const close = async () => {
    await core.close();
    for (const name of MAIL_ENV) delete process.env[name];
    await scratch.drop();
    await smtp.close();
  };
  return { smtp, core, onlyMail, countOf, close };
}

describe('each kind of e-mail, sent once by its trigger (real PostgreSQL, real SMTP on loopback)', () => {
  let bed: Awaited<ReturnType<typeof mailTestBed>>;
  beforeAll(async () => {
    bed = await mailTestBed();
  });
  afterAll(() => bed.close());

  const inEnglish = (userId: string) => bed.core.db.query(`UPDATE user_account SET language = 'en' WHERE id = $1`, [userId]);
  const stateOf = async (matchId: string): Promise<string> => (await bed.core.db.query('SELECT state FROM match WHERE id = $1', [matchId]))[0].state;

  /** A provider with an offer of `capacity` places (named after the test), and shops ready to apply. */
  async function offerAndShops(name: string, shops = 1, capacity = 2) {
    const provider = await seedProvider(bed.core.db);
    await bed.core.db.query('UPDATE provider SET name = $2 WHERE id = $1', [provider.id, `Fornitore ${name}`]);
    const offerId = await seedOffer(bed.core.db, provider.id, { capacity });
    await bed.core.db.query('UPDATE offer SET title = $2 WHERE id = $1', [offerId, `Offerta ${name}`]);
    return { provider, offerId, shops: await seedShops(bed.core.db, shops), providerName: `Fornitore ${name}`, offer: `Offerta ${name}` };
  }
  async function apply(shop: SeededShop, offerId: string): Promise<string> {
    const outcome = await bed.core.app.get(MatchApplicationService).apply(actingAs(shop.owner), { helpRequestId: await seedRequest(bed.core.db, shop.id), offerId, joinWaitlist: true });
    if (outcome.kind !== 'match') throw new Error(`apply: ${outcome.kind}`);
    return outcome.match.id;
  }
  async function act(provider: SeededProvider, matchId: string, action: 'accept' | 'decline', reason?: string): Promise<void> {
    expect((await bed.core.app.get(MatchLifecycleService).act(actingAs(provider.owner), matchId, action, reason)).kind).toBe('match');
  }

  it('accepted: the shop is told once, in Italian, with a link to the service', async () => {
    const { provider, offerId, shops: [shop], providerName, offer } = await offerAndShops('accetta');
    const matchId = await apply(shop, offerId);
    await act(provider, matchId, 'accept');

    const mail = await bed.onlyMail(shop.owner.userId, MailKind.MATCH_ACCEPTED);
    expect(mail.subject).toBe(`${providerName} ha accettato la tua richiesta per «${offer}»`);
    expect(mail.text).toContain(`Vedi il servizio: https://vicini.test/la-mia-attivita/servizi/${matchId}`);
    expect(mail.html).toContain(`href="https://vicini.test/la-mia-attivita/servizi/${matchId}"`);
    expect(await bed.countOf(provider.owner.userId, MailKind.MATCH_APPLIED)).toBe(1);
  });

  it('declined: the shop is told once, in the English it chose, with the provider’s reason', async () => {
    const { provider, offerId, shops: [shop], providerName, offer } = await offerAndShops('rifiuta');
    await inEnglish(shop.owner.userId);
    const matchId = await apply(shop, offerId);
    await act(provider, matchId, 'decline', 'Siamo al completo fino a marzo');

    const mail = await bed.onlyMail(shop.owner.userId, MailKind.MATCH_DECLINED);
    expect(mail.subject).toBe(`${providerName} declined your request for “${offer}”`);
    expect(mail.text).toContain('Their reason: “Siamo al completo fino a marzo”.');
    expect(mail.text).toContain(`See the service: https://vicini.test/la-mia-attivita/servizi/${matchId}`);
  });

  it('expired: the shop is told once when the provider did not answer in time, however often the expiry runs', async () => {
    const { offerId, shops: [shop], providerName, offer } = await offerAndShops('scade');
    const matchId = await apply(shop, offerId);
    await bed.core.db.query(`UPDATE match SET respond_by = now() - interval '1 minute' WHERE id = $1`, [matchId]);
    const maintenance = bed.core.app.get(MatchMaintenanceService);
    await Promise.all([maintenance.expireHolds(RequestContext.system()), maintenance.expireHolds(RequestContext.system())]);
    expect(await stateOf(matchId)).toBe('EXPIRED');

    const mail = await bed.onlyMail(shop.owner.userId, MailKind.MATCH_EXPIRED);
    expect(mail.subject).toBe(`Nessuna risposta in tempo alla tua richiesta per «${offer}»`);
    expect(mail.text).toContain(`${providerName} non ha risposto in tempo alla tua richiesta per «${offer}»`);
  });

  it('released: a place held when staff suspend the offer is e-mailed with that reason, not as the provider’s silence', async () => {
    const { offerId, shops: [shop], providerName, offer } = await offerAndShops('sospesa');
    const matchId = await apply(shop, offerId);
    const staff = actingAs(await seedUser(bed.core.db, UserRole.MINISTRY));
    expect((await bed.core.app.get(ModerationService).suspendOffer(staff, { offerId, reason: 'Prezzo nascosto nella descrizione' })).kind).toBe('offer');
    expect(await stateOf(matchId)).toBe('EXPIRED');

    const mail = await bed.onlyMail(shop.owner.userId, MailKind.MATCH_EXPIRED);
    expect(mail.subject).toBe(`Il posto trattenuto per la tua richiesta per «${offer}» è liberato`);
    expect(mail.text).toContain(`Il posto trattenuto per la tua richiesta per «${offer}» di ${providerName} è liberato: il Ministero ha sospeso l’offerta.`);
    expect(mail.text).not.toContain('non ha risposto');
    // Staff's note is for the provider: the shop reads the platform's reason only.
    expect(mail.text).not.toContain('Prezzo nascosto');
  });

  it('promoted: the waitlisted shop is told once that it now holds the freed place, with the date the provider answers by', async () => {
    const { provider, offerId, shops: [first, waiting], offer } = await offerAndShops('lista', 2, 1);
    const held = await apply(first, offerId);
    const waitlisted = await apply(waiting, offerId);
    expect(await stateOf(waitlisted)).toBe('WAITLISTED');
    await act(provider, held, 'decline');
    const maintenance = bed.core.app.get(MatchMaintenanceService);
    await maintenance.promoteWaitlist(RequestContext.system(), offerId);
    await maintenance.promoteWaitlist(RequestContext.system(), offerId);
    expect(await stateOf(waitlisted)).toBe('PENDING');

    const mail = await bed.onlyMail(waiting.owner.userId, MailKind.MATCH_PROMOTED);
    expect(mail.subject).toBe(`Un posto in «${offer}» ora è tuo`);
    expect(mail.text).toMatch(/Il fornitore accetterà o rifiuterà entro (il \d{1,2}°?|l’\d{1,2}) \w+ \d{4}\./);
    expect(mail.text).toContain(`https://vicini.test/la-mia-attivita/servizi/${waitlisted}`);
    expect(await bed.countOf(first.owner.userId, MailKind.MATCH_DECLINED)).toBe(1);
  });

  it('reminder: the provider is reminded once, a day before the held place expires, however often the job runs', async () => {
    const { provider, offerId, shops: [soon, later] } = await offerAndShops('promemoria', 2);
    const due = await apply(soon, offerId);
    await apply(later, offerId);
    await bed.core.db.query(`UPDATE match SET respond_by = now() + interval '20 hours' WHERE id = $1`, [due]);
    const reminders = bed.core.app.get(MatchReminderService);
    await Promise.all([reminders.remindResponses(RequestContext.system()), reminders.remindResponses(RequestContext.system())]);
    await reminders.remindResponses(RequestContext.system());

    const mail = await bed.onlyMail(provider.owner.userId, MailKind.MATCH_RESPONSE_REMINDER);
    const [shopName] = (await bed.core.db.query('SELECT coalesce(trading_name, legal_name) AS n FROM shop WHERE id = $1', [soon.id])).map((r: { n: string }) => r.n);
    expect(mail.subject).toMatch(new RegExp(`^Promemoria: rispondete a ${shopName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} entro (il \\d{1,2}°?|l’\\d{1,2}) \\w+ \\d{4}$`));
    expect(mail.text).toContain(`Rispondi alla candidatura: https://vicini.test/organizzazione/candidature/${due}`);
    // The other application is due in five days: not yet.
    expect(await bed.countOf(provider.owner.userId, MailKind.MATCH_RESPONSE_REMINDER)).toBe(1);
  });

  it('verification decisions: the provider is told once of each, a rejection and a suspension with the reason', async () => {
    const staff = actingAs(await seedUser(bed.core.db, UserRole.MINISTRY));
    const moderation = bed.core.app.get(ModerationService);
    const [approved, rejected, suspended] = [await seedProvider(bed.core.db, 'PENDING'), await seedProvider(bed.core.db, 'PENDING'), await seedProvider(bed.core.db, 'APPROVED')];
    await inEnglish(rejected.owner.userId);
    await moderation.verifyProvider(staff, { providerId: approved.id, decision: VerificationStatus.APPROVED });
    await moderation.verifyProvider(staff, { providerId: rejected.id, decision: VerificationStatus.REJECTED, reason: 'Partita IVA cessata' });
    await moderation.verifyProvider(staff, { providerId: suspended.id, decision: VerificationStatus.SUSPENDED, reason: 'Segnalazioni dai negozi' });

    const yes = await bed.onlyMail(approved.owner.userId, MailKind.PROVIDER_APPROVED);
    expect(yes.subject).toBe('Fornitore di prova è verificata');
    expect(yes.text).toContain('Vedi la vostra organizzazione: https://vicini.test/organizzazione');
    const no = await bed.onlyMail(rejected.owner.userId, MailKind.PROVIDER_REJECTED);
    expect(no.subject).toBe('Fornitore di prova could not be verified');
    expect(no.text).toContain('The reason: “Partita IVA cessata”.');
    const off = await bed.onlyMail(suspended.owner.userId, MailKind.PROVIDER_SUSPENDED);
    expect(off.subject).toBe('Fornitore di prova è sospesa');
    expect(off.text).toContain('Il motivo: «Segnalazioni dai negozi».');
  });

  it('verification decisions on a facilitator: its account is told once of each, in its own words, with the reason', async () => {
    const staff = actingAs(await seedUser(bed.core.db, UserRole.MINISTRY));
    const moderation = bed.core.app.get(ModerationService);
    const approved = await seedFacilitator(bed.core.db, 'PENDING', 'Camera di commercio di Torino');
    const rejected = await seedFacilitator(bed.core.db, 'PENDING', 'Sportello imprese');
    const suspended = await seedFacilitator(bed.core.db, 'APPROVED', 'Associazione artigiani');
    await inEnglish(rejected.owner.userId);
    await moderation.verifyFacilitator(staff, { facilitatorId: approved.id, decision: VerificationStatus.APPROVED });
    await moderation.verifyFacilitator(staff, { facilitatorId: rejected.id, decision: VerificationStatus.REJECTED, reason: 'Codice fiscale cessato' });
    await moderation.verifyFacilitator(staff, { facilitatorId: suspended.id, decision: VerificationStatus.SUSPENDED, reason: 'Segnalazioni dai negozi' });

    const yes = await bed.onlyMail(approved.owner.userId, MailKind.FACILITATOR_APPROVED);
    expect(yes.subject).toBe('Camera di commercio di Torino è verificata');
    expect(yes.text).toContain('ora potete agire per conto dei negozi che vi danno il consenso');
    expect(yes.text).toContain('Vedi la vostra organizzazione: https://vicini.test/facilitatore');
    const no = await bed.onlyMail(rejected.owner.userId, MailKind.FACILITATOR_REJECTED);
    expect(no.subject).toBe('Sportello imprese could not be verified');
    expect(no.text).toContain('The reason: “Codice fiscale cessato”.');
    const off = await bed.onlyMail(suspended.owner.userId, MailKind.FACILITATOR_SUSPENDED);
    expect(off.subject).toBe('Associazione artigiani è sospesa');
    expect(off.text).toContain('non potete agire per conto dei negozi né invitarli');
    expect(off.text).toContain('Il motivo: «Segnalazioni dai negozi».');
  });

  it('survey due: the shop is asked once per checkpoint, by e-mail as well as by notification', async () => {
    const { provider, offerId, shops: [shop], providerName, offer } = await offerAndShops('questionario');
    const matchId = await apply(shop, offerId);
    await act(provider, matchId, 'accept');
    expect((await bed.core.app.get(MatchLifecycleService).act(actingAs(shop.owner), matchId, 'activate')).kind).toBe('match');
    const reminders = bed.core.app.get(MatchReminderService);
    const in31Days = new Date(Date.now() + 31 * DAY_MS);
    await reminders.remindSurveys(RequestContext.system(in31Days));
    await reminders.remindSurveys(RequestContext.system(in31Days));

    const mail = await bed.onlyMail(shop.owner.userId, MailKind.SURVEY_DUE);
    expect(mail.subject).toBe(`Come sta andando «${offer}»?`);
    expect(mail.text).toContain(`30 giorni fa ${providerName} ha iniziato per te «${offer}».`);
    expect(mail.text).toContain(`Rispondi al questionario: https://vicini.test/la-mia-attivita/servizi/${matchId}`);
  });
});

// Its own database: an allocation run takes every open request there is.
describe('allocation results by e-mail (real PostgreSQL, real SMTP on loopback)', () => {
  let bed: Awaited<ReturnType<typeof mailTestBed>>;
  beforeAll(async () => {
    bed = await mailTestBed();
  });
  afterAll(() => bed.close());

  it('sends each shop and each provider one e-mail per run, listing every place it gave them', async () => {
    const provider = await seedProvider(bed.core.db);
    await seedOffer(bed.core.db, provider.id, { capacity: 5, categories: [ServiceCategory.ONLINE_STORE] });
    await seedOffer(bed.core.db, provider.id, { capacity: 5, categories: [ServiceCategory.WEBSITE] });
    const [both, one] = await seedShops(bed.core.db, 2);
    await seedRequest(bed.core.db, both.id, ServiceCategory.ONLINE_STORE);
    await seedRequest(bed.core.db, both.id, ServiceCategory.WEBSITE);
    await seedRequest(bed.core.db, one.id, ServiceCategory.ONLINE_STORE);
    const staff = actingAs(await seedUser(bed.core.db, UserRole.MINISTRY));
    const run = await bed.core.app.get(AllocationRunService).start(staff, { mode: AllocationRunMode.COMMIT });
    await eventually(async () => (await bed.core.db.query('SELECT status FROM allocation_run WHERE id = $1', [run.id]))[0].status === 'COMMITTED');
    expect((await bed.core.db.query('SELECT count(*)::int AS n FROM match WHERE allocation_run_id = $1', [run.id]))[0].n).toBe(3);

    const toProvider = await bed.onlyMail(provider.owner.userId, MailKind.ALLOCATION_PROVIDER);
    expect(toProvider.subject).toBe('L’assegnazione ha dato alle vostre offerte 3 candidature');
    expect(toProvider.text?.match(/^- .+ per «Offerta di prova»$/gm)).toHaveLength(3);
    expect(toProvider.html).toMatch(/<ul>\n(<li>[^<]+ per «Offerta di prova»<\/li>\n){3}<\/ul>/);
    expect(toProvider.text).toContain('Vedi le candidature: https://vicini.test/organizzazione/candidature');
    const toBoth = await bed.onlyMail(both.owner.userId, MailKind.ALLOCATION_SHOP);
    expect(toBoth.subject).toBe('L’assegnazione ti ha dato 2 servizi');
    expect(toBoth.text?.match(/^- «Offerta di prova» di Fornitore di prova$/gm)).toHaveLength(2);
    const toOne = await bed.onlyMail(one.owner.userId, MailKind.ALLOCATION_SHOP);
    expect(toOne.subject).toBe('L’assegnazione ti ha dato un servizio');
    expect(toOne.text).toContain('Vedi i tuoi servizi: https://vicini.test/la-mia-attivita/servizi');
  });

  it('an invitation to an address says an organisation gave it, offers no preferences, and is in the language of the account that has the address', async () => {
    const facilitator = await seedFacilitator(bed.core.db);
    const english = await seedUser(bed.core.db, UserRole.SHOP);
    await bed.core.db.query(`UPDATE user_account SET language = 'en' WHERE id = $1`, [english.userId]);
    const [{ email: known }] = await bed.core.db.query('SELECT email FROM user_account WHERE id = $1', [english.userId]);
    const unknown = `nuovo-titolare-${randomUUID()}@example.it`;
    const invitations = bed.core.app.get(DelegationInvitationService);
    for (const email of [known, unknown]) expect((await invitations.invite(actingAs(facilitator.owner), { email })).kind).toBe('delegation');
    const arrivedTo = async (address: string): Promise<ParsedMail> => {
      const rows = async (): Promise<{ status: string; message_id: string }[]> =>
        bed.core.db.query(`SELECT status, message_id FROM mail_message WHERE recipient = $1 AND kind = 'DELEGATION_INVITATION'`, [address]);
      await eventually(async () => (await rows())[0]?.status === MailStatus.SENT);
      const [row] = await rows();
      return bed.smtp.arrived.find((mail) => mail.messageId === row.message_id) as ParsedMail;
    };
    const toKnown = await arrivedTo(known);
    expect(toKnown.text).toContain('You receive this e-mail because an organisation that helps businesses gave this address on Vicini e connessi for a business');
    expect(toKnown.text).not.toMatch(/E-mail preferences|because you have an account/);
    const toUnknown = await arrivedTo(unknown);
    expect(toUnknown.text).toContain('Ricevi questa e-mail perché un’organizzazione che aiuta le attività ha indicato questo indirizzo');
    expect(toUnknown.text).not.toMatch(/Preferenze e-mail|perché hai un account/);
    expect(toUnknown.html).not.toContain('preferenze');
  });

  it('account e-mails: the sign-up link and a password reset reach the account once each, in its language, and a change of address once at each address', async () => {
    const auth = bed.core.app.get(AuthService);
    const accounts = bed.core.app.get(AccountService);
    const anon = (): RequestContext => new RequestContext(`test-${randomUUID()}`, new Date());
    const email = `account-${randomUUID()}@example.it`;
    const outcome = await auth.register(anon(), { email, password: PASSWORD, role: UserRole.SHOP, language: UserLanguage.EN, privacyNoticeVersion: PRIVACY_NOTICE_VERSION });
    if (outcome.kind !== 'session') throw new Error(outcome.kind);
    const userId = outcome.session.user.id;

    const verification = await bed.onlyMail(userId, MailKind.EMAIL_VERIFICATION);
    expect(verification.subject).toBe('Confirm your e-mail address for Vicini e connessi');
    expect(verification.text).toContain('https://vicini.test/verifica-email#');
    expect(verification.text).toContain('You receive this e-mail because you have an account on Vicini e connessi');

    await accounts.requestPasswordReset(anon(), email);
    const reset = await bed.onlyMail(userId, MailKind.PASSWORD_RESET);
    expect(reset.text).toContain('https://vicini.test/reimposta-password#');
    // Security e-mails carry no unsubscribe link.
    expect(reset.headers.get('list-unsubscribe')).toBeUndefined();

    const newEmail = `nuovo-${randomUUID()}@example.it`;
    const self = anon().withActor({ userId, role: UserRole.SHOP });
    expect((await accounts.requestEmailChange(self, PASSWORD, newEmail)).kind).toBe('requested');
    /** The one e-mail of this kind of the account, to this address: sent, and arrived once. */
    const onceTo = async (kind: MailKind, address: string): Promise<ParsedMail> => {
      const rows = async (): Promise<{ recipient: string; status: string; message_id: string }[]> =>
        bed.core.db.query('SELECT recipient, status, message_id FROM mail_message WHERE user_id = $1 AND kind = $2', [userId, kind]);
      await eventually(async () => (await rows())[0]?.status === MailStatus.SENT);
      await pause(1500);
      const recorded = await rows();
      expect(recorded.map((row) => row.recipient)).toEqual([address]);
      const arrived = bed.smtp.arrived.filter((mail) => mail.messageId === recorded[0].message_id);
      expect(arrived).toHaveLength(1);
      return arrived[0];
    };
    const confirm = await onceTo(MailKind.EMAIL_CHANGE_CONFIRM, newEmail);
    // The new address is not the account's yet: the footer says why it gets the message.
    expect(confirm.text).toContain('You receive this e-mail because this address was given for an account on Vicini e connessi; if you did not ask for it');
    const token = /conferma-email#(\S+)/.exec(confirm.text ?? '')?.[1] ?? '';
    expect((await accounts.confirmEmailChange(anon(), token)).kind).toBe('done');
    const notice = await onceTo(MailKind.EMAIL_CHANGED_NOTICE, email);
    expect(notice.text).toContain(newEmail);
  });
});
