import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLinkIndex, buildLinkIndexFromGroups, groupLinkKeys, type LinkGroup, type LinkKey, type LinkMember, type SubjectLinkKeys } from '../../src/index';
import { foldName } from '../../src/kit/names';
import { IntColumn, StringColumn } from '../../src/linking/columns';
import { formatIp, normalizeIp, parseIp } from '../../src/records/ip';
import { LinkKeyTable } from '../../src/linking/keyTable';
import { addressLineKey, addressLineWords, addressTokens, foldText } from '../../src/linking/normalize';
import { compareText } from '../../src/engine/order';

/**
 * The plain grouping the key table must reproduce: a Map from kind and key to the members in the
 * order added, kept when two or more distinct subject ids carry it.
 */
function referenceGroups(entries: readonly SubjectLinkKeys[]): LinkGroup[] {
  const groups = new Map<string, { kind: LinkKey['kind']; key: string; members: LinkMember[] }>();
  for (const { subjectId, keys } of entries) {
    for (const k of keys) {
      const id = `${k.kind}\u0000${k.key}`;
      const member: LinkMember = {
        subjectId,
        recordId: k.recordId,
        field: k.field,
        ...(k.at !== undefined ? { at: k.at } : {}),
        ...(k.until !== undefined ? { until: k.until } : {}),
        ...(k.signature !== undefined ? { signature: k.signature } : {}),
      };
      const group = groups.get(id);
      if (group === undefined) groups.set(id, { kind: k.kind, key: k.key, members: [member] });
      else group.members.push(member);
    }
  }
  return [...groups.values()].filter((g) => new Set(g.members.map((m) => m.subjectId)).size > 1);
}

function byKindAndKey(groups: readonly LinkGroup[]): LinkGroup[] {
  return [...groups].sort((a, b) => compareText(a.kind, b.kind) || compareText(a.key, b.key));
}

const kinds: LinkKey['kind'][] = ['email', 'address', 'device', 'mfa-device', 'ip', 'photo'];
const times = ['2025-01-01T00:00:00Z', '2025-01-01T12:00:00Z', '2025-01-03T00:00:00Z', '2025-02-01T00:00:00Z'];

/** Populations over small alphabets, so keys collide across subjects, kinds share key texts, and a subject id may come twice. */
const population = fc.array(
  fc.record({
    subject: fc.integer({ min: 0, max: 11 }),
    keys: fc.array(
      fc.record({
        kind: fc.constantFrom(...kinds),
        key: fc.constantFrom('a', 'b', 'c', 'x@y.z', '10.0.0.1', '1 main st|37201|US', ''),
        record: fc.integer({ min: 0, max: 3 }),
        field: fc.constantFrom('identity.residence.address', 'shipments[].address', 'events[type=session].ip', 'contacts.emails[].address'),
        at: fc.option(fc.constantFrom(...times), { nil: undefined }),
        until: fc.option(fc.constantFrom(...times), { nil: undefined }),
        signature: fc.constantFrom('f0f0f0f0f0f0f0f0', 'f0f0f0f0f0f0f0f1', '0123456789abcdef'),
      }),
      { maxLength: 8 },
    ),
  }),
  { maxLength: 24 },
);

interface GeneratedKey {
  readonly kind: LinkKey['kind'];
  readonly key: string;
  readonly record: number;
  readonly field: string;
  readonly at?: string | undefined;
  readonly until?: string | undefined;
  readonly signature: string;
}

function toEntries(generated: readonly { readonly subject: number; readonly keys: readonly GeneratedKey[] }[]): SubjectLinkKeys[] {
  return generated.map(({ subject, keys }) => ({
    subjectId: `s${subject}`,
    keys: keys.map((k) => ({
      kind: k.kind,
      key: k.key,
      recordId: `s${subject}-r${k.record}`,
      field: k.field,
      ...(k.at !== undefined ? { at: k.at } : {}),
      ...(k.until !== undefined && k.at !== undefined ? { until: k.until } : {}),
      ...(k.kind === 'photo' ? { signature: k.signature } : {}),
    })),
  }));
}

