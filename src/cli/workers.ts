import { Worker } from 'node:worker_threads';
import type { BatchInput, BatchResult, PreparedBatch, RejectedRecord } from '../engine/createScorer';
import { mergeSummaries, type PopulationSummaries } from '../engine/summaries';
import { createScorer } from '../defaults';
import { readRecordId } from '../records/validate';
import type { ScorerConfig } from '../engine/config';
import type { Report } from '../engine/report';

/**
 * What one worker thread is given: the records it must see and which shard of subjects to score.
 * That is only the shard's valid subjects and their events when no enabled indicator reads the
 * population, or when every one that does reads it through summaries (see {@link shardInputs}),
 * with the watchlists, reference tables and suppressions whole, once per thread; otherwise the
 * whole input.
 */
export interface ShardJob {
  /** Marks the worker data as a redflags shard job. */
  readonly redflags: 'score-shard';
  /** The valid records of this shard with `asOf` fixed by the main thread or, with population-level indicators, the whole input. */
  readonly input: BatchInput;
  /** The validated scorer config. */
  readonly config?: ScorerConfig;
  /** This shard, from 0. */
  readonly shard: number;
  /** Number of shards. */
  readonly shards: number;
  /** Accept records whose only problems are unknown keys, listed as warnings. */
  readonly lenient?: boolean;
  /**
   * Score in two steps (see {@link PopulationMode}): post the shard's summaries, wait for the
   * merged summaries of every shard, then post the shard's reports.
   */
  readonly withSummaries?: boolean;
}

/** What a worker posts back. */
export type ShardOutcome =
  | { readonly ok: true; readonly result: BatchResult }
  | { readonly ok: false; readonly name: string; readonly message: string; readonly code?: string; readonly isScoringError?: boolean };

/** What a worker scoring with summaries posts first: its shard's summaries, or its failure. */
export type SummariesOutcome = { readonly ok: true; readonly summaries: PopulationSummaries } | Extract<ShardOutcome, { ok: false }>;

/** What the main thread posts to a worker scoring with summaries: every shard's, merged. */
export interface MergedSummariesMessage {
  /** Marks the message as the merged summaries. */
  readonly redflags: 'merged-summaries';
  /** The summaries of the whole population. */
  readonly summaries: PopulationSummaries;
}

/** Text of a thrown value that may not be an Error, without calling its (possibly hostile or missing) toString. */
function describeThrown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The failure outcome of an error, keeping what identifies it across threads: name, `code` and the redflags brand. */
export function failedOutcome(error: unknown): Extract<ShardOutcome, { ok: false }> {
  const fields = typeof error === 'object' && error !== null ? (error as { name?: unknown; message?: unknown; code?: unknown; isScoringError?: unknown }) : {};
  return {
    ok: false,
    name: typeof fields.name === 'string' ? fields.name : 'Error',
    message: typeof fields.message === 'string' ? fields.message : describeThrown(error),
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(fields.isScoringError === true ? { isScoringError: true } : {}),
  };
}

/**
 * Posts a shard's outcome to the main thread. If the result cannot be posted (it cannot be
 * cloned, or cloning it overflows the stack), the failure is posted instead, so the main thread
 * always hears back.
 */
export function postOutcome(port: { postMessage(value: unknown): void }, outcome: ShardOutcome | SummariesOutcome): void {
  try {
    port.postMessage(outcome);
  } catch (error) {
    port.postMessage(failedOutcome(error));
  }
}

/**
 * The shard of a subject: a 32-bit FNV-1a hash of its id modulo the shard count. Stable across
 * runs, machines and input order, so a subject always lands in the same shard.
 */
export function shardOf(subjectId: string, shards: number): number {
  return fnv1a32(subjectId) % shards;
}

/** Scores one shard: every subject is parsed (the population), only the shard's subjects are scored. */
export function scoreShard(job: ShardJob): ShardOutcome {
  try {
    const scorer = createScorer(job.config !== undefined ? { config: job.config } : {});
    const result = scorer.scoreBatch(job.input, { select: (id) => shardOf(id, job.shards) === job.shard, lenient: job.lenient === true });
    return { ok: true, result };
  } catch (error) {
    return failedOutcome(error);
  }
}

