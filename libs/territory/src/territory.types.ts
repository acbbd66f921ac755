/** How a comune's coordinates were obtained. */
export enum CoordinatesSource {
  /** Matched by name in the GeoNames gazetteer, within the comune's province or region. */
  EXACT = 'EXACT',
  /** No gazetteer match: the coordinates of the province's capital are used. */
  PROVINCE_CAPITAL = 'PROVINCE_CAPITAL',
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface Region {
  /** ISTAT region code, 2 digits with leading zero ("01" Piemonte). */
  code: string;
  name: string;
  /** ISTAT geographic area (ripartizione): Nord-ovest, Nord-est, Centro, Sud, Isole. */
  area: string;
}

export interface Province {
  /** ISTAT province code, 3 digits ("001" Torino). */
  code: string;
  name: string;
  /** Vehicle-registration abbreviation ("TO"). */
  sigla: string;
  regionCode: string;
  /** ISTAT code of the comune used as the province's reference point. */
  capitalCode: string;
}

export interface Comune extends GeoPoint {
  /** ISTAT comune code, 6 digits ("001001" Agliè). */
  code: string;
  /** The Italian name ("Bolzano"). */
  name: string;
  /** The official name in the comune's other language ("Bozen"), where ISTAT lists one. */
  secondLanguageName: string | null;
  provinceCode: string;
  regionCode: string;
  /** Codice catastale (Belfiore), e.g. "A074". */
  cadastralCode: string;
  postcodes: string[];
  population: number;
  coordinatesSource: CoordinatesSource;
}

export interface TerritoryStats {
  regions: number;
  provinces: number;
  comuni: number;
  exactCoordinates: number;
  provinceCapitalCoordinates: number;
}

export interface Territory {
  regions: Region[];
  provinces: Province[];
  comuni: Comune[];
  stats: TerritoryStats;
}
