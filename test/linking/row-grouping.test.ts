import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLinkIndexFromGroups, extractLinkKeys, groupLinkKeys, groupPopulationLinkKeys, type ActivityEvent, type Subject } from '../../src/index';
import { LinkKeyHasher } from '../../src/linking/keyHash';
import { linkKeyRows } from '../../src/linking/keyRows';
import { LINK_KEY_ROW_STRIDE } from '../../src/linking/keys';
import { photoHashBands } from '../../src/linking/lsh';
import { packRows } from '../../src/linking/packedRows';
import { groupLinkKeyRows, type RowGroupingWork, type SubjectKeyRows } from '../../src/linking/rowGrouping';
import { prng } from '../support/prng';
import { HashTable64 } from '../../src/engine/hashTable64';
import { canonical, parsed, populationOf, rawPopulation, times } from './generated-population';

/** Every subject's rows through JSON, as summaries from another process or machine come. */
function rowsOf(subjects: readonly { subject: Subject; events: readonly ActivityEvent[] }[]): SubjectKeyRows[] {
  return subjects.map(({ subject, events }) => ({ subjectId: subject.id, rows: JSON.parse(JSON.stringify(linkKeyRows(subject, events))) as unknown[] }));
}

/** A hasher that gives every key one hash: every key collides with every other. */
class CollidingHasher extends LinkKeyHasher {
  override hash(): void {
    this.out[0] = 0x1234;
    this.out[1] = 0x5678;
  }
}

