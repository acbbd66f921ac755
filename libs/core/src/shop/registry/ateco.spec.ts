import {
  ATECO_DIVISIONS,
  ATECO_SECTIONS,
  ATECO_VERSION,
  divisionsOfSection,
  findAtecoDivision,
  findAtecoSection,
  sectionOfDivision,
  validateAtecoSector,
} from './ateco';

const LETTERS_A_TO_V = 'ABCDEFGHIJKLMNOPQRSTUV'.split('');

describe('ATECO 2025 data', () => {
  it('is the NACE Rev. 2.1 version', () => {
    expect(ATECO_VERSION).toBe('ATECO 2025 (NACE Rev. 2.1)');
  });

  it('has the 22 sections A–V, in order', () => {
    expect(ATECO_SECTIONS.map((s) => s.code)).toEqual(LETTERS_A_TO_V);
  });

  it('has 87 divisions with unique two-digit codes, in ascending order', () => {
    const codes = ATECO_DIVISIONS.map((d) => d.code);
    expect(codes).toHaveLength(87);
    expect(new Set(codes).size).toBe(87);
    for (const code of codes) expect(code).toMatch(/^\d{2}$/);
    expect([...codes].sort()).toEqual(codes);
  });

  it('puts every division in an existing section and every section has at least one division', () => {
    const sectionCodes = new Set(ATECO_SECTIONS.map((s) => s.code));
    for (const division of ATECO_DIVISIONS) expect(sectionCodes).toContain(division.section);
    for (const section of ATECO_SECTIONS) expect(divisionsOfSection(section.code).length).toBeGreaterThan(0);
  });

  it('keeps each section a contiguous run of divisions, sections in letter order', () => {
    const sectionSequence = ATECO_DIVISIONS.map((d) => d.section).filter((s, i, all) => i === 0 || s !== all[i - 1]);
    expect(sectionSequence).toEqual(LETTERS_A_TO_V);
  });

  it.each([
    ['A', ['01', '02', '03']],
    ['B', ['05', '06', '07', '08', '09']],
    ['C', Array.from({ length: 24 }, (_, i) => String(10 + i))],
    ['D', ['35']],
    ['E', ['36', '37', '38', '39']],
    ['F', ['41', '42', '43']],
    ['G', ['46', '47']],
    ['H', ['49', '50', '51', '52', '53']],
    ['I', ['55', '56']],
    ['J', ['58', '59', '60']],
    ['K', ['61', '62', '63']],
    ['L', ['64', '65', '66']],
    ['M', ['68']],
    ['N', ['69', '70', '71', '72', '73', '74', '75']],
    ['O', ['77', '78', '79', '80', '81', '82']],
    ['P', ['84']],
    ['Q', ['85']],
    ['R', ['86', '87', '88']],
    ['S', ['90', '91', '92', '93']],
    ['T', ['94', '95', '96']],
    ['U', ['97', '98']],
    ['V', ['99']],
  ])('section %s holds divisions %j', (section, divisions) => {
    expect(divisionsOfSection(section).map((d) => d.code)).toEqual(divisions);
  });

  it('labels everything in Italian and English, trimmed, single-spaced and distinct within each level', () => {
    for (const entries of [ATECO_SECTIONS, ATECO_DIVISIONS]) {
      for (const entry of entries) {
        for (const label of [entry.it, entry.en]) {
          expect(label).toMatch(/^\S(.*\S)?$/);
          expect(label).not.toMatch(/\s{2}/);
        }
      }
      expect(new Set(entries.map((e) => e.it)).size).toBe(entries.length);
      expect(new Set(entries.map((e) => e.en)).size).toBe(entries.length);
    }
  });

  it('cannot be mutated by a caller', () => {
    expect(Object.isFrozen(ATECO_SECTIONS)).toBe(true);
    expect(Object.isFrozen(ATECO_DIVISIONS)).toBe(true);
    expect(Object.isFrozen(ATECO_DIVISIONS[0])).toBe(true);
  });
});

