import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareReports, compareText } from '../../src/engine/order';
import type { Report } from '../../src/index';

const srcDir = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('every ordering is total', () => {
  it('compareText is 0 for equal strings, and antisymmetric', () => {
    expect(compareText('a', 'a')).toBe(0);
    expect(compareText('a', 'b')).toBe(-1);
    expect(compareText('b', 'a')).toBe(1);
    expect(compareText('Z', 'a')).toBe(-1);
  });

  it('no comparator in src answers only -1 or 1 (it would never say "equal", so equal keys would sort by input order)', () => {
    const partial = /\?\s*-1\s*:\s*1\b(?!\s*:)|\?\s*1\s*:\s*-1\b(?!\s*:)/;
    const offenders = sourceFiles(srcDir).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .map((line, index) => ({ path, line: index + 1, text: line }))
        .filter((l) => partial.test(l.text) && /sort|compare|=>/.test(l.text)),
    );
    expect(offenders).toEqual([]);
  });

  it('string comparison has one owner', () => {
    const local = /function \w+\(a: string, b: string\): number \{\s*return a < b/;
    const owners = sourceFiles(srcDir).filter((path) => local.test(readFileSync(path, 'utf8')));
    expect(owners.map((p) => p.slice(srcDir.length + 1)).sort()).toEqual(['engine/order.ts']);
  });

  it('orders reports by score, log-odds, then subject id, and says 0 only for the same subject', () => {
    const r = (subjectId: string, score: number, logOdds: number) => ({ subjectId, score, logOdds }) as Report;
    const sorted = [r('b', 1, 1), r('a', 1, 1), r('c', 2, 0), r('d', 1, 2)].sort(compareReports).map((x) => x.subjectId);
    expect(sorted).toEqual(['c', 'd', 'a', 'b']);
    expect(compareReports(r('a', 1, 1), r('a', 1, 1))).toBe(0);
  });
});
