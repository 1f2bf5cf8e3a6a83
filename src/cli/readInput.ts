import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { RejectedRecord } from '../engine/createScorer';
import { ownValue, setOwn } from '../records/ownKeys';
import { readRecordId } from '../records/validate';
import { duplicateTopLevelKeys, FormatDetector, parseLine, type ParsedLine } from './documentText';
import { withoutRepeatedKeyRecords } from './repeatedKeyRecords';
import { findRepeatedKeys, formatPath, repeatedKeyMessage, type RepeatedKey } from '../text/repeatedKeys';
import { describeValue } from '../errors/describeValue';
import { CliUsageError, type CliIo } from './io';
import type { Progress } from './progress';

/** How the input is laid out: one JSON document, or one record a line. */
export type InputFormat = 'json' | 'ndjson';

/** The record types an NDJSON line may carry in its `recordType` field. */
export const ndjsonRecordTypes = ['subject', 'event', 'watchlist', 'reference', 'suppression'] as const;

/** A rejected record as the command reports it: NDJSON records also name their line. */
export type CliRejected = RejectedRecord & { readonly line?: number };

/** The input, read and split into record arrays, ready for `scoreBatch`. */
export interface LoadedInput {
  /** Which layout was read. */
  readonly format: InputFormat;
  /** `asOf` of a JSON document, when it has one. */
  readonly asOf?: unknown;
  /** Subject records, unvalidated. */
  readonly subjects: unknown[];
  /** Event records, unvalidated. */
  readonly events: unknown[];
  /** Watchlists, unvalidated. */
  readonly watchlists: unknown[];
  /** Suppression records, unvalidated. */
  readonly suppressions: unknown[];
  /** Reference tables, unvalidated. */
  readonly reference?: unknown;
  /** Extra named inputs of a JSON document (e.g. externally grouped `linkGroups`), unvalidated. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** For NDJSON: the line of each record, by kind and index. */
  readonly lines?: { readonly subject: number[]; readonly event: number[]; readonly watchlist: number[]; readonly suppression: number[] };
  /** For a JSON document with records left out (a repeated key): the document index of each kept record, by kind. */
  readonly indexes?: { readonly subject: number[]; readonly event: number[]; readonly watchlist: number[]; readonly suppression: number[] };
  /** NDJSON lines that could not be read as records (bad JSON, unknown recordType). */
  readonly unreadable: CliRejected[];
  /** Bytes read. */
  readonly bytes: number;
}

/** The kinds of NDJSON record a {@link RecordSink} takes. */
export type SinkKind = 'subject' | 'event' | 'watchlist' | 'suppression';

/**
 * Where NDJSON records go instead of the arrays of {@link LoadedInput}: each readable record with
 * its kind, its value (without `recordType`), its position among the records of its kind, its
 * line and its text. The partitioned mode writes them to files, so the records are never held.
 */
export type RecordSink = (kind: SinkKind, record: Record<string, unknown>, index: number, line: number, text: string) => void;

/** Large inputs get a progress bar on a terminal. */
export const progressThreshold = 5 * 1024 * 1024;

/** Merges one NDJSON `reference` line into the tables read so far: arrays under one key are concatenated, other values replaced. */
export function mergeReference(reference: Record<string, unknown> | undefined, record: Record<string, unknown>): Record<string, unknown> {
  const merged = reference ?? {};
  for (const key of Object.keys(record)) {
    // Own properties only: a "__proto__" key is data (reported by validation), never the merged object's prototype.
    const prev = ownValue(merged, key);
    const item = record[key];
    setOwn(merged, key, Array.isArray(prev) && Array.isArray(item) ? prev.concat(item) : item);
  }
  return merged;
}

/** An NDJSON line that is not a record (not JSON, not an object, no known `recordType`), named by its line. */
export function unreadableLine(lineNo: number, path: string, message: string, recordId?: string): CliRejected {
  return { kind: 'document', index: lineNo - 1, line: lineNo, ...(recordId !== undefined ? { recordId } : {}), issues: [{ path, message }] };
}

/** The problem of an NDJSON line that repeats a key at any depth: JSON.parse would keep only its last value. */
export function duplicateKeysProblem(lineNo: number, repeated: readonly RepeatedKey[], recordId: string | undefined): CliRejected {
  const first = repeated[0] as RepeatedKey;
  return unreadableLine(lineNo, formatPath(first.segments, first.truncated), repeatedKeyMessage(first), recordId);
}

