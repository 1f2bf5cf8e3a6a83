import { z } from 'zod';
import { createScorer, defineIndicator, InvalidRecordError, type Population } from '../../src/index';
import { ASOF, farmReference, laptopFarmPopulation } from '../fixtures/laptop-farm';
import { testMeta } from '../support/plugin';

// Named batch inputs that indicators declare are validated once, with the batch: a malformed one
// is one rejected entry with field paths, never an error per indicator in every report.

describe('linkage inputs', () => {
  const scorer = createScorer();
  const population = laptopFarmPopulation();

  it('a bad inputs.linkSettings is one rejected entry with its path; the reports use the defaults and hold no errors', () => {
    const result = scorer.scoreBatch({
      asOf: ASOF,
      ...population,
      reference: farmReference,
      inputs: { linkSettings: { ipWindowHours: -1, householdSize: 'two' } },
    });
    const entries = result.rejected.filter((r) => r.issues.some((i) => i.path.startsWith('inputs.')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'document', index: 0 });
    expect(entries[0]?.issues.map((i) => i.path).sort()).toEqual(['inputs.linkSettings.householdSize', 'inputs.linkSettings.ipWindowHours']);
    expect(result.reports.flatMap((r) => r.errors)).toEqual([]);
    const defaults = scorer.scoreBatch({ asOf: ASOF, ...population, reference: farmReference });
    expect(result.reports).toEqual(defaults.reports);
  });

  it('valid settings reach the link index with defaults filled in', () => {
    // A one-hour window instead of a day: the farm's simultaneous sign-ins still link, and scores may change, but nothing fails.
    const result = scorer.scoreBatch({ asOf: ASOF, ...population, reference: farmReference, inputs: { linkSettings: { ipWindowHours: 1 } } });
    expect(result.rejected).toEqual([]);
    expect(result.reports.flatMap((r) => r.errors)).toEqual([]);
  });

  it('score() refuses a bad setting with the path', () => {
    const [subject, ...others] = population.subjects;
    const events = population.events.filter((e) => e['subjectId'] === (subject as { id: string }).id);
    const context = {
      asOf: ASOF,
      events,
      population: { subjects: others, events: population.events.filter((e) => !events.includes(e)) },
      inputs: { linkSettings: { maxBucketSize: 0 } },
    };
    let thrown: unknown;
    try {
      scorer.score(subject, context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidRecordError);
    expect((thrown as InvalidRecordError).issues.map((i) => i.path)).toEqual(['inputs.linkSettings.maxBucketSize']);
  });
});

describe('a custom indicator declaring an input', () => {
  const seen: unknown[] = [];
  const declares = defineIndicator({
    meta: testMeta('test/declares-input', {
      title: 'Declares an input',
      options: z.object({}),
      messages: { m: 'never' },
      neutralReason: 'n',
      recommendedAction: 'check',
      docs: { description: 'Reads inputs.threshold.', requires: [], sources: [] },
    }),
    inputs: { threshold: z.object({ value: z.number().default(3) }) },
    prepare(population: Population) {
      seen.push(population.inputs['threshold']);
      return undefined;
    },
    evaluate: () => [],
  });
  const scorer = createScorer({ indicators: [declares] });
  const input = { asOf: ASOF, subjects: [{ id: 'a' }] };

  it('prepare sees the schema output', () => {
    seen.length = 0;
    scorer.scoreBatch({ ...input, inputs: { threshold: {}, other: 'as given' } });
    expect(seen).toEqual([{ value: 3 }]);
  });

  it('a malformed one is left out and rejected once, and undeclared inputs pass as given', () => {
    seen.length = 0;
    const result = scorer.scoreBatch({ ...input, inputs: { threshold: { value: 'x' } } });
    expect(seen).toEqual([undefined]);
    expect(result.rejected).toEqual([{ kind: 'document', index: 0, issues: [{ path: 'inputs.threshold.value', message: expect.any(String) }] }]);
    expect(result.reports[0]?.errors).toEqual([]);
  });
  it('null is no data: left out without a rejection, like an absent input', () => {
    seen.length = 0;
    const result = scorer.scoreBatch({ ...input, inputs: { threshold: null } });
    expect(seen).toEqual([undefined]);
    expect(result.rejected).toEqual([]);
  });

  it('a schema that answers with a thenable (not only a Promise) is refused as asynchronous, never awaited', () => {
    const thenableSchema = {
      '~standard': { version: 1 as const, vendor: 'test', validate: () => ({ then: (resolve: (v: unknown) => void) => resolve({ value: 1 }) }) },
    };
    const asyncDeclares = defineIndicator({
      ...declares,
      meta: { ...declares.meta, id: 'test/declares-async-input' },
      inputs: { threshold: thenableSchema as never },
    });
    const result = createScorer({ indicators: [asyncDeclares] }).scoreBatch({ ...input, inputs: { threshold: { value: 1 } } });
    expect(result.rejected).toEqual([
      { kind: 'document', index: 0, issues: [{ path: 'inputs.threshold', message: 'has an asynchronous schema, which the engine cannot use' }] },
    ]);
  });
});
