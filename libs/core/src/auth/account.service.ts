import { Injectable } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { requireActor } from '../common/access';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { MailService } from '../mail/mail.service';
import { WEB_PAGES } from '../mail/mail-settings';
import { MailKind } from '../mail/mail.types';
import type { AccountLinkProblem } from '../messages';
import { AddressLimit, ThrottleService } from '../throttle/throttle.service';
import { AccountLinks } from './account-links';
import { AccountTokenPurpose } from './account-token-purpose';
import { hashPassword, verifyPassword } from './password-hasher';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserAccountEntity } from './user-account.entity';
import { isUniqueViolation } from '../common/unique-violation';
import { normaliseEmailAddress } from '../common/email-address';
import { requireGuessResistant } from './password-rule';

export type LinkOutcome = { kind: 'done'; user: UserAccountEntity } | { kind: 'link-not-valid'; problem: AccountLinkProblem };
export type ConfirmEmailChangeOutcome = LinkOutcome | { kind: 'email-taken' };
export type ResendVerificationOutcome = { kind: 'sent'; email: string; expiresAt: Date } | { kind: 'already-verified' };
export type ChangePasswordOutcome = { kind: 'changed'; user: UserAccountEntity } | { kind: 'wrong-password' };
export type RequestEmailChangeOutcome = { kind: 'requested'; newEmail: string; expiresAt: Date } | { kind: 'wrong-password' } | { kind: 'email-taken' } | { kind: 'same-email' };

/**
 * The answer to a password-reset request takes at least this long, whether or not an account has
 * the address, so that neither the words nor the time tell which addresses have accounts.
 */
