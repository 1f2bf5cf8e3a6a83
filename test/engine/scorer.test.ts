import { fc, test as propTest } from '@fast-check/vitest';
import { z } from 'zod';
import {
  builtinIndicators,
  createScorer,
  defineIndicator,
  isConfigError,
  isIndicatorOptionsError,
  isIndicatorRuntimeError,
  isInvalidRecordError,
  type AnyIndicator,
} from '../../src/index';
import { scriptedIndicators } from '../support/scripted';

const asOf = '2025-06-01T00:00:00Z';

/** A custom indicator written the way a user would, outside src/. */
const tooManyAccounts = defineIndicator({
  meta: {
    id: 'acme/too-many-accounts',
    title: 'Too many accounts',
    category: 'acme',
    version: '1.0.0',
    kind: 'risk',
    family: 'network',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2,
    options: z.object({ maxAccounts: z.number().int().positive().default(2) }),
    messages: { many: '{{count}} accounts used, more than {{max}}' },
    neutralReason: 'account use could not be reconciled with the role',
    recommendedAction: 'Ask the manager which accounts the role needs.',
    docs: {
      description: 'The subject signs in with more accounts than the role needs.',
      requires: ['events[type=session].accountId'],
      sources: [],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const sessions = view.eventsOf('session');
    if (sessions.length === 0) return notEvaluated('no session events', ['events[type=session]']);
    const accounts = [...new Set(sessions.map((s) => s.accountId ?? 'unknown'))].sort();
    if (accounts.length <= options.maxAccounts) return [];
    return [
      {
        messageId: 'many',
        strength: 1,
        data: { count: accounts.length, max: options.maxAccounts },
        evidence: sessions.map((s) => ({ recordId: s.id, field: 'accountId', value: s.accountId ?? null })),
      },
    ];
  },
});

const session = (id: string, at: string, hours: number, accountId: string) => ({
  id,
  subjectId: 'w1',
  type: 'session',
  at,
  end: new Date(Date.parse(at) + hours * 3_600_000).toISOString(),
  accountId,
});

const dayLong = [0, 6, 12, 18, 24].map((h, i) => session(`s${i}`, new Date(Date.UTC(2025, 4, 5, h)).toISOString(), 6, 'corp-1'));
const manyAccounts = ['a', 'b', 'c', 'd'].map((a, i) => session(`m${i}`, `2025-05-2${i}T10:00:00Z`, 1, a));

const { options: _options, ...metaWithoutOptions } = tooManyAccounts.meta;

function brokenIndicator(id: string, evaluate: AnyIndicator['evaluate']): AnyIndicator {
  return { meta: { ...metaWithoutOptions, id, category: id.slice(0, id.indexOf('/')) }, evaluate };
}

describe('createScorer', () => {
  it('scores a custom indicator defined outside src/ alongside the built-ins', () => {
    const scorer = createScorer({ indicators: [...builtinIndicators, tooManyAccounts] });
    const report = scorer.score({ id: 'w1' }, { asOf, events: [...dayLong, ...manyAccounts] });
    const reason = report.reasons.find((r) => r.indicatorId === 'acme/too-many-accounts');
    expect(reason?.message).toBe('5 accounts used, more than 2');
    expect(reason?.contribution).toBeGreaterThan(0);
    expect(report.indicators.find((i) => i.indicatorId === 'acme/too-many-accounts')?.status).toBe('fired');
    expect(report.reasons.map((r) => r.indicatorId)).toContain('activity/continuous-session');
    expect(report.nextSteps[0]?.indicatorId).toBe(report.reasons[0]?.indicatorId);
    expect(report.meta.indicatorVersions['acme/too-many-accounts']).toBe('1.0.0');
  });

  it('passes validated options with defaults to the indicator', () => {
    const strict = createScorer({ indicators: [tooManyAccounts], config: { indicators: { 'acme/too-many-accounts': { options: { maxAccounts: 5 } } } } });
    expect(strict.score({ id: 'w1' }, { asOf, events: manyAccounts }).findings).toHaveLength(0);
    expect(createScorer({ indicators: [tooManyAccounts] }).score({ id: 'w1' }, { asOf, events: manyAccounts }).findings).toHaveLength(1);
  });

  it('rejects an unknown indicator id in the config with a suggestion', () => {
    try {
      createScorer({ config: { indicators: { 'activity/continous-session': false } } });
      expect.unreachable();
    } catch (error) {
      expect(isConfigError(error)).toBe(true);
      expect(String(error)).toContain('indicators.activity/continous-session');
      expect(String(error)).toContain('Did you mean "activity/continuous-session"');
    }
  });

  it('rejects invalid options when the scorer is created, naming the option path', () => {
    try {
      createScorer({ config: { indicators: { 'activity/continuous-session': { options: { minHours: -1 } } } } });
      expect.unreachable();
    } catch (error) {
      expect(isIndicatorOptionsError(error)).toBe(true);
      expect((error as { issues: { path: string }[] }).issues[0]?.path).toBe('minHours');
    }
  });

  it('rejects duplicate indicator ids and malformed indicators', () => {
    expect(() => createScorer({ indicators: [tooManyAccounts, tooManyAccounts] })).toThrow(/duplicate indicator id/);
    expect(() => createScorer({ indicators: [{ meta: { ...tooManyAccounts.meta, id: 'NoSlash' }, evaluate: () => [] } as AnyIndicator] })).toThrow(
      /kebab case/,
    );
    expect(() => createScorer({ config: { bands: { elevated: 60, high: 50, critical: 80 } } })).toThrow(/ordered/);
  });

  it('records an indicator that throws or returns malformed findings, and keeps the rest of the report', () => {
    const indicators = [
      tooManyAccounts,
      brokenIndicator('bad/throws', () => {
        throw new Error('boom');
      }),
      brokenIndicator('bad/strength', (view) => [{ messageId: 'many', strength: 1.5, evidence: [{ recordId: view.subject.id }] }]),
      brokenIndicator('bad/message', (view) => [{ messageId: 'nope', strength: 0.5, evidence: [{ recordId: view.subject.id }] }]),
      brokenIndicator('bad/evidence', () => [{ messageId: 'many', strength: 0.5, evidence: [] }]),
      brokenIndicator('bad/shape', () => 42 as never),
    ];
    const report = createScorer({ indicators }).score({ id: 'w1' }, { asOf, events: manyAccounts });
    // Listed by indicator id, whatever the order the indicators were given in.
    expect(report.errors.map((e) => e.indicatorId)).toEqual(['bad/evidence', 'bad/message', 'bad/shape', 'bad/strength', 'bad/throws']);
    const messageOf = (id: string): string | undefined => report.errors.find((e) => e.indicatorId === id)?.message;
    expect(messageOf('bad/throws')).toContain('boom');
    expect(messageOf('bad/strength')).toContain('outside [0, 1]');
    expect(messageOf('bad/message')).toContain('unknown messageId "nope"');
    expect(report.indicators.filter((i) => i.status === 'error')).toHaveLength(5);
    expect(report.reasons.map((r) => r.indicatorId)).toEqual(['acme/too-many-accounts']);
    // The first failing indicator by id throws.
    expect(() => createScorer({ indicators, config: { onIndicatorError: 'throw' } }).score({ id: 'w1' }, { asOf })).toThrow(
      expect.objectContaining({ indicatorId: 'bad/evidence' }),
    );
    try {
      createScorer({ indicators, config: { onIndicatorError: 'throw' } }).score({ id: 'w1' }, { asOf });
    } catch (error) {
      expect(isIndicatorRuntimeError(error)).toBe(true);
    }
  });

  it('lists the checks that had no data', () => {
    const report = createScorer().score({ id: 'w1' }, { asOf });
    expect(report.coverage.evaluated).toBe(0);
    expect(report.coverage.notEvaluated.map((n) => n.indicatorId)).toEqual(builtinIndicators.map((i) => i.meta.id));
    expect(report.indicators.every((i) => i.status === 'not-evaluated')).toBe(true);
    expect(report.score).toBe(1.8);
    expect(report.band).toBe('low');
  });

  it('holds a subject below the high band without corroboration from a second data family', () => {
    const [identity] = scriptedIndicators(1, [], ['identity']);
    const scripts = { 'test/scripted-0': [{ strength: 1, kind: 'risk' }] };
    const indicators = [identity as AnyIndicator];
    const heavy = { indicators: { 'test/scripted-0': { weight: 4.5 } } };
    const capped = createScorer({ indicators, config: heavy }).score({ id: 'x', extensions: { scripts } }, { asOf });
    expect(capped.score).toBeGreaterThan(50);
    expect(capped.band).toBe('elevated');
    expect(capped.bandCapped).toMatchObject({ wouldBe: 'high', families: ['identity'] });
    const free = createScorer({ indicators, config: { ...heavy, corroboration: false } }).score({ id: 'x', extensions: { scripts } }, { asOf });
    expect(free.band).toBe('high');
    expect(free.bandCapped).toBeUndefined();
  });

  it('counts indicators of one correlation group less than independent ones', () => {
    const scripts = { 'test/scripted-0': [{ strength: 1, kind: 'risk' }], 'test/scripted-1': [{ strength: 1, kind: 'risk' }] };
    const grouped = createScorer({ indicators: scriptedIndicators(2, ['same']) }).score({ id: 'x', extensions: { scripts } }, { asOf });
    const apart = createScorer({ indicators: scriptedIndicators(2, ['one', 'two']) }).score({ id: 'x', extensions: { scripts } }, { asOf });
    // Weights are 1 and 2: apart they add 3; grouped, the weaker one counts half.
    expect(apart.logOdds - apart.priorLogOdds).toBeCloseTo(3, 12);
    expect(grouped.logOdds - grouped.priorLogOdds).toBeCloseTo(2.5, 12);
    const capped = createScorer({ indicators: scriptedIndicators(2, ['same']), config: { groups: { same: { cap: 1 } } } }).score(
      { id: 'x', extensions: { scripts } },
      { asOf },
    );
    expect(capped.logOdds - capped.priorLogOdds).toBeCloseTo(1, 12);
  });

  it('breaks the score down by typology', () => {
    const scripts = { 'test/scripted-0': [{ strength: 1, kind: 'risk' }], 'test/scripted-1': [{ strength: 1, kind: 'risk' }] };
    const report = createScorer({ indicators: scriptedIndicators(2) }).score({ id: 'x', extensions: { scripts } }, { asOf });
    const byId = Object.fromEntries(report.typologies.map((t) => [t.typology, t]));
    expect(byId['remote-hire-identity-fraud']?.indicators).toEqual(['test/scripted-0']);
    expect(byId['insider-technology-collection']?.indicators).toEqual(['test/scripted-1']);
    expect(byId['insider-technology-collection']?.logOdds).toBeCloseTo(-4 + 2, 12);
  });

  it('gives mitigating findings a negative contribution and a marked reason', () => {
    const scripts = { 'test/scripted-0': [{ strength: 1, kind: 'risk' }], 'test/scripted-1': [{ strength: 0.5, kind: 'mitigating' }] };
    const report = createScorer({ indicators: scriptedIndicators(2, ['a', 'b']) }).score({ id: 'x', extensions: { scripts } }, { asOf });
    const mitigating = report.reasons.find((r) => r.kind === 'mitigating');
    expect(mitigating?.contribution).toBeCloseTo(-1, 12);
    expect(report.logOdds).toBeCloseTo(-4 + 1 - 1, 12);
    expect(report.nextSteps.map((s) => s.indicatorId)).toEqual(['test/scripted-0']);
  });

  it('throws a readable error for an invalid subject or event in single-subject scoring', () => {
    const scorer = createScorer();
    expect(() => scorer.score({ id: 'w1', identity: { residence: { country: 'usa' } } }, { asOf })).toThrow(/identity\.residence\.country/);
    try {
      scorer.score({ id: 'w1' }, { asOf, events: [{ id: 'e1', subjectId: 'w1', type: 'session', at: 'yesterday' }] });
      expect.unreachable();
    } catch (error) {
      expect(isInvalidRecordError(error)).toBe(true);
      expect((error as Error).message).toContain('event "e1"');
      expect((error as Error).message).toContain('at:');
    }
    expect(() => scorer.score({ id: 'w1' }, { asOf: 'now' })).toThrow(/asOf/);
  });

  it('runs a prepare hook once per population and hands its result to evaluate', () => {
    let calls = 0;
    const peerCount = defineIndicator({
      meta: { ...metaWithoutOptions, id: 'acme/peers', messages: { peers: '{{n}} peers' } },
      prepare(population) {
        calls++;
        return population.subjects.length;
      },
      evaluate(view, { prepared }) {
        return [{ messageId: 'peers', strength: 0.1, data: { n: prepared }, evidence: [{ recordId: view.subject.id }] }];
      },
    });
    const result = createScorer({ indicators: [peerCount] }).scoreBatch({ asOf, subjects: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
    expect(calls).toBe(1);
    expect(result.reports.map((r) => r.findings[0]?.message)).toEqual(['3 peers', '3 peers', '3 peers']);
  });
});

describe('scoreBatch', () => {
  it('scores every valid record and lists every invalid one with its path', () => {
    const result = createScorer({ indicators: [...builtinIndicators, tooManyAccounts] }).scoreBatch({
      subjects: [{ id: 'w1' }, { id: 'ok' }, { id: 42 }, { id: 'bad-tz', identity: { residence: { timeZone: 'Mars/Olympus' } } }],
      events: [
        ...manyAccounts,
        { id: 'x1', subjectId: 'ghost', type: 'session', at: '2025-05-01T00:00:00Z' },
        { id: 'x2', subjectId: 'w1', type: 'sesion', at: '2025-05-01T00:00:00Z' },
        { id: 'x3', subjectId: 'w1', type: 'worklog', at: '2025-05-01T00:00:00Z', hours: -1, end: '2025-05-01T01:00:00Z' },
      ],
    });
    expect(result.reports.map((r) => r.subjectId)).toEqual(['w1', 'ok']);
    expect(result.rejected.map((r) => [r.kind, r.recordId, r.issues[0]?.path])).toEqual([
      ['subject', undefined, 'id'],
      ['subject', 'bad-tz', 'identity.residence.timeZone'],
      ['event', 'x1', 'subjectId'],
      ['event', 'x2', 'type'],
      ['event', 'x3', 'hours'],
    ]);
    expect(result.asOfSource).toBe('latest-event');
    expect(result.asOf).toBe('2025-05-23T10:00:00.000Z');
  });

  it('rejects every copy of a duplicated id, whatever the order', () => {
    const result = createScorer().scoreBatch({ asOf, subjects: [{ id: 'a' }, { id: 'b' }, { id: 'a' }] });
    expect(result.reports.map((r) => r.subjectId)).toEqual(['b']);
    expect(result.rejected.map((r) => r.index)).toEqual([0, 2]);
  });

  it('ignores events after asOf and says how many', () => {
    const result = createScorer().scoreBatch({ asOf: '2025-05-05T12:00:00Z', subjects: [{ id: 'w1' }], events: dayLong });
    expect(result.reports[0]?.meta.eventsAfterAsOf).toBe(2);
    expect(result.reports[0]?.meta.eventsConsidered).toBe(3);
  });

  it('orders reports by score, highest first, then by subject id', () => {
    const events = [...dayLong, ...dayLong.map((e) => ({ ...e, id: `z-${e.id}`, subjectId: 'w3' }))];
    const result = createScorer().scoreBatch({ asOf, subjects: [{ id: 'w2' }, { id: 'w3' }, { id: 'w1' }], events });
    expect(result.reports.map((r) => r.subjectId)).toEqual(['w1', 'w3', 'w2']);
  });

  it('requires asOf when there are no events', () => {
    expect(() => createScorer().scoreBatch({ subjects: [{ id: 'a' }] })).toThrow(/asOf/);
  });
});

const eventArb = fc.oneof(
  fc.record({
    type: fc.constant('session'),
    start: fc.integer({ min: 0, max: 24 * 40 }),
    hours: fc.integer({ min: 1, max: 30 }),
    account: fc.constantFrom('a', 'b'),
  }),
  fc.record({ type: fc.constant('worklog'), start: fc.integer({ min: 0, max: 24 * 40 }), hours: fc.integer({ min: 1, max: 16 }), account: fc.constant('a') }),
);

propTest.prop(
  [
    fc.array(eventArb, { maxLength: 60 }).chain((events) =>
      fc.tuple(
        fc.constant(events),
        fc.shuffledSubarray(
          events.map((_, i) => i),
          { minLength: events.length, maxLength: events.length },
        ),
      ),
    ),
  ],
  {
    numRuns: 100,
    seed: 7,
  },
)('record order changes nothing', ([specs, order]) => {
  const base = Date.UTC(2025, 3, 1);
  const events = specs.map((s, i) => ({
    id: `e${i}`,
    subjectId: 'p',
    type: s.type,
    at: new Date(base + s.start * 3_600_000).toISOString(),
    end: new Date(base + (s.start + s.hours) * 3_600_000).toISOString(),
    ...(s.type === 'session' ? { accountId: s.account } : { hours: s.hours }),
  }));
  const scorer = createScorer();
  const a = scorer.score({ id: 'p' }, { asOf, events });
  const b = scorer.score({ id: 'p' }, { asOf, events: order.map((i) => events[i]) });
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
});

describe('config strictness', () => {
  it('refuses unknown config keys at every level, naming the path', () => {
    expect(() => createScorer({ config: { weights: {} } as never })).toThrow(/Unrecognized key.*weights|weights/);
    expect(() => createScorer({ config: { indicators: { 'activity/excessive-hours': { wieght: 2 } as never } } })).toThrow(
      /indicators\.activity\/excessive-hours/,
    );
    expect(() => createScorer({ config: { groups: { 'activity-time': { capp: 1 } as never } } })).toThrow(/groups\.activity-time/);
  });
});
