// Scoring throughput of the built-in catalogue, against a bare loop over the same events.
// Prints events per second for several population sizes; run after `npm run build`.
import { builtinIndicators, createScorer } from '../dist/index.js';
import { population } from './population.mjs';

const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');


function time(fn) {
  globalThis.gc?.();
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

const sizes = quick ? [[20, 50]] : [[1_000, 200], [2_000, 200], [4_000, 200]];
const scorer = createScorer();
const rows = [];
for (const [subjects, perSubject] of sizes) {
  const input = population(subjects, perSubject);
  const n = input.events.length;
  // The bare loop touches what any scorer must: each event's time and type, grouped by subject.
  const bare = time(() => {
    const counts = new Map();
    let sum = 0;
    for (const e of input.events) {
      sum += Date.parse(e.at);
      counts.set(e.subjectId, (counts.get(e.subjectId) ?? 0) + (e.type === 'session' ? 1 : 0));
    }
    return sum + counts.size;
  });
  const scored = time(() => scorer.scoreBatch(input));
  if (scored.result.reports.length !== subjects) throw new Error('benchmark population did not score completely');
  rows.push({
    subjects,
    events: n,
    indicators: builtinIndicators.length,
    'scoring ms': Math.round(scored.ms),
    'events/s': Math.round((n / scored.ms) * 1000),
    'µs/subject': Math.round((scored.ms * 1000) / subjects),
    'bare loop ms': Math.round(bare.ms * 10) / 10,
    'x bare loop': Math.round((scored.ms / bare.ms) * 10) / 10,
  });
}
if (json) console.log(JSON.stringify(rows));
else console.table(rows);
if (quick) console.log('quick run: sizes are tiny, times mean nothing; this only checks the script works');
