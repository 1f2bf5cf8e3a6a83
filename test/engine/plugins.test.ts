import { ConfigError, createScorer, type AnyIndicator, type Report, type ScorerConfig, type SubjectView } from '../../src/index';
import { plugin } from '../support/plugin';

const asOf = '2025-06-01T00:00:00Z';

const fire = (view: SubjectView, text: string) => [{ messageId: 'm', strength: 1, data: { text }, evidence: [{ recordId: view.subject.id }] }];

/** Reports what it sees: the subject id and the first session, so a change made by another plug-in would show. */
const witness = plugin('test/witness', (view) => fire(view, `${view.subject.id} first session ${view.eventsOf('session')[0]?.id ?? 'none'}`));

const sessions = [
  { id: 'e1', subjectId: 's1', type: 'session', at: '2025-05-01T09:00:00Z' },
  { id: 'e2', subjectId: 's1', type: 'session', at: '2025-05-02T09:00:00Z' },
];

function scoreBatchWith(indicators: readonly AnyIndicator[], config: ScorerConfig = {}) {
  const result = createScorer({ indicators: [...indicators, witness], config }).scoreBatch({ asOf, subjects: [{ id: 's1' }, { id: 's2' }], events: sessions });
  for (const report of result.reports) {
    // Whatever the plug-in did, the witness saw the records as given and the report is plain JSON.
    expect(report.findings.find((f) => f.indicatorId === 'test/witness')?.message).toBe(
      report.subjectId === 's1' ? 's1 first session e1' : 's2 first session none',
    );
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  }
  expect(result.reports.map((r) => r.subjectId).sort()).toEqual(['s1', 's2']);
  return result;
}

const errorsOf = (report: Report | undefined) => report?.errors.map((e) => `${e.indicatorId}: ${e.message}`);

/** Collects unhandled rejections until the event loop has turned, so a rejection nobody handled is seen. */
async function unhandledRejectionsDuring(run: () => void): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  try {
    run();
    // Node reports unhandled rejections after the microtask queue drains; two turns of the loop are enough.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return seen;
}

describe('asynchronous plug-ins: an error in the report, the rejection handled', () => {
  it('an async evaluate that rejects', async () => {
    let result: ReturnType<typeof scoreBatchWith> | undefined;
    const unhandled = await unhandledRejectionsDuring(() => {
      result = scoreBatchWith([
        plugin('test/async-evaluate', async () => {
          throw new Error('network down');
        }),
      ]);
    });
    expect(unhandled).toEqual([]);
    expect(errorsOf(result?.reports[0])).toEqual(['test/async-evaluate: returned a promise; evaluate must be synchronous (the engine does not await it)']);
  });

  it('an async evaluate that resolves is an error too: its findings would arrive after the report', async () => {
    const unhandled = await unhandledRejectionsDuring(() => {
      const result = scoreBatchWith([plugin('test/async-ok', async (view) => fire(view, 'late'))]);
      expect(errorsOf(result.reports[0])).toEqual(['test/async-ok: returned a promise; evaluate must be synchronous (the engine does not await it)']);
    });
    expect(unhandled).toEqual([]);
  });

  it('an async prepare that rejects', async () => {
    let result: ReturnType<typeof scoreBatchWith> | undefined;
    const unhandled = await unhandledRejectionsDuring(() => {
      result = scoreBatchWith([
        plugin(
          'test/async-prepare',
          () => [],
          async () => {
            throw Object.create(null);
          },
        ),
      ]);
    });
    expect(unhandled).toEqual([]);
    for (const report of result?.reports ?? []) {
      expect(errorsOf(report)).toEqual(['test/async-prepare: prepare returned a promise; prepare must be synchronous (the engine does not await it)']);
    }
  });

  it('a thenable whose then throws', async () => {
    const thenable = {
      then: () => {
        throw new Error('then exploded');
      },
    };
    const unhandled = await unhandledRejectionsDuring(() => {
      const result = scoreBatchWith([plugin('test/thenable', () => thenable)]);
      expect(errorsOf(result.reports[0])).toEqual(['test/thenable: returned a promise; evaluate must be synchronous (the engine does not await it)']);
    });
    expect(unhandled).toEqual([]);
  });
});

