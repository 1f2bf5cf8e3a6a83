// Detection quality on the labelled insider scenarios: AUC, band counts, and whether each
// scenario's expected reasons are in its top five. Run after `npm run build`:
//   node bench/detection.mjs
import { createScorer } from '../dist/index.js';
import { auc, population, scenarios } from './scenarios/insider.mjs';

const ids = new Set(scenarios.map((s) => s.subject.id));
const { reports } = createScorer().scoreBatch(population(), { select: (id) => ids.has(id) });
const byId = new Map(reports.map((r) => [r.subjectId, r]));
const rows = [];
const bands = { positive: {}, control: {} };
for (const s of scenarios) {
  const r = byId.get(s.subject.id);
  const top = r.reasons.filter((x) => x.kind === 'risk').slice(0, 5).map((x) => x.indicatorId);
  const missing = s.expectedReasons.filter((id) => !top.includes(id));
  bands[s.label][r.band] = (bands[s.label][r.band] ?? 0) + 1;
  rows.push({ label: s.label, scenario: s.name.slice(0, 60), score: r.score, band: r.band, 'expected in top 5': missing.length === 0 ? 'yes' : `missing ${missing.join(', ')}`, mitigations: r.mitigations.length });
}
console.table(rows);
const scores = (label) => scenarios.filter((s) => s.label === label).map((s) => byId.get(s.subject.id).score);
console.log('AUC', auc(scores('positive'), scores('control')).toFixed(3));
console.log('bands of positives', bands.positive);
console.log('bands of controls', bands.control);
