import { describe, expect, it } from 'vitest';
import { plainData } from '../../src/util/plainData';

describe('plainData', () => {
  it('gives a value without -0 back as it is, and remembers it as plain', () => {
    const value = { a: [1, 0, 'x', null, { b: true }] };
    const seen = new WeakSet<object>();
    const checked = plainData(value, 'summary', seen);
    expect(checked.ok && checked.value).toBe(value);
    expect(seen.has(value)).toBe(true);
  });

  it('gives -0 anywhere as 0, in a copy, as JSON would carry it, and leaves the value given unchanged', () => {
    for (const value of [-0, [1, -0], { a: { b: [-0] } }, { a: 1, skipped: undefined, n: -0 }]) {
      const seen = new WeakSet<object>();
      const checked = plainData(value, 'summary', seen);
      expect(checked.ok).toBe(true);
      const kept = checked.ok ? checked.value : undefined;
      expect(kept).toStrictEqual(JSON.parse(JSON.stringify(value)));
      expect(JSON.stringify(kept)).toBe(JSON.stringify(value));
      // No -0 is left in what is kept (toStrictEqual tells -0 from 0), and the original still has it.
      expect(kept).not.toBe(value);
      if (typeof value === 'object') expect(seen.has(value)).toBe(false);
    }
    const given = { n: -0 };
    plainData(given);
    expect(Object.is(given.n, -0)).toBe(true);
  });

  it('names the path of the first value that is not plain data', () => {
    const checked = plainData({ a: [0, -0, new Map()] }, 'summary');
    expect(checked.ok ? '' : checked.problem).toBe('summary.a[2]: a Map');
    expect(plainData({ n: Number.NaN }).ok).toBe(false);
  });
});
