import { expandReport, type Report, type ReportCatalogue } from '../../src/index';
import type { CompactReport } from '../../src/engine/compact';
import { run } from './run';

const demoPath = new URL('../../examples/demo/population.json', import.meta.url).pathname;
const demoPathOf = (): string => demoPath;

// `--compact` writes the catalogue once and compact reports; expanded, they are the reports the
// plain output writes, byte for byte.

describe('redflags score --compact', () => {
  it('json: one catalogue, compact reports that expand to the full ones', { timeout: 120_000 }, async () => {
    const full = await run(['score', demoPathOf(), '--format', 'json']);
    const compact = await run(['score', demoPathOf(), '--format', 'json', '--compact']);
    expect(compact.code).toBe(full.code);
    const plain = JSON.parse(full.stdout) as { reports: Report[]; rejected: unknown[]; asOf: string };
    const small = JSON.parse(compact.stdout) as { reports: CompactReport[]; rejected: unknown[]; asOf: string; catalogue: ReportCatalogue };
    expect(Object.keys(small)).toEqual(['asOf', 'asOfSource', 'catalogue', 'reports', 'rejected']);
    expect(small.rejected).toEqual(plain.rejected);
    expect(small.reports.map((r) => JSON.stringify(expandReport(r, small.catalogue)))).toEqual(plain.reports.map((r) => JSON.stringify(r)));
    expect(compact.stdout.length).toBeLessThan(full.stdout.length);
  });

  it('ndjson: the catalogue line follows the summary, then compact reports', { timeout: 120_000 }, async () => {
    const full = await run(['score', demoPathOf(), '--format', 'ndjson']);
    const compact = await run(['score', demoPathOf(), '--format', 'ndjson', '--compact']);
    const plain = full.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const small = compact.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(small.map((l) => l['recordType'])).toEqual(['summary', 'catalogue', ...plain.slice(1).map((l) => l['recordType'])]);
    const { recordType: _type, ...catalogue } = small[1] as Record<string, unknown>;
    const reports = small.filter((l) => l['recordType'] === 'report');
    expect(reports.map((l) => JSON.stringify(expandReport(l as unknown as CompactReport, catalogue as unknown as ReportCatalogue)))).toEqual(
      plain.filter((l) => l['recordType'] === 'report').map((l) => JSON.stringify(l)),
    );
  });

  it('is refused for the human formats, which always show the full reports', async () => {
    const result = await run(['score', demoPathOf(), '--format', 'markdown', '--compact']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--compact');
  });
});
