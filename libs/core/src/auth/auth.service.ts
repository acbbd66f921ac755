import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { AuthErrorCode, AuthException } from './auth.exception';
import { requireActor } from '../common/access';
import { decoyHash, generatePassword, hashPassword, verifyPassword } from './password-hasher';
import { PrivacyNoticeAcceptanceEntity } from './privacy-notice-acceptance.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserAccountEntity } from './user-account.entity';
import { DEFAULT_LANGUAGE, UserLanguage } from './user-language';
import { isSelfRegistrationRole, isStaffRole, UserRole } from './user-role';
import { AddressLimit, ThrottleService } from '../throttle/throttle.service';
import { DAY_MS } from '../common/time';
import { AccountLinks } from './account-links';
import { AccountTokenPurpose } from './account-token-purpose';
import { isUniqueViolation } from '../common/unique-violation';
import { isUuid } from '../common/uuid';
import { normaliseEmailAddress } from '../common/email-address';
import { requireGuessResistant } from './password-rule';

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: UserAccountEntity;
}

export interface NewAccount {
  email: string;
  password: string;
  role: UserRole;
  /** Italian when not given. */
  language?: UserLanguage;
  /** The password is someone else's choice: the owner must change it before anything else. */
  passwordChangeRequired?: boolean;
}

/** Someone signing up: the account, and the version of the privacy notice they accepted. */
export interface NewRegistration extends NewAccount {
  privacyNoticeVersion: string;
}

export type RegisterOutcome = { kind: 'session'; session: Session } | { kind: 'email-taken' };

