import { DAY_MS, EARLIEST_DATE, LATEST_DATE } from '../../../common/time';
import { ServiceCategory } from '@vec/matching';
import { MESSAGES, SERVICE_CATEGORY_LABELS, type Words } from '../../../messages';
import type { ImportColumn, ImportIssue } from '../../../import/import-kind';
import { italianDay, italianDayEnd, listOf, normaliseName, wholeNumber, yesNo } from '../../../import/import-cells';
import { sectionOfDivision } from '../../../shop/registry/ateco';

/** The API's earliest date as a day written in a file: midnight of 1 January 1900 in Italy, just before it in UTC. */
const FIRST_DAY = new Date(EARLIEST_DATE.getTime() - DAY_MS);

export { italianDay, listOf, normaliseName, yesNo };

/** The columns of an offers file, Italian headers, in the template's order. */
export const OFFER_COLUMN = {
  key: 'codice_esterno',
  title: 'titolo',
  description: 'descrizione',
  categories: 'categorie',
  national: 'nazionale',
  regions: 'regioni',
  provinces: 'province',
  comuni: 'comuni',
  sectors: 'settori_ateco',
  capacity: 'capacita',
  freeMonths: 'mesi_gratuiti',
  conditions: 'condizioni',
  validFrom: 'valida_dal',
  validUntil: 'valida_fino_al',
  publish: 'pubblica',
} as const;

const C = OFFER_COLUMN;

const REQUIRED = new Set<keyof typeof OFFER_COLUMN>(['key', 'title', 'description', 'categories', 'capacity', 'freeMonths', 'conditions', 'validFrom']);

export const OFFER_IMPORT_COLUMNS: readonly ImportColumn[] = (Object.keys(OFFER_COLUMN) as (keyof typeof OFFER_COLUMN)[]).map((key) => ({
  header: OFFER_COLUMN[key],
  required: REQUIRED.has(key),
  help: MESSAGES.import.offerColumnHelp(key),
}));

export const OFFER_IMPORT_EXAMPLE: Readonly<Record<string, string>> = {
  [C.key]: 'VETRINA-2026-01',
  [C.title]: 'Vetrina online gratuita',
  [C.description]: 'Un negozio online pronto in un giorno, con catalogo, pagamenti e assistenza in italiano.',
  [C.categories]: 'ONLINE_STORE|DIGITAL_PAYMENTS',
  [C.national]: 'no',
  [C.regions]: '',
  [C.provinces]: 'MI',
  [C.comuni]: 'Reggio nell\'Emilia (RE)|001272',
  [C.sectors]: 'G|56',
  [C.capacity]: '50',
  [C.freeMonths]: '12',
  [C.conditions]: 'Gratuito per 12 mesi, senza obbligo di rinnovo e senza costi successivi.',
  [C.validFrom]: '01/03/2026',
  [C.validUntil]: '31/12/2026',
  [C.publish]: 'no',
};

/** A day as the file writes it, in Italy: 07/12/2026. */
const fileDay = (date: Date): string => new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);

/** The template's example row, valid from `now` for a year: it imports as it is whatever the day it is downloaded. */
export const offerImportExample = (now: Date): Readonly<Record<string, string>> => ({
  ...OFFER_IMPORT_EXAMPLE,
  [C.validFrom]: fileDay(now),
  [C.validUntil]: fileDay(new Date(now.getTime() + 365 * 86_400_000)),
});

/** The territory as an import reads it: every name and code, loaded once per file. */
export interface TerritoryNames {
  regionByName: ReadonlyMap<string, string>;
  provinceBySigla: ReadonlyMap<string, string>;
  /** `normalised name|SIGLA` → comune code. */
  comuneByNameAndSigla: ReadonlyMap<string, string>;
}

const CATEGORY_BY_NAME = new Map<string, ServiceCategory>(
  Object.values(ServiceCategory).flatMap((code) => [
    [normaliseName(code.replace(/_/g, ' ')), code],
    [normaliseName(SERVICE_CATEGORY_LABELS[code].it), code],
    [normaliseName(SERVICE_CATEGORY_LABELS[code].en), code],
  ]),
);


