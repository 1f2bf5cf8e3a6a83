import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type { Report } from '../../src/engine/report';
import { main, type ScoreOutput } from '../../src/cli/main';
import { jsonChunks, ndjsonChunks } from '../../src/cli/render';
import { writeOutput } from '../../src/cli/output';
import { scoreDemo } from '../support/demo';
import { run } from './run';

const dir = mkdtempSync(join(tmpdir(), 'redflags-output-'));
const demo = scoreDemo();
const output: ScoreOutput = {
  asOf: demo.asOf,
  asOfSource: demo.asOfSource,
  reports: demo.reports,
  rejected: [{ kind: 'event', index: 3, recordId: 'e4', issues: [{ path: 'type', message: 'bad' }], line: 9 }],
};

/** A writable that keeps only a byte count, the first and the last characters, and how many writes it took. */
function countingSink(): { stream: Writable; bytes: () => number; head: () => string; tail: () => string; writes: () => number; largest: () => number } {
  let bytes = 0;
  let largest = 0;
  let head = '';
  let tail = '';
  let writes = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      largest = Math.max(largest, chunk.length);
      writes++;
      const text = chunk.toString('utf8');
      if (head.length < 200) head += text.slice(0, 200);
      tail = (tail + text).slice(-200);
      callback();
    },
  });
  return { stream, bytes: () => bytes, head: () => head, tail: () => tail, writes: () => writes, largest: () => largest };
}

const concat = (chunks: Iterable<string>): string => {
  let text = '';
  for (const c of chunks) text += c;
  return text;
};

describe('score output written as a stream', { timeout: 60_000 }, () => {
  it('writes JSON byte-identical to JSON.stringify(output, null, 2), report by report', () => {
    expect(concat(jsonChunks(output, () => {}))).toBe(`${JSON.stringify(output, null, 2)}\n`);
    const empty: ScoreOutput = { asOf: demo.asOf, asOfSource: 'input', reports: [], rejected: [] };
    expect(concat(jsonChunks(empty, () => {}))).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });

  it('writes NDJSON: a summary line, one line per report, one per rejected record', () => {
    const lines = concat(ndjsonChunks(output, () => {}))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ recordType: 'summary', asOf: demo.asOf, asOfSource: demo.asOfSource, reports: demo.reports.length, rejected: 1 });
    expect(lines.slice(1, -1)).toEqual(demo.reports.map((r) => ({ recordType: 'report', ...r })));
    expect(lines.at(-1)).toMatchObject({ recordType: 'rejected', recordId: 'e4', line: 9 });
  });

  it('writes a JSON document longer than the longest string V8 can hold, as one valid document', async () => {
    // Beyond 2^29 characters (V8's string limit): one string of it would throw "Invalid string length".
    // Each report carries a 1 MiB id, so the test costs copying, not serialising 10,000 reports.
    // It took 430 s at load average 30 on 2 cores (other jobs plus two busy loops), hence the timeout.
    const pad = 'x'.repeat(2 ** 20);
    const count = 2 ** 29 / 2 ** 20 + 16;
    const reports: Report[] = [];
    for (let i = 0; i < count; i++) reports.push({ ...(demo.reports[i % demo.reports.length] as Report), subjectId: `subject-${i}-${pad}` });
    const sink = countingSink();
    const outcome = await writeOutput(
      { stdin: new PassThrough(), stdout: sink.stream, stderr: new PassThrough(), cwd: dir },
      undefined,
      jsonChunks({ ...output, reports }, () => {}),
    );
    expect(outcome.readerGone).toBe(false);
    expect(sink.bytes()).toBeGreaterThan(2 ** 29);
    expect(sink.head()).toMatch(/^\{\n {2}"asOf": "[^"]+",\n {2}"asOfSource": "[^"]+",\n {2}"reports": \[\n {4}\{\n {6}"subjectId": "subject-0-x/);
    expect(sink.tail()).toMatch(/"line": 9\n {4}\}\n {2}\]\n\}\n$/);
    // One write per report at least, none much larger than a report: memory for one batch, not for the document.
    expect(sink.writes()).toBeGreaterThanOrEqual(count);
    expect(sink.largest()).toBeLessThan(2 ** 20 + 2 ** 17);
  }, 900_000);

  it('replaces a report that cannot be serialised by a stand-in naming the subject, keeps the others, and says so', () => {
    const first = demo.reports[0] as Report;
    const tooLong = {
      ...first,
      subjectId: 'huge',
      toJSON: () => {
        throw new RangeError('Invalid string length');
      },
    } as unknown as Report;
    const unwritable: { subjectId: string; message: string }[] = [];
    const withHuge: ScoreOutput = { ...output, reports: [tooLong, ...demo.reports.slice(1, 3)] };
    const json = JSON.parse(concat(jsonChunks(withHuge, (r) => unwritable.push(r))));
    expect(json.reports).toHaveLength(3);
    expect(json.reports[0]).toEqual({ subjectId: 'huge', score: first.score, band: first.band, outputError: expect.stringContaining('Invalid string length') });
    expect(json.reports[1]).toEqual(JSON.parse(JSON.stringify(demo.reports[1])));
    const lines = concat(ndjsonChunks(withHuge, (r) => unwritable.push(r)))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[1]).toMatchObject({ recordType: 'report', subjectId: 'huge', outputError: expect.stringContaining('Invalid string length') });
    expect(unwritable).toEqual([
      { subjectId: 'huge', message: 'Invalid string length' },
      { subjectId: 'huge', message: 'Invalid string length' },
    ]);
  });

  it('a full disk is a clear message and exit 2, with no stack trace', async () => {
    const full = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      },
    });
    full.on('error', () => {});
    const stderr = new PassThrough();
    const err: Buffer[] = [];
    stderr.on('data', (c: Buffer) => err.push(c));
    const code = await main(['score', demoPathOf(), '--format', 'ndjson'], { stdin: new PassThrough(), stdout: full, stderr, cwd: dir });
    expect(code).toBe(2);
    const text = Buffer.concat(err).toString('utf8');
    expect(text).toContain('redflags: cannot write the output: no space left on the device');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('a reader that goes away (EPIPE) keeps the exit code the run earned and the rejected-records summary', async () => {
    const bad = JSON.stringify({ asOf: demo.asOf, subjects: [{ id: 'a' }, { id: 'b', kind: 'robot' }] });
    const path = join(dir, 'mixed.json');
    writeFileSync(path, bad);
    const closed = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    closed.on('error', () => {});
    const stderr = new PassThrough();
    const err: Buffer[] = [];
    stderr.on('data', (c: Buffer) => err.push(c));
    const code = await main(['score', path], { stdin: new PassThrough(), stdout: closed, stderr, cwd: dir });
    expect(code).toBe(2);
    expect(Buffer.concat(err).toString('utf8')).toContain('1 invalid record was not scored');
  });
});

