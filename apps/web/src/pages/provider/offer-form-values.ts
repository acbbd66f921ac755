// What the offer form holds (text as typed, areas as chosen) and how it becomes the API's input:
// the whole input for a new offer, only what changed for an edit.
import type { ComuneChoice } from '../../components/comune-choice';
import type { CreateOfferInput, OfferCoverageInput, OfferFieldsFragment, ServiceCategory, UpdateOfferInput } from '../../gql/generated';

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

const pad = (n: number): string => String(n).padStart(2, '0');

/** A date-time as the `yyyy-mm-dd` of a date input, in the reader's time zone. */
export function dateInputOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The start of that day in the reader's time zone; null when it is not a date. */
export function isoOfDateInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) || date.getDate() !== Number(match[3]) ? null : date.toISOString();
}

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

/** Fields the API could not even receive (a number that is not one, a date that is not a date). */
export function unsendable(values: OfferValues): { field: string; problem: 'notWholeNumber' | 'notDate' | 'dateRequired' } | null {
  const whole = /^\d{1,6}$/;
  if (!whole.test(values.capacity.trim())) return { field: 'capacity', problem: 'notWholeNumber' };
  if (!whole.test(values.freePeriodMonths.trim())) return { field: 'freePeriodMonths', problem: 'notWholeNumber' };
  const radius = values.coverage.radii.findIndex((r) => !whole.test(r.km.trim()));
  if (radius >= 0) return { field: `coverage.radii.${radius}.km`, problem: 'notWholeNumber' };
  if (!values.validFrom.trim()) return { field: 'validFrom', problem: 'dateRequired' };
  if (!isoOfDateInput(values.validFrom)) return { field: 'validFrom', problem: 'notDate' };
  if (values.validUntil.trim() && !isoOfDateInput(values.validUntil)) return { field: 'validUntil', problem: 'notDate' };
  return null;
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

/** Call after `unsendable` found nothing. */
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
    validUntil: isoOfDateInput(values.validUntil) ?? undefined,
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
