import { closestNames, editDistance } from '../../src/errors/didYouMean';

/** Full-matrix optimal string alignment distance: the reference the banded version must match. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('matches the full-matrix distance up to its bound, on every pair of short strings over a small alphabet', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (): string => Array.from({ length: Math.floor(next() * 9) }, () => 'abc'[Math.floor(next() * 3)]).join('');
    for (let n = 0; n < 3000; n++) {
      const a = word();
      const b = word();
      const exact = reference(a, b);
      for (const max of [0, 1, 2, 3, 4]) expect(editDistance(a, b, max), `${a} / ${b} / ${max}`).toBe(exact <= max ? exact : max + 1);
    }
  });

  it('gives up at once on lengths further apart than the bound', () => {
    expect(editDistance('x'.repeat(50_000), 'identity', 3)).toBe(4);
  });
});

describe('closestNames', () => {
  it('suggests only the nearest known names', () => {
    expect(closestNames('edn', ['end', 'id', 'at', 'source'])).toEqual(['end']);
    expect(closestNames('identiy', ['identity', 'id', 'kind'])).toEqual(['identity']);
    expect(closestNames('verificaton', ['verifications', 'verification'])).toEqual(['verification']);
    expect(closestNames('zzzzzz', ['identity'])).toEqual([]);
  });
});
