import i18next from 'i18next';
import englishCatalogue from '../i18n/en.json';
import { addNumberFormat } from '../i18n/format';
import italianCatalogue from '../i18n/it.json';
import type { OfferCoverageFieldsFragment } from '../gql/generated';
import { coverageSummary, radiusWords } from './coverage-summary';

async function translator(language: 'it' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources: { it: { translation: italianCatalogue }, en: { translation: englishCatalogue } }, lng: language, interpolation: { escapeValue: false } });
  addNumberFormat(instance);
  return instance;
}

const province = (sigla: string) => ({ __typename: 'Province' as const, code: '001', sigla });
const TORINO = { __typename: 'Comune' as const, code: '001272', name: 'Torino', province: province('TO') };

/** A coverage of two radii: one around a comune, one around a point. */
const coverage: OfferCoverageFieldsFragment = {
  __typename: 'OfferCoverage',
  national: false,
  regions: [],
  provinces: [],
  comuni: [],
  radii: [
    { __typename: 'CoverageRadius', km: 10, latitude: 45.07, longitude: 7.68, comune: TORINO },
    { __typename: 'CoverageRadius', km: 25, latitude: 45.07, longitude: 7.68, comune: null },
  ],
};

describe('radii in words, whatever their centre', () => {
  it('reads "da" before a comune and "dal punto" before a point, in Italian', async () => {
    const { t } = await translator('it');
    expect(coverageSummary(coverage, t)).toBe('entro 10 km da Torino (TO); entro 25 km dal punto 45.07, 7.68');
  });

  it('reads "of" and "of the point" in English', async () => {
    const { t } = await translator('en');
    expect(coverageSummary(coverage, t)).toBe('within 10 km of Torino (TO); within 25 km of the point 45.07, 7.68');
  });

  it('names the field and the button of a radius with the article a point needs', async () => {
    const { t } = await translator('it');
    const point = { latitude: '0', longitude: '0' };
    expect(radiusWords('within', point, t, 10)).toBe('entro 10 km dal punto 0, 0');
    expect(radiusWords('radiusAround', point, t)).toBe('Raggio in km attorno al punto 0, 0');
    expect(radiusWords('removeRadius', point, t)).toBe('Rimuovi il raggio attorno al punto 0, 0');
    expect(radiusWords('radiusAround', { place: 'Napoli (NA)' }, t)).toBe('Raggio in km attorno a Napoli (NA)');
    expect(radiusWords('removeRadius', { place: 'Napoli (NA)' }, t)).toBe('Rimuovi il raggio attorno a Napoli (NA)');
  });
});
