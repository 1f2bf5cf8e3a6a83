import { readFileSync } from 'node:fs';
import { createScorer } from '../../src/index';
import type { BatchInput } from '../../src/engine/createScorer';
import type { ScorerConfig } from '../../src/engine/config';
import { readsPopulation, scoreSharded, shardInputs, shardOf } from '../../src/cli/workers';

const demo = JSON.parse(readFileSync(new URL('../../examples/demo/population.json', import.meta.url), 'utf8')) as {
  asOf: string;
  subjects: { id: string }[];
  events: { id: string; subjectId: string }[];
  watchlists: unknown[];
  reference: unknown;
};

/** The built-in indicators that read the whole population, turned off; watchlist screening stays. */
const perSubjectOnly: ScorerConfig = {
  indicators: Object.fromEntries(createScorer().indicators.filter((i) => i.readsPopulation && i.id !== 'watchlist/match').map((i) => [i.id, false])),
};

/** The demo with records every kind of check rejects, some of them across shards. */
function withBadRecords(shards: number): BatchInput {
  const [first, ...rest] = demo.events;
  // An event reusing the id of an event of a subject in another shard: the id check spans the input.
  const other = rest.find((e) => shardOf(e.subjectId, shards) !== shardOf((first as { subjectId: string }).subjectId, shards)) as { id: string; subjectId: string };
  return {
    subjects: [...demo.subjects, { kind: 'employee' }, { id: 'w-01', kind: 'not-a-kind' }, { id: 'typo', identiy: {} }],
    events: [...demo.events, { ...other, id: (first as { id: string }).id }, { id: 'orphan', subjectId: 'ghost', type: 'session', at: '2025-05-01T10:00:00Z' }, { id: 'bad-at', subjectId: 'w-02', type: 'session', at: 'yesterday' }],
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
  ])('merges to exactly what one scoreBatch gives, rejected records included: %s', async (_, config) => {
    const input = withBadRecords(3);
    const one = createScorer(config !== undefined ? { config } : {}).scoreBatch(input);
    const sharded = await scoreSharded(input, config, 3, undefined);
    expect(one.rejected.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(sharded)).toBe(JSON.stringify(one));
  }, 120_000);

  it('keeps the lenient warnings and the asOf taken from the latest event', async () => {
    const { asOf: _asOf, ...rest } = { ...withBadRecords(2), asOf: undefined };
    const one = createScorer({ config: perSubjectOnly }).scoreBatch(rest, { lenient: true });
    const sharded = await scoreSharded(rest, perSubjectOnly, 2, undefined, () => {}, { lenient: true });
    expect(one.asOfSource).toBe('latest-event');
    expect(one.warnings.length).toBeGreaterThan(0);
    expect(JSON.stringify(sharded)).toBe(JSON.stringify(one));
  }, 120_000);
});
