import { createScorer, isConfigError } from '../../src/index';
import { mergeReference } from '../../src/cli/readInput';

const asOf = '2025-06-01T00:00:00Z';
const subject = { id: 'cand-1', employment: [{ id: 'emp-1', organisation: 'Front Ltd', domain: 'front.example' }] };

function configError(config: unknown): { path: string; message: string }[] {
  try {
    createScorer({ config: config as never });
  } catch (error) {
    if (isConfigError(error)) return [...error.issues];
    throw error;
  }
  return [];
}

describe('"__proto__", "constructor" and "prototype" keys are data', () => {
  it('refuses a library config with an indicator setting under "__proto__"', () => {
    const issues = configError(JSON.parse('{"indicators":{"__proto__":{"weight":20}}}'));
    expect(issues.map((i) => i.path)).toEqual(['indicators.__proto__']);
  });

  it('refuses indicator options and groups under "__proto__"', () => {
    const options = configError(JSON.parse('{"indicators":{"activity/excessive-hours":{"options":{"__proto__":{"weeklyHours":1}}}}}'));
    expect(options.map((i) => i.path)).toEqual(['indicators.activity/excessive-hours.options.__proto__']);
    expect(configError(JSON.parse('{"groups":{"__proto__":{"cap":1}}}')).map((i) => i.path)).toEqual(['groups.__proto__']);
  });

  it('reads a group named "constructor" as a group, not as Object.prototype.constructor', () => {
    const scorer = createScorer({ config: { groups: { constructor: { cap: 0.5 } } } });
    expect(scorer.scoreBatch({ asOf, subjects: [subject] }).reports).toHaveLength(1);
  });

  it('keeps a reference "__proto__" key as data: it never becomes the prototype and is rejected with its path', () => {
    const scorer = createScorer();
    const plain = scorer.scoreBatch({ asOf, subjects: [subject] }).reports[0]?.score;
    const result = scorer.scoreBatch({ asOf, subjects: [subject], reference: JSON.parse('{"__proto__":{"frontCompanyDomains":["front.example"]}}') });
    expect(result.reports[0]?.score).toBe(plain);
    expect(result.rejected[0]?.issues.map((i) => i.path)).toEqual(['reference.__proto__']);
  });

  it('merges NDJSON reference lines into own properties only', () => {
    const merged = mergeReference(undefined, JSON.parse('{"__proto__":{"frontCompanyDomains":["front.example"]}}'));
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(merged.frontCompanyDomains).toBeUndefined();
    expect(Object.keys(merged)).toEqual(['__proto__']);
    const twice = mergeReference(mergeReference(undefined, { constructor: ['a'] }), { constructor: ['b'] });
    expect(Object.getOwnPropertyDescriptor(twice, 'constructor')?.value).toEqual(['a', 'b']);
  });

  it('reads reference baselines of a role named "constructor" as data', () => {
    const scorer = createScorer();
    const result = scorer.scoreBatch({
      asOf,
      subjects: [
        { id: 'a', role: 'constructor' },
        { id: 'b', role: '__proto__' },
      ],
    });
    expect(result.reports.every((r) => r.errors.length === 0)).toBe(true);
  });
});
