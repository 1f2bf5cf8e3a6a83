import { z } from 'zod';
import { createScorer, defineIndicator, InvalidRecordError, type AnyIndicator, type ScorerConfig } from '../../src/index';

const asOf = '2025-06-01T00:00:00Z';

/** An indicator whose evaluate (and prepare) the test supplies. */
function rogue(evaluate: (view: never) => unknown, prepare?: () => unknown, options: unknown = z.object({})): AnyIndicator {
  return {
    meta: {
      id: 'test/rogue',
      title: 'Rogue',
      category: 'test',
      version: '1.0.0',
      kind: 'risk',
      family: 'identity',
      typologies: ['remote-hire-identity-fraud'],
      defaultWeight: 2,
      options,
      messages: { m: 'rogue {{x}}' },
      neutralReason: 'test',
      recommendedAction: 'test',
      docs: {
        description: 'Misbehaves on purpose.',
        requires: [],
        sources: [],
      },
    },
    evaluate: evaluate as unknown as AnyIndicator['evaluate'],
    ...(prepare !== undefined ? { prepare: prepare as unknown as AnyIndicator['prepare'] } : {}),
  } as AnyIndicator;
}

const honest = defineIndicator({
  meta: {
    id: 'test/honest',
    title: 'Honest',
    category: 'test',
    version: '1.0.0',
    kind: 'risk',
    family: 'network',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1,
    messages: { m: 'honest' },
    neutralReason: 'test',
    recommendedAction: 'test',
    docs: {
      description: 'Always fires once.',
      requires: [],
      sources: [],
    },
  },
  evaluate: (view) => [{ messageId: 'm', strength: 1, evidence: [{ recordId: view.subject.id }] }],
});

function scoreWith(indicator: AnyIndicator, config: ScorerConfig = {}) {
  const report = createScorer({ indicators: [indicator, honest], config }).score({ id: 's1' }, { asOf });
  // Whatever the rogue did, the rest of the report is intact and plain JSON.
  expect(report.indicators.find((i) => i.indicatorId === 'test/honest')?.status).toBe('fired');
  expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  return report;
}

const finding = (extra: Record<string, unknown>) => ({ messageId: 'm', strength: 0.5, data: { x: 1 }, evidence: [{ recordId: 's1' }], ...extra });

describe('a misbehaving indicator is an error in the report, never a crash', () => {
  it.each([
    ['NaN in data', [finding({ data: { x: Number.NaN } })], /data.x/],
    ['Infinity in data', [finding({ data: { x: Number.POSITIVE_INFINITY } })], /data.x/],
    ['a BigInt in evidence', [finding({ evidence: [{ recordId: 's1', value: 10n }] })], /malformed outcome: .*BigInt/],
    ['an object in data', [finding({ data: { x: { y: 1 } } })], /data.x/],
    ['a strength of NaN', [finding({ strength: Number.NaN })], /strength NaN/],
    ['a promise', Promise.resolve([]), /returned a promise; evaluate must be synchronous/],
    ['evidence with an empty record id', [finding({ evidence: [{ recordId: '' }] })], /evidence without a recordId/],
  ])('%s', (_name, outcome, message) => {
    const report = scoreWith(rogue(() => outcome));
    expect(report.errors).toEqual([{ indicatorId: 'test/rogue', message: expect.stringMatching(message) }]);
    expect(report.indicators.find((i) => i.indicatorId === 'test/rogue')).toMatchObject({ status: 'error', contribution: 0 });
  });

  it('circular evidence', () => {
    const value: Record<string, unknown> = {};
    value['self'] = value;
    const report = scoreWith(rogue(() => [finding({ evidence: [{ recordId: 's1', value }] })]));
    expect(report.errors[0]?.message).toMatch(/malformed outcome: .*circular/i);
  });

  it('-0 in data becomes 0, so the report round-trips through JSON deep-equal', () => {
    const report = scoreWith(rogue(() => [finding({ data: { x: -0 } })]));
    expect(Object.is(report.findings.find((f) => f.indicatorId === 'test/rogue')?.data['x'], 0)).toBe(true);
  });

  it('a notEvaluated with malformed fields is read leniently', () => {
    const report = scoreWith(rogue(() => ({ notEvaluated: true, reason: 42, missing: ['a', 3, null] })));
    expect(report.coverage.notEvaluated).toEqual([{ indicatorId: 'test/rogue', reason: 'not enough data', missing: ['a'] }]);
  });

  it('a prepare hook that throws', () => {
    const report = scoreWith(
      rogue(
        () => [],
        () => {
          throw new Error('boom');
        },
      ),
    );
    expect(report.errors).toEqual([{ indicatorId: 'test/rogue', message: 'prepare threw: boom' }]);
  });

  it('an asynchronous options schema is refused when the scorer is created', () => {
    const asyncSchema = z.object({}).refine(async () => true);
    expect(() => createScorer({ indicators: [rogue(() => [], undefined, asyncSchema)] })).toThrow(/asynchronous/);
  });

  it('100,000 findings of one indicator stay within its weight and add up exactly', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => finding({ strength: 0.01, data: { x: i } }));
    // Above the default cap on findings, which is tested on its own.
    const report = scoreWith(
      rogue(() => many),
      { maxFindingsPerIndicator: 100_000 },
    );
    const rogueReport = report.indicators.find((i) => i.indicatorId === 'test/rogue');
    expect(rogueReport?.contribution).toBeLessThanOrEqual(2);
    expect(rogueReport?.contribution).toBeGreaterThan(1.99);
    let sum = report.priorLogOdds;
    for (const i of report.indicators) sum += i.contribution;
    expect(sum).toBe(report.logOdds);
  }, 120_000);
});

