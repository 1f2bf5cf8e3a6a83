import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScorer, renderTable } from '../../src/index';
import { run } from './run';

const dir = mkdtempSync(join(tmpdir(), 'redflags-messages-'));
const io = { cwd: dir };
const asOf = '2025-06-01T00:00:00Z';

describe('what the command line says to a newcomer', () => {
  it('labels a document-level problem as the document, not as a list position', async () => {
    const doc = { asOf, subjects: [{ id: 'cand-1' }], reference: { frontCompanyDomains: 'not-a-list' } };
    const validated = await run(['validate', '-'], { stdin: JSON.stringify(doc), io });
    expect(validated.stdout).toContain('input document:\n  - reference.frontCompanyDomains: ');
    const scored = await run(['score', '-', '--format', 'json'], { stdin: JSON.stringify(doc), io });
    expect(scored.stderr).toContain('input document:\n  - reference.frontCompanyDomains: ');
    for (const text of [validated.stdout, scored.stderr]) expect(text).not.toContain('line[0]');
  });

  it('reports a bad weight and a bad option value of the config in one pass', async () => {
    const config = { indicators: { 'activity/continuous-session': { weight: -1, options: { minHours: -5 } } } };
    writeFileSync(join(dir, 'bad.config.json'), JSON.stringify(config));
    writeFileSync(join(dir, 'in.json'), JSON.stringify({ asOf, subjects: [{ id: 'cand-1' }] }));
    const { code, stderr } = await run(['score', 'in.json', '--config', 'bad.config.json'], { io });
    expect(code).toBe(2);
    expect(stderr).toContain('indicators.activity/continuous-session.weight');
    expect(stderr).toContain('indicators.activity/continuous-session.options.minHours');
  });

  it('marks a band the corroboration rule held down in the table', () => {
    const scorer = createScorer({ indicators: [] });
    const plain = scorer.score({ id: 'cand-1' }, { asOf });
    const held = {
      ...scorer.score({ id: 'cand-2' }, { asOf }),
      band: 'elevated' as const,
      bandCapped: { wouldBe: 'high' as const, reason: 'one data family', families: [] },
    };
    const table = renderTable({ asOf, reports: [held, plain], rejected: [] });
    const rows = table.split('\n');
    expect(rows.find((r) => r.includes('cand-2'))).toMatch(/ elevated\* /);
    expect(rows.find((r) => r.includes('cand-1'))).not.toContain('*');
    expect(table).toContain('* band held down by the corroboration rule');
    expect(renderTable({ asOf, reports: [plain], rejected: [] })).not.toContain('held down');
  });
});
