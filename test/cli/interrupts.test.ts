import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isInvalidRecordError } from '../../src/index';
import { ShardError, failedOutcome, scoreShard, scoreSharded } from '../../src/cli/workers';
import { demoPath, loadDemo } from '../support/demo';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'redflags-interrupts-'));
const asOf = '2025-06-01T00:00:00Z';

/** A population large enough that writing its JSON report takes a while (thousands of reports). */
function population(subjects: number): string {
  const path = join(dir, `population-${subjects}.json`);
  if (existsSync(path)) return path;
  const records: unknown[] = [];
  const events: unknown[] = [];
  for (let i = 0; i < subjects; i++) {
    records.push({ id: `s-${i}`, identity: { residence: { country: 'US', timeZone: 'America/Chicago' } } });
    events.push({ id: `e-${i}`, subjectId: `s-${i}`, type: 'session', at: '2025-05-01T09:00:00Z', end: '2025-05-01T17:00:00Z' });
  }
  writeFileSync(path, JSON.stringify({ asOf, subjects: records, events }));
  return path;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `redflags score <input> --out <out>`, waits until the temporary output file exists (the
 * run is writing), sends `signal`, and returns the exit code and what is left in the directory.
 */
async function killWhileWriting(signal: 'SIGINT' | 'SIGTERM', out: string, input: string): Promise<{ code: number | null; seenTemp: boolean; stderr: string }> {
  const child = spawn(process.execPath, [cli, 'score', input, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let finished = false;
  void exited.then(() => (finished = true));
  const temp = `.${out.split('/').at(-1) as string}.${child.pid as number}.redflags-tmp`;
  let seenTemp = false;
  while (!finished) {
    if (readdirSync(dir).includes(temp)) {
      seenTemp = true;
      child.kill(signal);
      break;
    }
    await pause(5);
  }
  return { code: await exited, seenTemp, stderr };
}

describe.skipIf(!existsSync(cli))('interrupted runs (built dist/cli.js, real child processes)', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    'a run killed by %s while writing --out leaves the previous file intact and no partial file, exit %i',
    async (signal, expected) => {
      const out = join(dir, `report-${signal}.json`);
      writeFileSync(out, 'the previous report\n');
      const result = await killWhileWriting(signal, out, population(3_000));
      expect(result.seenTemp, `the run ended before writing began: ${result.stderr}`).toBe(true);
      expect(result.code).toBe(expected);
      expect(readFileSync(out, 'utf8')).toBe('the previous report\n');
      expect(readdirSync(dir).filter((f) => f.includes('redflags-tmp'))).toEqual([]);
    },
    // A child process scores 3,000 subjects first: over 180 s at load average 30 on 2 cores.
    900_000,
  );

  it('a complete run replaces --out whole and leaves no temporary file', async () => {
    const out = join(dir, 'complete.json');
    writeFileSync(out, 'the previous report\n');
    await promisify(execFile)(process.execPath, [cli, 'score', demoPath, '--out', out]);
    expect(JSON.parse(readFileSync(out, 'utf8')).reports).toHaveLength(loadDemo().subjects.length);
    expect(readdirSync(dir).filter((f) => f.includes('redflags-tmp'))).toEqual([]);
  }, 120_000);

  /** Runs a shell pipeline and returns the exit status of its first command and its stderr. */
  const pipeline = (command: string): Promise<{ status: number; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn('bash', ['-c', `${command}; exit \${PIPESTATUS[0]}`], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.on('exit', (code) => resolve({ status: code ?? -1, stderr }));
    });

  it('score --fail-on high | head -1 exits 1, as without the pipe, and still writes its summary to stderr', async () => {
    for (const format of ['json', 'ndjson', 'table']) {
      const result = await pipeline(`"${process.execPath}" "${cli}" score "${demoPath}" --format ${format} --fail-on high | head -1`);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/subjects? reached --fail-on high; exit 1\./);
    }
  }, 120_000);

  it('a closed pipe keeps exit 2 and the rejected-records summary when records were rejected', async () => {
    const demo = loadDemo();
    const mixed = join(dir, 'mixed.json');
    writeFileSync(mixed, JSON.stringify({ ...demo, subjects: [...demo.subjects, { id: 'robot', kind: 'robot' }] }));
    const result = await pipeline(`"${process.execPath}" "${cli}" score "${mixed}" --format ndjson | head -1`);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('1 invalid record was not scored');
    expect(result.stderr).toContain('subject "robot"');
  }, 120_000);

  it('a full disk (> /dev/full) is a clear message and exit 2, without a stack trace', async () => {
    const result = await pipeline(`"${process.execPath}" "${cli}" score "${demoPath}" --format ndjson > /dev/full`);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('redflags: cannot write the output: no space left on the device');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('--workers 2 on a subject whose extensions nest 10,000 levels scores every subject, as --workers 1 does', async () => {
    const deep = `${'{"a":'.repeat(10_000)}{}${'}'.repeat(10_000)}`;
    const path = join(dir, 'deep.json');
    writeFileSync(path, `{"asOf":"${asOf}","subjects":[{"id":"deep","extensions":${deep}},{"id":"ok-1"},{"id":"ok-2"},{"id":"ok-3"}],"events":[]}`);
    const run = (workers: string) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [cli, 'score', path, '--workers', workers], { maxBuffer: 1 << 28 }, (error, stdout, stderr) =>
          resolve({ code: error === null ? 0 : ((error as { code?: number }).code ?? null), stdout, stderr }),
        );
      });
    const [one, two] = await Promise.all([run('1'), run('2')]);
    expect(two.stderr).not.toContain('unexpected error');
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);
});

describe('worker threads that fail', { timeout: 60_000 }, () => {
  it('a shard whose thread dies is reported subject by subject, the other shards are kept', async () => {
    const script = join(dir, 'crash-worker.mjs');
    writeFileSync(script, "throw new Error('the worker crashed');\n");
    const input = { asOf, subjects: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd', kind: 'robot' }], events: [], watchlists: [] };
    const result = await scoreSharded(input, undefined, 2, script);
    expect(result.reports).toEqual([]);
    expect(result.rejected.map((r) => [r.index, r.recordId])).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'c'],
      [3, 'd'],
    ]);
    for (const r of result.rejected.slice(0, 3)) expect(r.issues[0]?.message).toContain('the worker thread of its shard failed (Error: the worker crashed)');
    expect(result.rejected[3]?.issues[0]?.path).toBe('kind');
  }, 60_000);

  it('an error from a shard keeps its name, code and redflags brand in the main thread', () => {
    const outcome = scoreShard({ redflags: 'score-shard', input: { subjects: [{ id: 'a' }], events: [], watchlists: [] }, shard: 0, shards: 1 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const error = new ShardError(outcome);
    expect(error.name).toBe('InvalidRecordError');
    expect(isInvalidRecordError(error)).toBe(true);
    expect(failedOutcome(Object.create(null))).toEqual({ ok: false, name: 'Error', message: expect.any(String) });
  });
});
