import { z } from 'zod';
import type { ActivityEvent } from '../../records/events';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence } from '../../contract/types';
import { activityIndex, cite, dateOfLocalMinutes, hourOfMinute, inHourWindow, isPersonActivity, localClock } from '../../kit';

const options = z.object({
  minSamples: z
    .number()
    .int()
    .positive()
    .default(30)
    .describe('Fewest activity timestamps needed: a rhythm needs weeks of data, and a single late night never fires.'),
  minDays: z.number().int().positive().default(10).describe('Fewest distinct local calendar days with activity, so one crunch weekend cannot make a rhythm.'),
  minConcentration: z
    .number()
    .min(0)
    .max(1)
    .default(0.35)
    .describe(
      'Least mean resultant length R of the hour angles. Work spread round the clock (R near 0) has no centre to compare; an ' +
        'ordinary 9-to-6 day gives R of about 0.7.',
    ),
  expectedCentreHour: z.number().min(0).lt(24).default(13.5).describe('Where an ordinary working day centres in local time: the middle of 09:00-18:00.'),
  minShiftHours: z
    .number()
    .min(1)
    .max(12)
    .default(7)
    .describe(
      'How far (circular hours) the centre must sit from the expected centre. Seven hours leaves room for late starters and ' +
        'evening people (a 14:00-01:00 worker centres at 19:30, a shift of six).',
    ),
  nightStartHour: z.number().int().min(0).max(23).default(22).describe('Local hour when night begins.'),
  nightEndHour: z.number().int().min(0).max(23).default(6).describe('Local hour when night ends.'),
  eventTypes: z
    .array(z.enum(['session', 'worklog', 'message', 'data-access', 'privilege', 'calendar']))
    .default(['session', 'message', 'data-access', 'worklog'])
    .describe(
      'Event types whose timestamps show when the person acts: successful sign-ins, messages they send, data access, work-log ' +
        'starts. Messages to the subject are never counted.',
    ),
});

const TWO_PI = 2 * Math.PI;

/** Cosines and sines of the clock angle of each minute of the day, for one offset. */
interface AngleTable {
  readonly cos: Float64Array;
  readonly sin: Float64Array;
}

/**
 * The angle of each minute of the day on a 24-hour clock, turned back by `offsetMinutes` (0 for
 * local time): the same expressions the sweep would evaluate per event, so the values, and the
 * sums, are bit for bit the same, with 1,440 cosines per offset instead of two per event.
 */
function angleTable(offsetMinutes: number): AngleTable {
  let table = angleTables.get(offsetMinutes);
  if (table === undefined) {
    const offsetHours = offsetMinutes / 60;
    const cos = new Float64Array(1440);
    const sin = new Float64Array(1440);
    for (let m = 0; m < 1440; m++) {
      const angle = (TWO_PI * (offsetMinutes === 0 ? hourOfMinute(m) : hourOfMinute(m) - offsetHours)) / 24;
      cos[m] = Math.cos(angle);
      sin[m] = Math.sin(angle);
    }
    table = { cos, sin };
    // Offsets are whole minutes within a day either way, so this holds a few dozen tables at most.
    if (angleTables.size >= 4096) angleTables.clear();
    angleTables.set(offsetMinutes, table);
  }
  return table;
}

const angleTables = new Map<number, AngleTable>();

function formatHour(h: number): string {
  const total = Math.round(h * 60) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function formatOffset(hours: number): string {
  const sign = hours < 0 ? '-' : '+';
  const abs = Math.abs(hours);
  const h = Math.floor(abs);
  const m = Math.round((abs - h) * 60);
  return `UTC${sign}${h}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}`;
}

/** `HH:MM` as decimal hours. */
function clockHours(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) + Number(hhmm.slice(3, 5)) / 60;
}

/** Signed circular difference a - b in hours, in (-12, 12]. */
function circularDiff(a: number, b: number): number {
  let d = (((a - b) % 24) + 24) % 24;
  if (d > 12) d -= 24;
  return d;
}

