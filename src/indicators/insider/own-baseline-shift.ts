import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft, Mitigation, SubjectView } from '../../contract/types';
import type { Subject } from '../../records/subject';
import {
  activityIndex,
  type BehaviourMeasure,
  behaviourMeasures,
  behaviourProfileOf,
  type BehaviourTotals,
  type Channel,
  channelLabels,
  channelOf,
  cite,
  compareText,
  DAY_MS,
  exceptionMitigations,
  exceptionsOverlapping,
  explainShift,
  HOUR_MS,
  MAD_TO_SD,
  measureLabels,
  measureValue,
  medianAndMad,
  round1,
  travelPeriods,
  utcDate,
} from '../../kit';

const options = z.object({
  recentDays: z
    .number()
    .int()
    .min(7)
    .default(28)
    .describe('Length of the recent window before asOf, in days: four weeks show a change of habit without waiting for a quarter.'),
  baselineDays: z
    .number()
    .int()
    .min(28)
    .default(182)
    .describe('Length of the earlier baseline before the recent window, in days: half a year covers holidays and release crunches.'),
  minBaselineWeeks: z
    .number()
    .int()
    .min(3)
    .default(8)
    .describe(
      'Active weeks the baseline needs before a shift can fire; with fewer the indicator says it could not run. Eight weeks ' +
        'make a median and MAD that one odd week cannot move.',
    ),
  minRobustZ: z
    .number()
    .positive()
    .default(4)
    .describe(
      'Robust deviations (MAD scaled to a standard deviation) above the baseline median the recent value must reach. Four is ' +
        'rare enough for weekly data with heavy tails.',
    ),
  minIncrease: z
    .object({
      afterHoursShare: z.number().positive().default(0.2).describe('Share of activity (0-1).'),
      activeHours: z.number().positive().default(2).describe('Hours per active day.'),
      distinctDevices: z.number().positive().default(1.5).describe('Devices a week.'),
      dataBytes: z.number().positive().default(300_000_000).describe('Bytes per active day.'),
      removableMedia: z.number().positive().default(2).describe('Connects and copies a week.'),
      externalMailAttachments: z.number().positive().default(3).describe('E-mails a week.'),
    })
    .default({ afterHoursShare: 0.2, activeHours: 2, distinctDevices: 1.5, dataBytes: 300_000_000, removableMedia: 2, externalMailAttachments: 3 })
    .describe(
      'Smallest absolute increase over the baseline median that counts, per measure: a person with a flat history (MAD 0) must ' +
        'still change by a meaningful amount.',
    ),
  workdayStartHour: z.number().min(0).max(24).default(8).describe('Start of an ordinary working day, local hour, when the person has no agreed hours.'),
  workdayEndHour: z.number().min(0).max(24).default(18).describe('End of an ordinary working day, local hour.'),
  firstUseQuietDays: z
    .number()
    .int()
    .min(14)
    .default(90)
    .describe('Days of activity without a channel before its first use counts as first-ever use: three months of history without removable media is a habit.'),
  firstUseStrength: z
    .object({
      'removable-media': z.number().min(0).max(1).default(0.5),
      'personal-cloud': z.number().min(0).max(1).default(0.4),
      'file-sharing': z.number().min(0).max(1).default(0.4),
      'leak-site': z.number().min(0).max(1).default(0.8),
    })
    .default({ 'removable-media': 0.5, 'personal-cloud': 0.4, 'file-sharing': 0.4, 'leak-site': 0.8 })
    .describe('Strength of the first-ever use of each channel: a leak or paste site has few honest uses at work, a first USB stick many.'),
  travelSlackHours: z
    .number()
    .nonnegative()
    .default(24)
    .describe('Hours before and after a booked trip (`travel[]`) whose after-hours activity the trip explains (jet lag, airports).'),
});

type Options = z.infer<typeof options>;

/**
 * Measures of data leaving: their shifts are data-movement evidence for corroboration, so a USB
 * habit seen both as a shift here and as copies in insider/removable-media-exfiltration is one
 * family, not two. Time-of-day, hours and devices stay activity evidence.
 */
