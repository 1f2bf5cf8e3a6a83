import { createScorer } from '../defaults';
import type { RejectedRecord } from '../engine/createScorer';
import type { ScorerConfig } from '../engine/config';
import type { PopulationSummaries } from '../engine/summaries';
import { readPartition, validEvent, validSuppression, type DuplicateCounts } from './partition';
import type { CliRejected } from './readInput';
import { writeSortedRun } from './spill';
import { failedOutcome } from './workers';
import type { Report } from '../engine/report';

// One partition of the partitioned whole-input mode, validated and scored alone: in a worker
// thread (`--workers 2` or more) or in the main thread. The work of each step reads the
// partition's file again, so a thread holds one partition at a time, never the input.

/** What every thread scoring partitions is given once: the config, the small tables, and the ids repeated across partitions. */
export interface PartitionSetup {
  /** Marks the worker data as a partition scorer. */
  readonly redflags: 'score-partitions';
  /** The validated scorer config. */
  readonly config?: ScorerConfig;
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
  /** The partition file. */
  readonly path: string;
  /** The instant to summarise or score at. */
  readonly asOf?: string;
  /** Where `score` writes its run of reports. */
  readonly runPath?: string;
  /** Whether to give back the rejected records (the first step of each partition does). */
  readonly rejected: boolean;
  /** Whether to give back the problems of the watchlists and reference tables too (one partition does). */
  readonly lists?: boolean;
}

/** What a step gives back. */
export type PartitionAnswer =
  | {
      readonly ok: true;
      /** Subject, event and suppression records the step held at once: the partition's. */
      readonly records: number;
      /** `check`: the latest valid event of the partition, ISO 8601. */
      readonly latest?: string;
      /** `summarise`: the partition's summaries. */
      readonly summaries?: PopulationSummaries;
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
}

interface Place {
  readonly index: number;
  readonly line: number;
}

function loadPartition(path: string, events: ReadonlyMap<string, number>, suppressions: ReadonlyMap<string, number>): LoadedPartition {
  const subjects: unknown[] = [];
  const eventList: unknown[] = [];
  const suppressionList: unknown[] = [];
  const at: LoadedPartition['at'] = { subject: [], event: [], suppression: [] };
  const duplicates: CliRejected[] = [];
  let records = 0;
  for (const { kind, index, line, record } of readPartition(path)) {
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
  return { subjects, events: eventList, suppressions: suppressionList, at, duplicates, records };
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

/** Scores the partitions' steps in this thread, with one scorer for every step. */
export function partitionScorer(setup: PartitionSetup): { run(task: PartitionTask, summaries?: PopulationSummaries): PartitionAnswer } {
  const scorer = createScorer(setup.config !== undefined ? { config: setup.config } : {});
  const events = new Map(setup.duplicates.events);
  const suppressions = new Map(setup.duplicates.suppressions);
  return {
    run(task, summaries) {
      try {
        const partition = loadPartition(task.path, events, suppressions);
        const prepared = scorer.prepareBatch({
          subjects: partition.subjects,
          events: partition.events,
          watchlists: setup.watchlists,
          ...(setup.reference !== undefined ? { reference: setup.reference } : {}),
          ...(partition.suppressions.length > 0 ? { suppressions: partition.suppressions } : {}),
        });
        let rejected: CliRejected[] | undefined;
        if (task.rejected) {
          rejected = partition.duplicates.slice();
          for (const record of prepared.rejected) {
            const mapped = placed(record, partition.at, task.lists === true);
            if (mapped !== undefined) rejected.push(mapped);
          }
        }
        const base = { ok: true as const, records: partition.records, ...(rejected !== undefined ? { rejected } : {}) };
        if (task.step === 'check') return { ...base, ...(prepared.latestEventTime !== undefined ? { latest: prepared.latestEventTime } : {}) };
        const asOf = task.asOf as string;
        if (task.step === 'summarise') return { ...base, summaries: prepared.summariseAt(asOf) };
        const reports = prepared.scoreAt(asOf, undefined, summaries);
        const unserialisable = writeSortedRun(task.runPath as string, reports);
        return { ...base, reports: reports.length - unserialisable.length, ...(unserialisable.length > 0 ? { unserialisable } : {}) };
      } catch (error) {
        return failedOutcome(error);
      }
    },
  };
}

/** What the main thread posts to a partition worker: a step, or the merged summaries (once). */
export type PartitionMessage =
  { readonly redflags: 'partition-task'; readonly task: PartitionTask } | { readonly redflags: 'merged-summaries'; readonly summaries: PopulationSummaries };

/** The worker thread's side: answers each task posted, in order, with the summaries posted once before the `score` steps. */
export function servePartitions(
  setup: PartitionSetup,
  port: { postMessage(value: unknown): void; on(event: 'message', listener: (value: unknown) => void): unknown },
): void {
  const scorer = partitionScorer(setup);
  let summaries: PopulationSummaries | undefined;
  port.on('message', (value) => {
    const message = value as PartitionMessage;
    if (message.redflags === 'merged-summaries') summaries = message.summaries;
    else if (message.redflags === 'partition-task') {
      const answer = scorer.run(message.task, summaries);
      try {
        port.postMessage(answer);
      } catch (error) {
        port.postMessage(failedOutcome(error));
      }
    }
  });
}
