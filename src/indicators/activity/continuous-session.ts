import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft, SubjectView } from '../../contract/types';
import type { ActivityEvent, SessionEvent, WorklogEvent } from '../../records/events';
import { accountOf, cite, endTimes, firstIndexAtOrAfterTime, HOUR_MS as HOUR, isPersonActivity, round1 } from '../../kit';

const options = z.object({
  minHours: z
    .number()
    .positive()
    .default(24)
    .describe('Span of continuous sign-in that counts as "a whole day or more" (ROK-2022 and US-2022 say at least one day).'),
  maxGapMinutes: z
    .number()
    .nonnegative()
    .default(15)
    .describe('Sessions of one account this close together are one continuous span (re-authentication, token refresh).'),
  maxIdleHours: z
    .number()
    .positive()
    .default(8)
    .describe(
      'Longest stretch inside a span with no activity at all (no sign-in, sign-out or other event). A span idle longer than ' +
        'this is a forgotten open session, not work, and does not fire.',
    ),
  minWorklogDensity: z
    .number()
    .min(0)
    .max(1)
    .default(0.75)
    .describe(
      'Share of its period a work log must claim as worked to count as continuous work. Weekly or daily timesheet entries (40 ' +
        'hours over a 7-day period) are summaries, not evidence of unbroken work, so they break a span instead of extending it.',
    ),
});

interface Span {
  account: string;
  start: number;
  end: number;
  /** Indices into `view.eventsOf('session')`. */
  sessions: number[];
}

interface WorklogSpan {
  account: string;
  start: number;
  end: number;
  hours: number;
  logs: WorklogEvent[];
}

/**
 * Merges each account's work logs into continuous spans. A dense work log is itself a claim of
 * work over its period, so a span is "active throughout" by construction; what must reach the
 * threshold is the logged hours, not only the period. A sparse log (a weekly timesheet: 40 hours
 * over 168) is a summary and breaks the span.
 */
function worklogSpans(view: SubjectView, maxGap: number, asOfMs: number, minDensity: number): WorklogSpan[] {
  const logs = view.eventsOf('worklog');
  // Start and end times from the view's columns, by index: no string parsed per log.
  const starts = view.eventTimes('worklog');
  const ends = endTimes(view, 'worklog');
  const open = new Map<string, WorklogSpan>();
  const closed: WorklogSpan[] = [];
  for (let i = 0; i < logs.length; i++) {
    const log = logs[i] as WorklogEvent;
    const account = accountOf(log);
    const start = starts[i] as number;
    const end = Math.min(ends[i] as number, asOfMs);
    const period = Math.max(0, end - start) / HOUR;
    const hours = Math.min(log.hours, period);
    const span = open.get(account);
    if (period > 0 && log.hours < minDensity * period) {
      // A summary entry (a weekly timesheet) says nothing about unbroken work: it ends the span.
      if (span !== undefined) closed.push(span);
      open.delete(account);
      continue;
    }
    if (span !== undefined && start <= span.end + maxGap) {
      span.end = Math.max(span.end, end);
      span.hours += hours;
      span.logs.push(log);
    } else {
      if (span !== undefined) closed.push(span);
      open.set(account, { account, start, end, hours, logs: [log] });
    }
  }
  for (const span of open.values()) closed.push(span);
  return closed;
}

/**
 * `activity/continuous-session`: an account stays signed in continuously for a whole day or more,
 * with activity throughout — the South Korean advisory's headline red flag, since one person
 * cannot work round the clock but a team sharing one identity can.
 */
