import { fc, test } from '@fast-check/vitest';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { activityEventSchema } from '../../src/records/events';
import { createFastParser, walkChecked, type FastParser } from '../../src/records/fastParse';
import { safeParseEvent } from '../../src/records/validate';
import { subjectSchema } from '../../src/records/subject';
import { watchlistSchema } from '../../src/records/watchlist';
// @ts-expect-error plain JavaScript module shared with the benchmarks
import { population } from '../../bench/population.mjs';
import { applyMutation, eventBaseArb, mutationArb, subjectBaseArb, watchlistBaseArb } from '../fuzz/arbitraries';
import { materialise, type Plan } from '../fuzz/plan';
import { fuzzTimeout, params } from '../fuzz/settings';

const schemas = [
  ['event', activityEventSchema, eventBaseArb],
  ['subject', subjectSchema, subjectBaseArb],
  ['watchlist', watchlistSchema, watchlistBaseArb],
] as const;

/** Both builds of every schema's parser: generated object readers, and closures. */
const parsers = schemas.map(([kind, schema, base]) => {
  const built = [true, false].map((generate) => createFastParser(schema as z.ZodType, generate));
  return { kind, schema: schema as z.ZodType, base, built };
});

/** The ids a document would give the record (the generators leave them to the document). */
function withIds(at: number, plan: Plan): Plan {
  if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) return plan;
  if (at === 0) return { ...plan, id: 'e1', subjectId: 's1' };
  return at === 1 ? { ...plan, id: 's1' } : plan;
}

/** zod's answer for a fresh copy of the record: its data, its failure, or what it threw. */
function zodAnswer(schema: z.ZodType, plan: Plan): { ok: true; data: unknown } | { ok: false } {
  try {
    const result = schema.safeParse(materialise(plan));
    return result.success ? { ok: true, data: result.data } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** The fast parser takes a record only as zod does: zod accepts it, with the same value, keys in the same order. */
function expectAgreement(parser: FastParser, schema: z.ZodType, plan: Plan): boolean {
  const fast = parser(materialise(plan));
  if (fast === undefined) return false;
  const zod = zodAnswer(schema, plan);
  expect(zod.ok).toBe(true);
  if (zod.ok) {
    expect(JSON.stringify(fast.value)).toBe(JSON.stringify(zod.data));
    expect(isDeepStrictEqual(fast.value, zod.data)).toBe(true);
  }
  return true;
}

/** Valid records of the benchmark population, to mutate and to take whole. */
const sample = population(20, 40) as { subjects: Plan[]; events: (Plan & { type: string })[] };

const mutated = fc.oneof(
  fc
    .tuple(fc.constantFrom(...sample.events), fc.array(mutationArb({ hostile: true }), { minLength: 1, maxLength: 2 }))
    .map(([record, mutations]) => [0, mutations.reduce(applyMutation, record)] as const),
  ...parsers.map((entry, index) =>
    fc
      .tuple(fc.constant(index), entry.base, fc.array(mutationArb({ hostile: true }), { maxLength: 3 }))
      .map(([at, record, mutations]) => [at, mutations.reduce(applyMutation, withIds(at, record))] as const),
  ),
);

describe('the fast parse of valid records', () => {
  it('reads every record schema (no node left to zod)', () => {
    for (const { kind, built } of parsers)
      expect(
        built.every((parser) => parser !== undefined),
        kind,
      ).toBe(true);
  });

  test.prop([mutated], params('parse'))(
    'accepts a mutated or hostile record only when zod does, with the same value',
    ([at, plan]) => {
      const { schema, built } = parsers[at] as (typeof parsers)[number];
      for (const parser of built) if (parser !== undefined) expectAgreement(parser, schema, plan);
    },
    fuzzTimeout,
  );

  it('takes every valid record of the benchmark population, so valid input rarely pays for zod', () => {
    let taken = 0;
    for (const parser of parsers[0]?.built ?? [])
      for (const event of sample.events) if (parser !== undefined && expectAgreement(parser, activityEventSchema, event)) taken++;
    for (const parser of parsers[1]?.built ?? [])
      for (const subject of sample.subjects) if (parser !== undefined && expectAgreement(parser, subjectSchema, subject)) taken++;
    expect(taken).toBe(2 * (sample.events.length + sample.subjects.length));
    // The sample reaches many event types, each with its own object reader.
    expect(new Set(sample.events.map((event) => event.type)).size).toBeGreaterThan(8);
  });

  it('walks only on the zod release it was checked against; any other leaves records to zod', () => {
    expect(walkChecked({ major: 4, minor: 6 })).toBe(true);
    expect(walkChecked({ major: 4, minor: 7 })).toBe(false);
    expect(walkChecked({ major: 4, minor: 5 })).toBe(false);
    expect(walkChecked({ major: 5, minor: 6 })).toBe(false);
  });

  it('leaves a schema to zod when the runtime refuses generated code, rather than throwing', () => {
    const original = globalThis.Function;
    globalThis.Function = function refused(): never {
      throw new EvalError('code generation from strings disallowed for this context');
    } as unknown as FunctionConstructor;
    try {
      expect(createFastParser(activityEventSchema, true)).toBeUndefined();
      expect(createFastParser(activityEventSchema, false)).toBeDefined();
    } finally {
      globalThis.Function = original;
    }
  });

  it('leaves to zod what it does not settle, and the results stay zod’s', () => {
    const session = { id: 'e1', subjectId: 's1', type: 'session', at: '2025-01-01T00:00:00Z' };
    const cases: Record<string, unknown>[] = [
      { ...session, acountId: 'x' },
      { ...session, end: '2024-12-31T00:00:00Z' },
      { ...session, ip: '999.1.1.1' },
      JSON.parse(JSON.stringify(session).replace('{', '{"__proto__":{"x":1},')) as Record<string, unknown>,
      { ...session, accountId: undefined },
    ];
    const fast = parsers[0]?.built[0] as FastParser;
    for (const record of cases) {
      const zod = activityEventSchema.safeParse(record);
      const taken = fast(record);
      if (taken !== undefined) expect(JSON.stringify(taken.value)).toBe(JSON.stringify(zod.data));
      // What the library answers is zod's, whichever way it went.
      const answer = safeParseEvent(record, { lenient: true });
      expect(answer.success).toBe(zod.success || record.acountId !== undefined);
    }
    // A cap counts code points: 200 emoji are 400 UTF-16 units and fit the 256 cap, as zod's check says.
    const astral = { ...session, accountId: '\u{1F600}'.repeat(200) };
    expect(activityEventSchema.safeParse(astral).success).toBe(true);
    expect(JSON.stringify(fast(astral)?.value)).toBe(JSON.stringify(activityEventSchema.parse(astral)));
    expect(fast({ ...session, accountId: '\u{1F600}'.repeat(257) })).toBeUndefined();
    // Nulls are "unknown" and no-data objects are left out, as zod's checks do it.
    const withNulls = { ...session, accountId: null, network: { country: null } };
    expect(fast(withNulls)?.value).toEqual(session);
    expect(JSON.stringify(fast(withNulls)?.value)).toBe(JSON.stringify(activityEventSchema.parse(withNulls)));
  });
});
