import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from './run';

const dir = fileURLToPath(new URL('../../test-artifacts/cli-audit/', import.meta.url));
mkdirSync(dir, { recursive: true });
const reports = Array.from({ length: 80 }, (_, i) => ({ subjectId: `s${i}`, band: i % 10 === 0 ? 'high' : i % 7 === 0 ? 'elevated' : 'low', score: 1 }));
writeFileSync(`${dir}scores.json`, JSON.stringify({ asOf: '2025-01-01T00:00:00Z', reports, rejected: [] }));
writeFileSync(
  `${dir}scores.ndjson`,
  [JSON.stringify({ recordType: 'summary' }), ...reports.map((r) => JSON.stringify({ recordType: 'report', ...r }))].join('\n'),
);
writeFileSync(
  `${dir}groups.csv`,
  ['subjectId,sex,"age band"', ...reports.map((r, i) => `${r.subjectId},${i % 2 === 0 ? 'female' : 'male'},"${i < 40 ? '40, or over' : 'under 40'}"`)].join(
    '\n',
  ),
);

describe('redflags audit', () => {
  it('prints the LL144-style tables from JSON or NDJSON scores and CSV labels', async () => {
    const json = await run(['audit', `${dir}scores.json`, '--groups', `${dir}groups.csv`]);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expect(json.stdout).toContain('## sex: selected at high or above');
    expect(json.stdout).toContain('## age band: selected at elevated or above');
    expect(json.stdout).toContain('| 40, or over | 40 |');
    const ndjson = await run(['audit', `${dir}scores.ndjson`, '--groups', `${dir}groups.csv`]);
    expect(ndjson.stdout).toBe(json.stdout);
    const asJson = await run(['audit', `${dir}scores.json`, '--groups', `${dir}groups.csv`, '--format', 'json']);
    const result = JSON.parse(asJson.stdout);
    expect(result.subjects).toBe(80);
    const sexHigh = result.tables.find((t: { category: string; band: string }) => t.category === 'sex' && t.band === 'high');
    expect(sexHigh.rows.map((r: { group: string; selected: number }) => [r.group, r.selected])).toEqual([
      ['female', 8],
      ['male', 0],
    ]);
  });

  it('refuses missing labels and input that is not scores, with a hint', async () => {
    const missing = await run(['audit', `${dir}scores.json`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--groups');
    writeFileSync(`${dir}not-scores.json`, JSON.stringify({ subjects: [] }));
    const wrong = await run(['audit', `${dir}not-scores.json`, '--groups', `${dir}groups.csv`]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('redflags score --format json');
  });

  it('refuses scores and labels that give a key, a column or a subject twice, with where', async () => {
    // Each of these files reads as valid, but JSON.parse (or a map) keeps one of the two values unseen.
    const jsonText = JSON.stringify({ reports }).replace('"band":"high"', '"band":"low","band":"high"');
    const ndjsonText = ['{"recordType":"report","subjectId":"s0","band":"high"}', '{"recordType":"report","subjectId":"s1","band":"low","band":"high"}'].join(
      '\n',
    );
    const labels = JSON.stringify({ s0: { sex: 'female' } }).replace('"sex":"female"', '"sex":"female","sex":"male"');
    const cases: [string, string, string][] = [
      ['twice.json', 'groups.csv', 'twice.json: reports[0].band: key "band" appears twice'],
      ['twice.ndjson', 'groups.csv', 'twice.ndjson: line 2: band: key "band" appears twice'],
      ['scores.json', 'labels-twice.json', 'labels-twice.json: s0.sex: key "sex" appears twice'],
      ['scores.json', 'column-twice.csv', 'column-twice.csv: the header names the column "sex" twice'],
      ['scores.json', 'subject-twice.csv', 'subject-twice.csv: line 3 labels subject "s0" again'],
    ];
    writeFileSync(`${dir}twice.json`, jsonText);
    writeFileSync(`${dir}twice.ndjson`, ndjsonText);
    writeFileSync(`${dir}labels-twice.json`, labels);
    writeFileSync(`${dir}column-twice.csv`, 'subjectId,sex,sex\ns0,female,male\n');
    writeFileSync(`${dir}subject-twice.csv`, 'subjectId,sex\ns0,female\ns0,male\n');
    for (const [scores, groups, message] of cases) {
      const result = await run(['audit', `${dir}${scores}`, '--groups', `${dir}${groups}`]);
      expect([result.code, result.stdout]).toEqual([2, '']);
      expect(result.stderr).toContain(message);
    }
  });
});