/** A shard validated in this thread, scored in two steps: its summaries, then its reports with everyone's summaries. */
interface SummarisingShard {
  summarise(): SummariesOutcome;
  score(summaries: PopulationSummaries): ShardOutcome;
}

/** The two steps of {@link scoreShard} with summaries; the shard's records are validated once, before the first. */
function summarisingShard(job: ShardJob): SummarisingShard {
  let prepared: PreparedBatch | undefined;
  const asOf = job.input.asOf as string;
  return {
    summarise() {
      try {
        const scorer = createScorer(job.config !== undefined ? { config: job.config } : {});
        prepared = scorer.prepareBatch(job.input, { lenient: job.lenient === true });
        return { ok: true, summaries: prepared.summariseAt(asOf) };
      } catch (error) {
        return failedOutcome(error);
      }
    },
    score(summaries) {
      try {
        if (prepared === undefined) throw new Error('the shard was not summarised before scoring');
        const reports = prepared.scoreAt(asOf, undefined, summaries);
        return { ok: true, result: { asOf, asOfSource: 'input', reports, rejected: prepared.rejected, warnings: prepared.warnings } };
      } catch (error) {
        return failedOutcome(error);
      }
    },
  };
}

/** The worker thread's side of a shard job: the port is the thread's `parentPort`. */
export function serveShard(
  job: ShardJob,
  port: { postMessage(value: unknown): void; once(event: 'message', listener: (value: unknown) => void): unknown },
): void {
  if (job.withSummaries !== true) {
    postOutcome(port, scoreShard(job));
    return;
  }
  const shard = summarisingShard(job);
  const summaries = shard.summarise();
  if (summaries.ok) {
    // The thread stays alive while it waits, and ends once the reports are posted.
    port.once('message', (message) => postOutcome(port, shard.score((message as MergedSummariesMessage).summaries)));
  }
  postOutcome(port, summaries);
}

/** The order `scoreBatch` returns, so merged shards read like one batch. */
export { compareReports } from '../engine/order';
import { compareRejected, compareReports } from '../engine/order';
import { fnv1a32 } from '../util/hash';
import { watchlistOnlyIndicators } from './streamIndicators';

/**
 * An error a shard reported, re-thrown in the main thread with its original name, `code` and
 * redflags brand, so `isInvalidRecordError` and the other guards recognise it as in one thread.
 */
export class ShardError extends Error {
  /** The original error's code, e.g. `E_INVALID_RECORD`. */
  readonly code?: string;
  /** The redflags brand, when the original error had it. */
  readonly isScoringError?: true;

  /** @param outcome the failure a shard posted. */
  constructor(outcome: Extract<ShardOutcome, { ok: false }>) {
    super(outcome.message);
    this.name = outcome.name;
    if (outcome.code !== undefined) this.code = outcome.code;
    if (outcome.isScoringError === true) this.isScoringError = true;
  }
}

/** The job could not be handed to a new worker thread (nothing ran there). */
class WorkerNotStarted extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
    this.name = 'WorkerNotStarted';
  }
}

/** What waiting for one worker gave: its outcome, or that it ran past the shard timeout and was stopped. */
type WorkerOutcome = ShardOutcome | { readonly ok: 'timed-out' };

/** Runs a shard in a worker thread. Rejects when the thread cannot be created (e.g. the job cannot be cloned), crashes or exits early. */
function runInWorker(script: string | URL, job: ShardJob, timeoutMs: number | undefined): Promise<WorkerOutcome> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: job });
    } catch (error) {
      // Creating the worker clones the job: a pathological input (deep nesting) can throw here.
      reject(new WorkerNotStarted(error));
      return;
    }
    let settled = false;
    // Synchronous code cannot be interrupted inside its thread; terminating the thread is the only stop.
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            if (settled) return;
            settled = true;
            void worker.terminate();
            resolve({ ok: 'timed-out' });
          }, timeoutMs);
    const settle = (): boolean => {
      if (timer !== undefined) clearTimeout(timer);
      if (settled) return false;
      settled = true;
      return true;
    };
    worker.once('message', (outcome: ShardOutcome) => {
      if (settle()) resolve(outcome);
    });
    worker.once('error', (error) => {
      if (settle()) reject(error);
    });
    worker.once('exit', (code) => {
      if (settle()) reject(new Error(`a worker thread exited with code ${code} before returning its shard`));
    });
  });
}

