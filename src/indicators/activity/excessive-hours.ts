import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { accountOf, addFinite, cite, compareText, DAY_MS, endTimes, HOUR_MS, round1, saturate } from '../../kit';

const WEEK_MS = 7 * DAY_MS;

const options = z.object({
  maxSustainedWeeklyHours: z
    .number()
    .positive()
    .default(60)
    .describe(
      "Average weekly hours over a profile's whole life above which one person is implausible. A full-time year is about " +
        '2,000-2,100 hours, some 40 a week; 60 leaves room for heavy freelancers.',
    ),
  cumulativeHours: z
    .number()
    .positive()
    .default(4000)
    .describe(
      '"Several thousand" cumulative hours (ROK-2022) on a profile whose creation date is unknown. Weak on its own: a veteran ' +
        'freelancer gets there in two years.',
    ),
  maxWeeklyHours: z.number().positive().default(80).describe('Work-log hours in one calendar week (UTC, Monday start) that no one person sustains.'),
  minWeeks: z.number().int().positive().default(2).describe('How many such weeks make the pattern sustained: one crunch week never fires.'),
  maxSessionHours: z
    .number()
    .positive()
    .default(14)
    .describe(
      'A single session counts for at most this many hours towards a week, and sessions with no end do not count: a session ' +
        'forgotten open over a weekend is not work.',
    ),
  minProfileWeeks: z.number().positive().default(8).describe('Profiles younger than this many weeks are too new to average.'),
});

type MessageId = 'profileRate' | 'profileTotal' | 'weeklyHours' | 'weeklySessionHours';

/** Start (ms) of the UTC calendar week, Monday first, that contains `t`. */
function weekStartOf(t: number): number {
  return Math.floor((t - 4 * DAY_MS) / WEEK_MS) * WEEK_MS + 4 * DAY_MS; // 1970-01-05 was a Monday
}

/**
 * `activity/excessive-hours`: cumulative or weekly hours no single person works — several
 * thousand hours on a young freelance profile, or week after week of 80+ logged hours.
 */
