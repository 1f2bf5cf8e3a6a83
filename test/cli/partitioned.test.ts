import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { createScorer } from '../../src/index';
import type { ScorerConfig } from '../../src/engine/config';
import { partitionDir, partitionOf } from '../../src/cli/partition';
import { answered, removeQuietly, workerPool } from '../../src/cli/partitionPool';
import type { SplitResult } from '../../src/cli/splitRange';
import { scorePartitioned } from '../../src/cli/partitioned';
import { loadInput } from '../../src/cli/readInput';
import { createProgress } from '../../src/cli/progress';
import { ReportSpill } from '../../src/cli/spill';
import type { CliIo } from '../../src/cli/io';
import { generatedAsOf, peerOutliers, population, subjectArb } from '../support/summaryPopulation';
import { run } from './run';

const demo = JSON.parse(readFileSync(new URL('../../examples/demo/population.json', import.meta.url), 'utf8')) as {
  subjects: { id: string }[];
  events: { id: string; subjectId: string }[];
  watchlists: unknown[];
  reference: Record<string, unknown>;
};

/** The linkage indicators (a `prepare` over the population) off; peer baselines, bulk collection and impersonation stay, through summaries. */
const summariesOnly: ScorerConfig = {
  indicators: Object.fromEntries(
    createScorer()
      .indicators.filter((i) => i.readsPopulation && !i.summarises && i.id !== 'watchlist/match')
      .map((i) => [i.id, false]),
  ),
};

const partitions = 4;
/** What the command says when it scores a small NDJSON file in one thread despite --workers. */
const oneThreadNote = (workers: number): string =>
  `redflags: --workers ${workers}: scoring in one thread, which is faster than ${workers} on an NDJSON file under 256 MB; --partitions keeps the threads.\n`;
const line = (recordType: string, record: object): string => JSON.stringify({ recordType, ...record });

/**
 * A generated population with peers to compare, part of the demo (watchlist hits), and records
 * every check rejects, some across partitions: unreadable lines, a repeated subject, an event id
 * shared by valid events of subjects in different partitions (and an invalid copy), events and
 * suppressions of no subject, repeated suppression ids, a bad watchlist. Events partly come
 * before their subjects: the partitioned mode needs no grouping.
 */
