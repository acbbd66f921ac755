// What the offer form holds (text as typed, areas as chosen) and how it becomes the API's input:
// the whole input for a new offer, only what changed for an edit.
import type { ComuneChoice } from '../../components/comune-choice';
import type { CreateOfferInput, OfferCoverageInput, OfferFieldsFragment, ServiceCategory, UpdateOfferInput } from '../../gql/generated';
import { instantOfItalianTime, italianDayOf } from '../../i18n/italian-time';

export interface AreaChoice {
  code: string;
  name: string;
}

export interface RadiusValue {
  /** The comune at the centre; null for a circle around a point (kept as it was). */
  comune: ComuneChoice | null;
  latitude: number;
  longitude: number;
  km: string;
}

export interface CoverageValue {
  national: boolean;
  regions: AreaChoice[];
  provinces: (AreaChoice & { sigla: string })[];
  comuni: ComuneChoice[];
  radii: RadiusValue[];
}

export interface OfferValues {
  title: string;
  description: string;
  categories: ServiceCategory[];
  coverage: CoverageValue;
  allSectors: boolean;
  sections: string[];
  divisions: string[];
  capacity: string;
  freePeriodMonths: string;
  conditions: string;
  validFrom: string;
  validUntil: string;
}

/** A date-time as the `yyyy-mm-dd` of a date input: the day it falls on in Italy, wherever the device is. */
export const dateInputOf = (iso: string): string => italianDayOf(iso);

/** The start of that day in Italy; null when it is not a date. */
export const isoOfDateInput = (value: string): string | null => instantOfItalianTime(value);

/**
 * The last moment of that day in Italy (a millisecond before the next day starts): "valida fino al
 * 31/12" keeps the offer open all of 31 December, as the cards and the catalogue say. Null when it
 * is not a date.
 */
export const isoOfEndOfDateInput = (value: string): string | null => {
  const next = instantOfItalianTime(value, '00:00', 1);
  return next === null ? null : new Date(new Date(next).getTime() - 1).toISOString();
};

export const EMPTY_COVERAGE: CoverageValue = { national: false, regions: [], provinces: [], comuni: [], radii: [] };

export function emptyOffer(today: Date): OfferValues {
  return {
    title: '',
    description: '',
    categories: [],
    coverage: EMPTY_COVERAGE,
    allSectors: true,
    sections: [],
    divisions: [],
    capacity: '',
    freePeriodMonths: '',
    conditions: '',
    validFrom: dateInputOf(today.toISOString()),
    validUntil: '',
  };
}

export function valuesOfOffer(offer: OfferFieldsFragment): OfferValues {
  const comune = (c: { code: string; name: string; province: { sigla: string } }): ComuneChoice => ({ code: c.code, name: c.name, sigla: c.province.sigla });
  return {
    title: offer.title,
    description: offer.description,
    categories: [...offer.categories],
    coverage: {
      national: offer.coverage.national,
      regions: offer.coverage.regions.map((r) => ({ code: r.code, name: r.name })),
      provinces: offer.coverage.provinces.map((p) => ({ code: p.code, name: p.name, sigla: p.sigla })),
      comuni: offer.coverage.comuni.map(comune),
      radii: offer.coverage.radii.map((r) => ({ comune: r.comune ? comune(r.comune) : null, latitude: r.latitude, longitude: r.longitude, km: String(r.km) })),
    },
    allSectors: offer.sectors.allSectors,
    sections: [...offer.sectors.sections],
    divisions: [...offer.sectors.divisions],
    capacity: String(offer.capacity),
    freePeriodMonths: String(offer.freePeriodMonths),
    conditions: offer.conditions,
    validFrom: dateInputOf(offer.validFrom),
    validUntil: offer.validUntil ? dateInputOf(offer.validUntil) : '',
  };
}

export type OfferProblem = 'numberRequired' | 'notWholeNumber' | 'notDate' | 'dateRequired' | 'coverageEmpty' | 'sectorsEmpty';

export interface ReadOffer {
  /**
   * Fields the API could not even receive (an empty number, a number that is not one, a date that is
   * not a date) or would refuse only on a second press (no area, no sector), in the form's order.
   */
  problems: { field: string; problem: OfferProblem }[];
  /**
   * What to send: the values, with a stand-in the API is sure to refuse in place of each value it
   * could not receive. Sent with the problems, it answers with every other field's message at once
   * and writes nothing.
   */
  sendable: OfferValues;
  /** Fields sent only as a stand-in, though the reader's value is fine: the API's message about them is not the reader's concern. */
  standInsOnly: string[];
}

/** Below the API's minimum of 1 (places, months, km): always refused. */
const REFUSED_NUMBER = '0';

