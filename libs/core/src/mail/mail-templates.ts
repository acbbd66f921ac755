import {
  type AllocationMail,
  type CallOutcomeMail,
  type ApplicationMail,
  type DeclinedMail,
  type ExpiredMail,
  type DelegationInvitationMail,
  type DigestMail,
  type EmailChangedMail,
  type PasswordChangedMail,
  type EmailLinkMail,
  type FacilitatorDecisionMail,
  type MailRecipient,
  MESSAGES,
  type PasswordResetMail,
  type PromotedMail,
  type ProviderDecisionMail,
  type ReminderMail,
  type ShopClaimMail,
  type ShopHandedOverMail,
  type ShopMatchMail,
  type SurveyMail,
  type Words,
} from '../messages';
import { MailKind, MailLanguage } from './mail.types';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The values each kind of e-mail names. */
export interface MailValues {
  [MailKind.MATCH_APPLIED]: ApplicationMail;
  [MailKind.EMAIL_VERIFICATION]: EmailLinkMail;
  [MailKind.PASSWORD_RESET]: PasswordResetMail;
  [MailKind.EMAIL_CHANGE_CONFIRM]: EmailLinkMail;
  [MailKind.EMAIL_CHANGED_NOTICE]: EmailChangedMail;
  [MailKind.PASSWORD_CHANGED_NOTICE]: PasswordChangedMail;
  [MailKind.MATCH_RESPONSE_REMINDER]: ReminderMail;
  [MailKind.MATCH_ACCEPTED]: ShopMatchMail;
  [MailKind.MATCH_DECLINED]: DeclinedMail;
  [MailKind.MATCH_EXPIRED]: ExpiredMail;
  [MailKind.MATCH_PROMOTED]: PromotedMail;
  [MailKind.PROVIDER_APPROVED]: ProviderDecisionMail;
  [MailKind.PROVIDER_REJECTED]: ProviderDecisionMail;
  [MailKind.PROVIDER_SUSPENDED]: ProviderDecisionMail;
  [MailKind.FACILITATOR_APPROVED]: FacilitatorDecisionMail;
  [MailKind.FACILITATOR_REJECTED]: FacilitatorDecisionMail;
  [MailKind.FACILITATOR_SUSPENDED]: FacilitatorDecisionMail;
  [MailKind.CALL_OUTCOME]: CallOutcomeMail;
  [MailKind.SURVEY_DUE]: SurveyMail;
  [MailKind.ALLOCATION_SHOP]: AllocationMail;
  [MailKind.ALLOCATION_PROVIDER]: AllocationMail;
  [MailKind.DAILY_DIGEST]: DigestMail;
  [MailKind.DELEGATION_INVITATION]: DelegationInvitationMail;
  [MailKind.SHOP_CLAIM_INVITATION]: ShopClaimMail;
  [MailKind.SHOP_HANDED_OVER]: ShopHandedOverMail;
}

/**
 * A kind's own templates: its subject, the body of its text and HTML parts, and, when it leads
 * somewhere, its button (the words, and the link among its values). The frame is added by
 * renderMail, the same for every kind.
 */
export interface MailParts<V> {
  subject: (values: V) => Words;
  text: (values: V) => Words;
  html: (values: V) => Words;
  action?: { label: (values: V) => Words; url: (values: V) => string };
}

/** The links of the footer, from the environment (APP_URL). */
export interface MailFooterLinks {
  /** Why the recipient gets it (the footer says so). */
  recipient: MailRecipient;
  privacyUrl: string;
  /** Null when the recipient may have no account to set preferences in. */
  preferencesUrl: string | null;
  /** The signed link that turns this kind off for the recipient, when the kind can be turned off. */
  unsubscribeUrl: string | null;
}

const N = MESSAGES.mailNotice;
/** A button with these words leading to the values' `link`. */
const linkedAs = <V extends { link: string }>(label: () => Words): NonNullable<MailParts<V>['action']> => ({ label, url: (values) => values.link });

const account = MESSAGES.accountMail;
// Their bodies carry the link themselves, written out: people should see where a security link leads.
const ACCOUNT_TEMPLATES = {
  [MailKind.EMAIL_VERIFICATION]: { subject: account.emailVerificationSubject, text: account.emailVerificationText, html: account.emailVerificationHtml },
  [MailKind.PASSWORD_RESET]: { subject: account.passwordResetSubject, text: account.passwordResetText, html: account.passwordResetHtml },
  [MailKind.EMAIL_CHANGE_CONFIRM]: { subject: account.emailChangeSubject, text: account.emailChangeText, html: account.emailChangeHtml },
  [MailKind.EMAIL_CHANGED_NOTICE]: { subject: account.emailChangedSubject, text: account.emailChangedText, html: account.emailChangedHtml },
  [MailKind.PASSWORD_CHANGED_NOTICE]: { subject: account.passwordChangedSubject, text: account.passwordChangedText, html: account.passwordChangedHtml },
};

