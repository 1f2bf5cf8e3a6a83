import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { BatchInput, BatchResult } from '../../src/engine/createScorer';
import { createScorer } from '../../src/defaults';
import { isInvalidRecordError } from '../../src/errors/guards';
import { parseSubject, safeParseEvent, safeParseSubject, safeParseWatchlist, type SafeParseResult } from '../../src/records/validate';
import { accountingProblems, type BatchRecords } from './accounting';
import {
  documentArb,
  documentPlan,
  eventBaseArb,
  fuzzAsOf,
  mutationArb,
  applyMutation,
  objectPaths,
  subjectKeysAt,
  subjectListsWithIds,
  permute,
  replacementArb,
  subjectBaseArb,
  watchlistBaseArb,
  type DocumentPlan,
} from './arbitraries';
import { defineOwn, isSpecial, materialise, objectOf, type Plan } from './plan';
import { fuzzTimeout, params } from './settings';

const scorer = createScorer();

/** A record of any kind, mutated, or any value at all in its place. */
const anyRecordArb = fc.oneof(
  ...[subjectBaseArb, eventBaseArb, watchlistBaseArb].map((base) =>
    fc.tuple(base, fc.array(mutationArb({ hostile: true }), { maxLength: 3 })).map(([record, mutations]) => mutations.reduce(applyMutation, record)),
  ),
  replacementArb({ hostile: true }),
);

function batchOf(doc: DocumentPlan): BatchInput & BatchRecords {
  const value = materialise(documentPlan(doc)) as Record<string, unknown>;
  return {
    ...(doc.asOf !== undefined ? { asOf: doc.asOf } : {}),
    subjects: value.subjects as unknown[],
    events: value.events as unknown[],
    watchlists: value.watchlists as unknown[],
    ...(doc.reference !== undefined ? { reference: value.reference } : {}),
  };
}

/** Scores a batch; a throw is returned, to be judged, rather than failing the property blindly. */
function tryScoreBatch(input: BatchInput): { result: BatchResult } | { thrown: unknown } {
  try {
    return { result: scorer.scoreBatch(input) };
  } catch (thrown) {
    return { thrown };
  }
}

function describeThrown(thrown: unknown): string {
  try {
    return thrown instanceof Error ? `${thrown.name}: ${thrown.message}\n${thrown.stack ?? ''}` : String(thrown);
  } catch {
    return 'an unprintable value';
  }
}

function expectShape(result: SafeParseResult<unknown>): void {
  if (result.success) return;
  expect(result.error.issues.length).toBeGreaterThan(0);
  for (const issue of result.error.issues) {
    expect(typeof issue.path).toBe('string');
    expect(typeof issue.message).toBe('string');
  }
}

