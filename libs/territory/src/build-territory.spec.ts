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
    expect(exactCoordinates / comuni).toBeGreaterThan(0.9);
  });

  it('keeps accents, leading zeros and bilingual names', () => {
    const aglie = territory.comuni.find((c) => c.code === '001001');
    expect(aglie).toMatchObject({ name: 'Agliè', provinceCode: '001', regionCode: '01', coordinatesSource: CoordinatesSource.EXACT });
    expect(aglie && distanceKm(aglie, { latitude: 45.368, longitude: 7.768 })).toBeLessThan(1);
    expect(territory.provinces.find((p) => p.sigla === 'BZ')?.name).toBe('Bolzano/Bozen');
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

describe('buildTerritory matching rules', () => {
  const record = (nome: string, codice: string, sigla: string, popolazione: number): ComuneRecord => ({
    nome,
    codice,
    zona: { codice: '1', nome: 'Nord-ovest' },
    regione: { codice: '01', nome: 'Piemonte' },
    provincia: { codice: codice.slice(0, 3), nome: 'Torino' },
    sigla,
    codiceCatastale: 'X000',
    cap: ['10100'],
    popolazione,
  });
  const place = (name: string, admin2: string, lat: number, lng: number): GazetteerRecord => ({
    name,
    lat: String(lat),
    lng: String(lng),
    country: 'IT',
    admin1: '12',
    admin2,
  });

  it.each([
    ['same name, accents folded', 'Agliè', 'Aglie', 'TO', CoordinatesSource.EXACT],
    ['particles ignored', 'Reggio di Calabria', 'Reggio Calabria', 'TO', CoordinatesSource.EXACT],
    ['unique name in the region, other sigla', 'Nuovo Comune', 'Nuovo Comune', 'XX', CoordinatesSource.EXACT],
    ['unknown to the gazetteer', 'Sconosciuto', 'Altro Posto', 'TO', CoordinatesSource.PROVINCE_CAPITAL],
  ])('%s', (_label, name, gazetteerName, gazetteerSigla, expected) => {
    const territory = buildTerritory(
      [record('Torino', '001272', 'TO', 800000), record(name, '001001', 'TO', 100)],
      [place('Torino', 'TO', 45.07, 7.68), place(gazetteerName, gazetteerSigla, 45.3, 7.7), place('Ignored', 'FR', 48.8, 2.3)].map(
        (p, i) => (i === 2 ? { ...p, country: 'FR' } : p),
      ),
    );
    const comune = territory.comuni.find((c) => c.code === '001001');
    expect(comune?.coordinatesSource).toBe(expected);
    expect(comune?.latitude).toBe(expected === CoordinatesSource.EXACT ? 45.3 : 45.07);
    expect(territory.provinces[0].capitalCode).toBe('001272');
  });

  it('fails loudly when a province has no located comune', () => {
    expect(() => buildTerritory([record('Sconosciuto', '001001', 'TO', 1)], [])).toThrow(/no comune with known coordinates/);
  });
});
