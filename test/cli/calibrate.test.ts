import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scorerConfigSchema } from '../../src/index';
import { run } from './run';

const dir = fileURLToPath(new URL('../../test-artifacts/cli-calibrate/', import.meta.url));
mkdirSync(dir, { recursive: true });
const population = 'examples/demo/population.json';
const outcomes = 'examples/demo/outcomes.ndjson';

describe('redflags calibrate', () => {
  it('writes the proposed config and prints the diff with uncertainty and counts', async () => {
    const out = `${dir}proposal.json`;
    const result = await run(['calibrate', population, '--outcomes', outcomes, '--out', out, '--min-outcomes', '20', '--min-per-weight', '3', '--keep-prior']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const proposal = JSON.parse(readFileSync(out, 'utf8'));
    expect(scorerConfigSchema.safeParse(proposal).success).toBe(true);
    expect(proposal.priorLogOdds).toBeUndefined();
    expect(result.stdout).toContain('Calibrated on 10 confirmed and 33 cleared outcomes (1 inconclusive not used).');
    expect(result.stdout).toMatch(/prior: -4 -> -4 \(0\.00\) insufficient-evidence/);
    // Every changed weight in the diff is in the written config with that value.
    const changed = [...result.stdout.matchAll(/^~ ([a-z-]+\/[a-z-]+): [\d.]+ -> ([\d.]+) \(/gm)];
    expect(changed.length).toBeGreaterThan(0);
    for (const [, id, after] of changed) expect(proposal.indicators[id as string].weight).toBe(Number(after));
    // The proposal scores.
    const scored = await run(['score', population, '--config', out, '--format', 'json']);
    expect(scored.code).toBe(0);
  }, 180_000);

  it('changes nothing below the default minimums, and says so', async () => {
    const result = await run(['calibrate', population, '--outcomes', outcomes]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({});
    expect(result.stderr).toContain('Not enough outcomes to change anything: need 50');
  }, 180_000);

  it('does not use an outcome that repeats a key, and lists it with --json at its position in the document', async () => {
    writeFileSync(`${dir}input.json`, JSON.stringify({ subjects: [{ id: 'a' }, { id: 'b' }], events: [] }));
    const a = '{"subjectId":"a","decidedAt":"2025-01-10T00:00:00Z","outcome":"confirmed-fraud","decidedBy":"r1"}';
    const b = '{"subjectId":"b","decidedAt":"2025-01-10T00:00:00Z","outcome":"cleared","decidedBy":"r1","decidedBy":"r2"}';
    writeFileSync(`${dir}twice.json`, `{"outcomes":[${b},${a},{"subjectId":"ghost"}]}`);
    const result = await run(['calibrate', `${dir}input.json`, '--outcomes', `${dir}twice.json`, '--json']);
    expect(result.code).toBe(2);
    const output = JSON.parse(result.stdout) as { counts: object; rejectedOutcomes: { index: number; issues: { path: string }[] }[] };
    expect(output.counts).toMatchObject({ confirmed: 1, cleared: 0 });
    expect(output.rejectedOutcomes.map((r) => [r.index, r.issues[0]?.path])).toEqual([
      [0, 'decidedBy'],
      [2, 'decidedAt'],
    ]);
  }, 60_000);
});
