/**
 * Weekly behaviour measures of one subject, from one sweep over their sorted events: the input of
 * the own-baseline and peer-baseline indicators, so both read behaviour the same way.
 *
 * @packageDocumentation
 */

import type { SubjectView } from '../contract/types';
import type { ActivityEvent } from '../records/events';
import type { Subject } from '../records/subject';
import { activityIndex, activityIndexOf } from './activity';
import { type LocalClockColumns, hourOfMinute, localClock, localClockColumns } from './localClock';
import { DAY_MS, HOUR_MS } from './time';
import { inHourWindow } from './timezone';
import { compareText } from './order';

/** Milliseconds in a week. */
export const WEEK_MS = 7 * DAY_MS;

/** The behaviour measures compared with a baseline, in a stable order. */
export const behaviourMeasures = ['afterHoursShare', 'activeHours', 'distinctDevices', 'dataBytes', 'removableMedia', 'externalMailAttachments'] as const;

/** One behaviour measure. */
export type BehaviourMeasure = (typeof behaviourMeasures)[number];

/** What each measure means, with its unit, for messages. */
export const measureLabels: Readonly<Record<BehaviourMeasure, string>> = {
  afterHoursShare: 'share of activity after hours (%)',
  activeHours: 'active hours per working day',
  distinctDevices: 'distinct devices a week',
  dataBytes: 'data collected per active day (MB)',
  removableMedia: 'removable-media connects and copies a week',
  externalMailAttachments: 'external e-mails with attachments a week',
};

/** Data-access actions that collect data onto the worker's side. */
export const collectionActions: ReadonlySet<string> = new Set(['download', 'clone', 'export', 'copy', 'sync', 'print']);

/** The device an event ran on, when it names one. */
function deviceOf(e: ActivityEvent): string | undefined {
  switch (e.type) {
    case 'session':
    case 'web':
    case 'removable-media':
    case 'print':
      return e.deviceId;
    default:
      return undefined;
  }
}

/** Running totals of one week (or one window). */
export interface BehaviourTotals {
  /** Activity events. */
  activity: number;
  /** Activity events outside the working hours (or on a weekend), when a zone is known. */
  afterHours: number;
  /** Activity events outside the agreed hours, when the subject has agreed hours. */
  afterAgreed: number;
  /** After-hours activity events during booked travel. */
  afterHoursTravelling: number;
  /** Distinct active UTC hours (hour index since the epoch). */
  readonly hours: Set<number>;
  /** Distinct active UTC days. */
  readonly days: Set<number>;
  /** Distinct devices per week (week index from asOf), so a window of several weeks gives a weekly mean. */
  readonly weekDevices: Map<number, Set<string>>;
  /** Bytes collected (download, clone, export, copy, sync, print). */
  bytes: number;
  /** Removable-media connects and file copies. */
  removable: number;
  /** E-mails sent outside the organisation with attachments. */
  externalMail: number;
  /** A few event ids of the bucket, for evidence. */
  readonly sample: string[];
}

function emptyTotals(): BehaviourTotals {
  return {
    activity: 0,
    afterHours: 0,
    afterAgreed: 0,
    afterHoursTravelling: 0,
    hours: new Set(),
    days: new Set(),
    weekDevices: new Map(),
    bytes: 0,
    removable: 0,
    externalMail: 0,
    sample: [],
  };
}

/** How a subject's working hours are read. */
export interface HoursSetting {
  /** Start of the ordinary working day, local hour. */
  readonly workdayStartHour: number;
  /** End of the ordinary working day, local hour. */
  readonly workdayEndHour: number;
}

/** A subject's weekly behaviour: the recent window and the earlier baseline weeks. */
export interface BehaviourProfile {
  /** Totals of the recent window. */
  readonly recent: BehaviourTotals;
  /** Active weeks in the recent window. */
  readonly recentWeeks: number;
  /** Totals of each active baseline week, oldest first. */
  readonly baseline: readonly BehaviourTotals[];
  /** Zone after-hours was read in; undefined when the subject has none (after-hours not measured). */
  readonly zone: string | undefined;
  /** Agreed hours as local-hour bounds, when the subject has them. */
  readonly agreed: { readonly start: number; readonly end: number } | undefined;
  /** Time of the subject's first activity event in the sweep, ms; undefined without any. */
  readonly firstActivityMs: number | undefined;
}

/** Local hour (fractional) of an HH:MM clock time. */
function clockHour(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) + Number(hhmm.slice(3, 5)) / 60;
}

/** The zone a subject's working hours are read in: the agreed hours' zone, else the residence's. */
function behaviourZone(subject: Subject): string | undefined {
  return subject.position?.agreedHours?.timeZone ?? subject.identity?.residence?.timeZone;
}

