import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { HeldPartitions, partitionOfRange, type HeldRange, type RouteResult } from '../../src/cli/heldPartitions';
import { ownerOf, ownerTable } from '../../src/cli/idHashes';
import { partitionEntries } from '../../src/cli/partition';
import { splitRange, type SplitResult } from '../../src/cli/splitRange';

// The route step of held partitions places each record by its subject key's position, kept by the
// split, and looks each distinct key's owner up once: checked against the plain reading (the
// owner of each record's key, hashed again), and by counting the lookups.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'redflags-held-routing-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** One input line: a subject, an event or a suppression of subject `s`, or a record whose key is not a string. */
type Line = readonly ['subject' | 'event' | 'suppression' | 'keyless', number];

function text([kind, s]: Line, n: number): string {
  if (kind === 'subject') return JSON.stringify({ recordType: 'subject', id: `s${s}` });
  if (kind === 'event') return JSON.stringify({ recordType: 'event', id: `e${n}`, subjectId: `s${s}`, at: '2026-01-01T00:00:00Z' });
  if (kind === 'suppression') return JSON.stringify({ recordType: 'suppression', id: `u${n}`, subjectId: `s${s}` });
  return JSON.stringify({ recordType: 'event', id: `e${n}`, subjectId: s });
}

/** Splits `lines` into ranges at `cuts` (line numbers), holds and routes each as its thread does. */
function routeAll(lines: readonly Line[], cuts: readonly number[], partitions: number) {
  const source = join(dir, 'input.ndjson');
  const texts = lines.map(text);
  writeFileSync(source, texts.map((t) => `${t}\n`).join(''));
  const bounds = [0, ...cuts, lines.length];
  const byteAt = (line: number): number => Buffer.byteLength(texts.slice(0, line).join('\n')) + (line > 0 ? 1 : 0);
  const held: HeldRange[] = [];
  const stores: HeldPartitions[] = [];
  const split: SplitResult[] = [];
  for (let range = 0; range + 1 < bounds.length; range++) {
    const store = new HeldPartitions();
    const task = {
      step: 'split',
      source,
      start: byteAt(bounds[range] as number),
      end: byteAt(bounds[range + 1] as number),
      range,
      partitions,
      buckets: 1,
      dir,
      hold: true,
    } as const;
    split.push(
      splitRange(task, (read) => {
        held.push(read);
        store.hold(range, read);
      }),
    );
    stores.push(store);
  }
  const empty = new Uint32Array(0);
  const owners = ownerTable(
    split.map((s) => s.subjects?.hashes ?? empty),
    split.map((s) => s.subjects?.records ?? empty),
  );
  const routed: RouteResult[] = stores.map((store, range) => store.route({ step: 'route', range, partitions, owners }));
  return { held, routed, owners };
}

describe('routing held ranges by the key positions the split kept', () => {
  it('sends every record where the owner of its key, hashed again, says, and looks each distinct key up once', () => {
    const line = fc.tuple(fc.constantFrom('subject', 'event', 'event', 'suppression', 'keyless'), fc.nat(12)) as fc.Arbitrary<Line>;
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(40), { maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (lines, rawCuts, partitions) => {
          const cuts = [...new Set(rawCuts.map((c) => c % lines.length))].filter((c) => c > 0).sort((a, b) => a - b);
          const { held, routed, owners } = routeAll(lines, cuts, partitions);
          expect(held.reduce((sum, read) => sum + read.records.length, 0)).toBe(lines.length);
          const owner = ownerOf(owners);
          held.forEach((read, range) => {
            const home = partitionOfRange(range, partitions);
            // The plain reading: each record's key hashed again and looked up.
            const expected: number[][] = Array.from({ length: partitions }, () => []);
            read.records.forEach(({ kind, record }, i) => {
              const key = kind === 'subject' ? record.id : record.subjectId;
              const r = typeof key === 'string' ? owner(key) : undefined;
              expected[r === undefined ? home : partitionOfRange(r, partitions)]?.push(i);
            });
            const result = routed[range] as RouteResult;
            expect(result.records).toEqual(expected.map((list) => list.length));
            // Lines sent to other partitions: the records expected there, in order.
            result.texts.forEach((chunks, p) => {
              if (chunks === undefined) return;
              // Each with its own line's text: the record parsed from it is the one the split read.
              const sent = [...partitionEntries(chunks.join(''))].map(({ kind, index, line, record }) => ({ kind, index, line, record }));
              expect(sent).toEqual((expected[p] as number[]).map((i) => read.records[i]));
            });
            const keys = new Set(
              read.records.map(({ kind, record }) => (kind === 'subject' ? record.id : record.subjectId)).filter((k) => typeof k === 'string'),
            );
            expect(result.lookups).toBe(keys.size);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('looks owners up once per subject, not once per record, on a range of many records', () => {
    const lines: Line[] = [];
    for (let s = 0; s < 20; s++) {
      lines.push(['subject', s]);
      for (let e = 0; e < 50; e++) lines.push(['event', s]);
    }
    // Cut inside subject 9's records (lines 459 to 509): both ranges read some of them.
    const { routed } = routeAll(lines, [500], 2);
    expect(routed.map((r) => r.records.reduce((a, b) => a + b, 0))).toEqual([500, 520]);
    expect(routed.map((r) => r.lookups)).toEqual([10, 11]);
  });
});
