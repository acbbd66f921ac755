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

/**
 * What the first bytes of an upload say: a spreadsheet or binary file is refused, and the header
 * line (after a byte-order mark, if any) gives the separator.
 */
export function sniff(head: Buffer): Separator {
  if (head.length === 0) throw new ImportException(ImportErrorCode.EMPTY);
  if (head.subarray(0, 4).equals(ZIP) || head.subarray(0, 4).equals(OLE2)) throw new ImportException(ImportErrorCode.SPREADSHEET);
  if (head.includes(0)) throw new ImportException(ImportErrorCode.BINARY);
  const text = head.subarray(0, 3).equals(BOM) ? head.subarray(3) : head;
  const end = text.indexOf(0x0a);
  const firstLine = end < 0 ? text : text.subarray(0, end);
  // Cut off mid-character at the end of the sniffed bytes is not a fault of the file.
  if (!isUtf8(firstLine) && (end >= 0 || text.length < SNIFF_BYTES)) throw new ImportException(ImportErrorCode.NOT_UTF8, { line: 1 });
  if (firstLine.toString('utf8').trim() === '') throw new ImportException(ImportErrorCode.EMPTY);
  const separator = detectSeparator(firstLine.toString('utf8'));
  if (!separator) throw new ImportException(ImportErrorCode.NO_SEPARATOR);
  return separator;
}

/**
 * Passes the bytes on unchanged, a line at a time, refusing the first line that is not UTF-8 (a file
 * saved as "CSV" in Windows-1252 instead of "CSV UTF-8"), and counts the bytes read.
 */
class Utf8Lines extends Transform {
  private carry = Buffer.alloc(0);
  private lines = 0;
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = data.lastIndexOf(0x0a) + 1;
    this.carry = Buffer.from(data.subarray(cut));
    const whole = data.subarray(0, cut);
    const error = this.check(whole);
    if (error) return done(error);
    done(null, whole);
  }

  override _flush(done: TransformCallback): void {
    const error = this.check(this.carry);
    if (error) return done(error);
    done(null, this.carry);
  }

  private check(lines: Buffer): ImportException | null {
    if (isUtf8(lines)) {
      for (const byte of lines) if (byte === 0x0a) this.lines++;
      return null;
    }
    let start = 0;
    for (;;) {
      const end = lines.indexOf(0x0a, start);
      const line = lines.subarray(start, end < 0 ? lines.length : end);
      this.lines++;
      if (!isUtf8(line)) return new ImportException(ImportErrorCode.NOT_UTF8, { line: this.lines });
      start = end + 1;
    }
  }
}

/** One record of the file: its cells and the line it ends on (the header is line 1). */
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

/** csv-parse's errors that mean the text is not well-formed CSV, and where. */
const syntaxError = (error: unknown): ImportException | null =>
  error instanceof CsvError ? new ImportException(ImportErrorCode.SYNTAX, { line: (error as CsvError & { lines?: number }).lines ?? 0 }) : null;

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
    if (next.value.includes(0x0a)) break;
  }
  const head = Buffer.concat(chunks);
  const separator = sniff(head);

  const rest = async function* (): AsyncGenerator<Buffer> {
    yield head;
    if (ended) return;
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  };
  const utf8 = new Utf8Lines();
  const parser = parse({ delimiter: separator, bom: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true, info: true });
  const fail = (error: unknown): void => {
    parser.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  Readable.from(rest()).on('error', fail).pipe(utf8).on('error', fail).pipe(parser);

  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const read = async (): Promise<IteratorResult<CsvRecord>> => {
    try {
      const next = await records.next();
      if (next.done) return { done: true, value: undefined };
      return { done: false, value: { cells: next.value.record, line: next.value.info.lines } };
    } catch (error) {
      throw syntaxError(error) ?? error;
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
