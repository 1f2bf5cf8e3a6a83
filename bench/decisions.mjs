// Sixteen threshold decisions on per-subject aggregates, written twice: as json-rules-engine rules
// over aggregates computed by a plain loop, and as redflags indicators that compute the same
// aggregate from the subject view and explain a finding. The bench compares their speed; the
// bench and a test check that both take the same decisions on the same input.

/**
 * Each decision: the aggregate (a sum over the subject's events of one type) and the threshold it
 * must reach. Thresholds sit near the middle of the synthetic population so both outcomes occur.
 */
export const decisions = [
  { name: 'sessions', type: 'session', value: () => 1, threshold: 75 },
  { name: 'alt-account-sessions', type: 'session', value: (e) => (e.accountId === 'alt' ? 1 : 0), threshold: 8 },
  { name: 'vpn-sessions', type: 'session', value: (e) => (e.network?.isVpn === true ? 1 : 0), threshold: 4 },
  {
    name: 'long-sessions',
    type: 'session',
    value: (e) => (e.end !== undefined && Date.parse(e.end) - Date.parse(e.at) > 6 * 3_600_000 ? 1 : 0),
    threshold: 30,
  },
  { name: 'downloads', type: 'data-access', value: () => 1, threshold: 20 },
  { name: 'download-bytes', type: 'data-access', value: (e) => e.volumeBytes ?? 0, threshold: 4.8e9 },
  { name: 'web-uploads', type: 'web', value: (e) => (e.action === 'upload' ? 1 : 0), threshold: 6 },
  { name: 'leak-site-visits', type: 'web', value: (e) => (e.category === 'leak-site' ? 1 : 0), threshold: 3 },
  { name: 'removable-copies', type: 'removable-media', value: () => 1, threshold: 5 },
  { name: 'removable-bytes', type: 'removable-media', value: (e) => e.file?.sizeBytes ?? 0, threshold: 5e8 },
  { name: 'mail-to-own-address', type: 'email', value: (e) => (e.toOwnPersonalAddress === true ? 1 : 0), threshold: 1 },
  { name: 'worklog-hours', type: 'worklog', value: (e) => e.hours ?? 0, threshold: 180 },
  { name: 'privilege-grants', type: 'privilege', value: (e) => (e.action === 'grant' ? 1 : 0), threshold: 6 },
  { name: 'unapproved-merges', type: 'code-change', value: (e) => (e.approvals === 0 ? 1 : 0), threshold: 1 },
  { name: 'identity-risk', type: 'identity-risk', value: () => 1, threshold: 6 },
  { name: 'tunnel-runs', type: 'software', value: (e) => (e.name === 'ngrok' ? 1 : 0), threshold: 3 },
];

/** The sixteen aggregates of one subject's events, in one pass: the facts json-rules-engine decides on. */
export function aggregatesOf(events) {
  const facts = {};
  for (const d of decisions) facts[d.name] = 0;
  for (const e of events) {
    for (const d of decisions) if (d.type === e.type) facts[d.name] += d.value(e);
  }
  return facts;
}

/** The decisions as json-rules-engine rules: fire when the aggregate reaches the threshold. */
export function jsonRules() {
  return decisions.map((d) => ({
    name: d.name,
    conditions: { all: [{ fact: d.name, operator: 'greaterThanInclusive', value: d.threshold }] },
    event: { type: d.name },
  }));
}

/** The decisions as redflags indicators (plain objects, as `defineIndicator` returns them), with evidence and a message. */
export function decisionIndicators() {
  return decisions.map((d) => ({
    meta: {
      id: `bench/${d.name}`,
      title: `${d.name} reaches ${d.threshold}`,
      category: 'bench',
      description: `Fires when the sum of ${d.name} over the subject's ${d.type} events reaches ${d.threshold}.`,
      version: '1.0.0',
      kind: 'risk',
      family: 'activity',
      typologies: ['insider-technology-collection'],
      defaultWeight: 0.5,
      requires: [`events[type=${d.type}]`],
      messages: { reached: `{{name}} is {{total}} over {{events}} ${d.type} events, at or above {{threshold}}` },
      neutralReason: 'No events of this type.',
      recommendedAction: 'Review the events.',
      sources: [],
    },
    evaluate(view) {
      const events = view.eventsOf(d.type);
      let total = 0;
      for (const e of events) total += d.value(e);
      if (total < d.threshold) return [];
      return [
        {
          messageId: 'reached',
          strength: 0.5,
          data: { name: d.name, total, events: events.length, threshold: d.threshold },
          evidence: [{ recordId: view.subject.id, field: `events[type=${d.type}]`, value: total, note: `sum of ${d.name}` }],
        },
      ];
    },
  }));
}

/** Subject id to the sorted names of the decisions that fired, from json-rules-engine. */
export async function decideWithRules(Engine, subjects, events) {
  const bySubject = new Map();
  for (const e of events) {
    const list = bySubject.get(e.subjectId);
    if (list === undefined) bySubject.set(e.subjectId, [e]);
    else list.push(e);
  }
  const engine = new Engine(jsonRules());
  const out = new Map();
  for (const s of subjects) {
    const { events: fired } = await engine.run(aggregatesOf(bySubject.get(s.id) ?? []));
    out.set(s.id, fired.map((f) => f.type).sort());
  }
  return out;
}

/** Subject id to the sorted names of the decisions that fired, from a redflags batch result. */
export function decisionsOfReports(reports) {
  const out = new Map();
  for (const r of reports) out.set(r.subjectId, r.findings.map((f) => f.indicatorId.slice('bench/'.length)).sort());
  return out;
}