/** Options of {@link scoreSharded}. */
export interface ShardOptions {
  /**
   * Wall-clock limit per shard, in milliseconds. A worker still running then (an indicator that
   * loops forever) is terminated and each subject of its shard is listed under `rejected` as not
   * scored; the other shards' reports are kept. Applies only to worker threads (with a script).
   */
  readonly shardTimeoutMs?: number;
  /** Accept records whose only problems are unknown keys, listing them as warnings (see `BatchOptions.lenient`). */
  readonly lenient?: boolean;
}

/**
 * Scores a batch in `shards` parts and merges them exactly as one `scoreBatch` call would order
 * them, so the JSON is byte-identical whatever the number of workers. With a worker script each
 * shard runs in its own thread; without one (e.g. when running from TypeScript sources) the
 * shards run one after the other in this thread.
 *
 * With `shardTimeoutMs`, a shard that runs longer is stopped and its subjects are listed under
 * `rejected` (see {@link ShardOptions}); when no shard finishes, a {@link ShardError} says so.
 */
export async function scoreSharded(
  input: BatchInput,
  config: ScorerConfig | undefined,
  shards: number,
  script: string | URL | undefined,
  onShardDone: (done: number) => void = () => {},
  options: ShardOptions = {},
): Promise<BatchResult> {
  // With a population-level indicator that needs `prepare` every thread needs every record and
  // validates the whole input itself, as before; otherwise the input is validated once here and
  // each thread gets its shard (and, with summaries, the merged summaries of every shard).
  const mode = populationMode(config);
  const checked = mode === 'whole' ? undefined : checkInput(input, options.lenient === true);
  const inputs = checked === undefined ? Array.from({ length: shards }, () => input) : shardInputs(input, checked, shards, false);
  const jobs: ShardJob[] = inputs.map((shardInput, shard) => ({
    redflags: 'score-shard',
    input: shardInput,
    ...(config !== undefined ? { config } : {}),
    shard,
    shards,
    lenient: options.lenient === true,
    ...(mode === 'summaries' ? { withSummaries: true } : {}),
  }));
  let done = 0;
  const outcomes =
    mode === 'summaries'
      ? await scoreWithSummaries(jobs, script, options.shardTimeoutMs, () => onShardDone(++done))
      : await Promise.all(
          jobs.map(async (job): Promise<WorkerOutcome | ShardLost> => {
            let outcome: WorkerOutcome | ShardLost;
            try {
              outcome = script !== undefined ? await runInWorker(script, job, options.shardTimeoutMs) : scoreShard(job);
            } catch (error) {
              // The thread could not take the shard or died: its subjects are reported, the run goes on.
              const failure = error instanceof Error ? `${error.name}: ${error.message}` : describeThrown(error);
              outcome = { lost: true, shard: job.shard, reason: `the worker thread of its shard failed (${failure}); score again with --workers 1` };
              // A job that could not even be handed over (nothing ran) is scored here instead, as --workers 1 would.
              if (error instanceof WorkerNotStarted) {
                const here = scoreShard(job);
                if (here.ok || here.isScoringError === true) outcome = here;
                else
                  outcome = {
                    lost: true,
                    shard: job.shard,
                    reason: `the worker thread of its shard failed (${failure}; then in this thread, ${here.name}: ${here.message})`,
                  };
              }
            }
            onShardDone(++done);
            return outcome;
          }),
        );
  const results: BatchResult[] = [];
  const lost: ShardLost[] = [];
  const seconds = secondsOf(options.shardTimeoutMs);
  let timedOut = 0;
  outcomes.forEach((outcome, shard) => {
    if ('lost' in outcome) lost.push(outcome);
    else if (outcome.ok === 'timed-out') {
      timedOut++;
      lost.push({
        lost: true,
        shard,
        reason: `its shard (${shard + 1} of ${shards}) ran longer than the shard timeout of ${seconds} s and was stopped; an indicator may loop forever on one of the shard's subjects`,
      });
    } else if (!outcome.ok) throw new ShardError(outcome);
    else results.push(outcome.result);
  });
  if (timedOut === shards) {
    throw new ShardError({
      ok: false,
      name: 'ShardTimeoutError',
      message: `every shard ran longer than the shard timeout of ${seconds} s and was stopped; nothing was scored. An indicator may loop forever.`,
    });
  }
  const reports: Report[] = [];
  for (const result of results) for (const report of result.reports) reports.push(report);
  reports.sort(compareReports);
  // Shards of valid records: the rejected ones and the warnings are the check's, made here on the whole input.
  // Whole-input shards: each lists the same; with none back, validation is run here (no indicators: cheap).
  const base = checked ?? results[0] ?? createScorer({ indicators: [] }).scoreBatch(input, { lenient: options.lenient === true });
  const rejected = lost.length === 0 ? base.rejected : withLostShards(base.rejected, input, lost, shards);
  return { asOf: base.asOf, asOfSource: base.asOfSource, reports, rejected, warnings: base.warnings };
}

