import { buildTerritory, ComuneRecord, GazetteerRecord } from './build-territory';
import { loadItalianTerritory } from './dataset';
import { distanceKm } from './distance';
import { CoordinatesSource, Territory } from './territory.types';

describe('buildTerritory on the shipped datasets', () => {
  let territory: Territory;
  beforeAll(() => {
    territory = loadItalianTerritory();
  });

  it('has every region, province and comune with ISTAT codes as zero-padded text', () => {
    expect(territory.stats).toMatchObject({ regions: 20, provinces: 107, comuni: 7904 });
    expect(territory.regions.every((r) => /^\d{2}$/.test(r.code))).toBe(true);
    expect(territory.provinces.every((p) => /^\d{3}$/.test(p.code) && /^[A-Z]{2}$/.test(p.sigla))).toBe(true);
    expect(territory.comuni.every((c) => /^\d{6}$/.test(c.code))).toBe(true);
    expect(new Set(territory.comuni.map((c) => c.code)).size).toBe(7904);
  });

  it('locates most comuni exactly and says how many fell back to the province capital', () => {
    const { exactCoordinates, provinceCapitalCoordinates, comuni } = territory.stats;
    console.log(`Territory: ${comuni} comuni, ${exactCoordinates} with exact coordinates, ${provinceCapitalCoordinates} at their province capital`);
    expect(exactCoordinates + provinceCapitalCoordinates).toBe(comuni);
    expect(exactCoordinates / comuni).toBeGreaterThan(0.99);
  });

  it('keeps accents, leading zeros and bilingual names', () => {
    const aglie = territory.comuni.find((c) => c.code === '001001');
    expect(aglie).toMatchObject({ name: 'Agliè', provinceCode: '001', regionCode: '01', coordinatesSource: CoordinatesSource.EXACT });
    expect(aglie && distanceKm(aglie, { latitude: 45.368, longitude: 7.768 })).toBeLessThan(1);
    expect(territory.provinces.find((p) => p.sigla === 'BZ')?.name).toBe('Bolzano/Bozen');
    expect(territory.comuni.find((c) => c.code === '021008')).toMatchObject({ name: 'Bolzano', secondLanguageName: 'Bozen' });
    expect(aglie?.secondLanguageName).toBeNull();
    expect(territory.comuni.filter((c) => c.secondLanguageName !== null)).toHaveLength(120);
    expect(territory.regions.find((r) => r.code === '02')?.name).toBe("Valle d'Aosta/Vallée d'Aoste");
  });

  it('gives every province a capital inside it, and places fallback comuni there', () => {
    const byCode = new Map(territory.comuni.map((c) => [c.code, c]));
    for (const province of territory.provinces) {
      const capital = byCode.get(province.capitalCode);
      expect(capital?.provinceCode).toBe(province.code);
      expect(capital?.coordinatesSource).toBe(CoordinatesSource.EXACT);
    }
    const capitals = new Map(territory.provinces.map((p) => [p.code, byCode.get(p.capitalCode)]));
    expect(capitals.get('058')?.name).toBe('Roma');
    expect(capitals.get('080')?.name).toBe('Reggio di Calabria');
    expect(capitals.get('109')?.name).toBe('Fermo');
    for (const comune of territory.comuni.filter((c) => c.coordinatesSource === CoordinatesSource.PROVINCE_CAPITAL)) {
      const capital = capitals.get(comune.provinceCode);
      expect([comune.latitude, comune.longitude]).toEqual([capital?.latitude, capital?.longitude]);
    }
  });

  it('puts every comune within Italy', () => {
    for (const c of territory.comuni) {
      expect(c.latitude).toBeGreaterThan(35.4);
      expect(c.latitude).toBeLessThan(47.1);
      expect(c.longitude).toBeGreaterThan(6.6);
      expect(c.longitude).toBeLessThan(18.6);
    }
  });
});

describe('buildTerritory joining rules', () => {
  const record = (nome: string, codice: string, popolazione: number): ComuneRecord => ({
    nome,
    codice,
    zona: { codice: '1', nome: 'Nord-ovest' },
    regione: { codice: '01', nome: 'Piemonte' },
    provincia: { codice: codice.slice(0, 3), nome: 'Torino' },
    sigla: 'TO',
    codiceCatastale: 'X000',
    cap: ['10100'],
    popolazione,
  });
  const place = (muni: string, featureCode: string, lat: number, population = 100, country = 'IT'): GazetteerRecord => ({
    name: 'any',
    country,
    featureCode,
    muni,
    population,
    loc: { coordinates: [7.7, lat] },
  });
  const torino = record('Torino', '001272', 800000);

  it.each([
    ['the comune seat beats a bigger hamlet', [place('001001', 'PPL', 45.1, 5000), place('001001', 'PPLA3', 45.3)], 45.3, CoordinatesSource.EXACT],
    ['the most populous place when none is a seat', [place('001001', 'PPL', 45.1, 50), place('001001', 'PPL', 45.2, 60)], 45.2, CoordinatesSource.EXACT],
    ['places outside Italy are ignored', [place('001001', 'PPLA3', 48.8, 100, 'FR')], 45.07, CoordinatesSource.PROVINCE_CAPITAL],
    ['unknown to the gazetteer: province capital', [], 45.07, CoordinatesSource.PROVINCE_CAPITAL],
  ])('%s', (_label, places, latitude, source) => {
    const territory = buildTerritory([torino, record('Agliè', '001001', 100)], [place('001272', 'PPLA', 45.07), ...places]);
    const comune = territory.comuni.find((c) => c.code === '001001');
    expect(comune).toMatchObject({ coordinatesSource: source, latitude });
    expect(territory.provinces[0].capitalCode).toBe('001272');
  });

  it('fails loudly when a province has no located comune', () => {
    expect(() => buildTerritory([record('Agliè', '001001', 1)], [])).toThrow(/no comune with known coordinates/);
  });
});