describe('the link key table', () => {
  it('gives the groups of a plain Map grouping, members in the same order, for any population', () => {
    fc.assert(
      fc.property(population, (generated) => {
        const entries = toEntries(generated);
        const expected = referenceGroups(entries);
        expect(byKindAndKey(groupLinkKeys(entries))).toEqual(byKindAndKey(expected));
        // And the index built from them is the one built from the reference groups.
        expect(buildLinkIndex(entries).links).toEqual(buildLinkIndexFromGroups(expected).links);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps one key text under two kinds apart, and a repeated subject id one subject', () => {
    const groups = groupLinkKeys([
      { subjectId: 'a', keys: [{ kind: 'device', key: 'x', recordId: 'a', field: 'f' }] },
      { subjectId: 'b', keys: [{ kind: 'mfa-device', key: 'x', recordId: 'b', field: 'f' }] },
      { subjectId: 'c', keys: [{ kind: 'email', key: 'e', recordId: 'c', field: 'f' }] },
      { subjectId: 'c', keys: [{ kind: 'email', key: 'e', recordId: 'c2', field: 'f' }] },
    ]);
    expect(groups).toEqual([]);
  });

  it('does work proportional to the keys: a few hash probes per key, each key collected once', () => {
    const work = (subjects: number) => {
      const table = new LinkKeyTable();
      for (let i = 0; i < subjects; i++) {
        // Five keys a subject, one of them shared by a household of two.
        table.addSubject(`s${i}`, [
          { kind: 'email', key: `person.${i}@example.com`, recordId: `s${i}`, field: 'contacts.emails[].address' },
          { kind: 'phone', key: `+1${2_000_000_000 + i}`, recordId: `s${i}`, field: 'contacts.phones[].number' },
          { kind: 'address', key: `${i >> 1} main st|37201|US`, recordId: `s${i}`, field: 'identity.residence.address' },
          {
            kind: 'device',
            key: `laptop-${i}`,
            recordId: `s${i}-e0`,
            field: 'events[type=session].deviceId',
            at: '2025-01-01T00:00:00.000Z',
            until: '2025-01-02T00:00:00.000Z',
          },
          {
            kind: 'ip',
            key: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
            recordId: `s${i}-e0`,
            field: 'events[type=session].ip',
            at: '2025-01-01T00:00:00.000Z',
            until: '2025-01-02T00:00:00.000Z',
          },
        ]);
      }
      const groups = table.groups();
      return { ...table.work, groups: groups.length };
    };
    const small = work(20_000);
    const large = work(80_000);
    for (const w of [small, large]) {
      expect(w.collected).toBe(w.keys);
      // Probes while interning (table at most half full: under 2.5 expected for a new key) and
      // while re-inserting at each doubling (under 2 re-insertions per key over all doublings).
      expect(w.probes / w.keys).toBeLessThan(5);
    }
    expect(large.keys).toBe(4 * small.keys);
    expect(large.groups).toBe(4 * small.groups);
    // Four times the keys, about four times the probes: linear, with room for where the last doubling falls.
    expect(large.probes / small.probes).toBeGreaterThan(3);
    expect(large.probes / small.probes).toBeLessThan(5.5);
  }, 120_000);
});

describe('columns', () => {
  it('hold values across chunk boundaries', () => {
    const column = new IntColumn();
    for (let i = 0; i < 150_000; i++) column.push(i * 7 - 3);
    expect(column.length).toBe(150_000);
    expect([column.get(0), column.get(65_535), column.get(65_536), column.get(149_999)]).toEqual([-3, 65_535 * 7 - 3, 65_536 * 7 - 3, 149_999 * 7 - 3]);
    column.set(70_000, 42);
    expect(column.get(70_000)).toBe(42);
  });

  it('give back every string pushed, runs held once', () => {
    const values = ['a', 'a', undefined, 'b', 'a', 'a', undefined, undefined, 'c'];
    const column = new StringColumn();
    for (const v of values) column.push(v);
    expect(values.map((_, i) => column.get(i))).toEqual(values);
  });
});

describe('normalisation fast paths', () => {
  const asciiLine = fc.string({ unit: fc.constantFrom(...'aZ09 #-.,/\t\u0001Apt#4unitSTREET'.split('')), maxLength: 40 });

  it('fold ASCII exactly as the Unicode folding does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (text) => {
        expect(foldText(text)).toBe(foldName(text));
      }),
    );
  });

  it('split an ASCII address line into the words the Unicode path gives', () => {
    fc.assert(
      fc.property(fc.oneof(asciiLine, fc.string({ unit: 'binary-ascii', maxLength: 40 })), (line) => {
        const unicodePath = foldName(line)
          .replace(/#/g, ' # ')
          .replace(/[^\p{L}\p{N}#]+/gu, ' ')
          .split(' ')
          .filter((w) => w !== '');
        expect(addressLineWords(line)).toEqual(unicodePath);
      }),
    );
  });

  // Words the abbreviation table maps, drops (no) or leaves, with the separators between them.
  const addressLine = fc
    .array(fc.constantFrom('Apt', 'apt.', '#', '#4', 'Unit', 'suite', 'No', 'number', 'Street', 'N', '12', 'constructor', 'Main', ',', ' '), { maxLength: 8 })
    .map((words) => words.join(' '));

  it('join an address line into the tokens the word arrays give, abbreviations and runs of units folded', () => {
    fc.assert(
      fc.property(fc.oneof(asciiLine, addressLine, fc.string({ unit: 'binary-ascii', maxLength: 40 }), fc.string({ maxLength: 20 })), (line) => {
        expect(addressLineKey(line)).toBe(addressTokens(line).join(' '));
      }),
    );
    expect(addressLineKey('Apt #4, 1 Constructor Suite Unit')).toBe(addressTokens('Apt #4, 1 Constructor Suite Unit').join(' '));
  });

  it('give a canonical IPv4 back as the parser and formatter do, and leave the rest to them', () => {
    const part = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('00', '010', '1a', '', ' 1', '255'));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '%eth0', '.'), (parts, tail) => {
        const text = parts.join('.') + tail;
        const parsed = parseIp(text);
        expect(normalizeIp(text)).toBe(parsed === undefined ? undefined : formatIp(parsed));
      }),
    );
  });
});

