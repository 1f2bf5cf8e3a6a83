import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { createScorer } from '../defaults';
import type { PreparedBatch, RejectedRecord } from '../engine/createScorer';
import type { ScorerConfig } from '../engine/config';
import { mergeSummaries, type PopulationSummaries } from '../engine/summaries';
import {
  partitionWriteError,
  readPartitionFiles,
  validEvent,
  validSuppression,
  type DuplicateCounts,
  type PartitionFile,
  type PartitionRecord,
} from './partition';
import { HeldPartitions, type GatherResult, type GatherTask, type RouteResult, type RouteTask } from './heldPartitions';
import { repeatedIds, splitRange, type IdsResult, type IdsTask, type SplitResult, type SplitTask } from './splitRange';
import type { CliRejected } from './readInput';
import { writeSortedRun } from './spill';
import { failedOutcome } from './workers';
import type { Report } from '../engine/report';

// One partition of the partitioned whole-input mode, validated and scored alone: in a worker
// thread (`--workers 2` or more) or in the main thread. The work of each step reads the
// partition's files again, so a thread holds one partition at a time, never the input; a
// partition with a thread of its own is read once and kept (from memory when it was held there
// from the split, see heldPartitions.ts). The same threads first read the input's byte ranges.

/** What a partition worker thread is started with. */
export interface PartitionWorkerData {
  /** Marks the worker data as a partition scorer. */
  readonly redflags: 'score-partitions';
  /** The validated scorer config. */
  readonly config?: ScorerConfig;
}

/** What every thread scoring partitions is given once the input is read: the small tables, and the ids repeated across partitions. */
export interface PartitionSetup {
  /** The watchlist records of the input, unvalidated (each partition validates them as one batch would). */
  readonly watchlists: readonly unknown[];
  /** The reference tables of the input, unvalidated. */
  readonly reference?: unknown;
  /** Ids shared by two or more valid events or suppressions of the whole input. */
  readonly duplicates: DuplicateCounts;
}

/**
 * One step of one partition: `check` finds its latest valid event (for the default `asOf`),
 * `summarise` its population summaries, `score` writes its reports, sorted, to `runPath`.
 */
export interface PartitionTask {
  readonly step: 'check' | 'summarise' | 'score';
  /** The partition's files, in input order. */
  readonly files: readonly PartitionFile[];
  /** The instant to summarise or score at. */
  readonly asOf?: string;
  /** `summarise`: where to write the partition's summaries. */
  readonly summaryPath?: string;
  /** `score`: the summaries of every partition, merged once per thread. */
  readonly summaryPaths?: readonly string[];
  /** Where `score` writes its run of reports. */
  readonly runPath?: string;
  /** Whether to give back the rejected records (the first step of each partition does). */
  readonly rejected: boolean;
  /** Whether to give back the problems of the watchlists and reference tables too (one partition does). */
  readonly lists?: boolean;
  /**
   * Keep the partition read and validated in this thread between its steps, under this key (its
   * number): the run sends every step of it to the same thread. `last` lets it go after this step.
   * Without it, each step reads and validates the partition again, so a thread holds one at a time.
   */
  readonly resident?: { readonly partition: number; readonly last: boolean };
}

/** What a step gives back. */
export type PartitionAnswer =
  | {
      readonly ok: true;
      /** Subject, event and suppression records the step held at once: the partition's. */
      readonly records: number;
      /** True when the step read and validated the partition; false when it was resident from an earlier step. */
      readonly loaded: boolean;
      /** Records the step parsed from partition files: none for a partition held in memory or resident. */
      readonly parsed: number;
      /** `check`: the latest valid event of the partition, ISO 8601. */
      readonly latest?: string;
      /** `score`: the number of reports in the run file. */
      readonly reports?: number;
      /** `score`: reports JSON cannot serialise, to be kept as they are. */
      readonly unserialisable?: Report[];
      /** When asked: the partition's rejected records, with their position and line in the whole input. */
      readonly rejected?: CliRejected[];
    }
  | ReturnType<typeof failedOutcome>;

/** A partition read into batch arrays, with each record's position and line in the whole input. */
interface LoadedPartition {
  readonly subjects: unknown[];
  readonly events: unknown[];
  readonly suppressions: unknown[];
  readonly at: { readonly subject: Place[]; readonly event: Place[]; readonly suppression: Place[] };
  /** Valid records whose id other valid records share across the input: rejected here, not given to the engine. */
  readonly duplicates: CliRejected[];
  readonly records: number;
  /** Records parsed from partition files (none when the partition was held in memory). */
  readonly parsed: number;
}

