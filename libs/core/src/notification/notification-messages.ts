/**
 * Notification texts in both languages, from the kind and the values stored with it. Kept on the
 * server so that every client of the API (the web app, a region's portal) says the same thing.
 */
import { reasonWords, SYSTEM_REASON, systemReasonCode } from '../match/match-reasons';

type Params = Record<string, string | number | null | undefined>;
type Words = { message: string; messageIt: string };

const CHECKPOINTS_IT: Record<string, string> = { DAY_30: 'a 30 giorni', DAY_90: 'a 90 giorni', COMPLETION: 'finale' };
const CHECKPOINTS_EN: Record<string, string> = { DAY_30: '30-day', DAY_90: '90-day', COMPLETION: 'final' };

/** " (why)" in each language, or nothing. */
function because(reason: unknown): Words {
  const words = reasonWords(reason);
  return words ? { message: ` (${words.message})`, messageIt: ` (${words.messageIt})` } : { message: '', messageIt: '' };
}

function day(iso: unknown, locale: 'it-IT' | 'en-GB'): string {
  if (typeof iso !== 'string') return '';
  return new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' });
}

/**
 * To a shop whose match is on an offer that ministry staff suspended (the offer, or its whole
 * provider): what happens to its waitlist place or to the service it has.
 */
function standingChanged(kind: string, offer: string, p: Params): Words {
  const who =
    kind === 'OFFER_SUSPENDED'
      ? { en: `The Ministry suspended ${offer}`, it: `Il Ministero ha sospeso ${offer}` }
      : { en: `The Ministry suspended the provider of ${offer}`, it: `Il Ministero ha sospeso il fornitore di ${offer}` };
  if (p.state === 'WAITLISTED') {
    return {
      message: `${who.en}. You keep your waitlist place: it moves on only if the suspension is lifted. If you prefer, leave the waitlist and apply to another offer`,
      messageIt: `${who.it}. Mantieni il tuo posto in lista d’attesa: andrà avanti solo se la sospensione verrà revocata. Se preferisci, esci dalla lista e candidati a un’altra offerta`,
    };
  }
  return {
    message: `${who.en}. The platform does not stop the service you agreed, but the provider cannot act here until the suspension is lifted. You can give it up at any time and ask for another`,
    messageIt: `${who.it}. La piattaforma non interrompe il servizio concordato, ma il fornitore non può agire qui finché la sospensione non viene revocata. Puoi rinunciarvi in qualsiasi momento e chiederne un altro`,
  };
}

/** To a provider: the decision ministry staff took on its organisation. */
function providerDecision(p: Params): Words {
  const why = because(p.reason);
  switch (p.status) {
    case 'APPROVED':
      return {
        message: 'The Ministry approved your organisation: shops now see your published offers',
        messageIt: 'Il Ministero ha approvato la tua organizzazione: i negozi vedono ora le tue offerte pubblicate',
      };
    case 'REJECTED':
      return {
        message: `The Ministry rejected your organisation${why.message}: correct its details to have them verified again`,
        messageIt: `Il Ministero ha respinto la tua organizzazione${why.messageIt}: correggi i suoi dati per farli verificare di nuovo`,
      };
    default:
      return {
        message: `The Ministry suspended your organisation${why.message}: your offers are hidden and you cannot answer shops until it is reinstated`,
        messageIt: `Il Ministero ha sospeso la tua organizzazione${why.messageIt}: le tue offerte sono nascoste e non puoi rispondere ai negozi finché non viene riammessa`,
      };
  }
}

