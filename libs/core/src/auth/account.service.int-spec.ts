import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { MailService } from '../mail/mail.service';
import { seedUser } from '../testing/seed';
import { startTestCore, TestCore } from '../testing/test-core';
import { ThrottleException } from '../throttle/throttle.exception';
import { ThrottleService } from '../throttle/throttle.service';
import { AccountLinks } from './account-links';
import { AccountTokenPurpose } from './account-token-purpose';
import { AccountService, RESET_REQUEST_FLOOR_MS } from './account.service';
import { AuthService, Session } from './auth.service';
import { UserRole } from './user-role';
import { PRIVACY_NOTICE_VERSION } from '../privacy/privacy-notice';

const PASSWORD = 'una-password-lunga-2026';
const NEW_PASSWORD = 'un-altra-password-2026';
const MINUTE = 60_000;

describe('verified addresses, password reset and changes of password or address (real PostgreSQL)', () => {
  let core: TestCore;
  let auth: AuthService;
  let accounts: AccountService;
  beforeAll(async () => {
    core = await startTestCore();
    auth = core.app.get(AuthService);
    accounts = core.app.get(AccountService);
  });
  afterAll(() => core.close());

  const anon = (now = new Date()): RequestContext => new RequestContext(`test-${randomUUID()}`, now);
  const uniqueEmail = (): string => `utente-${randomUUID()}@example.it`;
  const sessionIdOf = (session: Session): string => core.app.get(JwtService).verify<{ sid: string }>(session.accessToken).sid;
  /** The signed-in actor of a session, as the JWT strategy makes it. */
  const signedIn = (session: Session, now = new Date()): RequestContext =>
    new RequestContext(`test-${randomUUID()}`, now, { userId: session.user.id, role: session.user.role, sessionId: sessionIdOf(session) });
  const live = async (session: Session): Promise<boolean> => (await auth.sessionActor(anon(), session.user.id, sessionIdOf(session))) !== null;

  const mails = (recipient: string, kind: string): Promise<{ text: string; html: string; subject: string; language: string }[]> =>
    core.db.query('SELECT text, html, subject, language FROM mail_message WHERE recipient = $1 AND kind = $2 ORDER BY created_at', [recipient, kind]);
  /** The token of the newest e-mail of a kind to an address, read from its link as a person would. */
  async function tokenFrom(recipient: string, kind: string): Promise<string> {
    const [newest] = (await mails(recipient, kind)).reverse();
    const url = newest && /https?:\/\/\S+#(\S+)/.exec(newest.text);
    if (!url) throw new Error(`no ${kind} link to ${recipient}`);
    return url[1];
  }
  const audits = (userId: string, action: string): Promise<{ actor_user_id: string; before: unknown; after: unknown }[]> =>
    core.db.query('SELECT actor_user_id, before, after FROM audit_event WHERE entity_id = $1 AND action = $2', [userId, action]);

  async function signUp(): Promise<{ email: string; session: Session }> {
    const email = uniqueEmail();
    const outcome = await auth.register(anon(), { email, password: PASSWORD, role: UserRole.SHOP, privacyNoticeVersion: PRIVACY_NOTICE_VERSION });
    if (outcome.kind !== 'session') throw new Error(outcome.kind);
    return { email, session: outcome.session };
  }
  const verified = async (userId: string): Promise<boolean> => (await core.db.query('SELECT email_verified_at FROM user_account WHERE id = $1', [userId]))[0].email_verified_at !== null;

  describe('e-mail verification', () => {
    it('e-mails a link at sign-up that verifies the address once, audited; until then the account is unverified', async () => {
      const { email, session } = await signUp();
      const [mail] = await mails(email, 'EMAIL_VERIFICATION');
      expect(mail).toMatchObject({ language: 'it', subject: 'Conferma il tuo indirizzo e-mail per Vicini e connessi' });
      expect(mail.html).toContain('/verifica-email#');
      expect(await accounts.unverifiedEmail(signedIn(session))).toBe(email);

      const token = await tokenFrom(email, 'EMAIL_VERIFICATION');
      const outcome = await accounts.verifyEmail(anon(), token);
      expect(outcome).toMatchObject({ kind: 'done', user: { id: session.user.id, email } });
      expect(await accounts.unverifiedEmail(signedIn(session))).toBeNull();
      expect(await audits(session.user.id, 'user.email_verified')).toEqual([{ actor_user_id: session.user.id, before: null, after: { email } }]);
      expect(await accounts.verifyEmail(anon(), token)).toEqual({ kind: 'link-not-valid', problem: 'USED' });
    });

    it('keeps only the hash of a link: the token is nowhere in the table, and a forged or altered token is refused', async () => {
      const { email, session } = await signUp();
      const token = await tokenFrom(email, 'EMAIL_VERIFICATION');
      const [id, secret] = token.split('.');
      const [row] = await core.db.query('SELECT secret_hash, expires_at, created_at FROM account_token WHERE id = $1', [id]);
      expect(row.secret_hash).not.toContain(secret);
      expect(row.expires_at.getTime() - row.created_at.getTime()).toBeGreaterThan(47 * 60 * MINUTE);
      expect(await accounts.verifyEmail(anon(), `${id}.${secret}x`)).toEqual({ kind: 'link-not-valid', problem: 'INVALID' });
      expect(await accounts.verifyEmail(anon(), `${randomUUID()}.${secret}`)).toEqual({ kind: 'link-not-valid', problem: 'INVALID' });
      expect(await accounts.verifyEmail(anon(), 'not-a-token')).toEqual({ kind: 'link-not-valid', problem: 'INVALID' });
      expect(await verified(session.user.id)).toBe(false);
    });

    it('sends a new link on request, which replaces the old one, and says when the address is verified already', async () => {
      const { email, session } = await signUp();
      const first = await tokenFrom(email, 'EMAIL_VERIFICATION');
      expect(await accounts.resendVerification(signedIn(session))).toMatchObject({ kind: 'sent', email });
      const second = await tokenFrom(email, 'EMAIL_VERIFICATION');
      expect(second).not.toBe(first);
      expect(await accounts.verifyEmail(anon(), first)).toEqual({ kind: 'link-not-valid', problem: 'USED' });
      expect((await accounts.verifyEmail(anon(), second)).kind).toBe('done');
      expect(await accounts.resendVerification(signedIn(session))).toEqual({ kind: 'already-verified' });
      expect(await mails(email, 'EMAIL_VERIFICATION')).toHaveLength(2);
    });

    it('counts resends per address: the fourth within the hour is refused', async () => {
      const { email, session } = await signUp();
      for (let i = 0; i < 3; i++) expect((await accounts.resendVerification(signedIn(session))).kind).toBe('sent');
      await expect(accounts.resendVerification(signedIn(session))).rejects.toMatchObject({ reason: 'EMAIL_LIMIT' });
      expect(await mails(email, 'EMAIL_VERIFICATION')).toHaveLength(4);
    });

    it('treats accounts made by staff or the command line as verified', async () => {
      const user = await auth.createUser(RequestContext.system(), { email: uniqueEmail(), password: PASSWORD, role: UserRole.MINISTRY });
      expect(await verified(user.id)).toBe(true);
      expect(await mails(user.email, 'EMAIL_VERIFICATION')).toEqual([]);
    });
  });

  describe('password reset', () => {
    it('answers the same, in about the same time, whether or not an account has the address, and e-mails only an existing one', async () => {
      const { email } = await signUp();
      const unknown = uniqueEmail();
      const timed = async (address: string): Promise<number> => {
        const started = Date.now();
        await expect(accounts.requestPasswordReset(anon(), address)).resolves.toBeUndefined();
        return Date.now() - started;
      };
      const known = await timed(email);
      const none = await timed(unknown);
      expect(known).toBeGreaterThanOrEqual(RESET_REQUEST_FLOOR_MS - 5);
      expect(none).toBeGreaterThanOrEqual(RESET_REQUEST_FLOOR_MS - 5);
      expect(Math.abs(known - none)).toBeLessThan(150);
      const [mail] = await mails(email, 'PASSWORD_RESET');
      expect(mail.text).toContain('/reimposta-password#');
      expect(mail.text).toContain('30 minuti');
      expect(await mails(unknown, 'PASSWORD_RESET')).toEqual([]);
    });

    it('sets the new password once, ends every session of the account and audits it; the old password stops working', async () => {
      const { email, session } = await signUp();
      const other = await auth.login(anon(), await auth.validateCredentials(anon(), email, PASSWORD));
      await accounts.requestPasswordReset(anon(), email);
      const token = await tokenFrom(email, 'PASSWORD_RESET');

      const outcome = await accounts.resetPassword(anon(), token, NEW_PASSWORD);
      expect(outcome).toMatchObject({ kind: 'done', user: { id: session.user.id } });
      expect(await live(session)).toBe(false);
      expect(await live(other)).toBe(false);
      await expect(auth.validateCredentials(anon(), email, PASSWORD)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
      await expect(auth.validateCredentials(anon(), email, NEW_PASSWORD)).resolves.toMatchObject({ id: session.user.id });
      expect(await audits(session.user.id, 'user.password_reset')).toEqual([{ actor_user_id: session.user.id, before: null, after: { sessionsEnded: true } }]);
      // The link reached the address: that verifies it too.
      expect(await verified(session.user.id)).toBe(true);

      expect(await accounts.resetPassword(anon(), token, 'ancora-un-altra-2026')).toEqual({ kind: 'link-not-valid', problem: 'USED' });
      await expect(auth.validateCredentials(anon(), email, NEW_PASSWORD)).resolves.toMatchObject({ id: session.user.id });
    });

    it('lets one of two simultaneous uses of a link win', async () => {
      const { email } = await signUp();
      await accounts.requestPasswordReset(anon(), email);
      const token = await tokenFrom(email, 'PASSWORD_RESET');
      const outcomes = await Promise.all([accounts.resetPassword(anon(), token, NEW_PASSWORD), accounts.resetPassword(anon(), token, 'ancora-un-altra-2026')]);
      expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['done', 'link-not-valid']);
    });

    it('works for 30 minutes (the default): a minute before it works, at the minute it has expired', async () => {
      const { email, session } = await signUp();
      const asked = new Date();
      await accounts.requestPasswordReset(anon(asked), email);
      const token = await tokenFrom(email, 'PASSWORD_RESET');
      expect(await accounts.resetPassword(anon(new Date(asked.getTime() + 30 * MINUTE)), token, NEW_PASSWORD)).toEqual({ kind: 'link-not-valid', problem: 'EXPIRED' });
      expect(await live(session)).toBe(true);
      expect((await accounts.resetPassword(anon(new Date(asked.getTime() + 29 * MINUTE)), token, NEW_PASSWORD)).kind).toBe('done');
    });

    it('honours a configured lifetime', async () => {
      const config = new ConfigService({ PASSWORD_RESET_TTL_MINUTES: 5, EMAIL_LINK_TTL_HOURS: 48 });
      const links = new AccountLinks(core.app.get(TransactionalConnection), core.app.get(MailService), config);
      expect(links.lifetimeMs(AccountTokenPurpose.RESET_PASSWORD)).toBe(5 * MINUTE);
    });

    it('makes a newer link replace the older one', async () => {
      const { email } = await signUp();
      await accounts.requestPasswordReset(anon(), email);
      const first = await tokenFrom(email, 'PASSWORD_RESET');
      await accounts.requestPasswordReset(anon(), email);
      expect(await accounts.resetPassword(anon(), first, NEW_PASSWORD)).toEqual({ kind: 'link-not-valid', problem: 'USED' });
      expect((await accounts.resetPassword(anon(), await tokenFrom(email, 'PASSWORD_RESET'), NEW_PASSWORD)).kind).toBe('done');
    });

    it('counts requests per e-mail, known or not, and per client address', async () => {
      const { email } = await signUp();
      const unknown = uniqueEmail();
      for (const address of [email, unknown]) {
        for (let i = 0; i < 3; i++) await accounts.requestPasswordReset(anon(), address);
        const refused = await accounts.requestPasswordReset(anon(), address).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(ThrottleException);
        expect(refused).toMatchObject({ reason: 'EMAIL_LIMIT' });
      }
      expect(await mails(email, 'PASSWORD_RESET')).toHaveLength(3);

      // The same service over a throttle allowing two requests per client address and hour.
      const throttle = new ThrottleService(
        core.db,
        new ConfigService({ THROTTLE_LOGIN_PER_ADDRESS: 30, THROTTLE_REGISTER_PER_ADDRESS: 10, THROTTLE_REFRESH_PER_ADDRESS: 300, THROTTLE_ACCOUNT_MAIL_PER_ADDRESS: 2, THROTTLE_ACCOUNT_MAIL_PER_EMAIL: 3, THROTTLE_INVITATIONS_PER_ORGANISATION: 100, THROTTLE_DELEGATION_GRANTS_PER_SHOP: 10, LOGIN_LOCKOUT_AFTER: 5, LOGIN_LOCKOUT_ACCOUNT_AFTER: 50, LOGIN_LOCKOUT_SECONDS: 60, LOGIN_LOCKOUT_MAX_SECONDS: 900 }),
        core.app.get(TransactionalConnection),
      );
      const strict = new AccountService(core.app.get(TransactionalConnection), core.app.get(AuditService), core.app.get(AccountLinks), core.app.get(MailService), throttle);
      const from = `test-address-${randomUUID()}`;
      const fromAddress = (): RequestContext => new RequestContext(`test-${randomUUID()}`, new Date(), undefined, undefined, from);
      await strict.requestPasswordReset(fromAddress(), uniqueEmail());
      await strict.requestPasswordReset(fromAddress(), uniqueEmail());
      await expect(strict.requestPasswordReset(fromAddress(), uniqueEmail())).rejects.toMatchObject({ reason: 'ADDRESS_LIMIT' });

      // Asking to move to an address is counted before the answer says whether another account has it.
      const { session } = await signUp();
      const { email: taken } = await signUp();
      const signedInFrom = (): RequestContext => new RequestContext(`test-${randomUUID()}`, new Date(), { userId: session.user.id, role: session.user.role }, undefined, from);
      await expect(strict.requestEmailChange(signedInFrom(), PASSWORD, taken)).rejects.toMatchObject({ reason: 'ADDRESS_LIMIT' });
    });
  });

  describe('change of password', () => {
    it('needs the current password, then ends the other sessions and keeps this one, audited', async () => {
      const { email, session } = await signUp();
      const other = await auth.login(anon(), await auth.validateCredentials(anon(), email, PASSWORD));
      expect(await accounts.changePassword(signedIn(session), 'password-sbagliata', NEW_PASSWORD)).toEqual({ kind: 'wrong-password' });
      expect(await live(other)).toBe(true);

      expect((await accounts.changePassword(signedIn(session), PASSWORD, NEW_PASSWORD)).kind).toBe('changed');
      expect(await live(session)).toBe(true);
      expect(await live(other)).toBe(false);
      await expect(auth.validateCredentials(anon(), email, NEW_PASSWORD)).resolves.toMatchObject({ id: session.user.id });
      expect(await audits(session.user.id, 'user.password_changed')).toEqual([{ actor_user_id: session.user.id, before: null, after: { otherSessionsEnded: true } }]);
    });
  });

  describe('change of address', () => {
    it('confirms on the new address, changes only then, tells the old address, and audits both steps', async () => {
      const { email, session } = await signUp();
      const newEmail = uniqueEmail();
      expect(await accounts.requestEmailChange(signedIn(session), 'password-sbagliata', newEmail)).toEqual({ kind: 'wrong-password' });
      expect(await accounts.requestEmailChange(signedIn(session), PASSWORD, ` ${newEmail.toUpperCase()} `)).toMatchObject({ kind: 'requested', newEmail });
      expect((await core.db.query('SELECT email FROM user_account WHERE id = $1', [session.user.id]))[0].email).toBe(email);
      expect(await mails(email, 'EMAIL_CHANGE_CONFIRM')).toEqual([]);

      const token = await tokenFrom(newEmail, 'EMAIL_CHANGE_CONFIRM');
      expect(await accounts.confirmEmailChange(anon(), token)).toMatchObject({ kind: 'done', user: { email: newEmail } });
      expect(await verified(session.user.id)).toBe(true);
      const [notice] = await mails(email, 'EMAIL_CHANGED_NOTICE');
      expect(notice.text).toContain(newEmail);
      expect(await audits(session.user.id, 'user.email_change_requested')).toEqual([{ actor_user_id: session.user.id, before: { email }, after: { email: newEmail } }]);
      expect(await audits(session.user.id, 'user.email_changed')).toEqual([{ actor_user_id: session.user.id, before: { email }, after: { email: newEmail } }]);
      await expect(auth.validateCredentials(anon(), newEmail, PASSWORD)).resolves.toMatchObject({ id: session.user.id });
      expect(await accounts.confirmEmailChange(anon(), token)).toEqual({ kind: 'link-not-valid', problem: 'USED' });
      expect(await live(session)).toBe(true);
    });

    it('refuses an address another account has, at the request and at the confirmation, changing nothing', async () => {
      const { session } = await signUp();
      const { email: taken } = await signUp();
      expect(await accounts.requestEmailChange(signedIn(session), PASSWORD, taken)).toEqual({ kind: 'email-taken' });

      const wanted = uniqueEmail();
      await accounts.requestEmailChange(signedIn(session), PASSWORD, wanted);
      await seedUser(core.db, UserRole.SHOP).then(({ userId }) => core.db.query('UPDATE user_account SET email = $1 WHERE id = $2', [wanted, userId]));
      expect(await accounts.confirmEmailChange(anon(), await tokenFrom(wanted, 'EMAIL_CHANGE_CONFIRM'))).toEqual({ kind: 'email-taken' });
      expect(await audits(session.user.id, 'user.email_changed')).toEqual([]);
    });
  });
});
