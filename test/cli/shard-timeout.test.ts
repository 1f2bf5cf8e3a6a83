import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreSharded, shardOf } from '../../src/cli/workers';
import { fixtureShardOf } from '../fixtures/looping-shard-worker.mjs';
import { run } from './run';

const worker = new URL('../fixtures/looping-shard-worker.mjs', import.meta.url);
const built = existsSync(fileURLToPath(new URL('../../dist/index.js', import.meta.url)));
const asOf = '2025-06-01T00:00:00Z';
const ids = ['loops-forever', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'];

describe('a wall-clock limit per worker shard', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'redflags-shard-timeout-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the test worker shards subjects as the CLI does', () => {
    for (const id of ids) for (const n of [2, 3]) expect(fixtureShardOf(id, n)).toBe(shardOf(id, n));
  });

  it('every shard loops forever: each worker is stopped and the run ends with a clear error', async () => {
    const input = { asOf, subjects: ids.map((id) => ({ id })), inputs: { loopEverywhere: true } };
    await expect(scoreSharded(input, undefined, 2, worker, undefined, { shardTimeoutMs: 1_000 })).rejects.toMatchObject({
      name: 'ShardTimeoutError',
      message: expect.stringMatching(/^every shard ran longer than the shard timeout of 1 s and was stopped; nothing was scored/),
    });
  }, 120_000);

  it.skipIf(!built)(
    "an indicator loops forever on one subject: its shard's subjects are listed as not scored, the others scored (needs npm run build)",
    async () => {
      const path = join(dir, 'population.json');
      writeFileSync(path, JSON.stringify({ asOf, subjects: ids.map((id) => ({ id })) }));
      const shards = 2;
      const hung = fixtureShardOf('loops-forever', shards);
      // Generous: the other shard must start a thread and score four subjects on a busy machine.
      const { code, stdout, stderr } = await run(['score', path, '--format', 'json', '--workers', String(shards), '--shard-timeout', '20'], {
        io: { workerScript: worker },
      });
      // Records not scored make the run exit 2, as rejected records do, and stderr names them.
      expect(code).toBe(2);
      expect(stderr).toMatch(/subject "loops-forever" \(subjects\[0\]\):\n\s+- \(record\): not scored: its shard/);
      const output = JSON.parse(stdout) as {
        reports: { subjectId: string }[];
        rejected: { kind: string; index: number; recordId: string; issues: { message: string }[] }[];
      };
      const inHungShard = ids.filter((id) => shardOf(id, shards) === hung);
      expect(inHungShard.length).toBeGreaterThan(1);
      expect(output.reports.map((r) => r.subjectId).sort()).toEqual(ids.filter((id) => !inHungShard.includes(id)).sort());
      expect(output.rejected.map((r) => [r.kind, r.index, r.recordId])).toEqual(inHungShard.map((id) => ['subject', ids.indexOf(id), id]));
      for (const r of output.rejected) {
        expect(r.issues[0]?.message).toBe(
          `not scored: its shard (${hung + 1} of ${shards}) ran longer than the shard timeout of 20 s and was stopped; an indicator may loop forever on one of the shard's subjects`,
        );
      }
    },
    120_000,
  );

  it('--shard-timeout is checked before scoring', async () => {
    const path = join(dir, 'one.json');
    writeFileSync(path, JSON.stringify({ asOf, subjects: [{ id: 'a' }] }));
    expect((await run(['score', path, '--shard-timeout', '5'])).stderr).toContain('--shard-timeout needs --workers 2 or more');
    for (const bad of ['0', '-1', 'soon', '86401']) {
      const result = await run(['score', path, '--workers', '2', `--shard-timeout=${bad}`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--shard-timeout "${bad}" must be a number of seconds above 0`);
    }
  });
});