describe('malformed scorer input gives a clear error, not a TypeError', () => {
  const scorer = createScorer({ indicators: [honest] });
  const problem = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidRecordError);
      return (error as InvalidRecordError).issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    }
    throw new Error('expected an error');
  };

  it('scoreBatch with subjects, events or watchlists that are not arrays', () => {
    expect(problem(() => scorer.scoreBatch({ asOf, subjects: null as never }))).toBe('subjects: must be an array of records; got null');
    expect(problem(() => scorer.scoreBatch({ asOf, subjects: 'abc' as never }))).toBe('subjects: must be an array of records; got string');
    expect(problem(() => scorer.scoreBatch({ asOf, subjects: [], events: {} as never }))).toBe('events: must be an array of records; got object');
    expect(problem(() => scorer.scoreBatch({ asOf, subjects: [], watchlists: 1 as never }))).toBe('watchlists: must be an array of records; got number');
    expect(problem(() => scorer.scoreBatch(null as never))).toMatch(/must be an object/);
  });

  it('score with events that are not an array, or an event of another subject', () => {
    expect(problem(() => scorer.score({ id: 's1' }, { asOf, events: 'ev' as never }))).toBe('events: must be an array of records; got string');
    expect(problem(() => scorer.score({ id: 's1' }, { asOf, population: { subjects: {} as never } }))).toBe(
      'population.subjects: must be an array of records; got object',
    );
    const event = { id: 'e1', subjectId: 'someone-else', type: 'session', at: '2025-05-01T00:00:00Z' };
    expect(problem(() => scorer.score({ id: 's1' }, { asOf, events: [event] }))).toMatch(/subjectId: no valid subject "someone-else"/);
  });
});

describe('mitigation records returned by an indicator', () => {
  it('reads each field of a mitigation once, so a getter cannot pass the check and then change', () => {
    let reads = 0;
    const shifty = {
      get recordId() {
        reads++;
        // A valid id when checked, an empty one on any later read.
        return reads === 1 ? 'x-1' : '';
      },
      field: 'exceptions',
      explains: 'a documented exception',
    };
    const report = scoreWith(rogue(() => [finding({ strength: 0, mitigatedBy: [shifty] })]));
    expect(reads).toBe(1);
    expect(report.mitigations).toMatchObject([
      { indicatorId: 'test/rogue', effect: 'silenced', mitigatedBy: [{ recordId: 'x-1', field: 'exceptions', explains: 'a documented exception' }] },
    ]);
  });

  it('records a mitigation without recordId, field or explains as an indicator error', () => {
    const report = scoreWith(rogue(() => [finding({ mitigatedBy: [{ recordId: 'x-1', field: 'exceptions' }] })]));
    expect(report.errors).toMatchObject([{ indicatorId: 'test/rogue' }]);
    expect(report.errors[0]?.message).toMatch(/mitigation without recordId, field and explains/);
  });
});
