import { instantOfItalianDateTime, instantOfItalianTime, italianDateTimeOf, italianDayOf, italianTimeOf } from './italian-time';

// The same answers on a device in Tokyo, in New York or on UTC: the fields mean Italy's days and hours.
describe.each(['Asia/Tokyo', 'America/New_York', 'UTC'])('on a device set to %s', (zone) => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it('reads a day as midnight in Italy, in winter and in summer', () => {
    expect(instantOfItalianTime('2026-01-01')).toBe('2025-12-31T23:00:00.000Z');
    expect(instantOfItalianTime('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    expect(instantOfItalianTime('2026-12-31', '00:00', 1)).toBe('2026-12-31T23:00:00.000Z');
    expect(instantOfItalianTime('2026-03-01', '00:00', -1)).toBe('2026-02-27T23:00:00.000Z');
  });

  it('reads a day and an hour in Italy, across the change to summer time', () => {
    expect(instantOfItalianTime('2026-03-28', '14:05')).toBe('2026-03-28T13:05:00.000Z');
    expect(instantOfItalianTime('2026-03-29', '14:05')).toBe('2026-03-29T12:05:00.000Z');
    expect(instantOfItalianDateTime('2026-10-25T14:05')).toBe('2026-10-25T13:05:00.000Z');
  });

  it.each([['2026-02-30'], ['2026-13-01'], ['1 marzo'], [''], ['2026-03-01T10:00']])('refuses %j as a day', (text) => {
    expect(instantOfItalianTime(text)).toBeNull();
  });

  it.each([['24:00'], ['12:60'], ['9:00'], ['']])('refuses %j as an hour', (time) => {
    expect(instantOfItalianTime('2026-03-01', time)).toBeNull();
  });

  it.each([['2026-03-01'], ['2026-03-01T'], ['T10:00'], ['2026-03-01T10:00T']])('refuses %j as a date and time', (text) => {
    expect(instantOfItalianDateTime(text)).toBeNull();
  });

  it('gives the day and the hour an instant falls on in Italy', () => {
    expect(italianDayOf('2025-12-31T23:30:00Z')).toBe('2026-01-01');
    expect(italianDayOf('2026-06-30T21:59:00Z')).toBe('2026-06-30');
    expect(italianTimeOf('2026-06-30T21:59:00Z')).toBe('23:59');
    expect(italianDateTimeOf('2026-12-06T13:05:00Z')).toBe('2026-12-06T14:05');
  });

  it('gives back the day it read', () => {
    for (const day of ['2026-01-01', '2026-03-29', '2026-10-25', '2028-02-29']) expect(italianDayOf(instantOfItalianTime(day) ?? '')).toBe(day);
  });
});