export const RESET_REQUEST_FLOOR_MS = 300;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What an account's owner does to keep it theirs: verify the address, reset a forgotten password
 * through an e-mailed link, change the password or the address. Every change is audited and its
 * e-mails are recorded in the same transaction.
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly links: AccountLinks,
    private readonly mail: MailService,
    private readonly throttle: ThrottleService,
  ) {}

  /**
   * E-mails a reset link if an account has this address (and is enabled); answers the same, in at
   * least the same time, whether or not one does. Counted per client address and per e-mail.
   */
  async requestPasswordReset(ctx: RequestContext, email: string): Promise<void> {
    const started = Date.now();
    const address = normaliseEmailAddress(email);
    await this.throttle.consume(ctx, AddressLimit.ACCOUNT_MAIL);
    await this.throttle.consumeEmail(address);
    const user = await this.connection.repository(ctx, UserAccountEntity).findOneBy({ email: address });
    if (user && !user.disabledAt) {
      await this.connection.withTransaction(ctx.withActor({ userId: user.id, role: user.role }), (tx) =>
        this.links.send(tx, user, AccountTokenPurpose.RESET_PASSWORD, user.email),
      );
    }
    await pause(RESET_REQUEST_FLOOR_MS - (Date.now() - started));
  }

  /**
   * A new password takes back the account: the reset links still out and a change of address
   * asked for and not yet confirmed (whoever knew the old password may have asked it) stop working.
   */
  private async revokePendingLinks(tx: RequestContext, userId: string): Promise<void> {
    await this.links.revokeOthers(tx, userId, AccountTokenPurpose.RESET_PASSWORD);
    await this.links.revokeOthers(tx, userId, AccountTokenPurpose.CHANGE_EMAIL);
  }

  /** Sets a new password through a reset link, once: every session of the account ends, and the reset is audited. */
  async resetPassword(ctx: RequestContext, token: string, password: string): Promise<LinkOutcome> {
    const outcome = await this.connection.withTransaction(ctx, async (tx): Promise<LinkOutcome> => {
      const claimed = await this.links.claim(tx, token, AccountTokenPurpose.RESET_PASSWORD);
      if (!claimed.ok) return { kind: 'link-not-valid', problem: claimed.problem };
      const { user, link } = claimed;
      // Judged once the link is known good; refused, the link stays unused for another try.
      requireGuessResistant(password, 'input.password', [user.email]);
      const passwordHash = await hashPassword(password);
      const as = tx.withActor({ userId: user.id, role: user.role });
      // The link reached the address, which proves it as well as the sign-up link would.
      const verified = link.email === user.email && !user.emailVerifiedAt;
      await this.connection.repository(tx, UserAccountEntity).update({ id: user.id }, { passwordHash, passwordChangeRequired: false, ...(verified && { emailVerifiedAt: tx.now }) });
      await this.endSessions(tx, user.id);
      await this.revokePendingLinks(tx, user.id);
      await this.tellPasswordChanged(tx, user, 'reset', `password-reset-done:${link.id}`);
      await this.audit.record(as, { action: 'user.password_reset', entityType: 'user', entityId: user.id, after: { sessionsEnded: true } });
      return { kind: 'done', user: await this.reload(tx, user.id) };
    });
    // Whoever reset the password may sign in at once, however many wrong passwords (anyone's) came before.
    if (outcome.kind === 'done') await this.throttle.passwordReset(outcome.user.email);
    return outcome;
  }

  /** A new verification link for the signed-in account, unless its address is already verified. */
  async resendVerification(ctx: RequestContext): Promise<ResendVerificationOutcome> {
    const user = await this.current(ctx);
    if (user.emailVerifiedAt) return { kind: 'already-verified' };
    await this.throttle.consume(ctx, AddressLimit.ACCOUNT_MAIL);
    await this.throttle.consumeEmail(user.email);
    const { expiresAt } = await this.connection.withTransaction(ctx, (tx) => this.links.send(tx, user, AccountTokenPurpose.VERIFY_EMAIL, user.email));
    return { kind: 'sent', email: user.email, expiresAt };
  }

  /** The link from the sign-up e-mail: the account's address is verified (a link for an address it no longer has does nothing). */
  verifyEmail(ctx: RequestContext, token: string): Promise<LinkOutcome> {
    return this.connection.withTransaction(ctx, async (tx): Promise<LinkOutcome> => {
      const claimed = await this.links.claim(tx, token, AccountTokenPurpose.VERIFY_EMAIL);
      if (!claimed.ok) return { kind: 'link-not-valid', problem: claimed.problem };
      const { user, link } = claimed;
      if (link.email !== user.email) return { kind: 'link-not-valid', problem: 'USED' };
      if (!user.emailVerifiedAt) {
        await this.connection.repository(tx, UserAccountEntity).update({ id: user.id }, { emailVerifiedAt: tx.now });
        await this.audit.record(tx.withActor({ userId: user.id, role: user.role }), { action: 'user.email_verified', entityType: 'user', entityId: user.id, after: { email: user.email } });
      }
      return { kind: 'done', user: await this.reload(tx, user.id) };
    });
  }

  /** A new password for the signed-in account, given its current one: its other sessions end, this one stays, and pending links stop (see revokePendingLinks). */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<ChangePasswordOutcome> {
    const user = await this.current(ctx);
    if (!(await this.passwordMatches(ctx, user, currentPassword))) return { kind: 'wrong-password' };
    requireGuessResistant(newPassword, 'input.newPassword', [user.email]);
    const passwordHash = await hashPassword(newPassword);
    return this.connection.withTransaction(ctx, async (tx): Promise<ChangePasswordOutcome> => {
      await this.connection.repository(tx, UserAccountEntity).update({ id: user.id }, { passwordHash, passwordChangeRequired: false });
      await this.endSessions(tx, user.id, ctx.actor?.sessionId);
      await this.revokePendingLinks(tx, user.id);
      await this.tellPasswordChanged(tx, user, 'changed', `password-changed:${user.id}:${tx.requestId}`);
      await this.audit.record(tx, { action: 'user.password_changed', entityType: 'user', entityId: user.id, after: { otherSessionsEnded: true } });
      return { kind: 'changed', user: await this.reload(tx, user.id) };
    });
  }

  /**
   * Asks to move the signed-in account to a new address, given its current password: a link goes
   * to the new address, and nothing changes until it is opened.
   */
  async requestEmailChange(ctx: RequestContext, currentPassword: string, newEmail: string): Promise<RequestEmailChangeOutcome> {
    const user = await this.current(ctx);
    const address = normaliseEmailAddress(newEmail);
    if (address === user.email) return { kind: 'same-email' };
    if (!(await this.passwordMatches(ctx, user, currentPassword))) return { kind: 'wrong-password' };
    // Counted before the address is looked up: "already taken" tells whether someone has an account, so asking is throttled like the e-mail it would send.
    await this.throttle.consume(ctx, AddressLimit.ACCOUNT_MAIL);
    await this.throttle.consumeEmail(address);
    if (await this.connection.repository(ctx, UserAccountEntity).existsBy({ email: address })) return { kind: 'email-taken' };
    return this.connection.withTransaction(ctx, async (tx) => {
      const { expiresAt } = await this.links.send(tx, user, AccountTokenPurpose.CHANGE_EMAIL, address);
      await this.audit.record(tx, { action: 'user.email_change_requested', entityType: 'user', entityId: user.id, before: { email: user.email }, after: { email: address } });
      return { kind: 'requested', newEmail: address, expiresAt };
    });
  }

  /** The link sent to the new address: the account takes it (verified), and the old address is told. */
  async confirmEmailChange(ctx: RequestContext, token: string): Promise<ConfirmEmailChangeOutcome> {
    try {
      return await this.connection.withTransaction(ctx, async (tx): Promise<ConfirmEmailChangeOutcome> => {
        const claimed = await this.links.claim(tx, token, AccountTokenPurpose.CHANGE_EMAIL);
        if (!claimed.ok) return { kind: 'link-not-valid', problem: claimed.problem };
        const { user, link } = claimed;
        const as = tx.withActor({ userId: user.id, role: user.role });
        await this.connection.repository(tx, UserAccountEntity).update({ id: user.id }, { email: link.email, emailVerifiedAt: tx.now });
        await this.links.revokeOthers(tx, user.id, AccountTokenPurpose.CHANGE_EMAIL);
        // A link sent to the old address no longer proves anything.
        await this.links.revokeOthers(tx, user.id, AccountTokenPurpose.VERIFY_EMAIL);
        await this.links.revokeOthers(tx, user.id, AccountTokenPurpose.RESET_PASSWORD);
        await this.mail.enqueue(tx, [
          {
            idempotencyKey: `email-changed:${link.id}`,
            kind: MailKind.EMAIL_CHANGED_NOTICE,
            userId: user.id,
            recipient: user.email,
            values: { oldEmail: user.email, newEmail: link.email, contactsUrl: this.mail.link(WEB_PAGES.contacts) },
          },
        ]);
        await this.audit.record(as, { action: 'user.email_changed', entityType: 'user', entityId: user.id, before: { email: user.email }, after: { email: link.email } });
        return { kind: 'done', user: await this.reload(tx, user.id) };
      });
    } catch (error) {
      // Another account took the address after the link was sent.
      if (isUniqueViolation(error)) return { kind: 'email-taken' };
      throw error;
    }
  }

  /** The address of the caller's account when it is not verified yet (what applying and publishing wait for), else null. */
  async unverifiedEmail(ctx: RequestContext): Promise<string | null> {
    const actor = requireActor(ctx);
    const user = await this.connection.repository(ctx, UserAccountEntity).findOneByOrFail({ id: actor.userId });
    return user.emailVerifiedAt ? null : user.email;
  }

  private async current(ctx: RequestContext): Promise<UserAccountEntity> {
    const actor = requireActor(ctx);
    return this.connection.repository(ctx, UserAccountEntity).findOneByOrFail({ id: actor.userId });
  }

  private reload(tx: RequestContext, id: string): Promise<UserAccountEntity> {
    return this.connection.repository(tx, UserAccountEntity).findOneByOrFail({ id });
  }

  /** The current password, checked as a sign-in is: a wrong one counts towards the account's lock. */
  private async passwordMatches(ctx: RequestContext, user: UserAccountEntity, password: string): Promise<boolean> {
    await this.throttle.passwordAttempt(ctx, user.email, { signedIn: true });
    if (!(await verifyPassword(user.passwordHash, password))) return false;
    await this.throttle.passwordRight(ctx, user.email);
    return true;
  }

  /** The e-mail that tells the account its password changed, with what to do if the change was not its own. */
  private async tellPasswordChanged(tx: RequestContext, user: UserAccountEntity, how: 'changed' | 'reset', idempotencyKey: string): Promise<void> {
    await this.mail.enqueue(tx, [
      {
        idempotencyKey,
        kind: MailKind.PASSWORD_CHANGED_NOTICE,
        userId: user.id,
        values: { email: user.email, how, resetUrl: this.mail.link(WEB_PAGES.forgotPassword), contactsUrl: this.mail.link(WEB_PAGES.contacts) },
      },
    ]);
  }

  /** Revokes every session of the account (their access tokens stop at the next request), but `keep`. */
  private async endSessions(tx: RequestContext, userId: string, keep?: string): Promise<void> {
    await this.connection
      .repository(tx, RefreshTokenEntity)
      .update({ userId, revokedAt: IsNull(), ...(keep && { familyId: Not(keep) }) }, { revokedAt: tx.now });
  }
}
