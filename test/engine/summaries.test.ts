import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScorer, defineIndicator, isConfigError, isInvalidRecordError, mergeSummaries, type BatchInput, type PopulationSummaries } from '../../src/core';
import { builtinIndicators } from '../../src/index';
import { compareReports } from '../../src/engine/order';
import { resolveConfig } from '../../src/engine/resolve';
import { combinedOnce, type CombineWork, type GivenLists } from '../../src/engine/summaries';
import { generatedAsOf, peerOutliers, population, subjectArb } from '../support/summaryPopulation';

const asOf = generatedAsOf;

/** The built-in indicators that read the population through summaries: sharding cannot change their reports. */
const summarising = builtinIndicators.filter((i) => i.summarise !== undefined);

/** The records in the order the permutation gives (a reversal, or every other record first). */
function reorder<T>(records: readonly T[], how: number): T[] {
  if (how === 0) return records.slice();
  if (how === 1) return records.slice().reverse();
  return records.filter((_, i) => i % 2 === 1).concat(records.filter((_, i) => i % 2 === 0));
}

/** The batch split by subject: `shardOf[n]` names the shard of the n-th subject, events follow their subject. */
function split(
  batch: { subjects: { id: string }[]; events: { id: string; subjectId: string }[] },
  shardOf: readonly number[],
  shards: number,
  how: number,
): BatchInput[] {
  const shardById = new Map(batch.subjects.map((s, n) => [s.id, (shardOf[n] ?? 0) % shards]));
  return Array.from({ length: shards }, (_, shard) => ({
    asOf,
    subjects: reorder(
      batch.subjects.filter((s) => shardById.get(s.id) === shard),
      how,
    ),
    events: reorder(
      batch.events.filter((e) => shardById.get(e.subjectId) === shard),
      how,
    ),
  }));
}

describe('population summaries', () => {
  it('are used by the built-in population indicators that can be split', () => {
    expect(summarising.map((i) => i.meta.id).sort()).toEqual([
      'insider/bulk-collection',
      'insider/impersonation',
      'insider/peer-baseline-shift',
      'linkage/persona-multiplicity',
      'linkage/referral-risk',
      'linkage/resume-similarity',
      'linkage/shared-contact',
      'linkage/shared-infrastructure',
      'linkage/shared-payment-instrument',
      'linkage/shared-shipping-address',
    ]);
    // Only the watchlist match prepares over the batch (its lists, not the population), which the CLI gives every thread.
    expect(builtinIndicators.filter((i) => i.prepare !== undefined).map((i) => i.meta.id)).toEqual(['watchlist/match']);
    for (const indicator of summarising) expect(indicator.prepare).toBeUndefined();
  });

  it('give the reports of the whole batch whatever the shard split and the record order', () => {
    const scorer = createScorer({ indicators: summarising });
    fc.assert(
      fc.property(
        fc.array(subjectArb, { minLength: 1, maxLength: 14 }),
        fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        (generated, shardOf, shards, how) => {
          const batch = population(generated);
          const whole = scorer.scoreBatch({ asOf, ...batch });
          const parts = split(batch, shardOf, shards, how);
          const merged = mergeSummaries(parts.map((part) => scorer.summarise(part)));
          // The merged summaries are the whole batch's, value for value, and survive a trip through JSON.
          expect(JSON.stringify(merged)).toBe(JSON.stringify(scorer.summarise({ asOf, ...batch })));
          const carried = JSON.parse(JSON.stringify(merged)) as PopulationSummaries;
          const reports = parts.flatMap((part) => scorer.scoreBatch(part, { summaries: carried }).reports).sort(compareReports);
          expect(JSON.stringify(reports)).toBe(JSON.stringify(whole.reports));
        },
      ),
      { numRuns: 40, seed: 20261202 },
    );
  }, 120_000);

  it('let peer baselines, bulk collection and impersonation fire in a shard as in the whole batch', () => {
    const batch = population(peerOutliers());
    const scorer = createScorer({ indicators: summarising });
    const whole = scorer.scoreBatch({ asOf, ...batch });
    const fired = new Set(whole.reports.flatMap((r) => r.findings.map((f) => f.indicatorId)));
    expect([...fired].sort()).toEqual(['insider/bulk-collection', 'insider/impersonation', 'insider/peer-baseline-shift']);
    // Each subject alone in its shard: only the summaries carry the population.
    const parts = split(
      batch,
      batch.subjects.map((_, n) => n),
      batch.subjects.length,
      0,
    );
    const merged = mergeSummaries(parts.map((part) => scorer.summarise(part)));
    const reports = parts.flatMap((part) => scorer.scoreBatch(part, { summaries: merged }).reports).sort(compareReports);
    expect(JSON.stringify(reports)).toBe(JSON.stringify(whole.reports));
    // Without the summaries a shard of one has no peers: the population is what made them fire.
    const alone = scorer.scoreBatch(parts[parts.length - 1] as BatchInput).reports[0];
    expect(alone?.findings.some((f) => f.indicatorId === 'insider/peer-baseline-shift')).toBe(false);
  }, 120_000);
});

