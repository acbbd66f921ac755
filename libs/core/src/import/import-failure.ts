import { MESSAGES, type Words } from '../messages';
import { ImportErrorCode, ImportException } from './import.exception';
import { ImportMode } from './import.types';

/** The one mapping from import failures to words: what is wrong with the file and what to do. */
export function importFailureWords(error: ImportException, limits: { maxFileMb?: number } = {}): Words {
  const { line = 0, columns = [], known = [], limit = 0, kind = '' } = error.detail;
  const m = MESSAGES.import;
  switch (error.code) {
    case ImportErrorCode.UNKNOWN_KIND:
      return m.unknownKind(kind);
    case ImportErrorCode.BAD_MODE:
      return MESSAGES.validation.oneOf('mode', Object.values(ImportMode));
    case ImportErrorCode.NO_FILE:
      return m.noFile();
    case ImportErrorCode.SPREADSHEET:
      return m.spreadsheet();
    case ImportErrorCode.BINARY:
      return m.binary();
    case ImportErrorCode.NOT_UTF8:
      return m.notUtf8(line);
    case ImportErrorCode.EMPTY:
      return m.empty();
    case ImportErrorCode.NO_SEPARATOR:
      return m.noSeparator();
    case ImportErrorCode.HEADER_MISSING:
      return m.headerMissing(columns);
    case ImportErrorCode.HEADER_UNKNOWN:
      return m.headerUnknown(columns, known);
    case ImportErrorCode.HEADER_REPEATED:
      return m.headerRepeated(columns[0] ?? '');
    case ImportErrorCode.TOO_LARGE:
      return m.tooLarge(limit || limits.maxFileMb || 0);
    case ImportErrorCode.TOO_MANY_ROWS:
      return m.tooManyRows(limit);
    case ImportErrorCode.SYNTAX:
      return m.syntax(line);
    case ImportErrorCode.UPLOAD_CUT:
      return m.uploadCut();
    case ImportErrorCode.ALREADY_RUNNING:
      return m.alreadyRunning();
    case ImportErrorCode.BUSY:
      return m.busy(limit);
    case ImportErrorCode.JOB_NOT_FOUND:
      return m.jobNotFound();
  }
}
