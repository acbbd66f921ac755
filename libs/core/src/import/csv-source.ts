import { isUtf8 } from 'node:buffer';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { ImportErrorCode, ImportException } from './import.exception';

export type Separator = ';' | ',';

/** How much of the file is read before deciding what it is: the header line must fit in it. */
const SNIFF_BYTES = 64 * 1024;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** ZIP (an .xlsx, .ods or .docx) and OLE2 (an old .xls) files start with these bytes. */
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * The separator of a header line: `;` (what Excel writes in Italy) or `,`, whichever separates
 * more names outside quotes; null when neither does.
 */
export function detectSeparator(line: string): Separator | null {
  let quoted = false;
  let semicolons = 0;
  let commas = 0;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  if (semicolons === 0 && commas === 0) return null;
  return semicolons >= commas ? ';' : ',';
}

const withoutBom = (head: Buffer): Buffer => (head.subarray(0, 3).equals(BOM) ? head.subarray(3) : head);

/** Whether a line holds nothing but spaces (a CR of a CRLF file included). */
const isBlank = (line: Buffer): boolean => line.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0d);

/**
 * The header line of a file's first bytes: its first line that is not blank (blank lines before
 * it are skipped, as blank lines anywhere are), its number (from 1), and whether its end was read.
 */
export function headerLine(text: Buffer): { line: Buffer; number: number; complete: boolean } {
  let start = 0;
  for (let number = 1; ; number++) {
    const end = text.indexOf(0x0a, start);
    const line = text.subarray(start, end < 0 ? text.length : end);
    if (end < 0 || !isBlank(line)) return { line, number, complete: end >= 0 };
    start = end + 1;
  }
}

/**
 * What the first bytes of an upload say: a spreadsheet or binary file is refused, and the header
 * line (after a byte-order mark, if any) gives the separator.
 */
export function sniff(head: Buffer): Separator {
  if (head.length === 0) throw new ImportException(ImportErrorCode.EMPTY);
  if (head.subarray(0, 4).equals(ZIP) || head.subarray(0, 4).equals(OLE2)) throw new ImportException(ImportErrorCode.SPREADSHEET);
  if (head.includes(0)) throw new ImportException(ImportErrorCode.BINARY);
  const text = withoutBom(head);
  const { line: firstLine, number, complete } = headerLine(text);
  // Cut off mid-character at the end of the sniffed bytes is not a fault of the file.
  if (!isUtf8(firstLine) && (complete || text.length < SNIFF_BYTES)) throw new ImportException(ImportErrorCode.NOT_UTF8, { line: number });
  if (firstLine.toString('utf8').trim() === '') throw new ImportException(ImportErrorCode.EMPTY);
  const separator = detectSeparator(firstLine.toString('utf8'));
  if (!separator) throw new ImportException(ImportErrorCode.NO_SEPARATOR);
  return separator;
}

/**
 * Passes the bytes on unchanged, a line at a time, refusing the first line that is not UTF-8 (a file
 * saved as "CSV" in Windows-1252 instead of "CSV UTF-8"), counts the bytes read, and keeps where
 * each line break passed so that a position in the file can be told as a line (lineAt). csv-parse's
 * own line count drifts in files that break lines inside quoted cells with CRLF, and a record's
 * count is the line it ends on; positions are exact.
 */
