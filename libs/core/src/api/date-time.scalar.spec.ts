import { GraphQLNonNull, parseValue, valueFromAST } from 'graphql';
import { DateTimeScalar, parseDateTime } from './date-time.scalar';

describe('parseDateTime', () => {
  it.each([
    ['2026-12-03T09:54:33Z', '2026-12-03T09:54:33.000Z'],
    ['2026-12-03T10:54:33.5+01:00', '2026-12-03T09:54:33.500Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['2026-12-31', '2026-12-31T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseDateTime(text).toISOString()).toBe(iso);
  });

  it.each([['2027-02-31T00:00:00Z'], ['2027-02-29'], ['2026-13-01'], ['2026-04-31'], ['2026-12-03 09:54:33Z'], ['5 December 2026'], [''], [1796538096106], [null], [{}]])(
    'refuses %p, in the words the field errors recognise',
    (value) => {
      expect(() => parseDateTime(value)).toThrow(/^DateTime cannot represent .*: it must be an ISO 8601 date and time of a day that exists$/);
    },
  );

  it.each([['2026-12-21T18:00'], ['2026-12-21T18:00:00'], ['2026-12-21T18:00:00.000']])('refuses a time without its offset, %p: it would be read in the server’s time zone', (value) => {
    expect(() => parseDateTime(value)).toThrow(/^DateTime cannot represent .*: a time must give its offset from UTC/);
  });

  it('refuses the same in a literal, and a literal that is not a string', () => {
    expect(valueFromAST(parseValue('"2027-02-31T00:00:00Z"'), new GraphQLNonNull(DateTimeScalar))).toBeUndefined();
    expect(() => DateTimeScalar.parseLiteral(parseValue('20270231'))).toThrow(/non-string value: 20270231/);
    expect((DateTimeScalar.parseLiteral(parseValue('"2026-12-03T09:54:33Z"')) as Date).toISOString()).toBe('2026-12-03T09:54:33.000Z');
  });
});
