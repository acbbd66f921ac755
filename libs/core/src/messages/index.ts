import { allocationMessages } from './allocation.messages';
import { authMessages } from './auth.messages';
import { configMessages } from './config.messages';
import { delegationMailMessages } from './delegation-mail.messages';
import { delegationMessages } from './delegation.messages';
import { facilitatorMessages } from './facilitator.messages';
import { helpRequestMessages } from './help-request.messages';
import { mailMessages } from './mail.messages';
import { matchMessages } from './match.messages';
import { monitoringMessages } from './monitoring.messages';
import { notificationMessages } from './notification.messages';
import { offerMessages } from './offer.messages';
import { providerMessages } from './provider.messages';
import { reasonMessages } from './reason.messages';
import { inputMessages, requestMessages } from './request.messages';
import { sectorMessages, shopMessages } from './shop.messages';
import { statusMessages } from './status.messages';
import { territoryMessages } from './territory.messages';
import { validationMessages } from './validation.messages';

export * from './words';
export * from './service-categories';
export type { OfferChange } from './offer.messages';
export type { MatchStep, SurveyNotDueReason } from './match.messages';
export type { Parties, Suspended } from './notification.messages';
export type { QueryLimit } from './request.messages';
export type { ApplicationMail } from './mail.messages';
export type { DelegationInvitationMail, ShopClaimMail } from './delegation-mail.messages';
export type { IdentifiedThing } from './validation.messages';

/**
 * Every text the server writes for people, in English and Italian, by area. Code takes its words
 * from here and never writes a sentence itself; a test keeps it so.
 */
export const MESSAGES = {
  allocation: allocationMessages,
  auth: authMessages,
  config: configMessages,
  delegation: delegationMessages,
  delegationMail: delegationMailMessages,
  facilitator: facilitatorMessages,
  helpRequest: helpRequestMessages,
  input: inputMessages,
  mail: mailMessages,
  match: matchMessages,
  monitoring: monitoringMessages,
  notification: notificationMessages,
  offer: offerMessages,
  provider: providerMessages,
  reason: reasonMessages,
  request: requestMessages,
  sector: sectorMessages,
  shop: shopMessages,
  status: statusMessages,
  territory: territoryMessages,
  validation: validationMessages,
} as const;