class Utf8Lines extends Transform {
  private carry = Buffer.alloc(0);
  bytes = 0;
  /** Bytes passed on so far. */
  private passed = 0;
  /** Positions of the line breaks passed on and not yet counted by lineAt, in order, from `head`. */
  private breaks: number[] = [];
  private head = 0;
  private counted = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = data.lastIndexOf(0x0a) + 1;
    this.carry = Buffer.from(data.subarray(cut));
    this.pass(data.subarray(0, cut), done);
  }

  override _flush(done: TransformCallback): void {
    this.pass(this.carry, done);
  }

  /**
   * The line (from 1) that the byte at `position` is on. Positions asked for must not decrease:
   * the breaks before one are forgotten once counted, so the memory held is what the parser has
   * not read yet.
   */
  lineAt(position: number): number {
    const { breaks } = this;
    while (this.head < breaks.length && breaks[this.head] < position) {
      this.head++;
      this.counted++;
    }
    if (this.head > 4096 && this.head * 2 > breaks.length) {
      this.breaks = breaks.slice(this.head);
      this.head = 0;
    }
    return this.counted + 1;
  }

  private pass(lines: Buffer, done: TransformCallback): void {
    // The lines passed on before these: those lineAt counted and those it has not reached yet.
    const error = this.check(lines, this.counted + this.breaks.length - this.head);
    if (error) return done(error);
    for (let at = lines.indexOf(0x0a); at >= 0; at = lines.indexOf(0x0a, at + 1)) this.breaks.push(this.passed + at);
    this.passed += lines.length;
    done(null, lines);
  }

  /** The first line of `lines` that is not UTF-8, numbered after the `before` lines already passed on. */
  private check(lines: Buffer, before: number): ImportException | null {
    if (isUtf8(lines)) return null;
    let start = 0;
    for (let line = before + 1; ; line++) {
      const end = lines.indexOf(0x0a, start);
      if (!isUtf8(lines.subarray(start, end < 0 ? lines.length : end))) return new ImportException(ImportErrorCode.NOT_UTF8, { line });
      start = end + 1;
    }
  }
}

/** One record of the file: its cells and the line it starts on (the header is line 1). */
export interface CsvRecord {
  cells: string[];
  line: number;
}

export interface CsvReader {
  separator: Separator;
  header: string[];
  /** The data records, in order, read as the consumer asks for them. */
  records: AsyncIterator<CsvRecord>;
  /** Bytes of the file read so far. */
  bytesRead(): number;
}

/**
 * csv-parse's errors that mean the text is not well-formed CSV, and where: the line of the last
 * cell boundary it passed, which is on the faulty record (where a quote that is never closed was
 * opened, not the end of the file).
 */
const syntaxError = (error: unknown, lineAt: (position: number) => number): ImportException | null =>
  error instanceof CsvError ? new ImportException(ImportErrorCode.SYNTAX, { line: lineAt((error as CsvError & { bytes?: number }).bytes ?? 0) }) : null;

/** Line breaks inside a record's cells (quoted ones): the lines it spans beyond its first. */
function breaksInside(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * Opens an uploaded CSV file as a stream of records: refuses what is not CSV (see `sniff`), takes
 * the separator from the header line, drops a byte-order mark, skips blank lines and rows of empty
 * cells, and never holds more than a few chunks of the file.
 */
export async function openCsv(input: Readable): Promise<CsvReader> {
  const chunks: Buffer[] = [];
  let size = 0;
  const source = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let ended = false;
  while (size < SNIFF_BYTES) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.length;
    if (headerLine(withoutBom(Buffer.concat(chunks))).complete) break;
  }
  const head = Buffer.concat(chunks);
  const separator = sniff(head);

  const rest = async function* (): AsyncGenerator<Buffer> {
    yield head;
    if (ended) return;
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  };
  const utf8 = new Utf8Lines();
  // Lines may end in CRLF or LF, even mixed in one file (a header typed in Excel, rows pasted from
  // elsewhere). A lone CR is no line break: lines are numbered by their LFs, and each row's outcome
  // is kept by its line.
  const parser = parse({
    delimiter: separator,
    record_delimiter: ['\r\n', '\n'],
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    info: true,
  });
  const fail = (error: unknown): void => {
    parser.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  Readable.from(rest()).on('error', fail).pipe(utf8).on('error', fail).pipe(parser);

  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { bytes: number } }>;
  const read = async (): Promise<IteratorResult<CsvRecord>> => {
    try {
      const next = await records.next();
      if (next.done) return { done: true, value: undefined };
      const { record, info } = next.value;
      // info.bytes is where the record ends, its line break included: its last byte is on its last line.
      return { done: false, value: { cells: record, line: utf8.lineAt(info.bytes - 1) - breaksInside(record) } };
    } catch (error) {
      throw syntaxError(error, (position) => utf8.lineAt(position)) ?? error;
    }
  };
  const first = await read();
  if (first.done) throw new ImportException(ImportErrorCode.EMPTY);
  return {
    separator,
    header: first.value.cells.map((name) => name.trim()),
    records: { next: read },
    bytesRead: () => utf8.bytes,
  };
}
