import fc from 'fast-check';
import { joinInChunks } from '../../src/cli/heldPartitions';
import { partitionEntries, partitionLine } from '../../src/cli/partition';

// A range sends a partition's lines to its thread as text in chunks of whole lines, each under
// V8's string limit: the chunks must hold every line, in order, and never cut one.

describe('joinInChunks', () => {
  it('keeps every piece (a line, never empty) whole and in order, each chunk within the limit unless one piece is longer', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (pieces, maxChars) => {
        const chunks = joinInChunks(pieces, maxChars);
        expect(chunks.join('')).toBe(pieces.join(''));
        // Walk the pieces through the chunks: every chunk ends where a piece ends.
        let p = 0;
        for (const chunk of chunks) {
          let taken = '';
          const first = p;
          while (taken.length < chunk.length) taken += pieces[p++] as string;
          expect(taken).toBe(chunk);
          expect(chunk.length <= maxChars || p - first === 1).toBe(true);
          // Greedy: the next piece would not have fitted.
          if (p < pieces.length) expect(chunk.length + (pieces[p] as string).length).toBeGreaterThan(maxChars);
        }
        expect(p).toBe(pieces.length);
      }),
      { numRuns: 500 },
    );
  });

  it('gives no chunk for no pieces, and one for pieces that fit', () => {
    expect(joinInChunks([], 10)).toEqual([]);
    expect(joinInChunks(['ab', 'cd'], 10)).toEqual(['abcd']);
    expect(joinInChunks(['abc', 'defg', 'h'], 4)).toEqual(['abc', 'defg', 'h']);
  });

  it('gives back the records of partition lines sent in chunks', () => {
    const lines = Array.from({ length: 50 }, (_, i) =>
      partitionLine('event', i, i + 1, JSON.stringify({ id: `e${i}`, subjectId: `s${i % 7}`, type: 'session', at: '2025-03-01T09:00:00Z' })),
    );
    const whole = [...partitionEntries(lines.join(''))];
    const chunks = joinInChunks(lines, 300);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.flatMap((chunk) => [...partitionEntries(chunk)])).toEqual(whole);
    expect(whole).toHaveLength(50);
  });
});
