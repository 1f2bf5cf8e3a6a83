import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ScorerConfig } from '../engine/config';
import {
  partitionService,
  type AnyPartitionAnswer,
  type AnyPartitionTask,
  type PartitionMessage,
  type PartitionSetup,
  type PartitionWorkerData,
} from './partitionScorer';
import { CliUsageError } from './io';
import { ShardError } from './workers';

// Where the tasks of the partitioned mode run: a pool of worker threads, or this thread.

/** Runs the partitioned mode's tasks: in worker threads, or one after the other in this thread. */
export interface TaskRunner {
  /** Threads the tasks run in (1: this one). */
  readonly threads: number;
  /**
   * Runs a task; with `thread` (from 0, below {@link threads}), in that thread only, after the
   * tasks sent to it before: a partition kept resident there between its steps. A pool rejects a
   * `thread` out of that range with a RangeError.
   */
  run(task: AnyPartitionTask, thread?: number): Promise<AnyPartitionAnswer>;
  /** Gives every thread the setup, once the input is read, before the partition steps. */
  setup(setup: PartitionSetup): void;
  close(): void;
}

/**
 * The answer of a task that succeeded, or its failure thrown again in this thread: a usage error
 * (a partition file that cannot be written) stays one, so it is reported as such, not as a bug.
 */
export function answered<T extends { ok: true }>(answer: AnyPartitionAnswer): T {
  if (answer.ok) return answer as unknown as T;
  if (answer.name === 'CliUsageError') throw new CliUsageError(answer.message);
  throw new ShardError(answer);
}

/**
 * Runs `task` over every item at once and waits for all of them to settle, even after one fails:
 * the caller may then remove the files they write. Throws the first failure (in item order).
 */
export async function settleAll<I, T>(items: readonly I[], task: (item: I, index: number) => Promise<T>): Promise<T[]> {
  const settled = await Promise.allSettled(items.map(task));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

/** Removes a temporary directory, best effort: a failure here must never hide the error that led to it. */
export function removeQuietly(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // Left behind; the run's own outcome matters more.
  }
}

/** Runs every task in this thread. */
export function runHere(config: ScorerConfig | undefined): TaskRunner {
  const service = partitionService(config);
  return {
    threads: 1,
    run: async (task) => service.run(task),
    setup: (setup) => service.setup(setup),
    close: () => {},
  };
}

/**
 * A pool of worker threads: each takes the next task when it has answered its last, so at most
 * `threads` partitions are held at once. A task bound to a thread waits for that thread; an idle
 * thread takes its own waiting tasks before the unbound ones.
 */
export function workerPool(script: string | URL, config: ScorerConfig | undefined, threads: number): TaskRunner {
  interface Job {
    readonly task: AnyPartitionTask;
    resolve(answer: AnyPartitionAnswer): void;
    reject(error: Error): void;
  }
  interface Slot {
    readonly worker: Worker;
    /** Tasks bound to this thread, in the order they were run. */
    readonly own: Job[];
    pending?: { resolve(answer: AnyPartitionAnswer): void; reject(error: Error): void } | undefined;
    failure?: Error | undefined;
  }
  const waiting: Job[] = [];
  const idle = new Set<Slot>();
  const slots: Slot[] = [];
  let closed = false;
  const dispatch = (): void => {
    for (const slot of idle) {
      const job = slot.own.shift() ?? waiting.shift();
      if (job === undefined) continue;
      idle.delete(slot);
      if (slot.failure !== undefined) {
        job.reject(slot.failure);
        for (const bound of slot.own.splice(0)) bound.reject(slot.failure);
        continue;
      }
      slot.pending = { resolve: job.resolve, reject: job.reject };
      const message: PartitionMessage = { redflags: 'partition-task', task: job.task };
      slot.worker.postMessage(message);
    }
  };
  const fail = (slot: Slot, error: Error): void => {
    slot.failure ??= error;
    const pending = slot.pending;
    slot.pending = undefined;
    pending?.reject(slot.failure);
    // Tasks bound to a dead thread cannot run elsewhere: the partition they need was held there.
    for (const bound of slot.own.splice(0)) bound.reject(slot.failure);
  };
  const data: PartitionWorkerData = { redflags: 'score-partitions', ...(config !== undefined ? { config } : {}) };
  for (let n = 0; n < threads; n++) {
    const slot: Slot = { worker: new Worker(script, { workerData: data }), own: [] };
    slot.worker.on('message', (answer: AnyPartitionAnswer) => {
      const pending = slot.pending;
      slot.pending = undefined;
      idle.add(slot);
      pending?.resolve(answer);
      dispatch();
    });
    slot.worker.once('error', (error) => fail(slot, error));
    slot.worker.once('exit', (code) => {
      if (!closed) fail(slot, new Error(`a worker thread exited with code ${code} before answering`));
    });
    slots.push(slot);
    idle.add(slot);
  }
  return {
    threads,
    run: (task, thread) =>
      new Promise((resolve, reject) => {
        if (thread !== undefined && !(Number.isInteger(thread) && thread >= 0 && thread < threads)) {
          reject(new RangeError(`thread ${thread} is not one of the pool's threads (0 to ${threads - 1})`));
          return;
        }
        const job: Job = { task, resolve, reject };
        const slot = thread === undefined ? undefined : slots[thread];
        if (slot === undefined) waiting.push(job);
        else if (slot.failure !== undefined) reject(slot.failure);
        else slot.own.push(job);
        dispatch();
      }),
    setup: (setup) => {
      const message: PartitionMessage = { redflags: 'partition-setup', setup };
      for (const slot of slots) slot.worker.postMessage(message);
    },
    close: () => {
      closed = true;
      for (const slot of slots) void slot.worker.terminate();
    },
  };
}
