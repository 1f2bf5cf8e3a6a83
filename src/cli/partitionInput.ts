import { closeSync, openSync, readSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { isRecordLine, parseLine } from './documentText';
import { countDuplicates, partitionDir, PartitionWriter, type DuplicateCounts, type PartitionFile } from './partition';
import { answered, removeQuietly, settleAll, type TaskRunner } from './partitionPool';
import { loadInput, mergeReference, type CliRejected, type InputFormat, type LoadedInput } from './readInput';
import { rangeLines, rangePartitionPath, type IdsResult, type SplitResult } from './splitRange';
import type { GatherResult, GatherTask, RouteResult } from './heldPartitions';
import { ownerTable, repeatedHashes } from './idHashes';
import type { CliIo } from './io';
import type { Progress } from './progress';

// Pass 1 of the partitioned mode: the input written to partition files by subject id. A file
// whose first line is a record is split by byte range over the threads (each writes its own
// files, see splitRange.ts, or holds its records in memory, keeps those of the subjects it owns
// and sends the others' lines to their owners' threads, see heldPartitions.ts); standard input,
// whose size is unknown, and a file that starts otherwise (a JSON document, or a first line that
// is not a record) are read in this thread.

/** The input written to partition files, with the small parts that are not partitioned. */
export interface PartitionedInput {
  readonly kind: 'partitioned';
  /** The directory of the partition files (and of the summaries written later). */
  readonly dir: string;
  /** Each partition's files, in input order. */
  readonly files: readonly (readonly PartitionFile[])[];
  /** Subject, event and suppression records of each partition. */
  readonly records: readonly number[];
  readonly watchlists: readonly unknown[];
  /** The line of each watchlist record. */
  readonly watchlistLines: readonly number[];
  readonly reference?: unknown;
  /** Lines that are not records, in line order. */
  readonly unreadable: readonly CliRejected[];
  /** Ids two or more valid records of their kind share, with their number. */
  readonly duplicates: DuplicateCounts;
  /** With a byte-range split: each range's lines, lines parsed, and the thread that read them (0: this one). Empty when read in this thread alone. */
  readonly ranges: readonly { readonly lines: number; readonly parsed: number; readonly threadId: number }[];
  /** True when the partitions are held in memory by their threads (no partition files; see heldPartitions.ts). */
  readonly held: boolean;
  /** Records of each partition parsed again when it was gathered in its thread (the other ranges' lines); zeros when not held. */
  readonly gathered: readonly number[];
  /**
   * How ids repeated across the input were found: the id files the ranges wrote (none when the
   * partitions are held in memory, or the input was read in this thread), and, when held, the id
   * hashes the ranges sent and those seen twice or more, whose ids were then counted exactly.
   */
  readonly idCheck: { readonly idFiles: number; readonly hashes: number; readonly candidates: number };
}

/** Options of {@link partitionInput}. */
export interface PartitionInputOptions {
  readonly source: string;
  readonly io: CliIo;
  readonly progress: Progress;
  readonly inputFormat: InputFormat | undefined;
  /** The file's size, or undefined for standard input. */
  readonly size: number | undefined;
  readonly partitions: number;
  /** Byte ranges to split a file into (one per thread; in this thread too, one after the other). */
  readonly ranges: number;
  readonly tempDir: string;
  /**
   * Hold the partitions in memory, partition `p` in thread `p` (its range's records kept parsed
   * there, the others' sent as text), instead of writing partition files: only when every
   * partition has a thread of its own and there are no more ranges than threads.
   */
  readonly hold?: boolean;
  /** Called with the cleanup of the temporary files (on SIGINT/SIGTERM too); returns the function that withdraws it. */
  readonly onCleanup: (cleanup: () => void) => () => void;
  readonly runner: TaskRunner;
}

/** The input as partition files, or a JSON document read whole (partitions are for NDJSON only). Removes its files when it fails. */
export type PartitionInputResult = PartitionedInput | { readonly kind: 'document'; readonly input: LoadedInput };

/** Bytes of the file's start read to find its first line. */
const firstLineBytes = 1024 * 1024;

/**
 * Writes the input to partition files (see the file comment). The caller removes `dir` (with
 * {@link disposePartitions}) once done.
 */
export async function partitionInput(options: PartitionInputOptions): Promise<PartitionInputResult> {
  const { source, io, size } = options;
  const path = resolvePath(io.cwd, source);
  if (source !== '-' && size !== undefined && (options.inputFormat === 'ndjson' || startsWithRecord(path, size))) return splitInput(path, size, options);
  const writer = new PartitionWriter(options.tempDir, options.partitions);
  const withdraw = options.onCleanup(() => writer.dispose());
  let kept = false;
  try {
    const watchlists: unknown[] = [];
    const watchlistLines: number[] = [];
    const input = await loadInput(source, io, options.progress, options.inputFormat, (kind, record, index, line, text) => {
      if (kind === 'watchlist') {
        watchlists.push(record);
        watchlistLines.push(line);
      } else writer.add(kind, record, index, line, text);
    });
    writer.close();
    if (input.format === 'json') return { kind: 'document', input };
    const files = Array.from({ length: writer.partitions }, (_, p) => [{ path: writer.path(p), subject: 0, event: 0, suppression: 0, line: 0 }]);
    const result: PartitionedInput = {
      kind: 'partitioned',
      dir: writer.directory,
      files,
      records: writer.records.slice(),
      watchlists,
      watchlistLines,
      ...(input.reference !== undefined ? { reference: input.reference } : {}),
      unreadable: input.unreadable,
      duplicates: countDuplicates(
        files.map(([file]) => (file as PartitionFile).path),
        writer.repeated,
      ),
      ranges: [],
      held: false,
      gathered: files.map(() => 0),
      idCheck: { idFiles: 0, hashes: 0, candidates: 0 },
    };
    kept = true;
    return result;
  } finally {
    if (!kept) writer.dispose();
    withdraw();
  }
}

/** Removes the partition files and the directory, best effort (never throws). */
export function disposePartitions(input: PartitionedInput): void {
  removeQuietly(input.dir);
}

/** True when the file's first non-blank line is a whole NDJSON record (a JSON object with a `recordType`), read from at most its first megabyte. */
export function startsWithRecord(path: string, size: number): boolean {
  const window = Math.min(size, firstLineBytes);
  let first: string | undefined;
  let more = false;
  for (const line of rangeLines(path, 0, window)) {
    if (first !== undefined) {
      more = true;
      break;
    }
    if (line.trim() !== '') first = line.trim();
  }
  // A line cut by the window's end is not known to be whole.
  if (first === undefined || (!more && window < size)) return false;
  return isRecordLine(parseLine(1, first));
}

/** Where the ranges start: 0, then just after the first line break at or after each even share of the file. */
function rangeStarts(path: string, size: number, ranges: number): number[] {
  const starts = [0];
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    for (let r = 1; r < ranges; r++) {
      let at = Math.max(Math.floor((size * r) / ranges) - 1, starts[starts.length - 1] as number);
      let start = size;
      while (at < size) {
        const read = readSync(fd, buffer, 0, buffer.length, at);
        if (read === 0) break;
        const nl = buffer.subarray(0, read).indexOf(10);
        if (nl >= 0) {
          start = at + nl + 1;
          break;
        }
        at += read;
      }
      if (start >= size) break;
      if (start > (starts[starts.length - 1] as number)) starts.push(start);
    }
  } finally {
    closeSync(fd);
  }
  return starts;
}