describe('grouping the summaries key rows in two passes', () => {
  it('gives the groups and the index of the batch paths, in any order of subjects and any split into shards', () => {
    fc.assert(
      fc.property(rawPopulation, fc.integer({ min: 1, max: 4 }), fc.integer(), (raw, shards, seed) => {
        const subjects = parsed(raw);
        const onePass = groupLinkKeys(subjects.map(({ subject, events }) => ({ subjectId: subject.id, keys: extractLinkKeys(subject, events) })));
        const twoPass = groupPopulationLinkKeys(populationOf(subjects));
        const rows = rowsOf(subjects);
        const fromRows = groupLinkKeyRows(rows);
        expect(canonical(fromRows)).toEqual(canonical(onePass));
        expect(canonical(fromRows)).toEqual(canonical(twoPass));
        const index = buildLinkIndexFromGroups(onePass).links;
        expect(buildLinkIndexFromGroups(fromRows).links).toEqual(index);
        // Shards summarised apart and merged in another order: the same index.
        const rand = prng(seed);
        const parts: SubjectKeyRows[][] = Array.from({ length: shards }, () => []);
        for (const r of rows) parts[Math.floor(rand() * shards)]?.push(r);
        const merged = parts.reverse().flatMap((p) => p.reverse());
        expect(buildLinkIndexFromGroups(groupLinkKeyRows(merged)).links).toEqual(index);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('never joins two keys whose 64-bit hashes collide: the kept keys are compared by text', () => {
    fc.assert(
      fc.property(rawPopulation, (raw) => {
        const rows = rowsOf(parsed(raw));
        let work: RowGroupingWork | undefined;
        const colliding = groupLinkKeyRows(rows, (w) => (work = w), new CollidingHasher());
        expect(canonical(colliding)).toEqual(canonical(groupLinkKeyRows(rows)));
        // With every hash shared (two subjects or more), every key reaches the key table.
        if (rows.filter((r) => r.rows.length > 0).length >= 2) expect(work?.keptKeys).toBe(work?.hashedKeys);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('groups packed rows (one JSON text a subject, as the summaries hold them) as it groups the arrays, hash collisions included', () => {
    fc.assert(
      fc.property(rawPopulation, (raw) => {
        const rows = rowsOf(parsed(raw));
        const packed = rows.map((r) => ({ subjectId: r.subjectId, rows: packRows(r.rows as (string | number | null)[]) }));
        for (const r of packed) expect(JSON.parse(r.rows)).toEqual(rows.find((x) => x.subjectId === r.subjectId)?.rows);
        const expected = canonical(groupLinkKeyRows(rows));
        expect(canonical(groupLinkKeyRows(packed))).toEqual(expected);
        expect(canonical(groupLinkKeyRows(packed, undefined, new CollidingHasher()))).toEqual(expected);
        // Packed and array rows mixed (summaries from two versions): the same groups.
        expect(canonical(groupLinkKeyRows(packed.map((p, i) => (i % 2 === 0 ? p : (rows[i] as SubjectKeyRows)))))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it("reads a subject's rows again, and derives the LSH buckets of a photo again, only when one of its keys is shared (counted)", () => {
    const rand = prng(7);
    const hex = (): string => Array.from({ length: 16 }, () => Math.floor(rand() * 16).toString(16)).join('');
    const subjects: { subject: Subject; events: ActivityEvent[] }[] = [];
    for (let i = 0; i < 400; i++) {
      // Every tenth pair of subjects shows one photo; the others have photos of their own.
      const photo = i % 20 === 1 ? (subjects[i - 1]?.subject.photos?.[0]?.perceptualHash as string) : hex();
      subjects.push({ subject: { id: `s${i}`, photos: [{ id: `p${i}`, source: 'resume', perceptualHash: photo }] } as Subject, events: [] });
    }
    const rows = subjects.map(({ subject, events }) => ({ subjectId: subject.id, rows: packRows(linkKeyRows(subject, events)) }));
    // Subjects with a bucket another subject has, counted directly from every photo's buckets.
    const holders = new Map<string, Set<string>>();
    const bucketsOf = new Map<string, string[]>();
    for (const r of rows) {
      const row = JSON.parse(r.rows) as unknown[];
      const buckets = photoHashBands(row[6] as string, row[5] as number);
      bucketsOf.set(r.subjectId, buckets);
      for (const b of buckets) holders.set(b, (holders.get(b) ?? new Set()).add(r.subjectId));
    }
    const withShared = rows.filter((r) => (bucketsOf.get(r.subjectId) ?? []).some((b) => (holders.get(b)?.size ?? 0) > 1)).length;
    let work: RowGroupingWork | undefined;
    groupLinkKeyRows(rows, (w) => (work = w));
    expect(withShared).toBeGreaterThanOrEqual(40);
    expect(withShared).toBeLessThan(400);
    expect(work?.bucketsDerivedAgain).toBe(withShared);
    // One row a subject: only the subjects with a shared bucket have their rows read again.
    expect(work?.subjectsReadAgain).toBe(withShared);
  });

  it('hashes every key once, keeps the texts of shared keys only, and writes a bounded summary per key (counted)', () => {
    // Five keys a subject: e-mail, phone, residence (shared by a household of two), and the IP and device of two sessions, one row each.
    const synthetic = (n: number) => {
      const subjects: { subject: Subject; events: ActivityEvent[] }[] = [];
      for (let i = 0; i < n; i++) {
        const id = `s${i}`;
        subjects.push({
          subject: {
            id,
            identity: { residence: { address: { line1: `${i >> 1} Main Street`, postalCode: '37201', country: 'US' } } },
            contacts: { emails: [{ address: `person.${i}@example.com` }], phones: [{ number: `+1 ${2_000_000_000 + i}` }] },
          } as Subject,
          events: [0, 1].map(
            (k) =>
              ({
                id: `${id}-e${k}`,
                subjectId: id,
                type: 'session',
                at: times[k] as string,
                ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
                deviceId: `${id}-laptop`,
                result: 'success',
              }) as ActivityEvent,
          ),
        });
      }
      const rows = subjects.map(({ subject, events }) => ({ subjectId: subject.id, rows: linkKeyRows(subject, events) }));
      let bytes = 0;
      for (const r of rows) bytes += JSON.stringify(r.rows).length;
      let work: RowGroupingWork | undefined;
      const groups = groupLinkKeyRows(rows, (w) => (work = w));
      return { groups: groups.length, bytes, ...(work as RowGroupingWork) };
    };
    const small = synthetic(20_000);
    const large = synthetic(80_000);
    for (const [w, n] of [
      [small, 20_000],
      [large, 80_000],
    ] as const) {
      // Event keys are summarised per key and field before they are written: 5 rows a subject, each hashed once.
      expect(w.rows).toBe(5 * n);
      expect(w.hashedKeys).toBe(5 * n);
      expect(w.distinctHashes).toBe(4 * n + n / 2);
      // Only the household addresses reach the key table: n keys kept, n / 2 texts, one group each.
      expect(w.keptKeys).toBe(n);
      expect(w.table.keys).toBe(n);
      expect(w.table.distinctKeys).toBe(n / 2);
      expect(w.groups).toBe(n / 2);
      // The key table is sized for the n / 2 shared hashes of the first pass: it never grows.
      expect(w.table.indexBytes).toBe(new HashTable64(n / 2).byteLength);
      expect(w.table.probes / w.keptKeys).toBeLessThan(2);
      // The table is sized for the rows up front: under 2 probes a key, no re-insertion.
      expect(w.hashProbes / w.hashedKeys).toBeLessThan(2);
      // A row is its key, record id, a field code and two times: under 80 bytes of JSON here.
      expect(w.bytes / w.rows).toBeLessThan(80);
    }
    expect(large.hashProbes / small.hashProbes).toBeGreaterThan(3);
    expect(large.hashProbes / small.hashProbes).toBeLessThan(5.5);
  }, 120_000);

  it('refuses rows that are not rows, naming the subject', () => {
    expect(() => groupLinkKeyRows([{ subjectId: 's1', rows: [0, 'x@y.z', 'r'] }])).toThrow(/subject "s1" are not in groups of 7/);
    expect(() => groupLinkKeyRows([{ subjectId: 's1', rows: [99, 'x', 'r', 0, null, null, null] }])).toThrow(/row 0 of subject "s1"/);
    expect(() => groupLinkKeyRows([{ subjectId: 's1', rows: [0, 'x', 'r', 999, null, null, null] }])).toThrow(/row 0 of subject "s1"/);
    expect(() => groupLinkKeyRows([{ subjectId: 's1', rows: [9, null, 'r', 13, null, null, 'a1b2'] }])).toThrow(/no photo distance/);
    // Packed rows that are not the JSON text of an array.
    for (const text of ['[0,"x"', '{"kind":0}', '']) {
      expect(() => groupLinkKeyRows([{ subjectId: 's2', rows: text }])).toThrow(/link key rows of subject "s2" are neither an array nor the JSON text of one/);
    }
    expect(() => groupLinkKeyRows([{ subjectId: 's3', rows: '[0,"x@y.z","r"]' }])).toThrow(/subject "s3" are not in groups of 7/);
  });

  it('refuses a shared key whose time no date can hold with a TypeError naming the subject and row, not a RangeError', () => {
    for (const time of [1e300, -1e300, Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1]) {
      for (const place of [4, 5]) {
        const row: unknown[] = [0, 'x@y.z', 'r1', 0, null, null, null];
        row[place] = time;
        const rows = [
          { subjectId: 's0', rows: [0, 'x@y.z', 'r0', 0, 1_700_000_000_000, null, null] },
          { subjectId: 's1', rows: row },
        ];
        expect(() => groupLinkKeyRows(rows)).toThrow(TypeError);
        expect(() => groupLinkKeyRows(rows)).toThrow(/row 0 of subject "s1" has a time that no date can hold/);
      }
    }
    // The largest time a date holds is still one.
    const edge = groupLinkKeyRows([
      { subjectId: 's0', rows: [0, 'x@y.z', 'r0', 0, 8.64e15, null, null] },
      { subjectId: 's1', rows: [0, 'x@y.z', 'r1', 0, -8.64e15, null, null] },
    ]);
    expect(edge.flatMap((g) => g.members.map((m) => m.at))).toEqual(expect.arrayContaining(['+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z']));
  });
});

describe('link key rows', () => {
  it('write each event key once per key and field, with its first and last time as milliseconds, whatever the number of events', () => {
    const events = Array.from(
      { length: 500 },
      (_, k) =>
        ({
          id: `e${k}`,
          subjectId: 's',
          type: 'session',
          at: new Date(Date.UTC(2025, 0, 1) + k * 3_600_000).toISOString(),
          ip: '10.0.0.1',
          deviceId: 'laptop-1',
        }) as ActivityEvent,
    );
    const rows = linkKeyRows({ id: 's' } as Subject, events);
    expect(rows.length).toBe(2 * LINK_KEY_ROW_STRIDE);
    expect(rows.slice(2, 6)).toEqual(['e0', 15, Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 1) + 499 * 3_600_000]);
  });
});

describe('the time kept for a key met twice in one subject', () => {
  // Trusted input is not validated, so a time may not parse; every path must keep the same one.
  const cases: [string, { address: string; createdAt?: string }[]][] = [
    [
      'a time that does not parse, then a valid one',
      [
        { address: 'A@x.com', createdAt: 'garbage' },
        { address: 'a@x.com', createdAt: '2025-01-02T00:00:00Z' },
      ],
    ],
    [
      'a valid time, then one that does not parse',
      [
        { address: 'a@x.com', createdAt: '2025-01-02T00:00:00Z' },
        { address: 'A@x.com', createdAt: 'junk' },
      ],
    ],
    ['no time, then one that does not parse', [{ address: 'b@x.com' }, { address: 'B@x.com', createdAt: 'junk' }]],
    [
      'a later time, then an earlier one',
      [
        { address: 'c@x.com', createdAt: '2025-03-01T00:00:00Z' },
        { address: 'C@x.com', createdAt: '2025-01-01T00:00:00Z' },
      ],
    ],
  ];
  it.each(cases)('is the one the batch collector keeps: %s', (_name, emails) => {
    const subject = { id: 's', contacts: { emails } } as unknown as Subject;
    const batch = extractLinkKeys(subject, []).filter((k) => k.kind === 'email');
    const rows = linkKeyRows(subject, []);
    const fields = LINK_KEY_ROW_STRIDE;
    const fromRows: { key: unknown; at: unknown }[] = [];
    for (let i = 0; i < rows.length; i += fields) if (rows[i + 1] !== null) fromRows.push({ key: rows[i + 1], at: rows[i + 4] });
    expect(batch).toHaveLength(1);
    expect(fromRows).toEqual([{ key: batch[0]?.key, at: batch[0]?.at ?? null }]);
  });
});