/**
 * One item of the sectors cell: a section (a letter), a division (two digits, a leading zero a
 * spreadsheet dropped restored; "G47" or "G.47" as written with its section), or nothing an
 * offer can be narrowed to (a finer ATECO code such as 47.11, or no code at all).
 */
function sectorOf(item: string): { kind: 'section' | 'division'; code: string } | { kind: 'unreadable' } | { kind: 'mismatch'; division: string; section: string } {
  if (/^[A-Za-z]$/.test(item)) return { kind: 'section', code: item.toUpperCase() };
  const division = /^(?:([A-Za-z])\s*[.-]?\s*)?(\d{1,2})$/.exec(item);
  if (!division) return { kind: 'unreadable' };
  const code = padded(division[2], 2);
  // "C47": the letter must be the division's own section, or the provider meant something else.
  const section = sectionOfDivision(code)?.code;
  if (division[1] && section && division[1].toUpperCase() !== section) return { kind: 'mismatch', division: code, section };
  return { kind: 'division', code };
}

/** Spreadsheets drop leading zeros: 1 → 01 for regions, 15 → 015 for provinces, 1272 → 001272 for comuni. */
const padded = (text: string, length: number): string => (/^\d+$/.test(text) && text.length < length ? text.padStart(length, '0') : text);

/** The plain object a row becomes before the API's input rules check it (CreateOfferInput's shape). */
export interface OfferRowPlain {
  title: string;
  description: string;
  categories: string[];
  coverage: { national: boolean | string; regionCodes: string[]; provinceCodes: string[]; comuneCodes: string[]; radii: never[] };
  sectors?: { allSectors: boolean; sections: string[]; divisions: string[] };
  capacity?: number | string;
  freePeriodMonths?: number | string;
  conditions: string;
  validFrom?: Date | string;
  validUntil?: Date | string;
}

export interface ParsedOfferRow {
  plain: OfferRowPlain;
  publish: boolean;
  /** Cells that cannot even be read (a date, sì/no, a place name): the input rules never see them. */
  issues: ImportIssue[];
}

/**
 * Reads one row of an offers file into the API's input shape: lists split, names of categories and
 * places turned into codes, dates and numbers read the Italian way. What it cannot read is an issue
 * naming the column; everything else is left to CreateOfferInput's rules and the offer service's checks.
 */
