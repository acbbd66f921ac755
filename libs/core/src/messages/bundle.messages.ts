import type { MissingReason, ServiceCategory, SetReason } from '@vec/matching';
import { SERVICE_CATEGORY_LABELS } from './service-categories';
import { reasonMessages } from './reason.messages';
import type { Words } from './words';

const WHY: Readonly<Record<SetReason, Words>> = {
  SINGLE_OFFER: { en: 'One offer covers every service you asked for', it: 'Un’unica offerta copre tutti i servizi che hai chiesto' },
  SINGLE_PROVIDER: { en: 'Every service comes from the same provider', it: 'Tutti i servizi vengono dallo stesso fornitore' },
  ALL_INTEGRATED: {
    en: 'The providers declare that their offers work together',
    it: 'I fornitori dichiarano che le loro offerte funzionano insieme',
  },
  PARTLY_INTEGRATED: {
    en: 'Some of the offers declare that they work together; the others are the best fits for their service',
    it: 'Alcune offerte dichiarano di funzionare insieme; le altre sono le più adatte per il loro servizio',
  },
  BEST_SCORES: {
    en: 'The best fitting offer for each service: no integration between them is declared',
    it: 'L’offerta più adatta per ogni servizio: tra loro non è dichiarata alcuna integrazione',
  },
};

/** A partial set covers only some of the services: the reasons about "every service" speak of those it covers. */
const WHY_PARTIAL: Readonly<Partial<Record<SetReason, Words>>> = {
  SINGLE_OFFER: {
    en: 'One offer, for the services listed below; the others cannot be had yet',
    it: 'Una sola offerta, per i servizi elencati qui sotto; gli altri non si possono ancora avere',
  },
  SINGLE_PROVIDER: {
    en: 'The services listed below come from the same provider; the others cannot be had yet',
    it: 'I servizi elencati qui sotto vengono dallo stesso fornitore; gli altri non si possono ancora avere',
  },
};

const NO_CANDIDATE: Words = {
  en: 'No offer for this service covers your shop yet',
  it: 'Nessuna offerta per questo servizio copre ancora la tua attività',
};

const REFUSED: Words = {
  en: 'The offers that would serve it are ones you gave up, or whose provider declined you: open the request to ask one of them again',
  it: 'Le offerte che lo servirebbero sono quelle a cui hai rinunciato o il cui fornitore ti ha rifiutato: apri la richiesta per chiederne di nuovo una',
};

/** Bundles: why a set of offers is proposed, and why a service of the bundle has no offer in it. */
export const bundleMessages = {
  why: (reason: SetReason, complete = true): Words => (complete ? WHY[reason] : (WHY_PARTIAL[reason] ?? WHY[reason])),
  missing: (reason: MissingReason, waitlistOpen: boolean): Words =>
    reason === 'NO_CANDIDATE' ? NO_CANDIDATE : reason === 'REFUSED' ? REFUSED : reasonMessages.ineligible(reason, waitlistOpen),
  tooSmall: (field: string): Words => ({
    en: `${field}: a bundle groups two or more services: choose another one, or ask for a single service`,
    it: `${field}: un pacchetto riunisce due o più servizi: scegline un altro, oppure chiedi un solo servizio`,
  }),
  /** A bundle is served whole: more services than the shop may still add could never be. */
  tooLarge: (field: string, free: number, limit: number): Words =>
    free < 2
      ? {
          en: `${field}: a bundle is served all together, and your business may hold at most ${limit} services at once: with those it has now it cannot add two more together; ask for the services one at a time`,
          it: `${field}: un pacchetto si serve tutto insieme, e la tua attività può avere al massimo ${limit} servizi in corso alla volta: con quelli che ha ora non può aggiungerne due insieme; chiedi i servizi uno per volta`,
        }
      : {
          en: `${field}: a bundle is served all together, and your business may hold at most ${limit} services at once: choose at most ${free}, and ask for the others on their own or later`,
          it: `${field}: un pacchetto si serve tutto insieme, e la tua attività può avere al massimo ${limit} servizi in corso alla volta: scegline al massimo ${free}, e chiedi gli altri a parte o più tardi`,
        },
  notFound: (): Words => ({ en: 'No such bundle', it: 'Pacchetto non trovato' }),
  partFull: (category: ServiceCategory): Words => ({
    en: `“${SERVICE_CATEGORY_LABELS[category].en}”: the offer chosen has no free place left; no place was held for any service of the set`,
    it: `«${SERVICE_CATEGORY_LABELS[category].it}»: l’offerta scelta non ha più posti liberi; non è stato preso alcun posto per i servizi dell’insieme`,
  }),
  partNotEligible: (category: ServiceCategory): Words => ({
    en: `“${SERVICE_CATEGORY_LABELS[category].en}”: the offer chosen does not fit this service of your shop; no place was held for any service of the set`,
    it: `«${SERVICE_CATEGORY_LABELS[category].it}»: l’offerta scelta non è adatta a questo servizio della tua attività; non è stato preso alcun posto per i servizi dell’insieme`,
  }),
  partNotOpen: (category: ServiceCategory): Words => ({
    en: `“${SERVICE_CATEGORY_LABELS[category].en}”: this service already has an offer or is closed; no place was held for any service of the set`,
    it: `«${SERVICE_CATEGORY_LABELS[category].it}»: questo servizio ha già un’offerta o è chiuso; non è stato preso alcun posto per i servizi dell’insieme`,
  }),
  partUnknown: (field: string): Words => ({
    en: `${field}: this request is not one of the bundle’s: choose the parts from the bundle’s services`,
    it: `${field}: questa richiesta non fa parte del pacchetto: scegli le parti tra i servizi del pacchetto`,
  }),
  setNotFound: (field: string): Words => ({
    en: `${field}: no such set of services among your applications`,
    it: `${field}: nessun insieme di servizi con questo codice tra le tue candidature`,
  }),
  setNotOpen: (): Words => ({
    en: 'No service of this set is still waiting or in progress: there is nothing to withdraw',
    it: 'Nessun servizio di questo insieme è ancora in attesa o in corso: non c’è nulla da ritirare',
  }),
  partTwice: (field: string): Words => ({
    en: `${field}: this service is already in the set: one offer per service`,
    it: `${field}: questo servizio è già nell’insieme: un’offerta per servizio`,
  }),
};
