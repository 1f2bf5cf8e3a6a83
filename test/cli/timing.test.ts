import { describe, expect, it } from 'vitest';
import { builtinIndicators } from '../../src/index';
import { demoPath } from '../support/demo';
import { run } from './run';

describe('score --timing', () => {
  it('prints a per-indicator table to standard error and leaves standard output unchanged', async () => {
    let ticks = 0;
    const clock = (): number => ticks++;
    const plain = await run(['score', demoPath, '--format', 'json']);
    const timed = await run(['score', demoPath, '--format', 'json', '--timing'], { io: { clock } });
    expect(timed.code).toBe(plain.code);
    expect(timed.stdout).toBe(plain.stdout);
    const table = timed.stderr.slice(timed.stderr.indexOf('Indicator')).trim().split('\n');
    expect(table[0]).toMatch(/^Indicator\s+\| Total ms \| % of total \| Calls$/);
    // A header, a rule, and one row per built-in (each called once per subject at least).
    expect(table).toHaveLength(2 + builtinIndicators.length);
    const subjects = (JSON.parse(plain.stdout) as { reports: unknown[] }).reports.length;
    for (const row of table.slice(2)) {
      const [, ms, , calls] = row.split('|').map((c) => c.trim());
      // The fake clock moves one tick per reading: each call is one "millisecond".
      expect(Number(ms)).toBe(Number(calls));
      expect(Number(calls)).toBeGreaterThanOrEqual(subjects);
    }
    // Nothing but the timed calls read the clock.
    expect(ticks).toBe(2 * table.slice(2).reduce((n, row) => n + Number(row.split('|')[3]), 0));
  }, 120_000);

  it('is refused with --workers, which time nothing in this thread', async () => {
    const { code, stderr } = await run(['score', demoPath, '--timing', '--workers', '2']);
    expect(code).toBe(2);
    expect(stderr).toContain('--timing');
  });
});
