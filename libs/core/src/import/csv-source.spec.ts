import { Readable } from 'node:stream';
import { CsvRecord, detectSeparator, openCsv, sniff } from './csv-source';
import { ImportErrorCode, ImportException } from './import.exception';

const BOM = '\uFEFF';

/** Reads every record of a file given in chunks (as an upload arrives). */
async function readAll(chunks: (string | Buffer)[]): Promise<{ separator: string; header: string[]; records: CsvRecord[] }> {
  const reader = await openCsv(Readable.from(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk))));
  const records: CsvRecord[] = [];
  for (let next = await reader.records.next(); !next.done; next = await reader.records.next()) records.push(next.value);
  return { separator: reader.separator, header: reader.header, records };
}

/** The code of the ImportException a promise rejects with (and its line, when it has one). */
async function refusal(promise: Promise<unknown>): Promise<[ImportErrorCode, number | undefined]> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportException)) throw new Error(`expected an ImportException, got ${String(error)}`);
  return [error.code, error.detail.line];
}

describe('detectSeparator', () => {
  it.each([
    ['a;b;c', ';'],
    ['a,b,c', ','],
    ['"nome, cognome";citta', ';'],
    ['"a;b",c,d', ','],
    ['titolo;descrizione, lunga', ';'],
    ['una sola colonna', null],
  ])('%s → %s', (line, separator) => {
    expect(detectSeparator(line)).toBe(separator);
  });
});

describe('sniff: what is not a CSV file is refused at its first bytes', () => {
  it.each([
    ['an .xlsx workbook (ZIP)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), ImportErrorCode.SPREADSHEET],
    ['an old .xls workbook (OLE2)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), ImportErrorCode.SPREADSHEET],
    ['binary data', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]), ImportErrorCode.BINARY],
    ['an empty file', Buffer.alloc(0), ImportErrorCode.EMPTY],
    ['a blank first line', Buffer.from('   \n'), ImportErrorCode.EMPTY],
    ['a header in Windows-1252', Buffer.from('citt\xe0;titolo\n', 'latin1'), ImportErrorCode.NOT_UTF8],
    ['a header without separators', Buffer.from('titolo\nVetrina\n'), ImportErrorCode.NO_SEPARATOR],
  ])('%s', (_name, head, code) => {
    expect(() => sniff(head)).toThrow(expect.objectContaining({ code }));
  });

  it('takes the separator from the header, after a byte-order mark', () => {
    expect(sniff(Buffer.from(`${BOM}a;b\n1,5;2\n`))).toBe(';');
    expect(sniff(Buffer.from('a,b\n"1;2",3\n'))).toBe(',');
  });
});

