import { IneligibilityReason } from '@vec/matching';

/** Why an offer does not fit a request, in words a shopkeeper reads (English and Italian). */
export const INELIGIBILITY_WORDS: Readonly<Record<IneligibilityReason, { message: string; messageIt: string }>> = {
  CATEGORY: { message: 'The offer does not include this kind of service', messageIt: 'L’offerta non comprende questo tipo di servizio' },
  OUTSIDE_COVERAGE: { message: 'Your shop is outside the area the offer covers', messageIt: 'Il tuo negozio è fuori dall’area coperta dall’offerta' },
  SECTOR: { message: 'The offer is not open to your sector (ATECO)', messageIt: 'L’offerta non è aperta al tuo settore (ATECO)' },
  FULL: { message: 'No places left: you can join the waitlist', messageIt: 'Posti esauriti: puoi entrare in lista d’attesa' },
  NOT_PUBLISHED: { message: 'The offer is not published', messageIt: 'L’offerta non è pubblicata' },
  NOT_STARTED: { message: 'The offer has not started yet', messageIt: 'L’offerta non è ancora iniziata' },
  EXPIRED: { message: 'The offer has ended', messageIt: 'L’offerta è terminata' },
  PROVIDER_NOT_APPROVED: { message: 'The provider is not verified by the Department', messageIt: 'Il fornitore non è verificato dal Dipartimento' },
  SHOP_CATEGORY_LIMIT: { message: 'You already have a service of this kind in progress', messageIt: 'Hai già un servizio di questo tipo in corso' },
  SHOP_LIMIT: { message: 'You have reached the most services you may have at the same time', messageIt: 'Hai raggiunto il numero massimo di servizi contemporanei' },
};

/** FULL beside another reason: the waitlist is not open to the shop either, so it is not offered. */
export const FULL_WITHOUT_WAITLIST = { message: 'No places left', messageIt: 'Posti esauriti' } as const;