export type CreateStaffUserOutcome = { kind: 'created'; user: UserAccountEntity; generatedPassword: string | null } | { kind: 'email-taken' };

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Accounts, passwords and sessions (JWT access tokens, rotating refresh tokens). */
@Injectable()
export class AuthService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly jwt: JwtService,
    private readonly config: ConfigService,
    private readonly throttle: ThrottleService,
    private readonly links: AccountLinks,
  ) {}

  /**
   * Self-registration of a shop or provider account, signed in at once; its address is verified
   * through the link e-mailed in the same transaction.
   */
  async register(ctx: RequestContext, account: NewRegistration): Promise<RegisterOutcome> {
    // The input checks this too; the rule is the service's, whoever calls it.
    if (!isSelfRegistrationRole(account.role)) throw new AuthException(AuthErrorCode.FORBIDDEN_ROLE);
    await this.throttle.consume(ctx, AddressLimit.REGISTER);
    try {
      return await this.connection.withTransaction(ctx, async (tx) => {
        const user = await this.openAccount(tx, account, { emailVerified: false });
        return { kind: 'session', session: await this.startSession(tx, user) };
      });
    } catch (error) {
      if (isUniqueViolation(error)) return { kind: 'email-taken' };
      throw error;
    }
  }

  /**
   * A person opens an account, in the caller's transaction: signing up, or claiming a shop from a
   * link. The version of the privacy notice they accepted is recorded with it, and when what they
   * came with does not already prove the address, a link to verify it is e-mailed.
   */
  async openAccount(tx: RequestContext, account: NewRegistration, proof: { emailVerified: boolean; via?: string }): Promise<UserAccountEntity> {
    requireGuessResistant(account.password, 'input.password', [account.email]);
    const user = await this.createAccount(tx, account, 'user.registered', proof.emailVerified, proof.via);
    if (!proof.emailVerified) await this.links.send(tx, user, AccountTokenPurpose.VERIFY_EMAIL, user.email);
    // What the person accepted and when, with the account (GDPR Art. 5(2) and 13).
    await this.connection.repository(tx, PrivacyNoticeAcceptanceEntity).insert({ userId: user.id, noticeVersion: account.privacyNoticeVersion, acceptedAt: tx.now });
    return user;
  }

  /**
   * An administrator creates a ministry or admin account; without a password one is generated.
   * Either way the administrator knows it, so its owner must choose a new one at the first sign-in.
   */
  async createStaffUser(ctx: RequestContext, input: { email: string; role: UserRole; password?: string }): Promise<CreateStaffUserOutcome> {
    requireActor(ctx, UserRole.ADMIN);
    if (!isStaffRole(input.role)) throw new AuthException(AuthErrorCode.FORBIDDEN_ROLE);
    if (input.password !== undefined) requireGuessResistant(input.password, 'input.password', [input.email]);
    const generatedPassword = input.password === undefined ? generatePassword() : null;
    try {
      const user = await this.createUser(ctx, { email: input.email, role: input.role, password: input.password ?? generatedPassword ?? '', passwordChangeRequired: true });
      return { kind: 'created', user, generatedPassword };
    } catch (error) {
      if (isUniqueViolation(error)) return { kind: 'email-taken' };
      throw error;
    }
  }

  /**
   * Ministry and admin accounts: created by an admin or the command line, never self-registered.
   * Whoever creates an account this way vouches for its address: it is verified.
   */
  async createUser(ctx: RequestContext, account: NewAccount): Promise<UserAccountEntity> {
    return this.connection.withTransaction(ctx, (tx) => this.createAccount(tx, account, 'user.created'));
  }

  /**
   * For the login strategy: the account, if the password is right and the account enabled. Attempts
   * are counted per address (a successful one gives its point back), and wrong passwords per account (existing or not, so that the answer
   * never tells which e-mails have accounts): a locked account refuses even the right password.
   */
  async validateCredentials(ctx: RequestContext, email: string, password: string): Promise<UserAccountEntity> {
    const account = normaliseEmailAddress(email);
    await this.throttle.consume(ctx, AddressLimit.LOGIN);
    await this.throttle.passwordAttempt(ctx, account);
    const user = await this.connection.repository(ctx, UserAccountEntity).findOneBy({ email: account });
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !valid) throw new AuthException(AuthErrorCode.INVALID_CREDENTIALS);
    await this.throttle.passwordRight(ctx, account);
    await this.throttle.refund(ctx, AddressLimit.LOGIN);
    if (user.disabledAt) throw new AuthException(AuthErrorCode.ACCOUNT_DISABLED);
    return user;
  }

  login(ctx: RequestContext, user: UserAccountEntity): Promise<Session> {
    return this.connection.withTransaction(ctx.withActor({ userId: user.id, role: user.role }), (tx) => this.startSession(tx, user));
  }

  /**
   * Uses a refresh token once and issues the next of its family. A token presented twice means
   * it leaked: the whole family is revoked and the caller must log in again.
   */
  async refresh(ctx: RequestContext, token: string): Promise<Session> {
    await this.throttle.consume(ctx, AddressLimit.REFRESH);
    const [id, secret] = token.split('.');
    const tokens = this.connection.repository(ctx, RefreshTokenEntity);
    const row = isUuid(id) ? await tokens.findOneBy({ id }) : null;
    if (!row || !secret || !this.secretMatches(row, secret) || row.expiresAt <= ctx.now || row.revokedAt) {
      throw new AuthException(AuthErrorCode.INVALID_REFRESH_TOKEN);
    }
    // One transaction: the token is spent only if its successor is issued. The claim is a
    // conditional update, so of two concurrent refreshes with the same token only one wins.
    const outcome = await this.connection.withTransaction(ctx, async (tx): Promise<Session | AuthErrorCode> => {
      const family = this.connection.repository(tx, RefreshTokenEntity);
      const claimed = await family.update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: tx.now });
      if (!claimed.affected) {
        await family.update({ familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: tx.now });
        return AuthErrorCode.REFRESH_TOKEN_REUSED;
      }
      const user = await this.connection.repository(tx, UserAccountEntity).findOneByOrFail({ id: row.userId });
      if (user.disabledAt) return AuthErrorCode.ACCOUNT_DISABLED;
      return this.issue(tx, user, row.familyId);
    });
    if (typeof outcome === 'string') throw new AuthException(outcome);
    return outcome;
  }

  /** Ends the session the refresh token belongs to (its whole family): holding the token proves the session. */
  async logout(ctx: RequestContext, token: string): Promise<boolean> {
    const [id, secret] = token.split('.');
    const tokens = this.connection.repository(ctx, RefreshTokenEntity);
    const row = isUuid(id) ? await tokens.findOneBy({ id }) : null;
    if (!row || !secret || !this.secretMatches(row, secret)) {
      throw new AuthException(AuthErrorCode.INVALID_REFRESH_TOKEN);
    }
    await tokens.update({ familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: ctx.now });
    return true;
  }

  /**
   * Ends the session an access token belongs to, for a client that kept no refresh token: a token
   * this platform signed and not expired proves it. False when it proves nothing.
   */
  async logoutWithAccessToken(ctx: RequestContext, accessToken: string): Promise<boolean> {
    const claims = await this.jwt.verifyAsync<{ sub?: unknown; sid?: unknown; exp?: unknown }>(accessToken, { algorithms: ['HS256'] }).catch(() => null);
    // As the bearer strategy reads one: only tokens this platform issued, which always expire.
    if (typeof claims?.exp !== 'number' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || !isUuid(claims.sub) || !isUuid(claims.sid)) return false;
    const tokens = this.connection.repository(ctx, RefreshTokenEntity);
    await tokens.update({ familyId: claims.sid, userId: claims.sub, revokedAt: IsNull() }, { revokedAt: ctx.now });
    return true;
  }

  /**
   * The actor of an access token, if its session is still live: not logged out, not ended by a
   * reused refresh token, not expired, its account enabled. The role is read from the account, so
   * a change of role applies to the next request.
   */
  async sessionActor(ctx: RequestContext, userId: string, sessionId: string): Promise<Actor | null> {
    const rows: { role: UserRole; password_change_required: boolean }[] = await this.connection.manager(ctx).query(
      `SELECT u.role, u.password_change_required FROM refresh_token t JOIN user_account u ON u.id = t.user_id
        WHERE t.family_id = $1 AND t.user_id = $2 AND t.used_at IS NULL AND t.revoked_at IS NULL
          AND t.expires_at > $3 AND u.disabled_at IS NULL
        LIMIT 1`,
      [sessionId, userId, ctx.now],
    );
    if (!rows[0]) return null;
    return { userId, role: rows[0].role, ...(rows[0].password_change_required ? { passwordChangeRequired: true } : {}) };
  }

  /** Who an account acts as (its id and role), e.g. for work it started that runs later; null if it is gone. */
  async actorOf(ctx: RequestContext, userId: string): Promise<Actor | null> {
    const user = await this.connection.repository(ctx, UserAccountEntity).findOneBy({ id: userId });
    return user ? { userId: user.id, role: user.role } : null;
  }

  /**
   * Whether the signed-in account's password is this one: the confirmation a grave step asks for.
   * Wrong passwords count towards the account's lock, as at sign-in.
   */
  async confirmPassword(ctx: RequestContext, password: string): Promise<boolean> {
    const user = await this.currentUser(ctx);
    await this.throttle.passwordAttempt(ctx, user.email, { signedIn: true });
    const valid = await verifyPassword(user.passwordHash, password);
    if (valid) await this.throttle.passwordRight(ctx, user.email);
    return valid;
  }

  async currentUser(ctx: RequestContext): Promise<UserAccountEntity> {
    if (!ctx.actor) throw new AuthException(AuthErrorCode.NOT_AUTHENTICATED);
    return this.connection.repository(ctx, UserAccountEntity).findOneByOrFail({ id: ctx.actor.userId });
  }

  /**
   * A link sent to the account's address was opened by the account itself (a paper shop's claim
   * link): that proves the address as the sign-up link would, so an unconfirmed one is confirmed.
   */
  async addressProven(tx: RequestContext, userId: string, email: string, via: string): Promise<void> {
    // Only while the account still has that address: one changed meanwhile is not the one the link reached.
    const result = await this.connection
      .repository(tx, UserAccountEntity)
      .update({ id: userId, email: normaliseEmailAddress(email), emailVerifiedAt: IsNull() }, { emailVerifiedAt: tx.now });
    if (!result.affected) return;
    await this.audit.record(tx, { action: 'user.email_verified', entityType: 'user', entityId: userId, after: { email: normaliseEmailAddress(email), via } });
  }

  /** The signed-in person chooses the language the platform writes to them in. */
  async setLanguage(ctx: RequestContext, language: UserLanguage): Promise<UserAccountEntity> {
    if (!ctx.actor) throw new AuthException(AuthErrorCode.NOT_AUTHENTICATED);
    const userId = ctx.actor.userId;
    return this.connection.withTransaction(ctx, async (tx) => {
      const users = this.connection.repository(tx, UserAccountEntity);
      const user = await users.createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id: userId }).getOneOrFail();
      if (user.language === language) return user;
      await users.update(user.id, { language });
      await this.audit.record(tx, { action: 'user.language-changed', entityType: 'user', entityId: user.id, before: { language: user.language }, after: { language } });
      return { ...user, language };
    });
  }

  /** `via`: the identity provider a person signed in with when that opened the account (audited). */
  private async createAccount(tx: RequestContext, account: NewAccount, action: string, emailVerified = action !== 'user.registered', via?: string): Promise<UserAccountEntity> {
    const users = this.connection.repository(tx, UserAccountEntity);
    const user = await users.save(
      users.create({
        email: normaliseEmailAddress(account.email),
        passwordHash: await hashPassword(account.password),
        role: account.role,
        language: account.language ?? DEFAULT_LANGUAGE,
        disabledAt: null,
        emailVerifiedAt: emailVerified ? tx.now : null,
        passwordChangeRequired: account.passwordChangeRequired ?? false,
      }),
    );
    // Someone signing up acts as the account being created; otherwise the caller (admin, CLI) acts.
    const actor = tx.actor ?? (action === 'user.registered' ? { userId: user.id, role: user.role } : undefined);
    await this.audit.record(tx.withActor(actor), { action, entityType: 'user', entityId: user.id, after: { email: user.email, role: user.role, language: user.language, ...(via ? { via } : {}) } });
    return user;
  }

  private startSession(tx: RequestContext, user: UserAccountEntity): Promise<Session> {
    return this.issue(tx, user, randomUUID());
  }

  private async issue(ctx: RequestContext, user: UserAccountEntity, familyId: string): Promise<Session> {
    const secret = randomBytes(32).toString('base64url');
    const ttlDays = this.config.getOrThrow<number>('REFRESH_TOKEN_TTL_DAYS');
    const refreshTokenExpiresAt = new Date(ctx.now.getTime() + ttlDays * DAY_MS);
    const row = await this.connection.repository(ctx, RefreshTokenEntity).save({
      userId: user.id,
      familyId,
      secretHash: sha256(secret),
      expiresAt: refreshTokenExpiresAt,
      usedAt: null,
      revokedAt: null,
    });
    const ttlSeconds = this.config.getOrThrow<number>('ACCESS_TOKEN_TTL_SECONDS');
    // `sid` names the session (the token family): logging out or a reused token ends its access tokens too.
    const accessToken = await this.jwt.signAsync({ sub: user.id, sid: familyId }, { expiresIn: ttlSeconds });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(ctx.now.getTime() + ttlSeconds * 1000),
      refreshToken: `${row.id}.${secret}`,
      refreshTokenExpiresAt,
      user,
    };
  }

  private secretMatches(row: RefreshTokenEntity, secret: string): boolean {
    const expected = Buffer.from(row.secretHash, 'hex');
    const actual = Buffer.from(sha256(secret), 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