export const dataMeasures: ReadonlySet<BehaviourMeasure> = new Set(['dataBytes', 'removableMedia', 'externalMailAttachments']);
type MessageId = 'shift' | 'shiftPrior' | 'firstUse';
type Stats = { readonly median: number; readonly mad: number };
type PriorBaseline = NonNullable<Subject['behaviourBaseline']>;

/**
 * The caller's summary of earlier behaviour, when it can stand for a baseline: it ends before the
 * recent window (so it does not already contain the change) and covers `minWeeks` active weeks.
 */
function usablePrior(subject: Subject, recentFrom: number, minWeeks: number): PriorBaseline | undefined {
  const prior = subject.behaviourBaseline;
  if (prior === undefined || Date.parse(prior.through) > recentFrom || prior.weeks < minWeeks) return undefined;
  return prior;
}

/** Why a supplied summary was not used, for the not-evaluated reason. */
function priorUnusedReason(subject: Subject, recentFrom: number, minWeeks: number): string {
  const prior = subject.behaviourBaseline;
  if (prior === undefined) return '';
  if (Date.parse(prior.through) > recentFrom) return `; the supplied behaviourBaseline runs to ${utcDate(prior.through)}, into the recent window`;
  if (prior.weeks < minWeeks) return `; the supplied behaviourBaseline covers ${prior.weeks} weeks`;
  return '; the supplied behaviourBaseline gives no measures';
}

/** A value of a measure as messages show it. */
export function formatMeasure(measure: BehaviourMeasure, value: number): number {
  if (measure === 'afterHoursShare') return Math.round(value * 100);
  if (measure === 'dataBytes') return Math.round(value / 1e6);
  return round1(value);
}

/** Shift of a recent value over a baseline sample: robust z and increase, or undefined when it does not count. */
function shiftOf(recent: number, sample: readonly number[], minIncrease: number, minZ: number): { median: number; z: number } | undefined {
  const stats = medianAndMad(sample);
  return stats === undefined ? undefined : shiftOver(recent, stats, minIncrease, minZ);
}

/** Shift of a recent value over a baseline's median and MAD, or undefined when it does not count. */
function shiftOver(recent: number, stats: Stats, minIncrease: number, minZ: number): { median: number; z: number } | undefined {
  const increase = recent - stats.median;
  if (increase < minIncrease) return undefined;
  // A flat history (MAD 0) must not make any change infinitely significant: the deviation is at
  // least minIncrease / minZ, so on a flat history exactly the minimum increase reaches minZ.
  const z = increase / Math.max(MAD_TO_SD * stats.mad, minIncrease / minZ);
  return z >= minZ ? { median: stats.median, z } : undefined;
}

/**
 * `insider/own-baseline-shift`: the person's recent behaviour against their own earlier weeks
 * (after-hours share, active hours, devices, data volume, removable media, external mail with
 * attachments), and the first-ever use of an exfiltration channel after a long history without it.
 */
