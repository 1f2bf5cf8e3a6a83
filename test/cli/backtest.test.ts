import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from './run';

const dir = fileURLToPath(new URL('../../test-artifacts/cli-backtest/', import.meta.url));
mkdirSync(dir, { recursive: true });

const input = {
  subjects: [{ id: 'a' }, { id: 'b' }],
  events: [{ id: 'e1', subjectId: 'a', at: '2025-01-02T00:00:00Z', type: 'custom', kind: 'x' }],
};
writeFileSync(`${dir}input.json`, JSON.stringify(input));
writeFileSync(
  `${dir}outcomes.ndjson`,
  [
    '{"recordType":"outcome","subjectId":"a","decidedAt":"2025-01-10T00:00:00Z","outcome":"confirmed-fraud","decidedBy":"r1"}',
    '{"recordType":"outcome","subjectId":"b","decidedAt":"2025-01-10T00:00:00Z","outcome":"cleared","decidedBy":"r1"}',
  ].join('\n'),
);
writeFileSync(
  `${dir}bad-outcomes.ndjson`,
  [
    '{"recordType":"outcome","subjectId":"a","decidedAt":"2025-01-10T00:00:00Z","outcome":"confirmed-fraud","decidedBy":"r1"}',
    '{"recordType":"subject","id":"b"}',
    '{"recordType":"outcome","subjectId":"b","decidedAt":"soon","outcome":"cleared","decidedBy":"r1"}',
    '{"recordType":"outcome","subjectId":"ghost","decidedAt":"2025-01-10T00:00:00Z","outcome":"cleared","decidedBy":"r1"}',
  ].join('\n'),
);
writeFileSync(`${dir}heavier.json`, JSON.stringify({ priorLogOdds: -3 }));

describe('redflags backtest', () => {
  it('writes JSON with one run per --config, named by file, "default" being the defaults', async () => {
    const result = await run(['backtest', `${dir}input.json`, '--outcomes', `${dir}outcomes.ndjson`, '--config', 'default', '--config', `${dir}heavier.json`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.runs.map((r: { name: string }) => r.name)).toEqual(['default', 'heavier']);
    expect(output.counts).toMatchObject({ confirmed: 1, cleared: 1, decisionTimes: 1 });
    expect(output.runs[1].cases[0].logOdds).toBe(-3);
  }, 60_000);

  it('names every outcome line it could not use and exits 2, still reporting the rest', async () => {
    const result = await run(['backtest', `${dir}input.json`, '--outcomes', `${dir}bad-outcomes.ndjson`, '--format', 'text']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('1 confirmed, 0 cleared');
    expect(result.stderr).toContain('line 2');
    expect(result.stderr).toContain('"subject" is not outcome');
    expect(result.stderr).toMatch(/"b" \(line 3\): decidedAt/);
    expect(result.stderr).toMatch(/"ghost" \(line 4\): subjectId: no valid subject "ghost"/);
  }, 60_000);

  it('refuses a missing --outcomes and an unknown format with a hint', async () => {
    const missing = await run(['backtest', `${dir}input.json`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--outcomes');
    const format = await run(['backtest', `${dir}input.json`, '--outcomes', `${dir}outcomes.ndjson`, '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('json, html or text');
    const help = await run(['backtest', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('decision time');
  });
});
