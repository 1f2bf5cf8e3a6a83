import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeFanIn, ReportSpill } from '../../src/cli/spill';
import { compareReports } from '../../src/engine/order';
import type { Report } from '../../src/engine/report';
import { demoPath } from '../support/demo';
import { run } from './run';
import { populationIndicatorIds } from '../support/population';

const dir = mkdtempSync(join(tmpdir(), 'redflags-spill-test-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const demo = JSON.parse(readFileSync(demoPath, 'utf8')) as {
  subjects: { id: string }[];
  events: { subjectId: string }[];
  watchlists: unknown[];
  reference: Record<string, unknown>;
};
const asOf = '2025-06-01T00:00:00Z';

/** NDJSON grouped by subject, the subjects in the given order. */
function grouped(subjects: readonly { id: string }[]): string {
  const lines = [
    ...demo.watchlists.map((w) => JSON.stringify({ recordType: 'watchlist', ...(w as object) })),
    JSON.stringify({ recordType: 'reference', ...demo.reference }),
    ...subjects.flatMap((s) => [
      JSON.stringify({ recordType: 'subject', ...s }),
      ...demo.events.filter((e) => e.subjectId === s.id).map((e) => JSON.stringify({ recordType: 'event', ...e })),
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

/** A fixed shuffle (every 7th subject, wrapping), so the stream sees subjects in another order than the whole-input run. */
function shuffled<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (let start = 0; start < 7; start++) for (let i = start; i < items.length; i += 7) out.push(items[i] as T);
  return out.reverse();
}

// --stream refuses population-level indicators; they are disabled for both runs.
const noPopulation = file('no-population.json', JSON.stringify({ indicators: Object.fromEntries(populationIndicatorIds.map((id) => [id, false])) }));
const inOrder = file('in-order.ndjson', grouped(demo.subjects));
const reordered = file('shuffled.ndjson', grouped(shuffled(demo.subjects)));

describe('redflags score --stream spills sorted runs to temporary files and merges them', () => {
  const cases: [string, string[]][] = [
    ['json', ['--format', 'json']],
    ['ndjson', ['--format', 'ndjson']],
    ['ndjson, compact, --fail-on', ['--format', 'ndjson', '--compact', '--fail-on', 'elevated']],
    ['markdown', ['--format', 'markdown']],
    ['markdown, flagged, 3 packets', ['--format', 'markdown', '--detail', 'flagged', '--detail-limit', '3']],
    ['html', ['--format', 'html']],
    ['html, 5 sections', ['--format', 'html', '--detail-limit', '5']],
    ['table', ['--format', 'table']],
  ];
  it.each(cases)(
    'gives byte-identical %s to a whole-input run, from another record order, through several runs',
    async (_, format) => {
      const temp = mkdtempSync(join(dir, 'temp-'));
      const whole = await run(['score', inOrder, '--as-of', asOf, '--config', noPopulation, ...format]);
      const streamed = await run(['score', reordered, '--as-of', asOf, '--config', noPopulation, ...format, '--stream', '--run-size', '3', '--temp-dir', temp]);
      expect(streamed.stderr).toBe(whole.stderr);
      expect(streamed.code).toBe(whole.code);
      expect(streamed.stdout).toBe(whole.stdout);
      expect(streamed.stdout.length).toBeGreaterThan(1000);
      // Nothing left behind.
      expect(readdirSync(temp)).toEqual([]);
    },
    120_000,
  );

  it('removes its temporary files when the run fails half-way', async () => {
    const temp = mkdtempSync(join(dir, 'temp-'));
    // Subject 0 again after others: not grouped, refused once several runs are on disk.
    const lines = grouped([...demo.subjects.slice(0, 10), demo.subjects[0] as { id: string }]);
    const path = file('regrouped.ndjson', lines);
    const result = await run(['score', path, '--as-of', asOf, '--config', noPopulation, '--format', 'json', '--stream', '--run-size', '2', '--temp-dir', temp]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('repeats subject');
    expect(readdirSync(temp)).toEqual([]);
  }, 120_000);

  it('refuses --temp-dir and --run-size in an in-memory run, and a run size that is not a whole number', async () => {
    const noStream = await run(['score', inOrder, '--as-of', asOf, '--in-memory', '--run-size', '10']);
    expect(noStream.code).toBe(2);
    expect(noStream.stderr).toContain('apply to --stream and the partitioned mode only');
    const bad = await run(['score', inOrder, '--as-of', asOf, '--config', noPopulation, '--stream', '--run-size', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--run-size "0"');
    const missing = await run(['score', inOrder, '--as-of', asOf, '--config', noPopulation, '--stream', '--temp-dir', join(dir, 'no-such-dir')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('pass --temp-dir with a writable directory');
  });
});

/** A stand-in report: only the fields the order and the spill read, plus a payload with non-ASCII text. */
function fakeReport(n: number): Report {
  return {
    subjectId: `s${(n * 7919) % 1000}`,
    score: (n * 37) % 11,
    logOdds: ((n * 13) % 5) - 2,
    band: 'low',
    errors: [],
    note: `é€😀 ${n}`,
  } as unknown as Report;
}

describe('ReportSpill', () => {
  it('gives the reports in batch order, as often as read, through merge passes when the runs exceed the fan-in', () => {
    const temp = mkdtempSync(join(dir, 'unit-'));
    const spill = new ReportSpill({ tempDir: temp, runSize: 1 });
    const reports = Array.from({ length: mergeFanIn * 2 + 5 }, (_, n) => fakeReport(n));
    for (const report of reports) spill.add(report);
    expect(spill.runFiles).toBe(reports.length);
    spill.finish();
    const expected = [...reports].sort(compareReports).map((r) => JSON.stringify(r));
    expect([...spill].map((r) => JSON.stringify(r))).toEqual(expected);
    expect([...spill].map((r) => JSON.stringify(r))).toEqual(expected);
    expect(spill.length).toBe(reports.length);
    // Merge passes wrote intermediate runs and removed the merged ones: at most the fan-in remain.
    const [inner] = readdirSync(temp);
    expect(readdirSync(join(temp, inner as string)).length).toBeLessThanOrEqual(mergeFanIn);
    spill.dispose();
    expect(readdirSync(temp)).toEqual([]);
  });

  it('closes its files when a reader stops early, and keeps a report JSON cannot serialise in memory', () => {
    const temp = mkdtempSync(join(dir, 'unit-'));
    const spill = new ReportSpill({ tempDir: temp, runSize: 2 });
    for (let n = 0; n < 9; n++) spill.add(fakeReport(n));
    const cyclic = { subjectId: 'cyclic', score: 100, logOdds: 9, band: 'critical', errors: [] } as unknown as Report & { self?: unknown };
    cyclic.self = cyclic;
    spill.add(cyclic);
    for (const report of spill) {
      expect(report).toBe(cyclic);
      break;
    }
    expect([...spill]).toHaveLength(10);
    spill.dispose();
    spill.dispose();
    expect(readdirSync(temp)).toEqual([]);
  });
});
