import { firstRepeatedKey } from '../../text/repeatedKeys';
import type { SourceRow } from '../run';

interface Frame {
  /** `{` or `[`. */
  readonly type: '{' | '[';
  /** An array whose elements are rows (top level, or a wrapper's array). */
  readonly container: boolean;
  /** A wrapper's array: its rows are rows, never wrappers again (a row may well have a `value` array). */
  readonly final?: boolean;
  /** A row's own object: its text is being captured unless it turned out to be a wrapper. */
  readonly root: boolean;
  /** Path of this frame from the row's root, lower case (`data`, `data.events`), for wrapper detection. */
  readonly path: string;
  /** In an object: the last key read. */
  key: string;
  /** In an object: the next string is a key. */
  expectKey: boolean;
}

/** Splits JSON text, fed in chunks of any size, into rows. */
export interface JsonRowSplitter {
  /** Feeds the next chunk; returns the rows completed by it. */
  write(chunk: string): SourceRow[];
  /** Ends the input; returns a last row, or an error row for an unfinished value. */
  end(): SourceRow[];
}

/**
 * Streams rows out of JSON text without holding more than one row: a JSON array of rows, one
 * row a line (NDJSON), concatenated documents, or wrappers whose array holds the rows
 * (`{ "value": [...] }`, `{ "records": [...] }`, `{ "data": { "events": [...] } }`, nested in
 * arrays or not). The elements of a wrapper's array are rows, never wrappers again. Each row
 * knows the line it starts on. A row that is not valid JSON becomes an error row (skipped and
 * counted) and reading resumes at the next line that starts with `{`, so one broken NDJSON line
 * costs one row. A row that repeats a key at any depth becomes an error row too, with the key's
 * path: JSON.parse would keep only the last value.
 *
 * @param wrappers - Keys (dotted for nested) of arrays that hold rows, matched case-insensitively.
 */
