import { MESSAGES, type Words } from '../../../messages';
import type { ImportColumn, ImportIssue } from '../../../import/import-kind';
import { italianDay, normaliseName, wholeNumber } from '../../../import/import-cells';
import { sectionOfDivision } from '../../../shop/registry/ateco';
import { partitaIvaWithLostZeros } from '../../../shop/registry/partita-iva';

/** The columns of a shops file (a facilitator registering shops on paper consent), Italian headers, in the template's order. */
export const SHOP_COLUMN = {
  key: 'codice_esterno',
  legalName: 'ragione_sociale',
  tradingName: 'insegna',
  partitaIva: 'partita_iva',
  ateco: 'ateco',
  comune: 'comune',
  province: 'provincia',
  address: 'indirizzo',
  employees: 'addetti',
  ownerEmail: 'email_titolare',
  contactEmail: 'email_contatto',
  contactPhone: 'telefono',
  declaredOn: 'data_consenso',
} as const;

const C = SHOP_COLUMN;

const REQUIRED = new Set<keyof typeof SHOP_COLUMN>(['key', 'legalName', 'partitaIva', 'ateco', 'comune', 'address', 'employees', 'ownerEmail', 'declaredOn']);

export const SHOP_IMPORT_COLUMNS: readonly ImportColumn[] = (Object.keys(SHOP_COLUMN) as (keyof typeof SHOP_COLUMN)[]).map((key) => ({
  header: SHOP_COLUMN[key],
  required: REQUIRED.has(key),
  help: MESSAGES.import.shopColumnHelp(key),
}));

/**
 * The example's consent date: 15 January of last year, so that the example stays a declaration the
 * rules take (not in the future, not more than two years old) whatever the year.
 */
const EXAMPLE_YEAR = new Date().getFullYear() - 1;
export const SHOP_IMPORT_EXAMPLE_DECLARED_ON = `${EXAMPLE_YEAR}-01-15`;

export const SHOP_IMPORT_EXAMPLE: Readonly<Record<string, string>> = {
  [C.key]: 'SOCIO-0001',
  [C.legalName]: 'Panetteria Rossi di Mario Rossi',
  [C.tradingName]: 'Il Forno di Borgo',
  [C.partitaIva]: '12345670017',
  [C.ateco]: '47.24.10',
  [C.comune]: 'Torino',
  [C.province]: 'TO',
  [C.address]: 'Via Garibaldi 12',
  [C.employees]: '3',
  [C.ownerEmail]: 'mario.rossi@example.it',
  [C.contactEmail]: '',
  [C.contactPhone]: '+39 011 555 1234',
  [C.declaredOn]: `15/01/${EXAMPLE_YEAR}`,
};

/** The comuni as a shops file names them, loaded once per file. */
export interface ComuneNames {
  codes: ReadonlySet<string>;
  /** Normalised name (and second-language name) → the comuni so called, with their province's sigla. */
  byName: ReadonlyMap<string, readonly { code: string; sigla: string }[]>;
  siglas: ReadonlySet<string>;
}

/** The plain object a row becomes before the API's input rules check it (RegisterShopOnPaperInput's shape). */
export interface ShopRowPlain {
  shop: {
    legalName: string;
    tradingName?: string;
    partitaIva: string;
    atecoSection: string;
    atecoDivision: string;
    comuneCode: string;
    address: string;
    employees?: number | string;
    contactEmail: string;
    contactPhone?: string;
  };
  ownerEmail: string;
  declaredOn?: string;
}

export interface ParsedShopRow {
  plain: ShopRowPlain;
  /** Cells that cannot even be read (a date, a comune's name): the input rules never see them. */
  issues: ImportIssue[];
  /** The contact address was left empty and is the owner's: a fault in it is the owner's cell's. */
  contactFromOwner: boolean;
}

