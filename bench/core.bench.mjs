// Scoring throughput of the built-in catalogue against a bare loop over the same events, the
// validation share, per-indicator timing, and json-rules-engine on sixteen threshold decisions.
// Run after `npm run build`. Times are compared within this one process (ratios to the bare loop),
// since the machines it runs on are often shared; the load average is printed with them.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Engine } from 'json-rules-engine';
import { builtinIndicators, createIndicatorTimer, createScorer, formatTimingTable, safeParseEvent, safeParseSubject } from '../dist/index.js';
import { decideWithRules, decisionIndicators, decisionsOfReports } from './decisions.mjs';
import { population } from './population.mjs';

const quick = process.argv.includes('--quick');
// `--subjects=1000` runs one size only (a loaded machine may not finish 10,000 in reasonable time).
const subjectsArg = process.argv.find((a) => a.startsWith('--subjects='));
const onlySubjects = subjectsArg !== undefined ? Number(subjectsArg.slice('--subjects='.length)) : undefined;
const json = process.argv.includes('--json');

function time(fn) {
  globalThis.gc?.();
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

async function timeAsync(fn) {
  globalThis.gc?.();
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/** The bare loop touches what any scorer must: each event's time and type, grouped by subject. */
function bareLoop(events) {
  const counts = new Map();
  let sum = 0;
  for (const e of events) {
    sum += Date.parse(e.at);
    counts.set(e.subjectId, (counts.get(e.subjectId) ?? 0) + (e.type === 'session' ? 1 : 0));
  }
  return sum + counts.size;
}

const round = (x, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

// 100,000 subjects x 200 events (20M events) is not run: a batch that size needs several GB
// and meets V8's Map size limit in the engine (docs/performance.md).
const sizes = quick
  ? [[20, 50]]
  : onlySubjects !== undefined
    ? [[onlySubjects, 200]]
    : [
        [1_000, 200],
        [10_000, 200],
      ];
const scorer = createScorer();
const rows = [];
for (const [subjects, perSubject] of sizes) {
  const input = population(subjects, perSubject);
  const n = input.events.length;
  const bare = time(() => bareLoop(input.events));
  // Validation alone: every record through its schema, as scoreBatch does first.
  const validation = time(() => {
    let rejected = 0;
    for (const s of input.subjects) if (!safeParseSubject(s).success) rejected++;
    for (const e of input.events) if (!safeParseEvent(e).success) rejected++;
    return rejected;
  });
  const scored = time(() => scorer.scoreBatch(input));
  if (scored.result.reports.length !== subjects) throw new Error('benchmark population did not score completely');
  const withoutValidation = scored.ms - validation.ms;
  // The trusted-input path, a separate run: the records as validation gives them, structural checks only.
  const validated = {
    ...input,
    subjects: input.subjects
      .map((s) => safeParseSubject(s))
      .filter((r) => r.success)
      .map((r) => r.data),
    events: input.events
      .map((e) => safeParseEvent(e))
      .filter((r) => r.success)
      .map((r) => r.data),
  };
  const trusted = time(() => scorer.scoreBatch(validated, { trusted: true }));
  const compact = time(() => scorer.scoreBatch(input, { reportDetail: 'compact' }));
  let fullBytes = 0;
  for (const r of scored.result.reports) fullBytes += JSON.stringify(r).length;
  let compactBytes = JSON.stringify(compact.result.catalogue).length;
  for (const r of compact.result.reports) compactBytes += JSON.stringify(r).length;
  rows.push({
    subjects,
    events: n,
    // Records the batch rejects (none for this population; a non-zero count means the generator drifted from the schema).
    rejected: validation.result,
    indicators: builtinIndicators.length,
    'scoring ms': round(scored.ms),
    'events/s': round((n / scored.ms) * 1000),
    'µs/subject': round((scored.ms * 1000) / subjects),
    'validation ms': round(validation.ms),
    'events/s w/o validation': round((n / withoutValidation) * 1000),
    'bare loop ms': round(bare.ms, 1),
    'x bare loop': round(scored.ms / bare.ms, 1),
    'x bare w/o validation': round(withoutValidation / bare.ms, 1),
    'trusted ms': round(trusted.ms),
    'events/s trusted': round((n / trusted.ms) * 1000),
    'x bare trusted': round(trusted.ms / bare.ms, 1),
    'compact ms': round(compact.ms),
    'x bare compact': round(compact.ms / bare.ms, 1),
    'bytes/report full': round(fullBytes / subjects),
    'bytes/report compact': round(compactBytes / subjects),
    'load avg': load(),
  });
}
if (json) console.log(JSON.stringify(rows));
else console.table(rows);

// Per-indicator timing, on the first size, with the clock passed in (the core reads none).
{
  const [subjects, perSubject] = sizes[0];
  const input = population(subjects, perSubject);
  const timing = createIndicatorTimer(() => performance.now());
  const total = time(() => createScorer({ timing }).scoreBatch(input));
  const rowsOfTiming = timing.rows();
  const indicatorMs = rowsOfTiming.reduce((s, r) => s + r.totalMs, 0);
  console.log(
    `\nPer-indicator timing, ${subjects} subjects x ${perSubject} events: indicators ${round(indicatorMs)} ms of ${round(total.ms)} ms scoring (${round((100 * indicatorMs) / total.ms)}%)`,
  );
  if (json) console.log(JSON.stringify(rowsOfTiming));
  else console.log(formatTimingTable(rowsOfTiming, quick ? 5 : 20));
}

// json-rules-engine on the same sixteen threshold decisions, same input, decisions checked equal.
{
  const [subjects, perSubject] = sizes[0];
  const input = population(subjects, perSubject);
  const rules = await timeAsync(() => decideWithRules(Engine, input.subjects, input.events));
  const sixteen = createScorer({ indicators: decisionIndicators() });
  const ours = time(() => sixteen.scoreBatch(input));
  const ourDecisions = decisionsOfReports(ours.result.reports);
  let fired = 0;
  for (const [id, names] of rules.result) {
    fired += names.length;
    if (JSON.stringify(ourDecisions.get(id)) !== JSON.stringify(names)) throw new Error(`decisions differ for ${id}: ${ourDecisions.get(id)} vs ${names}`);
  }
  const bare = time(() => bareLoop(input.events));
  const decisionRows = [
    {
      engine: 'json-rules-engine (aggregates + 16 rules)',
      ms: round(rules.ms),
      'subjects/s': round((subjects / rules.ms) * 1000),
      'x bare loop': round(rules.ms / bare.ms, 1),
    },
    {
      engine: 'redflags (validation, 16 indicators, explanations)',
      ms: round(ours.ms),
      'subjects/s': round((subjects / ours.ms) * 1000),
      'x bare loop': round(ours.ms / bare.ms, 1),
    },
  ];
  console.log(
    `\nSixteen threshold decisions, ${subjects} subjects x ${perSubject} events: ${fired} decisions fired, identical in both engines (load ${load()})`,
  );
  if (json) console.log(JSON.stringify(decisionRows));
  else console.table(decisionRows);
}
if (quick) console.log('quick run: sizes are tiny, times mean nothing; this only checks the script works');
