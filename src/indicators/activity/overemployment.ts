import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft, Mitigation } from '../../contract/types';
import { cite, compareText, HOUR_MS, partialDateRange, round1 } from '../../kit';

const options = z.object({
  minEngagementHoursPerWeek: z
    .number()
    .nonnegative()
    .default(20)
    .describe('Other engagements below this many weekly hours are ordinary side work; unknown hours count as full.'),
  declaredSources: z
    .array(z.string())
    .default(['declared', 'self-declared', 'disclosure'])
    .describe('`engagements[].source` values meaning the person disclosed the engagement: a disclosed job is not concealed overemployment.'),
  minCalendarConflicts: z.number().int().positive().default(2).describe('Calendar conflicts with another employer needed: one clash is a scheduling accident.'),
  minOverlapHours: z
    .number()
    .positive()
    .default(4)
    .describe('Hours billed to two engagements at the same time needed to fire: small overlaps are rounding in timesheets.'),
});

type MessageId = 'engagement' | 'overlappingEngagement' | 'calendarConflicts' | 'doubleBilling';

/**
 * `activity/overemployment`: undisclosed overlapping engagements, repeated calendar conflicts with
 * another employer, or hours billed to two engagements at the same time. Weak alone: many
 * ordinary remote workers hold two jobs.
 */
