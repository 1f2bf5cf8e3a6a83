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
import { bareLoop } from './bareLoop.mjs';

const quick = process.argv.includes('--quick');
// `--subjects=1000` runs one size only (a loaded machine may not finish 10,000 in reasonable time).
const subjectsArg = process.argv.find((a) => a.startsWith('--subjects='));
const onlySubjects = subjectsArg !== undefined ? Number(subjectsArg.slice('--subjects='.length)) : undefined;
const json = process.argv.includes('--json');

// Wall time, and the process's CPU time (user + system), which a busy shared machine disturbs less.
function time(fn) {
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, result };
}

async function timeAsync(fn) {
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, result };
}

/** The median run of `fn` over `runs` runs (by CPU time): one run on a shared machine is noise. */
async function median(runs, fn) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await fn());
  all.sort((a, b) => a.cpuMs - b.cpuMs);
  return all[all.length >> 1];
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
  // Frozen in place once, outside the timing, so neither trusted run below pays for freezing the records.
  scorer.prepareBatch(validated, { trusted: true });
  const trusted = time(() => scorer.scoreBatch(validated, { trusted: true }));
  // Trusted input that also carries each event's time as a number and promises unique ids (see TrustedInput).
  const promised = { eventTimes: Float64Array.from(validated.events, (e) => Date.parse(e.at)), uniqueEventIds: true };
  const trustedFast = time(() => scorer.scoreBatch(validated, { trusted: promised }));
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
    'events/s trusted + times + unique ids': round((n / trustedFast.ms) * 1000),
    'x bare trusted + times + unique ids': round(trustedFast.ms / bare.ms, 1),
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
// json-rules-engine neither validates nor explains: it gets plain aggregates. redflags always
// explains (every finding with its message, evidence and next step); it is run validated and on
// trusted input (records validated upstream; also with their times as numbers and unique ids
// promised), with full and compact reports. Medians of 5 runs.
{
  const [subjects, perSubject] = sizes[0];
  const input = population(subjects, perSubject);
  const runs = quick ? 1 : 5;
  const rules = await median(runs, () => timeAsync(() => decideWithRules(Engine, input.subjects, input.events)));
  const sixteen = createScorer({ indicators: decisionIndicators() });
  // The trusted path takes records as validation gives them (validated upstream, outside the timing).
  const validated = {
    ...input,
    subjects: input.subjects.map((s) => safeParseSubject(s).data),
    events: input.events.map((e) => safeParseEvent(e).data),
  };
  // What a caller that validated upstream may also hand over: the times as numbers, and the promise of unique ids.
  const eventTimes = Float64Array.from(validated.events, (e) => Date.parse(e.at));
  const variants = [
    ['redflags validated, full reports', () => sixteen.scoreBatch(input)],
    ['redflags validated, compact reports', () => sixteen.scoreBatch(input, { reportDetail: 'compact' })],
    ['redflags trusted, full reports', () => sixteen.scoreBatch(validated, { trusted: true })],
    ['redflags trusted, compact reports', () => sixteen.scoreBatch(validated, { trusted: true, reportDetail: 'compact' })],
    ['redflags trusted + times as numbers, full reports', () => sixteen.scoreBatch(validated, { trusted: { eventTimes } })],
    ['redflags trusted + unique ids promised, full reports', () => sixteen.scoreBatch(validated, { trusted: { uniqueEventIds: true } })],
    ['redflags trusted + times + unique ids, full reports', () => sixteen.scoreBatch(validated, { trusted: { eventTimes, uniqueEventIds: true } })],
    [
      'redflags trusted + times + unique ids, compact reports',
      () => sixteen.scoreBatch(validated, { trusted: { eventTimes, uniqueEventIds: true }, reportDetail: 'compact' }),
    ],
  ];
  let fired = 0;
  for (const names of rules.result.values()) fired += names.length;
  const bare = await median(runs, () => time(() => bareLoop(input.events)));
  const row = (engine, t) => ({
    engine,
    ms: round(t.ms),
    'cpu ms': round(t.cpuMs),
    'subjects/s (cpu)': round((subjects / t.cpuMs) * 1000),
    'x json-rules-engine (cpu)': round(t.cpuMs / rules.cpuMs, 2),
    'x bare loop (cpu)': round(t.cpuMs / bare.cpuMs, 1),
  });
  const decisionRows = [row('json-rules-engine (aggregates + 16 rules, no validation, no explanations)', rules)];
  for (const [engine, fn] of variants) {
    const ours = await median(runs, () => time(fn));
    const ourDecisions = decisionsOfReports(ours.result.reports);
    for (const [id, names] of rules.result) {
      if (JSON.stringify(ourDecisions.get(id)) !== JSON.stringify(names))
        throw new Error(`${engine}: decisions differ for ${id}: ${ourDecisions.get(id)} vs ${names}`);
    }
    decisionRows.push(row(engine, ours));
  }
  console.log(
    `\nSixteen threshold decisions, ${subjects} subjects x ${perSubject} events: ${fired} decisions fired, identical in both engines, medians of ${runs} (load ${load()})`,
  );
  if (json) console.log(JSON.stringify(decisionRows));
  else console.table(decisionRows);
}

// score() one subject at a time against scoreBatch, per subject: all built-ins, each subject's own events.
{
  const subjects = quick ? 20 : 300;
  const input = population(subjects, quick ? 50 : 200);
  const asOf = '2025-03-01T00:00:00Z';
  const own = new Map();
  for (const e of input.events) {
    const list = own.get(e.subjectId);
    if (list === undefined) own.set(e.subjectId, [e]);
    else list.push(e);
  }
  const runs = quick ? 1 : 5;
  const batch = await median(runs, () => time(() => scorer.scoreBatch({ ...input, asOf })));
  const single = await median(runs, () =>
    time(() => {
      for (const s of input.subjects) scorer.score(s, { asOf, events: own.get(s.id) ?? [] });
    }),
  );
  const perSubject = (t) => round((t.cpuMs * 1000) / subjects);
  console.log(
    `\nscore() per subject vs scoreBatch, ${subjects} subjects x ${quick ? 50 : 200} events, all built-ins, CPU medians of ${runs}: ` +
      `score() ${perSubject(single)} µs/subject, scoreBatch ${perSubject(batch)} µs/subject, ratio ${round(single.cpuMs / batch.cpuMs, 2)} (load ${load()})`,
  );
}
if (quick) console.log('quick run: sizes are tiny, times mean nothing; this only checks the script works');