function demoPathOf(): string {
  return new URL('../../examples/demo/population.json', import.meta.url).pathname;
}

describe('the command lookup', { timeout: 60_000 }, () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('redflags %s is an unknown command, exit 2', async (name) => {
    const result = await run([name]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`unknown command "${name}"`);
  });

  it('help constructor prints the overview, not a property of Object.prototype', async () => {
    const result = await run(['help', 'constructor']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Commands:');
    expect((await run(['help', '__proto__'])).stdout).toContain('Commands:');
  });
});

describe('--out checks before scoring', { timeout: 60_000 }, () => {
  it('refuses --out pointing at the input file, and at a directory', async () => {
    const input = join(dir, 'input.json');
    writeFileSync(input, JSON.stringify({ asOf: demo.asOf, subjects: [{ id: 'a' }] }));
    const same = await run(['score', input, '--out', input], { io: { cwd: dir } });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('is the input file');
    const relative = await run(['score', input, '--out', './input.json'], { io: { cwd: dir } });
    expect(relative.stderr).toContain('is the input file');
    const directory = await run(['score', input, '--out', dir], { io: { cwd: dir } });
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain('is a directory');
  });

  it('--detail-limit takes a whole number', async () => {
    expect((await run(['score', demoPathOf(), '--format', 'html', '--detail-limit', 'many'])).stderr).toContain('--detail-limit "many" must be a whole number');
  });
});

describe('output to a terminal', { timeout: 60_000 }, () => {
  const evil = 'w-\u001b]0;PWNED\u0007\u001b[2J\u202eevil\u2066\u009b\u007f';
  const path = join(dir, 'evil.json');
  writeFileSync(path, JSON.stringify({ asOf: demo.asOf, subjects: [{ id: evil }, { id: 'plain' }] }));

  it.each(['table', 'json', 'ndjson', 'markdown', 'html'])('--format %s carries no control or bidi override character', async (format) => {
    const result = await run(['score', path, '--format', format], { io: { stdoutIsTTY: true, columns: 100 } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  });

  it('JSON on a terminal escapes them as \\uXXXX and stays the same value; off a terminal it is unchanged', async () => {
    const tty = await run(['score', path, '--format', 'json'], { io: { stdoutIsTTY: true } });
    expect(tty.stdout).toContain('\\u202e');
    const pipe = await run(['score', path, '--format', 'json']);
    expect(JSON.parse(tty.stdout)).toEqual(JSON.parse(pipe.stdout));
    expect(pipe.stdout).toContain('\u202e');
  });
});
