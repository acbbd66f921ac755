import type { OutcomeCheckpoint } from '../match/match.types';
import { datePhrase, day, inBrackets, type Words } from './words';

/** The parties a notification names: the offer's title, the shop's and the provider's names. */
export interface Parties {
  offer: string;
  shop: string;
  provider: string;
}

/** Which of the two a suspension hit: the offer, or the provider behind it. */
export type Suspended = 'OFFER' | 'PROVIDER';

const CHECKPOINTS: Readonly<Record<OutcomeCheckpoint, Words>> = {
  DAY_30: { en: '30-day', it: 'a 30 giorni' },
  DAY_90: { en: '90-day', it: 'a 90 giorni' },
  COMPLETION: { en: 'final', it: 'finale' },
};

/** An offer's title, quoted as each language quotes: «…» in Italian, “…” in English. */
const title = (offer: string): string => `«${offer}»`;
const titleEn = (offer: string): string => `“${offer}”`;
const by = (date: Date | null): Words => (date ? day(date) : { en: '', it: '' });

/**
 * What each side reads when something happens to a match, an offer or an organisation. `why` is
 * the reason in words (a platform reason, or the words of the person who acted), or null.
 */
export const notificationMessages = {
  /** A shop's notice, read by the facilitator acting for it while its owner has not claimed it yet. */
  forShop: (shop: string, notice: Words): Words => ({ en: `For ${shop}: ${notice.en}`, it: `Per ${shop}: ${notice.it}` }),
  matchApplied: (p: Parties, respondBy: Date | null): Words => ({
    en: `${p.shop} applied to ${titleEn(p.offer)}: answer by ${by(respondBy).en}`,
    it: `${p.shop} ha chiesto ${title(p.offer)}: rispondi entro ${datePhrase('il', by(respondBy).it)}`,
  }),
  matchWaitlisted: (p: Parties): Words => ({ en: `${p.shop} joined the waitlist of ${titleEn(p.offer)}`, it: `${p.shop} è in lista d’attesa per ${title(p.offer)}` }),
  allocatedToShop: (p: Parties, respondBy: Date | null): Words => ({
    en: `The allocation assigned you ${titleEn(p.offer)} by ${p.provider}: they will answer by ${by(respondBy).en}`,
    it: `L’assegnazione ti ha attribuito ${title(p.offer)} di ${p.provider}: risponderà entro ${datePhrase('il', by(respondBy).it)}`,
  }),
  /** To a shop: staff's decision on a facilitator that acts for it. */
  facilitatorStanding: (facilitator: string, status: string): Words =>
    status === 'APPROVED'
      ? { en: `The Ministry reinstated ${facilitator}: it can act for your business again`, it: `Il Ministero ha riammesso ${facilitator}: può di nuovo operare per la tua attività` }
      : status === 'REJECTED'
        ? { en: `The Ministry rejected ${facilitator}: it can no longer act for your business; you may revoke your consent or choose another facilitator`, it: `Il Ministero ha respinto ${facilitator}: non può più operare per la tua attività; puoi revocare il consenso o sceglierne un altro` }
        : {
            en: `The Ministry suspended ${facilitator}: until it is reinstated it cannot act for your business; your consent stays, and you may revoke it`,
            it: `Il Ministero ha sospeso ${facilitator}: finché non viene riammesso non può operare per la tua attività; il tuo consenso resta, e puoi revocarlo`,
          },
  /** A selection call gave the shop a place on the provider's offer: the provider answers, as for an application. */
  callAdmittedToProvider: (p: Parties, respondBy: Date | null): Words => ({
    en: `A call gave ${p.shop} a place in ${titleEn(p.offer)}: answer by ${by(respondBy).en}`,
    it: `Un bando ha dato a ${p.shop} un posto in ${title(p.offer)}: rispondi entro ${datePhrase('il', by(respondBy).it)}`,
  }),
  /** What a selection call decided for the shop that applied. */
  callOutcome: (call: string, outcome: string, p: Parties, respondBy: Date | null, position: number | null, why: Words | null): Words => {
    switch (outcome) {
      case 'ADMITTED':
        return {
          en: `Call ${titleEn(call)}: you got a place in ${titleEn(p.offer)} by ${p.provider}, who will answer by ${by(respondBy).en}`,
          it: `Bando ${title(call)}: hai ottenuto un posto in ${title(p.offer)} di ${p.provider}, che risponderà entro ${datePhrase('il', by(respondBy).it)}`,
        };
      case 'PROMOTED':
        return {
          en: `Call ${titleEn(call)}: a place became free and it is now yours, in ${titleEn(p.offer)} by ${p.provider}, who will answer by ${by(respondBy).en}`,
          it: `Bando ${title(call)}: si è liberato un posto ed è ora tuo, in ${title(p.offer)} di ${p.provider}, che risponderà entro ${datePhrase('il', by(respondBy).it)}`,
        };
      case 'RESERVE':
        // A place the call had given, released by a suspension of the Ministry's: the shop waits at its position again.
        if (why) {
          return {
            en: `Call ${titleEn(call)}: the place the call gave you is released${inBrackets(why).en} and you are back on the reserve list, ranked ${position ?? ''}: when places are available again they will be given by the ranking`,
            it: `Bando ${title(call)}: il posto che il bando ti aveva dato è stato liberato${inBrackets(why).it} e torni in riserva alla posizione ${position ?? ''} della graduatoria: quando i posti torneranno disponibili saranno dati secondo la graduatoria`,
          };
        }
        return {
          en: `Call ${titleEn(call)}: you are on the reserve list, ranked ${position ?? ''}; if a place you can take becomes free, it will be yours`,
          it: `Bando ${title(call)}: sei in riserva, alla posizione ${position ?? ''} della graduatoria; se si libera un posto adatto a te, ti sarà dato`,
        };
      default:
        return { en: `Call ${titleEn(call)}: your application was excluded${inBrackets(why).en}`, it: `Bando ${title(call)}: la tua domanda è stata esclusa${inBrackets(why).it}` };
    }
  },
  allocatedToProvider: (p: Parties, respondBy: Date | null): Words => ({
    en: `The allocation assigned ${p.shop} to ${titleEn(p.offer)}: answer by ${by(respondBy).en}`,
    it: `L’assegnazione ha attribuito ${p.shop} a ${title(p.offer)}: rispondi entro ${datePhrase('il', by(respondBy).it)}`,
  }),
  promotedToShop: (p: Parties, respondBy: Date | null): Words => ({
    en: `A place freed up in ${titleEn(p.offer)} and it is now yours: ${p.provider} will answer by ${by(respondBy).en}`,
    it: `Si è liberato un posto in ${title(p.offer)} ed è ora tuo: ${p.provider} risponderà entro ${datePhrase('il', by(respondBy).it)}`,
  }),
  /** A part of a set that waited as a whole: every part got its place at once. */
  setPromotedToShop: (p: Parties, respondBy: Date | null): Words => ({
    en: `Your set of services has its places: ${titleEn(p.offer)} is yours, and ${p.provider} will answer by ${by(respondBy).en}`,
    it: `Il tuo insieme di servizi ha i suoi posti: ${title(p.offer)} è tuo, e ${p.provider} risponderà entro ${datePhrase('il', by(respondBy).it)}`,
  }),
  promotedToProvider: (p: Parties, respondBy: Date | null): Words => ({
    en: `${p.shop} moved up from the waitlist of ${titleEn(p.offer)}: answer by ${by(respondBy).en}`,
    it: `${p.shop} è passato dalla lista d’attesa a ${title(p.offer)}: rispondi entro ${datePhrase('il', by(respondBy).it)}`,
  }),
  matchAccepted: (p: Parties): Words => ({
    en: `${p.provider} accepted your request for ${titleEn(p.offer)}: confirm when the service is active`,
    it: `${p.provider} ha accettato la tua richiesta per ${title(p.offer)}: conferma quando il servizio è attivo`,
  }),
  matchDeclined: (p: Parties, why: Words | null): Words => ({
    en: `${p.provider} declined ${titleEn(p.offer)}${inBrackets(why).en}`,
    it: `${p.provider} ha rifiutato ${title(p.offer)}${inBrackets(why).it}`,
  }),
  /** The provider gave back a place it had accepted, before the shop started the service. */
  placeGivenBack: (p: Parties, why: Words | null): Words => ({
    en: `${p.provider} gave back the place of ${titleEn(p.offer)} it had accepted${inBrackets(why).en}: your request is open again`,
    it: `${p.provider} ha rinunciato al posto di ${title(p.offer)} che aveva accettato${inBrackets(why).it}: la tua richiesta è di nuovo aperta`,
  }),
  matchActive: (p: Parties): Words => ({ en: `${p.shop} confirmed that ${titleEn(p.offer)} is active`, it: `${p.shop} ha confermato che ${title(p.offer)} è attivo` }),
  completedToShop: (p: Parties): Words => ({
    en: `${titleEn(p.offer)} is completed: tell us whether it brought online orders`,
    it: `${title(p.offer)} è concluso: dicci se ha portato ordini online`,
  }),
  completedToProvider: (p: Parties): Words => ({ en: `${titleEn(p.offer)} for ${p.shop} is completed`, it: `${title(p.offer)} per ${p.shop} è concluso` }),
  allocatedElsewhereToShop: (p: Parties): Words => ({
    en: `Your waitlist place for ${titleEn(p.offer)} is released: the allocation assigned you another offer`,
    it: `Il tuo posto in lista d’attesa per ${title(p.offer)} è liberato: l’assegnazione ti ha attribuito un’altra offerta`,
  }),
  allocatedElsewhereToProvider: (p: Parties): Words => ({
    en: `${p.shop} left the waitlist of ${titleEn(p.offer)}: the allocation assigned it another offer`,
    it: `${p.shop} è uscito dalla lista d’attesa di ${title(p.offer)}: l’assegnazione gli ha attribuito un’altra offerta`,
  }),
  matchWithdrawn: (p: Parties, why: Words | null): Words => ({
    en: `${p.shop} withdrew from ${titleEn(p.offer)}${inBrackets(why).en}`,
    it: `${p.shop} ha rinunciato a ${title(p.offer)}${inBrackets(why).it}`,
  }),
  holdReleasedToShop: (p: Parties, why: Words | null): Words => ({
    en: `Your request for ${titleEn(p.offer)} is open again${inBrackets(why).en}: the place held for you is released, and you can apply to another offer`,
    it: `La tua richiesta per ${title(p.offer)} è di nuovo aperta${inBrackets(why).it}: il posto trattenuto per te è liberato e puoi candidarti a un’altra offerta`,
  }),
  holdReleasedToProvider: (p: Parties, why: Words | null): Words => ({
    en: `The place held for ${p.shop} in ${titleEn(p.offer)} is released${inBrackets(why).en}`,
    it: `Il posto trattenuto per ${p.shop} in ${title(p.offer)} è liberato${inBrackets(why).it}`,
  }),
  waitlistClosedToShop: (p: Parties, why: Words | null): Words => ({
    en: `Your waitlist place for ${titleEn(p.offer)} is closed${inBrackets(why).en}: you can apply elsewhere`,
    it: `Il tuo posto in lista d’attesa per ${title(p.offer)} è chiuso${inBrackets(why).it}: puoi candidarti altrove`,
  }),
  /** The shop's account was disabled: what it held or waited for in the provider's offer goes to others. */
  shopLeftToProvider: (p: Parties, why: Words | null): Words => ({
    en: `${p.shop} no longer holds or waits for a place in ${titleEn(p.offer)}${inBrackets(why).en}`,
    it: `${p.shop} non trattiene né attende più un posto in ${title(p.offer)}${inBrackets(why).it}`,
  }),
  waitlistClosedToProvider: (p: Parties, why: Words | null): Words => ({
    en: `The waitlist place of ${p.shop} for ${titleEn(p.offer)} is closed${inBrackets(why).en}`,
    it: `Il posto in lista d’attesa di ${p.shop} per ${title(p.offer)} è chiuso${inBrackets(why).it}`,
  }),
  noAnswerToShop: (p: Parties): Words => ({
    en: `${titleEn(p.offer)} ended without an answer: you can apply elsewhere`,
    it: `${title(p.offer)} è scaduto senza risposta: puoi candidarti altrove`,
  }),
  noAnswerToProvider: (p: Parties): Words => ({
    en: `The application of ${p.shop} to ${titleEn(p.offer)} expired without an answer`,
    it: `La richiesta di ${p.shop} per ${title(p.offer)} è scaduta senza risposta`,
  }),
  /** To a shop on the waitlist of an offer that ministry staff suspended (the offer, or its whole provider). */
  suspendedWhileWaiting: (p: Parties, suspended: Suspended): Words => {
    const who = suspendedWho(p, suspended);
    return {
      en: `${who.en}. You keep your waitlist place: it moves on only if the suspension is lifted. If you prefer, leave the waitlist and apply to another offer`,
      it: `${who.it}. Mantieni il tuo posto in lista d’attesa: andrà avanti solo se la sospensione verrà revocata. Se preferisci, esci dalla lista e candidati a un’altra offerta`,
    };
  },
  /** To a shop with a service from an offer that ministry staff suspended (the offer, or its whole provider). */
  suspendedWhileServed: (p: Parties, suspended: Suspended): Words => {
    const who = suspendedWho(p, suspended);
    return {
      en: `${who.en}. The platform does not stop the service you agreed, but the provider cannot act here until the suspension is lifted. You can give it up at any time and ask for another`,
      it: `${who.it}. La piattaforma non interrompe il servizio concordato, ma il fornitore non può agire qui finché la sospensione non viene revocata. Puoi rinunciarvi in qualsiasi momento e chiederne un altro`,
    };
  },
  providerRejectedWhileServed: (p: Parties): Words => ({
    en: `The Ministry rejected the provider of ${titleEn(p.offer)}: the platform does not stop the service you agreed, but the provider can no longer act here. You can give it up at any time and ask for another`,
    it: `Il Ministero ha respinto il fornitore di ${title(p.offer)}: la piattaforma non interrompe il servizio concordato, ma il fornitore non può più agire qui. Puoi rinunciarvi in qualsiasi momento e chiederne un altro`,
  }),
  organisationApproved: (): Words => ({
    en: 'The Ministry approved your organisation: shops now see your published offers',
    it: 'Il Ministero ha approvato la tua organizzazione: i negozi vedono ora le tue offerte pubblicate',
  }),
  organisationRejected: (why: Words | null): Words => ({
    en: `The Ministry rejected your organisation${inBrackets(why).en}: correct its details to have them verified again`,
    it: `Il Ministero ha respinto la tua organizzazione${inBrackets(why).it}: correggi i suoi dati per farli verificare di nuovo`,
  }),
  organisationSuspended: (why: Words | null): Words => ({
    en: `The Ministry suspended your organisation${inBrackets(why).en}: your offers are hidden and you cannot answer shops until it is reinstated`,
    it: `Il Ministero ha sospeso la tua organizzazione${inBrackets(why).it}: le tue offerte sono nascoste e non puoi rispondere ai negozi finché non viene riammessa`,
  }),
  facilitatorApproved: (): Words => ({
    en: 'The Ministry approved your organisation: you can now invite shops, register them on paper and act for those that consent',
    it: 'Il Ministero ha approvato la tua organizzazione: ora puoi invitare i negozi, registrarli su carta e operare per quelli che danno il consenso',
  }),
  facilitatorSuspended: (why: Words | null): Words => ({
    en: `The Ministry suspended your organisation${inBrackets(why).en}: you cannot act for shops or invite them until it is reinstated`,
    it: `Il Ministero ha sospeso la tua organizzazione${inBrackets(why).it}: non puoi operare per i negozi né invitarli finché non viene riammessa`,
  }),
  offerReinstated: (p: Parties, why: Words | null): Words => ({
    en: `The Ministry lifted the suspension of ${titleEn(p.offer)}${inBrackets(why).en}: it is paused, resume it when you are ready`,
    it: `Il Ministero ha revocato la sospensione di ${title(p.offer)}${inBrackets(why).it}: è in pausa, riattivala quando sei pronto`,
  }),
  offerSuspended: (p: Parties, why: Words | null): Words => ({
    en: `The Ministry suspended ${titleEn(p.offer)}${inBrackets(why).en}: shops no longer see it. Correct it and write to the Ministry to have it reinstated`,
    it: `Il Ministero ha sospeso ${title(p.offer)}${inBrackets(why).it}: i negozi non la vedono più. Correggila e scrivi al Ministero per farla riattivare`,
  }),
  surveyDue: (p: Parties, checkpoint: OutcomeCheckpoint): Words => ({
    en: `How is ${titleEn(p.offer)} going? Answer the ${CHECKPOINTS[checkpoint].en} survey`,
    it: `Come va ${title(p.offer)}? Rispondi al questionario ${CHECKPOINTS[checkpoint].it}`,
  }),
};

function suspendedWho(p: Parties, suspended: Suspended): Words {
  return suspended === 'OFFER'
    ? { en: `The Ministry suspended ${titleEn(p.offer)}`, it: `Il Ministero ha sospeso ${title(p.offer)}` }
    : { en: `The Ministry suspended the provider of ${titleEn(p.offer)}`, it: `Il Ministero ha sospeso il fornitore di ${title(p.offer)}` };
}
