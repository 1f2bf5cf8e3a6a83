import { readFileSync } from 'node:fs';
import { createScorer } from '../../src/index';
import type { BatchInput } from '../../src/engine/createScorer';
import type { ScorerConfig } from '../../src/engine/config';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { populationMode, readsPopulation, scoreSharded, shardInputs, shardOf } from '../../src/cli/workers';
import { generatedAsOf, peerOutliers, population, subjectArb } from '../support/summaryPopulation';

const demo = JSON.parse(readFileSync(new URL('../../examples/demo/population.json', import.meta.url), 'utf8')) as {
  asOf: string;
  subjects: { id: string }[];
  events: { id: string; subjectId: string }[];
  watchlists: unknown[];
  reference: unknown;
};

/** The built-in indicators that read the whole population, turned off; watchlist screening stays. */
const perSubjectOnly: ScorerConfig = {
  indicators: Object.fromEntries(
    createScorer()
      .indicators.filter((i) => i.readsPopulation && i.id !== 'watchlist/match')
      .map((i) => [i.id, false]),
  ),
};

/** The demo with records every kind of check rejects, some of them across shards. */
function withBadRecords(shards: number): BatchInput {
  const [first, ...rest] = demo.events;
  // An event reusing the id of an event of a subject in another shard: the id check spans the input.
  const other = rest.find((e) => shardOf(e.subjectId, shards) !== shardOf((first as { subjectId: string }).subjectId, shards)) as {
    id: string;
    subjectId: string;
  };
  return {
    subjects: [...demo.subjects, { kind: 'employee' }, { id: 'w-01', kind: 'not-a-kind' }, { id: 'typo', identiy: {} }],
    events: [
      ...demo.events,
      { ...other, id: (first as { id: string }).id },
      { id: 'orphan', subjectId: 'ghost', type: 'session', at: '2025-05-01T10:00:00Z' },
      { id: 'bad-at', subjectId: 'w-02', type: 'session', at: 'yesterday' },
    ],
    watchlists: demo.watchlists,
    reference: demo.reference,
  };
}

describe('--workers shards', () => {
  it('reads the population only when an enabled indicator needs it', () => {
    expect(readsPopulation(undefined)).toBe(true);
    expect(readsPopulation(perSubjectOnly)).toBe(false);
  });

  it('gives each thread only its own subjects and their valid events when no indicator reads the population', () => {
    const input = withBadRecords(3);
    const checked = createScorer({ indicators: [] }).scoreBatch(input);
    const parts = shardInputs(input, checked, 3, false);
    const validSubjects = input.subjects.length - checked.rejected.filter((r) => r.kind === 'subject').length;
    const validEvents = (input.events ?? []).length - checked.rejected.filter((r) => r.kind === 'event').length;
    // Every valid record is in exactly one shard: nothing is copied to every thread but the shared tables.
    expect(parts.reduce((n, p) => n + p.subjects.length, 0)).toBe(validSubjects);
    expect(parts.reduce((n, p) => n + (p.events ?? []).length, 0)).toBe(validEvents);
    parts.forEach((part, shard) => {
      expect(part.asOf).toBe(checked.asOf);
      expect(part.watchlists).toBe(input.watchlists);
      for (const s of part.subjects as { id: string }[]) expect(shardOf(s.id, 3)).toBe(shard);
      for (const e of (part.events ?? []) as { subjectId: string }[]) expect(shardOf(e.subjectId, 3)).toBe(shard);
    });
    // With population-level indicators every thread gets every valid record, as one thread would see them.
    for (const part of shardInputs(input, checked, 3, true)) expect([part.subjects.length, (part.events ?? []).length]).toEqual([validSubjects, validEvents]);
  });

  it.each([
    ['per-subject indicators only', perSubjectOnly],
    ['the defaults (population-level indicators on)', undefined],
  ])(
    'merges to exactly what one scoreBatch gives, rejected records included: %s',
    async (_, config) => {
      const input = withBadRecords(3);
      const one = createScorer(config !== undefined ? { config } : {}).scoreBatch(input);
      const sharded = await scoreSharded(input, config, 3, undefined);
      expect(one.rejected.length).toBeGreaterThanOrEqual(6);
      expect(JSON.stringify(sharded)).toBe(JSON.stringify(one));
    },
    120_000,
  );

  it('keeps the lenient warnings and the asOf taken from the latest event', async () => {
    const { asOf: _asOf, ...rest } = { ...withBadRecords(2), asOf: undefined };
    const one = createScorer({ config: perSubjectOnly }).scoreBatch(rest, { lenient: true });
    const sharded = await scoreSharded(rest, perSubjectOnly, 2, undefined, () => {}, { lenient: true });
    expect(one.asOfSource).toBe('latest-event');
    expect(one.warnings.length).toBeGreaterThan(0);
    expect(JSON.stringify(sharded)).toBe(JSON.stringify(one));
  }, 120_000);
});