export const continuousSession = defineIndicator({
  meta: {
    id: 'activity/continuous-session',
    title: 'Account signed in for a whole day or more',
    category: 'activity',
    version: '1.0.0',
    kind: 'risk',
    family: 'activity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1.5,
    correlationGroup: 'activity-time',
    options,
    messages: {
      continuous:
        'Account {{account}} was signed in continuously for {{hours}} hours ({{start}} to {{end}}) across {{sessions}} sessions, ' +
        'with no idle stretch longer than {{maxIdle}} hours',
      continuousWorklog:
        'Work logs of account {{account}} claim {{hours}} hours of work without a break longer than {{maxGap}} minutes ' +
        '({{start}} to {{end}}, {{logs}} entries)',
    },
    neutralReason: "Working-time records could not be reconciled with one person's working pattern.",
    recommendedAction:
      'Check whether the sign-ins and activity inside the span came from one device and one IP or from several; then ask the ' +
      'worker, on a live video call, to walk through what they worked on during those hours.',
    docs: {
      description:
        "Merges each account's sessions into continuous spans and fires when a span lasts at least `minHours` while showing " +
        'activity throughout. Several operators sharing one identity, working in shifts, keep an account signed in around the ' +
        'clock; one person does not. A single session left open over a weekend shows a long idle stretch and does not fire: only ' +
        'what the person does counts as activity, not device check-ins or security scans of a laptop left on. Work logs are ' +
        'merged the same way per time-tracking account: back-to-back entries adding up to at least `minHours` logged hours fire ' +
        'too (a logged hour is a claim of work, so no idle check applies; a summary entry whose hours are below ' +
        '`minWorklogDensity` of its period, such as a weekly timesheet, never counts).',
      requires: [
        'events[type=session].at',
        'events[type=session].end',
        'events[type=session].accountId',
        'events[type=worklog].at',
        'events[type=worklog].end',
        'events[type=worklog].hours',
      ],
      threatHypothesis: 'Several operators share one identity and work the account in shifts.',
      sources: cite('ROK-2022', 'ROK-2022-HERALD', 'US-2022'),
      falsePositives: [
        'Automation or service accounts mapped to a person by mistake.',
        'On-call rotations where a shared session is handed over (check the account owner).',
      ],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const sessions = view.eventsOf('session');
    const worklogs = view.eventsOf('worklog');
    if (sessions.length === 0 && worklogs.length === 0) {
      return notEvaluated('no session events and no work logs', ['events[type=session]', 'events[type=worklog]']);
    }
    const maxGap = options.maxGapMinutes * 60_000;
    const minSpan = options.minHours * HOUR;
    const findings: FindingDraft<'continuous' | 'continuousWorklog'>[] = [];
    for (const span of worklogSpans(view, maxGap, asOfMs, options.minWorklogDensity)) {
      if (span.end - span.start < minSpan || span.hours < options.minHours) continue;
      findings.push({
        messageId: 'continuousWorklog',
        strength: Math.min(1, 0.6 + (0.4 * (span.hours - options.minHours)) / 48),
        data: {
          account: span.account,
          hours: round1(span.hours),
          start: new Date(span.start).toISOString(),
          end: new Date(span.end).toISOString(),
          logs: span.logs.length,
          maxGap: options.maxGapMinutes,
        },
        evidence: span.logs.slice(0, 20).map((l) => ({ recordId: l.id, at: l.at, field: 'hours', value: l.hours })),
      });
    }
    const spans = new Map<string, Span>();
    const closed: Span[] = [];
    // Session starts and ends from the view's columns, by index (an open session's end is NaN).
    const starts = view.eventTimes('session');
    const ends = endTimes(view, 'session');
    // Sessions arrive sorted by start time, so one pass per account merges overlapping spans.
    // Consecutive sessions mostly share an account: its open span is remembered, not looked up.
    let lastAccount: string | undefined;
    let lastOpen: Span | undefined;
    for (let i = 0; i < sessions.length; i++) {
      const session = sessions[i] as SessionEvent;
      if (session.result === 'failure') continue;
      const account = accountOf(session);
      const start = starts[i] as number;
      const end = Math.min(session.end === undefined ? start : (ends[i] as number), asOfMs);
      const open = account === lastAccount ? lastOpen : spans.get(account);
      lastAccount = account;
      if (open !== undefined && start <= open.end + maxGap) {
        open.end = Math.max(open.end, end);
        open.sessions.push(i);
        lastOpen = open;
      } else {
        if (open !== undefined) closed.push(open);
        lastOpen = { account, start, end, sessions: [i] };
        spans.set(account, lastOpen);
      }
    }
    for (const span of spans.values()) closed.push(span);
    const candidates = closed.filter((s) => s.end - s.start >= minSpan);

    const others = view.events;
    const times = view.eventTimes();
    for (const span of candidates) {
      // Activity points inside the span: session boundaries plus what the person did meanwhile.
      // Device check-ins and security scans run on a laptop left on over a weekend, so they are
      // not activity (see isPersonActivity).
      const points: number[] = [];
      for (const k of span.sessions) {
        points.push(starts[k] as number);
        if ((sessions[k] as SessionEvent).end !== undefined) points.push(Math.min(ends[k] as number, asOfMs));
      }
      for (let i = firstIndexAtOrAfterTime(times, span.start); i < others.length; i++) {
        const e = others[i] as ActivityEvent;
        const t = times[i] as number;
        if (t > span.end) break;
        if (e.type !== 'session' && isPersonActivity(e)) points.push(t);
      }
      points.sort((a, b) => a - b);
      let maxIdle = 0;
      for (let i = 1; i < points.length; i++) maxIdle = Math.max(maxIdle, (points[i] as number) - (points[i - 1] as number));
      if (maxIdle > options.maxIdleHours * HOUR) continue;
      const hours = (span.end - span.start) / HOUR;
      const evidence: Evidence[] = span.sessions
        .slice(0, 20)
        .map((k) => sessions[k] as SessionEvent)
        .map((s) => ({
          recordId: s.id,
          at: s.at,
          field: 'end',
          value: s.end ?? null,
          ...(s.ip !== undefined ? { note: `from ${s.ip}` } : {}),
        }));
      findings.push({
        messageId: 'continuous',
        strength: Math.min(1, 0.6 + (0.4 * (hours - options.minHours)) / 48),
        data: {
          account: span.account,
          hours: round1(hours),
          start: new Date(span.start).toISOString(),
          end: new Date(span.end).toISOString(),
          sessions: span.sessions.length,
          maxIdle: round1(maxIdle / HOUR),
        },
        evidence,
      });
    }
    return findings;
  },
});
