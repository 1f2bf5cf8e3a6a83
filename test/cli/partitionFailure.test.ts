import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliUsageError, type CliIo } from '../../src/cli/io';
import { partitionWriteError } from '../../src/cli/partition';
import { partitionInput } from '../../src/cli/partitionInput';
import { runHere, type TaskRunner } from '../../src/cli/partitionPool';
import { failedOutcome } from '../../src/cli/workers';
import { createProgress } from '../../src/cli/progress';

let temp: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'redflags-split-failure-'));
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

const lines = Array.from({ length: 200 }, (_, i) => JSON.stringify({ recordType: 'subject', id: `s${i}`, kind: 'candidate' })).join('\n') + '\n';

/** Range 0 fails at once with `error`; range 1 runs for real but answers only after range 0 has failed, still writing in the directory. */
function failingRunner(error: Error): { runner: TaskRunner; settled: Promise<void> } {
  const here = runHere(undefined);
  let release!: () => void;
  const failed = new Promise<void>((resolve) => (release = resolve));
  let done!: () => void;
  const settled = new Promise<void>((resolve) => (done = resolve));
  const runner: TaskRunner = {
    ...here,
    run: async (task) => {
      if (task.step === 'split' && task.range === 0) {
        release();
        return failedOutcome(error);
      }
      await failed;
      // Let the caller see range 0's failure first.
      await new Promise((resolve) => setImmediate(resolve));
      const answer = await here.run(task);
      done();
      return answer;
    },
  };
  return { runner, settled };
}

async function split(runner: TaskRunner): Promise<{ error: unknown; withdrawn: number }> {
  const path = join(temp, 'input.ndjson');
  writeFileSync(path, lines);
  const io: CliIo = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), cwd: temp };
  let withdrawn = 0;
  const error = await partitionInput({
    source: path,
    io,
    progress: createProgress(io.stderr, false),
    inputFormat: 'ndjson',
    size: lines.length,
    partitions: 4,
    ranges: 2,
    tempDir: temp,
    onCleanup: () => () => void withdrawn++,
    runner,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, withdrawn };
}

describe('a byte-range split that fails', () => {
  it('waits for the other ranges, removes every partition file, withdraws its cleanup and throws the first error as a usage error', async () => {
    const full = Object.assign(new Error('no space left'), { code: 'ENOSPC' });
    const { runner, settled } = failingRunner(partitionWriteError(temp, full));
    const { error, withdrawn } = await split(runner);
    await settled;
    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as Error).message).toMatch(/free space there/);
    expect(withdrawn).toBe(1);
    expect(readdirSync(temp).filter((name) => name.startsWith('redflags-partitions-'))).toEqual([]);
  });

  it('words too many open files apart from a full disk', async () => {
    const tooMany = Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' });
    const { runner, settled } = failingRunner(partitionWriteError(temp, tooMany));
    const { error } = await split(runner);
    await settled;
    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as Error).message).toMatch(/lower --partitions or --workers, or raise ulimit -n/);
    expect((error as Error).message).not.toMatch(/free space/);
  });

  it('keeps an unexpected failure as the shard error it was', async () => {
    const { runner, settled } = failingRunner(new TypeError('broken'));
    const { error } = await split(runner);
    await settled;
    expect(error).not.toBeInstanceOf(CliUsageError);
    expect((error as Error).name).toBe('TypeError');
    expect(existsSync(join(temp, 'input.ndjson'))).toBe(true);
  });
});
