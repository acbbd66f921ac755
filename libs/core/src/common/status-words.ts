/**
 * Statuses as people read them, for the messages the API writes: a refusal says "a rejected
 * provider", not "a REJECTED provider". The same words as the web app's labels.
 */
export interface StatusWords {
  en: string;
  it: string;
}

const words = (en: string, it: string): StatusWords => ({ en, it });

export const VERIFICATION_STATUS_WORDS: Readonly<Record<string, StatusWords>> = {
  PENDING: words('awaiting verification', 'in attesa di verifica'),
  APPROVED: words('approved', 'approvata'),
  REJECTED: words('rejected', 'respinta'),
  SUSPENDED: words('suspended', 'sospesa'),
};

export const OFFER_STATUS_WORDS: Readonly<Record<string, StatusWords>> = {
  DRAFT: words('a draft', 'in bozza'),
  PUBLISHED: words('published', 'pubblicata'),
  PAUSED: words('paused', 'in pausa'),
  SUSPENDED: words('suspended by the Ministry', 'sospesa dal Ministero'),
  CLOSED: words('closed', 'chiusa'),
};

export const REQUEST_STATUS_WORDS: Readonly<Record<string, StatusWords>> = {
  OPEN: words('open', 'aperta'),
  MATCHED: words('matched', 'abbinata'),
  FULFILLED: words('fulfilled', 'soddisfatta'),
  CANCELLED: words('withdrawn', 'ritirata'),
};

export const MATCH_STATE_WORDS: Readonly<Record<string, StatusWords>> = {
  WAITLISTED: words('on the waitlist', 'in lista d’attesa'),
  PENDING: words('awaiting the provider’s answer', 'in attesa di risposta del fornitore'),
  ACCEPTED: words('accepted', 'accettato'),
  ACTIVE: words('active', 'attivo'),
  COMPLETED: words('completed', 'concluso'),
  DECLINED: words('declined', 'rifiutato'),
  WITHDRAWN: words('withdrawn', 'ritirato'),
  EXPIRED: words('expired', 'scaduto'),
};

/** The words of a status, or the code itself should a new one lack them. */
export const statusWords = (table: Readonly<Record<string, StatusWords>>, status: string): StatusWords => table[status] ?? words(status, status);

/** A date as people write it, in Italian or English (Italian time). */
export function dayWords(date: Date): StatusWords {
  const format = (locale: string): string => date.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' });
  return { en: format('en-GB'), it: format('it-IT') };
}
