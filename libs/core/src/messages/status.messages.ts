import type { AllocationRunStatus } from '../allocation/allocation.types';
import type { HelpRequestStatus } from '../help-request/help-request.types';
import type { MatchState } from '../match/match.types';
import type { OfferStatus } from '../offer/offer.types';
import type { VerificationStatus } from '../provider/provider.types';
import type { Words } from './words';

/**
 * Statuses as people read them, inside sentences: a refusal says "a rejected provider", not "a
 * REJECTED provider". The same words as the web app's labels.
 */
const VERIFICATION: Readonly<Record<VerificationStatus, Words>> = {
  PENDING: { en: 'awaiting verification', it: 'in attesa di verifica' },
  APPROVED: { en: 'approved', it: 'approvata' },
  REJECTED: { en: 'rejected', it: 'respinta' },
  SUSPENDED: { en: 'suspended', it: 'sospesa' },
};

const OFFER: Readonly<Record<OfferStatus, Words>> = {
  DRAFT: { en: 'a draft', it: 'in bozza' },
  PUBLISHED: { en: 'published', it: 'pubblicata' },
  PAUSED: { en: 'paused', it: 'in pausa' },
  SUSPENDED: { en: 'suspended by the Ministry', it: 'sospesa dal Ministero' },
  CLOSED: { en: 'closed', it: 'chiusa' },
};

const REQUEST: Readonly<Record<HelpRequestStatus, Words>> = {
  OPEN: { en: 'open', it: 'aperta' },
  MATCHED: { en: 'matched', it: 'abbinata' },
  FULFILLED: { en: 'fulfilled', it: 'soddisfatta' },
  CANCELLED: { en: 'withdrawn', it: 'ritirata' },
};

const MATCH: Readonly<Record<MatchState, Words>> = {
  WAITLISTED: { en: 'on the waitlist', it: 'in lista d’attesa' },
  PENDING: { en: 'awaiting the provider’s answer', it: 'in attesa di risposta del fornitore' },
  ACCEPTED: { en: 'accepted', it: 'accettato' },
  ACTIVE: { en: 'active', it: 'attivo' },
  COMPLETED: { en: 'completed', it: 'concluso' },
  DECLINED: { en: 'declined', it: 'rifiutato' },
  WITHDRAWN: { en: 'withdrawn', it: 'ritirato' },
  EXPIRED: { en: 'expired', it: 'scaduto' },
};

const RUN: Readonly<Record<AllocationRunStatus, Words>> = {
  SCHEDULED: { en: 'scheduled', it: 'programmata' },
  QUEUED: { en: 'queued', it: 'in coda' },
  RUNNING: { en: 'running', it: 'in corso' },
  PREVIEWED: { en: 'over, with its preview ready', it: 'conclusa, con l’anteprima pronta' },
  COMMITTED: { en: 'over, its matches made', it: 'conclusa, con gli abbinamenti fatti' },
  FAILED: { en: 'over, without success', it: 'conclusa senza successo' },
  CANCELLED: { en: 'already cancelled', it: 'già annullata' },
};

export const statusMessages = {
  verification: (status: VerificationStatus): Words => VERIFICATION[status],
  offer: (status: OfferStatus): Words => OFFER[status],
  request: (status: HelpRequestStatus): Words => REQUEST[status],
  match: (state: MatchState): Words => MATCH[state],
  allocationRun: (status: AllocationRunStatus): Words => RUN[status],
};
