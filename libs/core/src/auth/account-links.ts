import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { IsNull } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { HOUR_MS } from '../common/time';
import { MailService } from '../mail/mail.service';
import { MailKind } from '../mail/mail.types';
import type { AccountLinkProblem } from '../messages';
import { AccountTokenEntity } from './account-token.entity';
import { AccountTokenPurpose } from './account-token-purpose';
import { UserAccountEntity } from './user-account.entity';


/** The page of the web app each link opens; the token travels in the fragment, which no server or log sees. */
const PAGES: Record<AccountTokenPurpose, string> = {
  [AccountTokenPurpose.VERIFY_EMAIL]: '/verifica-email',
  [AccountTokenPurpose.RESET_PASSWORD]: '/reimposta-password',
  [AccountTokenPurpose.CHANGE_EMAIL]: '/conferma-email',
};

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type ClaimedLink = { ok: true; link: AccountTokenEntity; user: UserAccountEntity } | { ok: false; problem: AccountLinkProblem };

/**
 * The links e-mailed to an account's owner (`account_token`): each made with its e-mail in the
 * caller's transaction, used at most once before it expires, and only its hash kept. A new link
 * revokes the older ones of the same purpose, so only the latest e-mail works.
 */
@Injectable()
export class AccountLinks {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly mail: MailService,
    private readonly config: ConfigService,
  ) {}

  /** How long a link of this purpose works. */
  lifetimeMs(purpose: AccountTokenPurpose): number {
    return purpose === AccountTokenPurpose.RESET_PASSWORD
      ? this.config.getOrThrow<number>('PASSWORD_RESET_TTL_MINUTES') * 60_000
      : this.config.getOrThrow<number>('EMAIL_LINK_TTL_HOURS') * HOUR_MS;
  }

  /** Makes a link for `email` (the account's address, or the new one to confirm) and records its e-mail, in `tx`. */
  async send(tx: RequestContext, user: UserAccountEntity, purpose: AccountTokenPurpose, email: string): Promise<{ expiresAt: Date }> {
    const tokens = this.connection.repository(tx, AccountTokenEntity);
    await this.revokeOthers(tx, user.id, purpose);
    const secret = randomBytes(32).toString('base64url');
    const lifetime = this.lifetimeMs(purpose);
    const expiresAt = new Date(tx.now.getTime() + lifetime);
    const row = await tokens.save(tokens.create({ userId: user.id, purpose, email, secretHash: sha256(secret).toString('hex'), expiresAt, usedAt: null, revokedAt: null }));
    const link = `${this.mail.link(PAGES[purpose])}#${row.id}.${secret}`;
    const base = { idempotencyKey: `account-link:${row.id}`, userId: user.id, recipient: email };
    const hours = Math.round(lifetime / HOUR_MS);
    switch (purpose) {
      case AccountTokenPurpose.VERIFY_EMAIL:
        await this.mail.enqueue(tx, [{ ...base, kind: MailKind.EMAIL_VERIFICATION, values: { email, link, hours } }]);
        break;
      case AccountTokenPurpose.RESET_PASSWORD:
        await this.mail.enqueue(tx, [{ ...base, kind: MailKind.PASSWORD_RESET, values: { link, minutes: Math.round(lifetime / 60_000) } }]);
        break;
      case AccountTokenPurpose.CHANGE_EMAIL:
        await this.mail.enqueue(tx, [{ ...base, kind: MailKind.EMAIL_CHANGE_CONFIRM, values: { email, link, hours } }]);
        break;
    }
    return { expiresAt };
  }

  /**
   * Uses a link once, in `tx`, and returns it with its account (locked), or why it does not work.
   * The use is a conditional update, so of two simultaneous uses only one succeeds.
   */
  async claim(tx: RequestContext, token: string, purpose: AccountTokenPurpose): Promise<ClaimedLink> {
    const [id, secret] = token.trim().split('.');
    if (!id || !secret || !UUID.test(id)) return { ok: false, problem: 'INVALID' };
    const tokens = this.connection.repository(tx, AccountTokenEntity);
    const row = await tokens.findOneBy({ id, purpose });
    if (!row || !this.secretMatches(row, secret)) return { ok: false, problem: 'INVALID' };
    if (row.usedAt || row.revokedAt) return { ok: false, problem: 'USED' };
    if (row.expiresAt <= tx.now) return { ok: false, problem: 'EXPIRED' };
    const claimed = await tokens.update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: tx.now });
    if (!claimed.affected) return { ok: false, problem: 'USED' };
    const user = await this.connection.repository(tx, UserAccountEntity).findOne({ where: { id: row.userId }, lock: { mode: 'pessimistic_write' } });
    if (!user || user.disabledAt) return { ok: false, problem: 'INVALID' };
    return { ok: true, link: row, user };
  }

  /** Revokes the account's unused links of a purpose. */
  async revokeOthers(tx: RequestContext, userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await this.connection.repository(tx, AccountTokenEntity).update({ userId, purpose, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: tx.now });
  }

  private secretMatches(row: AccountTokenEntity, secret: string): boolean {
    const expected = Buffer.from(row.secretHash, 'hex');
    const actual = sha256(secret);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
