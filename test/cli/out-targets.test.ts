import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough, Writable } from 'node:stream';
import { main } from '../../src/cli/main';
import { run } from './run';

const fixtures = fileURLToPath(new URL('../connectors/fixtures/', import.meta.url));
const demoPath = fileURLToPath(new URL('../../examples/demo/population.json', import.meta.url));
const asOf = '2025-06-01T00:00:00Z';

/** A fresh directory holding a copy of the ATS fixture, an input document, a config and an outcomes file. */
function workspace(): { dir: string; read: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'redflags-out-targets-'));
  copyFileSync(join(fixtures, 'ats.csv'), join(dir, 'ats.csv'));
  writeFileSync(join(dir, 'input.json'), JSON.stringify({ asOf, subjects: [{ id: 'a' }, { id: 'b' }] }));
  writeFileSync(join(dir, 'config.json'), '{}\n');
  writeFileSync(join(dir, 'groups.json'), '{}\n');
  writeFileSync(join(dir, 'key.txt'), 'a pseudonym key of thirty-two characters or more\n');
  writeFileSync(
    join(dir, 'outcomes.ndjson'),
    `${JSON.stringify({ recordType: 'outcome', subjectId: 'a', decidedAt: asOf, outcome: 'cleared', decidedBy: 'r' })}\n`,
  );
  return { dir, read: (name) => readFileSync(join(dir, name), 'utf8') };
}

describe('--out never overwrites a file the command reads', { timeout: 120_000 }, () => {
  it('import refuses --out naming its input file, and leaves the file as it was', async () => {
    const { dir, read } = workspace();
    const before = read('ats.csv');
    const result = await run(['import', 'csv', 'ats.csv', '--mapping', 'ats', '--out', 'ats.csv'], { io: { cwd: dir } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is the input file');
    expect(read('ats.csv')).toBe(before);
  });

  it('import refuses --out naming its mapping file, and --report naming its input or --out', async () => {
    const { dir, read } = workspace();
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ title: 'B', source: 'b', recordType: 'subject', id: { column: 'Email' }, columns: {} }));
    const mapping = await run(['import', 'csv', 'ats.csv', '--mapping', 'm.json', '--out', 'm.json'], { io: { cwd: dir } });
    expect([mapping.code, mapping.stderr]).toEqual([2, expect.stringContaining('a file this command reads')]);
    const report = await run(['import', 'csv', 'ats.csv', '--mapping', 'ats', '--report', 'ats.csv'], { io: { cwd: dir } });
    expect([report.code, report.stderr]).toEqual([2, expect.stringContaining('is the input file')]);
    const both = await run(['import', 'csv', 'ats.csv', '--mapping', 'ats', '--out', 'r.ndjson', '--report', './r.ndjson'], { io: { cwd: dir } });
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('--report and --out are both')]);
    expect(read('ats.csv')).toContain(',');
  });

  it('import writes --out through a temporary file: the records land whole and no temporary file is left', async () => {
    const { dir, read } = workspace();
    writeFileSync(join(dir, 'records.ndjson'), 'previous\n');
    const result = await run(['import', 'csv', 'ats.csv', '--mapping', 'ats', '--out', 'records.ndjson', '--quiet'], { io: { cwd: dir } });
    expect(result.code).toBe(0);
    const records = read('records.ndjson').trim().split('\n');
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((line) => (JSON.parse(line) as { recordType?: string }).recordType === 'subject')).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.redflags-tmp'))).toEqual([]);
  });

  it('score, backtest, calibrate, timeline and audit refuse --out naming their outcomes, config or groups file', async () => {
    const { dir, read } = workspace();
    const cases: string[][] = [
      ['backtest', 'input.json', '--outcomes', 'outcomes.ndjson', '--out', 'outcomes.ndjson'],
      ['backtest', 'input.json', '--outcomes', 'outcomes.ndjson', '--config', 'config.json', '--out', 'config.json'],
      ['calibrate', 'input.json', '--outcomes', 'outcomes.ndjson', '--out', './outcomes.ndjson'],
      ['calibrate', 'input.json', '--outcomes', 'outcomes.ndjson', '--config', 'config.json', '--out', 'config.json'],
      ['timeline', 'input.json', '--from', '2025-01-01T00:00:00Z', '--to', asOf, '--config', 'config.json', '--out', 'config.json'],
      ['score', 'input.json', '--config', 'config.json', '--out', 'config.json'],
      ['score', 'input.json', '--redact', '--pseudonym-key-file', 'key.txt', '--out', './key.txt'],
    ];
    for (const argv of cases) {
      const result = await run(argv, { io: { cwd: dir } });
      expect([result.code, result.stderr], argv.join(' ')).toEqual([2, expect.stringContaining('a file this command reads')]);
    }
    const scores = await run(['score', 'input.json', '--format', 'json', '--out', 'scores.json'], { io: { cwd: dir } });
    expect(scores.code).toBe(0);
    const audit = await run(['audit', 'scores.json', '--groups', 'groups.json', '--out', 'groups.json'], { io: { cwd: dir } });
    expect([audit.code, audit.stderr]).toEqual([2, expect.stringContaining('a file this command reads')]);
    expect([read('outcomes.ndjson').startsWith('{"recordType":"outcome"'), read('config.json'), read('groups.json'), read('key.txt')]).toEqual([
      true,
      '{}\n',
      '{}\n',
      'a pseudonym key of thirty-two characters or more\n',
    ]);
  });
});

