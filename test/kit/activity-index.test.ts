import { createScorer, offHoursPattern, ownBaselineShift, peerBaselineShift } from '../../src/index';
import type { AnyIndicator, SubjectView } from '../../src/index';
import type { ActivityEvent } from '../../src/records/events';
import { channelOf, isBehaviourActivity, isPersonActivity } from '../../src/kit';
import type { ActivityIndex } from '../../src/kit';
import { activityIndexOf } from '../../src/kit/activity';

// The activity positions of a view (`activityIndex`) against a plain reading of `view.events`,
// and shared: built once per view, so the indicators that read the person's activity each visit
// only those events. Work is counted (memo builds, element reads of `view.events`), never timed.

const asOf = '2025-12-01T00:00:00Z';
const HOUR = 3_600_000;

/** A deterministic sequence in [0, 1) (a linear congruential generator), so the mix of events is the same every run. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `hours` after an ISO time, as an ISO time. */
const later = (at: string, hours: number): string => new Date(Date.parse(at) + hours * HOUR).toISOString();

/** Every kind of event the two predicates tell apart: failed and successful sign-ins, both message directions, machines reporting. */
const kinds: ((base: { id: string; subjectId: string; at: string }) => Record<string, unknown>)[] = [
  (b) => ({ ...b, type: 'session', accountId: 'a', deviceId: 'laptop', ip: '203.0.113.7' }),
  (b) => ({ ...b, type: 'session', accountId: 'a', result: 'failure' }),
  (b) => ({ ...b, type: 'message', direction: 'from-subject', channel: 'email' }),
  (b) => ({ ...b, type: 'message', direction: 'to-subject', channel: 'email' }),
  (b) => ({ ...b, type: 'data-access', action: 'download', resource: 'repo', volumeBytes: 5_000 }),
  (b) => ({ ...b, type: 'worklog', accountId: 'w', hours: 2, end: later(b.at, 2) }),
  (b) => ({ ...b, type: 'privilege', action: 'request', privilege: 'admin' }),
  (b) => ({ ...b, type: 'web', action: 'visit', url: 'https://example.com/', deviceId: 'laptop' }),
  (b) => ({ ...b, type: 'web', action: 'upload', category: 'personal-cloud', url: 'https://drive.example/', deviceId: 'laptop' }),
  (b) => ({ ...b, type: 'web', action: 'visit', category: 'paste-site', url: 'https://paste.example/' }),
  (b) => ({ ...b, type: 'data-access', action: 'copy', resource: 'specs', destination: { kind: 'removable-media' } }),
  (b) => ({ ...b, type: 'email', externalRecipientCount: 1, attachmentCount: 1 }),
  (b) => ({ ...b, type: 'removable-media', action: 'connected', deviceId: 'laptop' }),
  (b) => ({ ...b, type: 'removable-media', action: 'removed', deviceId: 'laptop' }),
  (b) => ({ ...b, type: 'device-checkin', deviceId: 'laptop' }),
  (b) => ({ ...b, type: 'calendar', end: later(b.at, 1) }),
];

function batch(subjects: number, eventsPerSubject: number, seed = 7) {
  const next = sequence(seed);
  const start = Date.UTC(2025, 5, 2);
  const events: Record<string, unknown>[] = [];
  for (let s = 0; s < subjects; s++) {
    for (let e = 0; e < eventsPerSubject; e++) {
      const at = new Date(start + Math.floor(next() * 150 * 24) * HOUR).toISOString();
      const kind = kinds[Math.floor(next() * kinds.length)] as (typeof kinds)[number];
      events.push(kind({ id: `s${s}-e${e}`, subjectId: `s${s}`, at }));
    }
  }
  const subjects_ = Array.from({ length: subjects }, (_, s) => ({
    id: `s${s}`,
    identity: { residence: { country: 'US', timeZone: 'America/Chicago' } },
    position: { team: s % 2 === 0 ? 'platform' : 'data' },
  }));
  return { asOf, subjects: subjects_, events };
}

interface Counts {
  /** Builds of the activity positions, across all views. */
  builds: number;
  /** Requests for them, across all indicators and views. */
  requests: number;
  /** Reads of an element of `view.events` made by the indicators (and the builds they caused). */
  eventReads: number;
  /** What the first build of each subject's view gave, by subject id. */
  readonly seen: Map<string, { person: number[]; behaviour: number[] }>;
  /** The plain reading of each subject's `view.events`, by subject id. */
  readonly plain: Map<string, { person: number[]; behaviour: number[] }>;
}