export function createJsonRowSplitter(wrappers: readonly string[]): JsonRowSplitter {
  const wrapperPaths = new Set(wrappers.map((w) => w.toLowerCase()));
  let maxWrapperDepth = 1;
  for (const wrapper of wrappers) maxWrapperDepth = Math.max(maxWrapperDepth, wrapper.split('.').length);
  let stack: Frame[] = [];
  let line = 1;
  let atLineStart = true;
  let inString = false;
  let escaped = false;
  let stringIsKey = false;
  let keyText = '';
  // Capture of the current row's text.
  let capturing = false;
  let captureMayWrap = true;
  let parts: string[] = [];
  let captureLine = 0;
  // A primitive row (a number, string or stray text) outside any object.
  let primitive = false;
  let primitiveUntilEol = false;
  let first = true;

  const rows: SourceRow[] = [];

  const finishCapture = (text: string): void => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      rows.push({ value: undefined, line: captureLine, error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      return;
    }
    // JSON.parse keeps a repeated key's last value: the row's other value would be lost unseen.
    const repeated = typeof value === 'object' && value !== null ? firstRepeatedKey(text) : undefined;
    if (repeated !== undefined) {
      rows.push({ value: undefined, line: captureLine, error: `repeated key ${repeated}; JSON keeps only the last value` });
      return;
    }
    rows.push({ value, line: captureLine });
  };

  const reset = (reason: string): void => {
    if (capturing || stack.length > 0) rows.push({ value: undefined, line: captureLine || line, error: reason });
    stack = [];
    capturing = false;
    parts = [];
    inString = false;
    escaped = false;
    primitive = false;
  };

  const atRowPosition = (): boolean => stack.length === 0 || (stack[stack.length - 1] as Frame).container;

  const write = (input: string): SourceRow[] => {
    let chunk = input;
    if (first) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let captureFrom = capturing || primitive ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as string;
      const lineStart = atLineStart;
      atLineStart = false;
      if (c === '\n') {
        line++;
        atLineStart = true;
      }
      if (inString) {
        if (c === '\n') {
          // JSON strings hold no raw line breaks: the row is broken; resume on this new line.
          reset('not valid JSON (unterminated string)');
          captureFrom = -1;
          continue;
        }
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') {
          inString = false;
          if (stringIsKey) {
            const top = stack[stack.length - 1] as Frame;
            top.key = keyText.toLowerCase();
            top.expectKey = false;
          }
          if (primitive && !primitiveUntilEol) {
            parts.push(chunk.slice(captureFrom, i + 1));
            primitive = false;
            captureFrom = -1;
            finishCapture(parts.join(''));
            parts = [];
          }
        } else if (stringIsKey && keyText.length < 256) keyText += c;
        continue;
      }
      if (primitive) {
        const stop = primitiveUntilEol ? c === '\n' : c === ',' || c === ']' || c === '}' || c === ' ' || c === '\t' || c === '\r' || c === '\n';
        if (!stop) continue;
        parts.push(chunk.slice(captureFrom, i));
        primitive = false;
        captureFrom = -1;
        const text = parts.join('').trim();
        parts = [];
        if (text !== '') finishCapture(text);
        if (primitiveUntilEol) continue;
      }
      if (lineStart && c === '{' && stack.length > 0 && (stack[0] as Frame).root && capturing) {
        // A row left open and a new line starting an object: the previous NDJSON line was cut short.
        reset('not valid JSON (unfinished value)');
        captureFrom = -1;
      }
      switch (c) {
        case '"': {
          inString = true;
          const top = stack[stack.length - 1];
          stringIsKey = top !== undefined && top.type === '{' && top.expectKey;
          keyText = '';
          if (atRowPosition()) {
            primitive = true;
            primitiveUntilEol = false;
            captureFrom = i;
            captureLine = line;
            parts = [];
          }
          break;
        }
        case '{':
        case '[': {
          const parent = stack[stack.length - 1];
          if (atRowPosition()) {
            if (c === '[') stack.push({ type: '[', container: true, final: parent?.final === true, root: false, path: '', key: '', expectKey: false });
            else {
              captureMayWrap = parent?.final !== true;
              stack.push({ type: '{', container: false, root: true, path: '', key: '', expectKey: true });
              capturing = true;
              parts = [];
              captureFrom = i;
              captureLine = line;
            }
            break;
          }
          const parentPath = (parent as Frame).path;
          const path =
            (parent as Frame).type === '{' ? (parentPath === '' ? (parent as Frame).key : `${parentPath}.${(parent as Frame).key}`) : `${parentPath}[]`;
          const depth = path.split('.').length;
          if (c === '[' && capturing && captureMayWrap && depth <= maxWrapperDepth && wrapperPaths.has(path)) {
            // The row is a wrapper: drop its text, its array's elements are the rows.
            capturing = false;
            parts = [];
            captureFrom = -1;
            stack.push({ type: '[', container: true, final: true, root: false, path: '', key: '', expectKey: false });
          } else {
            stack.push({ type: c, container: false, root: false, path: depth <= maxWrapperDepth ? path : '\u0000', key: '', expectKey: c === '{' });
          }
          break;
        }
        case '}':
        case ']': {
          const frame = stack.pop();
          if (frame === undefined) {
            reset('not valid JSON (unexpected closing bracket)');
            captureFrom = -1;
            break;
          }
          if (frame.root && capturing) {
            parts.push(chunk.slice(captureFrom, i + 1));
            capturing = false;
            captureFrom = -1;
            finishCapture(parts.join(''));
            parts = [];
          }
          break;
        }
        case ',': {
          const top = stack[stack.length - 1];
          if (top !== undefined && top.type === '{') top.expectKey = true;
          break;
        }
        case ' ':
        case '\t':
        case '\r':
        case '\n':
        case ':':
          break;
        default:
          if (atRowPosition()) {
            primitive = true;
            primitiveUntilEol = stack.length === 0;
            captureFrom = i;
            captureLine = line;
            parts = [];
          }
      }
    }
    if ((capturing || primitive) && captureFrom >= 0) parts.push(chunk.slice(captureFrom));
    const out = rows.splice(0, rows.length);
    return out;
  };

  const end = (): SourceRow[] => {
    if (primitive) {
      primitive = false;
      const text = parts.join('').trim();
      parts = [];
      if (text !== '') finishCapture(text);
    }
    if (capturing || stack.length > 0 || inString) reset('not valid JSON (the input ended inside a value)');
    return rows.splice(0, rows.length);
  };

  return { write, end };
}
