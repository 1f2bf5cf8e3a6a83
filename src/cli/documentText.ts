import type { InputFormat } from './readInput';

/** A non-blank input line, parsed on its own. */
export interface ParsedLine {
  readonly lineNo: number;
  /** True when the line is a whole JSON value. */
  readonly parsed: boolean;
  readonly value: unknown;
}

/** Parses one trimmed line as a JSON value, without throwing. */
export function parseLine(lineNo: number, trimmed: string): ParsedLine {
  try {
    return { lineNo, parsed: true, value: JSON.parse(trimmed) as unknown };
  } catch {
    return { lineNo, parsed: false, value: undefined };
  }
}

/** True for a JSON object with a string `recordType`: an NDJSON record. */
export function isRecordLine(line: ParsedLine): boolean {
  const value = line.value;
  return (
    line.parsed && typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { recordType?: unknown }).recordType === 'string'
  );
}

/**
 * Non-blank lines a broken first line may be followed by, none of them a record, before the input
 * is taken as one JSON document: bounds what is held while the layout is undecided (a
 * pretty-printed document is broken on every line, and is decided after this many).
 */
export const maxUndecidedLines = 1_000;

/**
 * Tells NDJSON from one JSON document line by line, so that bad lines never change how the rest
 * is read: NDJSON when the first non-blank line is a record, when it is a whole JSON value and
 * another line follows (a document is one value), or when it is broken and a record line follows
 * within {@link maxUndecidedLines} lines. Anything else is a document, which may span lines.
 * Each line is looked at once: constant work a line.
 */
export class FormatDetector {
  #first: ParsedLine | undefined;
  #lines = 0;

  /** Takes the next non-blank line; returns the layout once it is known, else undefined (hold the line). */
  push(line: ParsedLine): InputFormat | undefined {
    this.#lines++;
    if (this.#first === undefined) {
      this.#first = line;
      return isRecordLine(line) ? 'ndjson' : undefined;
    }
    if (this.#first.parsed || isRecordLine(line)) return 'ndjson';
    return this.#lines >= maxUndecidedLines ? 'json' : undefined;
  }

  /** The layout at the end of the input, when no line decided it: one document. */
  end(): InputFormat {
    return 'json';
  }
}

/**
 * The keys that appear more than once at the top level of a JSON object's text. JSON.parse keeps
 * only the last value of a repeated key, so a second `"subjects"` would silently drop the first
 * array. One linear pass over valid JSON text (the caller parsed it first), no recursion: it only
 * tracks the nesting depth and skips strings.
 */
export function duplicateTopLevelKeys(text: string): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  let depth = 0;
  let topIsObject = false;
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i++;
      while (i < text.length) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      if (depth === 1 && topIsObject && expectKey) {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        if (!seen.has(key)) seen.add(key);
        else repeated.add(key);
        expectKey = false;
      }
      i++;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      if (depth === 0) topIsObject = c === 0x7b;
      depth++;
      if (depth === 1) expectKey = topIsObject;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && depth === 1) expectKey = topIsObject;
    i++;
  }
  return [...repeated];
}