/** An indicator counting its summarise and combine calls; it fires with the number of subjects before this one. */
function countingIndicator() {
  const summarised: string[] = [];
  const combined: string[][] = [];
  const indicator = defineIndicator({
    meta: {
      id: 'test/counting',
      title: 'Counting',
      category: 'test',
      description: 'Counts.',
      version: '1.0.0',
      kind: 'risk',
      family: 'custom',
      typologies: ['test'],
      defaultWeight: 1,
      requires: [],
      messages: { rank: '{{before}} subjects come before this one' },
      neutralReason: 'n/a',
      recommendedAction: 'n/a',
      sources: [],
    },
    summarise(view) {
      summarised.push(view.subject.id);
      return { events: view.events.length };
    },
    combine(summaries) {
      combined.push(summaries.map((s) => s.subjectId));
      return new Map(summaries.map((s, n) => [s.subjectId, n]));
    },
    evaluate(view, { prepared }) {
      return [{ messageId: 'rank', strength: 0.5, data: { before: prepared.get(view.subject.id) ?? -1 }, evidence: [{ recordId: view.subject.id }] }];
    },
  });
  return { indicator, summarised, combined };
}

describe('the summarise and combine contract', () => {
  const subjects = ['m', 'b', 'z', 'a', 'k'].map((id) => ({ id }));
  const events = subjects.map((s, n) => ({ id: `e${n}`, subjectId: s.id, type: 'session', at: '2025-05-01T10:00:00Z' }));

  it('summarises each subject once and combines once, in subject-id order whatever the record order', () => {
    const { indicator, summarised, combined } = countingIndicator();
    const scorer = createScorer({ indicators: [indicator] });
    const result = scorer.scoreBatch({ asOf, subjects, events: events.slice().reverse() });
    expect(summarised).toEqual(['a', 'b', 'k', 'm', 'z']);
    expect(combined).toEqual([['a', 'b', 'k', 'm', 'z']]);
    expect(result.reports.find((r) => r.subjectId === 'k')?.findings[0]?.message).toBe('2 subjects come before this one');
  });

  it('summarises nothing again when the summaries are given', () => {
    const { indicator, summarised, combined } = countingIndicator();
    const scorer = createScorer({ indicators: [indicator] });
    const summaries = scorer.summarise({ asOf, subjects, events });
    expect(summarised).toHaveLength(subjects.length);
    scorer.scoreBatch({ asOf, subjects: subjects.slice(0, 2), events: events.slice(0, 2) }, { summaries });
    expect(summarised).toHaveLength(subjects.length);
    expect(combined).toHaveLength(1);
  });

  it('combines given summaries once for every shard scored with them, and again only for other lists or another object', () => {
    const { indicator, combined } = countingIndicator();
    const scorer = createScorer({ indicators: [indicator] });
    const summaries = scorer.summarise({ asOf, subjects, events });
    const shards = [0, 2, 4].map((from) => ({ asOf, subjects: subjects.slice(from, from + 2), events: events.slice(from, from + 2) }));
    const reports = shards.flatMap((shard) => scorer.scoreBatch(shard, { summaries }).reports);
    // Three shards, one combine: the CLI scores dozens of partitions per thread with one merged summaries object.
    expect(combined).toHaveLength(1);
    const message = (rs: readonly { subjectId: string; findings: readonly { message: string }[] }[]) =>
      Object.fromEntries(rs.map((r) => [r.subjectId, r.findings[0]?.message]));
    expect(message(reports)).toEqual(message(createScorer({ indicators: [countingIndicator().indicator] }).scoreBatch({ asOf, subjects, events }).reports));
    // Lists the hooks could read changed: combined afresh, the same result.
    scorer.scoreBatch({ ...shards[0], watchlists: [{ name: 'w', kind: 'internal', entries: [{ type: 'email', value: 'x@example.com' }] }] } as BatchInput, {
      summaries,
    });
    expect(combined).toHaveLength(2);
    // A copy of the summaries is another object: combined again (a copy is not trusted to be unchanged).
    scorer.scoreBatch(shards[0] as BatchInput, { summaries: structuredClone(summaries) });
    expect(combined).toHaveLength(3);
    // Each shard given its own copy of equal lists: combined once for them, not once a shard.
    const watchlists = [{ name: 'w', kind: 'internal', entries: [{ type: 'email', value: 'y@example.com' }] }];
    for (const shard of shards) scorer.scoreBatch({ ...shard, watchlists: structuredClone(watchlists) } as BatchInput, { summaries });
    expect(combined).toHaveLength(4);
  });

  it('keeps a -0 of a summary as 0, so combine reads the same in one process as from JSON summaries', () => {
    const { indicator } = countingIndicator();
    // The sign of a zero: 1 / -0 is -Infinity; a partition's JSON file carries -0 as 0.
    const signed = defineIndicator({
      ...indicator,
      meta: { ...indicator.meta, id: 'test/signed-zero' },
      summarise: () => ({ offset: -0 }),
      combine: (summaries) => new Map(summaries.map((s) => [s.subjectId, 1 / (s.summary as { offset: number }).offset > 0 ? 1 : -1])),
    });
    const scorer = createScorer({ indicators: [signed] });
    const batch = { asOf, subjects, events };
    const summaries = scorer.summarise(batch);
    const fromJson = JSON.parse(JSON.stringify(summaries)) as PopulationSummaries;
    expect(summaries).toStrictEqual(fromJson);
    const messages = (result: { reports: readonly { findings: readonly { message: string }[] }[] }) => result.reports.map((r) => r.findings[0]?.message);
    expect(messages(scorer.scoreBatch(batch))).toEqual(messages(scorer.scoreBatch(batch, { summaries: fromJson })));
    expect(messages(scorer.scoreBatch(batch))[0]).toBe('1 subjects come before this one');
  });

  it('combines once for the same list objects without serialising them, and compares other objects by content', () => {
    const { indicator, combined } = countingIndicator();
    const config = resolveConfig([indicator], undefined);
    const summaries = createScorer({ indicators: [indicator] }).summarise({ asOf, subjects, events });
    const work: CombineWork = { serialisations: 0 };
    const named = { table: Array.from({ length: 1000 }, (_, n) => ({ key: `k${n}`, value: n })) };
    const lists = (inputs: unknown): GivenLists => ({ watchlists: undefined, reference: undefined, inputs, lenient: false, trusted: false });
    const context = (inputs: unknown) => ({
      asOf,
      asOfMs: Date.parse(asOf),
      watchlists: [],
      reference: {},
      inputs: inputs as Record<string, unknown>,
      memo: <T>(_: string, build: () => T) => build(),
    });
    const first = combinedOnce(summaries, config, asOf, context(named), lists(named), work);
    // Shard after shard with the caller's same objects: one combine, no serialisation.
    for (let shard = 0; shard < 5; shard++) expect(combinedOnce(summaries, config, asOf, context(named), lists(named), work)).toBe(first);
    expect([combined.length, work.serialisations]).toEqual([1, 0]);
    // An equal copy: compared by content (each side serialised once), the combined values kept.
    const copy = structuredClone(named);
    expect(combinedOnce(summaries, config, asOf, context(copy), lists(copy), work)).toBe(first);
    expect([combined.length, work.serialisations]).toEqual([1, 2]);
    expect(combinedOnce(summaries, config, asOf, context(copy), lists(copy), work)).toBe(first);
    expect([combined.length, work.serialisations]).toEqual([1, 2]);
    // Other content, or another asOf: combined afresh.
    const other = { table: [{ key: 'k0', value: -1 }] };
    expect(combinedOnce(summaries, config, asOf, context(other), lists(other), work)).not.toBe(first);
    expect(combined).toHaveLength(2);
    combinedOnce(summaries, config, '2025-06-02T00:00:00Z', context(other), lists(other), work);
    expect(combined).toHaveLength(3);
  });

  it('refuses an indicator with prepare and summaries, or half of the pair', () => {
    const { indicator } = countingIndicator();
    const both = { ...indicator, prepare: () => undefined };
    const { combine: _combine, ...half } = indicator;
    for (const bad of [both, half]) {
      let error: unknown;
      try {
        createScorer({ indicators: [bad] });
      } catch (e) {
        error = e;
      }
      expect(isConfigError(error)).toBe(true);
      expect((error as Error).message).toMatch(/summarise and combine/);
    }
  });

  it('refuses summaries made at another asOf or with another config, and a subject in two parts', () => {
    const { indicator } = countingIndicator();
    const scorer = createScorer({ indicators: [indicator] });
    const summaries = scorer.summarise({ asOf, subjects, events });
    const later = scorer.summarise({ asOf: '2025-07-01T00:00:00Z', subjects, events });
    const other = createScorer({ indicators: [indicator], config: { indicators: { 'test/counting': { weight: 2 } } } });
    const attempts = [
      () => scorer.scoreBatch({ asOf: '2025-07-01T00:00:00Z', subjects, events }, { summaries }),
      () => other.scoreBatch({ asOf, subjects, events }, { summaries }),
      () => mergeSummaries([summaries, later]),
      () => mergeSummaries([summaries, summaries]),
    ];
    for (const attempt of attempts) expect(() => attempt()).toThrow(expect.objectContaining({ name: 'InvalidRecordError' }));
    expect(
      isInvalidRecordError(
        (() => {
          try {
            mergeSummaries([summaries, summaries]);
          } catch (e) {
            return e;
          }
        })(),
      ),
    ).toBe(true);
  });

  it('reports the failure of the lowest subject id whatever the split, for every subject', () => {
    const failing = {
      ...countingIndicator().indicator,
      summarise: (view: { subject: { id: string } }) => {
        if (view.subject.id !== 'a') throw new Error(`no summary of ${view.subject.id}`);
        return {};
      },
    };
    const scorer = createScorer({ indicators: [failing] });
    const whole = scorer.scoreBatch({ asOf, subjects, events });
    const messages = new Set(whole.reports.map((r) => r.errors[0]?.message));
    expect([...messages]).toEqual(['summarise threw for subject "b": no summary of b']);
    const parts = [
      { asOf, subjects: subjects.slice(0, 2), events: events.slice(0, 2) },
      { asOf, subjects: subjects.slice(2), events: events.slice(2) },
    ];
    const merged = mergeSummaries(parts.map((p) => scorer.summarise(p)));
    const reports = parts.flatMap((p) => scorer.scoreBatch(p, { summaries: merged }).reports).sort(compareReports);
    expect(JSON.stringify(reports)).toBe(JSON.stringify(whole.reports));
  });
});
