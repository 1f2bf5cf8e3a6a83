import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { threadId } from 'node:worker_threads';
import { CompactStringSet } from '../engine/compactStringSet';
import { IntColumn } from '../linking/columns';
import { fnv1a32 } from '../util/hash';
import { BufferedFiles } from './bufferedFiles';
import { parseLine } from './documentText';
import { IdHashList } from './idHashes';
import { partitionLine, partitionOf, partitionWriteError, type PartitionRecord } from './partition';
import type { HeldRange } from './heldPartitions';
import { classifyLine, type CliRejected } from './readInput';

// The partition pass of an NDJSON file split by byte range: each range (from a line start to the
// next range's) is read by one thread, which parses its lines, rejects the unreadable ones and
// writes its records to its own partition files, counting positions and lines from the range's
// start. The main thread adds the counts of the ranges before. Event and suppression ids go to
// id files by hash bucket, so the ids repeated anywhere in the input are found one bucket at a
// time; when the partitions are held in memory, only a 64-bit hash of each id is kept and
// returned (see idHashes.ts), and no id file is written.

/** Bytes read from the input at a time. */
const readBytes = 1024 * 1024;

/** One byte range of an NDJSON file to write to partition files. */
export interface SplitTask {
  readonly step: 'split';
  /** Absolute path of the input. */
  readonly source: string;
  /** First byte: 0, or just after a line break. */
  readonly start: number;
  /** Byte after the last: the file's size, or just after a line break. */
  readonly end: number;
  /** This range, from 0: names its files. */
  readonly range: number;
  readonly partitions: number;
  /** Id files (hash buckets) per range. */
  readonly buckets: number;
  /** The partition directory. */
  readonly dir: string;
  /**
   * Hold the records in memory instead of writing partition files: every record of the range stays
   * parsed in this thread, with its line's text, until the subjects' owners are known (see
   * heldPartitions.ts); the subject keys come back hashed and counted ({@link SplitResult.subjects}).
   */
  readonly hold?: boolean;
}

/** Records of each kind read, by kind. */
export interface KindCounts {
  readonly subject: number;
  readonly event: number;
  readonly suppression: number;
  readonly watchlist: number;
}

/** What a range gives back; positions and lines count from the range's start (line 1 is its first). */
export interface SplitResult {
  readonly ok: true;
  /** Lines of the range, blank ones included, as a line reader counts them. */
  readonly lines: number;
  /** Lines parsed (the non-blank ones). */
  readonly parsed: number;
  readonly counts: KindCounts;
  /** Records written to each partition (zeros when held: the route step places them, see heldPartitions.ts). */
  readonly records: number[];
  /** The watchlist records, in order, with their line. */
  readonly watchlists: { readonly record: Record<string, unknown>; readonly line: number }[];
  /** The reference records, in order, to merge as one reader would. */
  readonly references: Record<string, unknown>[];
  /** Lines that are not records. */
  readonly unreadable: CliRejected[];
  /** The thread that read the range (0: the main thread). */
  readonly threadId: number;
  /**
   * With {@link SplitTask.hold}: the 64-bit hash of each subject key the range read (a subject's
   * id, an event's or suppression's string `subjectId`), as `[high, low]` pairs, and the number of
   * records of each, to choose each subject's owner (see idHashes.ts).
   */
  readonly subjects?: { readonly hashes: Uint32Array; readonly records: Uint32Array };
  /** With {@link SplitTask.hold}: the 64-bit hash of every event id and suppression id read, as `[high, low]` pairs (see idHashes.ts). */
  readonly hashes?: { readonly events: Uint32Array; readonly suppressions: Uint32Array };
}

/** The partition file range `range` writes for partition `p`. */
export function rangePartitionPath(dir: string, p: number, range: number): string {
  return join(dir, `partition-${p}-${range}.tsv`);
}

/** The id file range `range` writes for hash bucket `bucket`. */
export function rangeIdsPath(dir: string, bucket: number, range: number): string {
  return join(dir, `ids-${bucket}-${range}.txt`);
}