describe('an indicator that throws anything: score and scoreBatch never throw', () => {
  const trapsThatThrow = new Proxy(
    {},
    Object.fromEntries(
      ['get', 'has', 'ownKeys', 'getPrototypeOf', 'getOwnPropertyDescriptor', 'defineProperty', 'set', 'apply'].map((trap) => [
        trap,
        () => {
          throw new Error(`${trap} trap`);
        },
      ]),
    ),
  );
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const messageGetterThrows = new Error('hidden');
  Object.defineProperty(messageGetterThrows, 'message', {
    get: () => {
      throw Object.create(null);
    },
  });
  const hostilePrimitive = {
    toString: () => {
      throw new Error('toString');
    },
    valueOf: () => {
      throw new Error('valueOf');
    },
    [Symbol.toPrimitive]: () => {
      throw new Error('toPrimitive');
    },
  };

  it.each([
    ['Object.create(null)', Object.create(null), 'threw: a non-Error value (an object without a prototype)'],
    ['a proxy whose every trap throws', trapsThatThrow, 'threw: a value that could not be read (its getters or proxy traps threw)'],
    ['a revoked proxy', revoked.proxy, 'threw: a value that could not be read (its getters or proxy traps threw)'],
    ['an object with hostile toString, valueOf and Symbol.toPrimitive', hostilePrimitive, 'threw: a non-Error value (an object)'],
    ['a frozen object', Object.freeze({ reason: 'frozen' }), 'threw: a non-Error value (an object)'],
    ['an Error whose message getter throws', messageGetterThrows, 'threw: a value that could not be read (its getters or proxy traps threw)'],
    ['an Error with a non-string message', Object.assign(new Error('x'), { message: 42 }), 'threw: an Error without a message'],
    ['a symbol', Symbol('s'), 'threw: a non-Error value (a symbol)'],
    ['undefined', undefined, 'threw: a non-Error value (undefined)'],
    ['a number', 42, 'threw: a non-Error value (42)'],
    ['a string', 'plain text', 'threw: plain text'],
    ['a very long string, cut', 'x'.repeat(10_000), `threw: ${'x'.repeat(500)}…`],
    ['an array', [1, 2], 'threw: a non-Error value (an array)'],
  ])('%s', (_name, thrown, message) => {
    const indicator = plugin('test/thrower', () => {
      throw thrown;
    });
    const result = scoreBatchWith([indicator]);
    expect(errorsOf(result.reports[0])).toEqual([`test/thrower: ${message}`]);
    const single = createScorer({ indicators: [indicator, witness] }).score({ id: 's1' }, { asOf });
    expect(errorsOf(single)).toEqual([`test/thrower: ${message}`]);
  });

  it('a prepare that throws Object.create(null)', () => {
    const result = scoreBatchWith([
      plugin(
        'test/prepare-thrower',
        () => [],
        () => {
          throw Object.create(null);
        },
      ),
    ]);
    expect(errorsOf(result.reports[0])).toEqual(['test/prepare-thrower: prepare threw: a non-Error value (an object without a prototype)']);
  });

  it('findings that are proxies or carry hostile values', () => {
    const hostileId = {
      toString: () => {
        throw new Error('no');
      },
    };
    const cases: [unknown, RegExp][] = [
      [[trapsThatThrow], /^test\/hostile-finding: malformed outcome: get trap$/],
      [[{ messageId: hostileId, strength: 1, evidence: [{ recordId: 's1' }] }], /unknown messageId a value of type object; known: m$/],
      [[{ messageId: 'm', strength: 1, data: { text: 'x' }, evidence: [{ recordId: 's1', value: trapsThatThrow }] }], /malformed outcome: get trap$/],
      [
        new Proxy([], {
          get: () => {
            throw Object.create(null);
          },
        }),
        /malformed outcome: a non-Error value \(an object without a prototype\)$/,
      ],
    ];
    for (const [outcome, message] of cases) {
      const result = scoreBatchWith([plugin('test/hostile-finding', () => outcome)]);
      expect(errorsOf(result.reports[0])?.[0]).toMatch(message);
    }
  });

  it('a strength getter that passes the check, then changes, is read once', () => {
    let reads = 0;
    const finding = {
      messageId: 'm',
      data: { text: 'x' },
      evidence: [{ recordId: 's1' }],
      get strength() {
        reads++;
        return reads === 1 ? 0.5 : Number.NaN;
      },
    };
    const result = scoreBatchWith([plugin('test/shifty', (view) => (view.subject.id === 's1' ? [finding] : []))]);
    expect(result.reports.find((r) => r.subjectId === 's1')?.findings.find((f) => f.indicatorId === 'test/shifty')?.strength).toBe(0.5);
    expect(reads).toBe(1);
  });
});

