import type { HelpRequestStatus } from '../../help-request/help-request.types';
import type { MatchState } from '../../match/match.types';
import { statusMessages } from '../../messages/status.messages';
import type { VerificationStatus } from '../../provider/provider.types';
import { Kpis } from '../monitoring.service';
import { ExportLanguage } from './export-columns';

type Words = Record<ExportLanguage, string>;

const FIGURES: Readonly<Record<string, Words>> = {
  shopsRegistered: { it: 'Attività registrate', en: 'Registered shops' },
  offersPublished: { it: 'Offerte pubblicate', en: 'Published offers' },
  capacityTotal: { it: 'Posti offerti', en: 'Places offered' },
  capacityUsed: { it: 'Posti usati', en: 'Places used' },
  matchRate: { it: 'Quota di richieste abbinate', en: 'Match rate' },
  medianHoursToAcceptance: { it: "Ore mediane fino all'accettazione", en: 'Median hours to acceptance' },
  activationRate: { it: "Quota di servizi attivati dopo l'accettazione", en: 'Activation rate' },
  completedMatches: { it: 'Servizi conclusi{period}', en: 'Services completed{period}' },
  surveyedCompletions: { it: 'Servizi conclusi{period} con il questionario finale', en: 'Services completed{period} with the final survey' },
  onlineOrdersShare: { it: 'Quota dei questionari finali con ordini online', en: 'Share of final surveys with online orders' },
};

const GROUPS: Readonly<Record<string, Words>> = {
  providersByStatus: { it: 'Fornitori', en: 'Providers' },
  requestsByStatus: { it: 'Richieste{made}', en: 'Requests{made}' },
  matchesByState: { it: 'Abbinamenti{born}', en: 'Matches{made}' },
};

/** Providers by the state of their verification, each row named whole ("Fornitori approvati"), so the words agree. */
const PROVIDERS: Readonly<Record<VerificationStatus, Words>> = {
  PENDING: { it: 'Fornitori in attesa di verifica', en: 'Providers awaiting verification' },
  APPROVED: { it: 'Fornitori approvati', en: 'Approved providers' },
  REJECTED: { it: 'Fornitori respinti', en: 'Rejected providers' },
  SUSPENDED: { it: 'Fornitori sospesi', en: 'Suspended providers' },
};

/** Each group's statuses in words (the code column keeps the API's name). */
const STATUS_WORDS: Readonly<Record<string, (status: string) => Words | undefined>> = {
  requestsByStatus: (status) => statusMessages.request(status as HelpRequestStatus),
  matchesByState: (status) => statusMessages.match(status as MatchState),
};

const CHECKPOINTS: Readonly<Record<string, Words>> = {
  COMPLETION: { it: 'alla conclusione', en: 'at completion' },
  DAY_30: { it: 'a 30 giorni', en: 'after 30 days' },
  DAY_90: { it: 'a 90 giorni', en: 'after 90 days' },
};

const OUTCOME_FIGURES: Readonly<Record<string, Words>> = {
  answers: { it: 'Risposte{given}', en: 'Answers{given}' },
  withOnlineOrders: { it: 'Risposte{given} con ordini online', en: 'Answers{given} with online orders' },
  onlineOrdersShare: { it: 'Quota con ordini online', en: 'Share with online orders' },
  medianOrders: { it: 'Ordini mediani tra chi ne ha ricevuti', en: 'Median orders among those with any' },
};

export interface KpiRow {
  label: string;
  code: string;
  value: number | null;
}

/** How a label says what its figure counts within a period, when one is chosen (each figure counts the events of its own kind in it). */
const IN_PERIOD: Readonly<Record<ExportLanguage, Record<string, string>>> = {
  it: { period: ' nel periodo', made: ' presentate nel periodo', born: ' nati nel periodo', given: ' date nel periodo' },
  en: { period: ' in the period', made: ' made in the period', given: ' given in the period' },
};

/**
 * The headline figures as rows of the kpis export: each named in words, and by its API code. With a
 * period (`period`), each label says what it counts in it.
 */
export function kpiRows(kpis: Kpis, language: ExportLanguage, period = false): KpiRow[] {
  const rows: KpiRow[] = [];
  const words = (label: Words | undefined, fallback: string): string =>
    label ? label[language].replace(/\{(\w+)\}/g, (_whole, key: string) => (period ? (IN_PERIOD[language][key] ?? '') : '')) : fallback;
  for (const [code, value] of Object.entries(kpis)) {
    if (code === 'outcomes') continue;
    if (value !== null && typeof value === 'object') {
      for (const [status, n] of Object.entries(value as Record<string, number>)) {
        const whole = code === 'providersByStatus' ? PROVIDERS[status as VerificationStatus]?.[language] : undefined;
        const stateWords = STATUS_WORDS[code]?.(status)?.[language] ?? status;
        // Each counted at the time it began, in the state it is in now: the period's completions are completedMatches.
        const state = language === 'it' ? 'stato attuale' : 'current status';
        rows.push({ label: whole ?? `${words(GROUPS[code], code)} (${state}: ${stateWords})`, code: `${code}.${status}`, value: n });
      }
    } else {
      rows.push({ label: words(FIGURES[code], code), code, value: value as number | null });
    }
  }
  for (const outcome of kpis.outcomes) {
    const { checkpoint, ...figures } = outcome;
    for (const [figure, value] of Object.entries(figures)) {
      rows.push({
        label: `${words(OUTCOME_FIGURES[figure], figure)} ${CHECKPOINTS[checkpoint]?.[language] ?? checkpoint}`,
        code: `outcomes.${checkpoint}.${figure}`,
        value,
      });
    }
  }
  return rows;
}