export const ownBaselineShift = defineIndicator({
  meta: {
    id: 'insider/own-baseline-shift',
    title: "Behaviour changed against the person's own baseline",
    category: 'insider',
    version: '1.1.0',
    kind: 'risk',
    family: 'activity',
    typologies: ['insider-technology-collection'],
    defaultWeight: 1.5,
    correlationGroup: 'behaviour-baseline',
    options,
    messages: {
      shift: 'Recent {{measure}}: {{recent}} in the last {{days}} days, against a median of {{median}} over {{weeks}} earlier weeks ({{z}} robust deviations)',
      shiftPrior:
        'Recent {{measure}}: {{recent}} in the last {{days}} days, against a median of {{median}} over {{weeks}} weeks to ' +
        '{{through}} in the supplied baseline ({{z}} robust deviations)',
      firstUse: 'First use of {{channel}} on {{date}} after {{quietDays}} days of activity without it',
    },
    neutralReason: "Recent activity differs from the person's usual pattern.",
    recommendedAction:
      'Review the recent activity with the manager: is there a project, deadline or role change that explains it? Check what ' +
      'was copied and where it went.',
    docs: {
      description:
        "One sweep over the subject's events buckets activity into the recent window (`recentDays` before asOf) and the weeks " +
        'of the `baselineDays` before it. For each measure (after-hours share in the claimed or agreed zone, active hours per ' +
        'active day, distinct devices a week, collected bytes per active day, removable-media connects and copies a week, ' +
        'external e-mails with attachments a week) it compares the recent value with the median and MAD of the active baseline ' +
        'weeks, and fires when the recent value is at least `minIncrease` above the median and `minRobustZ` robust deviations ' +
        "away. With fewer than `minBaselineWeeks` active baseline weeks it uses the caller's summary of the person's earlier " +
        'behaviour (`behaviourBaseline`: median and MAD per measure, from a SIEM or UEBA whose history the export does not ' +
        'reach) for each measure the summary gives, when the summary ends before the recent window and covers `minBaselineWeeks` ' +
        "weeks; otherwise it does not run. The summary's `channelsUsed` lengthens the quiet history before a first use and " +
        'rules out a first use of a channel it lists. It also fires on the first-ever use of removable media, personal cloud, a ' +
        'file-sharing site or a leak or paste site within the recent window after at least `firstUseQuietDays` of activity ' +
        'without it. Agreed hours (`position.agreedHours`), booked travel and documented working-hours, device and ' +
        "removable-media exceptions silence exactly the shift they explain, and the report lists them as mitigations. CERT's " +
        'insider scenarios are changes of habit: a user who never worked after hours or used removable media starts both before ' +
        'leaving.',
      requires: [
        'events[].at',
        'behaviourBaseline',
        'events[type=data-access].volumeBytes',
        'events[type=removable-media]',
        'events[type=web].category',
        'events[type=email].attachmentCount',
        'identity.residence.timeZone',
        'position.agreedHours',
        'exceptions[]',
        'travel[]',
      ],
      threatHypothesis: 'The person collects data before leaving, or someone else now uses the account.',
      sources: cite('CERT-ITD', 'CERT-CSG', 'CISA-ITM'),
      falsePositives: [
        'A new project, on-call rota, release crunch or role change not recorded in the HR data.',
        'A new laptop or phone replacing the old one (two devices for a week).',
        'A trip or changed hours not recorded in `travel[]`, `position.agreedHours` or `exceptions[]`.',
      ],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const subject = view.subject;
    const recentFrom = asOfMs - options.recentDays * DAY_MS;
    const trips = travelPeriods(subject, options.travelSlackHours * HOUR_MS);
    const profile = behaviourProfileOf(
      view,
      asOfMs,
      options.recentDays,
      options.baselineDays,
      {
        workdayStartHour: options.workdayStartHour,
        workdayEndHour: options.workdayEndHour,
      },
      trips,
    );
    if (profile.firstActivityMs === undefined) return notEvaluated('no activity events', ['events[].at']);
    const prior = usablePrior(subject, recentFrom, options.minBaselineWeeks);
    const findings: FindingDraft<MessageId>[] = [
      ...firstUses(view, subject, options, recentFrom, asOfMs, historyStart(profile.firstActivityMs, subject, recentFrom)),
    ];
    if (profile.baseline.length < options.minBaselineWeeks && prior?.measures === undefined) {
      if (findings.length > 0) return findings;
      return notEvaluated(
        `only ${profile.baseline.length} active weeks before the recent window; a baseline needs ${options.minBaselineWeeks}${priorUnusedReason(subject, recentFrom, options.minBaselineWeeks)}`,
        ['events[].at', 'behaviourBaseline'],
      );
    }
    if (profile.recentWeeks === 0) return findings;
    const zoneKnown = profile.zone !== undefined;
    for (const measure of behaviourMeasures) {
      const recent = measureValue(profile.recent, profile.recentWeeks, measure, zoneKnown);
      if (recent === undefined) continue;
      const sample = valuesOf(profile.baseline, measure, zoneKnown);
      // The events' own weeks come first (they are records in the batch, nearest the change); the
      // caller's summary stands in where they are too few.
      const supplied = sample.length < options.minBaselineWeeks ? prior?.measures?.[measure] : undefined;
      if (sample.length < options.minBaselineWeeks && supplied === undefined) continue;
      const stats: Stats | undefined = supplied !== undefined ? { median: supplied.median, mad: supplied.mad ?? 0 } : medianAndMad(sample);
      if (stats === undefined) continue;
      const minIncrease = options.minIncrease[measure];
      const shift = shiftOver(recent, stats, minIncrease, options.minRobustZ);
      if (shift === undefined) continue;
      const mitigatedBy = explainShift(subject, measure, recentFrom, asOfMs);
      if (measure === 'afterHoursShare')
        for (const m of afterHoursExplained(
          profile,
          subject,
          trips,
          recentFrom,
          asOfMs,
          minIncrease,
          options.minRobustZ,
          supplied !== undefined ? stats : undefined,
        ))
          mitigatedBy.push(m);
      const strength = Math.min(0.9, 0.35 + 0.05 * (shift.z - options.minRobustZ));
      findings.push({
        messageId: supplied !== undefined ? 'shiftPrior' : 'shift',
        strength: mitigatedBy.length > 0 ? 0 : strength,
        data: {
          measure: measureLabels[measure],
          recent: formatMeasure(measure, recent),
          median: formatMeasure(measure, shift.median),
          days: options.recentDays,
          weeks: supplied !== undefined && prior !== undefined ? prior.weeks : sample.length,
          ...(supplied !== undefined && prior !== undefined ? { through: utcDate(prior.through) } : {}),
          z: round1(shift.z),
        },
        evidence: [
          ...(supplied !== undefined && prior !== undefined
            ? [
                {
                  recordId: subject.id,
                  field: `behaviourBaseline.measures.${measure}`,
                  value: supplied.median,
                  note: `caller-supplied baseline of ${prior.weeks} weeks to ${utcDate(prior.through)}${prior.source !== undefined ? ` (${prior.source})` : ''}`,
                },
              ]
            : []),
          ...evidenceOf(subject.id, measure, profile.recent, recentFrom),
        ],
        ...(dataMeasures.has(measure) ? { family: 'data-movement' as const } : {}),
        ...(mitigatedBy.length > 0 ? { mitigatedBy } : {}),
      });
    }
    return findings;
  },
});

function valuesOf(weeks: readonly BehaviourTotals[], measure: BehaviourMeasure, zoneKnown: boolean): number[] {
  const out: number[] = [];
  for (const w of weeks) {
    const v = measureValue(w, 1, measure, zoneKnown);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/**
 * Agreed hours and travel explain an after-hours shift when, read against the agreed hours or
 * without the after-hours activity during booked trips, the shift no longer counts.
 */
function afterHoursExplained(
  profile: ReturnType<typeof behaviourProfileOf>,
  subject: Subject,
  trips: readonly { from: number; to: number; ids: string[] }[],
  from: number,
  to: number,
  minIncrease: number,
  minZ: number,
  supplied: Stats | undefined,
): Mitigation[] {
  const out: Mitigation[] = [];
  const share = (w: BehaviourTotals, outside: number): number => outside / w.activity;
  // A supplied summary cannot be re-read against agreed hours or without trips: the recent share
  // so re-read is compared with it as given.
  const stillShifted = (recent: number, sample: readonly number[]): boolean =>
    (supplied !== undefined ? shiftOver(recent, supplied, minIncrease, minZ) : shiftOf(recent, sample, minIncrease, minZ)) !== undefined;
  const agreed = subject.position?.agreedHours;
  if (profile.agreed !== undefined && agreed !== undefined) {
    const sample = profile.baseline.filter((w) => w.activity > 0).map((w) => share(w, w.afterAgreed));
    if (!stillShifted(share(profile.recent, profile.recent.afterAgreed), sample)) {
      out.push({
        recordId: subject.id,
        field: 'position.agreedHours',
        explains: `agreed working hours ${agreed.start}-${agreed.end}${agreed.timeZone !== undefined ? ` ${agreed.timeZone}` : ''}`,
      });
    }
  }
  if (profile.recent.afterHoursTravelling > 0) {
    const sample = profile.baseline.filter((w) => w.activity > 0).map((w) => share(w, w.afterHours - w.afterHoursTravelling));
    const recent = share(profile.recent, profile.recent.afterHours - profile.recent.afterHoursTravelling);
    if (!stillShifted(recent, sample)) {
      for (const trip of trips) {
        if (trip.to < from || trip.from > to) continue;
        for (const id of trip.ids) out.push({ recordId: id, field: 'travel', explains: 'booked travel during the recent window (another time zone)' });
      }
    }
  }
  return out;
}

function evidenceOf(subjectId: string, measure: BehaviourMeasure, recent: BehaviourTotals, from: number): Evidence[] {
  return [
    {
      recordId: subjectId,
      field: 'events',
      at: new Date(from).toISOString(),
      value: measure,
      note: "recent window compared with the person's own earlier weeks",
    },
    ...recent.sample.map((id) => ({ recordId: id, note: 'activity in the recent window' })),
  ];
}

/**
 * Start of the history a first use is measured from: the first activity event, or the start of a
 * supplied summary that ends before the recent window and says which channels it saw (without
 * `channelsUsed` the summary says nothing about channels). A summary without `from` reaches back
 * at least its active weeks.
 */
function historyStart(firstActivityMs: number, subject: Subject, recentFrom: number): number {
  const prior = subject.behaviourBaseline;
  if (prior?.channelsUsed === undefined || Date.parse(prior.through) > recentFrom) return firstActivityMs;
  const through = Date.parse(prior.through);
  const from = prior.from !== undefined ? Math.min(through, Date.parse(prior.from)) : through - prior.weeks * 7 * DAY_MS;
  return Math.min(firstActivityMs, from);
}

/** First-ever uses of exfiltration channels inside the recent window, after a long quiet history. */
function firstUses(
  view: SubjectView,
  subject: Subject,
  options: Options,
  recentFrom: number,
  asOfMs: number,
  firstActivityMs: number,
): FindingDraft<MessageId>[] {
  // Channels the supplied history saw are not first used in the events.
  const prior = subject.behaviourBaseline;
  const usedBefore = new Set<Channel>(prior !== undefined && Date.parse(prior.through) <= recentFrom ? (prior.channelsUsed ?? []) : []);
  const first = new Map<Channel, { id: string; at: string; t: number }>();
  const events = view.events;
  const times = view.eventTimes();
  // Only behaviour activity has a channel (removable-media use, web requests, data access), so
  // the view's shared activity positions are enough; the profile above read the same ones.
  const activity = activityIndex(view).behaviour;
  for (let k = 0; k < activity.length; k++) {
    const i = activity[k] as number;
    const e = events[i]!;
    const channel = channelOf(e);
    if (channel === undefined || first.has(channel) || usedBefore.has(channel)) continue;
    first.set(channel, { id: e.id, at: e.at, t: times[i] as number });
  }
  const out: FindingDraft<MessageId>[] = [];
  for (const [channel, use] of [...first].sort((a, b) => compareText(a[0], b[0]))) {
    if (use.t < recentFrom || use.t > asOfMs) continue;
    const quietDays = Math.floor((use.t - firstActivityMs) / DAY_MS);
    if (quietDays < options.firstUseQuietDays) continue;
    const strength = options.firstUseStrength[channel];
    if (strength <= 0) continue;
    const mitigatedBy = channel === 'removable-media' ? exceptionMitigations(exceptionsOverlapping(subject, 'removable-media', use.t, use.t)) : [];
    out.push({
      messageId: 'firstUse',
      strength: mitigatedBy.length > 0 ? 0 : strength,
      data: { channel: channelLabels[channel], date: utcDate(use.at), quietDays },
      evidence: [{ recordId: use.id, at: use.at, value: channel, note: 'first use of the channel in the history' }],
      family: 'data-movement',
      ...(mitigatedBy.length > 0 ? { mitigatedBy } : {}),
    });
  }
  return out;
}
