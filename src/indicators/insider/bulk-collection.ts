import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft, SubjectView } from '../../contract/types';
import type { ActivityEventOf } from '../../records/events';
import { ownValue } from '../../records/ownKeys';
import { addFinite, cite, DAY_MS, medianSorted, quantileWithout } from '../../kit';

const actions = ['read', 'download', 'clone', 'export', 'upload', 'push', 'copy', 'print', 'sync', 'modify'] as const;

const options = z.object({
  actions: z
    .array(z.enum(actions))
    .default(['download', 'clone', 'export', 'copy', 'sync', 'print'])
    .describe("Data-access actions that collect data onto the worker's side; reads and edits are ordinary work."),
  ownFactor: z
    .number()
    .gt(1)
    .default(10)
    .describe("How many times the subject's own median active day the peak day must reach: a tenfold jump is no ordinary busy day."),
  minBaselineDays: z.number().int().positive().default(5).describe('Active days besides the peak needed for an own baseline.'),
  peerFactor: z.number().gt(1).default(5).describe("How many times the role peers' median peak day the subject's peak day must reach."),
  minPeers: z
    .number()
    .int()
    .positive()
    .default(3)
    .describe('Peers in the same role needed before the batch provides a peer baseline (reference `collectionBaselines` needs none).'),
  minBytes: z
    .number()
    .nonnegative()
    .default(500_000_000)
    .describe('Peak-day volume below which nothing fires, however it compares: 500 MB is a routine checkout of a large repository.'),
  minActions: z.number().int().nonnegative().default(50).describe('Peak-day count of collection actions below which the action count never fires.'),
  earlyTenureDays: z
    .number()
    .positive()
    .default(90)
    .describe(
      'A peak within this many days of `hiredAt` is stronger (SW: exfiltration began almost immediately; the catalogue ' + 'measures the first 30-90 days).',
    ),
});

type Options = z.infer<typeof options>;

/** Per active UTC day, in day order, as columns: day `d` starts at `day[d]`. */
interface DailyProfile {
  /** Start of each day with collection, in milliseconds since the epoch, ascending. */
  readonly day: readonly number[];
  /** Bytes collected on the day (known when some event of the day reported a volume, see `bytesKnown`). */
  readonly bytes: readonly number[];
  readonly dayBytesKnown: readonly boolean[];
  /** Collection actions on the day. */
  readonly actions: readonly number[];
  /** The day's collection events: indices into `view.eventsOf('data-access')`. */
  readonly events: readonly (readonly number[])[];
  readonly peakBytesDay?: number;
  readonly peakActionsDay?: number;
  readonly peakBytes: number;
  readonly peakActions: number;
  /** True when some day reported a volume: logs without volumes say nothing about bytes. */
  readonly bytesKnown: boolean;
}

/**
 * Daily collection volume of one subject, in one pass over its data-access events (sorted by
 * time, so a day's events are one run), built once per view and set of actions and shared by
 * `summarise` and `evaluate`.
 */
function dailyProfile(view: SubjectView, opts: Options): DailyProfile {
  return view.memo(`insider/bulk-collection/daily\u0000${opts.actions.join(',')}`, () => sweepDays(view, opts));
}

function sweepDays(view: SubjectView, opts: Options): DailyProfile {
  const wanted = new Set<string>(opts.actions);
  const day: number[] = [];
  const bytes: number[] = [];
  const dayBytesKnown: boolean[] = [];
  const actions: number[] = [];
  const events: number[][] = [];
  const access = view.eventsOf('data-access');
  const times = view.eventTimes('data-access');
  let d = -1;
  for (let i = 0; i < access.length; i++) {
    const e = access[i]!;
    if (!wanted.has(e.action)) continue;
    const start = Math.floor((times[i] as number) / DAY_MS) * DAY_MS;
    if (d < 0 || day[d] !== start) {
      d = day.length;
      day.push(start);
      bytes.push(0);
      dayBytesKnown.push(false);
      actions.push(0);
      events.push([]);
    }
    if (e.volumeBytes !== undefined) {
      bytes[d] = addFinite(bytes[d] as number, e.volumeBytes);
      dayBytesKnown[d] = true;
    }
    actions[d] = addFinite(actions[d] as number, Math.max(1, e.itemCount ?? 1));
    (events[d] as number[]).push(i);
  }
  let peakBytes = 0;
  let peakActions = 0;
  let peakBytesDay: number | undefined;
  let peakActionsDay: number | undefined;
  let bytesKnown = false;
  for (let k = 0; k < day.length; k++) {
    bytesKnown ||= dayBytesKnown[k] as boolean;
    if ((bytes[k] as number) > peakBytes) [peakBytes, peakBytesDay] = [bytes[k] as number, day[k] as number];
    if ((actions[k] as number) > peakActions) [peakActions, peakActionsDay] = [actions[k] as number, day[k] as number];
  }
  return {
    day,
    bytes,
    dayBytesKnown,
    actions,
    events,
    peakBytes,
    peakActions,
    bytesKnown,
    ...(peakBytesDay !== undefined ? { peakBytesDay } : {}),
    ...(peakActionsDay !== undefined ? { peakActionsDay } : {}),
  };
}