describe('link key rows (the linkage summaries)', () => {
  it('give the key table the groups of the subjects keys, with one row per photo or resume instead of one per bucket', async () => {
    const { laptopFarmPopulation } = await import('../fixtures/laptop-farm');
    const { extractLinkKeys, parseEvent, parseSubject } = await import('../../src/index');
    const { linkKeyKinds, LINK_KEY_ROW_STRIDE } = await import('../../src/linking/keys');
    const { linkKeyRows } = await import('../../src/linking/keyRows');
    const { subjects, events } = laptopFarmPopulation();
    const parsed = events.map((e) => parseEvent(e));
    const extra = ['a1b2c3d4e5f60718', 'a1b2c3d4e5f60719'].map((hash, i) =>
      parseSubject({ id: `photo-${i}`, photos: [{ id: `p${i}`, source: 'resume', perceptualHash: hash, capturedAt: '2025-01-01T00:00:00Z' }] }),
    );
    const all = [...subjects.map((s) => parseSubject(s)), ...extra];
    const fromKeys = new LinkKeyTable();
    const fromRows = new LinkKeyTable();
    const fuzzyKinds = new Set(['photo', 'text'].map((k) => linkKeyKinds.indexOf(k as LinkKey['kind'])));
    const fuzzyRecords = new Set<string>();
    let fuzzyRows = 0;
    for (const subject of all) {
      const own = parsed.filter((e) => e.subjectId === subject.id);
      const k = extractLinkKeys(subject, own);
      fromKeys.addSubject(subject.id, k);
      // Through JSON, as a summary from another machine would come.
      const r = JSON.parse(JSON.stringify(linkKeyRows(subject, own))) as unknown[];
      fromRows.addSubjectRows(subject.id, r);
      for (const key of k) if (key.kind === 'photo' || key.kind === 'text') fuzzyRecords.add(`${subject.id}/${key.kind}/${key.recordId}`);
      for (let i = 0; i < r.length; i += LINK_KEY_ROW_STRIDE) if (fuzzyKinds.has(r[i] as number)) fuzzyRows++;
    }
    const a = buildLinkIndexFromGroups(fromKeys.groups());
    const b = buildLinkIndexFromGroups(fromRows.groups());
    expect(a.links.some((l) => l.kind === 'photo') && a.links.some((l) => l.kind === 'text')).toBe(true);
    expect(JSON.stringify(b.links)).toBe(JSON.stringify(a.links));
    // The fuzzy kinds' bucket keys are one row per photo or resume.
    expect(fuzzyRecords.size).toBeGreaterThan(2);
    expect(fuzzyRows).toBe(fuzzyRecords.size);
  });

  it('refuse rows that are not rows, naming the subject', () => {
    const table = new LinkKeyTable();
    expect(() => table.addSubjectRows('s1', [0, 'x@y.z', 'r'])).toThrow(/subject "s1" are not in groups of 7/);
    expect(() => table.addSubjectRows('s1', [99, 'x', 'r', 0, null, null, null])).toThrow(/row 0 of subject "s1"/);
    expect(() => table.addSubjectRows('s1', [0, 'x', 'r', 999, null, null, null])).toThrow(/row 0 of subject "s1"/);
    expect(() => table.addSubjectRows('s1', [9, null, 'r', 13, null, null, 'a1b2'])).toThrow(/no photo distance/);
    // A time no date can hold: a TypeError naming the subject and row, not a RangeError from toISOString.
    expect(() => table.addSubjectRows('s1', [0, 'x@y.z', 'r', 0, 1e300, null, null])).toThrow(/row 0 of subject "s1" has a time that no date can hold/);
    expect(() => table.addSubjectRows('s1', [0, 'x@y.z', 'r', 0, null, Number.NaN, null])).toThrow(TypeError);
  });
});
