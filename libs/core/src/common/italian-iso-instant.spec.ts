import { italianIsoInstant } from './time';

describe('italianIsoInstant', () => {
  it.each([
    ['2026-11-05T23:00:00.000Z', '2026-11-06T00:00:00.000+01:00'],
    ['2026-07-14T22:30:15.250Z', '2026-07-15T00:30:15.250+02:00'],
    // The last Sunday of March at 01:00 UTC clocks go from 02:00 to 03:00; the last Sunday of October back.
    ['2026-03-29T00:59:59.999Z', '2026-03-29T01:59:59.999+01:00'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29T03:00:00.000+02:00'],
    ['2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00.000+02:00'],
    ['2026-10-25T01:30:00.000Z', '2026-10-25T02:30:00.000+01:00'],
  ])('writes %s as %s, the same instant', (utc, italian) => {
    expect(italianIsoInstant(new Date(utc))).toBe(italian);
    expect(new Date(italian).toISOString()).toBe(utc);
  });
});
