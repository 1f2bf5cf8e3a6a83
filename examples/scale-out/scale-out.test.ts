import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asOf, emit, group, merge, orderKeys, score, shardOf, writeShards } from './pipeline.mjs';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const config = fileURLToPath(new URL('config.json', import.meta.url));

// The whole pipeline on a small population, with the built CLI and a real DuckDB: the merged
// ranking of the shards must be the file one batch of everything gives, byte for byte.
describe('examples/scale-out: keys grouped in DuckDB, shards scored by the CLI, runs merged', () => {
  const subjects = 1_000;
  const shards = 3;
  const dir = mkdtempSync(join(tmpdir(), 'redflags-scale-out-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the ranking of one batch, with links that cross shards', { timeout: 600_000 }, async () => {
    const emitted = await emit({ subjects, shards, dir });
    expect(emitted.keyRows).toBeGreaterThan(4 * subjects);
    const grouped = await group({ dir });
    expect(grouped.keyRows).toBe(emitted.keyRows);
    // Shared keys only: fewer rows than the key file, more than the groups (two members or more each).
    expect(grouped.sharedRows).toBeLessThan(grouped.keyRows);
    expect(grouped.sharedRows).toBeGreaterThanOrEqual(2 * grouped.groups);
    const written = await writeShards({ shards, dir });
    expect(written.map((w) => w.subjects).reduce((a, b) => a + b, 0)).toBe(subjects);

    // Some group in a shard's document has a member in another shard: the shard sees the link.
    const crossing = written.some(({ path, shard }) => {
      const doc = JSON.parse(readFileSync(path, 'utf8')) as { inputs: { linkGroups: { members: { subjectId: string }[] }[] } };
      return doc.inputs.linkGroups.some((g) => g.members.some((m) => shardOf(m.subjectId, shards) !== shard));
    });
    expect(crossing).toBe(true);

    await score({ shards, dir, parallel: 2, cli, config });
    const merged = await merge({ shards, dir });
    expect(merged).toEqual({ reports: subjects, rejected: 0 });

    // One batch of every record, keys extracted in memory, the same config.
    const all = join(dir, 'all.ndjson');
    writeFileSync(all, Array.from({ length: shards }, (_, n) => readFileSync(join(dir, `records-${n}.ndjson`), 'utf8')).join(''));
    const whole = join(dir, 'whole.ndjson');
    execFileSync(process.execPath, [cli, 'score', all, '--as-of', asOf, '--config', config, '--format', 'ndjson', '--compact', '--out', whole], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const expected = readFileSync(whole, 'utf8');
    expect(readFileSync(join(dir, 'reports.ndjson'), 'utf8')).toBe(expected);

    // The links are really reported: laptop-farm members share a ship-to address and a payout account.
    const reports = expected
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { recordType: string; subjectId?: string; findings?: { indicatorId: string }[] });
    const flagged = (id: string) => reports.find((r) => r.subjectId === id)?.findings?.map((f) => f.indicatorId) ?? [];
    expect(flagged('c-00000001')).toEqual(expect.arrayContaining(['linkage/shared-shipping-address', 'linkage/shared-payment-instrument']));
    expect(flagged('c-00000005')).not.toContain('linkage/shared-payment-instrument');
  });
});

describe('examples/scale-out: the merge reads order keys from the head of a report line', () => {
  const line = (report: object) => Buffer.from(JSON.stringify(report));

  it('finds the keys when the subject id itself holds the text that ends the head', () => {
    const subjectId = 'x","priorLogOdds":1,"score":99,"logOdds":9,"y":"\\';
    const report = { recordType: 'report', subjectId, score: 42, band: 'medium', logOdds: -1.25, priorLogOdds: -4, reasons: [] };
    expect(orderKeys(line(report))).toEqual({ score: 42, logOdds: -1.25, subjectId });
  });

  it("refuses a line whose head is not a report's", () => {
    expect(() => orderKeys(line({ recordType: 'report', score: 1, logOdds: 0, subjectId: 's' }))).toThrow(/order keys/);
    expect(() => orderKeys(line({ recordType: 'report', subjectId: 's', score: 'high', logOdds: 0, priorLogOdds: -4 }))).toThrow(/order keys/);
  });
});