describe('spot checks against NACE Rev. 2.1', () => {
  it.each([
    ['47', 'G', 'Commercio al dettaglio', 'Retail trade'],
    ['56', 'I', 'Attività di servizi di ristorazione', 'Food and beverage service activities'],
    ['62', 'K', 'Attività di programmazione, consulenza informatica e attività connesse', 'Computer programming, consultancy and related activities'],
    ['10', 'C', 'Produzione di prodotti alimentari', 'Manufacture of food products'],
    ['58', 'J', 'Attività editoriali', 'Publishing activities'],
    ['64', 'L', 'Attività dei servizi finanziari, escluse le assicurazioni e i fondi pensione', 'Financial service activities, except insurance and pension funding'],
    ['95', 'T', 'Riparazione e manutenzione di computer, beni per uso personale e per la casa, autoveicoli e motocicli', 'Repair and maintenance of computers, personal and household goods, and motor vehicles and motorcycles'],
    ['99', 'V', 'Attività di organizzazioni e organismi extraterritoriali', 'Activities of extraterritorial organisations and bodies'],
  ])('division %s is in section %s: %s / %s', (code, section, it, en) => {
    expect(findAtecoDivision(code)).toEqual({ code, section, it, en });
    expect(sectionOfDivision(code)?.code).toBe(section);
  });

  it.each([
    ['G', 'Commercio all\'ingrosso e al dettaglio', 'Wholesale and retail trade'],
    ['J', 'Attività editoriali, trasmissioni radiofoniche e produzione e distribuzione di contenuti', 'Publishing, broadcasting, and content production and distribution activities'],
    ['K', "Telecomunicazioni, programmazione e consulenza informatica, infrastrutture informatiche e altre attività dei servizi d'informazione", 'Telecommunication, computer programming, consulting, computing infrastructure and other information service activities'],
    ['L', 'Attività finanziarie e assicurative', 'Financial and insurance activities'],
    ['M', 'Attività immobiliari', 'Real estate activities'],
    ['N', 'Attività professionali, scientifiche e tecniche', 'Professional, scientific and technical activities'],
    ['O', 'Attività amministrative e di servizi di supporto', 'Administrative and support service activities'],
    ['P', 'Amministrazione pubblica e difesa; assicurazione sociale obbligatoria', 'Public administration and defence; compulsory social security'],
    ['Q', 'Istruzione e formazione', 'Education'],
    ['R', 'Attività per la salute umana e di assistenza sociale', 'Human health and social work activities'],
    ['S', 'Attività artistiche, sportive e di divertimento', 'Arts, sports and recreation'],
    ['T', 'Altre attività di servizi', 'Other service activities'],
    ['V', 'Attività di organizzazioni e organismi extraterritoriali', 'Activities of extraterritorial organisations and bodies'],
  ])('section %s is %s / %s', (code, it, en) => {
    expect(findAtecoSection(code)).toEqual({ code, it, en });
  });

  it('no longer has division 45 (motor-vehicle trade), dissolved into 46, 47 and 95', () => {
    expect(findAtecoDivision('45')).toBeUndefined();
  });

  it.each(['00', '04', '34', '40', '44', '45', '48', '54', '57', '67', '76', '83', '89'])('has no division %s', (code) => {
    expect(findAtecoDivision(code)).toBeUndefined();
    expect(sectionOfDivision(code)).toBeUndefined();
  });
});

describe('lookups', () => {
  it('find a section ignoring case and surrounding spaces', () => {
    expect(findAtecoSection(' g ')?.code).toBe('G');
  });

  it.each(['', 'W', 'Z', 'GG', '1', 'Ä'])('find no section for %j', (code) => {
    expect(findAtecoSection(code)).toBeUndefined();
    expect(divisionsOfSection(code)).toEqual([]);
  });

  it('find a division ignoring surrounding spaces', () => {
    expect(findAtecoDivision(' 47 ')?.code).toBe('47');
  });

  it.each(['', '1', '7', '100', '47.11', '4711', 'G47', 'ab'])('find no division for %j', (code) => {
    expect(findAtecoDivision(code)).toBeUndefined();
  });
});

describe('validateAtecoSector', () => {
  it.each([
    ['G', '47'],
    ['I', '56'],
    ['K', '62'],
    ['C', '10'],
    ['g', ' 47 '],
  ])('accepts section %j with division %j', (section, division) => {
    expect(validateAtecoSector({ section, division })).toEqual({ ok: true });
  });

  it('accepts every division with its own section', () => {
    for (const division of ATECO_DIVISIONS) {
      expect(validateAtecoSector({ section: division.section, division: division.code })).toEqual({ ok: true });
    }
  });

  it.each([
    ['', '47'],
    ['W', '47'],
    ['GG', '47'],
    ['W', '45'],
  ])('rejects section %j (with division %j) as UNKNOWN_SECTION', (section, division) => {
    expect(validateAtecoSector({ section, division })).toEqual({ ok: false, reason: 'UNKNOWN_SECTION' });
  });

  it.each([
    ['G', '45'],
    ['G', ''],
    ['G', '4'],
    ['G', '47.11'],
    ['C', '34'],
  ])('rejects section %j with division %j as UNKNOWN_DIVISION', (section, division) => {
    expect(validateAtecoSector({ section, division })).toEqual({ ok: false, reason: 'UNKNOWN_DIVISION' });
  });

  it.each([
    // Old ATECO 2007 pairs that NACE Rev. 2.1 re-lettered: the most likely mistake in practice.
    ['J', '62'],
    ['K', '64'],
    ['L', '68'],
    ['M', '70'],
    ['S', '96'],
    ['G', '56'],
    ['C', '47'],
  ])('rejects section %j with division %j as DIVISION_NOT_IN_SECTION', (section, division) => {
    expect(validateAtecoSector({ section, division })).toEqual({ ok: false, reason: 'DIVISION_NOT_IN_SECTION' });
  });

  it('rejects every division paired with any section other than its own', () => {
    let pairs = 0;
    for (const division of ATECO_DIVISIONS) {
      for (const section of ATECO_SECTIONS) {
        if (section.code === division.section) continue;
        expect(validateAtecoSector({ section: section.code, division: division.code })).toEqual({
          ok: false,
          reason: 'DIVISION_NOT_IN_SECTION',
        });
        pairs++;
      }
    }
    expect(pairs).toBe(87 * 21);
  });
});
