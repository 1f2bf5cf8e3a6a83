import { describe, expect, it } from 'vitest';
import { createScorer, type SubjectView } from '../../src/index';
import { plugin } from '../support/plugin';

const asOf = '2025-06-01T00:00:00Z';
const subjects = [{ id: 's1' }, { id: 's2' }];

/** Evidence as an indicator may give it: out of time order, a tie on time broken by record, and an item that needs a JSON round trip. */
const shuffled = (view: SubjectView) => [
  {
    messageId: 'm',
    strength: 0.5,
    data: { text: 'two' },
    evidence: [
      { recordId: `${view.subject.id}-c`, at: '2025-05-03T00:00:00Z', field: 'b' },
      { recordId: `${view.subject.id}-b`, at: '2025-05-01T00:00:00Z', nested: { kept: true } },
      { recordId: `${view.subject.id}-a`, at: '2025-05-01T00:00:00Z', value: -0 },
    ],
  },
  { messageId: 'm', strength: 0.5, data: { text: 'one' }, evidence: [{ recordId: view.subject.id, at: '2025-05-02T00:00:00Z' }] },
];

describe('evidence and empty outcomes', () => {
  it('sorts evidence by time, record and field, copies it as JSON would, and orders findings of equal strength by message and data', () => {
    const result = createScorer({ indicators: [plugin('test/shuffled', shuffled)] }).scoreBatch({ asOf, subjects, events: [] });
    const report = result.reports.find((r) => r.subjectId === 's1');
    const findings = report?.findings ?? [];
    expect(findings.map((f) => f.data['text'])).toEqual(['one', 'two']);
    expect(findings[1]?.evidence).toEqual([
      { recordId: 's1-a', at: '2025-05-01T00:00:00Z', value: 0 },
      { recordId: 's1-b', at: '2025-05-01T00:00:00Z', nested: { kept: true } },
      { recordId: 's1-c', at: '2025-05-03T00:00:00Z', field: 'b' },
    ]);
    expect(Object.is((findings[1]?.evidence[0] as unknown as { value: number }).value, 0)).toBe(true);
  });

  it('gives every subject of an indicator that finds nothing its own not-fired entry, which a caller may change without touching another report', () => {
    const result = createScorer({ indicators: [plugin('test/quiet', () => [])] }).scoreBatch({ asOf, subjects, events: [] });
    const [first, second] = result.reports;
    expect(first?.indicators.map((i) => i.status)).toEqual(['not-fired']);
    (first?.findings as unknown[]).push('changed');
    (first?.indicators as unknown[]).push('changed');
    expect(second?.findings).toEqual([]);
    expect(second?.indicators.map((i) => i.status)).toEqual(['not-fired']);
  });
});