interface Place {
  readonly index: number;
  readonly line: number;
}

function loadPartition(
  files: readonly PartitionFile[],
  held: readonly PartitionRecord[] | undefined,
  events: ReadonlyMap<string, number>,
  suppressions: ReadonlyMap<string, number>,
): LoadedPartition {
  const subjects: unknown[] = [];
  const eventList: unknown[] = [];
  const suppressionList: unknown[] = [];
  const at: LoadedPartition['at'] = { subject: [], event: [], suppression: [] };
  const duplicates: CliRejected[] = [];
  let records = 0;
  for (const { kind, index, line, record } of held ?? readPartitionFiles(files)) {
    records++;
    const id = record.id;
    const shared = typeof id !== 'string' ? undefined : kind === 'event' ? events.get(id) : kind === 'suppression' ? suppressions.get(id) : undefined;
    if (shared !== undefined && (kind === 'event' ? validEvent(record) : validSuppression(record))) {
      // Every valid copy is rejected, with the number of valid copies in the whole input, as one batch does.
      duplicates.push({
        kind,
        index,
        recordId: id as string,
        issues: [{ path: 'id', message: `duplicate ${kind} id: ${shared} ${kind === 'event' ? 'events' : 'suppressions'} share it` }],
        line,
      });
      continue;
    }
    (kind === 'subject' ? subjects : kind === 'event' ? eventList : suppressionList).push(record);
    at[kind].push({ index, line });
  }
  return { subjects, events: eventList, suppressions: suppressionList, at, duplicates, records, parsed: held === undefined ? records : 0 };
}

/**
 * A rejected record of the partition with its position and line in the whole input. Problems of
 * the watchlists and reference tables, which every partition validates alike, are kept only when
 * `lists` (one partition gives them; the main thread adds the watchlists' lines).
 */
function placed(record: RejectedRecord, at: LoadedPartition['at'], lists: boolean): CliRejected | undefined {
  if (record.kind !== 'subject' && record.kind !== 'event' && record.kind !== 'suppression') return lists ? record : undefined;
  const place = at[record.kind][record.index];
  return place === undefined ? undefined : { ...record, index: place.index, line: place.line };
}