/**
 * One sweep over the subject's sorted events: totals of the recent window (`recentDays` before
 * `asOfMs`) and of each week of the `baselineDays` before it. Linear in the events; each event
 * lands in one bucket. `travel` are booked trip periods, sorted by start, whose after-hours
 * activity is counted apart (travel explains a shifted rhythm). Parses each event's time and
 * reads it in the subject's zone; inside an indicator, {@link behaviourProfileOf} reads both
 * from the view's columns instead.
 */
export function behaviourProfile(
  subject: Subject,
  events: readonly ActivityEvent[],
  asOfMs: number,
  recentDays: number,
  baselineDays: number,
  hours: HoursSetting,
  travel: readonly { readonly from: number; readonly to: number }[] = [],
): BehaviourProfile {
  const times = new Float64Array(events.length);
  for (let i = 0; i < events.length; i++) times[i] = Date.parse((events[i] as ActivityEvent).at);
  const zone = behaviourZone(subject);
  const clock = zone !== undefined ? localClockColumns(times, zone) : undefined;
  return sweepBehaviour(subject, events, activityIndexOf(events).behaviour, times, clock, asOfMs, recentDays, baselineDays, hours, travel);
}

/**
 * {@link behaviourProfile} of a view's subject and events, reading the event times from
 * `view.eventTimes()` and the local clock from the view's shared column ({@link localClock}), so
 * no time is parsed or converted again when several indicators profile the same view.
 */
export function behaviourProfileOf(
  view: SubjectView,
  asOfMs: number,
  recentDays: number,
  baselineDays: number,
  hours: HoursSetting,
  travel: readonly { readonly from: number; readonly to: number }[] = [],
): BehaviourProfile {
  const zone = behaviourZone(view.subject);
  const clock = zone !== undefined ? localClock(view, zone) : undefined;
  return sweepBehaviour(view.subject, view.events, activityIndex(view).behaviour, view.eventTimes(), clock, asOfMs, recentDays, baselineDays, hours, travel);
}

/** The sweep of both profiles: `activity` holds the positions in `events` of the behaviour activity, ascending. */
function sweepBehaviour(
  subject: Subject,
  events: readonly ActivityEvent[],
  activity: ArrayLike<number>,
  times: ArrayLike<number>,
  clock: LocalClockColumns | undefined,
  asOfMs: number,
  recentDays: number,
  baselineDays: number,
  hours: HoursSetting,
  travel: readonly { readonly from: number; readonly to: number }[],
): BehaviourProfile {
  const agreedHours = subject.position?.agreedHours;
  const zone = clock?.timeZone;
  const agreed = agreedHours !== undefined ? { start: clockHour(agreedHours.start), end: clockHour(agreedHours.end) } : undefined;
  const recentStart = asOfMs - recentDays * DAY_MS;
  const baselineStart = recentStart - baselineDays * DAY_MS;
  const recent = emptyTotals();
  const weeks = new Map<number, BehaviourTotals>();
  const recentWeekSet = new Set<number>();
  let firstActivityMs: number | undefined;
  let trip = 0;
  // Consecutive events mostly fall in the same week, hour, day and device as the previous one:
  // the last bucket and keys are remembered, so the map and sets are touched only on a change
  // (adding a member a set holds changes nothing, so the totals are the same).
  let lastWeek = Number.NaN;
  let lastWeekBucket: BehaviourTotals | undefined;
  let lastRecentWeek = Number.NaN;
  let lastBucket: BehaviourTotals | undefined;
  let lastHour = Number.NaN;
  let lastDay = Number.NaN;
  let lastDeviceWeek = Number.NaN;
  let lastDevice: string | undefined;
  for (let k = 0; k < activity.length; k++) {
    const i = activity[k] as number;
    const e = events[i] as ActivityEvent;
    const t = times[i] as number;
    if (t > asOfMs) continue;
    firstActivityMs ??= t;
    if (t < baselineStart) continue;
    let bucket: BehaviourTotals;
    let week: number;
    if (t >= recentStart) {
      bucket = recent;
      week = Math.floor((asOfMs - t) / WEEK_MS);
      if (week !== lastRecentWeek) {
        recentWeekSet.add(week);
        lastRecentWeek = week;
      }
    } else {
      week = Math.floor((recentStart - t) / WEEK_MS);
      if (week !== lastWeek || lastWeekBucket === undefined) {
        lastWeekBucket = weeks.get(week) ?? emptyTotals();
        weeks.set(week, lastWeekBucket);
        lastWeek = week;
      }
      bucket = lastWeekBucket;
    }
    if (bucket !== lastBucket) {
      lastBucket = bucket;
      lastHour = Number.NaN;
      lastDay = Number.NaN;
      lastDeviceWeek = Number.NaN;
    }
    bucket.activity++;
    const hourKey = Math.floor(t / HOUR_MS);
    if (hourKey !== lastHour) {
      bucket.hours.add(hourKey);
      lastHour = hourKey;
    }
    const dayKey = Math.floor(t / DAY_MS);
    if (dayKey !== lastDay) {
      bucket.days.add(dayKey);
      lastDay = dayKey;
    }
    if (bucket.sample.length < 5) bucket.sample.push(e.id);
    const device = deviceOf(e);
    if (device !== undefined && (device !== lastDevice || week !== lastDeviceWeek)) {
      const set = bucket.weekDevices.get(week);
      if (set === undefined) bucket.weekDevices.set(week, new Set([device]));
      else set.add(device);
      lastDevice = device;
      lastDeviceWeek = week;
    }
    if (clock !== undefined) {
      const hour = hourOfMinute(clock.minute[i] as number);
      const weekday = clock.weekday[i] as number;
      const weekend = weekday === 0 || weekday === 6;
      const outside = weekend || !inHourWindow(hour, hours.workdayStartHour, hours.workdayEndHour);
      if (outside) {
        bucket.afterHours++;
        while (trip < travel.length && (travel[trip] as { to: number }).to < t) trip++;
        if (trip < travel.length && (travel[trip] as { from: number }).from <= t) bucket.afterHoursTravelling++;
      }
      if (agreed !== undefined && agreed.start !== agreed.end && !inHourWindow(hour, agreed.start, agreed.end)) bucket.afterAgreed++;
    }
    switch (e.type) {
      case 'data-access':
        if (collectionActions.has(e.action) && e.volumeBytes !== undefined) bucket.bytes += e.volumeBytes;
        break;
      case 'removable-media':
        bucket.removable++;
        if (e.action === 'file-copied' && e.file?.sizeBytes !== undefined) bucket.bytes += e.file.sizeBytes;
        break;
      case 'email':
        if ((e.externalRecipientCount ?? 0) > 0 && (e.attachmentCount ?? 0) > 0) bucket.externalMail++;
        break;
      default:
        break;
    }
  }
  const baseline = [...weeks].sort((a, b) => b[0] - a[0]).map(([, w]) => w);
  return { recent, recentWeeks: recentWeekSet.size, baseline, zone, agreed, firstActivityMs };
}

