import type { SourceRow } from '../run';

/** One parsed CSV record: its cells and the line it starts on. */
export interface CsvRecord {
  readonly cells: readonly string[];
  readonly line: number;
}

/** Splits CSV text, fed in chunks of any size, into records. */
export interface CsvParser {
  /** Feeds the next chunk; returns the records completed by it. */
  write(chunk: string): CsvRecord[];
  /** Ends the input; returns the last record, if any. */
  end(): CsvRecord[];
}

/**
 * RFC 4180 CSV, streaming: quoted fields may hold the delimiter, doubled quotes and line
 * breaks; CRLF, LF or CR line ends; a leading byte-order mark is dropped; blank lines are
 * skipped. A quote inside an unquoted field is kept as text (as spreadsheets write `5"` screens).
 * Cells are not trimmed or typed: dates, numbers and codes stay text for the mapping to read.
 */
export function createCsvParser(delimiter = ','): CsvParser {
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let quoteSeen = false;
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  let pendingCr = false;
  let first = true;
  const out: CsvRecord[] = [];

  const endField = (): void => {
    cells.push(field);
    field = '';
    fieldStarted = false;
    quoteSeen = false;
  };
  const endRecord = (): void => {
    endField();
    if (cells.length > 1 || cells[0] !== '') out.push({ cells, line: recordLine });
    cells = [];
  };

  const write = (input: string): CsvRecord[] => {
    let chunk = input;
    if (first) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as string;
      if (pendingCr) {
        pendingCr = false;
        if (c === '\n') continue;
      }
      if (quoted) {
        if (c === '"') {
          quoted = false;
          quoteSeen = true;
        } else {
          if (c === '\n') line++;
          else if (c === '\r') {
            line++;
            if (chunk[i + 1] === '\n') {
              field += '\r\n';
              i++;
              continue;
            }
          }
          field += c;
        }
        continue;
      }
      if (c === '"') {
        if (quoteSeen) {
          // A doubled quote inside a quoted field.
          field += '"';
          quoted = true;
          quoteSeen = false;
        } else if (!fieldStarted) {
          quoted = true;
          fieldStarted = true;
          if (cells.length === 0 && field === '') recordLine = line;
        } else field += c;
        continue;
      }
      if (c === delimiter) {
        if (cells.length === 0 && !fieldStarted) recordLine = line;
        endField();
        continue;
      }
      if (c === '\n' || c === '\r') {
        if (cells.length === 0 && !fieldStarted) recordLine = line;
        endRecord();
        line++;
        recordLine = line;
        if (c === '\r') pendingCr = true;
        continue;
      }
      if (!fieldStarted && cells.length === 0) recordLine = line;
      fieldStarted = true;
      field += c;
    }
    return out.splice(0, out.length);
  };

  const end = (): CsvRecord[] => {
    if (fieldStarted || field !== '' || cells.length > 0) endRecord();
    return out.splice(0, out.length);
  };

  return { write, end };
}

/**
 * Turns CSV records into rows keyed by the header (the first record), header names trimmed.
 * Every cell keeps a key of its own: an empty name is `column N`, a name the header already
 * has (exports repeat names such as `Email`) is `Email (column N)`, and a record with more cells
 * than the header keeps the extras under `column N` (N counts from 1), each made unique the same
 * way; with fewer cells, the missing ones are absent. Rows carry their line.
 */
export function createCsvRowReader(delimiter = ','): { write(chunk: string): SourceRow[]; end(): SourceRow[] } {
  const parser = createCsvParser(delimiter);
  // Column names, grown past the header when a record has more cells; `taken` holds them all.
  let names: string[] | undefined;
  const taken = new Set<string>();
  const nameOf = (column: number, name: string): string => {
    let unique = name;
    while (taken.has(unique)) unique = `${unique} (column ${column + 1})`;
    taken.add(unique);
    return unique;
  };
  const toRows = (records: CsvRecord[]): SourceRow[] => {
    const rows: SourceRow[] = [];
    for (const record of records) {
      if (names === undefined) {
        names = record.cells.map((name, i) => nameOf(i, name.trim() || `column ${i + 1}`));
        continue;
      }
      while (names.length < record.cells.length) names.push(nameOf(names.length, `column ${names.length + 1}`));
      const value: Record<string, string> = {};
      // Defined, not assigned: a column named `__proto__` is a key like any other.
      record.cells.forEach((cell, i) =>
        Object.defineProperty(value, (names as string[])[i] as string, { value: cell, enumerable: true, writable: true, configurable: true }),
      );
      rows.push({ value, line: record.line });
    }
    return rows;
  };
  return { write: (chunk) => toRows(parser.write(chunk)), end: () => toRows(parser.end()) };
}