/** Hour of day (0 to 24) of an angle on the 24-hour clock. */
function hourOfAngle(angle: number): number {
  return ((((angle * 24) / TWO_PI) % 24) + 24) % 24;
}

/**
 * `activity/off-hours-pattern`: the activity rhythm, read in the claimed IANA time zone, centres
 * on night hours or fits another UTC offset far better than the claimed one. Circular statistics:
 * each timestamp is an angle on the 24-hour clock, and the mean resultant vector gives the centre
 * of the rhythm and how concentrated it is.
 */
export const offHoursPattern = defineIndicator({
  meta: {
    id: 'activity/off-hours-pattern',
    title: 'Working rhythm does not fit the claimed time zone',
    category: 'activity',
    version: '1.1.0',
    kind: 'risk',
    family: 'activity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 0.6,
    correlationGroup: 'activity-time',
    options,
    messages: {
      nightCentre:
        'Activity centres on {{centre}} local time in the claimed zone {{zone}} ({{nightShare}}% of {{samples}} timestamps at ' +
        'night, concentration R={{r}}); the rhythm fits {{bestOffset}} better',
      offsetFit:
        'Activity centres on {{centre}} local time in the claimed zone {{zone}}, {{shift}} hours from an ordinary working day ' +
        '({{samples}} timestamps, R={{r}}); the rhythm fits {{bestOffset}} better than {{claimedOffset}}',
      outsideAgreedHours:
        'Activity centres on {{centre}} local time in {{zone}}, {{shift}} hours from the middle of the agreed hours {{agreed}} ' +
        '({{samples}} timestamps, R={{r}}); the rhythm fits {{bestOffset}} better than {{claimedOffset}}',
    },
    neutralReason: 'Working-time records could not be reconciled with the stated location.',
    recommendedAction:
      "Show the worker's manager the hour histogram; ask about the working pattern and schedule a few unannounced live calls in the claimed morning hours.",
    docs: {
      description:
        'Converts every activity timestamp to local time in the claimed residence time zone (`identity.residence.timeZone`, via ' +
        'Intl, so daylight saving is handled) and takes the mean resultant vector of the hour angles. Fires when at least ' +
        '`minSamples` timestamps over `minDays` days are concentrated (R ≥ `minConcentration`) around a centre that falls in the ' +
        "night (`nightStartHour`-`nightEndHour`) or sits at least `minShiftHours` from an ordinary working day's centre, that " +
        'is, when another UTC offset fits the rhythm far better. With agreed working hours (`position.agreedHours`), the ' +
        'timestamps are read in the agreed zone (else the claimed one), the expected centre is the middle of the agreed hours, ' +
        'and a centre inside the agreed hours never counts as night: a night-shift rota is the expected rhythm, and the ' +
        'indicator fires only when the rhythm sits `minShiftHours` away from it. KB4 and SEAL: workers abroad work nights to ' +
        'simulate the claimed hours. Weak alone: night owls and distributed teams exist.',
      requires: ['identity.residence.timeZone', 'events[].at', 'position.agreedHours'],
      threatHypothesis: 'The worker is in another time zone (e.g. UTC+8/+9) and either works their own day or works nights to simulate the claimed hours.',
      sources: cite('KB4', 'SEAL', 'US-2022'),
      falsePositives: [
        'Night owls and people with caring duties who work late by choice.',
        'Distributed teams that align with colleagues in other zones.',
        'A wrong or outdated claimed time zone in the HR record (check after a move).',
        'Agreed hours (a night rota, a team abroad) not recorded in `position.agreedHours`.',
        "Batch jobs or automation running under the person's account at night.",
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const agreed = view.subject.position?.agreedHours;
    const zone = agreed?.timeZone ?? view.subject.identity?.residence?.timeZone;
    if (zone === undefined) return notEvaluated('no claimed time zone', ['identity.residence.timeZone']);
    // The rhythm is compared with the agreed hours when there are any, else with an ordinary day.
    let expectedCentre = options.expectedCentreHour;
    let agreedStart = 0;
    let agreedSpan = 0;
    if (agreed !== undefined) {
      agreedStart = clockHours(agreed.start);
      agreedSpan = (((clockHours(agreed.end) - agreedStart) % 24) + 24) % 24;
      // Equal start and end: round-the-clock cover, so no hour is out of rhythm.
      if (agreedSpan === 0) return [];
      expectedCentre = (agreedStart + agreedSpan / 2) % 24;
    }
    const withinAgreed = (h: number): boolean => agreed !== undefined && (((h - agreedStart) % 24) + 24) % 24 < agreedSpan;
    const types = new Set<string>(options.eventTypes);
    // One sweep over the subject's time-sorted events: no filtered copy, no date object per
    // event; local days are counted as numbers and dates are written only for the cited events.
    // The local readings come from the view's clock column for the zone, shared with every other
    // indicator that reads local time (one conversion per event per view).
    const clock = localClock(view, zone);
    const histogram: number[] = new Array<number>(24).fill(0);
    const days = new Set<number>();
    // Two mean vectors: of local hours (the claimed zone's view, which daylight saving shifts by
    // an hour twice a year) and of UTC hours (where the rhythm really sits, which gives the
    // best-fitting offset without mixing summer and winter offsets).
    let sumCos = 0;
    let sumSin = 0;
    let utcCos = 0;
    let utcSin = 0;
    const offsets = new Map<number, number>();
    let n = 0;
    let night = 0;
    // Positions in view.events of the first night-time events: their evidence is written only when the indicator fires.
    const nightEvents: number[] = [];
    const isNight = (h: number): boolean => inHourWindow(h, options.nightStartHour, options.nightEndHour);
    const localAngles = angleTable(0);
    // The UTC angles' table, the previous day and a run of events in one offset: consecutive
    // events mostly share all three, so neither a table, the day set nor the offset counts are
    // looked up per event.
    let utcAngles = localAngles;
    let tableOffset = Number.NaN;
    let lastDay = Number.NaN;
    let runOffset = Number.NaN;
    let runLength = 0;
    // Only the person's activity is read: the view's shared activity positions, unless calendar
    // entries are opted in (a caller may count scheduled meetings as presence), which they lack.
    const positions = types.has('calendar') ? presencePositions(view.events, types) : activityIndex(view).person;
    for (let k = 0; k < positions.length; k++) {
      const i = positions[k] as number;
      const e = view.events[i] as ActivityEvent;
      if (!types.has(e.type)) continue;
      n++;
      const day = clock.day[i] as number;
      const minute = clock.minute[i] as number;
      const offsetMinutes = clock.offset[i] as number;
      const local = hourOfMinute(minute);
      const hour = Math.floor(local);
      if (day !== lastDay) {
        days.add(day);
        lastDay = day;
      }
      histogram[hour] = (histogram[hour] as number) + 1;
      sumCos += localAngles.cos[minute] as number;
      sumSin += localAngles.sin[minute] as number;
      if (offsetMinutes !== tableOffset) {
        utcAngles = angleTable(offsetMinutes);
        tableOffset = offsetMinutes;
      }
      utcCos += utcAngles.cos[minute] as number;
      utcSin += utcAngles.sin[minute] as number;
      const offsetHours = offsetMinutes / 60;
      if (offsetHours !== runOffset) {
        if (runLength > 0) offsets.set(runOffset, (offsets.get(runOffset) ?? 0) + runLength);
        runOffset = offsetHours;
        runLength = 0;
      }
      runLength++;
      if (isNight(hour)) {
        night++;
        if (nightEvents.length < 10) nightEvents.push(i);
      }
    }
    if (runLength > 0) offsets.set(runOffset, (offsets.get(runOffset) ?? 0) + runLength);
    if (n === 0)
      return notEvaluated(
        'no activity timestamps',
        options.eventTypes.map((t) => `events[type=${t}].at`),
      );
    if (n < options.minSamples || days.size < options.minDays) return [];
    const r = Math.hypot(sumCos, sumSin) / n;
    if (r < options.minConcentration) return [];
    const centre = hourOfAngle(Math.atan2(sumSin, sumCos));
    const shift = circularDiff(centre, expectedCentre);
    const centreNight = isNight(Math.floor(centre)) && !withinAgreed(centre);
    const fires = centreNight || Math.abs(shift) >= options.minShiftHours;
    // Agreed hours explain a rhythm that would have fired against an ordinary working day: the
    // report shows it as silenced by them rather than dropping it without a trace.
    const defaultShift = circularDiff(centre, options.expectedCentreHour);
    const nightWithoutAgreed = isNight(Math.floor(centre));
    const explainedByAgreed = agreed !== undefined && !fires && (nightWithoutAgreed || Math.abs(defaultShift) >= options.minShiftHours);
    if (!fires && !explainedByAgreed) return [];

    // The claimed offset is the one most timestamps fell in (winter or summer time); the best
    // offset moves the UTC centre of the rhythm onto an ordinary working day's centre.
    let claimedOffset = 0;
    let claimedCount = -1;
    for (const [offset, count] of offsets) {
      if (count > claimedCount || (count === claimedCount && offset < claimedOffset)) [claimedOffset, claimedCount] = [offset, count];
    }
    let best = Math.round(circularDiff(expectedCentre, hourOfAngle(Math.atan2(utcSin, utcCos))));
    if (best <= -12) best += 24;
    const nightShare = Math.round((100 * night) / n);
    const strength = Math.min(1, (0.4 + (0.6 * (Math.abs(shift) - 4)) / 8) * Math.min(1, r / 0.6));
    const evidence: Evidence[] = [
      {
        recordId: view.subject.id,
        field: 'identity.residence.timeZone',
        value: zone,
        note: 'claimed time zone the timestamps were read in',
      },
      {
        recordId: view.subject.id,
        field: 'events[].at',
        value: histogram,
        note: `hour-of-day histogram (00-23 local time in ${zone}) of ${n} activity timestamps over ${days.size} days`,
      },
      ...(agreed !== undefined
        ? [
            {
              recordId: view.subject.id,
              field: 'position.agreedHours',
              value: `${agreed.start}-${agreed.end}`,
              note: 'agreed working hours the rhythm was compared with',
            },
          ]
        : []),
      ...nightEvents.map((i) => {
        const e = view.events[i] as ActivityEvent;
        const local = `${dateOfLocalMinutes((clock.day[i] as number) * 1440)} ${formatHour(hourOfMinute(clock.minute[i] as number))}`;
        return { recordId: e.id, at: e.at, field: 'at', value: local, note: 'night-time activity, local time' };
      }),
    ];
    const data = {
      zone,
      centre: formatHour(centre),
      samples: n,
      r: Math.round(r * 100) / 100,
      shift: Math.round(Math.abs(shift) * 10) / 10,
      nightShare,
      bestOffset: formatOffset(best),
      claimedOffset: formatOffset(claimedOffset),
      histogram: histogram.join(','),
      ...(agreed !== undefined ? { agreed: `${agreed.start}-${agreed.end}` } : {}),
    };
    if (explainedByAgreed && agreed !== undefined) {
      return [
        {
          messageId: nightWithoutAgreed ? 'nightCentre' : 'offsetFit',
          strength: 0,
          data: { ...data, shift: Math.round(Math.abs(defaultShift) * 10) / 10 },
          evidence,
          mitigatedBy: [
            {
              recordId: view.subject.id,
              field: 'position.agreedHours',
              explains: `agreed working hours ${agreed.start}-${agreed.end}${agreed.timeZone !== undefined ? ` ${agreed.timeZone}` : ''}`,
            },
          ],
        },
      ];
    }
    const messageId = agreed !== undefined ? 'outsideAgreedHours' : centreNight ? 'nightCentre' : 'offsetFit';
    return [{ messageId, strength: Math.max(0.1, strength), data, evidence }];
  },
});

/** Positions of the events with a type in `types` that show presence: the person's activity, and calendar entries. */
function presencePositions(events: readonly ActivityEvent[], types: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as ActivityEvent;
    if (types.has(e.type) && (e.type === 'calendar' || isPersonActivity(e))) out.push(i);
  }
  return out;
}
