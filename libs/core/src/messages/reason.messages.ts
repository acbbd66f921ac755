import type { IneligibilityReason } from '@vec/matching';
import type { SystemReason } from '../match/match-reasons';
import type { Words } from './words';

/** Why a match moved, when the platform moved it (a person's reason is kept as they wrote it). */
const SYSTEM: Readonly<Record<SystemReason, Words>> = {
  NO_ANSWER: { en: 'no answer in time', it: 'nessuna risposta in tempo' },
  OFFER_ENDED: { en: 'the offer has ended', it: 'l’offerta è terminata' },
  NO_LONGER_ELIGIBLE: { en: 'the offer no longer fits the request', it: 'l’offerta non è più adatta alla richiesta' },
  FREE_PERIOD_ENDED: { en: 'the free period is over', it: 'il periodo gratuito è finito' },
  REQUEST_CANCELLED: { en: 'the request was cancelled', it: 'la richiesta è stata annullata' },
  ALLOCATED_ELSEWHERE: { en: 'the allocation assigned another offer', it: 'l’assegnazione ha attribuito un’altra offerta' },
  ALLOCATION_RUN: { en: 'assigned by an allocation run', it: 'attribuita da un’assegnazione' },
  CALL_ADMISSION: { en: 'admitted by the ranking of a selection call', it: 'ammesso dalla graduatoria di un bando' },
  PROVIDER_SUSPENDED: { en: 'the Ministry suspended the provider', it: 'il Ministero ha sospeso il fornitore' },
  PROVIDER_REJECTED: { en: 'the Ministry rejected the provider', it: 'il Ministero ha respinto il fornitore' },
  OFFER_SUSPENDED: { en: 'the Ministry suspended the offer', it: 'il Ministero ha sospeso l’offerta' },
  SHOP_ACCOUNT_DISABLED: { en: 'the business’s account was disabled', it: 'l’account dell’attività è stato disattivato' },
  SET_PART_ENDED: {
    en: 'another service of the set stopped waiting: the set waits as a whole',
    it: 'un altro servizio dell’insieme non è più in attesa: l’insieme attende per intero',
  },
  SET_WITHDRAWN: { en: 'the shop withdrew the whole set', it: 'l’attività ha ritirato l’intero insieme' },
};

/** Why an offer does not fit a request, in words a shopkeeper reads. */
const INELIGIBLE: Readonly<Record<IneligibilityReason, Words>> = {
  CATEGORY: { en: 'The offer does not include this kind of service', it: 'L’offerta non comprende questo tipo di servizio' },
  OUTSIDE_COVERAGE: { en: 'Your shop is outside the area the offer covers', it: 'Il tuo negozio è fuori dall’area coperta dall’offerta' },
  SECTOR: { en: 'The offer is not open to your sector (ATECO)', it: 'L’offerta non è aperta al tuo settore (ATECO)' },
  FULL: { en: 'No places left: you can join the waitlist', it: 'Posti esauriti: puoi entrare in lista d’attesa' },
  NOT_PUBLISHED: { en: 'The offer is not published', it: 'L’offerta non è pubblicata' },
  NOT_STARTED: { en: 'The offer has not started yet', it: 'L’offerta non è ancora iniziata' },
  EXPIRED: { en: 'The offer has ended', it: 'L’offerta è terminata' },
  PROVIDER_NOT_APPROVED: { en: 'The provider is not verified by the Department', it: 'Il fornitore non è verificato dal Dipartimento' },
  SHOP_CATEGORY_LIMIT: { en: 'You already have a service of this kind in progress', it: 'Hai già un servizio di questo tipo in corso' },
  SHOP_LIMIT: { en: 'You have reached the most services you may have at the same time', it: 'Hai raggiunto il numero massimo di servizi contemporanei' },
};

/** FULL beside another reason: the waitlist is not open to the shop either, so it is not offered. */
const FULL_WITHOUT_WAITLIST: Words = { en: 'No places left', it: 'Posti esauriti' };

export const reasonMessages = {
  system: (reason: SystemReason): Words => SYSTEM[reason],
  ineligible: (reason: IneligibilityReason, waitlistOpen: boolean): Words => (reason === 'FULL' && !waitlistOpen ? FULL_WITHOUT_WAITLIST : INELIGIBLE[reason]),
};
