import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findingKeyOf, type Report } from '../../src/index';
import { demoPath } from '../support/demo';
import { run } from './run';
import { populationIndicatorIds } from '../support/population';

const dir = mkdtempSync(join(tmpdir(), 'redflags-stream-suppressions-'));
const file = (name: string, lines: readonly string[]): string => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

const demo = JSON.parse(readFileSync(demoPath, 'utf8')) as {
  subjects: { id: string }[];
  events: { subjectId: string }[];
  watchlists: unknown[];
  reference: Record<string, unknown>;
};
const asOf = '2025-06-01T00:00:00Z';
const noPopulation = join(dir, 'no-population.json');
writeFileSync(noPopulation, JSON.stringify({ indicators: Object.fromEntries(populationIndicatorIds.map((id) => [id, false])) }));
const common = ['--as-of', asOf, '--config', noPopulation];

const header = [
  ...demo.watchlists.map((w) => JSON.stringify({ recordType: 'watchlist', ...(w as object) })),
  JSON.stringify({ recordType: 'reference', ...demo.reference }),
];
const subjectLine = (id: string): string => JSON.stringify({ recordType: 'subject', ...demo.subjects.find((s) => s.id === id) });
const eventLines = (id: string): string[] => demo.events.filter((e) => e.subjectId === id).map((e) => JSON.stringify({ recordType: 'event', ...e }));
const base = { reason: 'Checked with the manager.', approvedBy: 'reviewer-7', caseId: 'CASE-1' };
const suppressionLine = (fields: Record<string, unknown>): string => JSON.stringify({ recordType: 'suppression', ...base, ...fields });