/**
 * The lines of a byte range as Node's line reader gives them (`\n`, `\r\n` and a lone `\r` end a
 * line; a last line without a break is kept), without the byte order mark of the file's first line.
 */
export function* rangeLines(path: string, start: number, end: number): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(readBytes);
    const decoder = new StringDecoder('utf8');
    // Text read after the last line break, in pieces: joined once when the line ends, so a line
    // spanning many reads is copied once, not once per read.
    const pending: string[] = [];
    let at = start;
    let first = start === 0;
    const split = function* (segment: string): Generator<string> {
      const line = first ? segment.replace(/^\uFEFF/, '') : segment;
      first = false;
      if (!line.includes('\r')) yield line;
      else yield* line.split('\r');
    };
    // A `\r\n` is one break; a lone `\r` inside the segment is one more (see `split`).
    const withoutCr = (segment: string): string => (segment.charCodeAt(segment.length - 1) === 13 ? segment.slice(0, -1) : segment);
    for (;;) {
      const read = at < end ? readSync(fd, buffer, 0, Math.min(readBytes, end - at), at) : 0;
      at += read;
      const piece = read === 0 ? decoder.end() : decoder.write(buffer.subarray(0, read));
      let from = 0;
      for (let nl = piece.indexOf('\n'); nl >= 0; nl = piece.indexOf('\n', from)) {
        let segment = piece.slice(from, nl);
        if (pending.length > 0) {
          pending.push(segment);
          segment = pending.join('');
          pending.length = 0;
        }
        yield* split(withoutCr(segment));
        from = nl + 1;
      }
      if (from < piece.length) pending.push(from === 0 ? piece : piece.slice(from));
      if (read === 0) {
        const rest = pending.join('');
        if (rest !== '') yield* split(withoutCr(rest));
        return;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads one byte range of an NDJSON file into its partition and id files (see the file comment).
 * With `task.hold`, no partition or id file is written: `hold` takes every record of the range,
 * parsed, with its text and its subject key's position, to be routed to the partitions once the
 * subjects' owners are known.
 */
export function splitRange(task: SplitTask, hold?: (range: HeldRange) => void): SplitResult {
  const { dir, range, partitions, buckets } = task;
  const onError = (error: unknown): Error => partitionWriteError(dir, error);
  const inMemory = task.hold === true;
  const parts = inMemory
    ? undefined
    : new BufferedFiles(
        Array.from({ length: partitions }, (_, p) => rangePartitionPath(dir, p, range)),
        onError,
      );
  // Held in memory: the ids' hashes stay here until the answer; otherwise they go to id files by bucket.
  let ids: BufferedFiles | undefined;
  try {
    ids = inMemory
      ? undefined
      : new BufferedFiles(
          Array.from({ length: buckets }, (_, b) => rangeIdsPath(dir, b, range)),
          onError,
        );
  } catch (error) {
    parts?.close(false);
    throw error;
  }
  const eventHashes = new IdHashList();
  const suppressionHashes = new IdHashList();
  // With `hold`: each subject key (a subject's id, an event's or suppression's subjectId) by its
  // position in the order first read, the records read of each, and each held record's key
  // position (-1 without a string key), so the route step looks each subject's owner up once.
  const subjectAt = new Map<string, number>();
  const perSubject: number[] = [];
  const subjectOf = new IntColumn();
  const counts = { subject: 0, event: 0, suppression: 0, watchlist: 0 };
  const records = Array.from({ length: partitions }, () => 0);
  const watchlists: SplitResult['watchlists'] = [];
  const references: Record<string, unknown>[] = [];
  const unreadable: CliRejected[] = [];
  // With `hold`: every record of the range, with its text, until it is routed to its partition.
  const held: PartitionRecord[] = [];
  const texts: string[] = [];
  let lines = 0;
  let parsed = 0;
  let ok = false;
  try {
    for (const raw of rangeLines(task.source, task.start, task.end)) {
      lines++;
      const trimmed = raw.trim();
      if (trimmed === '') continue;
      parsed++;
      const outcome = classifyLine(parseLine(lines, trimmed), trimmed);
      if (outcome.kind === 'unreadable') unreadable.push(outcome.problem);
      else if (outcome.kind === 'reference') references.push(outcome.record);
      else if (outcome.kind === 'watchlist') {
        counts.watchlist++;
        watchlists.push({ record: outcome.record, line: lines });
      } else {
        const { kind, record } = outcome;
        const id = record.id;
        // The ids the engine counts: an event's or suppression's string id, valid or not (validity is settled for repeated ids only).
        if (kind !== 'subject' && typeof id === 'string') {
          if (ids !== undefined) ids.append(fnv1a32(id) % buckets, `${kind === 'event' ? 'e' : 'u'}${JSON.stringify(id)}\n`);
          else (kind === 'event' ? eventHashes : suppressionHashes).add(id);
        }
        const index = counts[kind]++;
        if (parts !== undefined) {
          const p = partitionOf(kind, record, partitions);
          records[p] = (records[p] as number) + 1;
          parts.append(p, partitionLine(kind, index, lines, trimmed));
        } else {
          const key = kind === 'subject' ? id : record.subjectId;
          if (typeof key !== 'string') subjectOf.push(-1);
          else {
            let at = subjectAt.get(key);
            if (at === undefined) {
              at = perSubject.length;
              subjectAt.set(key, at);
              perSubject.push(0);
            }
            perSubject[at] = (perSubject[at] as number) + 1;
            subjectOf.push(at);
          }
          held.push({ kind, index, line: lines, record });
          texts.push(trimmed);
        }
      }
    }
    ok = true;
  } finally {
    parts?.close(ok);
    ids?.close(ok);
  }
  if (!inMemory) return { ok: true, lines, parsed, counts, records, watchlists, references, unreadable, threadId };
  const hashes = { events: eventHashes.toArray(), suppressions: suppressionHashes.toArray() };
  // In position order (a Map iterates in insertion order): pair `at` is the hash of key `at`.
  const subjectHashes = new IdHashList();
  for (const key of subjectAt.keys()) subjectHashes.add(key);
  const subjects = { hashes: subjectHashes.toArray(), records: Uint32Array.from(perSubject) };
  hold?.({ records: held, texts, subjectOf, subjectHashes: subjects.hashes });
  return { ok: true, lines, parsed, counts, records, watchlists, references, unreadable, threadId, subjects, hashes };
}

/** One hash bucket of the ids of every range, to find the ids written more than once. */
export interface IdsTask {
  readonly step: 'ids';
  readonly dir: string;
  readonly bucket: number;
  readonly ranges: number;
}

/** The ids of a bucket that more than one record of their kind carries. */
export interface IdsResult {
  readonly ok: true;
  readonly events: string[];
  readonly suppressions: string[];
}

/** Finds the ids of one bucket written more than once, across every range: an event id set of about 30 bytes an id, for the bucket's share. */
export function repeatedIds(task: IdsTask): IdsResult {
  const events = new CompactStringSet();
  const suppressions = new Set<string>();
  const repeatedEvents = new Set<string>();
  const repeatedSuppressions = new Set<string>();
  for (let range = 0; range < task.ranges; range++) {
    for (const line of rangeLines(rangeIdsPath(task.dir, task.bucket, range), 0, Number.MAX_SAFE_INTEGER)) {
      if (line === '') continue;
      const id = JSON.parse(line.slice(1)) as string;
      if (line.startsWith('e')) {
        if (!events.add(id)) repeatedEvents.add(id);
      } else if (suppressions.has(id)) repeatedSuppressions.add(id);
      else suppressions.add(id);
    }
  }
  return { ok: true, events: Array.from(repeatedEvents), suppressions: Array.from(repeatedSuppressions) };
}