/** The view as an indicator sees it: element reads of `view.events` counted, activity-position builds and requests counted. */
function countingView(view: SubjectView, counts: Counts): SubjectView {
  const events = new Proxy(view.events, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) counts.eventReads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const plain = { person: [] as number[], behaviour: [] as number[] };
  view.events.forEach((e, i) => {
    if (isPersonActivity(e)) plain.person.push(i);
    if (isBehaviourActivity(e)) plain.behaviour.push(i);
  });
  counts.plain.set(view.subject.id, plain);
  return Object.freeze({
    ...view,
    events,
    memo: <T>(key: string, build: () => T): T => {
      if (key === 'activity/activity-index') counts.requests++;
      return view.memo(key, () => {
        const built = build();
        if (key === 'activity/activity-index') {
          counts.builds++;
          const index = built as ActivityIndex;
          counts.seen.set(view.subject.id, { person: [...index.person], behaviour: [...index.behaviour] });
        }
        return built;
      });
    },
  });
}

function watched(indicators: readonly AnyIndicator[], counts: Counts): AnyIndicator[] {
  return indicators.map((indicator) => ({
    ...indicator,
    ...(indicator.summarise !== undefined
      ? {
          summarise: (view: SubjectView, context: never) => (indicator.summarise as (v: SubjectView, c: never) => unknown)(countingView(view, counts), context),
        }
      : {}),
    evaluate: (view: SubjectView, context: Parameters<AnyIndicator['evaluate']>[1]) => indicator.evaluate(countingView(view, counts), context),
  })) as AnyIndicator[];
}

function countsOf(subjects: number, eventsPerSubject: number): Counts {
  const counts: Counts = { builds: 0, requests: 0, eventReads: 0, seen: new Map(), plain: new Map() };
  const indicators = watched([offHoursPattern, ownBaselineShift, peerBaselineShift], counts);
  const result = createScorer({ indicators }).scoreBatch(batch(subjects, eventsPerSubject));
  expect(result.rejected).toEqual([]);
  for (const report of result.reports) expect(report.errors).toEqual([]);
  return counts;
}

describe('activityIndex', () => {
  it('holds, in order, the positions a plain reading of the events accepts', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { events } = batch(1, 300, seed);
      const index = activityIndexOf(events as unknown as ActivityEvent[]);
      const person: number[] = [];
      const behaviour: number[] = [];
      events.forEach((e, i) => {
        if (isPersonActivity(e as unknown as ActivityEvent)) person.push(i);
        if (isBehaviourActivity(e as unknown as ActivityEvent)) behaviour.push(i);
      });
      expect([...index.person]).toEqual(person);
      expect([...index.behaviour]).toEqual(behaviour);
      // The mix covers both sides of each predicate.
      expect(person.length).toBeGreaterThan(0);
      expect(behaviour.length).toBeGreaterThan(person.length);
      expect(behaviour.length).toBeLessThan(events.length);
    }
  });

  it('covers every event with a data channel (own-baseline-shift finds first uses among the behaviour positions)', () => {
    const { events } = batch(1, 400, 11);
    let channels = 0;
    for (const e of events as unknown as ActivityEvent[]) {
      if (channelOf(e) === undefined) continue;
      channels++;
      expect(isBehaviourActivity(e)).toBe(true);
    }
    expect(channels).toBeGreaterThan(0);
  });

  it('is empty for a subject without events', () => {
    const index = activityIndexOf([]);
    expect(index.person.length).toBe(0);
    expect(index.behaviour.length).toBe(0);
  });

  it("matches the plain reading of each view's sorted events in a scored batch", () => {
    const counts = countsOf(8, 120);
    expect(counts.seen.size).toBe(8);
    for (const [id, seen] of counts.seen) expect(seen).toEqual(counts.plain.get(id));
  });

  it('is built once per view and read by the off-hours and both behaviour-profile indicators', () => {
    for (const [subjects, perSubject] of [
      [6, 80],
      [12, 200],
    ] as const) {
      const counts = countsOf(subjects, perSubject);
      expect(counts.builds).toBe(subjects);
      // off-hours-pattern (evaluate), own-baseline-shift (evaluate), peer-baseline-shift (summarise and evaluate).
      expect(counts.requests).toBeGreaterThanOrEqual(3 * subjects);
    }
  });

  it('lets the three indicators read the activity events, not every event each', () => {
    const subjects = 10;
    const perSubject = 200;
    const counts = countsOf(subjects, perSubject);
    let person = 0;
    let behaviour = 0;
    for (const plain of counts.plain.values()) {
      person += plain.person.length;
      behaviour += plain.behaviour.length;
    }
    const events = subjects * perSubject;
    // The build reads every event once; then off-hours-pattern reads the person's activity, and
    // the behaviour sweeps (own-baseline-shift's profile and first uses, peer-baseline-shift's
    // profile) the behaviour activity; the findings' evidence reads a few more per subject.
    // Reading every event in each of those sweeps, as a test of each event's type, would be
    // 4 * events more than the build.
    expect(counts.eventReads).toBeLessThanOrEqual(events + person + 3 * behaviour + 20 * subjects);
    expect(events + person + 3 * behaviour + 20 * subjects).toBeLessThan(5 * events);
  });
});
