import {
  ComuneByCodeDocument,
  ComuneCodesDocument,
  ComunePlacesDocument,
  ComuneSearchDocument,
  type ComuneSearchQueryVariables,
  ProvincesDocument,
  RegionByCodeDocument,
  RegionsAndProvincesDocument,
  TerritorySummaryDocument,
} from './gql/generated';
import { dataOf, type GraphQLResponse, startTestApp, TestApp } from './testing/test-app';

describe('Territory over GraphQL', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const search = async (variables: ComuneSearchQueryVariables) => dataOf(await api.gql(ComuneSearchDocument, variables)).comuni;

  it('finds Agliè (001, TO) from "agli", ignoring accents and case', async () => {
    const comuni = await search({ search: 'AGLI' });
    expect(comuni).toContainEqual(expect.objectContaining({ code: '001001', name: 'Agliè', province: { sigla: 'TO' } }));
    const populations = comuni.map((c) => c.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it('gives every comune its province and region, however it is reached: searched, by code, as a capital', async () => {
    const data = dataOf(await api.gql(ComunePlacesDocument, { search: 'bolzano', code: '058091', regionCode: '04' }));
    expect(data.comuni).toEqual([{ code: '021008', province: { code: '021', sigla: 'BZ' }, region: { code: '04', name: 'Trentino-Alto Adige/Südtirol' } }]);
    expect(data.comune).toEqual({ province: { sigla: 'RM', region: { name: 'Lazio' } }, region: { name: 'Lazio' } });
    expect(data.provinces).toEqual([
      { code: '021', capital: { province: { code: '021' }, region: { code: '04' } } },
      { code: '022', capital: { province: { code: '022' }, region: { code: '04' } } },
    ]);
  });

  it('lists Reggio di Calabria and Reggio nell\'Emilia first for "reggio"', async () => {
    const comuni = await search({ search: 'reggio', first: 5 });
    expect(comuni.slice(0, 2).map((c) => c.name)).toEqual(['Reggio di Calabria', "Reggio nell'Emilia"]);
    expect(comuni.map((c) => c.name)).toEqual(['Reggio di Calabria', "Reggio nell'Emilia", 'Reggiolo']);
  });

  it('filters the search by province and treats % and _ literally', async () => {
    const inTurin = await search({ search: 's', provinceCode: '001', first: 100 });
    expect(inTurin.length).toBeGreaterThan(30);
    expect(inTurin.every((c) => /^S/.test(c.name))).toBe(true);
    expect(new Set(inTurin.map((c) => c.province.sigla))).toEqual(new Set(['TO']));
    expect([await search({ search: 'a%' }), await search({ search: 'a_' })]).toEqual([[], []]);
  });

  it('finds comuni as people type them, with their second-language name', async () => {
    expect(await search({ search: 'Bozen', first: 1 })).toEqual([
      { code: '021008', name: 'Bolzano', secondLanguageName: 'Bozen', population: 102575, province: { sigla: 'BZ' } },
    ]);
    expect((await search({ search: 'reggio emilia', first: 1 })).map((c) => [c.name, c.province.sigla])).toEqual([["Reggio nell'Emilia", 'RE']]);
    const santAgata = await search({ search: 'S. Agata', first: 3 });
    expect(santAgata.length).toBeGreaterThan(0);
    expect(santAgata.every((c) => c.name.startsWith("Sant'Agata"))).toBe(true);
  });

  it('returns regions with their provinces, and a province with its region and capital', async () => {
    const { regions, provinces } = dataOf(await api.gql(RegionsAndProvincesDocument, { regionCode: '04' }));
    expect(regions).toHaveLength(20);
    expect(regions[0]).toMatchObject({ code: '01', name: 'Piemonte' });
    expect(regions.flatMap((r) => r.provinces)).toHaveLength(107);
    expect(provinces).toEqual([
      { code: '021', name: 'Bolzano/Bozen', region: { name: 'Trentino-Alto Adige/Südtirol' }, capital: { name: 'Bolzano' } },
      { code: '022', name: 'Trento', region: { name: 'Trentino-Alto Adige/Südtirol' }, capital: { name: 'Trento' } },
    ]);
  });

  it('returns one comune by code with its data, and the territory summary', async () => {
    const { comune } = dataOf(await api.gql(ComuneByCodeDocument, { code: '058091' }));
    expect(comune).toMatchObject({ name: 'Roma', coordinatesSource: 'EXACT', region: { code: '12' } });
    expect(comune.postcodes.length).toBeGreaterThan(50);
    expect(comune.latitude).toBeCloseTo(41.9, 1);
    const { territorySummary } = dataOf(await api.gql(TerritorySummaryDocument));
    expect(territorySummary.comuni).toBe(7904);
    expect(territorySummary.exactCoordinates + territorySummary.provinceCapitalCoordinates).toBe(7904);
  });

  it.each<[string, () => Promise<GraphQLResponse<unknown>>, string, string]>([
    ['an empty search', () => api.gql(ComuneCodesDocument, { search: '   ' }), 'search', 'isNotEmpty'],
    ['a search with no letters', () => api.gql(ComuneCodesDocument, { search: "'" }), 'search', 'EMPTY_SEARCH'],
    ['a page too large', () => api.gql(ComuneCodesDocument, { search: 'a', first: 100000 }), 'first', 'max'],
    ['a malformed province', () => api.gql(ComuneCodesDocument, { search: 'a', provinceCode: '1' }), 'provinceCode', 'matches'],
    ['an unknown province', () => api.gql(ComuneCodesDocument, { search: 'a', provinceCode: '999' }), 'provinceCode', 'PROVINCE_NOT_FOUND'],
    ['an unknown region', () => api.gql(ProvincesDocument, { regionCode: '99' }), 'regionCode', 'REGION_NOT_FOUND'],
    ['a malformed region', () => api.gql(ProvincesDocument, { regionCode: 'Lazio' }), 'regionCode', 'matches'],
    ['an unknown comune', () => api.gql(ComuneByCodeDocument, { code: '999999' }), 'code', 'COMUNE_NOT_FOUND'],
    ['a malformed comune', () => api.gql(ComuneByCodeDocument, { code: '1001' }), 'code', 'matches'],
    ['an unknown region by code', () => api.gql(RegionByCodeDocument, { code: '00' }), 'code', 'REGION_NOT_FOUND'],
  ])('rejects %s with BAD_USER_INPUT naming the argument', async (_label, send, field, rule) => {
    const { data, errors } = await send();
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field, code: rule, message: expect.any(String), messageIt: expect.any(String) })],
      requestId: expect.any(String),
    });
  });
});
