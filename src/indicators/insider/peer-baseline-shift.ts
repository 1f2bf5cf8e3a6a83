import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft, Mitigation, SubjectSummary, SubjectView } from '../../contract/types';
import type { Subject } from '../../records/subject';
import {
  type BehaviourMeasure,
  behaviourMeasures,
  type BehaviourProfile,
  behaviourProfileOf,
  cite,
  DAY_MS,
  explainShift,
  measureLabels,
  measureValue,
  quantileWithout,
  round1,
  sortedNumbers,
} from '../../kit';
import { dataMeasures, formatMeasure } from './own-baseline-shift';

const options = z.object({
  recentDays: z
    .number()
    .int()
    .min(7)
    .default(28)
    .describe("Length of the window before asOf whose behaviour is compared with the peers' over the same window, in days."),
  minPeers: z
    .number()
    .int()
    .min(2)
    .default(5)
    .describe(
      'Peers (others in the same team, else the same role) with the measure needed before the batch gives a baseline: fewer ' +
        "make the high percentile one person's habit.",
    ),
  highPercentile: z.number().min(50).max(100).default(90).describe('Percentile of the peers the subject must clear by `highFactor`.'),
  highFactor: z
    .number()
    .min(1)
    .default(1.5)
    .describe("How far above the peers' high percentile the subject must be: the top of a heavy team is ordinary in that team."),
  medianFactor: z.number().min(1).default(3).describe("How many times the peers' median the subject must reach as well."),
  minIncrease: z
    .object({
      afterHoursShare: z.number().positive().default(0.2),
      activeHours: z.number().positive().default(2),
      distinctDevices: z.number().positive().default(1.5),
      dataBytes: z.number().positive().default(300_000_000),
      removableMedia: z.number().positive().default(2),
      externalMailAttachments: z.number().positive().default(3),
    })
    .default({ afterHoursShare: 0.2, activeHours: 2, distinctDevices: 1.5, dataBytes: 300_000_000, removableMedia: 2, externalMailAttachments: 3 })
    .describe("Smallest absolute excess over the peers' median that counts, per measure (same units as insider/own-baseline-shift)."),
  workdayStartHour: z.number().min(0).max(24).default(8).describe('Start of an ordinary working day, local hour.'),
  workdayEndHour: z.number().min(0).max(24).default(18).describe('End of an ordinary working day, local hour.'),
});

type Options = z.infer<typeof options>;
type MessageId = 'aboveTeam' | 'aboveRole';

type Values = Partial<Record<BehaviourMeasure, number>>;

/** Each subject's recent measures, and each team's and role's values per measure, sorted. */
export interface PeerIndex {
  readonly values: ReadonlyMap<string, Values>;
  readonly groups: ReadonlyMap<string, Partial<Record<BehaviourMeasure, number[]>>>;
}

function recentProfile(view: SubjectView, asOfMs: number, o: Options): BehaviourProfile {
  return behaviourProfileOf(view, asOfMs, o.recentDays, 0, { workdayStartHour: o.workdayStartHour, workdayEndHour: o.workdayEndHour });
}

function valuesOf(profile: BehaviourProfile): Values {
  const out: Values = {};
  for (const m of behaviourMeasures) {
    const v = measureValue(profile.recent, profile.recentWeeks, m, profile.zone !== undefined);
    if (v !== undefined) out[m] = v;
  }
  return out;
}

const teamKey = (s: Subject): string | undefined => (s.position?.team !== undefined ? `team\u0000${s.position.team}` : undefined);
const roleKey = (s: Subject): string | undefined => (s.role !== undefined ? `role\u0000${s.role}` : undefined);

/** A subject's recent measures and the peer groups it belongs to, as plain data that can cross threads. */
export interface PeerSummary {
  /** Group keys (team, role) the subject's measures count in. */
  readonly groups: readonly string[];
  /** The subject's recent measures. */
  readonly values: Partial<Record<BehaviourMeasure, number>>;
}

