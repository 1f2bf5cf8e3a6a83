// Detection quality on the labelled scenario suite (insider and remote-hire identity fraud, with
// hard honest controls): AUC, band counts, and whether each scenario's expected reasons are in
// its top five. Run after `npm run build`:
//   npm run detection
import { createScorer } from '../dist/index.js';
import { auc, population, scenarios } from './scenarios/suite.mjs';

const ids = new Set(scenarios.map((s) => s.subject.id));
const { reports, rejected } = createScorer().scoreBatch(population(), { select: (id) => ids.has(id) });
if (rejected.length > 0) console.log('rejected', JSON.stringify(rejected, null, 1));
const byId = new Map(reports.map((r) => [r.subjectId, r]));
const rows = [];
const bands = { positive: {}, control: {} };
let reasonsMet = 0;
for (const s of scenarios) {
  const r = byId.get(s.subject.id);
  const top = r.reasons
    .filter((x) => x.kind === 'risk')
    .slice(0, 5)
    .map((x) => x.indicatorId);
  const missing = s.expectedReasons.filter((id) => !top.includes(id));
  if (missing.length === 0) reasonsMet++;
  bands[s.label][r.band] = (bands[s.label][r.band] ?? 0) + 1;
  rows.push({
    label: s.label,
    scenario: s.name.slice(0, 70),
    score: r.score,
    band: r.band + (r.bandCapped !== undefined ? ` (held; ${r.bandCapped.wouldBe})` : ''),
    'expected in top 5': missing.length === 0 ? 'yes' : `missing ${missing.join(', ')}`,
    'top reasons': top
      .slice(0, 3)
      .map((id) => id.split('/')[1])
      .join(', '),
    mitigations: r.mitigations.length,
  });
}
console.table(rows);
const scores = (label) => scenarios.filter((s) => s.label === label).map((s) => byId.get(s.subject.id).score);
console.log('positives', scores('positive').length, 'controls', scores('control').length);
console.log('AUC', auc(scores('positive'), scores('control')).toFixed(3));
console.log('bands of positives', bands.positive);
console.log('bands of controls', bands.control);
console.log('expected reasons in the top five', `${reasonsMet} of ${scenarios.length}`);