/** The problem of a line whose `recordType` is missing or unknown. */
export function recordTypeProblem(lineNo: number, recordType: unknown, recordId: string | undefined): CliRejected {
  if (recordType === 'outcome') {
    // Outcomes are what reviewers decided: scoring must not see them, a backtest or calibration does.
    return unreadableLine(
      lineNo,
      'recordType',
      'outcome records are not scoring input; pass them in a separate file to `redflags backtest --outcomes` or `redflags calibrate --outcomes`',
      recordId,
    );
  }
  const what = recordType === undefined ? 'is required' : `${describeValue(recordType)} is not a record type`;
  return unreadableLine(lineNo, 'recordType', `${what}; expected one of: ${ndjsonRecordTypes.join(', ')}`, recordId);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What one non-blank NDJSON line is: a record of a kind (without `recordType`), reference tables, or a problem naming its line. */
export type LineOutcome =
  { readonly kind: 'unreadable'; readonly problem: CliRejected } | { readonly kind: SinkKind | 'reference'; readonly record: Record<string, unknown> };

/**
 * Classifies one parsed NDJSON line as every reader of NDJSON records does: not JSON, not an
 * object, a key repeated at any depth, or a missing or unknown `recordType` is a problem with the
 * line's number; otherwise the record goes to its kind.
 */
export function classifyLine(line: ParsedLine, trimmed: string): LineOutcome {
  const { lineNo: at, parsed, value } = line;
  if (!parsed || !isObject(value))
    return { kind: 'unreadable', problem: unreadableLine(at, '', parsed ? 'each NDJSON line must be a JSON object' : 'not valid JSON') };
  const repeated = findRepeatedKeys(trimmed);
  if (repeated.length > 0) return { kind: 'unreadable', problem: duplicateKeysProblem(at, repeated, readRecordId(value)) };
  const { recordType, ...record } = value;
  if (recordType === 'subject' || recordType === 'event' || recordType === 'watchlist' || recordType === 'suppression' || recordType === 'reference') {
    return { kind: recordType, record };
  }
  return { kind: 'unreadable', problem: recordTypeProblem(at, recordType, readRecordId(record)) };
}

/** Opens a file (with its size, for the progress bar) or standard input (`-`), with errors that say what to do. */
export async function openSource(source: string, io: CliIo): Promise<{ stream: Readable; size: number | undefined; name: string }> {
  if (source === '-') {
    if (io.stdinIsTTY === true) io.stderr.write('redflags: reading records from the terminal; end with Ctrl-D (or pass a file instead of -).\n');
    return { stream: io.stdin, size: undefined, name: 'standard input' };
  }
  const path = resolvePath(io.cwd, source);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliUsageError(`${source} is not a file. Pass a JSON or NDJSON file, or - to read standard input.`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliUsageError) throw error;
    throw new CliUsageError(`cannot read ${source}: no such file. Check the path, or pass - to read standard input.`);
  }
  return { stream: createReadStream(path), size, name: source };
}

function documentArray(doc: Record<string, unknown>, key: string, name: string, required: boolean): unknown[] {
  const value = doc[key];
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) {
    throw new CliUsageError(
      `${name}: "${key}" must be an array${value === undefined ? ' and is missing' : ''}. The input is { subjects: [...], events: [...], watchlists: [...], reference: {...}, asOf }; see \`redflags schema\`.`,
    );
  }
  return value;
}

/**
 * Reads the input of `score` and `validate`: a JSON document, or NDJSON with one record a line
 * and a `recordType` on each. NDJSON is read line by line, so the raw text is never held whole;
 * a JSON document must be parsed at once. The layout is detected line by line
 * ({@link FormatDetector}) unless `format` forces it. A document that repeats a top-level key
 * is refused; a record (NDJSON line, or element of a document's record arrays) that repeats a key
 * at any depth is rejected with the key's path. With a `sink`, NDJSON records go to it and the
 * record arrays come back empty (reference tables and unreadable lines are still returned).
 */
