import { InvalidRecordError, createScorer, parseOutcomes, safeParseEvent, safeParseSubject, safeParseWatchlist } from '../../src/index';
import { describeValue } from '../../src/errors/describeValue';
import { run } from '../cli/run';

const asOf = '2025-06-01T00:00:00Z';
const scorer = createScorer();

/** Values whose stringification, reading or copying throws: each must be a rejected record, never an exception. */
const hostileValues: Record<string, () => unknown> = {
  'an object with a non-callable toString': () => ({ toString: 1 }),
  'an object with a throwing valueOf': () => ({
    valueOf: () => {
      throw new Error('valueOf');
    },
    toString: undefined,
  }),
  'an object with a throwing Symbol.toPrimitive': () => ({
    [Symbol.toPrimitive]: () => {
      throw new Error('toPrimitive');
    },
  }),
  'a null-prototype object': () => Object.create(null) as object,
  'a symbol': () => Symbol('x'),
  'a bigint': () => 10n,
  'a function': () => () => 1,
  'an object with a throwing getter': () =>
    Object.defineProperty({}, 'city', {
      get: () => {
        throw new Error('getter');
      },
      enumerable: true,
    }),
  'a proxy whose traps throw': () =>
    new Proxy(
      {},
      {
        get: () => {
          throw new Error('get trap');
        },
        ownKeys: () => {
          throw new Error('ownKeys trap');
        },
        getPrototypeOf: () => {
          throw new Error('getPrototypeOf trap');
        },
        has: () => {
          throw new Error('has trap');
        },
      },
    ),
  'a revoked proxy': () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
};