export function parseOfferRow(cells: Readonly<Record<string, string>>, names: TerritoryNames): ParsedOfferRow {
  const cell = (column: string): string => (cells[column] ?? '').trim();
  const issues: ImportIssue[] = [];
  const issue = (column: string, reason: Words): void => void issues.push({ column, reason });

  const national = yesNo(cell(C.national));
  if (national === null) issue(C.national, MESSAGES.import.notYesNo(C.national));
  const publish = yesNo(cell(C.publish));
  if (publish === null) issue(C.publish, MESSAGES.import.notYesNo(C.publish));

  const regionCodes = listOf(cell(C.regions)).flatMap((item) => {
    if (/^\d{1,2}$/.test(item)) return [padded(item, 2)];
    const code = names.regionByName.get(normaliseName(item));
    if (!code) issue(C.regions, MESSAGES.import.regionUnknown(C.regions, item));
    return code ? [code] : [];
  });
  const provinceCodes = listOf(cell(C.provinces)).flatMap((item) => {
    if (/^\d{1,3}$/.test(item)) return [padded(item, 3)];
    const code = names.provinceBySigla.get(item.toUpperCase());
    if (!code) issue(C.provinces, MESSAGES.import.provinceUnknown(C.provinces, item));
    return code ? [code] : [];
  });
  const comuneCodes = listOf(cell(C.comuni)).flatMap((item) => {
    if (/^\d{1,6}$/.test(item)) return [padded(item, 6)];
    const named = /^(.+?)\s*\(\s*([A-Za-z]{2})\s*\)$/.exec(item);
    const code = named ? names.comuneByNameAndSigla.get(`${normaliseName(named[1])}|${named[2].toUpperCase()}`) : undefined;
    if (!code) issue(C.comuni, MESSAGES.import.comuneUnknown(C.comuni, item));
    return code ? [code] : [];
  });

  const sectorItems = listOf(cell(C.sectors));
  const everySector = sectorItems.length === 0 || (sectorItems.length === 1 && normaliseName(sectorItems[0]) === 'tutti');
  const sectorsRead = everySector ? [] : sectorItems.map(sectorOf);
  for (const [i, read] of sectorsRead.entries()) {
    if (read.kind === 'unreadable') issue(C.sectors, MESSAGES.import.sectorUnreadable(C.sectors, sectorItems[i]));
    if (read.kind === 'mismatch') issue(C.sectors, MESSAGES.import.sectorSectionMismatch(C.sectors, sectorItems[i], read.division, read.section));
  }
  const sectors = everySector
    ? undefined
    : {
        allSectors: false,
        sections: sectorsRead.flatMap((read) => (read.kind === 'section' ? [read.code] : [])),
        divisions: sectorsRead.flatMap((read) => (read.kind === 'division' ? [read.code] : [])),
      };

  // The start of the first day, the end of the last: "valida_fino_al 31/12" keeps the offer open all of 31 December.
  const day = (column: string, end = false): Date | string | undefined => {
    const text = cell(column);
    if (text === '') return undefined;
    const date = end ? italianDayEnd(text) : italianDay(text);
    if (!date) issue(column, MESSAGES.import.notDate(column));
    // The years the API takes (a date typed through GraphQL meets the same bounds), as days in Italy.
    else if (date < FIRST_DAY || date > LATEST_DATE) issue(column, MESSAGES.input.dateOutOfRange(column));
    return date ?? undefined;
  };

  const plain: OfferRowPlain = {
    title: cell(C.title),
    description: cell(C.description),
    categories: listOf(cell(C.categories)).map((item) => CATEGORY_BY_NAME.get(normaliseName(item.replace(/_/g, ' '))) ?? item),
    coverage: { national: national ?? false, regionCodes, provinceCodes, comuneCodes, radii: [] },
    ...(sectors && { sectors }),
    capacity: wholeNumber(cell(C.capacity)),
    freePeriodMonths: wholeNumber(cell(C.freeMonths)),
    conditions: cell(C.conditions),
    validFrom: day(C.validFrom),
    validUntil: day(C.validUntil, true),
  };
  return { plain, publish: publish ?? false, issues };
}

/** The column of an input field path (`coverage.comuneCodes.2` → comuni), with or without the API's `input.` before it. */
export function columnOfField(path: string): string | null {
  const [first, second] = path.replace(/^input\./, '').split('.');
  const byInput: Record<string, string> = {
    title: C.title,
    description: C.description,
    categories: C.categories,
    sectors: C.sectors,
    capacity: C.capacity,
    freePeriodMonths: C.freeMonths,
    conditions: C.conditions,
    validFrom: C.validFrom,
    validUntil: C.validUntil,
  };
  if (first !== 'coverage') return byInput[first] ?? null;
  const byCoverage: Record<string, string> = { national: C.national, regionCodes: C.regions, provinceCodes: C.provinces, comuneCodes: C.comuni };
  return second ? (byCoverage[second] ?? null) : null;
}

/** A message that starts with the field's path, made to start with the column's name instead. */
export function inColumnWords(words: Words, path: string, column: string | null): Words {
  const label = column ?? [C.national, C.regions, C.provinces, C.comuni].join(', ');
  // The rest may name another field (validUntil "must be after validFrom"): by its column too.
  const swap = (text: string): string => (text.startsWith(path) ? `${label}${text.slice(path.length)}` : text).replace(/\bvalidFrom\b/g, C.validFrom);
  return { it: swap(words.it), en: swap(words.en) };
}