/**
 * Validates the whole input once, without scoring (no views, no reports): asOf as `scoreBatch`
 * settles it, with the same errors, and the rejected records and warnings.
 */
function checkInput(input: BatchInput, lenient: boolean): Pick<BatchResult, 'asOf' | 'asOfSource' | 'rejected' | 'warnings'> {
  const checker = createScorer({ indicators: [] });
  const validated = checker.prepareBatch(input, { lenient });
  const latest = validated.latestEventTime;
  // An empty batch at the given time, or at the latest valid event: scoreBatch's own checks and messages.
  const { asOf } = checker.scoreBatch({ subjects: [], ...(input.asOf !== undefined ? { asOf: input.asOf } : latest !== undefined ? { asOf: latest } : {}) });
  return { asOf, asOfSource: input.asOf !== undefined ? 'input' : 'latest-event', rejected: validated.rejected, warnings: validated.warnings };
}

/**
 * True when an enabled indicator reads the whole population (linkage, peer baselines). Watchlist
 * screening is per subject and needs only the watchlists.
 */
export function readsPopulation(config: ScorerConfig | undefined): boolean {
  return populationMode(config) !== 'none';
}

/**
 * What the threads of `--workers` need of the population: `none` when no enabled indicator reads
 * it (each thread gets its shard); `summaries` when every one that does reads it through
 * `summarise` and `combine` (each thread gets its shard, summarises it, and scores it with the
 * merged summaries of every shard, as with the built-ins); `whole` when one needs `prepare` (a custom indicator): every thread then
 * gets every valid subject and event.
 */
export type PopulationMode = 'none' | 'summaries' | 'whole';

/** The {@link PopulationMode} of a config's enabled indicators. */
export function populationMode(config: ScorerConfig | undefined): PopulationMode {
  const scorer = createScorer(config !== undefined ? { config } : {});
  const population = scorer.indicators.filter((i) => i.enabled && i.readsPopulation && !watchlistOnlyIndicators.has(i.id));
  if (population.length === 0) return 'none';
  return population.every((i) => i.summarises) ? 'summaries' : 'whole';
}

function secondsOf(timeoutMs: number | undefined): number {
  return Math.round((timeoutMs ?? 0) / 100) / 10;
}

/** One shard of a two-step run, in a worker thread or in this one. */
interface TwoStepShard {
  summarise(): Promise<SummariesOutcome | { readonly ok: 'timed-out' }>;
  score(summaries: PopulationSummaries): Promise<WorkerOutcome>;
  stop(): void;
}

/** A shard scored in this thread, one step after the other (no script, or a thread that could not take the job). */
function shardHere(job: ShardJob): TwoStepShard {
  const shard = summarisingShard(job);
  return { summarise: async () => shard.summarise(), score: async (summaries) => shard.score(summaries), stop: () => {} };
}

/**
 * A shard in its own worker thread, which answers twice: its summaries, then (after it is sent
 * the merged summaries) its reports. Each answer has the shard timeout; a thread that runs past
 * it is stopped. Rejects when the thread cannot be created, crashes or exits early.
 */
