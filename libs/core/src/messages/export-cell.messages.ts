import type { CoverageLevel } from '@vec/matching';
import type { HelpRequestStatus } from '../help-request/help-request.types';
import type { MatchOrigin, MatchState } from '../match/match.types';
import type { OfferStatus } from '../offer/offer.types';
import type { ProviderKind, VerificationStatus } from '../provider/provider.types';
import { ATECO_SECTIONS } from '../shop/registry/ateco';
import { SERVICE_CATEGORY_LABELS } from './service-categories';
import type { Words } from './words';

/**
 * Codes as a cell of a CSV file shows them beside the code: a word or two, capitalised, the same
 * as the web app's labels (a status inside a sentence is in status.messages.ts).
 */
const REQUEST_STATUS: Readonly<Record<HelpRequestStatus, Words>> = {
  OPEN: { it: 'Aperta', en: 'Open' },
  MATCHED: { it: 'Abbinata', en: 'Matched' },
  FULFILLED: { it: 'Soddisfatta', en: 'Fulfilled' },
  CANCELLED: { it: 'Ritirata', en: 'Withdrawn' },
};

const MATCH_STATE: Readonly<Record<MatchState, Words>> = {
  WAITLISTED: { it: 'In lista d’attesa', en: 'On the waitlist' },
  PENDING: { it: 'In attesa di risposta del fornitore', en: 'Awaiting the provider’s answer' },
  ACCEPTED: { it: 'Accettato', en: 'Accepted' },
  ACTIVE: { it: 'Attivo', en: 'Active' },
  COMPLETED: { it: 'Concluso', en: 'Completed' },
  DECLINED: { it: 'Rifiutato', en: 'Declined' },
  WITHDRAWN: { it: 'Ritirato', en: 'Withdrawn' },
  EXPIRED: { it: 'Scaduto', en: 'Expired' },
};

const MATCH_ORIGIN: Readonly<Record<MatchOrigin, Words>> = {
  APPLICATION: { it: 'Scelta dal negozio', en: 'Chosen by the shop' },
  ALLOCATION: { it: 'Assegnata dal Dipartimento', en: 'Assigned by the Department' },
  CALL: { it: 'Graduatoria di un bando', en: 'Ranking of a selection call' },
};

const COVERAGE_LEVEL: Readonly<Record<CoverageLevel, Words>> = {
  COMUNE: { it: 'Comune', en: 'Comune' },
  RADIUS: { it: 'Raggio attorno a un comune', en: 'Radius around a comune' },
  PROVINCE: { it: 'Provincia', en: 'Province' },
  REGION: { it: 'Regione', en: 'Region' },
  NATIONAL: { it: 'Tutta Italia', en: 'All of Italy' },
};

const OFFER_STATUS: Readonly<Record<OfferStatus, Words>> = {
  DRAFT: { it: 'Bozza', en: 'Draft' },
  PUBLISHED: { it: 'Pubblicata', en: 'Published' },
  PAUSED: { it: 'In pausa', en: 'Paused' },
  SUSPENDED: { it: 'Sospesa dal Ministero', en: 'Suspended by the Ministry' },
  CLOSED: { it: 'Chiusa', en: 'Closed' },
};

const PROVIDER_KIND: Readonly<Record<ProviderKind, Words>> = {
  TECH: { it: 'Azienda tecnologica', en: 'Technology company' },
  PLATFORM: { it: 'Piattaforma di commercio elettronico', en: 'E-commerce platform' },
  LOGISTICS: { it: 'Logistica e spedizioni', en: 'Logistics and shipping' },
  DELIVERY: { it: 'Consegne a domicilio', en: 'Home delivery' },
  OTHER: { it: 'Altro', en: 'Other' },
};

const VERIFICATION_STATUS: Readonly<Record<VerificationStatus, Words>> = {
  PENDING: { it: 'In attesa di verifica', en: 'Awaiting verification' },
  APPROVED: { it: 'Approvata', en: 'Approved' },
  REJECTED: { it: 'Respinta', en: 'Rejected' },
  SUSPENDED: { it: 'Sospesa', en: 'Suspended' },
};

/** Each vocabulary of codes a CSV file writes, by name. */
export const EXPORT_CELL_WORDS = {
  category: SERVICE_CATEGORY_LABELS as Readonly<Record<string, Words>>,
  requestStatus: REQUEST_STATUS as Readonly<Record<string, Words>>,
  matchState: MATCH_STATE as Readonly<Record<string, Words>>,
  matchOrigin: MATCH_ORIGIN as Readonly<Record<string, Words>>,
  coverageLevel: COVERAGE_LEVEL as Readonly<Record<string, Words>>,
  offerStatus: OFFER_STATUS as Readonly<Record<string, Words>>,
  providerKind: PROVIDER_KIND as Readonly<Record<string, Words>>,
  verificationStatus: VERIFICATION_STATUS as Readonly<Record<string, Words>>,
  atecoSection: Object.fromEntries(ATECO_SECTIONS.map(({ code, it, en }) => [code, { it, en }])) as Readonly<Record<string, Words>>,
} as const;

export type ExportVocabulary = keyof typeof EXPORT_CELL_WORDS;
