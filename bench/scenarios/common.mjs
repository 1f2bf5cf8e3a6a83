// Building blocks of the labelled scenario suite (bench/scenarios/suite.mjs): calendars, event
// recorders, ordinary working days and honest peers. Plain data, no clock, no randomness.

export const asOf = '2025-06-15T00:00:00Z';
const DAY = 86_400_000;

/** Every weekday (UTC) from `from` to `to` inclusive, as YYYY-MM-DD. */
export function weekdays(from, to) {
  const out = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) {
    const d = new Date(t).getUTCDay();
    if (d !== 0 && d !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** Six months of history before the recent window. */
export const BASELINE = weekdays('2024-11-18', '2025-05-16');
/** The four weeks before asOf. */
export const RECENT = weekdays('2025-05-19', '2025-06-13');
export const ALL = [...BASELINE, ...RECENT];
/** The working days of a hire who started on 3 March 2025. */
export const SINCE_MARCH = weekdays('2025-03-03', '2025-06-13');
export const hh = (h) => String(h).padStart(2, '0');

/** Builds events with ids unique per subject. */
export function recorder(subjectId) {
  const events = [];
  const add = (e) => events.push({ id: `${subjectId}-${events.length + 1}`, subjectId, ...e });
  // Each person's own laptop: a device shared across subjects is a linkage signal of its own.
  add.laptop = `${subjectId}-laptop`;
  add.subjectId = subjectId;
  return { events, add };
}

/** An ordinary working pattern: sign-in at `hour` (UTC), a download, now and then an external mail. */
export function ordinaryDays(add, days, { hour = 9, device = add.laptop, bytes = 5e7, mailEvery = 5, session = {} } = {}) {
  days.forEach((d, i) => {
    add({ type: 'session', at: `${d}T${hh(hour)}:05:00Z`, accountId: 'corp', deviceId: device, ...session });
    add({ type: 'data-access', at: `${d}T${hh((hour + 1) % 24)}:00:00Z`, resource: 'repo', action: 'download', volumeBytes: bytes });
    if (i % mailEvery === 0)
      add({ type: 'email', at: `${d}T${hh((hour + 2) % 24)}:00:00Z`, recipientCount: 2, externalRecipientCount: 1, attachmentCount: 1, attachmentBytes: 2e5 });
  });
}

export const utc = (country = 'US') => ({ residence: { country, timeZone: 'UTC' } });
export const employee = (id, team, extra = {}) => ({
  id,
  kind: 'employee',
  role: 'Engineer',
  hiredAt: '2023-03-01T00:00:00Z',
  identity: utc(),
  position: { team },
  ...extra,
});

/** Honest peers: a team of `n` with ordinary days, `bytes` a day each (a little spread). */
export function peers(team, n, bytes, options = {}) {
  const subjects = [];
  const events = [];
  for (let i = 0; i < n; i++) {
    const id = `${team}-peer-${i}`;
    subjects.push(employee(id, team));
    const { events: ev, add } = recorder(id);
    ordinaryDays(add, ALL, { bytes: bytes * (1 + i / 10), ...options });
    events.push(...ev);
  }
  return { subjects, events };
}

/**
 * A scenario: one subject (and its events) scored in the shared population. `positive` scenarios
 * must reach high or critical with every `expectedReasons` id among the top five reasons;
 * controls must stay low or elevated. `source` names the public case description it follows
 * (positives) or the honest pattern it stands for (controls).
 */
export function scenario(name, label, source, subject, build, expectedReasons = []) {
  const { events, add } = recorder(subject.id);
  build(add);
  return { name, label, source, subject, events, expectedReasons };
}
