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

  it('refuses an outcome that repeats a key, with its line or position and path, and uses the others', async () => {
    const a = '{"subjectId":"a","decidedAt":"2025-01-10T00:00:00Z","outcome":"confirmed-fraud","decidedBy":"r1"}';
    // The second value would win unseen: b would count as cleared.
    const b = '{"subjectId":"b","decidedAt":"2025-01-10T00:00:00Z","outcome":"confirmed-fraud","outcome":"cleared","decidedBy":"r1"}';
    const ghost = '{"subjectId":"ghost","decidedAt":"2025-01-10T00:00:00Z","outcome":"cleared","decidedBy":"r1"}';
    const tagged = (line: string): string => line.replace('{', '{"recordType":"outcome",');
    writeFileSync(`${dir}twice.ndjson`, [a, b, ghost].map(tagged).join('\n'));
    writeFileSync(`${dir}twice.json`, `[${a},${b},${ghost}]`);
    writeFileSync(`${dir}twice-wrapped.json`, `{"outcomes":[${a},${b},${ghost}],"note":{"x":1,"x":2}}`);
    const message = 'key "outcome" appears twice; JSON keeps only the last value, so the record is refused';
    const expected = {
      'twice.ndjson': [
        [1, 2, 'outcome', message],
        // Outcomes rejected after reading keep their place among the outcomes, as records do, and their line.
        [1, 3, 'subjectId', 'no valid subject "ghost" in the input'],
      ],
      'twice.json': [
        [1, undefined, 'outcome', message],
        [2, undefined, 'subjectId', 'no valid subject "ghost" in the input'],
      ],
    };
    for (const file of ['twice.ndjson', 'twice.json', 'twice-wrapped.json'] as const) {
      const result = await run(['backtest', `${dir}input.json`, '--outcomes', `${dir}${file}`]);
      expect(result.code).toBe(2);
      const output = JSON.parse(result.stdout) as {
        counts: object;
        rejectedOutcomes: { index: number; line?: number; issues: { path: string; message: string }[] }[];
      };
      expect(output.counts).toMatchObject({ confirmed: 1, cleared: 0 });
      expect(output.rejectedOutcomes.map((r) => [r.index, r.line, r.issues[0]?.path, r.issues[0]?.message])).toEqual(
        expected[file === 'twice-wrapped.json' ? 'twice.json' : file],
      );
    }
    writeFileSync(`${dir}twice-top.json`, `{"outcomes":[${a}],"outcomes":[${ghost}]}`);
    const top = await run(['backtest', `${dir}input.json`, '--outcomes', `${dir}twice-top.json`]);
    expect([top.code, top.stdout]).toEqual([2, '']);
    expect(top.stderr).toContain('twice-top.json: "outcomes" appears more than once at the top level');
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
