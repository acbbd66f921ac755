import { type ApplicationMail, type DelegationInvitationMail, MESSAGES, type ShopClaimMail, type Words } from '../messages';
import { MailKind, MailLanguage } from './mail.types';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The values each kind of e-mail names. */
export interface MailValues {
  [MailKind.MATCH_APPLIED]: ApplicationMail;
  [MailKind.DELEGATION_INVITATION]: DelegationInvitationMail;
  [MailKind.SHOP_CLAIM_INVITATION]: ShopClaimMail;
}

type Parts<V> = { subject: (values: V) => Words; text: (values: V) => Words; html: (values: V) => Words };

const TEMPLATES: { [K in MailKind]: Parts<MailValues[K]> } = {
  [MailKind.MATCH_APPLIED]: { subject: MESSAGES.mail.matchAppliedSubject, text: MESSAGES.mail.matchAppliedText, html: MESSAGES.mail.matchAppliedHtml },
  [MailKind.DELEGATION_INVITATION]: {
    subject: MESSAGES.delegationMail.invitationSubject,
    text: MESSAGES.delegationMail.invitationText,
    html: MESSAGES.delegationMail.invitationHtml,
  },
  [MailKind.SHOP_CLAIM_INVITATION]: { subject: MESSAGES.delegationMail.claimSubject, text: MESSAGES.delegationMail.claimText, html: MESSAGES.delegationMail.claimHtml },
};

/** An e-mail of a kind in a language, from the catalogue's Handlebars templates. */
export function renderMail<K extends MailKind>(kind: K, language: MailLanguage, values: MailValues[K]): RenderedMail {
  const parts = TEMPLATES[kind] as Parts<MailValues[K]>;
  return { subject: parts.subject(values)[language], text: parts.text(values)[language], html: parts.html(values)[language] };
}
