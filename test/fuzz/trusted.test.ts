import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { BatchInput, BatchResult } from '../../src/engine/createScorer';
import { createScorer } from '../../src/defaults';
import { isInvalidRecordError } from '../../src/errors/guards';
import { accountingProblems, type BatchRecords } from './accounting';
import { documentArb, documentPlan, type DocumentPlan } from './arbitraries';
import { materialise } from './plan';
import { fuzzTimeout, params } from './settings';

// The trusted-input path skips the schemas, not the safety: the same hostile documents the
// validated path survives (wrong types, getters that throw, proxies, cycles) must never crash a
// trusted batch either, and every record is still scored or rejected.

const scorer = createScorer();

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

function describeThrown(thrown: unknown): string {
  try {
    return thrown instanceof Error ? `${thrown.name}: ${thrown.message}\n${thrown.stack ?? ''}` : String(thrown);
  } catch {
    return 'an unprintable value';
  }
}

describe('fuzz: the trusted-input path', () => {
  test.prop([documentArb({ hostile: true, asOf: 'sometimes' })], params('batch'))(
    'scoreBatch with trusted: true never throws for bad records, and records in = records scored + records rejected',
    (doc: DocumentPlan) => {
      let result: BatchResult;
      try {
        result = scorer.scoreBatch(batchOf(doc), { trusted: true });
      } catch (thrown) {
        const allowed = doc.asOf === undefined && isInvalidRecordError(thrown) && thrown.recordKind === 'document';
        expect(allowed, describeThrown(thrown)).toBe(true);
        return;
      }
      expect(accountingProblems(batchOf(doc), result)).toEqual([]);
      for (const report of result.reports) expect(report.score).toBeGreaterThanOrEqual(0);
    },
    fuzzTimeout,
  );

  test.prop([documentArb({ hostile: true, asOf: 'sometimes' })], params('batch'))(
    'with event times as numbers and unique ids promised (promises broken included), never throws for bad records, and records balance',
    (doc: DocumentPlan) => {
      const batch = batchOf(doc);
      // The caller's column: each readable `at` parsed, every third time a number that is no time at all.
      const eventTimes = batch.events.map((e, i) => {
        if (i % 3 === 2) return Number.NaN;
        try {
          return Date.parse((e as { at: string }).at);
        } catch {
          return Number.NaN;
        }
      });
      let result: BatchResult;
      try {
        result = scorer.scoreBatch(batch, { trusted: { eventTimes, uniqueEventIds: true } });
      } catch (thrown) {
        const allowed = doc.asOf === undefined && isInvalidRecordError(thrown) && thrown.recordKind === 'document';
        expect(allowed, describeThrown(thrown)).toBe(true);
        return;
      }
      expect(accountingProblems(batchOf(doc), result)).toEqual([]);
    },
    fuzzTimeout,
  );
});
