import { MAP_REGIONS } from './map-regions';

describe('the map of the regions', () => {
  it('draws each of the 20 ISTAT regions exactly once', () => {
    const codes = MAP_REGIONS.map((region) => region.code).sort();
    expect(codes).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
    for (const region of MAP_REGIONS) expect(region.path.length).toBeGreaterThan(100);
  });
});
