import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildLinkIndexFromGroups,
  extractLinkKeys,
  groupLinkKeys,
  groupPopulationLinkKeys,
  parseEvent,
  type ActivityEvent,
  type LinkGroup,
  type LinkPopulation,
  type PopulationGroupingWork,
  type Subject,
} from '../../src/index';
import { compareText } from '../../src/engine/order';
import { LinkKeyHasher } from '../../src/linking/keyHash';
import { LinkKeyTable } from '../../src/linking/keyTable';

/** Groups with members in a canonical order, groups by kind and key: the content, not the order added. */
function canonical(groups: readonly LinkGroup[]): LinkGroup[] {
  return groups
    .map((g) => ({
      kind: g.kind,
      key: g.key,
      members: [...g.members].sort(
        (a, b) =>
          compareText(a.subjectId, b.subjectId) ||
          compareText(a.recordId, b.recordId) ||
          compareText(a.field, b.field) ||
          compareText(a.at ?? '', b.at ?? '') ||
          compareText(a.until ?? '', b.until ?? '') ||
          compareText(a.signature ?? '', b.signature ?? ''),
      ),
    }))
    .sort((a, b) => compareText(a.kind, b.kind) || compareText(a.key, b.key));
}

function populationOf(subjects: readonly { subject: Subject; events: readonly ActivityEvent[] }[]): LinkPopulation & { reads: number } {
  return {
    reads: 0,
    forEachSubject(visit) {
      this.reads++;
      for (const { subject, events } of subjects) visit(subject, events);
    },
  };
}

const times = ['2025-01-01T00:00:00Z', '2025-01-01T12:00:00Z', '2025-01-03T00:00:00Z', '2025-02-01T00:00:00.000Z'];
const addresses = [
  { line1: '1 Main Street', postalCode: '37201', country: 'US' },
  { line1: '1 Main St', postalCode: '37201', country: 'US' },
  { line1: '9 Farm Road', line2: 'Apt 2', postalCode: '37203', country: 'US' },
];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/**
 * Raw subjects and events over small alphabets: keys collide across subjects, repeat within one (same record id twice, one key in two fields), events
 * share keys. Subject ids are distinct, as in a validated batch.
 */
const rawPopulation = fc.array(
  fc.record({
    email: maybe(fc.constantFrom('a@x.io', 'b@x.io', 'A@X.io')),
    phone: maybe(fc.constantFrom('+1 615 555 0100', '+1 615 555 0101')),
    residence: maybe(fc.constantFrom(...addresses)),
    contacts: fc.array(fc.constantFrom(...addresses), { maxLength: 2 }),
    shipments: fc.array(
      fc.record({
        id: fc.constantFrom('ship-1', 'ship-2'),
        at: maybe(fc.constantFrom(...times)),
        address: fc.constantFrom(...addresses),
        change: maybe(fc.constantFrom(...addresses)),
      }),
      { maxLength: 3 },
    ),
    payout: maybe(fc.constantFrom('acct-1', 'acct-2')),
    photo: maybe(fc.constantFrom('f0f0f0f0f0f0f0f0', 'f0f0f0f0f0f0f0f1', '0123456789abcdef')),
    resume: maybe(
      fc.constantFrom(
        'senior react engineer who built payments platform at scale for years',
        'senior react engineer who built payments platform at scale for many years',
      ),
    ),
    events: fc.array(
      fc.record({
        n: fc.integer({ min: 0, max: 3 }),
        type: fc.constantFrom('session', 'device-checkin'),
        at: fc.constantFrom(...times),
        ip: maybe(fc.constantFrom('10.0.0.1', '10.0.0.2', '2001:db8::1')),
        device: fc.constantFrom('laptop-1', 'LAPTOP-1', 'laptop-2'),
        mfa: maybe(fc.constantFrom('mfa-1', 'mfa-2')),
      }),
      { maxLength: 6 },
    ),
  }),
  { maxLength: 14 },
);

type Raw = typeof rawPopulation extends fc.Arbitrary<infer T> ? T : never;

