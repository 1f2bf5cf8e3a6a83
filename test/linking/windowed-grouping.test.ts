import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildLinkIndexFromGroups,
  groupPopulationLinkKeys,
  type ActivityEvent,
  type LinkGroup,
  type PopulationGroupingWork,
  type Subject,
} from '../../src/index';
import { canonical, parsed, populationOf, rawPopulation } from './generated-population';

// Grouping with the index's windows: IP and device keys whose periods of use never overlap between
// two subjects are left out in the first pass; the links are those of the plain grouping.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The groups of `pruned` are groups of `plain`; those left out are IP, device or MFA device groups. */
function leftOut(pruned: readonly LinkGroup[], plain: readonly LinkGroup[]): LinkGroup[] {
  const kept = new Set(pruned.map((g) => `${g.kind}\u0000${g.key}`));
  const plainByKey = new Map(canonical(plain).map((g) => [`${g.kind}\u0000${g.key}`, g]));
  for (const g of canonical(pruned)) expect(g).toEqual(plainByKey.get(`${g.kind}\u0000${g.key}`));
  return plain.filter((g) => !kept.has(`${g.kind}\u0000${g.key}`));
}

describe('grouping a population with the index windows', () => {
  it('gives the links of the plain grouping, leaving out only IP and device groups, for any population and windows', () => {
    let disjoint = 0;
    let left = 0;
    fc.assert(
      fc.property(rawPopulation, fc.constantFrom(0, HOUR, DAY, 30 * DAY), fc.constantFrom(0, DAY, 30 * DAY), (raw, ipWindowMs, deviceWindowMs) => {
        const subjects = parsed(raw);
        const plain = groupPopulationLinkKeys(populationOf(subjects));
        let work: PopulationGroupingWork | undefined;
        const windows = { ipWindowMs, deviceWindowMs };
        const pruned = groupPopulationLinkKeys(populationOf(subjects), {}, (w) => (work = w), windows);
        const missing = leftOut(pruned, plain);
        for (const g of missing) expect(['ip', 'device', 'mfa-device']).toContain(g.kind);
        left += missing.length;
        disjoint += (work as PopulationGroupingWork).disjointHashes;
        expect(buildLinkIndexFromGroups(pruned, windows).links).toEqual(buildLinkIndexFromGroups(plain, windows).links);
      }),
      { numRuns: 300 },
    );
    // The generated times leave some groups out (a test that never prunes proves nothing).
    expect(disjoint).toBeGreaterThan(20);
    expect(left).toBeGreaterThan(20);
  }, 120_000);

  it('reads no subject again whose IP is shared by chance only, and keeps the IPs used in one window (counted)', () => {
    // Pairs of subjects share an IP: the even pairs a month apart, the odd pairs on one day.
    const n = 400;
    const subjects = Array.from({ length: n }, (_, i) => {
      const pair = i >> 1;
      const day = pair % 2 === 0 ? (i % 2) * 30 : 0;
      const events = [0, 1].map((k) => ({
        id: `s${i}-e${k}`,
        subjectId: `s${i}`,
        type: 'session',
        at: new Date(Date.UTC(2025, 2, 1) + (day + k) * DAY).toISOString(),
        ip: `10.0.${pair >> 8}.${pair & 255}`,
        deviceId: `s${i}-laptop`,
        result: 'success',
      })) as ActivityEvent[];
      return { subject: { id: `s${i}`, contacts: { emails: [{ address: `person.${i}@example.com` }] } } as Subject, events };
    });
    let plainWork: PopulationGroupingWork | undefined;
    let work: PopulationGroupingWork | undefined;
    const plain = groupPopulationLinkKeys(populationOf(subjects), {}, (w) => (plainWork = w));
    const pruned = groupPopulationLinkKeys(populationOf(subjects), {}, (w) => (work = w), {});
    const w = work as PopulationGroupingWork;
    expect((plainWork as PopulationGroupingWork).derivedAgain).toBe(n);
    expect(w.disjointHashes).toBe(n / 4);
    expect(w.sharedHashes).toBe(n / 4);
    // Only the subjects of the odd pairs are read again.
    expect(w.derivedAgain).toBe(n / 2);
    expect(pruned.every((g) => g.kind === 'ip')).toBe(true);
    expect(pruned).toHaveLength(n / 4);
    expect(buildLinkIndexFromGroups(pruned).links).toEqual(buildLinkIndexFromGroups(plain).links);
    expect(buildLinkIndexFromGroups(pruned).links).toHaveLength(n / 4);
  });

  it('keeps a device a record gives (no period), and an IP that comes past the keys a subject is scanned for', () => {
    const session = (subject: string, k: number, at: string, ip: string): ActivityEvent =>
      ({ id: `${subject}-e${k}`, subjectId: subject, type: 'session', at, ip, deviceId: 'laptop-1', result: 'success' }) as ActivityEvent;
    const groupsOf = (subjects: { subject: Subject; events: ActivityEvent[] }[]) => {
      let work: PopulationGroupingWork | undefined;
      const groups = groupPopulationLinkKeys(populationOf(subjects), {}, (w) => (work = w), {});
      return { keys: groups.map((g) => g.key), work: work as PopulationGroupingWork, groups };
    };
    // a and b share 10.0.0.1 and laptop-1 a year apart: the IP is left out; the laptop too, unless
    // a shipment of it (a record key, no period) comes with one of them.
    const a = { subject: { id: 'a' } as Subject, events: [session('a', 0, '2024-01-01T00:00:00Z', '10.0.0.1')] };
    const b = { subject: { id: 'b' } as Subject, events: [session('b', 0, '2025-01-01T00:00:00Z', '10.0.0.1')] };
    const few = groupsOf([a, b]);
    expect(few.keys).toEqual([]);
    expect(few.work.disjointHashes).toBe(2);
    const shipped = {
      subject: { id: 'b', shipments: [{ id: 'b-ship', shippedAt: '2025-01-01T00:00:00Z', deviceId: 'laptop-1' }] } as Subject,
      events: b.events,
    };
    const withShipment = groupsOf([a, shipped]);
    expect(withShipment.keys).toEqual(['laptop-1']);
    expect(withShipment.work.disjointHashes).toBe(1);
    // e uses 100 IPs, the last one also used by f a year later: past the keys scanned, it is kept.
    const many = Array.from({ length: 100 }, (_, k) => session('e', k, '2024-01-01T00:00:00Z', `10.1.0.${k}`));
    const wide = groupsOf([
      { subject: { id: 'e' } as Subject, events: many },
      { subject: { id: 'f' } as Subject, events: [session('f', 0, '2025-01-01T00:00:00Z', '10.1.0.99'), session('f', 1, '2025-01-01T00:00:00Z', '10.1.0.0')] },
    ]);
    // 10.1.0.0 was among the first keys of e: left out (and laptop-1); 10.1.0.99 came past them: kept.
    expect(wide.keys).toEqual(['10.1.0.99']);
    expect(buildLinkIndexFromGroups(wide.groups).links).toEqual([]);
  });
});