/** A day written dd/mm/yyyy or yyyy-mm-dd as YYYY-MM-DD; null if it is not a real day. */
export function isoDay(text: string): string | null {
  const date = italianDay(text);
  if (!date) return null;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!dmy) return text.trim();
  return `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
}

/**
 * An ATECO cell: the division (47), a fuller code (47.11.10), either with its section letter
 * (G47, G 47.11). A comma stands for the dot, and a division's leading zero may be missing: that
 * is what Excel in Italian shows of a code it took for a number (47.11 → 47,11; 47.10 → 47,1;
 * 01.11 → 1,11). The section, when not written, is the division's; null when the cell is no ATECO
 * code at all.
 */
export function atecoOf(text: string): { section: string; division: string } | null {
  const match = /^([A-Za-z])?\s*[.-]?\s*(\d{1,2})(?:[.,\s]?\d{1,2}){0,2}$/.exec(text.trim());
  if (!match) return null;
  const division = match[2].padStart(2, '0');
  return { section: match[1]?.toUpperCase() ?? sectionOfDivision(division)?.code ?? '', division };
}

/** The comune a row names: by ISTAT code (zeros a spreadsheet dropped restored), or by name with the province when the name is not unique. */
function comuneOf(comune: string, province: string, names: ComuneNames, issue: (column: string, reason: Words) => void): string {
  if (comune === '') return '';
  if (/^\d{1,6}$/.test(comune)) {
    const code = comune.padStart(6, '0');
    if (!names.codes.has(code)) issue(C.comune, MESSAGES.import.comuneNameUnknown(C.comune, comune));
    return code;
  }
  const written = /^(.+?)\s*\(\s*([A-Za-z]{2})\s*\)$/.exec(comune);
  const name = written ? written[1] : comune;
  const sigla = (written ? written[2] : province).toUpperCase();
  if (sigla !== '' && !names.siglas.has(sigla)) {
    issue(written ? C.comune : C.province, MESSAGES.import.provinceUnknown(written ? C.comune : C.province, sigla));
    return '';
  }
  const candidates = (names.byName.get(normaliseName(name)) ?? []).filter((candidate) => sigla === '' || candidate.sigla === sigla);
  if (candidates.length === 1) return candidates[0].code;
  if (candidates.length === 0) issue(C.comune, MESSAGES.import.comuneNameUnknown(C.comune, sigla ? `${name} (${sigla})` : name));
  else issue(C.comune, MESSAGES.import.comuneAmbiguous(C.comune, name, [...new Set(candidates.map((candidate) => candidate.sigla))].sort()));
  return '';
}

/**
 * Reads one row of a shops file into registerShopOnPaper's input: the comune found by code or
 * name, the ATECO code split into section and division, the date and the number read the Italian
 * way, the shop's contact address the owner's when left empty. What it cannot read is an issue
 * naming the column; everything else is left to the API's input rules and the services' checks.
 */
export function parseShopRow(cells: Readonly<Record<string, string>>, names: ComuneNames): ParsedShopRow {
  // A cell starting with + or = is written with a leading apostrophe by spreadsheets and by our own CSV files (against formula injection).
  const cell = (column: string): string => (cells[column] ?? '').trim().replace(/^'(?=[=+\-@])/, '');
  const issues: ImportIssue[] = [];
  const issue = (column: string, reason: Words): void => void issues.push({ column, reason });

  const ateco = atecoOf(cell(C.ateco));
  // A cell that is no code is said so with what it holds (an empty one is the framework's "required").
  if (!ateco && cell(C.ateco) !== '') issue(C.ateco, MESSAGES.import.atecoUnreadable(C.ateco, cell(C.ateco)));
  // A division written without its section that ATECO does not have: the API's words for an unknown division.
  if (ateco && ateco.section === '') issue(C.ateco, MESSAGES.sector.unknownDivision(C.ateco, ateco.division));
  // Digits alone and fewer than 11: a number the spreadsheet shortened, padded back when that makes a valid one.
  const partitaIva = /^\d{1,10}$/.test(cell(C.partitaIva)) ? partitaIvaWithLostZeros(cell(C.partitaIva)) : cell(C.partitaIva);
  if (partitaIva === null) issue(C.partitaIva, MESSAGES.import.partitaIvaShort(C.partitaIva, cell(C.partitaIva)));
  const comuneCode = comuneOf(cell(C.comune), cell(C.province), names, issue);
  let declaredOn: string | undefined;
  if (cell(C.declaredOn) !== '') {
    declaredOn = isoDay(cell(C.declaredOn)) ?? undefined;
    if (!declaredOn) issue(C.declaredOn, MESSAGES.import.notDate(C.declaredOn));
  }
  const ownerEmail = cell(C.ownerEmail);
  const plain: ShopRowPlain = {
    shop: {
      legalName: cell(C.legalName),
      ...(cell(C.tradingName) && { tradingName: cell(C.tradingName) }),
      partitaIva: partitaIva ?? cell(C.partitaIva),
      atecoSection: ateco?.section ?? '',
      atecoDivision: ateco?.division ?? '',
      comuneCode,
      address: cell(C.address),
      employees: wholeNumber(cell(C.employees)),
      contactEmail: cell(C.contactEmail) || ownerEmail,
      ...(cell(C.contactPhone) && { contactPhone: cell(C.contactPhone) }),
    },
    ownerEmail,
    declaredOn,
  };
  return { plain, issues, contactFromOwner: cell(C.contactEmail) === '' };
}

const COLUMN_OF_FIELD: Readonly<Record<string, string>> = {
  'shop.legalName': C.legalName,
  'shop.tradingName': C.tradingName,
  'shop.partitaIva': C.partitaIva,
  'shop.atecoSection': C.ateco,
  'shop.atecoDivision': C.ateco,
  'shop.comuneCode': C.comune,
  'shop.address': C.address,
  'shop.employees': C.employees,
  'shop.contactEmail': C.contactEmail,
  'shop.contactPhone': C.contactPhone,
  ownerEmail: C.ownerEmail,
  declaredOn: C.declaredOn,
};

/** The column of an input field path (`input.shop.partitaIva` or `shop.partitaIva` → partita_iva); null for the row as a whole. */
export function shopColumnOfField(path: string): string | null {
  return COLUMN_OF_FIELD[path.replace(/^input\./, '')] ?? null;
}

/** A message that names the field (by its path or its name) made to name the column instead. */
export function inShopColumnWords(words: Words, path: string, column: string | null): Words {
  if (!column) return words;
  const names = [path, path.replace(/^input\./, ''), path.split('.').pop() ?? path].filter((name, i, all) => all.indexOf(name) === i);
  const swap = (text: string): string => {
    const name = names.find((candidate) => text.startsWith(candidate));
    return name ? `${column}${text.slice(name.length)}` : text;
  };
  return { it: swap(words.it), en: swap(words.en) };
}
