import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Comments give the reason or the units; an issue number says neither and goes stale when the
// tracker moves. This scan keeps them out of src/.
const src = fileURLToPath(new URL('../../src/', import.meta.url));

/** A comment line that cites an issue: "Issue #4", "issue 12", "(#3)". */
const citesIssue = /(?:\/\/|^\s*\*|\/\*).*(?:\bissues? #?\d+\b|\(#\d+\))/i;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('comments in src/', () => {
  it('cite no issue numbers', () => {
    const found: string[] = [];
    for (const file of files(src)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (citesIssue.test(line)) found.push(`${relative(src, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('sees one when there is one (the scan can fail)', () => {
    expect(citesIssue.test('  // Issue #4. Where the person signs in from.')).toBe(true);
    expect(citesIssue.test(' * Candidate record (#3).')).toBe(true);
    expect(citesIssue.test('  const issues = [] as Issue[]; // engine issues')).toBe(false);
    expect(citesIssue.test('"123 N Main St #4"')).toBe(false);
  });
});
