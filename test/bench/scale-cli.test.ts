import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The quick runs of the scale and CLI benchmarks against dist/: the rows they print, not their times.
const dist = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const bench = (name: string): string => fileURLToPath(new URL(`../../bench/${name}`, import.meta.url));
const run = promisify(execFile);

/** The JSON rows a benchmark printed with `--json`, one array per table. */
function tables(stdout: string): Record<string, unknown>[][] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('['))
    .map((line) => JSON.parse(line) as Record<string, unknown>[]);
}

describe.skipIf(!existsSync(dist))('the scale and CLI benchmarks (needs npm run build)', () => {
  it('scale.bench.mjs --quick scores every subject in shards with summaries, at four population sizes, and in one batch held in memory', async () => {
    const { stdout } = await run(process.execPath, ['--expose-gc', bench('scale.bench.mjs'), '--quick', '--json'], { maxBuffer: 1 << 20 });
    const [shards, perEvent, memory] = tables(stdout);
    expect(shards?.map((r) => r['path'])).toEqual(['validated', 'trusted']);
    for (const row of shards ?? []) {
      expect(row).toMatchObject({ subjects: 60, events: 60 * 20, shards: 3, reports: 60, rejected: 0 });
      expect(row['events/s (cpu, total)']).toBeGreaterThan(0);
    }
    expect(perEvent?.map((r) => [r['population'], r['subjects'], r['events']])).toEqual([
      ['1x', 10, 200],
      ['2x', 20, 400],
      ['4x', 40, 800],
      ['8x', 80, 1600],
    ]);
    expect(stdout).toMatch(/slowest \/ fastest µs per event: \d/);
    expect(memory?.map((r) => [r['mode'], r['subjects'], r['events']])).toEqual([
      ['input', 20, 400],
      ['validated-full', 20, 400],
      ['trusted-compact', 20, 400],
    ]);
    const [input, full, compact] = memory ?? [];
    // The input alone holds no reports; a kept result holds the reports on top of the same input.
    expect(input?.['held by the result MiB']).toBe(0);
    expect(input?.['report JSON MiB']).toBe(0);
    for (const row of [full, compact]) {
      expect(row?.['heap after MiB']).toBeGreaterThanOrEqual(Number(row?.['input heap MiB']));
      expect(row?.['peak RSS MiB']).toBeGreaterThan(20);
    }
  }, 300_000);

  it('cli.bench.mjs --quick runs the CLI with 1, 2 and 4 workers and finds the outputs byte-identical', async () => {
    const { stdout } = await run(process.execPath, [bench('cli.bench.mjs'), '--quick', '--json', '--rss-from=wrapper'], { maxBuffer: 1 << 20 });
    const [rows] = tables(stdout);
    expect(rows?.map((r) => r['workers'])).toEqual([1, 2, 4]);
    for (const row of rows ?? []) {
      expect(row).toMatchObject({ reports: 30, rejected: 0, 'same bytes as 1 worker': true });
      // The wrapper's figures are the child's: a Node process is tens of MiB at least.
      expect(row['peak RSS MiB']).toBeGreaterThan(20);
    }
  }, 300_000);
});
