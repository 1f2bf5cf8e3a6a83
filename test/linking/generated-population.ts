import fc from 'fast-check';
import { parseEvent, type ActivityEvent, type LinkGroup, type LinkPopulation, type Subject } from '../../src/index';
import { compareText } from '../../src/engine/order';

// Generated populations for the linkage grouping tests (two passes over subjects, two passes over summary rows).

/** Groups with members in a canonical order, groups by kind and key: the content, not the order added. */
export function canonical(groups: readonly LinkGroup[]): LinkGroup[] {
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

export function populationOf(subjects: readonly { subject: Subject; events: readonly ActivityEvent[] }[]): LinkPopulation & { reads: number } {
  return {
    reads: 0,
    forEachSubject(visit) {
      this.reads++;
      for (const { subject, events } of subjects) visit(subject, events);
    },
  };
}

// The last two are the first instant written as toISOString writes it and with an offset: one time, three texts.
export const times = [
  '2025-01-01T00:00:00Z',
  '2025-01-01T12:00:00Z',
  '2025-01-03T00:00:00Z',
  '2025-02-01T00:00:00.000Z',
  '2025-01-01T00:00:00.000Z',
  '2025-01-01T01:00:00+01:00',
];
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
export const rawPopulation = fc.array(
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
    photo: maybe(fc.constantFrom('f0f0f0f0f0f0f0f0', 'f0f0f0f0f0f0f0f1', 'F0F0F0F0F0F0F0F3', '0123456789abcdef', 'f0f0f0f1', 'f0f0f0f0')),
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

export type Raw = typeof rawPopulation extends fc.Arbitrary<infer T> ? T : never;

export function parsed(raw: Raw): { subject: Subject; events: ActivityEvent[] }[] {
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