describe('redflags score --stream applies suppressions as a whole-input run does', () => {
  let flagged: Report[] = [];
  let others: string[] = [];

  beforeAll(async () => {
    const plain = await run([
      'score',
      file('plain.ndjson', [...header, ...demo.subjects.flatMap((s) => [subjectLine(s.id), ...eventLines(s.id)])]),
      ...common,
      '--format',
      'json',
    ]);
    const reports = JSON.parse(plain.stdout).reports as Report[];
    flagged = reports.filter((r) => r.findings.some((f) => f.kind === 'risk')).slice(0, 4);
    others = reports.filter((r) => !flagged.includes(r)).map((r) => r.subjectId);
  }, 120_000);

  it('gives the same bytes for active, expired, pending, not-matching, invalid, repeated and orphan suppressions', async () => {
    expect(flagged).toHaveLength(4);
    const [a, b, c, d] = flagged as [Report, Report, Report, Report];
    const riskOf = (r: Report) => r.findings.find((f) => f.kind === 'risk') as Report['findings'][number];
    const fa = riskOf(a);
    const grouped: Record<string, string[]> = {
      // Active and bound to the finding's key: it comes out of the score. Placed between the subject's events.
      [a.subjectId]: [
        suppressionLine({
          id: 'sup-active',
          subjectId: a.subjectId,
          indicatorId: fa.indicatorId,
          findingKey: findingKeyOf(fa),
          from: '2025-05-30T00:00:00Z',
          until: '2026-01-01T00:00:00Z',
        }),
      ],
      [b.subjectId]: [
        suppressionLine({
          id: 'sup-expired',
          subjectId: b.subjectId,
          indicatorId: riskOf(b).indicatorId,
          from: '2025-01-01T00:00:00Z',
          until: '2025-05-01T00:00:00Z',
        }),
      ],
      [c.subjectId]: [
        suppressionLine({
          id: 'sup-pending',
          subjectId: c.subjectId,
          indicatorId: riskOf(c).indicatorId,
          from: '2025-07-01T00:00:00Z',
          until: '2025-09-01T00:00:00Z',
        }),
        // Repeated inside one group: both copies are rejected, as in a whole-input run.
        suppressionLine({
          id: 'sup-twice',
          subjectId: c.subjectId,
          indicatorId: riskOf(c).indicatorId,
          from: '2025-05-01T00:00:00Z',
          until: '2025-09-01T00:00:00Z',
        }),
        suppressionLine({
          id: 'sup-twice',
          subjectId: c.subjectId,
          indicatorId: riskOf(c).indicatorId,
          from: '2025-05-01T00:00:00Z',
          until: '2025-09-01T00:00:00Z',
        }),
      ],
      [d.subjectId]: [
        // Active, but the key is of other evidence: nothing is taken out.
        suppressionLine({
          id: 'sup-other',
          subjectId: d.subjectId,
          indicatorId: riskOf(d).indicatorId,
          findingKey: `${riskOf(d).indicatorId}#0000000000000000`,
          from: '2025-05-01T00:00:00Z',
          until: '2026-01-01T00:00:00Z',
        }),
        suppressionLine({
          id: 'sup-invalid',
          subjectId: d.subjectId,
          indicatorId: riskOf(d).indicatorId,
          from: '2025-05-01T00:00:00Z',
          until: '2025-04-01T00:00:00Z',
        }),
      ],
    };
    const lines = [...header];
    for (const s of demo.subjects) {
      const events = eventLines(s.id);
      const own = grouped[s.id] ?? [];
      lines.push(subjectLine(s.id), ...events.slice(0, 1), ...own, ...events.slice(1));
    }
    // A suppression of a subject that never appears: rejected with its line, not a grouping error.
    lines.push(
      suppressionLine({ id: 'sup-ghost', subjectId: 'ghost', indicatorId: fa.indicatorId, from: '2025-05-01T00:00:00Z', until: '2026-01-01T00:00:00Z' }),
    );
    const path = file('suppressed.ndjson', lines);

    for (const format of ['json', 'markdown', 'html']) {
      const whole = await run(['score', path, ...common, '--format', format]);
      const streamed = await run(['score', path, ...common, '--format', format, '--stream']);
      expect(streamed.code).toBe(whole.code);
      expect(streamed.stdout).toBe(whole.stdout);
      expect(streamed.stderr).toBe(whole.stderr);
    }
    const out = JSON.parse((await run(['score', path, ...common, '--format', 'json', '--stream'])).stdout);
    const report = (id: string) => out.reports.find((r: Report) => r.subjectId === id) as Report;
    expect(report(a.subjectId).suppressed?.map((f) => f.suppressionId)).toEqual(['sup-active']);
    expect(report(a.subjectId).logOdds).toBeLessThan(a.logOdds);
    expect(report(b.subjectId).suppressions?.map((s) => s.status)).toEqual(['expired']);
    expect(report(c.subjectId).suppressions?.map((s) => s.status)).toEqual(['pending']);
    expect(report(d.subjectId).suppressions).toEqual([expect.objectContaining({ status: 'active', findings: 0 })]);
    expect(report(d.subjectId).logOdds).toBe(d.logOdds);
    expect(report(others[0] as string)).not.toHaveProperty('suppressions');
    expect(out.rejected.map((r: { recordId: string }) => r.recordId)).toEqual(['sup-twice', 'sup-twice', 'sup-invalid', 'sup-ghost']);
  }, 120_000);

  it("refuses a suppression outside its subject's group, naming the line", async () => {
    const [a, b] = demo.subjects as [{ id: string }, { id: string }];
    const sup = (id: string, subjectId: string) =>
      suppressionLine({ id, subjectId, indicatorId: 'network/multi-country-logins', from: '2025-05-01T00:00:00Z', until: '2026-01-01T00:00:00Z' });
    const cases: [string, string[], string][] = [
      ['before its subject', [...header, sup('s1', b.id), subjectLine(a.id), subjectLine(b.id)], `is subject "${b.id}", but suppressions of it came earlier`],
      [
        'after another subject',
        [...header, subjectLine(a.id), subjectLine(b.id), sup('s1', a.id)],
        `holds a suppression of subject "${a.id}" outside that subject's group`,
      ],
      [
        'repeated across groups',
        [...header, subjectLine(a.id), sup('s1', a.id), subjectLine(b.id), sup('s1', b.id)],
        'repeats suppression "s1" of an earlier group',
      ],
    ];
    for (const [name, lines, message] of cases) {
      const result = await run(['score', file(`${name}.ndjson`, lines), ...common, '--stream']);
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toContain(message);
      expect(result.stderr, name).toContain('each subject line followed by its events and suppressions');
    }
  }, 120_000);
});