function shardInWorker(script: string | URL, job: ShardJob, timeoutMs: number | undefined): TwoStepShard {
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: job });
  } catch (error) {
    // Creating the worker clones the job: a pathological input (deep nesting) can throw here.
    const failed = Promise.reject(new WorkerNotStarted(error));
    failed.catch(() => {});
    return { summarise: () => failed, score: () => failed, stop: () => {} };
  }
  const messages: unknown[] = [];
  let failure: Error | undefined;
  let finished = false;
  let waiter: { resolve(value: unknown): void; reject(error: Error): void } | undefined;
  const wake = (): void => {
    const w = waiter;
    if (w === undefined) return;
    if (messages.length > 0) {
      waiter = undefined;
      w.resolve(messages.shift());
    } else if (failure !== undefined) {
      waiter = undefined;
      w.reject(failure);
    }
  };
  worker.on('message', (message: unknown) => {
    messages.push(message);
    wake();
  });
  worker.once('error', (error) => {
    failure ??= error;
    wake();
  });
  worker.once('exit', (code) => {
    failure ??= new Error(`a worker thread exited with code ${code} before returning its shard`);
    if (!finished) wake();
  });
  const next = <T>(): Promise<T | { readonly ok: 'timed-out' }> =>
    new Promise((resolve, reject) => {
      // Synchronous code cannot be interrupted inside its thread; terminating the thread is the only stop.
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              waiter = undefined;
              void worker.terminate();
              resolve({ ok: 'timed-out' });
            }, timeoutMs);
      waiter = {
        resolve: (value) => {
          if (timer !== undefined) clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          if (timer !== undefined) clearTimeout(timer);
          reject(error);
        },
      };
      wake();
    });
  return {
    summarise: () => next<SummariesOutcome>(),
    async score(summaries) {
      const message: MergedSummariesMessage = { redflags: 'merged-summaries', summaries };
      worker.postMessage(message);
      const outcome = await next<ShardOutcome>();
      finished = true;
      return outcome;
    },
    stop: () => void worker.terminate(),
  };
}

/**
 * Scores the shards in two steps: every shard summarises its subjects; the summaries are merged
 * (subject-id order) and sent to every shard, which scores its subjects with them. A shard lost
 * while summarising (its thread died or ran past the timeout) is reported as not scored, and the
 * others are compared with a population without its subjects, which its reason says.
 */
async function scoreWithSummaries(
  jobs: readonly ShardJob[],
  script: string | URL | undefined,
  timeoutMs: number | undefined,
  onShardDone: () => void,
): Promise<(WorkerOutcome | ShardLost)[]> {
  const seconds = secondsOf(timeoutMs);
  const shards = jobs.map((job) => (script !== undefined ? shardInWorker(script, job, timeoutMs) : shardHere(job)));
  const lostWhileSummarising = (shard: number, why: string): ShardLost => ({
    lost: true,
    shard,
    reason: `${why}, while its subjects were summarised; the other shards were compared with a population without them. Score again with --workers 1`,
  });
  const first = await Promise.all(
    shards.map(async (runner, shard): Promise<SummariesOutcome | ShardLost> => {
      let outcome: SummariesOutcome | { readonly ok: 'timed-out' };
      try {
        outcome = await runner.summarise();
      } catch (error) {
        if (!(error instanceof WorkerNotStarted)) {
          const failure = error instanceof Error ? `${error.name}: ${error.message}` : describeThrown(error);
          return lostWhileSummarising(shard, `the worker thread of its shard failed (${failure})`);
        }
        // A job that could not even be handed over (nothing ran) is scored here instead, as --workers 1 would.
        shards[shard] = shardHere(jobs[shard] as ShardJob);
        outcome = await (shards[shard] as TwoStepShard).summarise();
      }
      if (outcome.ok === 'timed-out') {
        const lost = lostWhileSummarising(
          shard,
          `its shard (${shard + 1} of ${jobs.length}) ran longer than the shard timeout of ${seconds} s and was stopped`,
        );
        return { ...lost, timedOut: true };
      }
      return outcome;
    }),
  );
  if (first.every((outcome) => 'lost' in outcome && outcome.timedOut === true)) {
    // As in one step: every shard stopped by the timeout is the run's error, not a run with every subject rejected.
    throw new ShardError({
      ok: false,
      name: 'ShardTimeoutError',
      message: `every shard ran longer than the shard timeout of ${seconds} s and was stopped; nothing was scored. An indicator may loop forever.`,
    });
  }
  const parts: PopulationSummaries[] = [];
  for (const outcome of first) {
    if ('lost' in outcome) continue;
    if (!outcome.ok) {
      for (const runner of shards) runner.stop();
      throw new ShardError(outcome);
    }
    parts.push(outcome.summaries);
  }
  const merged = parts.length > 0 ? mergeSummaries(parts) : undefined;
  return Promise.all(
    first.map(async (outcome, shard): Promise<WorkerOutcome | ShardLost> => {
      let result: WorkerOutcome | ShardLost;
      if ('lost' in outcome || merged === undefined) result = 'lost' in outcome ? outcome : lostWhileSummarising(shard, 'no shard could be summarised');
      else {
        try {
          result = await (shards[shard] as TwoStepShard).score(merged);
        } catch (error) {
          const failure = error instanceof Error ? `${error.name}: ${error.message}` : describeThrown(error);
          result = { lost: true, shard, reason: `the worker thread of its shard failed (${failure}); score again with --workers 1` };
        }
      }
      onShardDone();
      return result;
    }),
  );
}

