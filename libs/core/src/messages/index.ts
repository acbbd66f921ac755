import { accountMailMessages } from './account-mail.messages';
import { accountMessages } from './account.messages';
import { allocationMessages } from './allocation.messages';
import { auditMessages } from './audit-actions.messages';
import { authMessages } from './auth.messages';
import { bundleMessages } from './bundle.messages';
import { configMessages } from './config.messages';
import { delegationMailMessages } from './delegation-mail.messages';
import { delegationMessages } from './delegation.messages';
import { facilitatorMessages } from './facilitator.messages';
import { helpRequestMessages } from './help-request.messages';
import { mailLayoutMessages } from './mail-layout.messages';
import { importMessages } from './import.messages';
import { mailMessages } from './mail.messages';
import { mailNoticeMessages } from './mail-notice.messages';
import { matchMessages } from './match.messages';
import { monitoringMessages } from './monitoring.messages';
import { needsMessages } from './needs.messages';
import { notificationMessages } from './notification.messages';
import { offerMessages } from './offer.messages';
import { oidcMessages } from './oidc.messages';
import { privacyMessages } from './privacy.messages';
import { privacyNoticeMessages } from './privacy-notice.messages';
import { providerMessages } from './provider.messages';
import { reasonMessages } from './reason.messages';
import { inputMessages, requestMessages } from './request.messages';
import { selectionCallMessages } from './selection-call.messages';
import { callPublisherMessages } from './call-publisher.messages';
import { sectorMessages, shopMessages } from './shop.messages';
import { statusMessages } from './status.messages';
import { territoryMessages } from './territory.messages';
import { validationMessages } from './validation.messages';

export * from './words';
export * from './service-categories';
export type { OfferChange } from './offer.messages';
export type { MatchStep, SurveyNotDueReason } from './match.messages';
export type { Parties, Suspended } from './notification.messages';
export type { QueryLimit, TextProblem, VariableProblem } from './request.messages';
export type { ApplicationMail } from './mail.messages';
export type { EmailChangedMail, EmailLinkMail, PasswordChangedMail, PasswordResetMail } from './account-mail.messages';
export type { AccountLinkProblem } from './auth.messages';
export type { MailAction, MailFrameValues, MailRecipient } from './mail-layout.messages';
export type { AllocationMail, CallOutcomeMail, DeclinedMail, DigestMail, ExpiredMail, FacilitatorDecisionMail, PromotedMail, ProviderDecisionMail, ReminderMail, ShopMatchMail, SurveyMail } from './mail-notice.messages';
export { PLATFORM_NAME } from './mail-layout.messages';
export type { DelegationInvitationMail, ShopClaimMail, ShopHandedOverMail } from './delegation-mail.messages';
export type { IdentifiedThing } from './validation.messages';
export type { ErasureBlockerKind } from './privacy.messages';

/**
 * Every text the server writes for people, in English and Italian, by area. Code takes its words
 * from here and never writes a sentence itself; a test keeps it so.
 */
export const MESSAGES = {
  accountMail: accountMailMessages,
  account: accountMessages,
  allocation: allocationMessages,
  audit: auditMessages,
  auth: authMessages,
  callPublisher: callPublisherMessages,
  bundle: bundleMessages,
  config: configMessages,
  delegation: delegationMessages,
  delegationMail: delegationMailMessages,
  facilitator: facilitatorMessages,
  helpRequest: helpRequestMessages,
  import: importMessages,
  input: inputMessages,
  mail: mailMessages,
  mailLayout: mailLayoutMessages,
  mailNotice: mailNoticeMessages,
  match: matchMessages,
  monitoring: monitoringMessages,
  needs: needsMessages,
  notification: notificationMessages,
  offer: offerMessages,
  oidc: oidcMessages,
  privacy: privacyMessages,
  privacyNotice: privacyNoticeMessages,
  provider: providerMessages,
  reason: reasonMessages,
  request: requestMessages,
  sector: sectorMessages,
  selectionCall: selectionCallMessages,
  shop: shopMessages,
  status: statusMessages,
  territory: territoryMessages,
  validation: validationMessages,
} as const;
