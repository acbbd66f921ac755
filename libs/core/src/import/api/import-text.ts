import { hasVisibleCharacter, textProblem } from '../../api/text-rules';
import { MESSAGES } from '../../messages';
import type { ImportIssue } from '../import-kind';

/**
 * The text rules every argument of the API meets (api/text-rules.ts), cell by cell, each refusal
 * naming its column: some cells meet no input rule of the API, being kept as written (the key) or
 * only looked up (a comune's name), yet they reach tables and reports. The key, an identifier on
 * one line, meets the single-line rules; a kind's input rules add the stricter rules of its own
 * fields (a title on one line).
 */
export function cellTextIssues(cells: Readonly<Record<string, string>>, keyColumn: string): ImportIssue[] {
  return Object.entries(cells).flatMap(([column, text]) => {
    const problem = textProblem(text, column === keyColumn ? 'SINGLE_LINE' : 'MULTI_LINE');
    return problem ? [{ column, reason: MESSAGES.input.text(column, problem) }] : [];
  });
}

/** Characters a file name is shown without: controls and line breaks, and format characters (direction overrides among them). */
const UNSHOWN_IN_FILE_NAME = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * The name of an uploaded file as the platform shows it in the job's list and report: the browser
 * sends whatever the computer called it, and a direction override there ("fattura\u202Evsc.exe")
 * disguises it, so such characters are dropped rather than the upload refused; nothing visible
 * left: `file.csv`.
 */
export function shownFileName(name: string): string {
  const shown = name.toWellFormed().normalize('NFC').replace(UNSHOWN_IN_FILE_NAME, '').trim();
  return shown !== '' && hasVisibleCharacter(shown) ? shown : 'file.csv';
}