export const overemployment = defineIndicator({
  meta: {
    id: 'activity/overemployment',
    title: 'Overlapping engagements',
    category: 'activity',
    version: '1.0.0',
    kind: 'risk',
    family: 'activity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 0.5,
    options,
    messages: {
      engagement: 'Undisclosed engagement with {{organisation}} ({{hours}} hours a week) overlaps the tenure from {{from}}',
      overlappingEngagement: 'Engagement with {{organisation}} ({{hours}} hours a week) overlaps the tenure from {{from}}',
      calendarConflicts: '{{count}} calendar entries clashed with another engagement, e.g. "{{example}}"',
      doubleBilling: 'Work logs bill {{hours}} hours to {{first}} and {{second}} at the same time',
    },
    neutralReason: 'Other commitments could not be reconciled with the engagement terms.',
    recommendedAction:
      "Check the employment contract's exclusivity terms and ask the worker about other engagements; verify with an employment-verification service.",
    docs: {
      description:
        'Fires on an undisclosed engagement elsewhere (`engagements[]`, at least `minEngagementHoursPerWeek`) that overlaps the ' +
        'tenure, on at least `minCalendarConflicts` calendar entries that clashed with another employer, and on work logs ' +
        'billing at least `minOverlapHours` to two engagements at the same time. DOJ-VONG: one identity held jobs at 13 ' +
        'companies. A disclosed engagement (`disclosed`, or a source in `declaredSources`) or one a conflict-of-interest review ' +
        'approved never fires; the report lists it as the mitigation. Weak on its own by design (MND): plenty of honest remote ' +
        'workers overwork.',
      requires: ['engagements[]', 'hiredAt', 'events[type=calendar].conflict', 'events[type=worklog].engagement'],
      threatHypothesis: 'One operator, or one team, holds several remote jobs under one or several identities.',
      sources: cite('MND', 'DOJ-VONG', 'CS', 'DTEX'),
      falsePositives: [
        'Disclosed part-time or freelance side work.',
        'Notice periods overlapping with a new job start.',
        'Calendar clashes from shared or delegated calendars.',
      ],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const engagements = view.subject.engagements ?? [];
    const calendar = view.eventsOf('calendar');
    const worklogs = view.eventsOf('worklog').filter((w) => w.engagement !== undefined);
    if (engagements.length === 0 && calendar.length === 0 && worklogs.length === 0) {
      return notEvaluated('no engagements, calendar entries or work logs with engagements', [
        'engagements[]',
        'events[type=calendar]',
        'events[type=worklog].engagement',
      ]);
    }
    const findings: FindingDraft<MessageId>[] = [];
    const tenureStart = view.subject.hiredAt !== undefined ? Date.parse(view.subject.hiredAt) : undefined;
    const declared = new Set(options.declaredSources);
    if (tenureStart !== undefined) {
      for (const e of [...engagements].sort((a, b) => compareText(a.id, b.id))) {
        if (e.hoursPerWeek !== undefined && e.hoursPerWeek < options.minEngagementHoursPerWeek) continue;
        const start = partialDateRange(e.start)?.earliest;
        const endRange = partialDateRange(e.end);
        // A malformed end date is treated as open: it must not hide a current engagement.
        const end = endRange !== undefined ? endRange.latest - 1 : asOfMs;
        if (start === undefined || end < tenureStart || start > asOfMs) continue;
        // A disclosed engagement, or one a conflict-of-interest review approved, is not concealed
        // overemployment: the report shows it as silenced by that engagement record.
        const review = e.conflictReview;
        const approved = review !== undefined && (review.outcome === 'approved' || review.outcome === 'approved-with-conditions');
        const disclosed = e.disclosed === true || (e.disclosed !== false && e.source !== undefined && declared.has(e.source));
        const mitigatedBy: Mitigation[] =
          approved || disclosed
            ? [
                {
                  recordId: e.id,
                  field: 'engagements',
                  explains: `${disclosed ? 'disclosed' : 'declared'} outside engagement with ${e.organisation}${approved ? `, conflict review ${review.outcome}${review.reviewedBy !== undefined ? ` by ${review.reviewedBy}` : ''}` : ''}`,
                },
              ]
            : [];
        findings.push({
          ...(mitigatedBy.length > 0 ? { mitigatedBy } : {}),
          messageId: mitigatedBy.length > 0 ? 'overlappingEngagement' : 'engagement',
          strength: mitigatedBy.length > 0 ? 0 : e.hoursPerWeek === undefined ? 0.6 : Math.min(1, 0.5 + e.hoursPerWeek / 80),
          data: {
            organisation: e.organisation,
            hours: e.hoursPerWeek ?? 'unknown',
            from: new Date(Math.max(start, tenureStart)).toISOString().slice(0, 10),
          },
          evidence: [
            { recordId: e.id, field: 'start', value: e.start ?? null, note: e.organisation },
            { recordId: view.subject.id, field: 'hiredAt', value: view.subject.hiredAt ?? null },
          ],
        });
      }
    }
    const conflicts = calendar.filter((c) => c.conflict !== undefined && c.conflict.trim() !== '');
    if (conflicts.length >= options.minCalendarConflicts) {
      findings.push({
        messageId: 'calendarConflicts',
        strength: Math.min(1, 0.4 + 0.1 * (conflicts.length - options.minCalendarConflicts)),
        data: { count: conflicts.length, example: (conflicts[0] as { conflict: string }).conflict },
        evidence: conflicts.slice(0, 10).map((c) => ({ recordId: c.id, at: c.at, field: 'conflict', value: c.conflict ?? null })),
      });
    }
    // One sweep over the start and end instants of the work logs: between two consecutive
    // instants the set of engagements being billed is fixed, so each stretch billed to two
    // engagements is counted once per pair, however the logs of one engagement overlap each other.
    const points: { t: number; delta: 1 | -1; engagement: string; id: string }[] = [];
    for (const log of worklogs) {
      const start = view.timeOf(log);
      const end = Math.min(Date.parse(log.end), asOfMs);
      if (!(end > start)) continue;
      points.push({ t: start, delta: 1, engagement: log.engagement as string, id: log.id });
      points.push({ t: end, delta: -1, engagement: log.engagement as string, id: log.id });
    }
    points.sort((a, b) => a.t - b.t);
    const active = new Map<string, Set<string>>(); // engagement -> ids of its logs running now
    const overlaps = new Map<string, { ms: number; ids: Set<string> }>();
    let prev = Number.NEGATIVE_INFINITY;
    for (const point of points) {
      if (point.t > prev && active.size >= 2) {
        const running = [...active.keys()].sort();
        for (let i = 0; i < running.length; i++) {
          for (let j = i + 1; j < running.length; j++) {
            const key = `${running[i] as string}\u0000${running[j] as string}`;
            const entry = overlaps.get(key) ?? { ms: 0, ids: new Set<string>() };
            entry.ms += point.t - prev;
            // Evidence needs a dozen ids, so a pile of concurrent logs never makes a stretch costly.
            for (const id of [...(active.get(running[i] as string) ?? []), ...(active.get(running[j] as string) ?? [])]) {
              if (entry.ids.size >= 24) break;
              entry.ids.add(id);
            }
            overlaps.set(key, entry);
          }
        }
      }
      prev = point.t;
      const ids = active.get(point.engagement) ?? new Set<string>();
      if (point.delta === 1) ids.add(point.id);
      else ids.delete(point.id);
      if (ids.size === 0) active.delete(point.engagement);
      else active.set(point.engagement, ids);
    }
    for (const [key, o] of [...overlaps].sort((a, b) => compareText(a[0], b[0]))) {
      const hours = o.ms / HOUR_MS;
      if (hours < options.minOverlapHours) continue;
      const [first, second] = key.split('\u0000') as [string, string];
      findings.push({
        messageId: 'doubleBilling',
        strength: Math.min(1, 0.5 + hours / 80),
        data: { hours: round1(hours), first, second },
        evidence: [...o.ids]
          .sort()
          .slice(0, 12)
          .map((id) => ({ recordId: id, field: 'engagement' })),
      });
    }
    return findings;
  },
});