export async function loadInput(source: string, io: CliIo, progress: Progress, format?: InputFormat, sink?: RecordSink): Promise<LoadedInput> {
  const { stream, size, name } = await openSource(source, io);
  const showProgress = size !== undefined && size >= progressThreshold;
  let bytes = 0;
  stream.on('data', (chunk: Buffer | string) => {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (showProgress) progress.update(bytes / (size as number), `reading ${(bytes / 1048576).toFixed(1)} of ${((size as number) / 1048576).toFixed(1)} MB`);
  });
  const failed = new Promise<never>((_, reject) => {
    stream.on('error', (error) => reject(new CliUsageError(`cannot read ${name}: ${error.message}`)));
  });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });

  let mode: InputFormat | undefined = format;
  const text: string[] = [];
  const subjects: unknown[] = [];
  const events: unknown[] = [];
  const watchlists: unknown[] = [];
  const suppressions: unknown[] = [];
  const lineOf = { subject: [] as number[], event: [] as number[], watchlist: [] as number[], suppression: [] as number[] };
  const arrays = { subject: subjects, event: events, watchlist: watchlists, suppression: suppressions };
  const unreadable: CliRejected[] = [];
  let reference: Record<string, unknown> | undefined;
  let lineNo = 0;
  // Records given to the sink, by kind: their positions as the arrays would have had them.
  const sunk = { subject: 0, event: 0, watchlist: 0, suppression: 0 };

  // A record line: its value goes to its kind, or it is rejected with its line.
  const take = (line: ParsedLine, trimmed: string): void => {
    const outcome = classifyLine(line, trimmed);
    if (outcome.kind === 'unreadable') {
      unreadable.push(outcome.problem);
      return;
    }
    const { kind, record } = outcome;
    if (kind === 'reference') {
      reference = mergeReference(reference, record);
      return;
    }
    if (sink !== undefined) {
      sink(kind, record, sunk[kind]++, line.lineNo, trimmed);
      return;
    }
    arrays[kind].push(record);
    lineOf[kind].push(line.lineNo);
  };
  // The non-blank lines read before the layout is known, with their text.
  const held: { line: ParsedLine; trimmed: string }[] = [];
  const detector = new FormatDetector();

  const readLines = async (): Promise<void> => {
    for await (const raw of lines) {
      lineNo++;
      // Spreadsheet tools and Windows editors start UTF-8 files with a byte order mark; JSON.parse rejects it.
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (mode === 'json') {
        text.push(line);
        continue;
      }
      if (mode === undefined) text.push(line);
      const trimmed = line.trim();
      if (trimmed === '') continue;
      const parsed = parseLine(lineNo, trimmed);
      if (mode === 'ndjson') {
        take(parsed, trimmed);
        continue;
      }
      held.push({ line: parsed, trimmed });
      mode = detector.push(parsed);
      if (mode === 'ndjson') {
        text.length = 0;
        for (const h of held) take(h.line, h.trimmed);
      }
      if (mode !== undefined) held.length = 0;
    }
    if (mode === undefined) {
      mode = detector.end();
      if (mode === 'ndjson') for (const h of held) take(h.line, h.trimmed);
    }
  };
  await Promise.race([readLines(), failed]);
  progress.done();

  if (mode === 'ndjson') {
    return {
      format: 'ndjson',
      subjects,
      events,
      watchlists,
      suppressions,
      ...(reference !== undefined ? { reference } : {}),
      lines: lineOf,
      unreadable,
      bytes,
    };
  }
  const joined = text.join('\n');
  if (joined.trim() === '') throw new CliUsageError(`${name} is empty. Pass a JSON document { subjects, events, ... } or NDJSON records.`);
  let doc: unknown;
  try {
    doc = JSON.parse(joined);
  } catch (error) {
    throw new CliUsageError(
      `${name} is not valid JSON (${error instanceof Error ? error.message : String(error)}). For NDJSON, give every line a "recordType" (subject, event, watchlist, reference).`,
    );
  }
  if (!isObject(doc)) throw new CliUsageError(`${name}: the document must be a JSON object { subjects, events, watchlists, reference, asOf }.`);
  const repeated = duplicateTopLevelKeys(joined);
  if (repeated.length > 0) {
    throw new CliUsageError(
      `${name}: ${repeated.map((key) => `"${key}"`).join(', ')} appear${repeated.length === 1 ? 's' : ''} more than once at the top level of the document. JSON keeps only the last value of a repeated key, so the records under the others would be lost; merge them into one.`,
    );
  }
  return withoutRepeatedKeyRecords(joined, {
    format: 'json',
    ...(doc.asOf !== undefined ? { asOf: doc.asOf } : {}),
    subjects: documentArray(doc, 'subjects', name, true),
    events: documentArray(doc, 'events', name, false),
    watchlists: documentArray(doc, 'watchlists', name, false),
    suppressions: documentArray(doc, 'suppressions', name, false),
    ...(doc.reference !== undefined ? { reference: doc.reference } : {}),
    ...(isObject(doc.inputs) ? { inputs: doc.inputs } : {}),
    unreadable: [],
    bytes,
  });
}

/** Adds the NDJSON line to rejected records, and puts unreadable lines first, so every problem names where it is. */
export function withLines(rejected: readonly RejectedRecord[], input: LoadedInput): CliRejected[] {
  const out: CliRejected[] = [...input.unreadable];
  for (const record of rejected) {
    const table = input.lines !== undefined && record.kind !== 'document' ? input.lines[record.kind] : undefined;
    const line = table?.[record.index];
    const index = input.indexes !== undefined && record.kind !== 'document' ? input.indexes[record.kind][record.index] : undefined;
    const at = index !== undefined ? { ...record, index } : record;
    out.push(line !== undefined ? { ...at, line } : at);
  }
  return out;
}
