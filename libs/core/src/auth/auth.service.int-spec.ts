import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { DAY_MS } from '../common/time';
import { seedUser } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { ThrottleException } from '../throttle/throttle.exception';
import { ThrottleService } from '../throttle/throttle.service';
import { AccountLinks } from './account-links';
import { AuthErrorCode, AuthException } from './auth.exception';
import { AuthService, Session } from './auth.service';
import { UserLanguage } from './user-language';
import { UserRole } from './user-role';
import { PRIVACY_NOTICE_VERSION } from '../privacy/privacy-notice';

const PASSWORD = 'una-password-lunga-2026';

describe('accounts, sign-in and rotating sessions (real PostgreSQL)', () => {
  let core: TestCore;
  let auth: AuthService;
  beforeAll(async () => {
    core = await startTestCore();
    auth = core.app.get(AuthService);
  });
  afterAll(() => core.close());

  const anon = (now = new Date()): RequestContext => new RequestContext(`test-${randomUUID()}`, now);
  const uniqueEmail = (): string => `utente-${randomUUID()}@example.it`;
  const sessionIdOf = (session: Session): string => core.app.get(JwtService).verify<{ sid: string }>(session.accessToken).sid;
  const tokenRow = async (token: string): Promise<{ family_id: string; used_at: Date | null; revoked_at: Date | null; expires_at: Date }> =>
    (await core.db.query('SELECT family_id, used_at, revoked_at, expires_at FROM refresh_token WHERE id = $1', [token.split('.')[0]]))[0];
  const familyOf = async (userId: string): Promise<{ family_id: string; used_at: Date | null; revoked_at: Date | null }[]> =>
    core.db.query('SELECT family_id, used_at, revoked_at FROM refresh_token WHERE user_id = $1 ORDER BY created_at', [userId]);

  /** Rejects with the auth code given (the exception class and its code, not only a message). */
  async function refusedWith(promise: Promise<unknown>, code: AuthErrorCode): Promise<void> {
    const error = await promise.then(
      () => new Error('resolved'),
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(AuthException);
    expect((error as AuthException).code).toBe(code);
  }

  async function signUp(role = UserRole.SHOP, now = new Date()): Promise<{ email: string; session: Session }> {
    const email = uniqueEmail();
    const outcome = await auth.register(anon(now), { email, password: PASSWORD, role, privacyNoticeVersion: PRIVACY_NOTICE_VERSION });
    if (outcome.kind !== 'session') throw new Error(`register: ${outcome.kind}`);
    return { email, session: outcome.session };
  }

  describe('sign-up', () => {
    it('creates the account with its e-mail lowercased and a hashed password, opens a session and audits the sign-up as the new account', async () => {
      const email = `Nuovo.Negozio-${randomUUID()}@Example.IT`;
      const outcome = await auth.register(anon(), { email: `  ${email} `, password: PASSWORD, role: UserRole.SHOP, privacyNoticeVersion: PRIVACY_NOTICE_VERSION });
      expect(outcome.kind).toBe('session');
      const { session } = outcome as { kind: 'session'; session: Session };

      const [row] = await core.db.query('SELECT id, email, password_hash, role, language FROM user_account WHERE id = $1', [session.user.id]);
      expect(row).toMatchObject({ email: email.toLowerCase(), role: 'SHOP', language: 'it' });
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
      const token = await tokenRow(session.refreshToken);
      expect(token).toMatchObject({ family_id: sessionIdOf(session), used_at: null, revoked_at: null });
      const audit = await core.db.query(`SELECT actor_user_id, actor_role, after FROM audit_event WHERE entity_id = $1 AND action = 'user.registered'`, [row.id]);
      expect(audit).toEqual([{ actor_user_id: row.id, actor_role: 'SHOP', after: { email: email.toLowerCase(), role: 'SHOP', language: 'it' } }]);
      expect(await auth.sessionActor(anon(), row.id, sessionIdOf(session))).toEqual({ userId: row.id, role: UserRole.SHOP });
    });

    it('records the version of the privacy notice the person accepted, and when', async () => {
      const now = new Date('2026-12-05T09:30:00Z');
      const { session } = await signUp(UserRole.PROVIDER, now);
      expect(await core.db.query('SELECT notice_version, accepted_at FROM privacy_notice_acceptance WHERE user_id = $1', [session.user.id])).toEqual([
        { notice_version: PRIVACY_NOTICE_VERSION, accepted_at: now },
      ]);
    });

    it('keeps the language chosen at sign-up, and lets the account change it later, audited once per change', async () => {
      const email = uniqueEmail();
      const outcome = await auth.register(anon(), { email, password: PASSWORD, role: UserRole.PROVIDER, language: UserLanguage.EN, privacyNoticeVersion: PRIVACY_NOTICE_VERSION });
      if (outcome.kind !== 'session') throw new Error(`register: ${outcome.kind}`);
      const userId = outcome.session.user.id;
      const languageOf = async (): Promise<string> => (await core.db.query('SELECT language FROM user_account WHERE id = $1', [userId]))[0].language;
      expect(await languageOf()).toBe('en');

      const self = anon().withActor({ userId, role: UserRole.PROVIDER });
      expect((await auth.setLanguage(self, UserLanguage.IT)).language).toBe(UserLanguage.IT);
      expect(await languageOf()).toBe('it');
      await auth.setLanguage(self, UserLanguage.IT);
      const audit = await core.db.query(`SELECT actor_user_id, before, after FROM audit_event WHERE entity_id = $1 AND action = 'user.language-changed'`, [userId]);
      expect(audit).toEqual([{ actor_user_id: userId, before: { language: 'en' }, after: { language: 'it' } }]);
      await refusedWith(auth.setLanguage(anon(), UserLanguage.EN), AuthErrorCode.NOT_AUTHENTICATED);
    });

    it('answers email-taken for an address already registered, whatever its case, and writes nothing', async () => {
      const { email, session } = await signUp();
      const outcome = await auth.register(anon(), { email: email.toUpperCase(), password: PASSWORD, role: UserRole.PROVIDER, privacyNoticeVersion: PRIVACY_NOTICE_VERSION });
      expect(outcome).toEqual({ kind: 'email-taken' });
      expect(await core.db.query('SELECT role FROM user_account WHERE email = $1', [email])).toEqual([{ role: 'SHOP' }]);
      expect(await familyOf(session.user.id)).toHaveLength(1);
      const audits = await core.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'user.%' AND after->>'email' = $1`, [email]);
      expect(audits[0].n).toBe(1);
    });

    it('lets anyone sign up as a shop or provider only, and an admin create staff accounts only, writing nothing otherwise', async () => {
      const selfMade = uniqueEmail();
      for (const role of [UserRole.MINISTRY, UserRole.ADMIN]) {
        await refusedWith(auth.register(anon(), { email: selfMade, password: PASSWORD, role, privacyNoticeVersion: PRIVACY_NOTICE_VERSION }), AuthErrorCode.FORBIDDEN_ROLE);
      }
      const admin = await seedUser(core.db, UserRole.ADMIN);
      const staffMade = uniqueEmail();
      for (const role of [UserRole.SHOP, UserRole.PROVIDER]) {
        await refusedWith(auth.createStaffUser(actingAs(admin), { email: staffMade, role }), AuthErrorCode.FORBIDDEN_ROLE);
      }
      expect(await core.db.query('SELECT id FROM user_account WHERE email IN ($1, $2)', [selfMade, staffMade])).toEqual([]);
    });

    it('lets only an admin create staff accounts, handing out a generated password once that signs in', async () => {
      const admin = await seedUser(core.db, UserRole.ADMIN);
      const ministry = await seedUser(core.db, UserRole.MINISTRY);
      await refusedWith(auth.createStaffUser(actingAs(ministry), { email: uniqueEmail(), role: UserRole.MINISTRY }), AuthErrorCode.FORBIDDEN_ROLE);

      const email = uniqueEmail();
      const outcome = await auth.createStaffUser(actingAs(admin), { email, role: UserRole.MINISTRY });
      if (outcome.kind !== 'created') throw new Error(outcome.kind);
      expect(outcome.generatedPassword).toEqual(expect.any(String));
      const user = await auth.validateCredentials(anon(), email, outcome.generatedPassword ?? '');
      expect(user).toMatchObject({ id: outcome.user.id, role: UserRole.MINISTRY });
      const audit = await core.db.query(`SELECT actor_user_id FROM audit_event WHERE entity_id = $1 AND action = 'user.created'`, [user.id]);
      expect(audit).toEqual([{ actor_user_id: admin.userId }]);
      expect(await auth.createStaffUser(actingAs(admin), { email, role: UserRole.ADMIN, password: PASSWORD })).toEqual({ kind: 'email-taken' });
    });
  });

  describe('sign-in', () => {
    it('returns the account for the right password, e-mail in any case, and refuses a wrong password or an unknown e-mail alike', async () => {
      const { email, session } = await signUp();
      expect((await auth.validateCredentials(anon(), ` ${email.toUpperCase()} `, PASSWORD)).id).toBe(session.user.id);
      await refusedWith(auth.validateCredentials(anon(), email, `${PASSWORD}!`), AuthErrorCode.INVALID_CREDENTIALS);
      await refusedWith(auth.validateCredentials(anon(), uniqueEmail(), PASSWORD), AuthErrorCode.INVALID_CREDENTIALS);
    });

    it('counts wrong passwords in a row: a success starts again, the fifth in a row locks the account even for the right password', async () => {
      const { email } = await signUp();
      const wrong = (): Promise<void> => refusedWith(auth.validateCredentials(anon(), email, 'password-sbagliata'), AuthErrorCode.INVALID_CREDENTIALS);
      for (let i = 0; i < 4; i++) await wrong();
      await expect(auth.validateCredentials(anon(), email, PASSWORD)).resolves.toMatchObject({ email });
      for (let i = 0; i < 4; i++) await wrong();
      await expect(auth.validateCredentials(anon(), email, PASSWORD)).resolves.toMatchObject({ email });

      for (let i = 0; i < 5; i++) await wrong();
      const locked = await auth.validateCredentials(anon(), email, PASSWORD).catch((error: unknown) => error);
      expect(locked).toBeInstanceOf(ThrottleException);
      expect(locked).toMatchObject({ reason: 'ACCOUNT_LOCKED' });
      expect((locked as ThrottleException).retryAfterSeconds).toBeGreaterThan(30);
      expect((locked as ThrottleException).retryAfterSeconds).toBeLessThanOrEqual(60);
    });

    it('doubles the lock with each further wrong password, up to the maximum, and lets the owner in once it ends', async () => {
      // The same service over a throttle with short locks (after 2 wrong passwords, 1 s, at most 2 s), so that they can run out.
      const config = core.app.get(ConfigService);
      const throttle = new ThrottleService(
        core.db,
        new ConfigService({ THROTTLE_LOGIN_PER_ADDRESS: 30, THROTTLE_REGISTER_PER_ADDRESS: 10, THROTTLE_REFRESH_PER_ADDRESS: 300, THROTTLE_ACCOUNT_MAIL_PER_ADDRESS: 10, THROTTLE_ACCOUNT_MAIL_PER_EMAIL: 3, THROTTLE_INVITATIONS_PER_ORGANISATION: 100, THROTTLE_DELEGATION_GRANTS_PER_SHOP: 10, LOGIN_LOCKOUT_AFTER: 2, LOGIN_LOCKOUT_ACCOUNT_AFTER: 50, LOGIN_LOCKOUT_SECONDS: 1, LOGIN_LOCKOUT_MAX_SECONDS: 2 }),
        core.app.get(TransactionalConnection),
      );
      const shortLocks = new AuthService(core.app.get(TransactionalConnection), core.app.get(AuditService), core.app.get(JwtService), config, throttle, core.app.get(AccountLinks));
      const { email } = await signUp();
      const wrong = (): Promise<void> => refusedWith(shortLocks.validateCredentials(anon(), email, 'password-sbagliata'), AuthErrorCode.INVALID_CREDENTIALS);
      const lockedFor = async (): Promise<number> => {
        const error = await shortLocks.validateCredentials(anon(), email, PASSWORD).catch((e: unknown) => e);
        expect(error).toMatchObject({ reason: 'ACCOUNT_LOCKED' });
        return (error as ThrottleException).retryAfterSeconds;
      };
      const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

      await wrong();
      await wrong();
      expect(await lockedFor()).toBe(1);
      await pause(1100);
      await wrong();
      expect(await lockedFor()).toBe(2);
      await pause(2100);
      await wrong();
      expect(await lockedFor()).toBe(2);
      await pause(2100);
      await expect(shortLocks.validateCredentials(anon(), email, PASSWORD)).resolves.toMatchObject({ email });
    });

    it('refuses a disabled account its right password, and ends its sessions', async () => {
      const { email, session } = await signUp();
      await core.db.query('UPDATE user_account SET disabled_at = now() WHERE id = $1', [session.user.id]);
      await refusedWith(auth.validateCredentials(anon(), email, PASSWORD), AuthErrorCode.ACCOUNT_DISABLED);
      expect(await auth.sessionActor(anon(), session.user.id, sessionIdOf(session))).toBeNull();
    });

    it('opens a new session of its own on each login, with tokens expiring as configured', async () => {
      const { email, session: first } = await signUp();
      const now = new Date();
      const user = await auth.validateCredentials(anon(now), email, PASSWORD);
      const second = await auth.login(anon(now), user);
      expect(sessionIdOf(second)).not.toBe(sessionIdOf(first));
      expect(second.refreshTokenExpiresAt.getTime()).toBe(now.getTime() + 30 * DAY_MS);
      expect(second.accessTokenExpiresAt.getTime()).toBe(now.getTime() + 900_000);
      expect((await tokenRow(second.refreshToken)).expires_at.getTime()).toBe(second.refreshTokenExpiresAt.getTime());
      expect(await familyOf(user.id)).toHaveLength(2);
    });
  });

  describe('refresh rotation', () => {
    it('spends a refresh token once and issues its successor in the same session', async () => {
      const { session } = await signUp();
      const at = new Date(Date.now() + 60_000);
      const next = await auth.refresh(anon(at), session.refreshToken);

      expect(next.refreshToken).not.toBe(session.refreshToken);
      expect(sessionIdOf(next)).toBe(sessionIdOf(session));
      expect((await tokenRow(session.refreshToken)).used_at?.getTime()).toBe(at.getTime());
      expect(await tokenRow(next.refreshToken)).toMatchObject({ family_id: sessionIdOf(session), used_at: null, revoked_at: null });
      expect(await auth.sessionActor(anon(at), session.user.id, sessionIdOf(session))).toEqual({ userId: session.user.id, role: UserRole.SHOP });
    });

    it('treats a rotated token presented again as leaked: the whole session is revoked, its other sessions are not', async () => {
      const { email, session } = await signUp();
      const other = await auth.login(anon(), await auth.validateCredentials(anon(), email, PASSWORD));
      const next = await auth.refresh(anon(), session.refreshToken);

      await refusedWith(auth.refresh(anon(), session.refreshToken), AuthErrorCode.REFRESH_TOKEN_REUSED);
      expect((await tokenRow(next.refreshToken)).revoked_at).not.toBeNull();
      await refusedWith(auth.refresh(anon(), next.refreshToken), AuthErrorCode.INVALID_REFRESH_TOKEN);
      expect(await auth.sessionActor(anon(), session.user.id, sessionIdOf(session))).toBeNull();

      expect((await tokenRow(other.refreshToken)).revoked_at).toBeNull();
      expect(await auth.sessionActor(anon(), session.user.id, sessionIdOf(other))).not.toBeNull();
    });

    it('lets one of two simultaneous refreshes with the same token win and then ends the session as a reuse', async () => {
      const { session } = await signUp();
      const results = await Promise.allSettled([auth.refresh(anon(), session.refreshToken), auth.refresh(anon(), session.refreshToken)]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(rejected.map((result) => (result.reason as AuthException).code)).toEqual([AuthErrorCode.REFRESH_TOKEN_REUSED]);
      const family = await familyOf(session.user.id);
      expect(family).toHaveLength(2);
      expect(family.every((token) => token.revoked_at !== null)).toBe(true);
    });

    it('refuses an expired token from its expiry on, without spending it', async () => {
      const { session } = await signUp();
      await refusedWith(auth.refresh(anon(session.refreshTokenExpiresAt), session.refreshToken), AuthErrorCode.INVALID_REFRESH_TOKEN);
      expect(await tokenRow(session.refreshToken)).toMatchObject({ used_at: null, revoked_at: null });
      expect(await auth.sessionActor(anon(session.refreshTokenExpiresAt), session.user.id, sessionIdOf(session))).toBeNull();
      const justBefore = new Date(session.refreshTokenExpiresAt.getTime() - 1000);
      await expect(auth.refresh(anon(justBefore), session.refreshToken)).resolves.toMatchObject({ user: { id: session.user.id } });
    });

    it('refuses a token whose secret does not match, or that is malformed, without touching the session', async () => {
      const { session } = await signUp();
      const [id] = session.refreshToken.split('.');
      await refusedWith(auth.refresh(anon(), `${id}.not-the-secret`), AuthErrorCode.INVALID_REFRESH_TOKEN);
      await refusedWith(auth.refresh(anon(), id), AuthErrorCode.INVALID_REFRESH_TOKEN);
      await refusedWith(auth.refresh(anon(), 'rubbish'), AuthErrorCode.INVALID_REFRESH_TOKEN);
      await refusedWith(auth.refresh(anon(), `${randomUUID()}.secret`), AuthErrorCode.INVALID_REFRESH_TOKEN);
      expect(await tokenRow(session.refreshToken)).toMatchObject({ used_at: null, revoked_at: null });
    });

    it('issues no successor to a disabled account', async () => {
      const { session } = await signUp();
      await core.db.query('UPDATE user_account SET disabled_at = now() WHERE id = $1', [session.user.id]);
      await refusedWith(auth.refresh(anon(), session.refreshToken), AuthErrorCode.ACCOUNT_DISABLED);
      expect(await familyOf(session.user.id)).toHaveLength(1);
    });
  });

  describe('logout and the actor of a session', () => {
    it('ends the session the token belongs to, whichever of its tokens is shown, and leaves the other sessions live', async () => {
      const { email, session } = await signUp();
      const other = await auth.login(anon(), await auth.validateCredentials(anon(), email, PASSWORD));
      const next = await auth.refresh(anon(), session.refreshToken);

      // The spent token still proves the session.
      await expect(auth.logout(anon(), session.refreshToken)).resolves.toBe(true);
      const family = (await familyOf(session.user.id)).filter((token) => token.family_id === sessionIdOf(session));
      expect(family.map((token) => token.revoked_at !== null)).toEqual([true, true]);
      expect(await auth.sessionActor(anon(), session.user.id, sessionIdOf(session))).toBeNull();
      await refusedWith(auth.refresh(anon(), next.refreshToken), AuthErrorCode.INVALID_REFRESH_TOKEN);
      expect(await auth.sessionActor(anon(), session.user.id, sessionIdOf(other))).not.toBeNull();
    });

    it('refuses a logout with a wrong secret and revokes nothing', async () => {
      const { session } = await signUp();
      const [id] = session.refreshToken.split('.');
      await refusedWith(auth.logout(anon(), `${id}.not-the-secret`), AuthErrorCode.INVALID_REFRESH_TOKEN);
      expect((await tokenRow(session.refreshToken)).revoked_at).toBeNull();
    });

    it('reads the role from the account, so a change of role applies to the next request; another user cannot borrow the session', async () => {
      const { session } = await signUp(UserRole.PROVIDER);
      const sid = sessionIdOf(session);
      expect(await auth.sessionActor(anon(), session.user.id, sid)).toEqual({ userId: session.user.id, role: UserRole.PROVIDER });
      await core.db.query(`UPDATE user_account SET role = 'MINISTRY' WHERE id = $1`, [session.user.id]);
      expect(await auth.sessionActor(anon(), session.user.id, sid)).toEqual({ userId: session.user.id, role: UserRole.MINISTRY });
      const stranger = await seedUser(core.db, UserRole.SHOP);
      expect(await auth.sessionActor(anon(), stranger.userId, sid)).toBeNull();
    });

    it('gives the current user to its actor and NOT_AUTHENTICATED without one', async () => {
      const { session } = await signUp();
      expect((await auth.currentUser(actingAs({ userId: session.user.id, role: UserRole.SHOP }))).id).toBe(session.user.id);
      await refusedWith(auth.currentUser(anon()), AuthErrorCode.NOT_AUTHENTICATED);
    });
  });
});