const TEMPLATES: { [K in MailKind]: MailParts<MailValues[K]> } = {
  ...ACCOUNT_TEMPLATES,
  [MailKind.DELEGATION_INVITATION]: {
    subject: MESSAGES.delegationMail.invitationSubject,
    text: MESSAGES.delegationMail.invitationText,
    html: MESSAGES.delegationMail.invitationHtml,
  },
  [MailKind.SHOP_CLAIM_INVITATION]: { subject: MESSAGES.delegationMail.claimSubject, text: MESSAGES.delegationMail.claimText, html: MESSAGES.delegationMail.claimHtml },
  [MailKind.SHOP_HANDED_OVER]: { subject: MESSAGES.delegationMail.handedOverSubject, text: MESSAGES.delegationMail.handedOverText, html: MESSAGES.delegationMail.handedOverHtml },
  [MailKind.MATCH_APPLIED]: {
    subject: MESSAGES.mail.matchAppliedSubject,
    text: MESSAGES.mail.matchAppliedText,
    html: MESSAGES.mail.matchAppliedHtml,
    action: { label: MESSAGES.mail.matchAppliedAction, url: (values) => values.link },
  },
  [MailKind.MATCH_RESPONSE_REMINDER]: { subject: N.reminderSubject, text: N.reminderText, html: N.reminderHtml, action: linkedAs(N.answerApplication) },
  [MailKind.MATCH_ACCEPTED]: { subject: N.matchAcceptedSubject, text: N.matchAcceptedText, html: N.matchAcceptedHtml, action: linkedAs(N.seeMatch) },
  [MailKind.MATCH_DECLINED]: { subject: N.matchDeclinedSubject, text: N.matchDeclinedText, html: N.matchDeclinedHtml, action: linkedAs(N.seeMatch) },
  [MailKind.MATCH_EXPIRED]: { subject: N.matchExpiredSubject, text: N.matchExpiredText, html: N.matchExpiredHtml, action: linkedAs(N.seeMatch) },
  [MailKind.MATCH_PROMOTED]: { subject: N.matchPromotedSubject, text: N.matchPromotedText, html: N.matchPromotedHtml, action: linkedAs(N.seeMatch) },
  [MailKind.PROVIDER_APPROVED]: { subject: N.providerApprovedSubject, text: N.providerApprovedText, html: N.providerApprovedHtml, action: linkedAs(N.seeOrganisation) },
  [MailKind.PROVIDER_REJECTED]: { subject: N.providerRejectedSubject, text: N.providerRejectedText, html: N.providerRejectedHtml, action: linkedAs(N.seeOrganisation) },
  [MailKind.PROVIDER_SUSPENDED]: { subject: N.providerSuspendedSubject, text: N.providerSuspendedText, html: N.providerSuspendedHtml, action: linkedAs(N.seeOrganisation) },
  [MailKind.FACILITATOR_APPROVED]: { subject: N.facilitatorApprovedSubject, text: N.facilitatorApprovedText, html: N.facilitatorApprovedHtml, action: linkedAs(N.seeOrganisation) },
  [MailKind.FACILITATOR_REJECTED]: { subject: N.facilitatorRejectedSubject, text: N.facilitatorRejectedText, html: N.facilitatorRejectedHtml, action: linkedAs(N.seeOrganisation) },
  [MailKind.FACILITATOR_SUSPENDED]: { subject: N.facilitatorSuspendedSubject, text: N.facilitatorSuspendedText, html: N.facilitatorSuspendedHtml, action: linkedAs(N.seeOrganisation) },
  [MailKind.CALL_OUTCOME]: {
    subject: N.callOutcomeSubject,
    text: N.callOutcomeText,
    html: N.callOutcomeHtml,
    // A place won leads to the service it holds, named as such; the reserve list and an exclusion to the shop's calls.
    action: { label: (values) => (values.outcome === 'ADMITTED' || values.outcome === 'PROMOTED' ? N.seeMatch() : N.seeCalls()), url: (values) => values.link },
  },
  [MailKind.SURVEY_DUE]: { subject: N.surveySubject, text: N.surveyText, html: N.surveyHtml, action: linkedAs(N.answerSurvey) },
  [MailKind.ALLOCATION_SHOP]: { subject: N.allocationShopSubject, text: N.allocationShopText, html: N.allocationShopHtml, action: linkedAs(N.seeServices) },
  [MailKind.ALLOCATION_PROVIDER]: { subject: N.allocationProviderSubject, text: N.allocationProviderText, html: N.allocationProviderHtml, action: linkedAs(N.seeApplications) },
  [MailKind.DAILY_DIGEST]: { subject: N.digestSubject, text: N.digestText, html: N.digestHtml, action: linkedAs(N.seeNotifications) },
};

/** The page a kind's button leads to, for the digest that may list the message. */
export function actionUrlOf<K extends MailKind>(kind: K, values: MailValues[K]): string | null {
  return (TEMPLATES[kind] as MailParts<MailValues[K]>).action?.url(values) ?? null;
}

/** A kind's parts framed: the platform's name, the body, the button and the legal footer. */
export function renderFramed<V>(parts: MailParts<V>, language: MailLanguage, values: V, links: MailFooterLinks): RenderedMail {
  const frame = {
    subject: parts.subject(values),
    text: parts.text(values),
    html: parts.html(values),
    action: parts.action ? { label: parts.action.label(values), url: parts.action.url(values) } : null,
    ...links,
  };
  return { subject: frame.subject[language], text: MESSAGES.mailLayout.text(frame)[language], html: MESSAGES.mailLayout.html(frame)[language] };
}

/** An e-mail of a kind in a language, from the catalogue's Handlebars templates, in the common frame. */
export function renderMail<K extends MailKind>(kind: K, language: MailLanguage, values: MailValues[K], links: MailFooterLinks): RenderedMail {
  return renderFramed(TEMPLATES[kind] as MailParts<MailValues[K]>, language, values, links);
}
