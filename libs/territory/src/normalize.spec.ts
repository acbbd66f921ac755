import { normalizePlaceName } from './normalize';

describe('normalizePlaceName', () => {
  it.each([
    ['Agliè', 'aglie'],
    ['  FORLÌ  ', 'forli'],
    ['Sant’Angelo dei Lombardi', "sant'angelo dei lombardi"],
    ["Reggio   nell'Emilia", "reggio nell'emilia"],
    ['Bolzano/Bozen', 'bolzano/bozen'],
    ['Città di Castello', 'citta di castello'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePlaceName(input)).toBe(expected);
  });
});