describe('hostile values in any field are rejected records, never exceptions', () => {
  it('an event whose type is {"toString":1} is rejected with the path type, in scoreBatch and validate', async () => {
    const event = { id: 'e2', subjectId: 'a', type: { toString: 1 }, at: asOf };
    const parsed = safeParseEvent(event);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0]?.path).toBe('type');
    const result = scorer.scoreBatch({ asOf, subjects: [{ id: 'a' }], events: [event] });
    expect(result.reports.map((r) => r.subjectId)).toEqual(['a']);
    expect(result.rejected).toEqual([{ kind: 'event', index: 0, recordId: 'e2', issues: [expect.objectContaining({ path: 'type' })] }]);
    const { code, stdout } = await run(['validate', '-'], { stdin: JSON.stringify({ asOf, subjects: [{ id: 'a' }], events: [event] }) });
    expect(code).toBe(2);
    expect(stdout).toContain('type');
  });

  it('an NDJSON line whose recordType is {"toString":1} is rejected by its line, not a crash', async () => {
    const lines = [JSON.stringify({ recordType: 'subject', id: 'a' }), JSON.stringify({ recordType: { toString: 1 }, id: 'x' })];
    const { code, stdout } = await run(['validate', '-', '--input-format', 'ndjson', '--json'], { stdin: `${lines.join('\n')}\n` });
    expect(code).toBe(2);
    const out = JSON.parse(stdout) as { rejected: { line?: number; issues: { path: string }[] }[] };
    expect(out.rejected.some((r) => r.line === 2)).toBe(true);
  });

  const places: Record<string, (value: unknown) => { kind: 'subject' | 'event' | 'watchlist'; record: unknown; path: string }> = {
    'subject.id': (value) => ({ kind: 'subject', record: { id: value }, path: 'id' }),
    'subject.identity.residence.city': (value) => ({
      kind: 'subject',
      record: { id: 's', identity: { residence: { city: value } } },
      path: 'identity.residence',
    }),
    'subject.shipments[0]': (value) => ({ kind: 'subject', record: { id: 's', shipments: [value] }, path: 'shipments' }),
    'subject.extensions.x': (value) => ({ kind: 'subject', record: { id: 's', extensions: { x: value } }, path: 'extensions' }),
    'event.ip': (value) => ({ kind: 'event', record: { id: 'e', subjectId: 's', type: 'session', at: asOf, ip: value }, path: '' }),
    'event.network': (value) => ({ kind: 'event', record: { id: 'e', subjectId: 's', type: 'session', at: asOf, network: value }, path: '' }),
    'event.data (custom)': (value) => ({
      kind: 'event',
      record: { id: 'e', subjectId: 's', type: 'custom', kind: 'k', at: asOf, data: { v: value } },
      path: 'data',
    }),
    'watchlist.entries[0].value': (value) => ({ kind: 'watchlist', record: { name: 'l', kind: 'other', entries: [{ type: 'name', value }] }, path: 'entries' }),
    'the record itself': (value) => ({ kind: 'subject', record: value, path: '' }),
  };

  for (const [valueName, make] of Object.entries(hostileValues)) {
    it(`${valueName} in any place: safeParse never throws, scoreBatch rejects only that record`, () => {
      for (const [placeName, place] of Object.entries(places)) {
        const { kind, record, path } = place(make());
        const parse = kind === 'subject' ? safeParseSubject : kind === 'event' ? safeParseEvent : safeParseWatchlist;
        const parsed = parse(record);
        // A null-prototype object is an acceptable object in some places; it must never throw anywhere.
        if (parsed.success) continue;
        expect(parsed.error.issues.length, placeName).toBeGreaterThan(0);
        expect(
          parsed.error.issues.every((i) => i.path.startsWith(path)),
          `${placeName}: ${JSON.stringify(parsed.error.issues)}`,
        ).toBe(true);
        const input =
          kind === 'subject'
            ? { asOf, subjects: [record, { id: 'ok' }] }
            : kind === 'event'
              ? { asOf, subjects: [{ id: 's' }, { id: 'ok' }], events: [record] }
              : { asOf, subjects: [{ id: 'ok' }], watchlists: [record] };
        const result = scorer.scoreBatch(input);
        expect(
          result.reports.some((r) => r.subjectId === 'ok'),
          placeName,
        ).toBe(true);
        expect(result.rejected.length, placeName).toBe(1);
      }
    });
  }

  for (const [valueName, make] of Object.entries(hostileValues)) {
    it(`${valueName} as a suppression, or in one of its fields: that suppression is rejected, the batch is scored`, () => {
      const valid = {
        id: 'x',
        subjectId: 'ok',
        indicatorId: 'watchlist/match',
        reason: 'reviewed',
        approvedBy: 'r',
        from: '2025-01-01T00:00:00Z',
        until: '2026-01-01T00:00:00Z',
      };
      expect(scorer.scoreBatch({ asOf, subjects: [{ id: 'ok' }], suppressions: [valid] }).rejected).toEqual([]);
      for (const suppression of [make(), { ...valid, reason: make() }, { ...valid, id: 'y', subjectId: make() }]) {
        const result = scorer.scoreBatch({ asOf, subjects: [{ id: 'ok' }], suppressions: [suppression] });
        expect(result.reports.map((r) => r.subjectId)).toEqual(['ok']);
        expect(result.rejected.map((r) => [r.kind, r.index])).toEqual([['suppression', 0]]);
      }
    });
  }

  it('a hostile outcome record is a rejected outcome, the others are kept', () => {
    const valid = { subjectId: 'ok', decidedAt: asOf, outcome: 'cleared', decidedBy: 'r' };
    expect(parseOutcomes([valid]).rejected).toEqual([]);
    for (const make of Object.values(hostileValues)) {
      for (const outcome of [make(), { ...valid, subjectId: 'b', outcome: make() }]) {
        const parsed = parseOutcomes([outcome, valid]);
        expect(parsed.rejected.map((r) => r.index)).toEqual([0]);
        expect([...parsed.bySubject.keys()]).toEqual(['ok']);
      }
    }
  });

  it('a hostile input document (or list of records) makes scoreBatch and summarise throw InvalidRecordError only, with the path', () => {
    for (const [valueName, make] of Object.entries(hostileValues)) {
      const inputs: unknown[] = [make(), { asOf, subjects: make() }, { asOf, subjects: [{ id: 'a' }], events: make() }];
      for (const input of inputs) {
        for (const call of [() => scorer.scoreBatch(input as never), () => scorer.summarise(input as never)]) {
          let thrown: unknown;
          try {
            call();
          } catch (error) {
            thrown = error;
          }
          // Some values are acceptable here (a null-prototype object is an empty document); none may throw anything else.
          if (thrown !== undefined) expect(thrown, valueName).toBeInstanceOf(InvalidRecordError);
        }
      }
    }
  });

  it('a list of records whose elements or length throw when read, or whose length is absurd, is InvalidRecordError with the list path', () => {
    const event = { id: 'e1', subjectId: 'a', type: 'session', at: '2025-05-01T10:00:00Z' };
    const trap = (on: 'get' | 'length') =>
      new Proxy([event], {
        get(target, key, receiver) {
          if (on === 'length' ? key === 'length' : key === '0') throw new Error('trap');
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    sparse[3] = event;
    for (const events of [trap('get'), trap('length'), sparse]) {
      let thrown: unknown;
      try {
        scorer.scoreBatch({ asOf, subjects: [{ id: 'a' }], events } as never);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidRecordError);
      expect((thrown as InvalidRecordError).issues[0]?.path).toBe('events');
    }
    // A sparse list of ordinary length is read as its records: the holes are no records.
    const holes: unknown[] = [];
    holes[1000] = event;
    expect(scorer.scoreBatch({ asOf, subjects: [{ id: 'a' }], events: holes } as never).reports[0]?.subjectId).toBe('a');
  });

  it('a getter that throws while validating names the field it sits on', () => {
    const residence = Object.defineProperty({ country: 'US' }, 'city', {
      get: () => {
        throw new Error('boom');
      },
      enumerable: true,
    });
    const parsed = safeParseSubject({ id: 's', identity: { residence } });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues).toEqual([{ path: 'identity.residence.city', message: 'could not be read: boom' }]);
  });

  it('an id behind a throwing getter is read as no id, not an exception', () => {
    const record = Object.defineProperty({}, 'id', {
      get: () => {
        throw new Error('id');
      },
      enumerable: true,
    });
    const result = scorer.scoreBatch({ asOf, subjects: [record, { id: 'ok' }] });
    expect(result.rejected).toEqual([{ kind: 'subject', index: 0, issues: [expect.objectContaining({ path: 'id' })] }]);
  });

  it('describeValue never calls the value and caps what it quotes', () => {
    for (const make of Object.values(hostileValues)) expect(typeof describeValue(make())).toBe('string');
    expect(describeValue('x'.repeat(10_000)).length).toBeLessThan(70);
    expect(describeValue('passport')).toBe('"passport"');
  });
});
