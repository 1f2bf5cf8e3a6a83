import { describe, expect, it } from 'vitest';
import { IntColumn, NumberColumn, StringColumn } from '../../src/linking/columns';

describe('columns', () => {
  it('hold every value across the first chunk growing and later chunks, and allow replacing any', () => {
    // Past the doubling first chunk (256 ... 65,536 values) and into the third fixed chunk.
    const n = (1 << 17) + 300;
    const ints = new IntColumn();
    const numbers = new NumberColumn();
    const strings = new StringColumn();
    for (let i = 0; i < n; i++) {
      ints.push(i * 3 - 7);
      numbers.push(i + 0.5);
      strings.push(i % 5 === 0 ? undefined : `v${i >> 2}`);
    }
    expect([ints.length, numbers.length]).toEqual([n, n]);
    for (const i of [0, 255, 256, 511, 512, 65_535, 65_536, 131_071, 131_072, n - 1]) {
      expect([ints.get(i), numbers.get(i), strings.get(i)]).toEqual([i * 3 - 7, i + 0.5, i % 5 === 0 ? undefined : `v${i >> 2}`]);
    }
    let sum = 0;
    for (let i = 0; i < n; i++) sum += ints.get(i);
    expect(sum).toBe((3 * (n * (n - 1))) / 2 - 7 * n);
    ints.set(300, 42);
    numbers.set(70_000, -1);
    strings.set(1, 'changed');
    expect([ints.get(300), numbers.get(70_000), strings.get(1), ints.get(299)]).toEqual([42, -1, 'changed', 299 * 3 - 7]);
  });
});
