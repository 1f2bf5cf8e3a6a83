import { z } from 'zod';
import { defineIndicator, type AnyIndicator } from '../../src/index';
import { IndicatorTester, type TestCases } from '../../src/testing/index';

/** A framework that records test bodies instead of running them, so we can see which ones throw. */
function capture(): { framework: { describe(name: string, fn: () => void): void; it(name: string, fn: () => void): void }; tests: Map<string, () => void> } {
  const tests = new Map<string, () => void>();
  return {
    tests,
    framework: {
      describe: (_name, fn) => fn(),
      it: (name, fn) => void tests.set(name, fn),
    },
  };
}

/** Fires once per name of the subject whose value starts with `x`; `mode` makes it misbehave. */
function namesIndicator(mode: 'honest' | 'first-name' | 'mutates' | 'always-fires' | 'never-fires' | 'misnamed-data'): AnyIndicator {
  return defineIndicator({
    meta: {
      id: `test/names-${mode}`,
      title: 'Names',
      category: 'test',
      version: '1.0.0',
      kind: 'risk',
      family: 'identity',
      typologies: ['remote-hire-identity-fraud'],
      defaultWeight: 1,
      options: z.object({ strength: z.number().default(0.5).describe('Strength of each finding.') }),
      messages: { name: 'name {{name}}' },
      neutralReason: 'test',
      recommendedAction: 'test',
      docs: {
        description: 'Fires for names starting with x.',
        requires: ['identity.names'],
        sources: [],
      },
    },
    evaluate(view, { options, notEvaluated }) {
      const names = view.subject.identity?.names ?? [];
      if (names.length === 0) return notEvaluated('no names', ['identity.names']);
      if (mode === 'mutates') (names as { value: string }[]).sort((a, b) => (a.value < b.value ? -1 : 1));
      if (mode === 'never-fires') return [];
      const hits = mode === 'always-fires' ? names : names.filter((n) => n.value.startsWith('x'));
      // 'first-name' depends on the order the names were listed in: the tester must catch it.
      const picked = mode === 'first-name' ? hits.slice(0, 1) : hits;
      return picked.map((n) => ({
        messageId: 'name' as const,
        strength: options.strength,
        // 'misnamed-data' fills a key the template does not name: the template's {{name}} stays unfilled.
        data: mode === 'misnamed-data' ? { value: n.value } : { name: n.value },
        evidence: [{ recordId: view.subject.id, field: 'identity.names', value: n.value }],
      }));
    },
  });
}

const twoNames = { identity: { names: [{ value: 'xavier' }, { value: 'xena' }] } };
const cases: TestCases = {
  valid: [{ name: 'no x', subject: { identity: { names: [{ value: 'anna' }, { value: 'bob' }] } } }],
  invalid: [{ name: 'two x names', subject: twoNames, findings: [{ messageId: 'name', strength: 0.5, message: /^name x/ }, { messageId: 'name' }] }],
  notEvaluated: [{ name: 'no names', subject: {}, missing: ['identity.names'] }],
};

function outcomes(indicator: AnyIndicator, testCases: TestCases = cases): Record<string, string> {
  const { framework, tests } = capture();
  new IndicatorTester({ framework }).run(indicator, testCases);
  const out: Record<string, string> = {};
  for (const [name, body] of tests) {
    try {
      body();
      out[name] = 'pass';
    } catch (error) {
      out[name] = `fail: ${(error as Error).message}`;
    }
  }
  return out;
}

