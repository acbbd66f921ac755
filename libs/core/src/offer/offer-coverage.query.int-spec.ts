import { distanceKm } from '@vec/territory';
import { ServiceCategory } from '@vec/matching';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UserRole } from '../auth/user-role';
import { ProviderKind } from '../provider/provider.types';
import { randomPartitaIva } from '../testing/seed';
import { openTestDataSource } from '../testing/test-database';
import { ComuneEntity } from '../territory/comune.entity';
import { CoverageRow } from './offer-coverage.input';
import { comuneArea, CoverageArea, coveringOfferIdsSql, loadCoverage, whereOfferCovers } from './offer-coverage.query';
import { OfferCoverageEntity } from './offer-coverage.entity';
import { OfferEntity } from './offer.entity';
import { CoverageKind, OfferStatus } from './offer.types';

const ROW: CoverageRow = { kind: CoverageKind.REGION, regionCode: null, provinceCode: null, comuneCode: null, centerLatitude: null, centerLongitude: null, radiusKm: null };

describe('offer-coverage.query against PostgreSQL', () => {
  let db: DataSource;
  let roma: ComuneEntity;
  let fiumicino: ComuneEntity;
  let milano: ComuneEntity;
  const offers: Record<string, string> = {};

  /** One offer per scenario, seeded directly: national flag and/or coverage rows. */
  async function seed(providerId: string, name: string, national: boolean, rows: CoverageRow[]): Promise<void> {
    const offer = await db.getRepository(OfferEntity).save({
      providerId,
      title: name,
      description: 'Seeded for the coverage query test.',
      categories: [ServiceCategory.WEBSITE],
      coverageNational: national,
      capacity: 5,
      freePeriodMonths: 3,
      conditions: 'Gratuito, senza obbligo di rinnovo.',
      validFrom: new Date('2026-01-01T00:00:00Z'),
      status: OfferStatus.PUBLISHED,
    });
    if (rows.length) await db.getRepository(OfferCoverageEntity).insert(rows.map((row) => ({ ...row, offerId: offer.id })));
    offers[name] = offer.id;
  }

  const radius = (centre: ComuneEntity | { latitude: number; longitude: number }, km: number): CoverageRow => ({
    ...ROW,
    kind: CoverageKind.RADIUS,
    comuneCode: 'code' in centre ? centre.code : null,
    centerLatitude: centre.latitude,
    centerLongitude: centre.longitude,
    radiusKm: km,
  });

  beforeAll(async () => {
    db = await openTestDataSource();
    const comuni = await db.getRepository(ComuneEntity).findBy([{ code: '058091' }, { code: '058120' }, { code: '015146' }]);
    [roma, fiumicino, milano] = ['058091', '058120', '015146'].map((code) => comuni.find((c) => c.code === code)!);
    const [user] = await db.query('INSERT INTO user_account (email, password_hash, role) VALUES ($1, $2, $3) RETURNING id', [
      `coverage-${randomUUID()}@example.it`,
      'not-a-hash',
      UserRole.PROVIDER,
    ]);
    const [provider] = await db.query('INSERT INTO provider (owner_user_id, name, partita_iva, kind, description) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
      user.id,
      'Copertura S.r.l.',
      randomPartitaIva(),
      ProviderKind.TECH,
      'Seeded for the coverage query test.',
    ]);
    const romaToFiumicino = distanceKm(roma, fiumicino); // 26.4 km
    await seed(provider.id, 'national', true, []);
    await seed(provider.id, 'lazio', false, [{ ...ROW, regionCode: '12' }]);
    await seed(provider.id, 'lombardia', false, [{ ...ROW, regionCode: '03' }]);
    await seed(provider.id, 'provinceOfRoma', false, [{ ...ROW, kind: CoverageKind.PROVINCE, provinceCode: '058' }]);
    await seed(provider.id, 'provinceOfLatina', false, [{ ...ROW, kind: CoverageKind.PROVINCE, provinceCode: '059' }]);
    await seed(provider.id, 'roma', false, [{ ...ROW, kind: CoverageKind.COMUNE, comuneCode: '058091' }]);
    await seed(provider.id, 'latina', false, [{ ...ROW, kind: CoverageKind.COMUNE, comuneCode: '059011' }]);
    await seed(provider.id, 'justReachesRoma', false, [radius(fiumicino, Math.ceil(romaToFiumicino))]);
    await seed(provider.id, 'justMissesRoma', false, [radius(fiumicino, Math.floor(romaToFiumicino))]);
    // Milano is 477 km from Roma and 3.6° of latitude away: inside the band, inside the circle.
    await seed(provider.id, 'fromMilano500', false, [radius(milano, 500)]);
    await seed(provider.id, 'fromMilano400', false, [radius({ latitude: milano.latitude, longitude: milano.longitude }, 400)]);
    // Several areas on one offer: counted once.
    await seed(provider.id, 'manyAreas', false, [{ ...ROW, regionCode: '12' }, { ...ROW, kind: CoverageKind.COMUNE, comuneCode: '058091' }, radius(roma, 5)]);
  });
  afterAll(() => db.destroy());

  async function covering(area: CoverageArea): Promise<string[]> {
    const query = db
      .getRepository(OfferEntity)
      .createQueryBuilder('offer')
      .where('offer.id IN (:...ours)', { ours: Object.values(offers) });
    const found = await whereOfferCovers(query, 'offer', area).getMany();
    const names = Object.fromEntries(Object.entries(offers).map(([name, id]) => [id, name]));
    return found.map((offer) => names[offer.id]).sort();
  }

  it('finds the offers covering a comune: national, its region, its province, the comune, and radii reaching it', async () => {
    expect(await covering(comuneArea(roma))).toEqual(['fromMilano500', 'justReachesRoma', 'lazio', 'manyAreas', 'national', 'provinceOfRoma', 'roma'].sort());
  });

  it('finds the offers covering a whole province or region', async () => {
    expect(await covering({ level: 'PROVINCE', regionCode: '12', provinceCode: '058' })).toEqual(['lazio', 'manyAreas', 'national', 'provinceOfRoma']);
    expect(await covering({ level: 'REGION', regionCode: '03' })).toEqual(['lombardia', 'national']);
  });

  it('combines areas with distinct parameter names', async () => {
    const query = db.getRepository(OfferEntity).createQueryBuilder('offer').where('offer.id IN (:...ours)', { ours: Object.values(offers) });
    whereOfferCovers(query, 'offer', comuneArea(roma), 'a');
    whereOfferCovers(query, 'offer', { level: 'REGION', regionCode: '12' }, 'b');
    const names = new Set((await query.getMany()).map((offer) => offer.title));
    expect(names).toEqual(new Set(['lazio', 'manyAreas', 'national']));
  });

  it('looks coverage up through the indexes, not by scanning offer_coverage', async () => {
    const { sql, parameters } = coveringOfferIdsSql(comuneArea(roma));
    const [query, values] = db.driver.escapeQueryWithParameters(sql, parameters);
    const runner = db.createQueryRunner();
    try {
      await runner.startTransaction();
      // The table is small in tests; forbid sequential scans so the plan shows which indexes fit.
      await runner.query('SET LOCAL enable_seqscan = off');
      const plan = (await runner.query(`EXPLAIN ${query}`, values)).map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
      for (const index of ['offer_coverage_region_code_idx', 'offer_coverage_province_code_idx', 'offer_coverage_comune_code_idx', 'offer_coverage_center_latitude_idx']) {
        expect(plan).toContain(index);
      }
      expect(plan).not.toMatch(/Seq Scan on offer_coverage/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('loads the coverage of many offers in one query, with place names', async () => {
    const all = await db.getRepository(OfferEntity).findBy(Object.values(offers).map((id) => ({ id })));
    let statements = 0;
    const original = db.logger.logQuery.bind(db.logger);
    db.logger.logQuery = (...args) => {
      statements += 1;
      original(...args);
    };
    try {
      await loadCoverage(db.getRepository(OfferCoverageEntity), all);
    } finally {
      db.logger.logQuery = original;
    }
    expect(statements).toBe(1);
    const many = all.find((offer) => offer.id === offers.manyAreas)!;
    expect(many.coverage?.map((row) => [row.kind, row.region?.name ?? row.comune?.name])).toEqual([
      ['REGION', 'Lazio'],
      ['COMUNE', 'Roma'],
      ['RADIUS', 'Roma'],
    ]);
    expect(all.find((offer) => offer.id === offers.national)!.coverage).toEqual([]);
  });
});