function messyInput(): { text: string; records: number } {
  const generated = population([...peerOutliers(), ...fc.sample(subjectArb, { numRuns: 60, seed: 7 })]);
  // Twelve demo subjects, and the one whose payout account is on the demo watchlist.
  const listed = demo.subjects.filter((s) => JSON.stringify(s).includes('acct-farm-7731'));
  const subjects = [...generated.subjects, ...new Set([...demo.subjects.slice(0, 12), ...listed])];
  const ids = new Set(subjects.map((s) => s.id));
  const events = [...generated.events, ...demo.events.filter((e) => ids.has(e.subjectId))];
  const [first] = events as [{ id: string; subjectId: string }];
  const elsewhere = subjects.find((s) => partitionOf('subject', s, partitions) !== partitionOf('event', first, partitions)) as { id: string };
  const suppression = {
    subjectId: 's00',
    indicatorId: 'insider/bulk-collection',
    reason: 'approved migration',
    approvedBy: 'lead',
    from: '2025-05-01T00:00:00Z',
    until: '2025-07-01T00:00:00Z',
  };
  const lines = [
    line('watchlist', demo.watchlists[0] as object),
    line('watchlist', { name: 5 }),
    line('reference', { frontCompanyDomains: demo.reference.frontCompanyDomains }),
    '{not json',
    '[1, 2]',
    line('mystery', { id: 'x' }),
    '{"recordType":"subject","id":"twice","id":"again"}',
    ...events.slice(0, 40).map((e) => line('event', e)),
    ...subjects.map((s) => line('subject', s)),
    line('subject', { kind: 'employee' }),
    line('subject', subjects[1] as object),
    ...events.slice(40).map((e) => line('event', e)),
    line('event', { ...first, subjectId: elsewhere.id }),
    line('event', { ...first, subjectId: elsewhere.id, at: 'yesterday' }),
    line('event', { id: 'orphan', subjectId: 'ghost', type: 'session', at: '2025-05-01T10:00:00Z' }),
    line('event', { id: 'numbered', subjectId: 7, type: 'session', at: '2025-05-01T10:00:00Z' }),
    line('suppression', { id: 'sup-1', ...suppression }),
    line('suppression', { id: 'sup-2', ...suppression }),
    line('suppression', { id: 'sup-2', ...suppression, subjectId: elsewhere.id }),
    line('suppression', { id: 'sup-3', ...suppression, subjectId: 'ghost' }),
    line('reference', { organisation: demo.reference.organisation }),
  ];
  // The records the partitions take: readable subject, event and suppression lines (not the one repeating a key).
  const records = lines.filter((l) => /^\{"recordType":"(subject|event|suppression)"/.test(l) && !l.includes('"twice"')).length;
  return { text: `${lines.join('\n')}\n`, records };
}

describe('the partitioned whole-input mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redflags-partitioned-'));
  const temp = join(dir, 'temp');
  const input = join(dir, 'input.ndjson');
  const config = join(dir, 'config.json');
  const { text, records } = messyInput();
  mkdirSync(temp);
  writeFileSync(input, text);
  writeFileSync(config, JSON.stringify(summariesOnly));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['json', []],
    ['ndjson', []],
    ['ndjson', ['--fail-on', 'elevated']],
    ['ndjson', ['--compact']],
    ['json', ['--compact', '--fail-on', 'elevated']],
    ['table', []],
    ['markdown', []],
    ['html', ['--detail', 'flagged']],
  ])(
    'writes what the in-memory path writes, byte for byte, with --format %s %j',
    async (format, extra) => {
      for (const asOf of [['--as-of', generatedAsOf], []]) {
        const args = ['score', input, '--config', config, '--format', format, ...asOf, ...extra];
        const memory = await run([...args, '--in-memory']);
        const partitioned = await run([...args, '--partitions', String(partitions), '--temp-dir', temp]);
        expect(partitioned.stdout).toBe(memory.stdout);
        expect(partitioned.stderr).toBe(memory.stderr);
        expect(partitioned.code).toBe(memory.code);
        // The population has rejected records, so the run exits 2, and the peers' indicators fire.
        expect(memory.code).toBe(2);
        expect(readdirSync(temp)).toEqual([]);
      }
    },
    120_000,
  );

  it('rejects what one batch rejects, across partitions, and scores the population-level indicators through summaries', async () => {
    const { stdout } = await run(['score', input, '--config', config, '--format', 'json', '--partitions', String(partitions), '--temp-dir', temp]);
    const out = JSON.parse(stdout) as {
      asOfSource: string;
      reports: { findings: { indicatorId: string }[] }[];
      rejected: { kind: string; line?: number; issues: { message: string }[] }[];
    };
    expect(out.asOfSource).toBe('latest-event');
    const messages = out.rejected.flatMap((r) => r.issues.map((i) => `${r.kind}: ${i.message}`));
    for (const expected of [
      'event: duplicate event id: 2 events share it',
      'subject: duplicate subject id: 2 subjects share it',
      'event: no valid subject "ghost" in the input',
      'suppression: duplicate suppression id: 2 suppressions share it',
      'suppression: no valid subject "ghost" in the input',
      'document: not valid JSON',
    ])
      expect(messages).toContain(expected);
    expect(out.rejected.filter((r) => r.kind === 'watchlist')).toHaveLength(1);
    const fired = new Set(out.reports.flatMap((r) => r.findings.map((f) => f.indicatorId)));
    for (const id of ['insider/peer-baseline-shift', 'insider/bulk-collection', 'insider/impersonation', 'watchlist/match']) expect(fired).toContain(id);
  }, 60_000);

  it('reads standard input as it reads a file', async () => {
    const args = ['--config', config, '--format', 'ndjson', '--as-of', generatedAsOf, '--partitions', '3', '--temp-dir', temp];
    const file = await run(['score', input, ...args]);
    const stdin = await run(['score', '-', ...args], { stdin: text });
    expect(stdin.stdout).toBe(file.stdout);
    expect(stdin.stderr).toBe(file.stderr);
  }, 60_000);

  it('holds one partition at a time: no step holds more records than its partition, and the reader keeps none', async () => {
    const io: CliIo = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), cwd: process.cwd() };
    const progress = createProgress(io.stderr, false);
    const spill = new ReportSpill({ tempDir: temp });
    try {
      const result = await scorePartitioned(
        { source: input, io, progress, inputFormat: undefined, asOf: undefined, config: summariesOnly, workers: 1, partitions, tempDir: temp, spill },
        (asOf) => asOf as string,
      );
      if (result.kind !== 'scored') throw new Error('expected NDJSON to be partitioned');
      const { stats } = result;
      expect(stats.partitions).toBe(partitions);
      expect(stats.records.reduce((a, b) => a + b, 0)).toBe(records);
      // The most held at once is the largest partition, well under the input.
      expect(stats.maxRecordsHeld).toBe(Math.max(...stats.records));
      expect(stats.maxRecordsHeld).toBeLessThan(records / 2);
      // Three steps per partition: the latest event (no --as-of), the summaries, the scores.
      expect(stats.steps).toBe(3 * partitions);
      // More partitions than threads: each step reads and validates its partition again, to hold one at a time.
      expect(stats.loads).toEqual(Array.from({ length: partitions }, () => 3));
      expect(result.output.reports.length).toBeGreaterThan(60);
    } finally {
      spill.dispose();
    }
    // With a sink the reader hands every record on and keeps none of them.
    let sunk = 0;
    const loaded = await loadInput(input, io, progress, undefined, () => sunk++);
    expect([loaded.subjects.length, loaded.events.length, loaded.watchlists.length, loaded.suppressions.length]).toEqual([0, 0, 0, 0]);
    expect(sunk).toBe(records + 2);
    expect(readdirSync(temp)).toEqual([]);
  }, 60_000);

  it('splits a file by byte range (CRLF, a lone CR, blank lines, a byte order mark) and writes what the in-memory path writes, whatever the number of ranges', async () => {
    // The same records with every kind of line break a line reader accepts: the lines, and so the line numbers of the rejected records, must match.
    const lines = text.trimEnd().split('\n');
    const odd = join(dir, 'odd.ndjson');
    writeFileSync(odd, `\uFEFF${lines.slice(0, 5).join('\r\n')}\r\n\r\n  \n${lines[5] as string}\r${lines.slice(6).join('\n\n')}`);
    for (const source of [input, odd]) {
      const args = ['score', source, '--config', config, '--format', 'json'];
      const memory = await run([...args, '--in-memory']);
      expect(memory.code).toBe(2);
      for (const workers of ['2', '3', '5']) {
        // No worker script in this process: the ranges are read one after the other in this thread, each from its own start.
        const split = await run([...args, '--workers', workers, '--temp-dir', temp]);
        expect(split).toEqual(memory);
      }
    }
    expect(readdirSync(temp)).toEqual([]);
  }, 120_000);

  it('reads and validates a lone partition once for its three steps, and scores what the in-memory path scores', async () => {
    const io: CliIo = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), cwd: process.cwd() };
    const spill = new ReportSpill({ tempDir: temp });
    try {
      const result = await scorePartitioned(
        {
          source: input,
          io,
          progress: createProgress(io.stderr, false),
          inputFormat: undefined,
          asOf: undefined,
          config: summariesOnly,
          workers: 1,
          partitions: 1,
          tempDir: temp,
          spill,
        },
        (asOf) => asOf as string,
      );
      if (result.kind !== 'scored') throw new Error('expected NDJSON to be partitioned');
      expect(result.stats.steps).toBe(3);
      expect(result.stats.loads).toEqual([1]);
      // Held in memory from the split on: every record was parsed once, when its line was read.
      expect(result.stats.held).toBe(true);
      expect(result.stats.reparsed).toBe(0);
    } finally {
      spill.dispose();
    }
    // The step that keeps the partition gives the same rejected records and reports, whatever step comes first.
    for (const asOf of [['--as-of', generatedAsOf], []]) {
      const args = ['score', input, '--config', config, '--format', 'json', ...asOf];
      const memory = await run([...args, '--in-memory']);
      expect(await run([...args, '--partitions', '1', '--temp-dir', temp])).toEqual(memory);
    }
    expect(readdirSync(temp)).toEqual([]);
  }, 60_000);

  it('reads partitions back from their files when there are more than threads, parsing each record again at each load', async () => {
    const io: CliIo = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), cwd: process.cwd() };
    const spill = new ReportSpill({ tempDir: temp });
    try {
      const result = await scorePartitioned(
        {
          source: input,
          io,
          progress: createProgress(io.stderr, false),
          inputFormat: undefined,
          asOf: undefined,
          config: summariesOnly,
          workers: 1,
          partitions: 2,
          tempDir: temp,
          spill,
        },
        (asOf) => asOf as string,
      );
      if (result.kind !== 'scored') throw new Error('expected NDJSON to be partitioned');
      const { held, loads, reparsed, idCheck } = result.stats;
      expect(held).toBe(false);
      // One range in this thread, one id bucket: the ids go through one id file, not hashes.
      expect(idCheck).toEqual({ idFiles: 1, hashes: 0, candidates: 0 });
      // Check, summarise and score: each step reads its partition's files again.
      expect(loads).toEqual([3, 3]);
      expect(reparsed).toBe(records * 3);
    } finally {
      spill.dispose();
    }
    expect(readdirSync(temp)).toEqual([]);
  }, 60_000);

  it('reads each line in exactly one range, and balances the partitions over the threads', async () => {
    const io: CliIo = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), cwd: process.cwd() };
    const progress = createProgress(io.stderr, false);
    const spill = new ReportSpill({ tempDir: temp });
    try {
      const result = await scorePartitioned(
        {
          source: input,
          io,
          progress,
          inputFormat: undefined,
          asOf: generatedAsOf,
          config: summariesOnly,
          workers: 3,
          partitions: undefined,
          tempDir: temp,
          spill,
        },
        (asOf) => asOf as string,
      );
      if (result.kind !== 'scored') throw new Error('expected NDJSON to be partitioned');
      const { ranges, partitions: count } = result.stats;
      expect(ranges).toHaveLength(3);
      const all = text.split('\n');
      // The last element is the empty text after the final line break, which is no line.
      expect(ranges.reduce((sum, r) => sum + r.lines, 0)).toBe(all.length - 1);
      expect(ranges.reduce((sum, r) => sum + r.parsed, 0)).toBe(all.filter((l) => l.trim() !== '').length);
      for (const range of ranges) expect(range.lines).toBeGreaterThan(0);
      expect(result.stats.records.reduce((a, b) => a + b, 0)).toBe(records);
      // One partition by size, made a multiple of the three threads.
      expect(count).toBe(3);
    } finally {
      spill.dispose();
    }
    expect(readdirSync(temp)).toEqual([]);
  }, 60_000);

  it('partitions with the default config (the linkage indicators read the population through summaries), and refuses --partitions for a JSON document', async () => {
    const memory = await run(['score', input, '--format', 'ndjson', '--as-of', generatedAsOf, '--in-memory']);
    const partitioned = await run(['score', input, '--format', 'ndjson', '--as-of', generatedAsOf, '--partitions', '2', '--temp-dir', temp]);
    expect(partitioned.stdout).toBe(memory.stdout);
    expect([partitioned.code, partitioned.stderr]).toEqual([memory.code, memory.stderr]);
    const json = await run(['score', input, '--config', config, '--input-format', 'json', '--partitions', '2']);
    expect(json.stderr).toContain('a JSON document is read whole');
  });

  it('scores a small NDJSON file in one thread with --workers 2 or more, and says so; partitions asked for and JSON documents keep the threads', async () => {
    const args = ['score', input, '--config', config, '--format', 'ndjson', '--as-of', generatedAsOf];
    const memory = await run([...args, '--in-memory']);
    for (const workers of [2, 4]) {
      const small = await run([...args, '--workers', String(workers)]);
      expect(small).toEqual({ ...memory, stderr: `${oneThreadNote(workers)}${memory.stderr}` });
    }
    const partitioned = await run([...args, '--workers', '2', '--partitions', '2', '--temp-dir', temp]);
    expect(partitioned).toEqual(memory);
    const document = join(dir, 'document.json');
    writeFileSync(document, JSON.stringify({ subjects: demo.subjects.slice(0, 3), events: [] }));
    const json = await run(['score', document, '--format', 'json', '--as-of', generatedAsOf, '--workers', '2']);
    expect(json.stderr).not.toContain('scoring in one thread');
    expect(json.code).toBe(0);
  });

  it('holds a small file whole unless partitions or their temporary files are asked for', async () => {
    const small = await run(['score', input, '--config', config, '--format', 'ndjson', '--as-of', generatedAsOf, '--run-size', '5']);
    expect(small.stderr).not.toContain('this run is in memory');
    expect(small.stdout.length).toBeGreaterThan(0);
    const refused = await run(['score', input, '--config', config, '--format', 'ndjson', '--in-memory', '--run-size', '5']);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('this run is in memory')]);
  });

  const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
  it.skipIf(!existsSync(cli))(
    'in worker threads of dist/cli.js, --workers 1, 2 and 3 write what the in-memory path writes (needs npm run build)',
    async () => {
      const exec = promisify(execFile);
      const score = async (extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
        try {
          const { stdout, stderr } = await exec(process.execPath, [cli, 'score', input, '--config', config, ...extra], { maxBuffer: 64 << 20 });
          return { code: 0, stdout, stderr };
        } catch (error) {
          const failed = error as { code: number; stdout: string; stderr: string };
          return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
        }
      };
      for (const format of ['json', 'ndjson']) {
        const memory = await score(['--format', format, '--in-memory']);
        expect(memory.code).toBe(2);
        for (const workers of ['1', '2', '3']) {
          const partitioned = await score(['--format', format, '--workers', workers, '--partitions', '5', '--temp-dir', temp]);
          expect(partitioned).toEqual(memory);
        }
        // A partition per thread: held in memory by the threads, no partition files; with fewer
        // partitions than threads, the ranges beyond them send every record to another thread.
        for (const [workers, parts] of [
          ['2', '2'],
          ['3', '3'],
          ['3', '2'],
          ['2', '1'],
        ] as const) {
          const held = await score(['--format', format, '--workers', workers, '--partitions', parts, '--temp-dir', temp]);
          expect(held).toEqual(memory);
        }
        // A small file with more than one worker is held whole in one thread, which is faster, and says so.
        const small = await score(['--format', format, '--workers', '2']);
        expect(small).toEqual({ ...memory, stderr: `${oneThreadNote(2)}${memory.stderr}` });
      }
      expect(readdirSync(temp)).toEqual([]);
    },
    480_000,
  );

  it.skipIf(!existsSync(cli))(
    'with worker threads, the main thread parses no line of the input: each range is read by a worker (needs npm run build)',
    async () => {
      const io: CliIo = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), cwd: process.cwd(), workerScript: cli };
      const spill = new ReportSpill({ tempDir: temp });
      try {
        const result = await scorePartitioned(
          {
            source: input,
            io,
            progress: createProgress(io.stderr, false),
            // Forced, so that not even the first line is parsed here to tell NDJSON from a JSON document.
            inputFormat: 'ndjson',
            asOf: generatedAsOf,
            config: summariesOnly,
            workers: 2,
            partitions: undefined,
            tempDir: temp,
            spill,
          },
          (asOf) => asOf as string,
        );
        if (result.kind !== 'scored') throw new Error('expected NDJSON to be partitioned');
        const { ranges, loads, steps, held, reparsed, idCheck } = result.stats;
        expect(ranges).toHaveLength(2);
        // Held: no id file is written; every event and suppression id is hashed once, and the hashes
        // seen twice or more are those of the ids two or more records carry (the event id shared
        // across partitions, a repeated suppression id), whose valid copies are then counted by id.
        const readable = text
          .split('\n')
          .filter((l) => /^\{"recordType":"(event|suppression)"/.test(l))
          .map((l) => JSON.parse(l) as { recordType: string; id?: unknown });
        const idsOf = (kind: string): string[] => readable.filter((r) => r.recordType === kind && typeof r.id === 'string').map((r) => r.id as string);
        const repeatedOf = (ids: string[]): number => new Set(ids.filter((id, i) => ids.indexOf(id) !== i)).size;
        expect(idCheck).toEqual({
          idFiles: 0,
          hashes: idsOf('event').length + idsOf('suppression').length,
          candidates: repeatedOf(idsOf('event')) + repeatedOf(idsOf('suppression')),
        });
        expect(idCheck.candidates).toBeGreaterThanOrEqual(2);
        // A partition per thread, kept there between its two steps (summaries, scores): read and validated once each.
        expect(steps).toBe(4);
        expect(loads).toEqual([1, 1]);
        // Thread 0 is the main thread: no range was read there, and every non-blank line was parsed once.
        for (const range of ranges) expect(range.threadId).not.toBe(0);
        expect(ranges.reduce((sum, r) => sum + r.parsed, 0)).toBe(text.split('\n').filter((l) => l.trim() !== '').length);
        // Held in memory: a record is parsed again only in the thread of its partition when another range read it.
        expect(held).toBe(true);
        const first = (ranges[0] as { lines: number }).lines;
        const read = text
          .split('\n')
          .map((l, i) => ({ l, range: i < first ? 0 : 1 }))
          .filter(({ l }) => /^\{"recordType":"(subject|event|suppression)"/.test(l) && !l.includes('"twice"'))
          .map(({ l, range }) => ({ range, record: JSON.parse(l) as { recordType: string; id?: unknown; subjectId?: unknown } }));
        // A subject's owner is the range that read the most of its records (the first on a tie); records of no string key stay where they were read.
        const keyOf = (record: (typeof read)[number]['record']): unknown => (record.recordType === 'subject' ? record.id : record.subjectId);
        const perRange = new Map<unknown, [number, number]>();
        for (const { range, record } of read) {
          const key = keyOf(record);
          if (typeof key !== 'string') continue;
          const counts = perRange.get(key) ?? [0, 0];
          counts[range] = (counts[range] ?? 0) + 1;
          perRange.set(key, counts);
        }
        const crossing = read.filter(({ range, record }) => {
          const counts = perRange.get(keyOf(record));
          return counts !== undefined && (counts[1] > counts[0] ? 1 : 0) !== range;
        }).length;
        expect(crossing).toBeGreaterThan(0);
        expect(reparsed).toBe(crossing);
      } finally {
        spill.dispose();
      }
      expect(readdirSync(temp)).toEqual([]);
    },
    60_000,
  );

  it.skipIf(!existsSync(cli))(
    'runs each task bound to a thread in that thread (needs npm run build)',
    async () => {
      const pool = workerPool(cli, undefined, 2);
      const split = partitionDir(temp);
      try {
        // Each split task answers with the thread that ran it; they are bound alternately, and sent before any answers.
        const bound = [0, 1, 0, 1, 0, 1];
        const answers = await Promise.all(
          bound.map(async (thread, range) =>
            answered<SplitResult>(await pool.run({ step: 'split', source: input, start: 0, end: 0, range, partitions: 2, buckets: 1, dir: split }, thread)),
          ),
        );
        const threadOf = answers.map((a) => a.threadId);
        expect(new Set(threadOf).size).toBe(2);
        bound.forEach((thread, i) => expect(threadOf[i]).toBe(threadOf[thread]));
        // A thread the pool does not have is refused, not queued for any thread.
        const task = { step: 'split', source: input, start: 0, end: 0, range: 0, partitions: 2, buckets: 1, dir: split } as const;
        for (const thread of [-1, 0.5, 2, Number.NaN]) await expect(pool.run(task, thread)).rejects.toThrow(RangeError);
        expect(answered<SplitResult>(await pool.run({ ...task, range: 9 })).ok).toBe(true);
      } finally {
        pool.close();
        removeQuietly(split);
      }
      expect(readdirSync(temp)).toEqual([]);
    },
    60_000,
  );
});
