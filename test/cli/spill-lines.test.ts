import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScoreOutput } from '../../src/cli/formats';
import { outputChunks, type UnwritableReport } from '../../src/cli/render';
import { readRunLine, reportHead, runLine } from '../../src/cli/runLine';
import { mergeFanIn, ReportSpill, writeSortedRun } from '../../src/cli/spill';
import { compareReports } from '../../src/engine/order';
import type { Report } from '../../src/engine/report';
import { builtinIndicators, createScorer } from '../../src/index';
import { demoIndicators } from '../support/demoIndicators';
import { loadDemo } from '../support/demo';

const dir = mkdtempSync(join(tmpdir(), 'redflags-spill-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scorer = createScorer({ indicators: [...builtinIndicators, ...demoIndicators] });
const batch = scorer.scoreBatch(loadDemo());

/**
 * The demo's reports plus ties: copies with the same score and log-odds whose subject ids hold a
 * tab, quotes, a line separator and non-ASCII text (the tie-break is the id, by code unit), copies
 * with the same score and another log-odds, and one with indicator errors.
 */
function withTies(reports: readonly Report[]): Report[] {
  const out = [...reports];
  reports.slice(0, 12).forEach((report, n) => {
    out.push({ ...report, subjectId: `${report.subjectId}\t"tie"\u2028é${n}` });
    out.push({ ...report, subjectId: `~${n}`, logOdds: report.logOdds - 0.5 });
    out.push({ ...report, subjectId: `${n}`, score: reports[0]?.score ?? 0, logOdds: reports[0]?.logOdds ?? 0 });
  });
  out.push({ ...(reports[3] as Report), subjectId: 'with-errors', errors: [{ indicatorId: 'demo/broken', message: 'failed:\t"x"\n' }] });
  return out;
}

/** A report JSON cannot serialise (a cycle), placed among the others by its keys. */
function cyclic(score: number): Report {
  const report = { ...(batch.reports[0] as Report), subjectId: 'cyclic', score } as Report & { self?: unknown };
  report.self = report;
  return report;
}

/** A spill of `reports` through sorted run files written as the partition threads write them, `per` a run. */
function spilled(reports: readonly Report[], per: number): ReportSpill {
  const spill = new ReportSpill({ tempDir: dir, runSize: per });
  for (let i = 0; i < reports.length; i += per) {
    const path = spill.nextRunPath();
    const part = reports.slice(i, i + per);
    const unserialisable = writeSortedRun(path, part);
    spill.adoptRun(path, part.length - unserialisable.length);
    for (const report of unserialisable) spill.add(report);
  }
  spill.finish();
  return spill;
}

describe('run lines', () => {
  it('hold the order keys, band and first error in a prefix ended by the first tab, and the report JSON as it is', () => {
    const report = withTies(batch.reports).find((r) => r.subjectId === 'with-errors') as Report;
    const tabbed = { ...report, subjectId: 'a\tb' };
    const json = JSON.stringify(tabbed);
    const line = runLine(reportHead(tabbed), json);
    expect(line.indexOf('\t')).toBe(line.length - json.length - 1);
    const entry = readRunLine(line);
    expect(entry.json).toBe(json);
    expect({ ...entry, json: undefined }).toEqual({ ...reportHead(tabbed), json: undefined });
    expect(entry.firstError).toEqual({ indicatorId: 'demo/broken', message: 'failed:\t"x"\n' });
  });

  it.each([1, 3, 40])('order the reports exactly as compareReports does, ties and tie-breaks included, through runs of %i', (per) => {
    const reports = withTies(batch.reports);
    // Another order than the sorted one, so the runs interleave.
    const shuffled = reports.map((r, n) => [(n * 7919) % reports.length, r] as const).sort((a, b) => a[0] - b[0]);
    const spill = spilled(
      shuffled.map(([, r]) => r),
      per,
    );
    const expected = [...reports].sort(compareReports);
    expect([...spill.lines()]).toEqual(expected.map((r) => JSON.stringify(r)));
    expect([...spill.heads()].map((h) => ({ ...h }))).toEqual(expected.map((r) => expect.objectContaining(reportHead(r))));
    expect(spill.reportsParsed).toBe(0);
    expect([...spill].map((r) => JSON.stringify(r))).toEqual(expected.map((r) => JSON.stringify(r)));
    expect(spill.reportsParsed).toBe(reports.length);
    spill.dispose();
  });

  it('merge passes over more runs than the fan-in copy lines without parsing a report', () => {
    const reports = withTies(batch.reports).slice(0, mergeFanIn + 9);
    const spill = spilled(reports, 1);
    expect(spill.runFiles).toBeGreaterThan(mergeFanIn);
    expect([...spill.lines()]).toEqual([...reports].sort(compareReports).map((r) => JSON.stringify(r)));
    expect(spill.reportsParsed).toBe(0);
    const [inner] = readdirSync(dir).filter((name) => name.startsWith('redflags-stream-'));
    for (const name of readdirSync(join(dir, inner as string))) {
      for (const line of readFileSync(join(dir, inner as string, name), 'utf8')
        .trimEnd()
        .split('\n'))
        expect(readRunLine(line).json.startsWith('{"subjectId":')).toBe(true);
    }
    spill.dispose();
  });

  it('keep a report JSON cannot serialise as it is, in its place among the lines and heads', () => {
    const reports = [...batch.reports, cyclic(50)];
    const spill = spilled(reports, 4);
    const sorted = [...reports].sort(compareReports);
    const lines = [...spill.lines()];
    const at = sorted.findIndex((r) => r.subjectId === 'cyclic');
    expect(lines[at]).toBe(reports[reports.length - 1]);
    expect(lines.filter((l) => typeof l !== 'string')).toHaveLength(1);
    expect([...spill.heads()].map((h) => h.subjectId)).toEqual(sorted.map((r) => r.subjectId));
    spill.dispose();
  });
});

describe('output from spilled lines', () => {
  const reports = [...withTies(batch.reports), cyclic(batch.reports[5]?.score ?? 0)];
  const inMemory: ScoreOutput = { asOf: batch.asOf, asOfSource: batch.asOfSource, reports: [...reports].sort(compareReports), rejected: [] };
  const cases: [string, Parameters<typeof outputChunks>[1], boolean][] = [
    ['ndjson', 'ndjson', false],
    ['ndjson --compact', 'ndjson', true],
    ['json', 'json', false],
    ['json --compact', 'json', true],
    ['markdown', 'markdown', false],
    ['html', 'html', false],
    ['table', 'table', false],
  ];
  it.each(cases)('is byte-identical to the in-memory output in %s, stand-in for the unserialisable report included', (_, format, compact) => {
    const spill = spilled(reports, 7);
    const render = (output: ScoreOutput): { text: string; unwritable: UnwritableReport[] } => {
      const unwritable: UnwritableReport[] = [];
      const options = { view: 'investigator' as const, detail: 'all' as const, bands: scorer.bands, onUnwritable: (u: UnwritableReport) => unwritable.push(u) };
      const text = [...outputChunks(output, format, compact ? { ...options, catalogue: scorer.catalogue } : options)].join('');
      return { text, unwritable };
    };
    const expected = render(inMemory);
    const actual = render({ ...inMemory, reports: spill });
    expect(actual.text).toBe(expected.text);
    expect(actual.unwritable).toEqual(expected.unwritable);
    expect(expected.text.length).toBeGreaterThan(1000);
    // NDJSON without --compact writes the spilled JSON as it is: no report parsed back.
    if (format === 'ndjson' && !compact) expect(spill.reportsParsed).toBe(0);
    else {
      // Formats that need objects parse every serialisable report once per pass over them.
      expect(spill.reportsParsed).toBeGreaterThan(0);
      expect(spill.reportsParsed % (reports.length - 1)).toBe(0);
    }
    spill.dispose();
  });
});