describe('views are frozen: an indicator cannot change what others or the report see', () => {
  it('renaming the subject', () => {
    // Sloppy-mode code would fail silently; ES modules (and this test) are strict, where the write throws.
    const renamer = plugin('test/renamer', (view) => {
      expect(Reflect.set(view.subject, 'id', 'x')).toBe(false);
      (view.subject as { id: string }).id = 'x';
      return [];
    });
    const result = scoreBatchWith([renamer]);
    expect(errorsOf(result.reports[0])?.[0]).toMatch(/^test\/renamer: threw: Cannot assign to read only property 'id'/);
  });

  it('reversing eventsOf(type), sorting view.events, or editing an event', () => {
    const vandal = plugin('test/vandal', (view) => {
      const attempts = [
        () => (view.eventsOf('session') as unknown[]).reverse(),
        () => (view.events as unknown[]).sort(() => -1),
        () => (view.events as unknown[]).push({}),
        () => Object.assign(view.events[0] ?? {}, { at: '2030-01-01T00:00:00Z' }),
        () => Object.assign(view, { events: [] }),
      ];
      const failed = attempts.filter((attempt) => {
        try {
          attempt();
          return view.events.length === 0;
        } catch {
          return true;
        }
      });
      return fire(view, `${failed.length} of ${attempts.length} refused`);
    });
    const result = scoreBatchWith([vandal]);
    expect(result.reports.find((r) => r.subjectId === 's1')?.findings.find((f) => f.indicatorId === 'test/vandal')?.message).toBe('5 of 5 refused');
    expect(result.reports[0]?.errors).toEqual([]);
  });

  it('changing the population, watchlists or inputs in prepare', () => {
    const meddler = plugin(
      'test/meddler',
      () => [],
      (population: { subjects: unknown[]; watchlists: unknown[]; inputs: Record<string, unknown> }) => {
        const refused = [() => population.subjects.reverse(), () => population.watchlists.push({}), () => (population.inputs['linkSettings'] = {})].filter(
          (attempt) => {
            try {
              attempt();
              return false;
            } catch {
              return true;
            }
          },
        );
        if (refused.length !== 3) throw new Error(`only ${refused.length} of 3 refused`);
        return undefined;
      },
    );
    const result = scoreBatchWith([meddler]);
    expect(result.reports[0]?.errors).toEqual([]);
  });

  it("the caller's records are not frozen: validation made the copies that are", () => {
    const subject = { id: 's1', identity: { names: [{ value: 'Ana Silva', kind: 'legal' }] } };
    const event = { ...sessions[0] };
    createScorer({ indicators: [witness] }).scoreBatch({ asOf, subjects: [subject], events: [event] });
    expect(Object.isFrozen(subject)).toBe(false);
    expect(Object.isFrozen(subject.identity.names)).toBe(false);
    expect(Object.isFrozen(event)).toBe(false);
  });
});

describe('a cap on findings per indicator per subject', () => {
  const finding = { messageId: 'm', strength: 0.1, data: { text: 'x' }, evidence: [{ recordId: 's1' }] };

  it('1,000,001 findings: an error naming the count and the cap, the rest of the report scored, no finding read', () => {
    const many: unknown[] = new Array(1_000_001).fill(finding);
    let elementReads = 0;
    const counted = new Proxy(many, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) elementReads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const result = scoreBatchWith([plugin('test/flood', () => counted)]);
    expect(errorsOf(result.reports.find((r) => r.subjectId === 's1'))).toEqual([
      'test/flood: produced 1000001 findings, more than the cap of 10000 (config maxFindingsPerIndicator)',
    ]);
    // Counted work: the cap is checked on the length, before any finding is copied or checked.
    expect(elementReads).toBe(0);
  });

  it('is configurable, and part of the config hash only when set', () => {
    const four = plugin('test/four', (view) =>
      Array.from({ length: 4 }, (_, i) => ({ ...finding, data: { text: `f${i}` }, evidence: [{ recordId: view.subject.id }] })),
    );
    expect(errorsOf(scoreBatchWith([four], { maxFindingsPerIndicator: 3 }).reports[0])).toEqual([
      'test/four: produced 4 findings, more than the cap of 3 (config maxFindingsPerIndicator)',
    ]);
    const atCap = scoreBatchWith([four], { maxFindingsPerIndicator: 4 }).reports[0];
    expect(atCap?.errors).toEqual([]);
    expect(atCap?.findings.filter((f) => f.indicatorId === 'test/four')).toHaveLength(4);
    const hash = (config: ScorerConfig) => createScorer({ indicators: [four], config }).configHash;
    expect(hash({ maxFindingsPerIndicator: 10_000 })).toBe(hash({}));
    expect(hash({ maxFindingsPerIndicator: 3 })).not.toBe(hash({}));
    for (const bad of [0, 1.5, -1, 'many']) expect(() => createScorer({ config: { maxFindingsPerIndicator: bad as number } })).toThrow(ConfigError);
  });
});