export function describeNotification(kind: string, p: Params): Words {
  const offer = `«${p.offerTitle ?? ''}»`;
  const toShop = p.audience === 'SHOP';
  const why = because(p.reason);
  const code = systemReasonCode(p.reason);
  switch (kind) {
    case 'MATCH_APPLIED':
      return {
        message: `${p.shopName} applied to ${offer}: answer by ${day(p.respondBy, 'en-GB')}`,
        messageIt: `${p.shopName} ha chiesto ${offer}: rispondi entro il ${day(p.respondBy, 'it-IT')}`,
      };
    case 'MATCH_WAITLISTED':
      return { message: `${p.shopName} joined the waitlist of ${offer}`, messageIt: `${p.shopName} è in lista d’attesa per ${offer}` };
    case 'MATCH_ALLOCATED':
      return toShop
        ? {
            message: `The allocation assigned you ${offer} by ${p.providerName}: they will answer by ${day(p.respondBy, 'en-GB')}`,
            messageIt: `L’assegnazione ti ha attribuito ${offer} di ${p.providerName}: risponderà entro il ${day(p.respondBy, 'it-IT')}`,
          }
        : {
            message: `The allocation assigned ${p.shopName} to ${offer}: answer by ${day(p.respondBy, 'en-GB')}`,
            messageIt: `L’assegnazione ha attribuito ${p.shopName} a ${offer}: rispondi entro il ${day(p.respondBy, 'it-IT')}`,
          };
    case 'MATCH_PROMOTED':
      return toShop
        ? {
            message: `A place freed up in ${offer}: you left the waitlist, ${p.providerName} will answer by ${day(p.respondBy, 'en-GB')}`,
            messageIt: `Si è liberato un posto in ${offer}: sei uscito dalla lista d’attesa, ${p.providerName} risponderà entro il ${day(p.respondBy, 'it-IT')}`,
          }
        : {
            message: `${p.shopName} moved up from the waitlist of ${offer}: answer by ${day(p.respondBy, 'en-GB')}`,
            messageIt: `${p.shopName} è passato dalla lista d’attesa a ${offer}: rispondi entro il ${day(p.respondBy, 'it-IT')}`,
          };
    case 'MATCH_ACCEPTED':
      return {
        message: `${p.providerName} accepted your request for ${offer}: confirm when the service is active`,
        messageIt: `${p.providerName} ha accettato la tua richiesta per ${offer}: conferma quando il servizio è attivo`,
      };
    case 'MATCH_DECLINED':
      return { message: `${p.providerName} declined ${offer}${why.message}`, messageIt: `${p.providerName} ha rifiutato ${offer}${why.messageIt}` };
    case 'MATCH_ACTIVE':
      return { message: `${p.shopName} confirmed that ${offer} is active`, messageIt: `${p.shopName} ha confermato che ${offer} è attivo` };
    case 'MATCH_COMPLETED':
      return toShop
        ? { message: `${offer} is completed: tell us whether it brought online orders`, messageIt: `${offer} è concluso: dicci se ha portato ordini online` }
        : { message: `${offer} for ${p.shopName} is completed`, messageIt: `${offer} per ${p.shopName} è concluso` };
    case 'MATCH_WITHDRAWN':
      if (code === SYSTEM_REASON.ALLOCATED_ELSEWHERE) {
        return toShop
          ? { message: `Your waitlist place for ${offer} is released: the allocation assigned you another offer`, messageIt: `Il tuo posto in lista d’attesa per ${offer} è liberato: l’assegnazione ti ha attribuito un’altra offerta` }
          : { message: `${p.shopName} left the waitlist of ${offer}: the allocation assigned it another offer`, messageIt: `${p.shopName} è uscito dalla lista d’attesa di ${offer}: l’assegnazione gli ha attribuito un’altra offerta` };
      }
      return { message: `${p.shopName} withdrew from ${offer}${why.message}`, messageIt: `${p.shopName} ha rinunciato a ${offer}${why.messageIt}` };
    case 'MATCH_EXPIRED':
      if (code === SYSTEM_REASON.PROVIDER_SUSPENDED || code === SYSTEM_REASON.OFFER_SUSPENDED || code === SYSTEM_REASON.PROVIDER_REJECTED) {
        return toShop
          ? {
              message: `Your request for ${offer} is open again${why.message}: the place held for you is released, and you can apply to another offer`,
              messageIt: `La tua richiesta per ${offer} è di nuovo aperta${why.messageIt}: il posto trattenuto per te è liberato e puoi candidarti a un’altra offerta`,
            }
          : { message: `The place held for ${p.shopName} in ${offer} is released${why.message}`, messageIt: `Il posto trattenuto per ${p.shopName} in ${offer} è liberato${why.messageIt}` };
      }
      if (code === SYSTEM_REASON.OFFER_ENDED || code === SYSTEM_REASON.NO_LONGER_ELIGIBLE) {
        return toShop
          ? { message: `Your waitlist place for ${offer} is closed${why.message}: you can apply elsewhere`, messageIt: `Il tuo posto in lista d’attesa per ${offer} è chiuso${why.messageIt}: puoi candidarti altrove` }
          : { message: `The waitlist place of ${p.shopName} for ${offer} is closed${why.message}`, messageIt: `Il posto in lista d’attesa di ${p.shopName} per ${offer} è chiuso${why.messageIt}` };
      }
      return toShop
        ? { message: `${offer} ended without an answer: you can apply elsewhere`, messageIt: `${offer} è scaduto senza risposta: puoi candidarti altrove` }
        : { message: `The application of ${p.shopName} to ${offer} expired without an answer`, messageIt: `La richiesta di ${p.shopName} per ${offer} è scaduta senza risposta` };
    case 'PROVIDER_SUSPENDED':
    case 'OFFER_SUSPENDED':
      return standingChanged(kind, offer, p);
    case 'PROVIDER_REJECTED':
      return {
        message: `The Ministry rejected the provider of ${offer}: the platform does not stop the service you agreed, but the provider can no longer act here. You can give it up at any time and ask for another`,
        messageIt: `Il Ministero ha respinto il fornitore di ${offer}: la piattaforma non interrompe il servizio concordato, ma il fornitore non può più agire qui. Puoi rinunciarvi in qualsiasi momento e chiederne un altro`,
      };
    case 'PROVIDER_DECISION':
      return providerDecision(p);
    case 'OFFER_MODERATED':
      return p.action === 'REINSTATED'
        ? {
            message: `The Ministry lifted the suspension of ${offer}${why.message}: it is paused, resume it when you are ready`,
            messageIt: `Il Ministero ha revocato la sospensione di ${offer}${why.messageIt}: è in pausa, riattivala quando sei pronto`,
          }
        : {
            message: `The Ministry suspended ${offer}${why.message}: shops no longer see it. Correct it and write to the Ministry to have it reinstated`,
            messageIt: `Il Ministero ha sospeso ${offer}${why.messageIt}: i negozi non la vedono più. Correggila e scrivi al Ministero per farla riattivare`,
          };
    case 'SURVEY_DUE':
      return {
        message: `How is ${offer} going? Answer the ${CHECKPOINTS_EN[String(p.checkpoint)] ?? ''} survey`,
        messageIt: `Come va ${offer}? Rispondi al questionario ${CHECKPOINTS_IT[String(p.checkpoint)] ?? ''}`,
      };
    default:
      return { message: kind, messageIt: kind };
  }
}