const GB = 1e9;
const fmtBytes = (b: number): string => (b >= GB ? `${Math.round((b / GB) * 10) / 10} GB` : `${Math.round(b / 1e6)} MB`);

type MessageId = 'ownBaseline' | 'peerBaseline';

/**
 * `insider/bulk-collection`: a day's download, clone or export volume far above the subject's own
 * baseline or the role peers' (caller-supplied, or computed from the batch), especially early in
 * tenure.
 */
export const bulkCollection = defineIndicator({
  meta: {
    id: 'insider/bulk-collection',
    title: 'Collection volume far above baseline',
    category: 'insider',
    version: '1.0.0',
    kind: 'risk',
    family: 'data-movement',
    typologies: ['insider-technology-collection'],
    defaultWeight: 1.5,
    correlationGroup: 'insider-collection',
    options,
    messages: {
      ownBaseline: 'On {{day}} the subject collected {{peak}} ({{unit}}), {{factor}} times their own median active day of {{baseline}}{{early}}',
      peerBaseline:
        'On {{day}} the subject collected {{peak}} ({{unit}}), {{factor}} times the typical peak day of {{role}} peers ' +
        '({{baseline}}, {{source}}){{early}}',
    },
    neutralReason: 'Data-access volume could not be reconciled with the role.',
    recommendedAction: "Review what was downloaded or cloned on the peak day with the worker's manager; check whether it left the device.",
    docs: {
      description:
        "Totals each UTC day's collection (`actions`: download, clone, export, copy, sync, print) in bytes and in " +
        "actions. Fires when the peak day reaches `ownFactor` times the subject's own median active day (with " +
        "`minBaselineDays` other days), and when it reaches `peerFactor` times the role peers' typical peak day: from " +
        '`reference.collectionBaselines[role]`, or else from the batch (`summarise` takes the peak day of every subject ' +
        'with a role and any collection, `combine` sorts them by role; at least `minPeers` peers). Nothing fires below ' +
        '`minBytes` / `minActions`. A peak within `earlyTenureDays` of `hiredAt` is stronger. SW: exfiltration began ' +
        'almost immediately after hiring.',
      requires: ['events[type=data-access].volumeBytes', 'events[type=data-access].action', 'role', 'hiredAt', 'reference.collectionBaselines'],
      threatHypothesis: "The worker collects the company's code and data in bulk, for a foreign programme or for later extortion.",
      sources: cite('SW', 'DOJ-JUN25', 'DOJ-JUN25-OPA', 'PSA-2025-01'),
      falsePositives: [
        'Onboarding: the first full clone of a large monorepo or dataset (compare with peers who joined recently).',
        "Migrations, backups and build caches run under the worker's account.",
        'A role mislabelled in HR data, comparing a data engineer with front-end peers.',
      ],
    },
  },
  // A subject's role and peak day, as plain data that can cross threads. The types are written
  // inline so the exported indicator's type names no private interface.
  summarise(view, { options: opts }): { readonly role: string; readonly peakActions: number; readonly peakBytes?: number } | undefined {
    const role = view.subject.role;
    if (role === undefined) return undefined;
    const p = dailyProfile(view, opts);
    // A peer with no collection at all is more likely missing data than a zero baseline.
    if (p.day.length === 0) return undefined;
    // Likewise a peer whose logs carry no volumes has no byte baseline, not a zero one.
    return p.bytesKnown ? { role, peakActions: p.peakActions, peakBytes: p.peakBytes } : { role, peakActions: p.peakActions };
  },
  // Per role, the sorted peak-day bytes and actions of every subject in the population.
  combine(summaries): { readonly byRole: ReadonlyMap<string, { readonly bytes: readonly number[]; readonly actions: readonly number[] }> } {
    const acc = new Map<string, { bytes: number[]; actions: number[] }>();
    for (const { summary } of summaries) {
      const r = acc.get(summary.role) ?? { bytes: [], actions: [] };
      if (summary.peakBytes !== undefined) r.bytes.push(summary.peakBytes);
      r.actions.push(summary.peakActions);
      acc.set(summary.role, r);
    }
    for (const r of acc.values()) {
      r.bytes.sort((a, b) => a - b);
      r.actions.sort((a, b) => a - b);
    }
    return { byRole: acc };
  },
  evaluate(view, { options: opts, reference, prepared, notEvaluated }) {
    const access = view.eventsOf('data-access');
    if (access.length === 0) return notEvaluated('no data-access events', ['events[type=data-access]']);
    const p = dailyProfile(view, opts);
    if (p.day.length === 0) return [];
    const hired = view.subject.hiredAt !== undefined ? Date.parse(view.subject.hiredAt) : undefined;
    const earlyOf = (day: number): boolean => hired !== undefined && day + DAY_MS >= hired && day <= hired + opts.earlyTenureDays * DAY_MS;
    const earlyText = (day: number): string => (earlyOf(day) ? `, ${Math.max(0, Math.floor((day - (hired as number)) / DAY_MS))} days into the tenure` : '');
    const findings: FindingDraft<MessageId>[] = [];
    const evidenceOf = (day: number): Evidence[] => {
      const k = p.day.indexOf(day);
      const out: Evidence[] = [];
      if (k < 0) return out;
      const at = new Date(day).toISOString();
      const indices = p.events[k] as readonly number[];
      for (let j = 0; j < indices.length && j < 10; j++) {
        out.push({
          recordId: (access[indices[j] as number] as ActivityEventOf<'data-access'>).id,
          at,
          field: 'volumeBytes',
          note: 'collected on the peak day',
        });
      }
      return out;
    };
    const strengthOf = (factor: number, limit: number, day: number): number =>
      Math.min(1, 0.5 + 0.3 * Math.min(1, Math.log(factor / limit) / Math.log(10)) + (earlyOf(day) ? 0.2 : 0));

    // Own baseline: median of the other active days.
    const metrics = [
      { unit: 'bytes', peak: p.peakBytes, day: p.peakBytesDay, min: opts.minBytes, get: (k: number) => p.bytes[k] as number, fmt: fmtBytes },
      {
        unit: 'actions',
        peak: p.peakActions,
        day: p.peakActionsDay,
        min: opts.minActions,
        get: (k: number) => p.actions[k] as number,
        fmt: (n: number) => `${Math.round(n)} actions`,
      },
    ] as const;
    type Metric = (typeof metrics)[number];
    /** The finding for a peak `factor` times `base`, or undefined below `limit`: one shape for both baselines. */
    const compare = (
      messageId: MessageId,
      m: Metric,
      day: number,
      base: number,
      limit: number,
      extra: Record<string, string>,
      evidence: Evidence[],
    ): FindingDraft<MessageId> | undefined => {
      const factor = base === 0 ? Infinity : m.peak / base;
      if (factor < limit) return undefined;
      return {
        messageId,
        strength: strengthOf(Number.isFinite(factor) ? factor : limit * 10, limit, day),
        data: {
          day: new Date(day).toISOString().slice(0, 10),
          peak: m.fmt(m.peak),
          unit: m.unit,
          factor: Number.isFinite(factor) ? Math.round(factor * 10) / 10 : 'infinitely many',
          baseline: m.fmt(base),
          early: earlyText(day),
          ...extra,
        },
        evidence,
      };
    };
    let ownFired = false;
    for (const m of metrics) {
      if (ownFired || m.day === undefined || m.peak < m.min || m.peak === 0) continue;
      // Days whose logs carry no volume are unknown in bytes, not days of zero bytes.
      const others: number[] = [];
      for (let k = 0; k < p.day.length; k++) {
        if (p.day[k] !== m.day && (m.unit !== 'bytes' || p.dayBytesKnown[k] === true)) others.push(m.get(k));
      }
      others.sort((a, b) => a - b);
      if (others.length < opts.minBaselineDays) continue;
      const found = compare('ownBaseline', m, m.day, medianSorted(others) as number, opts.ownFactor, {}, evidenceOf(m.day));
      if (found === undefined) continue;
      ownFired = true;
      findings.push(found);
    }

    // Peer baseline: caller reference first, else the batch.
    const role = view.subject.role;
    if (role !== undefined) {
      const ref = ownValue(reference.collectionBaselines, role) as { dailyBytes?: number; dailyActions?: number } | undefined;
      const peers = prepared.byRole.get(role);
      let peerFired = false;
      for (const m of metrics) {
        if (peerFired || m.day === undefined || m.peak < m.min || m.peak === 0) continue;
        let base: number | undefined;
        let source = '';
        const refValue = m.unit === 'bytes' ? ref?.dailyBytes : ref?.dailyActions;
        if (refValue !== undefined) {
          base = refValue;
          source = 'caller baseline';
        } else if (peers !== undefined) {
          const sorted = m.unit === 'bytes' ? peers.bytes : peers.actions;
          if (sorted.length - 1 >= opts.minPeers) {
            base = quantileWithout(sorted, m.peak, 0.5);
            source = `median of ${sorted.length - 1} peers in this batch`;
          }
        }
        if (base === undefined) continue;
        const found = compare('peerBaseline', m, m.day, base, opts.peerFactor, { role, source }, [
          ...evidenceOf(m.day),
          { recordId: view.subject.id, field: 'role', value: role },
        ]);
        if (found === undefined) continue;
        peerFired = true;
        findings.push(found);
      }
    }
    return findings;
  },
});