/** Scores the partitions' steps in this thread, with one scorer for every step; a partition `held` here is taken from memory, not its files. */
export function partitionScorer(config: ScorerConfig | undefined, setup: PartitionSetup, held?: HeldPartitions): { run(task: PartitionTask): PartitionAnswer } {
  const scorer = createScorer(config !== undefined ? { config } : {});
  const events = new Map(setup.duplicates.events);
  const suppressions = new Map(setup.duplicates.suppressions);
  // Partitions kept between their steps (see PartitionTask.resident), by number.
  const resident = new Map<number, { readonly partition: LoadedPartition; readonly prepared: PreparedBatch }>();
  const load = (files: readonly PartitionFile[], key: number | undefined): { readonly partition: LoadedPartition; readonly prepared: PreparedBatch } => {
    const partition = loadPartition(files, key !== undefined ? held?.take(key) : undefined, events, suppressions);
    const prepared = scorer.prepareBatch({
      subjects: partition.subjects,
      events: partition.events,
      watchlists: setup.watchlists,
      ...(setup.reference !== undefined ? { reference: setup.reference } : {}),
      ...(partition.suppressions.length > 0 ? { suppressions: partition.suppressions } : {}),
    });
    return { partition, prepared };
  };
  // The merged summaries of every partition: read from their files once per thread, at the first `score` step.
  let merged: { readonly paths: string; readonly summaries: PopulationSummaries } | undefined;
  const summariesOf = (paths: readonly string[] | undefined): PopulationSummaries | undefined => {
    if (paths === undefined) return undefined;
    const key = paths.join('\n');
    if (merged?.paths !== key) merged = { paths: key, summaries: mergeSummaries(paths.map((path) => deserialize(readFileSync(path)) as PopulationSummaries)) };
    return merged.summaries;
  };
  return {
    run(task) {
      try {
        // Merged before the partition is loaded, so the parts read for it are let go first.
        const summaries = task.step === 'score' ? summariesOf(task.summaryPaths) : undefined;
        const key = task.resident?.partition;
        const kept = key !== undefined ? resident.get(key) : undefined;
        const { partition, prepared } = kept ?? load(task.files, key);
        if (key !== undefined) {
          if (task.resident?.last === true) resident.delete(key);
          // The raw records are let go: the prepared batch holds the validated ones.
          else resident.set(key, { partition: { ...partition, subjects: [], events: [], suppressions: [] }, prepared });
        }
        let rejected: CliRejected[] | undefined;
        if (task.rejected) {
          rejected = partition.duplicates.slice();
          for (const record of prepared.rejected) {
            const mapped = placed(record, partition.at, task.lists === true);
            if (mapped !== undefined) rejected.push(mapped);
          }
        }
        const base = {
          ok: true as const,
          records: partition.records,
          loaded: kept === undefined,
          parsed: kept === undefined ? partition.parsed : 0,
          ...(rejected !== undefined ? { rejected } : {}),
        };
        if (task.step === 'check') return { ...base, ...(prepared.latestEventTime !== undefined ? { latest: prepared.latestEventTime } : {}) };
        const asOf = task.asOf as string;
        if (task.step === 'summarise') {
          // Written, not posted: the main thread never holds the summaries (see partitioned.ts).
          const path = task.summaryPath as string;
          try {
            writeFileSync(path, serialize(prepared.summariseAt(asOf)), { flag: 'wx' });
          } catch (error) {
            throw partitionWriteError(path, error);
          }
          return base;
        }
        const reports = prepared.scoreAt(asOf, undefined, summaries);
        const unserialisable = writeSortedRun(task.runPath as string, reports);
        return { ...base, reports: reports.length - unserialisable.length, ...(unserialisable.length > 0 ? { unserialisable } : {}) };
      } catch (error) {
        return failedOutcome(error);
      }
    },
  };
}

/**
 * Any task a partition thread takes: a byte range to split, a bucket of ids to check, a range held
 * in memory to route or a partition to gather, or a step of a partition.
 */
export type AnyPartitionTask = SplitTask | IdsTask | RouteTask | GatherTask | PartitionTask;

/** What a partition thread answers: a range's records, a bucket's repeated ids, a routed range, a gathered partition, a step's answer, or a failure. */
export type AnyPartitionAnswer = SplitResult | IdsResult | RouteResult | GatherResult | PartitionAnswer;

/** What the main thread posts to a partition worker: the setup (once the input is read), or a task. */
export type PartitionMessage =
  { readonly redflags: 'partition-setup'; readonly setup: PartitionSetup } | { readonly redflags: 'partition-task'; readonly task: AnyPartitionTask };

/** The tasks of one thread (a worker, or the main thread with one worker): the setup comes before the first partition step. */
export function partitionService(config: ScorerConfig | undefined): { setup(setup: PartitionSetup): void; run(task: AnyPartitionTask): AnyPartitionAnswer } {
  let scorer: ReturnType<typeof partitionScorer> | undefined;
  const held = new HeldPartitions();
  return {
    setup(setup) {
      scorer = partitionScorer(config, setup, held);
    },
    run(task) {
      try {
        if (task.step === 'split') return splitRange(task, (read) => held.hold(task.range, read));
        if (task.step === 'ids') return repeatedIds(task);
        if (task.step === 'route') return held.route(task);
        if (task.step === 'gather') return held.gather(task);
        if (scorer === undefined) throw new Error('a partition step came before the setup');
        return scorer.run(task);
      } catch (error) {
        return failedOutcome(error);
      }
    },
  };
}

/** The worker thread's side: answers each task posted, in order, after the setup posted once the input is read. */
export function servePartitions(
  data: PartitionWorkerData,
  port: { postMessage(value: unknown): void; on(event: 'message', listener: (value: unknown) => void): unknown },
): void {
  const service = partitionService(data.config);
  port.on('message', (value) => {
    const message = value as PartitionMessage;
    if (message.redflags === 'partition-setup') service.setup(message.setup);
    else if (message.redflags === 'partition-task') {
      const answer = service.run(message.task);
      try {
        port.postMessage(answer);
      } catch (error) {
        port.postMessage(failedOutcome(error));
      }
    }
  });
}