/** The defaults with any indicator that needs `prepare` over the population off (none built in does): the others read it through summaries. */
const summariesOnly: ScorerConfig = {
  indicators: Object.fromEntries(
    createScorer()
      .indicators.filter((i) => i.readsPopulation && !i.summarises && i.id !== 'watchlist/match')
      .map((i) => [i.id, false]),
  ),
};

/** The demo with its bad records, plus generated peers and outliers, at the generated populations' asOf. */
function withPeers(shards: number): BatchInput {
  const bad = withBadRecords(shards);
  const generated = population([...peerOutliers(), ...fc.sample(subjectArb, { numRuns: 40, seed: 20261202 })]);
  return { ...bad, asOf: generatedAsOf, subjects: [...bad.subjects, ...generated.subjects], events: [...(bad.events ?? []), ...generated.events] };
}

const firedIds = (reports: readonly { findings: readonly { indicatorId: string }[] }[]): Set<string> =>
  new Set(reports.flatMap((r) => r.findings.map((f) => f.indicatorId)));

describe('--workers with population summaries', () => {
  it('gives each thread its shard when every population indicator has summaries, as every built-in now does', () => {
    // Linkage reads the population through summaries too: nothing built-in forces the whole input on every thread.
    expect(populationMode(undefined)).toBe('summaries');
    expect(populationMode(summariesOnly)).toBe('summaries');
    expect(populationMode(perSubjectOnly)).toBe('none');
    expect(readsPopulation(summariesOnly)).toBe(true);
  });

  it('merges to exactly what one scoreBatch gives, with peer baselines, bulk collection and impersonation firing', async () => {
    const input = withPeers(3);
    const one = createScorer({ config: summariesOnly }).scoreBatch(input);
    const fired = firedIds(one.reports);
    for (const id of ['insider/peer-baseline-shift', 'insider/bulk-collection', 'insider/impersonation']) expect(fired).toContain(id);
    for (const shards of [2, 3, 5]) {
      const sharded = await scoreSharded(input, summariesOnly, shards, undefined);
      expect(JSON.stringify(sharded)).toBe(JSON.stringify(one));
    }
  }, 120_000);

  it('merges to exactly what one scoreBatch gives with the defaults, linkage firing from shards of the input', async () => {
    const input = withPeers(3);
    const one = createScorer().scoreBatch(input);
    const fired = firedIds(one.reports);
    expect([...fired].filter((id) => id.startsWith('linkage/')).length).toBeGreaterThanOrEqual(2);
    expect(fired).toContain('linkage/shared-infrastructure');
    for (const shards of [2, 5]) {
      const sharded = await scoreSharded(input, undefined, shards, undefined);
      expect(JSON.stringify(sharded)).toBe(JSON.stringify(one));
    }
  }, 180_000);

  const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
  it.skipIf(!existsSync(cli))(
    'in worker threads of dist/cli.js, --workers 3 and --workers 1 give byte-identical JSON (needs npm run build)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'redflags-summary-shards-'));
      try {
        const generated = population([...peerOutliers(), ...fc.sample(subjectArb, { numRuns: 60, seed: 7 })]);
        const inputPath = join(dir, 'population.json');
        const configPath = join(dir, 'config.json');
        writeFileSync(inputPath, JSON.stringify({ asOf: generatedAsOf, ...generated }));
        writeFileSync(configPath, JSON.stringify(summariesOnly));
        const exec = promisify(execFile);
        const args = (workers: number): string[] => [cli, 'score', inputPath, '--format', 'json', '--config', configPath, '--workers', String(workers)];
        const one = await exec(process.execPath, args(1), { maxBuffer: 64 << 20 });
        const three = await exec(process.execPath, args(3), { maxBuffer: 64 << 20 });
        expect(firedIds((JSON.parse(one.stdout) as { reports: { findings: { indicatorId: string }[] }[] }).reports)).toContain('insider/peer-baseline-shift');
        expect(three.stdout).toBe(one.stdout);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
