import { Territory1795321549661 } from './1795321549661-territory';
import { LoadTerritory1795321600000 } from './1795321600000-load-territory';
import { Accounts1795322630473 } from './1795322630473-accounts';
import { Domain1795322878417 } from './1795322878417-domain';
import { Matching1796157035480 } from './1796157035480-matching';
import { MonitoringFacts1796163024280 } from './1796163024280-monitoring-facts';
import { ComuneSearch1796250000000 } from './1796250000000-comune-search';
import { LiveSessionIndex1796416918452 } from './1796416918452-live-session-index';
import { RateLimit1796420000000 } from './1796420000000-rate-limit';
import { ProviderResubmission1796425100000 } from './1796425100000-provider-resubmission';
import { OfferModeration1796425200000 } from './1796425200000-offer-moderation';
import { MonitoringSnapshots1796430000000 } from './1796430000000-monitoring-snapshots';
import { MailMessage1796433370050 } from './1796433370050-mail-message';
import { AccountRecovery1796438029667 } from './1796438029667-account-recovery';
import { PersonalData1796438073018 } from './1796438073018-personal-data';
import { UserLanguage1796438096069 } from './1796438096069-user-language';
import { ImportJobs1796438157456 } from './1796438157456-import-jobs';
import { Facilitators1796438200686 } from './1796438200686-facilitators';
import { IdentityLink1796438203844 } from './1796438203844-identity-link';
import { SelectionCalls1796438329175 } from './1796438329175-selection-calls';
import { MailPreferences1796440138986 } from './1796440138986-mail-preferences';
import { Delegations1796440155003 } from './1796440155003-delegations';
import { MailResend1796441399272 } from './1796441399272-mail-resend';
import { ShopImport1796449158397 } from './1796449158397-shop-import';
import { CallPublishers1796449207624 } from './1796449207624-call-publishers';
import { OfferIntegrations1796449259406 } from './1796449259406-offer-integrations';
import { Bundles1796451070302 } from './1796451070302-bundles';
import { MatchSets1796465542502 } from './1796465542502-match-sets';
import { AllocationRunCompleteSets1796465838517 } from './1796465838517-allocation-run-complete-sets';
import { MatchServedRequests1796470000000 } from './1796470000000-match-served-requests';
import { DelegationHandovers1796538096106 } from './1796538096106-delegation-handovers';
import { WithdrawalWordsToProviders1796600000000 } from './1796600000000-withdrawal-words-to-providers';
import { EmailAddressesInOneForm1796700000000 } from './1796700000000-email-addresses-in-one-form';
import { PasswordChangeRequired1796800000000 } from './1796800000000-password-change-required';
import { CallReserveReasons1796800000100 } from './1796800000100-call-reserve-reasons';
import { UnmetDemandRefusedGap1796900000000 } from './1796900000000-unmet-demand-refused-gap';
import { RadiusReachProvinces1796900000100 } from './1796900000100-radius-reach-provinces';
import { CallApplicationShopName1797000000000 } from './1797000000000-call-application-shop-name';
import { UnservedOnlyRefused1797000000100 } from './1797000000100-unserved-only-refused';
import { CallApplicationSubmittedBy1797000000200 } from './1797000000200-call-application-submitted-by';
import { MatchSurveyReminders1797000000300 } from './1797000000300-match-survey-reminders';
import { OwnerUniqueOnce1797000000400 } from './1797000000400-owner-unique-once';
import { CallReserveOfferSuspended1797000000500 } from './1797000000500-call-reserve-offer-suspended';

// Every migration, oldest first. Listed explicitly so that builds and tests run exactly these.
export const MIGRATIONS = [
  Territory1795321549661,
  LoadTerritory1795321600000,
  Accounts1795322630473,
  Domain1795322878417,
  Matching1796157035480,
  MonitoringFacts1796163024280,
  ComuneSearch1796250000000,
  LiveSessionIndex1796416918452,
  RateLimit1796420000000,
  ProviderResubmission1796425100000,
  OfferModeration1796425200000,
  MonitoringSnapshots1796430000000,
  MailMessage1796433370050,
AccountRecovery1796438029667,
  PersonalData1796438073018,
  UserLanguage1796438096069,
  ImportJobs1796438157456,
  Facilitators1796438200686,
  IdentityLink1796438203844,
  SelectionCalls1796438329175,
  MailPreferences1796440138986,
  Delegations1796440155003,
  MailResend1796441399272,
  ShopImport1796449158397,
  CallPublishers1796449207624,
  OfferIntegrations1796449259406,
  Bundles1796451070302,
  MatchSets1796465542502,
  AllocationRunCompleteSets1796465838517,
  MatchServedRequests1796470000000,
  DelegationHandovers1796538096106,
  WithdrawalWordsToProviders1796600000000,
  EmailAddressesInOneForm1796700000000,
  PasswordChangeRequired1796800000000,
  CallReserveReasons1796800000100,
  UnmetDemandRefusedGap1796900000000,
  RadiusReachProvinces1796900000100,
  CallApplicationShopName1797000000000,
  UnservedOnlyRefused1797000000100,
  CallApplicationSubmittedBy1797000000200,
  MatchSurveyReminders1797000000300,
  OwnerUniqueOnce1797000000400,
  CallReserveOfferSuspended1797000000500,
];
