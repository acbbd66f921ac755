import { Test } from '@nestjs/testing';
import { DatabaseModule } from '@vec/database';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { ALL_ENTITIES } from '../entities';
import { COMUNE_SEARCH_CASES } from '../testing/comune-search-cases';
import { testDatabaseUrl } from '../testing/test-database';
import { ComuneEntity } from './comune.entity';
import { TerritoryModule } from './territory.module';
import { TerritoryService } from './territory.service';

describe('Comune search against the national table', () => {
  let service: TerritoryService;
  let dataSource: DataSource;
  const ctx = new RequestContext('test', new Date('2026-11-22T10:00:00Z'));
  let close: () => Promise<void>;
  const search = (text: string, first = 20, provinceCode?: string): Promise<ComuneEntity[]> =>
    service.searchComuni(ctx, { search: text, first, provinceCode });
  const describeAll = (found: ComuneEntity[]): string[] => found.map((c) => `${c.code} ${c.name}`);

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

  it(`knows ${COMUNE_SEARCH_CASES.length} real searches`, () => {
    expect(COMUNE_SEARCH_CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(COMUNE_SEARCH_CASES.map((c) => [c.search, c.code, c.within, c.why] as const))(
    '%j finds %s within the first %i (%s)',
    async (text, code, within) => {
      const found = await search(text, 8);
      const place = found.findIndex((comune) => comune.code === code) + 1;
      // The whole list in the message says what came first instead.
      expect({ place: place > 0 && place <= within, found: describeAll(found) }).toEqual({ place: true, found: describeAll(found) });
    },
  );

  it.each(['S. Agata', 'sant agata', 'santagata', "Sant'Agata"])('lists the Sant’Agata comuni first for %j, most populous first', async (text) => {
    const santAgata = await dataSource.query<{ code: string }[]>(`SELECT code FROM comune WHERE name LIKE 'Sant''Agata%' ORDER BY population DESC`);
    expect(santAgata).toHaveLength(10);
    const found = await search(text);
    expect(found.slice(0, 10).map((c) => c.code)).toEqual(santAgata.map((row) => row.code));
    // After them, at most names with Sant'Agata inside (Tovo di Sant'Agata).
    expect(found.slice(10).every((c) => c.name.includes("Sant'Agata"))).toBe(true);
  });

  it('puts the exact name first, then names beginning with it by population, and no near spellings', async () => {
    expect((await search('bolzano')).map((c) => c.name)).toEqual(['Bolzano', 'Bolzano Vicentino', 'Bolzano Novarese']);
    expect((await search('milano')).map((c) => c.name)).toEqual(['Milano']);
  });

  it('guesses misspellings only when nothing matches as typed, and never from one or two letters', async () => {
    expect((await search('bolzanno')).map((c) => c.name).slice(0, 3)).toEqual(['Bolzano', 'Bolzano Vicentino', 'Bolzano Novarese']);
    expect(await search('qx')).toEqual([]);
    expect(await search('zzzzzzz')).toEqual([]);
  });

  it('returns the second-language name with the comune', async () => {
    const [bolzano] = await search('Bozen');
    expect(bolzano).toMatchObject({ code: '021008', name: 'Bolzano', secondLanguageName: 'Bozen' });
    const [milano] = await search('milano');
    expect(milano.secondLanguageName).toBeNull();
  });

  it('keeps to the province asked, also for words and misspellings', async () => {
    expect(describeAll(await search('castello', 20, '014'))).toEqual(['014014 Castello dell\'Acqua']);
    expect(describeAll(await search('emilia', 20, '036'))).toEqual(expect.arrayContaining(['036006 Castelfranco Emilia', '036012 Finale Emilia']));
    expect((await search('emilia', 20, '036')).every((c) => c.provinceCode === '036')).toBe(true);
    expect(describeAll(await search('fierenze', 5, '048'))[0]).toBe('048017 Firenze');
    expect(await search('fierenze', 5, '001')).toEqual([]);
  });

  it('treats LIKE wildcards as plain characters, which no name holds', async () => {
    // Taken as patterns, these would list every comune beginning with "s".
    expect(await search('s%')).toEqual([]);
    expect(await search('s_')).toEqual([]);
  });

  it('reads the search keys from trigram indexes, not by scanning every comune', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query('SET enable_seqscan = off');
      const plan = async (sql: string): Promise<string> =>
        (await runner.manager.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`)).map((row) => row['QUERY PLAN']).join('\n');
      expect(await plan("SELECT code FROM comune c WHERE c.search_names LIKE '%| ' || comune_search_like('reggio') || '%'")).toContain('comune_search_names_trgm_idx');
      expect(
        await plan("SELECT code FROM comune c WHERE (c.search_names || c.search_province) LIKE '% ' || comune_search_like('sondrio') || '%'"),
      ).toContain('comune_search_places_trgm_idx');
    } finally {
      await runner.query('RESET enable_seqscan');
      await runner.release();
    }
  });

  it('keeps the search keys right when a name or a province changes (triggers; rolled back)', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`UPDATE comune SET name = 'Città Nuova', second_language_name = 'Neustadt' WHERE code = '001001'`);
      await runner.query(`UPDATE province SET name = 'Torino Metropolitana' WHERE code = '001'`);
      const [row] = await runner.manager.query<{ search_names: string; search_province: string }[]>(
        `SELECT search_names, search_province FROM comune WHERE code = '001001'`,
      );
      expect(row).toEqual({
        search_names: '| citta nuova | cittanuova | neustadt |',
        search_province: '| torino metropolitana | torinometropolitana | to |',
      });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