describe('openCsv', () => {
  it('reads a semicolon file as Excel writes it (a BOM, CRLF between rows, LF inside a quoted cell), numbering lines from the header', async () => {
    const file = await readAll([`${BOM}codice;titolo\r\n`, 'A;"Vetrina; online"\r\n', 'B;"Due\nrighe"\r\n', 'C;Terza\r\n']);
    expect(file.separator).toBe(';');
    expect(file.header).toEqual(['codice', 'titolo']);
    expect(file.records).toEqual([
      { cells: ['A', 'Vetrina; online'], line: 2 },
      { cells: ['B', 'Due\nrighe'], line: 3 },
      { cells: ['C', 'Terza'], line: 5 },
    ]);
  });

  it('numbers each record by the line it starts on, whatever breaks lines inside quoted cells, blank lines and rows of empty cells before it, and wherever the chunks are cut', async () => {
    const text = `${BOM}codice;titolo\r\nA;"una\r\ndue\r\ntre"\r\n\r\n;\r\nB;"x\ny"\r\nC;ultima`;
    const lines = [2, 7, 9];
    const whole = await readAll([text]);
    expect(whole.records.map((record) => [record.cells[0], record.line])).toEqual([
      ['A', 2],
      ['B', 7],
      ['C', 9],
    ]);
    const bytes = Buffer.from(text, 'utf8');
    for (let size = 1; size <= 7; size += 3) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
      expect((await readAll(chunks)).records.map((record) => record.line)).toEqual(lines);
    }
  });

  it('reads a file whose lines end differently (a CRLF header, LF and CRLF rows) row by row, numbering each; a lone CR breaks no line', async () => {
    const file = await readAll([`${BOM}codice;titolo\r\n`, 'A;uno\n', 'B;"due\nrighe"\n', 'C;tre\r\n', 'D;quattro\n', 'E;cinque\rF;sei\n']);
    expect(file.header).toEqual(['codice', 'titolo']);
    expect(file.records).toEqual([
      { cells: ['A', 'uno'], line: 2 },
      { cells: ['B', 'due\nrighe'], line: 3 },
      { cells: ['C', 'tre'], line: 5 },
      { cells: ['D', 'quattro'], line: 6 },
      // One line, as numbered by its LF: its extra cell is the importer's to report, on that line.
      { cells: ['E', 'cinque\rF', 'sei'], line: 7 },
    ]);
  });

  it('skips blank lines before the header, as anywhere else, and numbers lines as the file has them', async () => {
    const file = await readAll([`${BOM}\r\n  \n`, 'codice;titolo\n', 'A;uno\n']);
    expect(file.header).toEqual(['codice', 'titolo']);
    expect(file.records).toEqual([{ cells: ['A', 'uno'], line: 4 }]);
    // A file of blank lines alone is empty.
    await expect(readAll(['\n\r\n \n'])).rejects.toMatchObject({ code: 'EMPTY' });
  });

  it('numbers records right in a long file, read a few chunks at a time', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `R${i};"due\r\nrighe"\r\n` : `R${i};una\r\n`));
    const file = await readAll([`codice;titolo\r\n${rows.join('')}`]);
    let expected = 2;
    const wrong = file.records.filter((record, i) => {
      const fine = record.line === expected;
      expected += i % 3 === 0 ? 2 : 1;
      return !fine;
    });
    expect(wrong).toEqual([]);
  });

  it('reads a comma file without a BOM, split at any byte (inside a multi-byte character too), skipping blank lines and rows of empty cells', async () => {
    const bytes = Buffer.from('codice,città\nA,Forlì\n\n,\nB,"Sant\'Agata, Bologna"\n', 'utf8');
    const cut = bytes.indexOf(Buffer.from('ì')) + 1;
    const file = await readAll([bytes.subarray(0, 9), bytes.subarray(9, cut), bytes.subarray(cut)]);
    expect(file.separator).toBe(',');
    expect(file.records.map((record) => record.cells)).toEqual([
      ['A', 'Forlì'],
      ['B', "Sant'Agata, Bologna"],
    ]);
  });

  it('keeps rows with fewer or more cells than the header, for the importer to report', async () => {
    const file = await readAll(['a;b;c\n1;2\n1;2;3;4\n']);
    expect(file.records.map((record) => record.cells.length)).toEqual([2, 4]);
  });

  it('refuses a line further down that is not UTF-8, naming it', async () => {
    const head = Buffer.from('codice;titolo\nA;uno\n');
    expect(await refusal(readAll([head, Buffer.from('B;caff\xe8\n', 'latin1'), Buffer.from('C;tre\n')]))).toEqual([ImportErrorCode.NOT_UTF8, 3]);
  });

  it('refuses broken quoting, naming the line', async () => {
    // A quote never closed: the line where it was opened, not the end of the file.
    expect(await refusal(readAll(['codice;titolo\nA;uno\nB;"mai chiusa\nC;tre\nD;quattro\n']))).toEqual([ImportErrorCode.SYNTAX, 3]);
    expect(await refusal(readAll(['codice;titolo\r\nA;"su\r\ndue righe"\r\nB;un "titolo" strano\r\n']))).toEqual([ImportErrorCode.SYNTAX, 4]);
    expect(await refusal(readAll(['codice;titolo\nA;un "titolo" strano\n']))).toEqual([ImportErrorCode.SYNTAX, 2]);
  });

  it('refuses a file with a header and nothing else as having no rows only when even the header is missing', async () => {
    const file = await readAll(['codice;titolo\n']);
    expect(file.records).toEqual([]);
    expect(await refusal(readAll(['']))).toEqual([ImportErrorCode.EMPTY, undefined]);
  });

  it('passes on the upload’s own failure (a file too large, an upload cut)', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('codice;titolo\nA;uno\n'));
        this.destroy(new ImportException(ImportErrorCode.TOO_LARGE, { limit: 30 }));
      },
    });
    const read = async () => {
      const reader = await openCsv(failing);
      for (let next = await reader.records.next(); !next.done; next = await reader.records.next());
    };
    expect(await refusal(read())).toEqual([ImportErrorCode.TOO_LARGE, undefined]);
  });
});