describe('fuzz: library entry points', () => {
  test.prop([anyRecordArb], params('parse'))(
    'safeParseSubject, safeParseEvent and safeParseWatchlist never throw, whatever the value; parseSubject throws only InvalidRecordError',
    (plan) => {
      for (const safeParse of [safeParseSubject, safeParseEvent, safeParseWatchlist]) {
        let result: SafeParseResult<unknown> | undefined;
        try {
          result = safeParse(materialise(plan));
        } catch (error) {
          expect.fail(`${safeParse.name} threw ${describeThrown(error)}`);
        }
        expectShape(result as SafeParseResult<unknown>);
      }
      try {
        parseSubject(materialise(plan));
      } catch (error) {
        expect(isInvalidRecordError(error), describeThrown(error)).toBe(true);
      }
    },
    fuzzTimeout,
  );

  test.prop([documentArb({ hostile: true, asOf: 'sometimes' })], params('batch'))(
    'scoreBatch never throws for bad records, and records in = records scored + records rejected',
    (doc) => {
      const outcome = tryScoreBatch(batchOf(doc));
      if ('thrown' in outcome) {
        // The only documented throw for this input: no asOf given and no valid event to infer it from.
        const allowed = doc.asOf === undefined && isInvalidRecordError(outcome.thrown) && outcome.thrown.recordKind === 'document';
        expect(allowed, describeThrown(outcome.thrown)).toBe(true);
        return;
      }
      const input = batchOf(doc);
      expect(accountingProblems(input, outcome.result)).toEqual([]);
      // Deterministic: the same input, built afresh, gives the same result.
      const again = tryScoreBatch(batchOf(doc));
      expect('result' in again && JSON.stringify(again.result)).toBe(JSON.stringify(outcome.result));
    },
    fuzzTimeout,
  );

  test.prop([documentArb({ hostile: true, asOf: 'always' }), fc.nat()], params('score'))(
    'score returns a report or throws InvalidRecordError, never anything else',
    (doc, pick) => {
      const input = batchOf(doc);
      const subject = input.subjects.length > 0 ? input.subjects[pick % input.subjects.length] : materialise({ id: 'lonely' });
      try {
        const report = scorer.score(subject, {
          asOf: fuzzAsOf,
          events: input.events ?? [],
          watchlists: input.watchlists ?? [],
          ...(input.reference !== undefined ? { reference: input.reference } : {}),
        });
        expect(report.score).toBeGreaterThanOrEqual(0);
        expect(report.score).toBeLessThanOrEqual(100);
      } catch (error) {
        expect(isInvalidRecordError(error), describeThrown(error)).toBe(true);
      }
    },
    fuzzTimeout,
  );

  test.prop([documentArb({ hostile: false, asOf: 'always' }), fc.nat(), fc.nat(), fc.nat()], params('order'))(
    'the reports and the problems found do not depend on the order of the records',
    (doc, s1, s2, s3) => {
      const shuffledEntries = (list: Plan): Plan => {
        if (typeof list !== 'object' || list === null || Array.isArray(list) || isSpecial(list) || !Array.isArray((list as { entries?: unknown }).entries))
          return list;
        return { ...(list as Record<string, Plan>), entries: permute((list as { entries: Plan[] }).entries, s3) };
      };
      const reordered: DocumentPlan = {
        ...doc,
        subjects: permute(doc.subjects, s1),
        events: permute(doc.events, s2),
        watchlists: permute(doc.watchlists, s3).map(shuffledEntries),
      };
      const a = tryScoreBatch(batchOf(doc));
      const b = tryScoreBatch(batchOf(reordered));
      if (!('result' in a) || !('result' in b)) {
        expect('thrown' in a ? describeThrown(a.thrown) : describeThrown((b as { thrown: unknown }).thrown)).toBe('no throw');
        return;
      }
      expect(JSON.stringify(b.result.reports)).toBe(JSON.stringify(a.result.reports));
      // Positions change with the order; what was rejected, and why, must not.
      const problems = (r: BatchResult) =>
        r.rejected
          .map((x) =>
            JSON.stringify([x.kind, x.recordId ?? null, x.issues.map((i) => `${i.path.replace(/entries\[\d+\]/, 'entries[]')}: ${i.message}`).sort()]),
          )
          .sort();
      expect(problems(b.result)).toEqual(problems(a.result));
    },
    fuzzTimeout,
  );

  const listedEmail = 'agent@listed.example';
  const frontDomain = 'front.example';
  test.prop(
    [
      fc.array(
        fc.oneof(
          replacementArb({ hostile: false }),
          watchlistBaseArb.map(() => ({ type: 'passport', value: 'X1' }) as Plan),
        ),
        { minLength: 1, maxLength: 4 },
      ),
      fc.array(replacementArb({ hostile: false }), { minLength: 1, maxLength: 4 }),
      fc.nat(),
    ],
    params('planted'),
  )(
    'a bad watchlist entry or reference element is rejected alone: the valid ones still match',
    (junkEntries, junkDomains, seed) => {
      const input: BatchInput & BatchRecords = {
        asOf: fuzzAsOf,
        subjects: [
          materialise({
            id: 'p',
            contacts: { emails: [{ address: listedEmail }] },
            employment: [{ id: 'j1', organisation: 'Front Co', domain: frontDomain }],
          }),
        ],
        events: [],
        watchlists: [
          materialise({ name: 'Internal do-not-hire', kind: 'internal', entries: permute([{ type: 'email', value: listedEmail }, ...junkEntries], seed) }),
        ],
        reference: materialise({ frontCompanyDomains: permute([frontDomain, ...junkDomains], seed) }),
      };
      const outcome = tryScoreBatch(input);
      if (!('result' in outcome)) {
        expect(describeThrown(outcome.thrown)).toBe('no throw');
        return;
      }
      const report = outcome.result.reports.find((r) => r.subjectId === 'p');
      expect(report, 'subject p was scored').toBeDefined();
      const status = (id: string) => report?.indicators.find((i) => i.indicatorId === id)?.status;
      expect(status('watchlist/match'), 'the listed e-mail still matches').toBe('fired');
      expect(status('identity/history-unverifiable'), 'the front-company domain still matches').toBe('fired');
      expect(accountingProblems(input, outcome.result)).toEqual([]);
    },
    fuzzTimeout,
  );

  test.prop([subjectBaseArb, fc.nat(), fc.nat()], params('strict'))(
    'in a valid subject, null in an optional field is accepted as unknown, and a misspelled key is rejected with its path',
    (base, pickObject, pickKey) => {
      const subject = objectOf([...Object.entries(base as Record<string, Plan>), ['id', 's']]);
      if (!safeParseSubject(materialise(subject)).success) return;
      const candidates = objectPaths(subject).flatMap((path) => {
        const keys = subjectKeysAt(path);
        return keys === undefined ? [] : [{ path, keys }];
      });
      const { path, keys } = candidates[pickObject % candidates.length] as (typeof candidates)[number];
      const withChange = (change: (node: Record<string, Plan>) => Record<string, Plan>): unknown => {
        const value = materialise(subject) as Record<string | number, unknown>;
        let parent: Record<string | number, unknown> = value;
        for (const key of path) parent = parent[key] as Record<string | number, unknown>;
        const changed = change(parent as Record<string, Plan>);
        for (const key of Object.keys(parent)) delete parent[key];
        for (const [key, item] of Object.entries(changed)) defineOwn(parent, key, item);
        return value;
      };
      const optional = keys.optional[pickKey % Math.max(1, keys.optional.length)];
      if (optional !== undefined) {
        const nulled = safeParseSubject(withChange((node) => ({ ...node, [optional]: null })));
        expect(nulled.success, `null in ${[...path, optional].join('.')}: ${nulled.success ? '' : nulled.error.message}`).toBe(true);
      }
      const present = Object.keys(materialiseAt(subject, path)).filter((k) => k.length > 3 && keys.known.includes(k));
      const key = present[pickKey % Math.max(1, present.length)];
      if (key === undefined) return;
      const misspelt = key.slice(0, 1) + key.slice(2);
      if (keys.known.includes(misspelt)) return;
      const result = safeParseSubject(withChange((node) => Object.fromEntries(Object.entries(node).map(([k, v]) => [k === key ? misspelt : k, v]))));
      expect(result.success, `misspelt ${[...path, key].join('.')} as ${misspelt} was accepted`).toBe(false);
      if (!result.success) expect(result.error.issues.map((i) => `${i.path} ${i.message}`).join('\n')).toContain(misspelt);
    },
    fuzzTimeout,
  );
});