/**
 * The value of one measure over a bucket that spans `weeks` active weeks; undefined when the
 * bucket cannot give it (no activity, or after hours without a zone).
 */
export function measureValue(totals: BehaviourTotals, weeks: number, measure: BehaviourMeasure, zoneKnown: boolean): number | undefined {
  if (totals.activity === 0 || weeks === 0) return undefined;
  switch (measure) {
    case 'afterHoursShare':
      return zoneKnown ? totals.afterHours / totals.activity : undefined;
    case 'activeHours':
      return totals.hours.size / totals.days.size;
    case 'distinctDevices': {
      let sum = 0;
      for (const set of totals.weekDevices.values()) sum += set.size;
      return sum / weeks;
    }
    case 'dataBytes':
      return totals.bytes / totals.days.size;
    case 'removableMedia':
      return totals.removable / weeks;
    case 'externalMailAttachments':
      return totals.externalMail / weeks;
  }
}

/**
 * Booked trips as periods, sorted by start: from leaving the home country to arriving back in it
 * (a leg without home information stands for itself), widened by `slackMs` on both sides.
 */
export function travelPeriods(subject: Subject, slackMs: number): { from: number; to: number; ids: string[] }[] {
  const home = subject.identity?.residence?.country;
  const legs = [...(subject.travel ?? [])].sort((a, b) => Date.parse(a.depart) - Date.parse(b.depart) || compareText(a.id, b.id));
  const out: { from: number; to: number; ids: string[] }[] = [];
  let open: { from: number; to: number; ids: string[] } | undefined;
  for (const leg of legs) {
    const depart = Date.parse(leg.depart);
    const arrive = leg.arrive !== undefined ? Math.max(depart, Date.parse(leg.arrive)) : depart;
    if (open === undefined) open = { from: depart - slackMs, to: arrive + slackMs, ids: [leg.id] };
    else {
      open.to = Math.max(open.to, arrive + slackMs);
      open.ids.push(leg.id);
    }
    // Back home (or no home to return to): the trip closes.
    if (home === undefined || leg.to.country === undefined || leg.to.country === home) {
      out.push(open);
      open = undefined;
    }
  }
  if (open !== undefined) out.push(open);
  return out;
}