describe('import: lookups and write errors', { timeout: 60_000 }, () => {
  it.each(['constructor', '__proto__', 'toString'])('import %s is an unknown source, not a property of Object.prototype', async (name) => {
    const result = await run(['import', name, join(fixtures, 'ats.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`unknown source "${name}"`);
    expect(result.stderr).not.toContain('unexpected error');
  });

  it.each(['constructor', '__proto__', 'hasOwnProperty'])('--mapping %s is looked up as a file, not found on Object.prototype', async (name) => {
    const result = await run(['import', 'csv', join(fixtures, 'ats.csv'), '--mapping', name]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot read the mapping ${name}`);
  });

  it('a full disk on standard output is a clear message and exit 2, without a stack trace', async () => {
    const full = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      },
    });
    full.on('error', () => {});
    const stderr = new PassThrough();
    const err: Buffer[] = [];
    stderr.on('data', (c: Buffer) => err.push(c));
    const code = await main(['import', 'csv', join(fixtures, 'ats.csv'), '--mapping', 'ats'], {
      stdin: new PassThrough(),
      stdout: full,
      stderr,
      cwd: process.cwd(),
    });
    const text = Buffer.concat(err).toString('utf8');
    expect(code).toBe(2);
    expect(text).toContain('cannot write the output: no space left on the device');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('score still refuses --out naming its input (unchanged)', async () => {
    const { dir } = workspace();
    copyFileSync(demoPath, join(dir, 'demo.json'));
    const result = await run(['score', 'demo.json', '--out', 'demo.json'], { io: { cwd: dir } });
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('is the input file')]);
  });
});

describe('import output on a terminal', { timeout: 60_000 }, () => {
  const evil = '\u001b]0;PWNED\u0007\u001b[2J\u202eevil\u009b31m';
  const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('the mapping report on standard error carries no control or bidi characters from the data, whatever the column or value', async () => {
    const csv = `Candidate ID,Email,Desired Salary,Odd${evil}\nc1,a@x.example,lots${evil},1\n`;
    const result = await run(['import', 'csv', '--mapping', 'ats', '-'], { stdin: csv });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Desired Salary');
    expect(result.stderr).not.toMatch(unsafe);
  });

  it('records written to a terminal escape them as \\uXXXX (the same JSON values); to a pipe they are unchanged', async () => {
    const csv = `Candidate ID,Email\nc1${evil},a@x.example\n`;
    const tty = await run(['import', 'csv', '--mapping', 'ats', '-'], { stdin: csv, io: { stdoutIsTTY: true } });
    expect(tty.stdout).not.toMatch(unsafe);
    const pipe = await run(['import', 'csv', '--mapping', 'ats', '-'], { stdin: csv });
    expect(pipe.stdout).toMatch(/\u202e/);
    const values = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown);
    expect(values(tty.stdout)).toEqual(values(pipe.stdout));
  });
});

describe('backtest, calibrate and audit output on a terminal', { timeout: 120_000 }, () => {
  const evil = '\u001b]0;PWNED\u0007\u001b[2J\u202eevil\u009b31m';
  const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('carries no control or bidi characters from the data to a terminal, in markdown, text or JSON; JSON keeps its values', async () => {
    const { dir } = workspace();
    const input = { asOf, subjects: [{ id: `a${evil}` }, { id: 'b' }] };
    writeFileSync(join(dir, 'evil.json'), JSON.stringify(input));
    const outcomes = [
      { recordType: 'outcome', subjectId: `a${evil}`, decidedAt: asOf, outcome: 'confirmed-fraud', decidedBy: 'r' },
      { recordType: 'outcome', subjectId: 'b', decidedAt: asOf, outcome: 'cleared', decidedBy: 'r', caseId: evil },
    ];
    writeFileSync(join(dir, 'evil-outcomes.ndjson'), `${outcomes.map((o) => JSON.stringify(o)).join('\n')}\n`);
    writeFileSync(join(dir, 'evil-groups.json'), JSON.stringify({ [`a${evil}`]: { [`group${evil}`]: `x${evil}` }, b: { [`group${evil}`]: 'y' } }));
    const scores = await run(['score', 'evil.json', '--format', 'json', '--out', 'scores.json'], { io: { cwd: dir } });
    expect(scores.code).toBe(0);
    const cases: string[][] = [
      ['audit', 'scores.json', '--groups', 'evil-groups.json'],
      ['audit', 'scores.json', '--groups', 'evil-groups.json', '--format', 'json'],
      ['backtest', 'evil.json', '--outcomes', 'evil-outcomes.ndjson', '--format', 'json'],
      ['backtest', 'evil.json', '--outcomes', 'evil-outcomes.ndjson', '--format', 'text'],
      ['calibrate', 'evil.json', '--outcomes', 'evil-outcomes.ndjson', '--json'],
    ];
    for (const argv of cases) {
      const tty = await run(argv, { io: { cwd: dir, stdoutIsTTY: true } });
      expect(tty.stdout.length, argv.join(' ')).toBeGreaterThan(0);
      expect(tty.stdout, argv.join(' ')).not.toMatch(unsafe);
      if (argv.includes('json') || argv.includes('--json')) {
        const pipe = await run(argv, { io: { cwd: dir } });
        expect(JSON.parse(tty.stdout), argv.join(' ')).toEqual(JSON.parse(pipe.stdout));
      }
    }
  });
});
