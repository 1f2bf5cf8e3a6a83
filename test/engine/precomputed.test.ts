import { describe, expect, it } from 'vitest';
import { createScorer, interpolate } from '../../src/index';
import { compileTemplate } from '../../src/engine/interpolate';
import { plugin } from '../support/plugin';

// What the engine works out once per scorer (compiled message templates) or copies without a
// JSON round trip (flat evidence) must give what the plain path gives.

describe('compiled message templates', () => {
  const templates = [
    'no placeholders',
    '{{a}}',
    '{{ a }} and {{b}} and {{ a }}',
    '{{missing}} stays',
    'edge {{a}}{{b}}',
    '{{a-b}} {{$x}} {{_y}}',
    '$& $1 {{a}} $$',
    '{{ unclosed',
    '',
  ];
  const data = [undefined, {}, { a: 1, b: 'two' }, { a: true, 'a-b': -0, $x: 'x', _y: 1e21 }, { a: '$&', b: '{{a}}' }];

  it('fill every template as interpolate does', () => {
    for (const template of templates) {
      const compiled = compileTemplate(template);
      for (const d of data) expect(compiled(d)).toBe(interpolate(template, d));
    }
  });
});

describe('evidence copies', () => {
  const ASOF = '2025-03-01T00:00:00Z';
  function reportWith(evidence: unknown[]): unknown {
    const indicator = plugin('test/evidence', () => [{ messageId: 'm', strength: 0.5, data: { text: 't' }, evidence }]);
    const result = createScorer({ indicators: [indicator] }).scoreBatch({ asOf: ASOF, subjects: [{ id: 's' }] });
    return result.reports[0]?.findings[0]?.evidence;
  }

  it('are what a JSON round trip gives: -0 as 0, non-finite numbers as null, undefined fields dropped, nested values and toJSON kept as JSON writes them', () => {
    const given = [
      { recordId: 'r1', field: 'a', value: -0 },
      { recordId: 'r2', value: Number.NaN, note: undefined },
      { recordId: 'r3', value: { nested: [1, 'x'] } },
      { recordId: 'r4', value: new Date(0) },
      { recordId: 'r5', toJSON: () => ({ recordId: 'r5', value: 'from toJSON' }) },
      JSON.parse('{"recordId":"r6","__proto__":"field"}') as unknown,
    ];
    expect(reportWith(given)).toEqual(JSON.parse(JSON.stringify(given)));
    expect(JSON.stringify(reportWith(given))).toBe(JSON.stringify(given));
  });

  it('read each field once and do not share the indicator’s objects', () => {
    let reads = 0;
    const item = {
      recordId: 'r',
      get value(): number {
        reads++;
        return reads;
      },
    };
    const evidence = reportWith([item]) as { value: number }[];
    expect(reads).toBe(1);
    expect(evidence[0]).toEqual({ recordId: 'r', value: 1 });
    expect(evidence[0]).not.toBe(item);
  });
});

describe('event bookkeeping, validated and trusted alike', () => {
  const ASOF = '2025-03-01T00:00:00Z';
  const at = '2025-01-01T00:00:00Z';
  const input = {
    asOf: ASOF,
    subjects: [{ id: 'a' }, { id: 'b' }],
    events: [
      { id: 'e1', subjectId: 'a', type: 'session', at },
      { id: 'dup', subjectId: 'a', type: 'session', at },
      { id: 'dup', subjectId: 'b', type: 'session', at },
      { id: 'dup', subjectId: 'nobody', type: 'session', at },
      { id: 'orphan', subjectId: 'nobody', type: 'session', at },
      { id: 'e2', subjectId: 'b', type: 'session', at: 'not a time' },
      { id: 'e3', subjectId: 'b', type: 'session', at },
    ],
  };

  for (const trusted of [false, true]) {
    it(`${trusted ? 'trusted' : 'validated'}: every copy of a repeated id is rejected with the count, an unknown subject named, the rest scored`, () => {
      const result = createScorer({ indicators: [plugin('test/none', () => [])] }).scoreBatch(structuredClone(input), { trusted });
      expect(result.rejected.map((r) => [r.index, r.issues[0]?.path, r.issues[0]?.message.replace(/ \(got.*/, '')])).toEqual([
        [1, 'id', 'duplicate event id: 3 events share it'],
        [2, 'id', 'duplicate event id: 3 events share it'],
        [3, 'id', 'duplicate event id: 3 events share it'],
        [4, 'subjectId', 'no valid subject "nobody" in the input'],
        [5, 'at', expect.any(String)],
      ]);
      expect(result.reports.map((r) => [r.subjectId, r.meta.eventsConsidered])).toEqual([
        ['a', 1],
        ['b', 1],
      ]);
    });
  }
});
