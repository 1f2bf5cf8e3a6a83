import { hashedAmong } from './idHashes';
import { partitionEntries, validEvent, validSuppression, type PartitionFile, type PartitionRecord } from './partition';

// The partitions of the partitioned mode held in memory, when every partition has a thread of its
// own: each range thread keeps the records of its own partition parsed as it reads them (see
// splitRange.ts), and receives the other ranges' lines of that partition as text, parsed here
// once. No partition file is written or read back.

/** Gathers one partition in the thread that holds its range's records: the other ranges' lines, and the ids to count. */
export interface GatherTask {
  readonly step: 'gather';
  readonly partition: number;
  /** What to add to the positions and lines of each range's records (their paths are not read). */
  readonly files: readonly PartitionFile[];
  /** Each range's lines of the partition, in range order; undefined for the range whose records this thread holds. */
  readonly texts: readonly (string | undefined)[];
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
  private readonly ranges = new Map<number, PartitionRecord[]>();
  private readonly whole = new Map<number, PartitionRecord[]>();

  /** Keeps the records range `partition` read of its own partition. */
  hold(partition: number, records: PartitionRecord[]): void {
    this.ranges.set(partition, records);
  }

  /** Puts one partition together in input order and counts the valid copies of the repeated ids in it. */
  gather(task: GatherTask): GatherResult {
    const records: PartitionRecord[] = [];
    let parsed = 0;
    task.texts.forEach((text, range) => {
      const file = task.files[range] as PartitionFile;
      let part: Iterable<PartitionRecord>;
      if (text !== undefined) part = partitionEntries(text);
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