/**
 * The input of each shard: `asOf` fixed to the checked one, the watchlists, reference tables,
 * suppressions and extra inputs whole, and of the subjects and events only the valid ones: those
 * of the shard's subjects, or all of them when `wholePopulation` (population-level indicators).
 * A thread then validates and holds its shard only, and scores exactly what one `scoreBatch` over
 * the whole input would (the rejected records cannot change a valid subject's report).
 */
export function shardInputs(input: BatchInput, checked: Pick<BatchResult, 'asOf' | 'rejected'>, shards: number, wholePopulation: boolean): BatchInput[] {
  const rejectedSubjects = new Set<number>();
  const rejectedEvents = new Set<number>();
  for (const r of checked.rejected) {
    if (r.kind === 'subject') rejectedSubjects.add(r.index);
    else if (r.kind === 'event') rejectedEvents.add(r.index);
  }
  const subjects: unknown[][] = Array.from({ length: shards }, () => []);
  const events: unknown[][] = Array.from({ length: shards }, () => []);
  const everyShard = Array.from({ length: shards }, (_, shard) => shard);
  const targets = (id: string): readonly number[] => (wholePopulation ? everyShard : [shardOf(id, shards)]);
  input.subjects.forEach((subject, index) => {
    const id = readRecordId(subject);
    if (rejectedSubjects.has(index) || id === undefined) return;
    for (const shard of targets(id)) subjects[shard]?.push(subject);
  });
  (input.events ?? []).forEach((event, index) => {
    // A valid event's subjectId is a string naming a valid subject.
    const subjectId = rejectedEvents.has(index) ? undefined : (event as { subjectId?: unknown }).subjectId;
    if (typeof subjectId !== 'string') return;
    for (const shard of targets(subjectId)) events[shard]?.push(event);
  });
  return everyShard.map((shard) => ({ ...input, asOf: checked.asOf, subjects: subjects[shard] ?? [], events: events[shard] ?? [] }));
}

/** A shard whose worker thread could not be created, could not post its result, died, or ran past the shard timeout. */
interface ShardLost {
  readonly lost: true;
  readonly shard: number;
  /** Why its subjects were not scored, completing "not scored: ...". */
  readonly reason: string;
  /** True when the shard timeout stopped it (while summarising). */
  readonly timedOut?: boolean;
}

/**
 * The rejected records plus one per valid subject of each lost shard, naming the subject and the
 * failure, in the order `scoreBatch` gives: nothing is lost silently.
 */
function withLostShards(rejected: readonly RejectedRecord[], input: BatchInput, lost: readonly ShardLost[], shards: number): RejectedRecord[] {
  const already = new Set<number>();
  for (const r of rejected) if (r.kind === 'subject') already.add(r.index);
  const byShard = new Map(lost.map((l) => [l.shard, l.reason]));
  const out = rejected.slice();
  input.subjects.forEach((subject, index) => {
    const id = readRecordId(subject);
    if (id === undefined || already.has(index)) return;
    const reason = byShard.get(shardOf(id, shards));
    if (reason === undefined) return;
    out.push({ kind: 'subject', index, recordId: id, issues: [{ path: '', message: `not scored: ${reason}` }] });
  });
  return out.sort(compareRejected);
}
