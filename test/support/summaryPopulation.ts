// Generated populations for the population-summaries tests: roles, teams, shared accounts, data
// access and sign-ins, so the built-in indicators that read the population have peers to compare.
import fc from 'fast-check';

/** The instant the generated populations are scored at. */
export const generatedAsOf = '2025-06-01T00:00:00Z';
const asOf = generatedAsOf;
const DAY = 86_400_000;
const asOfMs = Date.parse(asOf);

/** A generated subject: peer groups, held accounts, data access and sign-ins over the 40 days before asOf. */
export interface GeneratedSubject {
  readonly role: string | undefined;
  readonly team: string | undefined;
  readonly accounts: readonly string[];
  readonly access: readonly { day: number; hour: number; action: 'download' | 'clone' | 'read'; bytes: number | undefined }[];
  readonly sessions: readonly { day: number; hour: number; account: string }[];
}

const sharedAccounts = ['acc-1', 'acc-2', 'acc-3', 'acc-4'];

/** Subjects sharing roles, teams and accounts, so peer baselines, bulk collection and impersonation have something to compare. */
export const subjectArb: fc.Arbitrary<GeneratedSubject> = fc.record({
  role: fc.constantFrom('developer', 'analyst', undefined),
  team: fc.constantFrom('core', 'data', undefined),
  accounts: fc.subarray(sharedAccounts, { maxLength: 2 }),
  access: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 40 }),
      hour: fc.integer({ min: 0, max: 23 }),
      action: fc.constantFrom('download' as const, 'clone' as const, 'read' as const),
      bytes: fc.option(
        fc.integer({ min: 1, max: 40 }).map((n) => n * 100_000_000),
        { nil: undefined },
      ),
    }),
    { maxLength: 8 },
  ),
  sessions: fc.array(fc.record({ day: fc.integer({ min: 0, max: 40 }), hour: fc.integer({ min: 0, max: 23 }), account: fc.constantFrom(...sharedAccounts) }), {
    maxLength: 4,
  }),
});

/** A population of generated subjects with ids s00, s01...; events ids are unique across subjects. */
export function population(generated: readonly GeneratedSubject[]): { subjects: { id: string }[]; events: { id: string; subjectId: string }[] } {
  const subjects: { id: string }[] = [];
  const events: { id: string; subjectId: string }[] = [];
  generated.forEach((g, n) => {
    const id = `s${String(n).padStart(2, '0')}`;
    subjects.push({
      id,
      ...(g.role !== undefined ? { role: g.role } : {}),
      ...(g.team !== undefined ? { position: { team: g.team } } : {}),
      accounts: [{ system: 'okta', accountId: `own-${id}` }, ...g.accounts.map((accountId) => ({ system: 'okta', accountId }))],
    } as { id: string });
    const at = (day: number, hour: number): string => new Date(asOfMs - day * DAY - hour * 3_600_000 - 60_000).toISOString();
    g.access.forEach((a, k) =>
      events.push({
        id: `${id}-d${k}`,
        subjectId: id,
        type: 'data-access',
        at: at(a.day, a.hour),
        resource: `repo-${k}`,
        action: a.action,
        ...(a.bytes !== undefined ? { volumeBytes: a.bytes } : {}),
      } as { id: string; subjectId: string }),
    );
    g.sessions.forEach((s, k) =>
      events.push({ id: `${id}-s${k}`, subjectId: id, type: 'session', at: at(s.day, s.hour), accountId: s.account } as { id: string; subjectId: string }),
    );
  });
  return { subjects, events };
}

/**
 * Seven developers of one team who clone the same modest volume, and an eighth who clones forty
 * times as much on one day and holds the account the first signs in to: peer baselines, bulk
 * collection and impersonation all fire on the population, none on a subject alone.
 */
export function peerOutliers(): GeneratedSubject[] {
  const peers = Array.from({ length: 7 }, (_, n): GeneratedSubject => ({
    role: 'developer',
    team: 'core',
    accounts: [],
    access: [1, 2, 3, 4, 5, 6].map((day) => ({ day, hour: 10, action: 'clone' as const, bytes: 100_000_000 })),
    sessions: n === 0 ? [{ day: 2, hour: 10, account: 'acc-1' }] : [],
  }));
  const outlier: GeneratedSubject = {
    role: 'developer',
    team: 'core',
    accounts: ['acc-1'],
    access: [1, 2, 3, 4, 5, 6].map((day) => ({ day, hour: 10, action: 'clone' as const, bytes: day === 1 ? 4_000_000_000 : 100_000_000 })),
    sessions: [],
  };
  return [...peers, outlier];
}