/** The byte-range split: one range per thread, then one id bucket per range (see splitRange.ts). */
async function splitInput(path: string, size: number, options: PartitionInputOptions): Promise<PartitionedInput> {
  const { runner, partitions, progress } = options;
  const dir = partitionDir(options.tempDir);
  const withdraw = options.onCleanup(() => removeQuietly(dir));
  let kept = false;
  try {
    const starts = rangeStarts(path, size, options.ranges);
    const ranges = starts.length;
    const hold = options.hold === true;
    let done = 0;
    // Settled, not raced: on a failure the other ranges still write in `dir` until they answer.
    const split = await settleAll(starts, async (start, range) => {
      const task = { step: 'split', source: path, start, end: starts[range + 1] ?? size, range, partitions, buckets: ranges, dir } as const;
      // Held: range r runs in thread r, which keeps partition r's records.
      const answer = answered<SplitResult>(await (hold ? runner.run({ ...task, hold }, range) : runner.run(task)));
      progress.update(++done / ranges, `partitioned ${done} of ${ranges} parts of the input`);
      return answer;
    });
    progress.done();
    // Held: no id file was written; the ids are matched by their hashes (see idHashes.ts).
    const buckets = hold
      ? []
      : await settleAll(
          Array.from({ length: ranges }, (_, bucket) => bucket),
          async (bucket) => answered<IdsResult>(await runner.run({ step: 'ids', dir, bucket, ranges })),
        );
    // The counts of the ranges before each: what to add to its positions and lines.
    const offsets: { subject: number; event: number; suppression: number; watchlist: number; line: number }[] = [];
    let before = { subject: 0, event: 0, suppression: 0, watchlist: 0, line: 0 };
    for (const part of split) {
      offsets.push(before);
      const { counts } = part;
      before = {
        subject: before.subject + counts.subject,
        event: before.event + counts.event,
        suppression: before.suppression + counts.suppression,
        watchlist: before.watchlist + counts.watchlist,
        line: before.line + part.lines,
      };
    }
    const files = Array.from({ length: partitions }, (_, p) =>
      split.map((_part, range) => {
        const { subject, event, suppression, line } = offsets[range] as (typeof offsets)[number];
        return { path: rangePartitionPath(dir, p, range), subject, event, suppression, line };
      }),
    );
    // Held: each range's records go to their subject's owner, the range that read the most of its records (see heldPartitions.ts).
    const routed = hold ? await route(runner, split, partitions) : undefined;
    const records = Array.from({ length: partitions }, (_, p) => (routed ?? split).reduce((sum, part) => sum + (part.records[p] as number), 0));
    const watchlists: unknown[] = [];
    const watchlistLines: number[] = [];
    const unreadable: CliRejected[] = [];
    let reference: Record<string, unknown> | undefined;
    split.forEach((part, range) => {
      const { line } = offsets[range] as (typeof offsets)[number];
      for (const w of part.watchlists) {
        watchlists.push(w.record);
        watchlistLines.push(w.line + line);
      }
      for (const r of part.references) reference = mergeReference(reference, r);
      for (const u of part.unreadable) unreadable.push({ ...u, index: u.index + line, ...(u.line !== undefined ? { line: u.line + line } : {}) });
    });
    const repeated = { events: new Set(buckets.flatMap((b) => b.events)), suppressions: new Set(buckets.flatMap((b) => b.suppressions)) };
    const hashLists = (kind: 'events' | 'suppressions'): Uint32Array[] => split.map((part) => part.hashes?.[kind] ?? new Uint32Array(0));
    const candidates = hold ? { events: repeatedHashes(hashLists('events')), suppressions: repeatedHashes(hashLists('suppressions')) } : undefined;
    const gathered = candidates !== undefined && routed !== undefined ? await gather(runner, routed, files, candidates) : undefined;
    const pairs = (lists: readonly Uint32Array[]): number => lists.reduce((sum, list) => sum + list.length / 2, 0);
    const result: PartitionedInput = {
      kind: 'partitioned',
      dir,
      files,
      records,
      watchlists,
      watchlistLines,
      ...(reference !== undefined ? { reference } : {}),
      unreadable,
      duplicates:
        gathered?.duplicates ??
        countDuplicates(
          files.flatMap((list) => list.map((file) => file.path)),
          repeated,
        ),
      ranges: split.map(({ lines, parsed, threadId }) => ({ lines, parsed, threadId })),
      held: hold,
      gathered: gathered?.parsed ?? files.map(() => 0),
      idCheck: {
        idFiles: hold ? 0 : ranges * ranges,
        hashes: pairs(hashLists('events')) + pairs(hashLists('suppressions')),
        candidates: candidates === undefined ? 0 : pairs([candidates.events, candidates.suppressions]),
      },
    };
    kept = true;
    return result;
  } finally {
    try {
      if (!kept) removeQuietly(dir);
    } finally {
      withdraw();
    }
  }
}