export const excessiveHours = defineIndicator({
  meta: {
    id: 'activity/excessive-hours',
    title: 'Hours no single person works',
    category: 'activity',
    version: '1.0.0',
    kind: 'risk',
    family: 'activity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1.5,
    correlationGroup: 'activity-time',
    options,
    messages: {
      profileRate: '{{platform}} profile {{handle}} billed {{hours}} hours in {{weeks}} weeks since it was created: {{weekly}} hours a week on average',
      profileTotal: '{{platform}} profile {{handle}} shows {{hours}} cumulative billed hours (creation date unknown)',
      weeklyHours: 'Work logs show more than {{limit}} hours in {{weeks}} weeks, up to {{max}} hours in the week of {{peakWeek}}',
      weeklySessionHours: 'Account {{account}} was signed in for more than {{limit}} hours in {{weeks}} weeks, up to {{max}} hours in the week of {{peakWeek}}',
    },
    neutralReason: "Reported working hours could not be reconciled with one person's working pattern.",
    recommendedAction:
      'Compare billed hours with the work delivered and the sign-in timeline; ask the worker to walk through a typical week on a live video call.',
    docs: {
      description:
        'Fires on an online profile whose billed hours, divided by the weeks since the account was created, exceed ' +
        '`maxSustainedWeeklyHours`; on a profile with several thousand hours and no creation date (weakly); on work logs with ' +
        'more than `maxWeeklyHours` in at least `minWeeks` calendar weeks; and, per account, on signed-in session time above ' +
        '`maxWeeklyHours` in at least `minWeeks` weeks (overlapping sessions merged, open sessions ignored, each session capped ' +
        'at `maxSessionHours`). The ROK advisory names "several thousand" cumulative hours as a red flag: accounts worked around ' +
        'the clock by a team.',
      requires: ['profiles[].hoursBilled', 'profiles[].createdAt', 'events[type=worklog]', 'events[type=session].end', 'events[type=session].accountId'],
      threatHypothesis: 'The account is worked in shifts by several operators.',
      sources: cite('ROK-2022', 'ROK-2022-HERALD', 'US-2022', 'SEAL'),
      falsePositives: [
        'Agency accounts legitimately shared by a declared team.',
        'Hours imported twice from two time-tracking tools (check for duplicate periods).',
      ],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const profiles = (view.subject.profiles ?? []).filter((p) => p.hoursBilled !== undefined);
    const worklogs = view.eventsOf('worklog');
    const allSessions = view.eventsOf('session');
    // Closed, successful sessions, as indices into `allSessions` (and its time columns).
    const sessions: number[] = [];
    for (let i = 0; i < allSessions.length; i++) {
      const s = allSessions[i] as (typeof allSessions)[number];
      if (s.end !== undefined && s.result !== 'failure') sessions.push(i);
    }
    if (profiles.length === 0 && worklogs.length === 0 && sessions.length === 0) {
      return notEvaluated('no billed hours on profiles, no work logs and no closed sessions', [
        'profiles[].hoursBilled',
        'events[type=worklog]',
        'events[type=session].end',
      ]);
    }
    const findings: FindingDraft<MessageId>[] = [];
    for (const profile of profiles) {
      const hours = profile.hoursBilled as number;
      const handle = profile.handle ?? profile.id;
      if (profile.createdAt !== undefined) {
        const until = profile.observedAt !== undefined ? Math.min(Date.parse(profile.observedAt), asOfMs) : asOfMs;
        const weeks = (until - Date.parse(profile.createdAt)) / WEEK_MS;
        if (weeks < options.minProfileWeeks) continue;
        const weekly = saturate(hours / weeks);
        if (weekly <= options.maxSustainedWeeklyHours) continue;
        findings.push({
          messageId: 'profileRate',
          // 60 h/week -> 0.5, 90 -> 1: beyond 1.5x the limit a single worker is out of the question.
          strength: Math.min(1, 0.5 + (weekly - options.maxSustainedWeeklyHours) / options.maxSustainedWeeklyHours),
          data: { platform: profile.platform, handle, hours, weeks: round1(weeks), weekly: round1(weekly) },
          evidence: [
            { recordId: profile.id, field: 'hoursBilled', value: hours },
            { recordId: profile.id, field: 'createdAt', at: profile.createdAt, value: profile.createdAt },
          ],
        });
      } else if (hours >= options.cumulativeHours) {
        findings.push({
          messageId: 'profileTotal',
          strength: Math.min(0.5, 0.3 * (hours / options.cumulativeHours)),
          data: { platform: profile.platform, handle, hours },
          evidence: [{ recordId: profile.id, field: 'hoursBilled', value: hours }],
        });
      }
    }

    // Calendar weeks (UTC, Monday start); each log counts in the week it starts in.
    const weeks = new Map<number, { hours: number; firstId: string; logs: number }>();
    const logTimes = view.eventTimes('worklog');
    for (let i = 0; i < worklogs.length; i++) {
      const log = worklogs[i] as (typeof worklogs)[number];
      const t = logTimes[i] as number;
      const weekStart = weekStartOf(t);
      const week = weeks.get(weekStart);
      if (week === undefined) weeks.set(weekStart, { hours: log.hours, firstId: log.id, logs: 1 });
      else {
        week.hours = addFinite(week.hours, log.hours);
        week.logs++;
      }
    }
    const heavy = [...weeks].filter(([, w]) => w.hours > options.maxWeeklyHours).sort((a, b) => a[0] - b[0]);
    if (heavy.length >= options.minWeeks) {
      let peak = heavy[0] as [number, { hours: number; firstId: string; logs: number }];
      for (const w of heavy) if (w[1].hours > peak[1].hours) peak = w;
      const excess = peak[1].hours / options.maxWeeklyHours - 1;
      findings.push({
        messageId: 'weeklyHours',
        strength: Math.min(1, 0.5 + 0.1 * (heavy.length - options.minWeeks) + excess),
        data: {
          limit: options.maxWeeklyHours,
          weeks: heavy.length,
          max: round1(peak[1].hours),
          peakWeek: new Date(peak[0]).toISOString().slice(0, 10),
        },
        evidence: heavy.slice(0, 12).map(([start, w]) => ({
          recordId: w.firstId,
          at: new Date(start).toISOString(),
          field: 'hours',
          value: round1(w.hours),
          note: `week total from ${w.logs} work logs`,
        })),
      });
    }

    // Signed-in time per account and week: overlapping sessions of one account are merged in one
    // sweep (sessions come sorted by start), so two browser tabs never count twice.
    const cap = options.maxSessionHours * HOUR_MS;
    const open = new Map<string, { start: number; end: number; id: string }>();
    // Per account, per week start: signed-in milliseconds, the first span's session id and the
    // number of spans (the evidence needs no more), keyed by number so no key string is built.
    type Week = { week: number; ms: number; firstId: string; spans: number };
    const perAccount = new Map<string, Map<number, Week>>();
    // A merged span can run for weeks (overlapping sessions round the clock), so it is split at
    // week boundaries: each week gets its own share, never the whole span in the week it began.
    const flush = (account: string, iv: { start: number; end: number; id: string }): void => {
      let weeksOf = perAccount.get(account);
      for (let week = weekStartOf(iv.start); week < iv.end; week += WEEK_MS) {
        const ms = Math.min(iv.end, week + WEEK_MS) - Math.max(iv.start, week);
        if (ms <= 0) continue;
        if (weeksOf === undefined) {
          weeksOf = new Map();
          perAccount.set(account, weeksOf);
        }
        const w = weeksOf.get(week);
        if (w === undefined) weeksOf.set(week, { week, ms, firstId: iv.id, spans: 1 });
        else {
          w.ms += ms;
          w.spans++;
        }
      }
    };
    const starts = view.eventTimes('session');
    const ends = endTimes(view, 'session');
    for (const k of sessions) {
      const session = allSessions[k] as (typeof allSessions)[number];
      const account = accountOf(session);
      const start = starts[k] as number;
      const end = Math.min(ends[k] as number, asOfMs, start + cap);
      const iv = open.get(account);
      if (iv !== undefined && start <= iv.end) iv.end = Math.max(iv.end, end);
      else {
        if (iv !== undefined) flush(account, iv);
        open.set(account, { start, end, id: session.id });
      }
    }
    for (const [account, iv] of open) flush(account, iv);
    const byAccount = new Map<string, Week[]>();
    for (const [account, weeksOf] of perAccount) {
      for (const w of weeksOf.values()) {
        if (w.ms / HOUR_MS <= options.maxWeeklyHours) continue;
        const list = byAccount.get(account);
        if (list === undefined) byAccount.set(account, [w]);
        else list.push(w);
      }
    }
    for (const [account, list] of [...byAccount].sort((a, b) => compareText(a[0], b[0]))) {
      if (list.length < options.minWeeks) continue;
      list.sort((a, b) => a.week - b.week);
      let peak = list[0] as { week: number; ms: number };
      for (const w of list) if (w.ms > peak.ms) peak = w;
      const excess = peak.ms / HOUR_MS / options.maxWeeklyHours - 1;
      findings.push({
        messageId: 'weeklySessionHours',
        strength: Math.min(1, 0.5 + 0.1 * (list.length - options.minWeeks) + excess),
        data: {
          account,
          limit: options.maxWeeklyHours,
          weeks: list.length,
          max: round1(peak.ms / HOUR_MS),
          peakWeek: new Date(peak.week).toISOString().slice(0, 10),
        },
        evidence: list.slice(0, 12).map((w) => ({
          recordId: w.firstId,
          at: new Date(w.week).toISOString(),
          field: 'end',
          value: round1(w.ms / HOUR_MS),
          note: `signed-in hours that week across ${w.spans} merged session spans`,
        })),
      });
    }
    return findings;
  },
});
