import { centreOutsideItaly, MAX_KM_FROM_NEAREST_COMUNE, nearestComune } from './offer-coverage.centre';

// A few real seats (GeoNames coordinates), enough to tell Italy from elsewhere.
const COMUNI = [
  { code: '001272', name: 'Torino', latitude: 45.07049, longitude: 7.68682 },
  { code: '058091', name: 'Roma', latitude: 41.89193, longitude: 12.51133 },
  { code: '084020', name: 'Lampedusa e Linosa', latitude: 35.50172, longitude: 12.60816 },
  { code: '092009', name: 'Cagliari', latitude: 39.23054, longitude: 9.11917 },
];

describe('nearestComune', () => {
  it('finds the nearest seat and its distance, whatever the order of the list', () => {
    const ostia = { latitude: 41.7327, longitude: 12.2766 };
    const found = nearestComune(ostia, COMUNI);
    expect(found?.comune.name).toBe('Roma');
    expect(found?.km).toBeGreaterThan(25);
    expect(found?.km).toBeLessThan(30);
    expect(nearestComune(ostia, [...COMUNI].reverse())?.comune.name).toBe('Roma');
  });

  it('has no answer without comuni', () => {
    expect(nearestComune({ latitude: 45, longitude: 7 }, [])).toBeUndefined();
  });

  it('skips comuni far north or south without losing the nearest', () => {
    // A list where the pruning on latitude matters: the nearest is last.
    const many = [...Array.from({ length: 100 }, (_x, i) => ({ code: `${i}`, name: `Nord ${i}`, latitude: 47 + i / 100, longitude: 11 })), COMUNI[1]];
    expect(nearestComune({ latitude: 41.9, longitude: 12.5 }, many)?.comune.name).toBe('Roma');
  });
});

describe('centreOutsideItaly', () => {
  it.each([
    ['the Gulf of Guinea (0, 0)', 0, 0],
    ['Paris', 48.8566, 2.3522],
    ['Tunis', 36.8065, 10.1815],
    ['latitude and longitude swapped for Torino', 7.68682, 45.07049],
  ])('refuses %s, naming the nearest comune and how far it is', (_where, latitude, longitude) => {
    const outside = centreOutsideItaly({ latitude, longitude }, COMUNI);
    expect(outside).not.toBeNull();
    expect(outside?.km).toBeGreaterThan(MAX_KM_FROM_NEAREST_COMUNE);
  });

  it.each([
    ['a comune’s own seat', 45.07049, 7.68682],
    ['a point 30 km from Roma (its territory reaches about that far)', 41.7327, 12.2766],
    ['the sea 20 km off Cagliari', 39.05, 9.12],
  ])('accepts %s', (_where, latitude, longitude) => {
    expect(centreOutsideItaly({ latitude, longitude }, COMUNI)).toBeNull();
  });

  it('draws the line at the stated distance', () => {
    // Due north of Torino: one degree of latitude is about 111.2 km.
    const justInside = { latitude: 45.07049 + (MAX_KM_FROM_NEAREST_COMUNE - 0.5) / 111.2, longitude: 7.68682 };
    const justOutside = { latitude: 45.07049 + (MAX_KM_FROM_NEAREST_COMUNE + 0.5) / 111.2, longitude: 7.68682 };
    expect(centreOutsideItaly(justInside, COMUNI)).toBeNull();
    expect(centreOutsideItaly(justOutside, COMUNI)?.comune.name).toBe('Torino');
  });
});
