import type { IntColumn } from '../linking/columns';
import { hashedAmong, ownerOfHash } from './idHashes';
import { partitionEntries, partitionLine, validEvent, validSuppression, type PartitionFile, type PartitionRecord } from './partition';

// The partitions of the partitioned mode held in memory, when every partition has a thread of its
// own: each range thread keeps the records it reads parsed (see splitRange.ts). A subject's
// partition is that of its owner, the range that read the most of its records (so a file grouped
// by subject sends almost nothing across threads); the records owned elsewhere go, as
// text, to their partition's thread, which parses them once more. No partition file is written
// or read back.

/**
 * The most characters in one chunk of a partition's text. V8 strings stop at 2^29 - 24
 * characters, and a range can send nearly all of its lines to one partition (a file with every
 * subject line first gives their owners most of the events), each line longer by its partition
 * prefix, so the text goes in chunks well under the limit.
 */
const maxChunkChars = 2 ** 27;

/**
 * `pieces` joined into strings of at most `maxChars` characters each, in order, never splitting a
 * piece (a piece longer than `maxChars` is a chunk of its own): the whole text is their
 * concatenation. Linear in the characters.
 */
export function joinInChunks(pieces: readonly string[], maxChars: number): string[] {
  const chunks: string[] = [];
  let from = 0;
  let length = 0;
  for (let i = 0; i < pieces.length; i++) {
    const size = (pieces[i] as string).length;
    if (i > from && length + size > maxChars) {
      chunks.push(pieces.slice(from, i).join(''));
      from = i;
      length = 0;
    }
    length += size;
  }
  if (from < pieces.length) chunks.push(pieces.slice(from).join(''));
  return chunks;
}

/** The records of a partition's text sent in chunks, in order. */
function* chunkEntries(chunks: readonly string[]): Generator<PartitionRecord> {
  for (const chunk of chunks) yield* partitionEntries(chunk);
}

/**
 * What a range thread holds after the split: its records, their lines' text, and what the route
 * step needs to place them without hashing a key again. The text is beside the records, not in
 * them, so the records kept in this thread are kept as they are and only the text is let go.
 */
export interface HeldRange {
  readonly records: PartitionRecord[];
  /** Per record, in order: its line's text, sent to another partition's thread when the record goes there. */
  readonly texts: string[];
  /** Per record, in order: its subject key's position in {@link subjectHashes} (-1 for a record whose key is not a string). */
  readonly subjectOf: IntColumn;
  /** The 64-bit hash of each subject key the range read, in position order, as `[high, low]` pairs (see idHashes.ts). */
  readonly subjectHashes: Uint32Array;
}

/**
 * Routes the records range `range` read: those of subjects it owns (or of no string key) stay for
 * its partition, the others become the text of their owner's.
 */
export interface RouteTask {
  readonly step: 'route';
  readonly range: number;
  readonly partitions: number;
  /** The owning range of each subject key's hash, as `[high, low, range]` triples (see idHashes.ts). */
  readonly owners: Uint32Array;
}

/** What a routed range gives back. */
export interface RouteResult {
  readonly ok: true;
  /** Records of each partition this range read. */
  readonly records: number[];
  /** Owner lookups made: one per distinct subject key the range read, whatever its records (counted for the tests). */
  readonly lookups: number;
  /**
   * Each partition's lines as a partition file holds them, in chunks of whole lines (see
   * {@link joinInChunks}); undefined for the partition kept in this thread and for partitions it has none of.
   */
  readonly texts: (readonly string[] | undefined)[];
}

/** The partition a range's records go to when their subject is theirs: ranges beyond the partitions share them round robin. */
export function partitionOfRange(range: number, partitions: number): number {
  return range % partitions;
}

/** Gathers one partition in the thread that holds its range's records: the other ranges' lines, and the ids to count. */
export interface GatherTask {
  readonly step: 'gather';
  readonly partition: number;
  /** What to add to the positions and lines of each range's records (their paths are not read). */
  readonly files: readonly PartitionFile[];
  /** Each range's lines of the partition in chunks, in range order; undefined for the range whose records this thread holds, and for a range with none. */
  readonly texts: readonly (readonly string[] | undefined)[];
  /**
   * The 64-bit hashes (`[high, low]` pairs, see idHashes.ts) of the ids that two or more records of
   * the whole input may carry: the valid copies of each id with one of them are counted, by id.
   */
  readonly candidates: { readonly events: Uint32Array; readonly suppressions: Uint32Array };
}

/** What a gathered partition gives back. */
export interface GatherResult {
  readonly ok: true;
  /** Records parsed from text here (the other ranges'); the held ones were parsed once, by their range. */
  readonly parsed: number;
  /** Valid copies in this partition of each id with a candidate hash. */
  readonly events: [string, number][];
  readonly suppressions: [string, number][];
}

