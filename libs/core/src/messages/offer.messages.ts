import type { OfferStatusAction } from '../offer/offer-status';
import type { OfferStatus } from '../offer/offer.types';
import { statusMessages } from './status.messages';
import { datePhrase, day, type Words } from './words';

/** A change of an offer's status: by its provider, or by ministry staff. */
export type OfferChange = OfferStatusAction | 'suspend' | 'reinstate';

const CHANGED: Readonly<Record<OfferChange, Words>> = {
  publish: { en: 'published', it: 'pubblicata' },
  pause: { en: 'paused', it: 'messa in pausa' },
  resume: { en: 'resumed', it: 'riattivata' },
  close: { en: 'closed', it: 'chiusa' },
  suspend: { en: 'suspended', it: 'sospesa' },
  reinstate: { en: 'reinstated', it: 'riattivata' },
};

/** Offers: their coverage, sectors, capacity, validity and status. */
export const offerMessages = {
  notFound: (): Words => ({ en: 'No such offer', it: 'Offerta non trovata' }),
  coverageEmpty: (field: string): Words => ({
    en: `${field}: choose at least one area: all of Italy, a region, a province, a comune or a radius`,
    it: `${field}: scegli almeno un’area: tutta Italia, una regione, una provincia, un comune o un raggio`,
  }),
  radiusNoCentre: (field: string): Words => ({
    en: `${field}: choose the centre of the radius: a comune, or a point (latitude and longitude)`,
    it: `${field}: scegli il centro del raggio: un comune, oppure un punto (latitudine e longitudine)`,
  }),
  radiusTwoCentres: (field: string): Words => ({
    en: `${field}: a radius has one centre: keep either the comune or the point (latitude and longitude)`,
    it: `${field}: un raggio ha un solo centro: tieni il comune oppure il punto (latitudine e longitudine)`,
  }),
  radiusPointIncomplete: (field: string): Words => ({
    en: `${field}: a point needs both latitude and longitude`,
    it: `${field}: un punto ha bisogno sia della latitudine sia della longitudine`,
  }),
  radiusCentreOutsideItaly: (field: string, km: string, limit: string, nearest: string): Words => ({
    en: `${field}: the centre of the radius is not in Italy: it is ${km} km from the nearest comune (${nearest}), and a centre must be within ${limit} km of one; check the latitude and longitude (not swapped, not zero), or centre the radius on a comune`,
    it: `${field}: il centro del raggio non è in Italia: dista ${km} km dal comune più vicino (${nearest}) e deve trovarsi entro ${limit} km da un comune; controlla latitudine e longitudine (non invertite, non zero), oppure centra il raggio su un comune`,
  }),
  sectorsConflict: (field: string): Words => ({
    en: `${field}: an offer open to every sector lists no sections or divisions: remove them, or choose only some sectors`,
    it: `${field}: un’offerta aperta a tutti i settori non elenca sezioni o divisioni: toglile, oppure scegli solo alcuni settori`,
  }),
  sectorsEmpty: (field: string): Words => ({
    en: `${field}: choose at least one ATECO section or division, or open the offer to every sector`,
    it: `${field}: scegli almeno una sezione o divisione ATECO, oppure apri l’offerta a tutti i settori`,
  }),
  validityOrder: (field: string): Words => ({
    en: `${field}: the end of the validity must come after its start: move one of the two dates`,
    it: `${field}: la fine della validità deve venire dopo l’inizio: sposta una delle due date`,
  }),
  validityInPast: (field: string): Words => ({
    en: `${field}: the end of the validity must be later than now; to stop the offer now, close it`,
    it: `${field}: la fine della validità deve essere successiva a ora; per fermare l’offerta adesso, chiudila`,
  }),
  createdEnded: (field: string): Words => ({
    en: `${field}: the end of the validity is already past: a new offer that has ended could never be published`,
    it: `${field}: la fine della validità è già passata: un’offerta nuova già scaduta non si potrebbe mai pubblicare`,
  }),
  /** A start of validity later than `latest` (a year from now). */
  startTooFar: (field: string, latest: Date): Words => {
    const when = day(latest);
    return {
      en: `${field}: an offer must start within a year from today, that is by ${when.en}: shops look for help now; enter the offer closer to its start`,
      it: `${field}: un’offerta deve iniziare entro un anno da oggi, cioè entro ${datePhrase('il', when.it)}: i negozi cercano aiuto adesso; inserisci l’offerta più vicino al suo inizio`,
    };
  },
  /** An edit that would leave `count` shops with a place or on the waitlist outside the offer's rules; `shop` in `comune` is one of them. */
  holdersLeftOut: (field: string, rule: 'CATEGORY' | 'COVERAGE' | 'SECTOR' | 'NOT_STARTED' | 'EXPIRED', count: number, shop: string, comune: string, service: Words): Words => {
    const who = {
      en: count === 1 ? `a shop holding or waiting for a place on this offer (${shop}, ${comune})` : `${count} shops holding or waiting for a place on this offer (such as ${shop}, ${comune})`,
      it: count === 1 ? `un’attività che ha un posto o è in lista d’attesa su questa offerta (${shop}, ${comune})` : `${count} attività che hanno un posto o sono in lista d’attesa su questa offerta (come ${shop}, ${comune})`,
    };
    const stop = { en: 'to take no more shops, pause or close the offer', it: 'per non accettare altre attività, metti in pausa o chiudi l’offerta' };
    // The verbs and pronouns agree with one shop or many.
    const one = count === 1;
    const asked = { en: 'asked', it: one ? 'ha chiesto' : 'hanno chiesto' };
    const needs = { en: one ? 'needs' : 'need', it: one ? 'ha bisogno' : 'hanno bisogno' };
    const keepCovered = { en: one ? 'keep it covered' : 'keep them covered', it: one ? 'continua a coprirla' : 'continua a coprirle' };
    const keepSector = { en: one ? 'keep its sector' : 'keep their sectors', it: one ? 'mantieni il suo settore' : 'mantieni i loro settori' };
    switch (rule) {
      case 'CATEGORY':
        return { en: `${field}: ${who.en} ${asked.en} for “${service.en}”: keep this service; ${stop.en}`, it: `${field}: ${who.it} ${asked.it} «${service.it}»: mantieni questo servizio; ${stop.it}` };
      case 'COVERAGE':
        return { en: `${field}: the new area leaves out ${who.en}: ${keepCovered.en}; ${stop.en}`, it: `${field}: la nuova area lascia fuori ${who.it}: ${keepCovered.it}; ${stop.it}` };
      case 'SECTOR':
        return { en: `${field}: the new sectors leave out ${who.en}: ${keepSector.en}; ${stop.en}`, it: `${field}: i nuovi settori escludono ${who.it}: ${keepSector.it}; ${stop.it}` };
      case 'NOT_STARTED':
        return { en: `${field}: ${who.en} ${needs.en} the offer valid now: the start cannot move after today`, it: `${field}: ${who.it} ${needs.it} che l’offerta sia valida ora: l’inizio non può spostarsi dopo oggi` };
      case 'EXPIRED':
        return { en: `${field}: ${who.en} ${needs.en} the offer valid now: the end must be later than now; ${stop.en}`, it: `${field}: ${who.it} ${needs.it} che l’offerta sia valida ora: la fine deve essere successiva a ora; ${stop.it}` };
    }
  },
  statusFilterStaffOnly: (field: string): Words => ({
    en: `${field}: only ministry staff filter offers by status; your own drafts and paused offers are in myOffers`,
    it: `${field}: solo il personale del Ministero filtra le offerte per stato; le tue bozze e le offerte in pausa sono in myOffers`,
  }),
  integrationsTooMany: (field: string, max: string): Words => ({
    en: `${field}: an offer declares at most ${max} partner offers: keep the ones it really works with`,
    it: `${field}: un’offerta dichiara al massimo ${max} offerte partner: tieni quelle con cui funziona davvero`,
  }),
  integrationSelf: (field: string): Words => ({
    en: `${field}: an offer cannot be its own partner: choose another provider’s offer`,
    it: `${field}: un’offerta non può essere partner di sé stessa: scegli l’offerta di un altro fornitore`,
  }),
  integrationDuplicate: (field: string): Words => ({
    en: `${field}: this partner offer is already in the list: remove the repeat`,
    it: `${field}: questa offerta partner è già nell’elenco: togli la ripetizione`,
  }),
  integrationPartnerNotFound: (field: string): Words => ({
    en: `${field}: no published offer has this identifier: choose one from the offers shops see`,
    it: `${field}: nessuna offerta pubblicata ha questo identificativo: scegline una tra quelle che vedono i negozi`,
  }),
  integrationSameProvider: (field: string): Words => ({
    en: `${field}: this offer is your own organisation’s: integrations link to other providers’ offers`,
    it: `${field}: questa offerta è della tua stessa organizzazione: le integrazioni collegano offerte di altri fornitori`,
  }),
  capacityBelowUsed: (used: number): Words => ({
    en: `${used} places are already taken: the capacity can be ${used} or more`,
    it: `${used} posti sono già occupati: la capacità può essere ${used} o più`,
  }),
  closed: (): Words => ({
    en: 'The offer is closed and can no longer change: create a new one instead',
    it: 'L’offerta è chiusa e non si può più modificare: creane una nuova',
  }),
  invalidTransition: (current: OfferStatus, change: OfferChange): Words => {
    const status = statusMessages.offer(current);
    return { en: `The offer is ${status.en}: it cannot be ${CHANGED[change].en}`, it: `L’offerta è ${status.it}: non può essere ${CHANGED[change].it}` };
  },
  validityEnded: (validUntil: Date): Words => ({
    en: `The offer was valid until ${day(validUntil).en}: move the end of its validity into the future first`,
    it: `L’offerta era valida fino ${datePhrase('al', day(validUntil).it)}: sposta prima la fine della validità nel futuro`,
  }),
};
