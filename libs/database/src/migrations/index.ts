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
import { Facilitators1796438200686 } from './1796438200686-facilitators';
import { Delegations1796440155003 } from './1796440155003-delegations';

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
  Facilitators1796438200686,
  Delegations1796440155003,
];