/** The partitions one thread holds: its range's records after the split, then whole partitions until their first step takes them. */
export class HeldPartitions {
  private readonly read = new Map<number, HeldRange>();
  private readonly ranges = new Map<number, PartitionRecord[]>();
  private readonly whole = new Map<number, PartitionRecord[]>();

  /** Keeps every record range `range` read, until {@link route}. */
  hold(range: number, read: HeldRange): void {
    this.read.set(range, read);
  }

  /**
   * Sends each record of the range to its subject's owner's partition: kept here when that is
   * the range's own partition, as text otherwise. A record whose subject key is not a string
   * stays with the range: it is rejected wherever it is.
   */
  route(task: RouteTask): RouteResult {
    const read = this.read.get(task.range);
    if (read === undefined) throw new Error(`range ${task.range} is not held in this thread`);
    this.read.delete(task.range);
    const { records, texts, subjectOf, subjectHashes } = read;
    const home = partitionOfRange(task.range, task.partitions);
    // Partition `range` is gathered in this thread (see partitionInput.ts); a range beyond the partitions keeps none.
    const own = home === task.range ? home : undefined;
    // Each subject key's partition, looked up once by the hash the split kept, not once per record.
    const owner = ownerOfHash(task.owners);
    const subjects = subjectHashes.length / 2;
    const partitionOfSubject = new Int32Array(subjects);
    for (let s = 0; s < subjects; s++) {
      const range = owner(subjectHashes[2 * s] as number, subjectHashes[2 * s + 1] as number);
      partitionOfSubject[s] = range === undefined ? home : partitionOfRange(range, task.partitions);
    }
    const counts = Array.from({ length: task.partitions }, () => 0);
    const kept: PartitionRecord[] = [];
    const pieces: string[][] = Array.from({ length: task.partitions }, () => []);
    for (let i = 0; i < records.length; i++) {
      const entry = records[i] as PartitionRecord;
      const subject = subjectOf.get(i);
      const p = subject < 0 ? home : (partitionOfSubject[subject] as number);
      counts[p] = (counts[p] as number) + 1;
      if (p === own) kept.push(entry);
      else (pieces[p] as string[]).push(partitionLine(entry.kind, entry.index, entry.line, texts[i] as string));
    }
    if (own !== undefined) this.ranges.set(own, kept);
    return {
      ok: true,
      records: counts,
      lookups: subjects,
      texts: pieces.map((list, p) => (p === own || list.length === 0 ? undefined : joinInChunks(list, maxChunkChars))),
    };
  }

  /** Puts one partition together in input order and counts the valid copies of the repeated ids in it. */
  gather(task: GatherTask): GatherResult {
    const records: PartitionRecord[] = [];
    let parsed = 0;
    task.texts.forEach((text, range) => {
      const file = task.files[range] as PartitionFile;
      let part: Iterable<PartitionRecord>;
      if (text !== undefined) part = chunkEntries(text);
      else if (range !== task.partition) part = [];
      else {
        const held = this.ranges.get(task.partition);
        if (held === undefined) throw new Error(`partition ${task.partition} is not held in this thread`);
        this.ranges.delete(task.partition);
        part = held;
      }
      for (const entry of part) {
        if (text !== undefined) parsed++;
        records.push({ kind: entry.kind, index: entry.index + file[entry.kind], line: entry.line + file.line, record: entry.record });
      }
    });
    this.whole.set(task.partition, records);
    const { events: eventHashes, suppressions: suppressionHashes } = task.candidates;
    const events = hashedAmong(eventHashes);
    const suppressions = hashedAmong(suppressionHashes);
    const eventCounts = new Map<string, number>();
    const suppressionCounts = new Map<string, number>();
    if (eventHashes.length > 0 || suppressionHashes.length > 0) {
      for (const { kind, record } of records) {
        const id = record.id;
        if (typeof id !== 'string') continue;
        if (kind === 'event' && events(id) && validEvent(record)) eventCounts.set(id, (eventCounts.get(id) ?? 0) + 1);
        else if (kind === 'suppression' && suppressions(id) && validSuppression(record)) suppressionCounts.set(id, (suppressionCounts.get(id) ?? 0) + 1);
      }
    }
    return { ok: true, parsed, events: Array.from(eventCounts), suppressions: Array.from(suppressionCounts) };
  }

  /** The gathered records of a partition, given up by this store (its first step holds them from then on); undefined when not held here. */
  take(partition: number): PartitionRecord[] | undefined {
    const records = this.whole.get(partition);
    this.whole.delete(partition);
    return records;
  }
}
