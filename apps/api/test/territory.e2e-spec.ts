import { startTestApp, TestApp } from './testing/test-app';

interface ComuneRow {
  code: string;
  name: string;
  population: number;
  province: { sigla: string };
}

describe('Territory over GraphQL', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('finds Agliè (001, TO) from "agli", ignoring accents and case', async () => {
    const { data, errors } = await api.gql<{ comuni: ComuneRow[] }>('{ comuni(search: "AGLI") { code name population province { sigla } } }');
    expect(errors).toBeUndefined();
    expect(data?.comuni).toContainEqual(expect.objectContaining({ code: '001001', name: 'Agliè', province: { sigla: 'TO' } }));
    const populations = data?.comuni.map((c) => c.population) ?? [];
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it('lists Reggio di Calabria and Reggio nell\'Emilia first for "reggio"', async () => {
    const { data } = await api.gql<{ comuni: ComuneRow[] }>('{ comuni(search: "reggio", first: 5) { name } }');
    expect(data?.comuni.slice(0, 2).map((c) => c.name)).toEqual(['Reggio di Calabria', "Reggio nell'Emilia"]);
    expect(data?.comuni.map((c) => c.name)).toEqual(['Reggio di Calabria', "Reggio nell'Emilia", 'Reggiolo']);
  });

  it('filters the search by province and treats % and _ literally', async () => {
    const inTurin = await api.gql<{ comuni: ComuneRow[] }>('{ comuni(search: "s", provinceCode: "001", first: 100) { name province { sigla } } }');
    expect(inTurin.data?.comuni.length).toBeGreaterThan(30);
    expect(inTurin.data?.comuni.every((c) => /^S/.test(c.name))).toBe(true);
    expect(new Set(inTurin.data?.comuni.map((c) => c.province.sigla))).toEqual(new Set(['TO']));
    const wildcard = await api.gql<{ comuni: ComuneRow[] }>('{ comuni(search: "a%") { code } under: comuni(search: "a_") { code } }');
    expect(wildcard.data).toEqual({ comuni: [], under: [] });
  });

  it('finds comuni as people type them, with their second-language name', async () => {
    const { data, errors } = await api.gql<{ bozen: (ComuneRow & { secondLanguageName: string | null })[]; reggio: ComuneRow[]; santAgata: ComuneRow[] }>(
      `{ bozen: comuni(search: "Bozen", first: 1) { code name secondLanguageName population province { sigla } }
         reggio: comuni(search: "reggio emilia", first: 1) { code name population province { sigla } }
         santAgata: comuni(search: "S. Agata", first: 3) { code name population province { sigla } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.bozen).toEqual([{ code: '021008', name: 'Bolzano', secondLanguageName: 'Bozen', population: 102575, province: { sigla: 'BZ' } }]);
    expect(data?.reggio.map((c) => [c.name, c.province.sigla])).toEqual([["Reggio nell'Emilia", 'RE']]);
    expect(data?.santAgata.every((c) => c.name.startsWith("Sant'Agata"))).toBe(true);
  });

  it('returns regions with their provinces, and a province with its region and capital', async () => {
    const { data } = await api.gql<{
      regions: { code: string; name: string; provinces: { sigla: string }[] }[];
      provinces: { code: string; name: string; region: { name: string }; capital: { name: string } }[];
    }>('{ regions { code name provinces { sigla } } provinces(regionCode: "04") { code name region { name } capital { name } } }');
    expect(data?.regions).toHaveLength(20);
    expect(data?.regions[0]).toMatchObject({ code: '01', name: 'Piemonte' });
    expect(data?.regions.flatMap((r) => r.provinces)).toHaveLength(107);
    expect(data?.provinces).toEqual([
      { code: '021', name: 'Bolzano/Bozen', region: { name: 'Trentino-Alto Adige/Südtirol' }, capital: { name: 'Bolzano' } },
      { code: '022', name: 'Trento', region: { name: 'Trentino-Alto Adige/Südtirol' }, capital: { name: 'Trento' } },
    ]);
  });

  it('returns one comune by code with its data, and the territory summary', async () => {
    const { data } = await api.gql<{
      comune: { name: string; postcodes: string[]; latitude: number; coordinatesSource: string; region: { code: string } };
      territorySummary: { comuni: number; exactCoordinates: number; provinceCapitalCoordinates: number };
    }>('{ comune(code: "058091") { name postcodes latitude coordinatesSource region { code } } territorySummary { comuni exactCoordinates provinceCapitalCoordinates } }');
    expect(data?.comune).toMatchObject({ name: 'Roma', coordinatesSource: 'EXACT', region: { code: '12' } });
    expect(data?.comune.postcodes.length).toBeGreaterThan(50);
    expect(data?.comune.latitude).toBeCloseTo(41.9, 1);
    expect(data?.territorySummary.comuni).toBe(7904);
    expect(data?.territorySummary.exactCoordinates + (data?.territorySummary.provinceCapitalCoordinates ?? 0)).toBe(7904);
  });

  it.each([
    ['an empty search', '{ comuni(search: "   ") { code } }', 'search', 'isNotEmpty'],
    ['a search with no letters', '{ comuni(search: "\'") { code } }', 'search', 'EMPTY_SEARCH'],
    ['a page too large', '{ comuni(search: "a", first: 100000) { code } }', 'first', 'max'],
    ['a malformed province', '{ comuni(search: "a", provinceCode: "1") { code } }', 'provinceCode', 'matches'],
    ['an unknown province', '{ comuni(search: "a", provinceCode: "999") { code } }', 'provinceCode', 'PROVINCE_NOT_FOUND'],
    ['an unknown region', '{ provinces(regionCode: "99") { code } }', 'regionCode', 'REGION_NOT_FOUND'],
    ['a malformed region', '{ provinces(regionCode: "Lazio") { code } }', 'regionCode', 'matches'],
    ['an unknown comune', '{ comune(code: "999999") { code } }', 'code', 'COMUNE_NOT_FOUND'],
    ['a malformed comune', '{ comune(code: "1001") { code } }', 'code', 'matches'],
    ['an unknown region by code', '{ region(code: "00") { code } }', 'code', 'REGION_NOT_FOUND'],
  ])('rejects %s with BAD_USER_INPUT naming the argument', async (_label, query, field, rule) => {
    const { data, errors } = await api.gql(query);
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field, code: rule, message: expect.any(String), messageIt: expect.any(String) })],
      requestId: expect.any(String),
    });
  });
});
