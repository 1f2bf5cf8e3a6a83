import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { CompactStringSet } from '../engine/compactStringSet';
import { freezeRecord } from '../engine/freezeRecord';
import { ShardedSet } from '../engine/shardedMap';
import { suppressionSchema } from '../records/suppression';
import { safeParseEvent } from '../records/validate';
import { fnv1a32 } from '../util/hash';
import { BufferedFiles } from './bufferedFiles';
import { CliUsageError, describeWriteError } from './io';
import type { SinkKind } from './readInput';
import { lookupTable } from '../util/lookupTable';

// The partition files of the partitioned whole-input mode: every subject record, event and
// suppression of an NDJSON input written to one of P files chosen by its subject id, so a
// partition holds whole subjects and can be validated and scored alone.

/** NDJSON bytes per partition the default count aims at: about 1,900 subjects of 200 events, about 550 MB once parsed. */
export const partitionBytes = 96 * 1024 * 1024;
/** At most this many partitions (and open files while partitioning). */
export const maxPartitions = 512;
/** Partitions of standard input, whose size is unknown: enough for about 6 GB at {@link partitionBytes}. */
export const stdinPartitions = 64;
/** Bytes read from a partition file at a time. */
const readBytes = 1024 * 1024;

/**
 * The default number of partitions: the input's size over {@link partitionBytes}, at least 1 and
 * at most {@link maxPartitions}; {@link stdinPartitions} when the size is unknown (standard input).
 */
export function partitionCount(inputBytes: number | undefined): number {
  if (inputBytes === undefined) return stdinPartitions;
  return Math.min(maxPartitions, Math.max(1, Math.ceil(inputBytes / partitionBytes)));
}

/** The kinds a partition file holds, by their one-letter tag. */
const tags = { subject: 's', event: 'e', suppression: 'u' } as const;
export type PartitionKind = keyof typeof tags;

/** The partition of a record: by its subject's id (a subject's `id`, an event's or suppression's `subjectId`); 0 when that is not a string. */
export function partitionOf(kind: PartitionKind, record: Record<string, unknown>, partitions: number): number {
  const key = kind === 'subject' ? record.id : record.subjectId;
  return typeof key === 'string' ? fnv1a32(key) % partitions : 0;
}

/** Ids seen more than once among the records written, by kind; their copies may be spread over partitions. */
export interface RepeatedIds {
  readonly events: ReadonlySet<string>;
  readonly suppressions: ReadonlySet<string>;
}

/** How many valid records share each repeated id (only ids of two or more valid records), as `[id, count]` pairs that can be posted. */
export interface DuplicateCounts {
  readonly events: readonly (readonly [string, number])[];
  readonly suppressions: readonly (readonly [string, number])[];
}

/**
 * A private temporary directory for the partition files, in `tempDir`.
 *
 * @throws {CliUsageError} when it cannot be created.
 */
export function partitionDir(tempDir: string): string {
  try {
    return mkdtempSync(join(tempDir, 'redflags-partitions-'));
  } catch (error) {
    throw new CliUsageError(
      `cannot create a temporary directory in ${tempDir} for the partitions (${describeWriteError(error)}); pass --temp-dir with a writable directory, or --in-memory.`,
    );
  }
}

/** The error for partition files that cannot be written in `dir`, with what to do. */
export function partitionWriteError(dir: string, error: unknown): CliUsageError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EMFILE' || code === 'ENFILE') {
    return new CliUsageError(
      `cannot open the partition files in ${dir} (too many open files: ${error instanceof Error ? error.message : String(error)}); lower --partitions or --workers, or raise ulimit -n.`,
    );
  }
  return new CliUsageError(
    `cannot write the partition files in ${dir} (${describeWriteError(error)}); free space there (about the size of the input) or pass --temp-dir with room, or --in-memory.`,
  );
}

/** One line of a partition file: the record's tag, its position among its kind, its input line and its text. */
export function partitionLine(kind: PartitionKind, index: number, line: number, text: string): string {
  return `${tags[kind]}\t${index}\t${line}\t${text}\n`;
}

/**
 * Writes the records of an NDJSON input to partition files in a private temporary directory,
 * one line per record ({@link partitionLine}), in input order. Holds one write buffer per
 * partition, never the records; remembers every event id compactly and the suppression ids, to
 * find ids repeated across partitions. The input is read in one thread (standard input, or a
 * file whose first line is not a record); files are otherwise split by byte range (see
 * `splitRange.ts`).
 */
export class PartitionWriter {
  /** Number of partitions. */
  readonly partitions: number;
  /** Records written to each partition. */
  readonly records: number[];
  private readonly dir: string;
  private readonly files: BufferedFiles;
  // Population-sized (about 30 bytes an event id): dropped once the input is written.
  private eventIds = new CompactStringSet();
  private suppressionIds = new ShardedSet<string>();
  private readonly repeatedEvents = new Set<string>();
  private readonly repeatedSuppressions = new Set<string>();
  private closed = false;

