import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countOf } from '../../src/text/plural';
import { run } from '../cli/run';

const src = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('countOf', () => {
  it('agrees the noun with the count', () => {
    expect(countOf(0, 'subject')).toBe('0 subjects');
    expect(countOf(1, 'subject')).toBe('1 subject');
    expect(countOf(2, 'watchlist')).toBe('2 watchlists');
    expect(countOf(1, 'entry', 'entries')).toBe('1 entry');
    expect(countOf(3, 'entry', 'entries')).toBe('3 entries');
  });

  it('is the one place the sources pluralise a noun by count', () => {
    const local = sources(src).filter((file) => /=== 1 \? '' : 's'/.test(readFileSync(file, 'utf8')));
    expect(local).toEqual([]);
  });

  it('gives "1 subject" and "1 watchlist" in the command line', async () => {
    const doc = {
      asOf: '2025-06-01T00:00:00Z',
      subjects: [{ id: 'cand-1' }],
      watchlists: [{ name: 'internal', kind: 'internal', entries: [{ id: 'w1', type: 'email', value: 'x@example.com' }] }],
    };
    const validated = await run(['validate', '-'], { stdin: JSON.stringify(doc) });
    expect(validated.stdout).toContain('ok: 1 subject, 0 events and 1 watchlist are valid.');
    const scored = await run(['score', '-', '--format', 'table'], { stdin: JSON.stringify(doc) });
    expect(scored.stdout).toContain('redflags: 1 subject scored as of');
    const html = await run(['score', '-', '--format', 'html'], { stdin: JSON.stringify(doc) });
    expect(html.stdout).toContain('1 subject scored as of');
    expect(html.stdout).not.toMatch(/\b1 (subjects|watchlists|events)\b/);
  });
});