describe('fuzz: nested ids', () => {
  test.prop([subjectBaseArb, fc.nat()], params('nestedIds'))(
    'two nested records of one kind sharing an id (two shipments "sh1") reject the subject with the path of the copy',
    (base, pick) => {
      const subject = materialise(objectOf([...Object.entries(base as Record<string, Plan>), ['id', 's']])) as Record<string, unknown>;
      const lists = subjectListsWithIds.filter((key) => Array.isArray(subject[key]) && (subject[key] as unknown[]).length > 0);
      const key = lists[pick % Math.max(1, lists.length)];
      if (key === undefined || !safeParseSubject(subject).success) return;
      const list = subject[key] as unknown[];
      list.push(list[0]);
      const result = scorer.scoreBatch({ asOf: fuzzAsOf, subjects: [subject], events: [] });
      expect(result.reports, `a subject with two ${key} of one id was scored`).toEqual([]);
      const paths = result.rejected.flatMap((r) => r.issues.map((i) => i.path));
      expect(
        paths.some((p) => p.startsWith(`${key}[`)),
        `no issue names ${key}[…]: ${paths.join(', ')}`,
      ).toBe(true);
    },
    fuzzTimeout,
  );
});

function materialiseAt(plan: Plan, path: readonly (string | number)[]): Record<string, unknown> {
  let node = materialise(plan) as Record<string | number, unknown>;
  for (const key of path) node = node[key] as Record<string | number, unknown>;
  return node;
}
