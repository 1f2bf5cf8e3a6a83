import { buildLinkIndex, buildLinkIndexFromGroups, groupLinkKeys, type LinkKey, type SubjectLinkKeys } from '../../src/index';
import { photoHashBands } from '../../src/linking/lsh';
import { prng } from '../support/prng';

const key = (kind: LinkKey['kind'], k: string, recordId: string, field: string, extra: Partial<LinkKey> = {}): LinkKey => ({
  kind,
  key: k,
  recordId,
  field,
  ...extra,
});
const entry = (subjectId: string, ...keys: LinkKey[]): SubjectLinkKeys => ({ subjectId, keys });

describe('groupLinkKeys', () => {
  it('keeps only keys shared by two or more subjects', () => {
    const groups = groupLinkKeys([
      entry('a', key('email', 'x@y.z', 'a', 'contacts.emails[].address'), key('phone', '+1', 'a', 'p')),
      entry('b', key('email', 'x@y.z', 'b', 'contacts.emails[].address')),
      entry('c', key('phone', '+2', 'c', 'p'), key('phone', '+2', 'c-2', 'p')),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members.map((m) => m.subjectId).sort()).toEqual(['a', 'b']);
  });
});

describe('buildLinkIndex', () => {
  it('does not depend on the order of groups or members', () => {
    const entries = ['a', 'b', 'c'].map((s) =>
      entry(s, key('address', 'farm', `${s}-ship`, 'shipments[].address', { at: `2025-0${s === 'a' ? 3 : 2}-01T00:00:00Z` })),
    );
    const one = buildLinkIndex(entries);
    const groups = groupLinkKeys([...entries].reverse()).map((g) => ({ ...g, members: [...g.members].reverse() }));
    expect(buildLinkIndexFromGroups(groups).links).toEqual(one.links);
    expect(one.links[0]).toMatchObject({ id: 'address:farm', subjectIds: ['a', 'b', 'c'], since: '2025-02-01T00:00:00Z', household: false });
  });

  it('links IP addresses only when the periods of use overlap', () => {
    const ip = (s: string, at: string, until: string) => entry(s, key('ip', '203.0.113.7', `${s}-e`, 'events[type=session].ip', { at, until }));
    const index = buildLinkIndex([
      ip('a', '2025-01-01T00:00:00Z', '2025-01-10T00:00:00Z'),
      ip('b', '2025-01-09T00:00:00Z', '2025-01-12T00:00:00Z'),
      ip('c', '2025-03-01T00:00:00Z', '2025-03-02T00:00:00Z'),
      ip('d', '2025-03-02T12:00:00Z', '2025-03-03T00:00:00Z'),
    ]);
    expect(index.links.map((l) => [l.id, l.subjectIds])).toEqual([
      ['ip:203.0.113.7#0', ['a', 'b']],
      ['ip:203.0.113.7#1', ['c', 'd']],
    ]);
    expect(buildLinkIndex([ip('a', '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z'), ip('c', '2025-03-01T00:00:00Z', '2025-03-02T00:00:00Z')]).links).toEqual(
      [],
    );
  });

  it('marks households and allow-listed keys', () => {
    const home = (s: string) => key('address', 'home', s, 'identity.residence.address');
    const net = (s: string) => key('ip', '192.0.2.9', `${s}-e`, 'events[type=session].ip', { at: '2025-01-01T00:00:00Z', until: '2025-01-05T00:00:00Z' });
    const index = buildLinkIndex(
      [entry('a', home('a'), net('a'), key('mfa-device', 'm', 'a-e', 'mfa')), entry('b', home('b'), net('b'), key('mfa-device', 'm', 'b-e', 'mfa'))],
      { allowList: [{ kind: 'mfa-device', key: 'm', subjectIds: ['a', 'b'], reason: 'shared hardware token, declared' }] },
    );
    const byKind = Object.fromEntries(index.links.map((l) => [l.kind, l]));
    expect(byKind['address']!.household).toBe(true);
    expect(byKind['ip']!.household).toBe(true);
    expect(byKind['mfa-device']!.household).toBe(false);
    expect(byKind['mfa-device']!.allowListed).toBe('shared hardware token, declared');
    const allowRange = buildLinkIndex([entry('x', net('x')), entry('y', net('y'))], { allowList: [{ kind: 'ip', cidr: '192.0.2.0/24', reason: 'VPN' }] });
    expect(allowRange.links[0]!.allowListed).toBe('VPN');
  });

  it('skips degenerate LSH buckets', () => {
    const entries = Array.from({ length: 12 }, (_, i) =>
      entry(`s${i}`, key('photo', 'band-0', `p${i}`, 'photos[].perceptualHash', { signature: '0000000000000000' })),
    );
    const index = buildLinkIndex(entries, { maxBucketSize: 10 });
    expect(index.links).toEqual([]);
    expect(index.stats.skippedBuckets).toBe(1);
    expect(index.stats.comparisons).toBe(0);
    expect(buildLinkIndex(entries).links[0]!.subjectIds).toHaveLength(12);
  });

  it('builds the same fuzzy clusters, similarities included, whatever the order of groups and members', () => {
    // A chain of photos one or two bits apart, and an unrelated one.
    const hashes = ['f0f0f0f0f0f0f0f0', 'f0f0f0f0f0f0f0f1', 'f0f0f0f0f0f0f0f3', 'f0f0f0f0f0f0f0f7', '0123456789abcdef'];
    const entries = hashes.map((h, i) =>
      entry(`s${i}`, ...photoHashBands(h, 6).map((b) => key('photo', b, `p${i}`, 'photos[].perceptualHash', { signature: h }))),
    );
    const one = buildLinkIndex(entries);
    const shuffled = groupLinkKeys([...entries].reverse())
      .reverse()
      .map((g) => ({ ...g, members: [...g.members].reverse() }));
    expect(buildLinkIndexFromGroups(shuffled).links).toEqual(one.links);
    expect(one.links).toHaveLength(1);
    expect(one.links[0]).toMatchObject({ kind: 'photo', key: 'f0f0f0f0f0f0f0f0', subjectIds: ['s0', 's1', 's2', 's3'] });
  });

  it('links 20,000 subjects behind one egress IP in linear work', () => {
    const linkAll = (n: number) => {
      const entries = Array.from({ length: n }, (_, i) =>
        entry(`s${i}`, key('ip', '198.51.100.1', `e${i}`, 'events[type=session].ip', { at: '2025-01-01T00:00:00Z', until: '2025-01-02T00:00:00Z' })),
      );
      const index = buildLinkIndex(entries);
      let total = 0;
      for (let i = 0; i < n; i++) total += index.linksOf(`s${i}`).length;
      return { index, total };
    };
    const n = 20_000;
    const { index, total } = linkAll(n);
    expect(index.links).toHaveLength(1);
    expect(index.links[0]!.subjectIds).toHaveLength(n);
    expect(total).toBe(n);
    // Counted work, not a stopwatch: each member is read once and no pair is compared.
    expect(index.stats).toMatchObject({ members: n, comparisons: 0 });
    expect(linkAll(2 * n).index.stats).toMatchObject({ members: 2 * n, comparisons: 0 });
  }, 120_000);

  it('compares signatures only inside LSH buckets, never all pairs', () => {
    // 2,000 distinct photos, each in its own band buckets: near-duplicates are found without 2,000² comparisons.
    const hex = (i: number) => ((i * 2654435761) >>> 0).toString(16).padStart(8, '0').repeat(2);
    const entries = Array.from({ length: 2_000 }, (_, i) =>
      entry(`s${i}`, ...photoHashBands(hex(i), 6).map((b) => key('photo', b, `p${i}`, 'photos[].perceptualHash', { signature: hex(i) }))),
    );
    const { stats } = buildLinkIndex(entries);
    expect(stats.comparisons).toBeLessThan(2_000 * 20);
  });
});

describe('buildLinkIndexFromGroups, order', () => {
  function shuffle<T>(list: readonly T[], rnd: () => number): T[] {
    const out = list.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  it('gives the same links whatever the order of groups and members, and however a group is split', async () => {
    const { laptopFarmPopulation } = await import('../fixtures/laptop-farm');
    const { extractLinkKeys, parseEvent, parseSubject } = await import('../../src/index');
    const { subjects, events } = laptopFarmPopulation();
    const parsed = events.map((e) => parseEvent(e));
    const entries = subjects.map((raw) => {
      const subject = parseSubject(raw);
      return entry(
        subject.id,
        ...extractLinkKeys(
          subject,
          parsed.filter((e) => e.subjectId === subject.id),
        ),
      );
    });
    // Near-duplicate photos (fuzzy, verified in LSH buckets), and one IP record given twice with different last-seen times.
    for (const [s, hash] of [
      ['p1', 'a1b2c3d4e5f60718'],
      ['p2', 'a1b2c3d4e5f60719'],
      ['p3', 'a1b2c3d4e5f6071f'],
    ] as const) {
      entries.push(entry(s, ...photoHashBands(hash, 6).map((band) => key('photo', band, `${s}-photo`, 'photos[].perceptualHash', { signature: hash }))));
    }
    entries.push(
      entry('q1', key('ip', '192.0.2.9', 'q1-e', 'events[type=session].ip', { at: '2025-03-01T00:00:00Z', until: '2025-03-02T00:00:00Z' })),
      entry('q1', key('ip', '192.0.2.9', 'q1-e', 'events[type=session].ip', { at: '2025-03-01T00:00:00Z', until: '2025-03-05T00:00:00Z' })),
      entry('q2', key('ip', '192.0.2.9', 'q2-e', 'events[type=session].ip', { at: '2025-03-04T00:00:00Z', until: '2025-03-04T00:00:00Z' })),
    );
    const groups = groupLinkKeys(entries);
    const kinds = new Set(groups.map((g) => g.kind));
    for (const kind of ['ip', 'photo', 'text', 'address', 'payout-account'] as const) expect(kinds).toContain(kind);
    const expected = buildLinkIndexFromGroups(groups);
    expect(expected.links.length).toBeGreaterThan(5);
    const subjectIds = [...new Set(entries.map((e) => e.subjectId))];
    for (let seed = 1; seed <= 8; seed++) {
      const rnd = prng(seed);
      const shuffled = shuffle(groups, rnd).flatMap((g) => {
        const members = shuffle(g.members, rnd);
        // A group split in two (a caller's list may name one key twice) is the same group.
        if (members.length < 2 || rnd() < 0.5) return [{ ...g, members }];
        const cut = 1 + Math.floor(rnd() * (members.length - 1));
        return [
          { ...g, members: members.slice(0, cut) },
          { ...g, members: members.slice(cut) },
        ];
      });
      const index = buildLinkIndexFromGroups(shuffled);
      expect(JSON.stringify(index.links)).toBe(JSON.stringify(expected.links));
      for (const s of subjectIds) expect(index.linksOf(s).map((l) => l.id)).toEqual(expected.linksOf(s).map((l) => l.id));
    }
  });
});