/** One pass over the summaries: every subject's recent measures, grouped by team and by role. */
function buildPeerIndex(summaries: readonly SubjectSummary<PeerSummary>[]): PeerIndex {
  const values = new Map<string, Values>();
  const groups = new Map<string, Partial<Record<BehaviourMeasure, number[]>>>();
  for (const { subjectId, summary } of summaries) {
    const v = summary.values;
    values.set(subjectId, v);
    for (const key of summary.groups) {
      const g = groups.get(key) ?? {};
      groups.set(key, g);
      for (const m of behaviourMeasures) {
        const x = v[m];
        if (x === undefined) continue;
        (g[m] ??= []).push(x);
      }
    }
  }
  for (const g of groups.values()) for (const m of behaviourMeasures) if (g[m] !== undefined) g[m] = sortedNumbers(g[m] as number[]);
  return { values, groups };
}

/**
 * `insider/peer-baseline-shift`: the person's recent behaviour far above their team's or role's,
 * so a heavy user in a heavy team does not fire and an outlier in a quiet one does.
 */
export const peerBaselineShift = defineIndicator({
  meta: {
    id: 'insider/peer-baseline-shift',
    title: 'Behaviour far above the team or role',
    category: 'insider',
    version: '1.1.0',
    kind: 'risk',
    family: 'activity',
    typologies: ['insider-technology-collection'],
    defaultWeight: 1.5,
    correlationGroup: 'behaviour-baseline',
    options,
    messages: {
      aboveTeam: 'Recent {{measure}}: {{value}}, above the team {{group}} (median {{median}}, {{percentile}}th percentile {{high}}, {{peers}} peers)',
      aboveRole: 'Recent {{measure}}: {{value}}, above the role {{group}} (median {{median}}, {{percentile}}th percentile {{high}}, {{peers}} peers)',
    },
    neutralReason: 'Recent activity differs from that of colleagues in the same role.',
    recommendedAction:
      "Ask the manager whether the person's work differs from the team's (a migration, an audit, a special project); review " +
      'what was collected and where it went.',
    docs: {
      description:
        'Computes the same recent measures as `insider/own-baseline-shift` (over `recentDays` before asOf) for every ' +
        'subject of the batch (`summarise`, one subject at a time, so the batch can be split into shards), grouped by ' +
        "team (`position.team`) and by role (`role`). A measure fires when the subject's value is at least " +
        "`highFactor` times the peers' `highPercentile` percentile, `medianFactor` times their median, and " +
        '`minIncrease` above it; peers are the others in the team when it has `minPeers` with the measure, else in the ' +
        'role. A caller-supplied baseline (`reference.organisation.baselines` for the team, else the role) replaces the ' +
        'batch for each measure it gives: `dailyBytesMedian` and `dailyBytesHigh` for data volume, `measures` (median ' +
        'and high percentile) for the others. Documented exceptions, agreed hours and travel silence the measures they ' +
        "explain, as in the own-baseline indicator. CERT's insider scenarios stand out against peers in the same role.",
      requires: ['position.team', 'role', 'events[].at', 'reference.organisation.baselines', 'exceptions[]'],
      threatHypothesis: 'The person collects or moves far more than the work of the role needs.',
      sources: cite('CERT-ITD', 'CERT-CSG', 'CISA-ITM'),
      falsePositives: [
        'A special assignment (data migration, audit, incident response) the team does not share.',
        'A team or role label that groups different jobs (a "platform" team with both admins and writers).',
      ],
    },
  },
  summarise(view, { options, asOfMs }): PeerSummary | undefined {
    const groups: string[] = [];
    for (const key of [teamKey(view.subject), roleKey(view.subject)]) if (key !== undefined) groups.push(key);
    // Without a team or role the subject is no one's peer and is not evaluated.
    if (groups.length === 0) return undefined;
    return { groups, values: valuesOf(recentProfile(view, asOfMs, options)) };
  },
  combine: buildPeerIndex,
  evaluate(view, { options, asOfMs, reference, prepared, notEvaluated }) {
    const subject = view.subject;
    const team = subject.position?.team;
    const role = subject.role;
    if (team === undefined && role === undefined) return notEvaluated('no team or role', ['position.team', 'role']);
    const values = prepared.values.get(subject.id) ?? valuesOf(recentProfile(view, asOfMs, options));
    if (Object.keys(values).length === 0) return notEvaluated('no activity in the recent window', ['events[].at']);
    const callerBaseline =
      reference.organisation?.baselines?.find((b) => b.scope === 'team' && b.name === team) ??
      reference.organisation?.baselines?.find((b) => b.scope === 'role' && b.name === role);
    const recentFrom = asOfMs - options.recentDays * DAY_MS;
    const q = options.highPercentile / 100;
    const findings: FindingDraft<MessageId>[] = [];
    let compared = 0;
    for (const measure of behaviourMeasures) {
      const value = values[measure];
      if (value === undefined) continue;
      let median: number | undefined;
      let high: number | undefined;
      let peers = 0;
      let scope: 'team' | 'role' = 'team';
      let group = '';
      const supplied =
        measure === 'dataBytes'
          ? callerBaseline?.dailyBytesMedian !== undefined
            ? { median: callerBaseline.dailyBytesMedian, high: callerBaseline.dailyBytesHigh }
            : undefined
          : callerBaseline?.measures?.[measure];
      if (callerBaseline !== undefined && supplied !== undefined) {
        median = supplied.median;
        high = supplied.high ?? median;
        scope = callerBaseline.scope;
        group = `${callerBaseline.name} (caller baseline)`;
      } else {
        for (const [s, name, key] of [
          ['team', team, teamKey(subject)],
          ['role', role, roleKey(subject)],
        ] as const) {
          const sorted = key !== undefined ? prepared.groups.get(key)?.[measure] : undefined;
          // The subject is among its own group's values; its peers are the others.
          const others = sorted === undefined ? 0 : sorted.length - 1;
          if (sorted === undefined || others < options.minPeers || name === undefined) continue;
          median = quantileWithout(sorted, value, 0.5);
          high = quantileWithout(sorted, value, q);
          peers = others;
          scope = s;
          group = name;
          break;
        }
      }
      if (median === undefined || high === undefined) continue;
      compared++;
      const bar = Math.max(high * options.highFactor, median * options.medianFactor, median + options.minIncrease[measure]);
      if (value < bar) continue;
      const mitigatedBy: Mitigation[] = explainShift(subject, measure, recentFrom, asOfMs);
      const agreed = subject.position?.agreedHours;
      if (measure === 'afterHoursShare' && agreed !== undefined) {
        // Agreed hours explain the excess when, read against them, the person is below the bar.
        const own = recentProfile(view, asOfMs, options).recent;
        if (own.activity > 0 && own.afterAgreed / own.activity < bar) {
          mitigatedBy.push({
            recordId: subject.id,
            field: 'position.agreedHours',
            explains: `agreed working hours ${agreed.start}-${agreed.end}${agreed.timeZone !== undefined ? ` ${agreed.timeZone}` : ''}`,
          });
        }
      }
      const strength = Math.min(0.85, 0.4 + 0.1 * Math.log2(value / Math.max(bar, Number.MIN_VALUE)));
      findings.push({
        messageId: scope === 'team' ? 'aboveTeam' : 'aboveRole',
        strength: mitigatedBy.length > 0 ? 0 : strength,
        data: {
          measure: measureLabels[measure],
          value: formatMeasure(measure, value),
          group,
          median: formatMeasure(measure, median),
          high: formatMeasure(measure, high),
          percentile: round1(options.highPercentile),
          peers,
        },
        evidence: [
          { recordId: subject.id, field: scope === 'team' ? 'position.team' : 'role', value: group, note: 'peer group compared with' },
          { recordId: subject.id, field: 'events', at: new Date(recentFrom).toISOString(), value: measure, note: `recent ${options.recentDays} days` },
        ],
        ...(dataMeasures.has(measure) ? { family: 'data-movement' as const } : {}),
        ...(mitigatedBy.length > 0 ? { mitigatedBy } : {}),
      });
    }
    if (compared === 0 && findings.length === 0) {
      return notEvaluated(`fewer than ${options.minPeers} peers in the team or role, and no caller baseline`, [
        'position.team',
        'role',
        'reference.organisation.baselines',
      ]);
    }
    return findings;
  },
});