describe('IndicatorTester rejects broken indicators (meta-test)', () => {
  it('passes every case of an honest indicator', () => {
    expect(Object.values(outcomes(namesIndicator('honest')))).toEqual(['pass', 'pass', 'pass']);
  });

  it('fails a valid case the indicator fires on', () => {
    const result = outcomes(namesIndicator('always-fires'));
    expect(result['valid[0] no x']).toMatch(/expected no findings/);
    expect(result['invalid[0] two x names']).toMatch(/expected 2 findings, got 2|message "name xavier"|pass/);
  });

  it('fails an invalid case the indicator does not fire on', () => {
    expect(outcomes(namesIndicator('never-fires'))['invalid[0] two x names']).toMatch(/expected findings, but the indicator found nothing/);
  });

  it('fails a case whose outcome depends on the order of a subject array', () => {
    const result = outcomes(namesIndicator('first-name'), {
      invalid: [{ name: 'two x names', subject: twoNames, findings: 1 }],
    });
    expect(result['invalid[0] two x names']).toMatch(/changed when the order of records was reversed/);
  });

  it('fails an indicator that mutates its input', () => {
    expect(outcomes(namesIndicator('mutates'))['invalid[0] two x names']).toMatch(/the indicator failed: threw: .*read.only|frozen|Cannot assign/i);
  });

  it('fails on a wrong strength, message, data, count or evidence', () => {
    const result = outcomes(namesIndicator('honest'), {
      invalid: [
        { name: 'strength', subject: twoNames, findings: [{ messageId: 'name', strength: [0.9, 1] }, { messageId: 'name' }] },
        { name: 'message', subject: { ...twoNames, id: 's2' }, findings: [{ messageId: 'name', message: 'nope' }, { messageId: 'name' }] },
        { name: 'data', subject: { ...twoNames, id: 's3' }, findings: [{ messageId: 'name', data: { name: 'zed' } }, { messageId: 'name' }] },
        { name: 'count', subject: { ...twoNames, id: 's4' }, findings: 3 },
        { name: 'evidence', subject: { ...twoNames, id: 's5' }, findings: [{ messageId: 'name', evidence: ['e9'] }, { messageId: 'name' }] },
        { name: 'unknown message id', subject: { ...twoNames, id: 's6' }, findings: [{ messageId: 'nope' }, { messageId: 'name' }] },
      ],
    });
    expect(result['invalid[0] strength']).toMatch(/strength is 0.5, expected within \[0.9, 1\]/);
    expect(result['invalid[1] message']).toMatch(/does not match nope/);
    expect(result['invalid[2] data']).toMatch(/data.name is "xavier", expected "zed"/);
    expect(result['invalid[3] count']).toMatch(/expected 3 findings, got 2/);
    expect(result['invalid[4] evidence']).toMatch(/evidence lacks record "e9"/);
    expect(result['invalid[5] unknown message id']).toMatch(/unknown messageId "nope"/);
  });

  it('fails a finding whose data lacks a placeholder of its message template, even when the case names no message', () => {
    const result = outcomes(namesIndicator('misnamed-data'), { invalid: [{ name: 'two x names', subject: twoNames, findings: 2 }] });
    expect(result['invalid[0] two x names']).toMatch(/findings\[0\]: message "name" has no data for \{\{name\}\}; data has: value/);
  });

  it('fails a notEvaluated case that runs, and one whose missing fields differ', () => {
    const result = outcomes(namesIndicator('honest'), {
      notEvaluated: [
        { name: 'has names', subject: twoNames },
        { name: 'wrong missing', subject: {}, missing: ['events[type=session]'] },
      ],
    });
    expect(result['notEvaluated[0] has names']).toMatch(/expected the indicator to report missing data/);
    expect(result['notEvaluated[1] wrong missing']).toMatch(/missing does not include "events\[type=session\]"/);
  });

  it('fails a case with invalid records or options', () => {
    const result = outcomes(namesIndicator('honest'), {
      valid: [
        { name: 'bad subject', subject: { identity: { names: [{ value: 3 }] } } },
        { name: 'bad options', subject: { identity: { names: [{ value: 'a' }] } }, options: { strength: 'high' } },
      ],
    });
    expect(result['valid[0] bad subject']).toMatch(/records are invalid/);
    expect(result['valid[1] bad options']).toMatch(/strength/);
  });

  it('refuses duplicate cases at declaration, whatever the key order', () => {
    const { framework } = capture();
    const tester = new IndicatorTester({ framework });
    const a = { subject: { id: 'x', identity: { names: [{ value: 'a' }] } }, asOf: '2025-01-01T00:00:00Z' };
    const b = { asOf: '2025-01-01T00:00:00Z', subject: { identity: { names: [{ value: 'a' }] }, id: 'x' } };
    expect(() => tester.run(namesIndicator('honest'), { valid: [{ name: 'one', ...a }], notEvaluated: [{ name: 'two', ...b }] })).toThrow(
      /notEvaluated\[0\] duplicates valid\[0\]/,
    );
  });

  it('refuses an invalid case without expected findings, or expecting none', () => {
    const { framework } = capture();
    const tester = new IndicatorTester({ framework });
    expect(() => tester.run(namesIndicator('honest'), { invalid: [{ subject: twoNames } as never] })).toThrow(/must say which findings/);
    expect(() => tester.run(namesIndicator('honest'), { invalid: [{ subject: twoNames, findings: 0 }] })).toThrow(/must expect at least one finding/);
  });
});
