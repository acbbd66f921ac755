import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import type { RequestContext } from '../../common/request-context';
import { TransactionalConnection } from '../../common/transactional-connection';
import { AuthService, type Session } from '../auth.service';
import { generatePassword } from '../password-hasher';
import { UserAccountEntity } from '../user-account.entity';
import { UserRole } from '../user-role';
import type { VerifiedIdentity } from './identity-claims';
import { IdentityLinkEntity } from './identity-link.entity';
import { OidcErrorCode } from './oidc.exception';
import { isUniqueViolation } from '../../common/unique-violation';

/** How the account was found: by this very identity, through another provider's link with the same fiscal code, by verified e-mail, or new. */
export type AccountMatch = 'identity' | 'fiscal-code' | 'email' | 'created';

export type OidcSignInOutcome =
  | { kind: 'signed-in'; session: Session; match: AccountMatch }
  | { kind: 'refused'; code: Refusal | OidcErrorCode.ACCOUNT_DISABLED };

type Refusal = OidcErrorCode.MISSING_EMAIL | OidcErrorCode.EMAIL_NOT_VERIFIED | OidcErrorCode.STAFF_NEEDS_PUBLIC_IDENTITY | OidcErrorCode.PRIVACY_NOTICE_NEEDED;
type Found = { user: UserAccountEntity; link: IdentityLinkEntity | null; match: AccountMatch } | { refused: Refusal };

/** The provider a person signed in with: its id, and whether it is SPID or CIE (which vouch for the fiscal code). */
export interface SignInProvider {
  id: string;
  publicIdentity: boolean;
}

const STAFF_ROLES: readonly UserRole[] = [UserRole.MINISTRY, UserRole.ADMIN];

/**
 * Sign-in with an identity an identity provider vouched for: finds the account (by the identity's
 * link, by the fiscal code another provider already linked, or by an e-mail the provider says is
 * verified), links the identity to it, or creates a shop-owner account (the one role a citizen
 * can take by signing in: providers' and staff accounts are never created this way). Then it opens
 * the platform's own session, the same as a password sign-in. All in one transaction, audited.
 */
@Injectable()
export class OidcSignInService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /**
   * `noticeVersion`: the privacy notice in force that the page showed beside the button the person
   * pressed (null when none was): an account is opened only with one, and records it as accepted.
   */
  async signIn(ctx: RequestContext, provider: SignInProvider, identity: VerifiedIdentity, shown: { noticeVersion: string | null }): Promise<OidcSignInOutcome> {
    try {
      return await this.attempt(ctx, provider, identity, shown.noticeVersion);
    } catch (error) {
      // The same person's first sign-in twice at once (two tabs): the other one linked or created first, so this one now finds it.
      if (isUniqueViolation(error)) return this.attempt(ctx, provider, identity, shown.noticeVersion);
      throw error;
    }
  }

  private attempt(ctx: RequestContext, provider: SignInProvider, identity: VerifiedIdentity, noticeVersion: string | null): Promise<OidcSignInOutcome> {
    const providerId = provider.id;
    return this.connection.withTransaction(ctx, async (tx) => {
      const found = await this.find(tx, provider, identity, noticeVersion);
      if ('refused' in found) return { kind: 'refused', code: found.refused };
      const { user, match } = found;
      if (user.disabledAt) return { kind: 'refused', code: OidcErrorCode.ACCOUNT_DISABLED };
      const asUser = tx.withActor({ userId: user.id, role: user.role });
      // The provider vouched for the address it matched by: the account need not confirm it again.
      if (match === 'email' && !user.emailVerifiedAt) await this.connection.repository(tx, UserAccountEntity).update({ id: user.id }, { emailVerifiedAt: tx.now });
      const links = this.connection.repository(tx, IdentityLinkEntity);
      if (found.link) {
        await links.update({ id: found.link.id }, { lastSignInAt: tx.now, fiscalCode: found.link.fiscalCode ?? identity.fiscalCode });
      } else {
        const link = await links.save(links.create({ userId: user.id, providerId, subject: identity.subject, fiscalCode: identity.fiscalCode, lastSignInAt: tx.now }));
        await this.audit.record(asUser, {
          action: 'user.identity-linked',
          entityType: 'user',
          entityId: user.id,
          after: { linkId: link.id, providerId, by: match },
        });
      }
      await this.audit.record(asUser, { action: 'user.signed-in-with-identity', entityType: 'user', entityId: user.id, after: { providerId, by: match } });
      return { kind: 'signed-in', session: await this.auth.login(asUser, user), match };
    });
  }

  private async find(tx: RequestContext, { id: providerId, publicIdentity }: SignInProvider, identity: VerifiedIdentity, noticeVersion: string | null): Promise<Found> {
    const links = this.connection.repository(tx, IdentityLinkEntity);
    const users = this.connection.repository(tx, UserAccountEntity);
    const own = await links.findOneBy({ providerId, subject: identity.subject });
    if (own) return { user: await users.findOneByOrFail({ id: own.userId }), link: own, match: 'identity' };
    if (identity.fiscalCode && publicIdentity) {
      // The oldest link wins should a fiscal code ever have reached two accounts.
      const other = await links.findOne({ where: { fiscalCode: identity.fiscalCode }, order: { createdAt: 'ASC' } });
      if (other) return { user: await users.findOneByOrFail({ id: other.userId }), link: null, match: 'fiscal-code' };
    }
    if (!identity.email) return { refused: OidcErrorCode.MISSING_EMAIL };
    const byEmail = await users.findOneBy({ email: identity.email });
    if (byEmail && !identity.emailVerified) return { refused: OidcErrorCode.EMAIL_NOT_VERIFIED };
    // Another provider's word on an address does not open a staff account: SPID, CIE or the password do.
    if (byEmail && !publicIdentity && STAFF_ROLES.includes(byEmail.role)) return { refused: OidcErrorCode.STAFF_NEEDS_PUBLIC_IDENTITY };
    if (byEmail) return { user: byEmail, link: null, match: 'email' };
    if (!noticeVersion) return { refused: OidcErrorCode.PRIVACY_NOTICE_NEEDED };
    return { user: await this.createShopOwner(tx, providerId, identity.email, identity.emailVerified, noticeVersion), link: null, match: 'created' };
  }

  /**
   * Opened the way signing up opens one (AuthService.openAccount): the privacy notice shown is
   * recorded as accepted, and when the provider does not vouch for the address a link to verify it
   * is e-mailed. The password is random and nobody knows it: the owner signs in through the
   * provider (or sets a password by resetting it). The registration is audited with the provider.
   */
  private createShopOwner(tx: RequestContext, providerId: string, email: string, emailVerified: boolean, noticeVersion: string): Promise<UserAccountEntity> {
    return this.auth.openAccount(tx, { email, password: generatePassword(), role: UserRole.SHOP, privacyNoticeVersion: noticeVersion }, { emailVerified, via: providerId });
  }
}
