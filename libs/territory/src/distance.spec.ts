import { distanceKm } from './distance';

describe('distanceKm', () => {
  const roma = { latitude: 41.8931, longitude: 12.4828 };
  const milano = { latitude: 45.4643, longitude: 9.1895 };

  it('measures Rome–Milan as about 477 km, both ways', () => {
    expect(distanceKm(roma, milano)).toBeCloseTo(477, -1);
    expect(distanceKm(milano, roma)).toBeCloseTo(distanceKm(roma, milano), 9);
  });

  it('is zero from a point to itself', () => {
    expect(distanceKm(roma, roma)).toBe(0);
  });
});
