import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import { cite, compareText, groupEvents, utcDate, lookupTable } from '../../kit';

/** Anomalies that change the controls themselves rather than move value. */
const controlChanges = new Set<string>(['policy-override', 'signer-change', 'allowlist-change']);
const isControlChange = (anomaly: string): boolean => controlChanges.has(anomaly);

/** The verb shown for each role the platform records; a role not listed is shown as it is. */
const roleWords: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  initiator: 'initiated',
  approver: 'approved',
  signer: 'signed',
  administrator: 'administered',
  'took part in': 'took part in',
});

const anomalies = ['new-destination', 'unusual-amount', 'limit-exceeded', 'policy-override', 'signer-change', 'allowlist-change', 'other'] as const;

const options = z.object({
  severityStrength: z
    .object({
      low: z.number().min(0).max(1).default(0.3),
      medium: z.number().min(0).max(1).default(0.55),
      high: z.number().min(0).max(1).default(0.8),
      critical: z.number().min(0).max(1).default(1),
    })
    .default({ low: 0.3, medium: 0.55, high: 0.8, critical: 1 })
    .describe('Strength by the severity the platform gave; an anomaly without severity counts as medium.'),
  controlChangeBonus: z
    .number()
    .min(0)
    .max(1)
    .default(0.15)
    .describe(
      'Added when the anomaly changes the controls themselves (policy override, signer or quorum change, allow-list change): ' +
        'the step before an unauthorised transfer.',
    ),
  ignoredAnomalies: z.array(z.enum(anomalies)).default([]).describe('Anomaly kinds the platform over-reports in your setting and that should not count.'),
});

/**
 * `insider/transfer-anomaly`: a custody, treasury or payments platform flagged transfers the
 * subject initiated, approved or signed: first transfers to new destinations, unusual amounts,
 * limits exceeded, approval policies overridden, signers or allow-lists changed.
 */
export const transferAnomaly = defineIndicator({
  meta: {
    id: 'insider/transfer-anomaly',
    title: 'Flagged transfers the subject initiated, approved or signed',
    category: 'insider',
    version: '1.1.0',
    kind: 'risk',
    family: 'data-movement',
    typologies: ['insider-technology-collection', 'remote-hire-identity-fraud'],
    defaultWeight: 2,
    options,
    messages: {
      anomaly: '{{count}} {{anomaly}} anomalies flagged by {{platform}} on transfers the subject {{roles}}, the first on {{first}}{{amount}}',
    },
    neutralReason: 'Transfers the worker took part in were flagged by the platform and could not be explained.',
    recommendedAction:
      'Freeze the affected destinations and signer changes pending review by treasury; confirm each flagged transfer with its business owner out of band.',
    docs: {
      description:
        "Reads transfer-anomaly events (the platform's own detections; the library judges no transfer itself) and fires once " +
        'per anomaly kind, at the strength of the most severe detection (`severityStrength`), raised by `controlChangeBonus` for ' +
        'changes to the controls (policy override, signer change, allow-list change) and slightly with the count. Kinds in ' +
        "`ignoredAnomalies` do not count. For corroboration the platform's detections are `data-movement` evidence: value " +
        'leaving, and the control changes that prepare it, seen by one platform. SEAL and DOJ-ATL describe workers inside crypto ' +
        'firms altering signers and code to move funds.',
      requires: ['events[type=transfer-anomaly].anomaly', 'events[type=transfer-anomaly].severity', 'events[type=transfer-anomaly].role'],
      threatHypothesis: 'The subject is preparing or executing an unauthorised movement of funds.',
      sources: cite('SEAL', 'DOJ-ATL', 'DOJ-JUN25-OPA', 'CERT-CSG'),
      falsePositives: ['A new supplier or exchange account paid for the first time.', 'A signer rotation carried out under a documented change ticket.'],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const events = view.eventsOf('transfer-anomaly');
    if (events.length === 0) return notEvaluated('no transfer-anomaly events', ['events[type=transfer-anomaly]']);
    const ignored = new Set<string>(options.ignoredAnomalies);
    const groups = groupEvents(
      events,
      (e) => (ignored.has(e.anomaly) ? undefined : e.anomaly),
      () => ({ strength: 0, platforms: new Set<string>(), roles: new Set<string>(), amounts: new Map<string, number>() }),
      (g, e) => {
        g.strength = Math.max(
          g.strength,
          Math.min(1, options.severityStrength[e.severity ?? 'medium'] + (isControlChange(e.anomaly) ? options.controlChangeBonus : 0)),
        );
        if (e.platform !== undefined) g.platforms.add(e.platform);
        g.roles.add(e.role ?? 'took part in');
        if (e.amount !== undefined && e.asset !== undefined) g.amounts.set(e.asset, (g.amounts.get(e.asset) ?? 0) + e.amount);
      },
      (e) => ({
        recordId: e.id,
        at: e.at,
        field: 'anomaly',
        value: e.anomaly,
        note: [e.severity, e.role, e.destination].filter((x) => x !== undefined).join(', '),
      }),
    );
    return groups.map(({ key: anomaly, count, first, evidence, acc: g }) => ({
      messageId: 'anomaly' as const,
      strength: Math.min(1, g.strength + 0.05 * Math.min(4, count - 1)),
      data: {
        count,
        anomaly,
        platform: g.platforms.size > 0 ? [...g.platforms].sort().join(', ') : 'the platform',
        roles: [...g.roles]
          .map((r) => roleWords[r] ?? r)
          .sort()
          .join(' or '),
        first: utcDate(first),
        amount:
          g.amounts.size > 0
            ? ` (${[...g.amounts]
                .sort((a, b) => compareText(a[0], b[0]))
                .map(([asset, n]) => `${n} ${asset}`)
                .join(', ')} in all)`
            : '',
      },
      evidence,
    }));
  },
});