  /** @throws {CliUsageError} when the temporary directory or its files cannot be created. */
  constructor(tempDir: string, partitions: number) {
    this.partitions = partitions;
    this.records = Array.from({ length: partitions }, () => 0);
    this.dir = partitionDir(tempDir);
    try {
      this.files = new BufferedFiles(
        Array.from({ length: partitions }, (_, p) => this.path(p)),
        (error) => partitionWriteError(this.dir, error),
      );
    } catch (error) {
      rmSync(this.dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The directory of the partition files. */
  get directory(): string {
    return this.dir;
  }

  /** The file of partition `p`. */
  path(p: number): string {
    return join(this.dir, `partition-${p}.tsv`);
  }

  /** Takes one record of the input (a {@link RecordSink}): subjects, events and suppressions go to their partition. */
  add(kind: Exclude<SinkKind, 'watchlist'>, record: Record<string, unknown>, index: number, line: number, text: string): void {
    const id = record.id;
    if (kind === 'event' && typeof id === 'string' && !this.eventIds.add(id)) this.repeatedEvents.add(id);
    if (kind === 'suppression' && typeof id === 'string') {
      if (this.suppressionIds.has(id)) this.repeatedSuppressions.add(id);
      else this.suppressionIds.add(id);
    }
    const p = partitionOf(kind, record, this.partitions);
    this.records[p] = (this.records[p] as number) + 1;
    this.files.append(p, partitionLine(kind, index, line, text));
  }

  /** Ids written more than once, by kind. */
  get repeated(): RepeatedIds {
    return { events: this.repeatedEvents, suppressions: this.repeatedSuppressions };
  }

  /** Writes what is buffered and closes the files; the ids seen are let go (the repeated ones stay). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.eventIds = new CompactStringSet();
    this.suppressionIds = new ShardedSet<string>();
    this.files.close();
  }

  /** Removes the directory and its files; safe to call more than once, and from a signal handler. */
  dispose(): void {
    if (!this.closed) {
      this.closed = true;
      this.files.close(false);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A partition file with what to add to the positions and lines it holds: a file written by one
 * byte range of the input counts from the start of its range.
 */
export interface PartitionFile {
  readonly path: string;
  /** Records of each kind in the input before the file's range. */
  readonly subject: number;
  readonly event: number;
  readonly suppression: number;
  /** Lines of the input before the file's range. */
  readonly line: number;
}

/** Reads the files of one partition in order, record by record, with positions and lines in the whole input. */
export function* readPartitionFiles(files: readonly PartitionFile[]): Generator<PartitionRecord> {
  for (const file of files) {
    for (const entry of readPartition(file.path)) {
      yield { kind: entry.kind, index: entry.index + file[entry.kind], line: entry.line + file.line, record: entry.record };
    }
  }
}

/** One record of a partition file, as written by {@link PartitionWriter}. */
export interface PartitionRecord {
  readonly kind: PartitionKind;
  /** Position among the records of its kind in the whole input. */
  readonly index: number;
  /** Line of the input. */
  readonly line: number;
  /** The record, without `recordType`. */
  readonly record: Record<string, unknown>;
}

const kindOfTag: Readonly<Record<string, PartitionKind>> = /* @__PURE__ */ lookupTable({ s: 'subject', e: 'event', u: 'suppression' });

/** Reads a partition file record by record, a block at a time. */
export function* readPartition(path: string): Generator<PartitionRecord> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(readBytes);
    const decoder = new StringDecoder('utf8');
    let text = '';
    for (;;) {
      const read = readSync(fd, buffer, 0, readBytes, null);
      text += read === 0 ? decoder.end() : decoder.write(buffer.subarray(0, read));
      let at = 0;
      for (let end = text.indexOf('\n', at); end >= 0; end = text.indexOf('\n', at)) {
        yield parseEntry(text, at, end);
        at = end + 1;
      }
      // Keep only the unread tail: one block and one record at most.
      text = text.slice(at);
      if (read === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}

/** The records of partition-file text (whole lines, each ending in a line break), as {@link readPartition} reads them from a file. */
export function* partitionEntries(text: string): Generator<PartitionRecord> {
  let at = 0;
  for (let end = text.indexOf('\n', at); end >= 0; end = text.indexOf('\n', at)) {
    yield parseEntry(text, at, end);
    at = end + 1;
  }
}

function parseEntry(text: string, start: number, end: number): PartitionRecord {
  const t1 = text.indexOf('\t', start);
  const t2 = text.indexOf('\t', t1 + 1);
  const t3 = text.indexOf('\t', t2 + 1);
  // The text was read and checked as one JSON object when it was partitioned.
  const { recordType: _recordType, ...record } = JSON.parse(text.slice(t3 + 1, end)) as Record<string, unknown>;
  return {
    kind: kindOfTag[text.slice(start, t1)] as PartitionKind,
    index: Number(text.slice(t1 + 1, t2)),
    line: Number(text.slice(t2 + 1, t3)),
    record,
  };
}

/** True when the engine accepts the event (validation, then freezing), as it decides before counting ids. */
export function validEvent(record: unknown): boolean {
  const result = safeParseEvent(record);
  return result.success && freezeRecord(result.data) === undefined;
}

/** True when the engine accepts the suppression record. */
export function validSuppression(record: unknown): boolean {
  return suppressionSchema.safeParse(record).success;
}

/**
 * Counts the valid copies of each repeated id across every partition: the engine rejects every
 * copy of an id that two or more valid records share, with their number. Reads the partitions
 * only when some id was repeated (rare), and validates only the records with a repeated id.
 */
export function countDuplicates(paths: readonly string[], repeated: RepeatedIds): DuplicateCounts {
  if (repeated.events.size === 0 && repeated.suppressions.size === 0) return { events: [], suppressions: [] };
  const events = new Map<string, number>();
  const suppressions = new Map<string, number>();
  for (const path of paths) {
    for (const { kind, record } of readPartition(path)) {
      const id = record.id;
      if (typeof id !== 'string') continue;
      if (kind === 'event' && repeated.events.has(id) && validEvent(record)) events.set(id, (events.get(id) ?? 0) + 1);
      else if (kind === 'suppression' && repeated.suppressions.has(id) && validSuppression(record)) suppressions.set(id, (suppressions.get(id) ?? 0) + 1);
    }
  }
  const shared = (counts: Map<string, number>): (readonly [string, number])[] => Array.from(counts).filter(([, count]) => count > 1);
  return { events: shared(events), suppressions: shared(suppressions) };
}