function numberProblem(text: string): OfferProblem | null {
  const value = text.trim();
  if (!value) return 'numberRequired';
  // A whole number, even out of range, is sent as it is: the API words its own range.
  return /^-?\d{1,6}$/.test(value) ? null : 'notWholeNumber';
}

function dayBefore(dateInput: string): string {
  return dateInputOf(instantOfItalianTime(dateInput, '00:00', -1) ?? '');
}

/** Reads the form for sending: every problem at once, and what to send so that the API reports the rest. */
export function readOffer(values: OfferValues, today: Date): ReadOffer {
  const problems: ReadOffer['problems'] = [];
  const sendable: OfferValues = { ...values, coverage: { ...values.coverage, radii: [...values.coverage.radii] } };
  const standInsOnly: string[] = [];
  // The API checks these only once the input itself is valid: found here, they are listed with the rest at the first press.
  const { national, regions, provinces, comuni, radii } = values.coverage;
  if (!national && !regions.length && !provinces.length && !comuni.length && !radii.length) problems.push({ field: 'coverage', problem: 'coverageEmpty' });
  if (!values.allSectors && !values.sections.length && !values.divisions.length) problems.push({ field: 'sectors', problem: 'sectorsEmpty' });
  for (const field of ['capacity', 'freePeriodMonths'] as const) {
    const problem = numberProblem(values[field]);
    if (problem) {
      problems.push({ field, problem });
      sendable[field] = REFUSED_NUMBER;
    }
  }
  values.coverage.radii.forEach((radius, index) => {
    const problem = numberProblem(radius.km);
    if (problem) {
      problems.push({ field: `coverage.radii.${index}.km`, problem });
      sendable.coverage.radii[index] = { ...radius, km: REFUSED_NUMBER };
    }
  });
  const from = !values.validFrom.trim() ? 'dateRequired' : isoOfDateInput(values.validFrom) ? null : 'notDate';
  const until = values.validUntil.trim() && !isoOfDateInput(values.validUntil) ? 'notDate' : null;
  if (from) {
    problems.push({ field: 'validFrom', problem: from });
    // Any date will do for the API to read; the end before it makes sure it refuses.
    sendable.validFrom = dateInputOf(today.toISOString());
    if (!until) standInsOnly.push('validUntil');
  }
  if (until) problems.push({ field: 'validUntil', problem: until });
  if (from || until) sendable.validUntil = dayBefore(sendable.validFrom);
  return { problems, sendable, standInsOnly };
}

export function coverageInput(coverage: CoverageValue): OfferCoverageInput {
  return {
    national: coverage.national,
    regionCodes: coverage.regions.map((r) => r.code),
    provinceCodes: coverage.provinces.map((p) => p.code),
    comuneCodes: coverage.comuni.map((c) => c.code),
    radii: coverage.radii.map((r) => (r.comune ? { comuneCode: r.comune.code, km: Number(r.km.trim()) } : { latitude: r.latitude, longitude: r.longitude, km: Number(r.km.trim()) })),
  };
}

const sectorsInput = (values: OfferValues) =>
  values.allSectors ? { allSectors: true, sections: [], divisions: [] } : { allSectors: false, sections: values.sections, divisions: values.divisions };

/** Of values `readOffer` made sendable. */
export function createInput(values: OfferValues): CreateOfferInput {
  return {
    title: values.title,
    description: values.description,
    categories: values.categories,
    coverage: coverageInput(values.coverage),
    sectors: sectorsInput(values),
    capacity: Number(values.capacity.trim()),
    freePeriodMonths: Number(values.freePeriodMonths.trim()),
    conditions: values.conditions,
    validFrom: isoOfDateInput(values.validFrom) ?? '',
    validUntil: isoOfEndOfDateInput(values.validUntil) ?? undefined,
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed; coverage and sectors go as a whole when any part of them changed. */
export function updateInput(id: string, before: OfferValues, after: OfferValues): UpdateOfferInput {
  const was = createInput(before);
  const now = createInput(after);
  const input: UpdateOfferInput = { id };
  if (now.title !== was.title) input.title = now.title;
  if (now.description !== was.description) input.description = now.description;
  if (!same(now.categories, was.categories)) input.categories = now.categories;
  if (!same(now.coverage, was.coverage)) input.coverage = now.coverage;
  if (!same(now.sectors, was.sectors)) input.sectors = now.sectors;
  if (now.capacity !== was.capacity) input.capacity = now.capacity;
  if (now.freePeriodMonths !== was.freePeriodMonths) input.freePeriodMonths = now.freePeriodMonths;
  if (now.conditions !== was.conditions) input.conditions = now.conditions;
  if (now.validFrom !== was.validFrom) input.validFrom = now.validFrom;
  if (now.validUntil !== was.validUntil) input.validUntil = now.validUntil ?? null;
  return input;
}
