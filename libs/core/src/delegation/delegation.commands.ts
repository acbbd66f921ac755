import type { UserLanguage } from '../auth/user-language';
import type { RegisterShop } from '../shop/shop.commands';

/**
 * What callers give the delegation service. The GraphQL inputs in api/ implement these
 * interfaces; the services depend on nothing else.
 */

export interface InviteShop {
  readonly email: string;
}

export interface RegisterShopOnPaper {
  readonly shop: RegisterShop;
  /** The owner's address, where the link to claim the shop goes. */
  readonly ownerEmail: string;
  /** The date on the signed paper declaration (YYYY-MM-DD), not in the future. */
  readonly declaredOn: string;
}

export interface ClaimShop {
  readonly link: string;
  /** To create the owner's account; omitted when the owner is signed in with an account of its own. */
  readonly password?: string;
  /** With a password: the version of the privacy notice the owner accepted, recorded with the new account. */
  readonly privacyNoticeVersion?: string;
  /** With a password: the language the new account is written to in (Italian when omitted). */
  readonly language?: UserLanguage;
}

export interface DelegatedShopFilter {
  readonly comuneCode?: string;
  readonly atecoSection?: string;
}

export interface OfferHandover {
  /** The giver's live delegation for the shop it offers. */
  readonly delegationId: string;
  /** The receiving organisation's address: the one its account signs in with, or its contact address. */
  readonly toEmail: string;
}