/** Each range's records sent to their partitions, in the thread that read the range, once the owner of every subject is known. */
async function route(runner: TaskRunner, split: readonly SplitResult[], partitions: number): Promise<RouteResult[]> {
  const none = { hashes: new Uint32Array(0), records: new Uint32Array(0) };
  const subjects = split.map((part) => part.subjects ?? none);
  const owners = ownerTable(
    subjects.map((s) => s.hashes),
    subjects.map((s) => s.records),
  );
  return settleAll(split, async (_part, range) => answered<RouteResult>(await runner.run({ step: 'route', range, partitions, owners }, range)));
}

/**
 * Each partition put together in its thread from the ranges' split (see heldPartitions.ts): the
 * text of the other ranges goes to it, and it counts the valid copies of the ids it holds whose
 * hash is a candidate; an id is a duplicate when two or more valid copies share it, as in
 * `countDuplicates` (a hash shared by different ids finds each of them once).
 */
async function gather(
  runner: TaskRunner,
  routed: readonly RouteResult[],
  files: readonly (readonly PartitionFile[])[],
  candidates: GatherTask['candidates'],
): Promise<{ readonly duplicates: DuplicateCounts; readonly parsed: number[] }> {
  const answers = await settleAll(files, async (list, partition) => {
    const texts = routed.map((part) => part.texts[partition]);
    return answered<GatherResult>(await runner.run({ step: 'gather', partition, files: list, texts, candidates }, partition));
  });
  const sum = (counts: Map<string, number>, pairs: readonly (readonly [string, number])[]): void => {
    for (const [id, count] of pairs) counts.set(id, (counts.get(id) ?? 0) + count);
  };
  const eventCounts = new Map<string, number>();
  const suppressionCounts = new Map<string, number>();
  for (const answer of answers) {
    sum(eventCounts, answer.events);
    sum(suppressionCounts, answer.suppressions);
  }
  // As countDuplicates: only ids that two or more valid records share.
  const shared = (counts: Map<string, number>): (readonly [string, number])[] => Array.from(counts).filter(([, count]) => count > 1);
  return { duplicates: { events: shared(eventCounts), suppressions: shared(suppressionCounts) }, parsed: answers.map((a) => a.parsed) };
}
