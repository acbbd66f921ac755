import type { CallIneligibility } from '@vec/matching';
import type { CallApplicationStatus, ScoringKind, SelectionCallStatus, TieBreakRule } from '../selection-call/selection-call.types';
import { datePhrase, day, dayAndTime, type Words } from './words';

const field = (path: string, en: string, it: string): Words => ({ en: `${path} ${en}`, it: `${path} ${it}` });

const CALL_STATUS: Readonly<Record<SelectionCallStatus, Words>> = {
  DRAFT: { en: 'a draft', it: 'una bozza' },
  OPEN: { en: 'open', it: 'aperto' },
  CLOSED: { en: 'closed', it: 'chiuso' },
};

const APPLICATION_STATUS: Readonly<Record<CallApplicationStatus, Words>> = {
  SUBMITTED: { en: 'submitted', it: 'presentata' },
  EXCLUDED: { en: 'excluded', it: 'esclusa' },
  ADMITTED: { en: 'admitted', it: 'ammessa' },
  RESERVE: { en: 'on the reserve list', it: 'in riserva' },
  LAPSED: { en: 'lapsed', it: 'decaduta' },
};

const TIE_BREAK: Readonly<Record<TieBreakRule | 'SCORE' | 'DRAW', Words>> = {
  SCORE: { en: 'a lower score', it: 'un punteggio più basso' },
  EARLIER_APPLICATION: { en: 'the earlier application', it: 'la domanda presentata prima' },
  FEWER_EMPLOYEES: { en: 'the business with fewer employees', it: 'l’impresa con meno addetti' },
  DRAW: { en: 'the published draw', it: 'il sorteggio pubblicato' },
};

/** Why the applicant just above came first with the same score, as the end of a sentence. */
const AHEAD_BY: Readonly<Record<TieBreakRule | 'DRAW', Words>> = {
  EARLIER_APPLICATION: { en: 'because it applied earlier', it: 'perché ha presentato la domanda prima' },
  FEWER_EMPLOYEES: { en: 'because it has fewer employees', it: 'perché ha meno addetti' },
  DRAW: { en: 'by the published draw', it: 'per il sorteggio pubblicato' },
};

const points = (hundredths: number): string => (hundredths / 100).toFixed(2).replace(/\.?0+$/, '');

/** A count with its noun, one or many: "1 punto", "30 punti". */
const counted = (n: number | string, one: Words, many: Words): Words => (Number(n) === 1 ? { en: `${n} ${one.en}`, it: `${n} ${one.it}` } : { en: `${n} ${many.en}`, it: `${n} ${many.it}` });
const POINT = { en: 'point', it: 'punto' };
const POINTS = { en: 'points', it: 'punti' };
const EMPLOYEE = { en: 'employee', it: 'addetto' };
const EMPLOYEES = { en: 'employees', it: 'addetti' };

