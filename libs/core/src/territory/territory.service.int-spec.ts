import { Test } from '@nestjs/testing';
import { DatabaseModule } from '@vec/database';
import { CoordinatesSource } from '@vec/territory';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { ALL_ENTITIES } from '../entities';
import { testDatabaseUrl } from '../testing/test-database';
import { TerritoryErrorCode, TerritoryException } from './territory.exception';
import { TerritoryModule } from './territory.module';
import { TerritoryService } from './territory.service';

describe('TerritoryService against PostgreSQL', () => {
  let service: TerritoryService;
  let dataSource: DataSource;
  const ctx = new RequestContext('test', new Date('2026-11-22T10:00:00Z'));
  let close: () => Promise<void>;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DatabaseModule.forRoot(testDatabaseUrl(), ALL_ENTITIES), TerritoryModule],
    }).compile();
    await moduleRef.init();
    service = moduleRef.get(TerritoryService);
    dataSource = moduleRef.get(DataSource);
    close = () => moduleRef.close();
  });
  afterAll(() => close());

  it('counts what the migration loaded, matching the raw tables', async () => {
    const summary = await service.summary(ctx);
    const [raw] = await dataSource.query<{ exact: number; fallback: number }[]>(
      `SELECT COUNT(*) FILTER (WHERE coordinates_source = 'EXACT')::int AS exact,
              COUNT(*) FILTER (WHERE coordinates_source = 'PROVINCE_CAPITAL')::int AS fallback FROM comune`,
    );
    expect(summary).toEqual({ regions: 20, provinces: 107, comuni: 7904, exactCoordinates: raw.exact, provinceCapitalCoordinates: raw.fallback });
  });

  it('searches by folded prefix, most populous first, limited', async () => {
    const found = await service.searchComuni(ctx, { search: 'SAN GIOVANNI', first: 3 });
    expect(found).toHaveLength(3);
    expect(found.every((c) => c.name.toLowerCase().startsWith('san giovanni'))).toBe(true);
    expect(found[0].population).toBeGreaterThanOrEqual(found[1].population);
    const forli = await service.searchComuni(ctx, { search: 'forli', first: 5 });
    expect(forli.map((c) => c.name)).toContain('Forlì');
  });

  it('uses the prefix index rather than scanning every comune', async () => {
    await dataSource.query('SET enable_seqscan = off');
    const plan = await dataSource.query<{ 'QUERY PLAN': string }[]>(
      "EXPLAIN SELECT code FROM comune WHERE search_name LIKE 'agli%' ORDER BY population DESC LIMIT 20",
    );
    await dataSource.query('SET enable_seqscan = on');
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('comune_search_name_prefix_idx');
  });

  it('loads comuni in one batch, in the order asked, with gaps for unknown codes', async () => {
    const found = await service.findComuniByCodes(['058091', '999999', '001001']);
    expect(found.map((c) => c?.name)).toEqual(['Roma', undefined, 'Agliè']);
    expect(found[0]?.coordinatesSource).toBe(CoordinatesSource.EXACT);
  });

  it.each([
    ['getRegion', () => service.getRegion(ctx, '42'), TerritoryErrorCode.REGION_NOT_FOUND, 'code'],
    ['getProvince', () => service.getProvince(ctx, '500'), TerritoryErrorCode.PROVINCE_NOT_FOUND, 'code'],
    ['getComune', () => service.getComune(ctx, '123456'), TerritoryErrorCode.COMUNE_NOT_FOUND, 'code'],
    ['listProvinces', () => service.listProvinces(ctx, '42'), TerritoryErrorCode.REGION_NOT_FOUND, 'regionCode'],
    ['searchComuni', () => service.searchComuni(ctx, { search: 'a', provinceCode: '500', first: 5 }), TerritoryErrorCode.PROVINCE_NOT_FOUND, 'provinceCode'],
    ['searchComuni', () => service.searchComuni(ctx, { search: "'-", first: 5 }), TerritoryErrorCode.EMPTY_SEARCH, 'search'],
  ])('%s throws a TerritoryException naming the field', async (_name, call, code, field) => {
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerritoryException);
    expect(error).toMatchObject({ code, field });
  });
});
