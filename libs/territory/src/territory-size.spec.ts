import { loadItalianTerritory } from './dataset';
import { MAX_PROVINCES_PER_REGION, PROVINCE_COUNT, REGION_COUNT } from './territory-size';

describe('territory sizes', () => {
  it('match the dataset', () => {
    const territory = loadItalianTerritory();
    const perRegion = territory.regions.map((region) => territory.provinces.filter((p) => p.regionCode === region.code).length);
    expect({ regions: territory.regions.length, provinces: territory.provinces.length, maxPerRegion: Math.max(...perRegion) }).toEqual({
      regions: REGION_COUNT,
      provinces: PROVINCE_COUNT,
      maxPerRegion: MAX_PROVINCES_PER_REGION,
    });
  });
});