/** Selection calls (bandi): their errors, why a shop may not apply, and how each score was made. */
export const selectionCallMessages = {
  callNotFound: (): Words => ({ en: 'No such selection call', it: 'Bando non trovato' }),
  applicationNotFound: (): Words => ({ en: 'No such application', it: 'Domanda non trovata' }),
  excludedOnErasure: (): Words => ({
    en: 'The shop’s account was deleted at its owner’s request before the call closed',
    it: 'L’account del negozio è stato cancellato su richiesta del titolare prima della chiusura del bando',
  }),
  offerNotFound: (path: string): Words => field(path, 'is not an offer of the platform', 'non è un’offerta della piattaforma'),
  offerNotPublished: (path: string): Words =>
    field(path, 'is a draft its provider has not published: a call gives places only on published offers', 'è una bozza che il fornitore non ha pubblicato: un bando dà posti solo su offerte pubblicate'),
  offerPaused: (path: string): Words =>
    field(path, 'is paused by its provider, so no shop sees it: publish the call when the offer is published again', 'è in pausa per scelta del fornitore e nessun negozio la vede: pubblica il bando quando l’offerta torna pubblicata'),
  offerSuspended: (path: string): Words => field(path, 'is suspended by the ministry: it gives no places', 'è sospesa dal Ministero: non dà posti'),
  offerClosed: (path: string): Words => field(path, 'is closed: it gives no more places', 'è chiusa: non dà più posti'),
  offerProviderNotApproved: (path: string): Words =>
    field(path, 'belongs to a provider the ministry has not approved: its offers give no places', 'appartiene a un fornitore non approvato dal Ministero: le sue offerte non danno posti'),
  offerValidityEnds: (path: string, until: Date): Words =>
    field(
      path,
      `is valid only until ${day(until).en}, before the call closes: places are given at the closing, so choose an offer still valid then or close the call earlier`,
      `è valida solo fino ${datePhrase('al', day(until).it)}, prima della chiusura del bando: i posti si assegnano alla chiusura, quindi scegli un’offerta ancora valida allora o chiudi prima il bando`,
    ),
  offerNotYetValid: (path: string, from: Date): Words =>
    field(
      path,
      `becomes valid only on ${day(from).en}, after the call closes: places are given at the closing, so choose an offer valid by then or close the call later`,
      `diventa valida solo ${datePhrase('il', day(from).it)}, dopo la chiusura del bando: i posti si assegnano alla chiusura, quindi scegli un’offerta già valida allora o chiudi dopo il bando`,
    ),
  offerOutsideTerritory: (path: string): Words =>
    field(
      path,
      'covers no comune of the call’s territory: places go only to applicants an offer reaches, so choose an offer that covers the territory or widen the territory',
      'non copre alcun comune del territorio del bando: i posti vanno solo a chi l’offerta raggiunge, quindi scegli un’offerta che copra il territorio o allarga il territorio',
    ),
  offerOtherSectors: (path: string): Words =>
    field(
      path,
      'takes none of the sectors the call is open to: places go only to applicants an offer takes, so choose another offer or widen the call’s sectors',
      'non accetta alcuno dei settori a cui il bando è aperto: i posti vanno solo a chi l’offerta accetta, quindi scegli un’altra offerta o allarga i settori del bando',
    ),
  /** `promised`: of the `free` places, those other open calls on the same offers will take at their closing. */
  placesOverFreeCapacity: (path: string, asked: number, free: number, promised = 0): Words => {
    const left = Math.max(0, free - promised);
    const [askedEn, askedIt] = asked === 1 ? ['1 place', '1 posto'] : [`${asked} places`, `${asked} posti`];
    return promised === 0
      ? field(
          path,
          `asks for ${askedEn}, but the call’s offers have ${free} free: ask for at most ${free}, or choose offers with more free places`,
          `chiede ${askedIt}, ma le offerte del bando ne hanno ${free} liberi: chiedine al massimo ${left}, oppure scegli offerte con più posti liberi`,
        )
      : field(
          path,
          `asks for ${askedEn}, but the call’s offers have ${free} free and other open calls may take ${promised} of them at their closing: ask for at most ${left}, or choose offers with more free places`,
          `chiede ${askedIt}, ma le offerte del bando ne hanno ${free} liberi e altri bandi aperti ne possono prendere ${promised} alla loro chiusura: chiedine al massimo ${left}, oppure scegli offerte con più posti liberi`,
        );
  },

  duplicateCriterion: (path: string): Words =>
    field(path, 'repeats the kind of an earlier criterion: each kind scores once, so give that one the whole weight', 'ripete il tipo di un criterio precedente: ogni tipo conta una volta sola, quindi dai a quello tutto il peso'),
  criterionFieldNotForKind: (path: string, kind: string, belongsTo: string): Words =>
    field(path, `belongs to ${belongsTo} criteria, not to a ${kind} one: remove it`, `è dei criteri ${belongsTo}, non di un criterio ${kind}: toglilo`),
  duplicateCode: (path: string): Words => field(path, 'repeats an earlier entry', 'ripete una voce precedente'),
  unknownQuestion: (path: string): Words => field(path, 'is not one of the call’s questions', 'non è una delle domande del bando'),
  unknownDeclaration: (path: string): Words => field(path, 'is not one of the call’s declarations', 'non è una delle dichiarazioni del bando'),
  criterionIncomplete: (path: string): Words => field(path, 'is required by this kind of criterion', 'è richiesto da questo tipo di criterio'),
  unknownTerritory: (path: string): Words => field(path, 'is not an Italian region, province or comune', 'non è una regione, provincia o comune italiano'),
  employeeBounds: (path: string): Words => field(path, 'must be at least the minimum number of employees', 'deve essere almeno pari al numero minimo di addetti'),
  windowOrder: (path: string): Words => field(path, 'must be after the opening of applications', 'deve essere successiva all’apertura delle domande'),
  invalidState: (current: SelectionCallStatus): Words => ({
    en: `The call is ${CALL_STATUS[current].en}: this step is not possible now`,
    it: `Il bando è ${CALL_STATUS[current].it}: questo passaggio ora non è possibile`,
  }),
  windowOver: (closesAt: Date): Words => ({
    en: `Applications were to close on ${dayAndTime(closesAt).en}: set a later closing date in a new call`,
    it: `Le domande si sarebbero chiuse ${datePhrase('il', dayAndTime(closesAt).it)}: indica una chiusura successiva in un nuovo bando`,
  }),
  /** Closing asked before the window ends; `opensAt` when applications have not opened yet. */
  windowOpen: (closesAt: Date, opensAt: Date | null): Words =>
    opensAt
      ? {
          en: `Applications open on ${dayAndTime(opensAt).en} and close on ${dayAndTime(closesAt).en}: the call closes after that`,
          it: `Le domande si aprono ${datePhrase('il', dayAndTime(opensAt).it)} e si chiudono ${datePhrase('il', dayAndTime(closesAt).it)}: il bando si chiude dopo`,
        }
      : {
          en: `Applications are open until ${dayAndTime(closesAt).en}: the call closes after that`,
          it: `Le domande sono aperte fino ${datePhrase('al', dayAndTime(closesAt).it)}: il bando si chiude dopo`,
        },
  closesInPast: (path: string): Words =>
    field(path, 'must be in the future: applications would be closed before the call could be published', 'deve essere nel futuro: le domande sarebbero già chiuse prima che il bando possa essere pubblicato'),
  alreadyApplied: (): Words => ({ en: 'Your business has already applied to this call', it: 'La tua impresa ha già presentato domanda per questo bando' }),
  alreadyExcluded: (): Words => ({
    en: 'This application has already been excluded: its reason and who excluded it stay as they were',
    it: 'Questa domanda è già stata esclusa: la motivazione e chi l’ha esclusa non cambiano',
  }),
  /** The headline of a refusal: the window alone (`windowOnly`) is not the business's fault. */
  notEligible: (windowOnly = false): Words =>
    windowOnly
      ? { en: 'Applications to this call are not open', it: 'Le domande per questo bando non sono aperte' }
      : { en: 'Your business does not meet the call’s requirements', it: 'La tua impresa non soddisfa i requisiti del bando' },
  /**
   * One requirement not met, with the call's own words for declarations and questions, and the
   * call's territory by name (regions, provinces with their abbreviation, comuni).
   */
  ineligible: (failure: CallIneligibility, statement: string | null, territory: CallTerritoryNames | null = null): Words => {
    switch (failure.code) {
      case 'NOT_OPEN_YET':
        return { en: `Applications open on ${dayAndTime(new Date(failure.opensAt)).en}`, it: `Le domande si aprono ${datePhrase('il', dayAndTime(new Date(failure.opensAt)).it)}` };
      case 'WINDOW_CLOSED':
        return { en: `Applications closed on ${dayAndTime(new Date(failure.closesAt)).en}`, it: `Le domande si sono chiuse ${datePhrase('il', dayAndTime(new Date(failure.closesAt)).it)}` };
      case 'SECTOR':
        return { en: 'Your ATECO sector is not among those of the call', it: 'Il tuo settore ATECO non è tra quelli del bando' };
      case 'TOO_FEW_EMPLOYEES': {
        const least = counted(failure.min, EMPLOYEE, EMPLOYEES);
        return { en: `The call asks for at least ${least.en}`, it: `Il bando richiede almeno ${least.it}` };
      }
      case 'TOO_MANY_EMPLOYEES': {
        const most = counted(failure.max, EMPLOYEE, EMPLOYEES);
        return { en: `The call is for businesses with at most ${most.en}`, it: `Il bando è per imprese con al massimo ${most.it}` };
      }
      case 'OUTSIDE_TERRITORY': {
        const places = territory ? territoryWords(territory) : null;
        return places
          ? { en: `The call is only for businesses in ${places.en}`, it: `Il bando è solo per le imprese di: ${places.it}` }
          : { en: 'Your business is outside the call’s territory', it: 'La tua impresa è fuori dal territorio del bando' };
      }
      case 'DECLARATION_NOT_CONFIRMED':
        return { en: `Confirm the declaration: “${statement ?? failure.declarationCode}”`, it: `Conferma la dichiarazione: «${statement ?? failure.declarationCode}»` };
      case 'QUESTION_NOT_ANSWERED':
        return { en: `Answer the question: “${statement ?? failure.questionCode}”`, it: `Rispondi alla domanda: «${statement ?? failure.questionCode}»` };
    }
  },
  /** A published criterion, as the call states it. */
  criterion: (kind: `${ScoringKind}`, weight: number, detail: string, provinces = 1): Words => {
    const worth = counted(weight, POINT, POINTS);
    switch (kind) {
      case 'FEWER_EMPLOYEES': {
        const cap = counted(detail, EMPLOYEE, EMPLOYEES);
        return {
          en: `Up to ${worth.en} to smaller businesses: all with no employees, none from ${cap.en} up`,
          it: `Fino a ${worth.it} alle imprese più piccole: tutti senza addetti, nessuno da ${cap.it} in su`,
        };
      }
      case 'PRIORITY_PROVINCES':
        return provinces === 1
          ? { en: `${worth.en} to businesses in the province of ${detail}`, it: `${worth.it} alle imprese nella provincia di ${detail}` }
          : { en: `${worth.en} to businesses in the provinces of ${detail}`, it: `${worth.it} alle imprese nelle province di ${detail}` };
      case 'ANSWER_YES':
        return { en: `${worth.en} for answering yes to: “${detail}”`, it: `${worth.it} a chi risponde sì a: «${detail}»` };
    }
  },
  /** What one criterion gave an applicant, and why. */
  scorePart: (kind: `${ScoringKind}`, hundredths: number, weight: number, measured: number): Words => {
    const got = points(hundredths);
    switch (kind) {
      case 'FEWER_EMPLOYEES': {
        const size = counted(measured, EMPLOYEE, EMPLOYEES);
        return { en: `${got} of ${weight} points: ${size.en}`, it: `${got} punti su ${weight}: ${size.it}` };
      }
      case 'PRIORITY_PROVINCES':
        return measured
          ? { en: `${got} of ${weight} points: the business is in a priority province`, it: `${got} punti su ${weight}: l’impresa è in una provincia prioritaria` }
          : { en: `${got} of ${weight} points: the business is not in a priority province`, it: `${got} punti su ${weight}: l’impresa non è in una provincia prioritaria` };
      case 'ANSWER_YES':
        return measured
          ? { en: `${got} of ${weight} points: answered yes`, it: `${got} punti su ${weight}: risposta sì` }
          : { en: `${got} of ${weight} points: answered no`, it: `${got} punti su ${weight}: risposta no` };
    }
  },
  /** What put an applicant below the one ranked just above. */
  separatedBy: (by: TieBreakRule | 'SCORE' | 'DRAW'): Words =>
    by === 'SCORE'
      ? { en: 'Ranked below the previous applicant for a lower score', it: 'In graduatoria dopo il precedente per un punteggio più basso' }
      : { en: `Same score as the previous applicant, which comes first ${AHEAD_BY[by].en}`, it: `Stesso punteggio del precedente, che viene prima ${AHEAD_BY[by].it}` },
  tieBreak: (rule: TieBreakRule | 'DRAW'): Words => TIE_BREAK[rule],
  applicationStatus: (status: CallApplicationStatus): Words => APPLICATION_STATUS[status],
};

/** A call's territory by name, for its refusals. */
export interface CallTerritoryNames {
  regions: readonly string[];
  provinces: readonly { name: string; sigla: string }[];
  comuni: readonly { name: string; sigla: string }[];
}

function territoryWords({ regions, provinces, comuni }: CallTerritoryNames): Words | null {
  const list = (province: (p: { name: string; sigla: string }) => string): string =>
    [...regions, ...provinces.map(province), ...comuni.map((c) => `${c.name} (${c.sigla})`)].join('; ');
  if (regions.length + provinces.length + comuni.length === 0) return null;
  return { en: list((p) => `the province of ${p.name} (${p.sigla})`), it: list((p) => `provincia di ${p.name} (${p.sigla})`) };
}