function parsed(raw: Raw): { subject: Subject; events: ActivityEvent[] }[] {
  return raw.map((r, i) => {
    // Distinct subject ids, as a validated batch has them.
    const id = `s${i}`;
    // Not validated: duplicate record ids must be deduplicated as extractLinkKeys does.
    const subject = {
      id,
      ...(r.resume !== undefined ? { resumeText: r.resume, appliedAt: times[0] } : {}),
      identity: r.residence !== undefined ? { residence: { address: r.residence } } : {},
      contacts: {
        emails: r.email !== undefined ? [{ address: r.email }] : [],
        phones: r.phone !== undefined ? [{ number: r.phone }] : [],
        addresses: r.contacts.map((a) => ({ kind: 'residence', ...a })),
      },
      shipments: r.shipments.map((s) => ({
        id: `${id}-${s.id}`,
        address: s.address,
        ...(s.at !== undefined ? { shippedAt: s.at } : {}),
        ...(s.change !== undefined ? { changeRequests: [{ at: times[1], address: s.change }] } : {}),
      })),
      paymentInstructions:
        r.payout !== undefined ? [{ id: `${id}-pay`, at: times[2], method: 'payment-platform', platform: 'payoneer', platformAccount: r.payout }] : [],
      photos: r.photo !== undefined ? [{ id: `${id}-photo`, source: 'resume', perceptualHash: r.photo }] : [],
    } as unknown as Subject;
    const events = r.events.map((e, k) =>
      parseEvent(
        e.type === 'session'
          ? {
              id: `${id}-e${e.n}-${k % 2}`,
              subjectId: id,
              type: 'session',
              at: e.at,
              ...(e.ip !== undefined ? { ip: e.ip } : {}),
              deviceId: e.device,
              ...(e.mfa !== undefined ? { mfaDeviceId: e.mfa } : {}),
            }
          : { id: `${id}-c${e.n}-${i}`, subjectId: id, type: 'device-checkin', at: e.at, deviceId: e.device, ...(e.ip !== undefined ? { ip: e.ip } : {}) },
      ),
    );
    return { subject, events };
  });
}

describe('grouping a population in two passes', () => {
  it('gives the groups and the index of extractLinkKeys grouped in one pass, for any population', () => {
    fc.assert(
      fc.property(rawPopulation, (raw) => {
        const subjects = parsed(raw);
        const onePass = groupLinkKeys(subjects.map(({ subject, events }) => ({ subjectId: subject.id, keys: extractLinkKeys(subject, events) })));
        const population = populationOf(subjects);
        const twoPass = groupPopulationLinkKeys(population);
        expect(population.reads).toBe(2);
        expect(canonical(twoPass)).toEqual(canonical(onePass));
        expect(buildLinkIndexFromGroups(twoPass).links).toEqual(buildLinkIndexFromGroups(onePass).links);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('never joins two keys whose 64-bit hashes collide: texts are compared', () => {
    const hasher = new LinkKeyHasher();
    const email = hasher.kindOf('email');
    const table = new LinkKeyTable(hasher);
    // Three different keys given one hash, as a collision would.
    const visits: [string, string][] = [
      ['a', 'one@x.io'],
      ['b', 'two@x.io'],
      ['c', 'three@x.io'],
      ['d', 'one@x.io'],
    ];
    for (const [subject, key] of visits) {
      table.beginSubject(subject);
      table.recordKey(email, key, subject, 'contacts.emails[].address', undefined, undefined, 0x1234, 0x5678);
      table.endSubject();
    }
    const groups = table.groups();
    expect(groups.map((g) => [g.key, g.members.map((m) => m.subjectId)])).toEqual([['one@x.io', ['a', 'd']]]);
    expect(table.work.distinctKeys).toBe(3);
  });

  it('keeps the texts of shared keys only, with work linear in the keys (counted)', () => {
    // Five keys a subject; the address is shared by a household of two, the rest are the subject's own.
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
      let work: PopulationGroupingWork | undefined;
      const groups = groupPopulationLinkKeys(populationOf(subjects), {}, (w) => (work = w));
      return { groups: groups.length, ...(work as PopulationGroupingWork) };
    };
    const small = synthetic(20_000);
    const large = synthetic(80_000);
    for (const [w, n] of [
      [small, 20_000],
      [large, 80_000],
    ] as const) {
      // Each event gives its IP and device keys once per event in the first pass: 3 + 2 x 2 keys a subject.
      expect(w.hashedKeys).toBe(7 * n);
      expect(w.distinctHashes).toBe(4 * n + n / 2);
      // Only the household addresses come back: n keys kept, n / 2 texts, one group each.
      expect(w.derivedAgain).toBe(n);
      expect(w.keptKeys).toBe(n);
      expect(w.table.distinctKeys).toBe(n / 2);
      expect(w.groups).toBe(n / 2);
      expect(w.table.collected).toBe(w.table.keys);
      // Linear probing in a table at most 3/4 full, re-insertion at each doubling included.
      expect(w.hashProbes / w.hashedKeys).toBeLessThan(5);
    }
    expect(large.hashProbes / small.hashProbes).toBeGreaterThan(3);
    expect(large.hashProbes / small.hashProbes).toBeLessThan(5.5);
  }, 120_000);
});
