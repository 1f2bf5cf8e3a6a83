import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BufferedFiles } from '../../src/cli/bufferedFiles';
import { rangeLines } from '../../src/cli/splitRange';

let temp: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'redflags-buffered-'));
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

/** Open file descriptors of this process (Linux). */
const openFds = (): number => readdirSync('/proc/self/fd').length;

describe('BufferedFiles', () => {
  it.skipIf(!existsSync('/proc/self/fd'))('holds no file open between writes, however many files it writes', () => {
    const paths = Array.from({ length: 300 }, (_, n) => join(temp, `f${n}.txt`));
    const before = openFds();
    const files = new BufferedFiles(paths, (error) => error as Error);
    // A line long enough to flush at once, then short ones left in the buffers.
    files.append(7, `${'x'.repeat(300 * 1024)}\n`);
    paths.forEach((_, n) => files.append(n, `line ${n}\n`));
    expect(openFds()).toBeLessThan(before + 10);
    files.close();
    expect(readFileSync(paths[7] as string, 'utf8')).toBe(`${'x'.repeat(300 * 1024)}\nline 7\n`);
    expect(readFileSync(paths[299] as string, 'utf8')).toBe('line 299\n');
  });

  it('refuses a file that exists, through onError', () => {
    const path = join(temp, 'f.txt');
    new BufferedFiles([path], (error) => error as Error).close();
    expect(() => new BufferedFiles([path], () => new Error('exists'))).toThrow('exists');
  });
});

describe('rangeLines', () => {
  it('splits lines longer than a read, with breaks on either side of a read boundary', () => {
    const long = 'y'.repeat(3 * 1024 * 1024 + 5);
    const path = join(temp, 'lines.txt');
    writeFileSync(path, `a\r\n${long}\r\n${long}\rb\n\nc`);
    const size = statSync(path).size;
    expect([...rangeLines(path, 0, size)]).toEqual(['a', long, long, 'b', '', 'c']);
    // A range cut just before a `\n` of a `\r\n` pair at a read boundary.
    const text = `${'z'.repeat(1024 * 1024 - 1)}\r\nnext\n`;
    writeFileSync(path, text);
    expect([...rangeLines(path, 0, text.length)]).toEqual(['z'.repeat(1024 * 1024 - 1), 'next']);
  });

  it('keeps a line of many reads whole, with multi-byte characters cut by the read boundaries', () => {
    // 3-byte characters: 1 MiB reads end inside one of them; a lone \r and a \r\n each sit at a boundary.
    const wide = '€'.repeat(1024 * 1024 + 1);
    const path = join(temp, 'wide.txt');
    writeFileSync(path, `${wide}\r${wide}\r\n${'x'.repeat(3 * 1024 * 1024 - 1)}\r\nlast`);
    const lines = [...rangeLines(path, 0, statSync(path).size)];
    expect(lines.map((l) => l.length)).toEqual([wide.length, wide.length, 3 * 1024 * 1024 - 1, 4]);
    expect(lines[0] === wide && lines[1] === wide && lines[3] === 'last').toBe(true);
  });
});
