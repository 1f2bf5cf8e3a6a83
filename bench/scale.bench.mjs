// Scoring at scale, against the built package (dist/). Two measurements, each in fresh processes:
//
// - **Shards with population summaries** at 100,000 subjects: the way docs/architecture.md tells
//   users to score a population too big for one batch. Every shard is summarised
//   (`scorer.summarise`), the parts are merged (`mergeSummaries`), then every shard is scored with
//   the merged summaries (`scoreBatch(shard, { summaries })`), validated and trusted
//   (`{ trusted: true }`, on the records as validation gives them, made outside the timing).
//   Reports are counted and dropped with their shard. Times are CPU (user + system) of this
//   process, in events per second and as a multiple of a bare loop over the same events.
// - **Time per event at 1x, 2x, 4x and 8x the population**: one `scoreBatch` of every built-in,
//   validated, per size in its own process, CPU median of 3 runs after a warm-up; the ratio of
//   the slowest to the fastest µs per event says whether the cost per event stays flat.
// - **One batch in memory**, 10,000 subjects x 200 events by default, each way in its own process:
//   the caller's input alone (the records as validation gives them), a validated `scoreBatch`
//   with full reports, and a trusted one with compact reports. Heap held after a full collection,
//   before and after scoring with the result kept (as a caller keeps it), the process's peak RSS,
//   and the JSON size of the reports: how much of a batch's memory is the input, how much is
//   the engine's, and how much the reports the caller asked for.
//
//   npm run build && node bench/scale.bench.mjs          # both, full sizes (minutes)
//   node bench/scale.bench.mjs --shards-only --subjects=100000 --events=200 --shard=5000
//   node bench/scale.bench.mjs --per-event-only --base=1250 --events=200
//   node bench/scale.bench.mjs --memory-only --subjects=10000 --events=200
//   node bench/scale.bench.mjs --quick                   # tiny sizes, for CI; times mean nothing
//
// The shard run's default is 100,000 subjects x 50 events (5,000,000 events): at 200 events a
// subject the run takes far longer than the suite's budget (summarising costs about as much CPU as
// scoring, and every shard is generated twice). `--events=200` runs the full population.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createScorer, mergeSummaries, safeParseEvent, safeParseSubject } from '../dist/index.js';
import { population, populationAsOf, populationSubjects } from './population.mjs';
import { bareLoop } from './bareLoop.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const given = args.find((a) => a.startsWith(`--${name}=`));
  return given !== undefined ? Number(given.slice(name.length + 3)) : fallback;
};
const quick = flag('quick');
const json = flag('json');

/** The CPU time (user + system) of this process in ms; the clock a shared machine disturbs least. */
function cpuMs() {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** Runs `fn` after a full collection and gives its CPU ms with its result. */
function cpuTimed(fn) {
  globalThis.gc?.();
  const start = cpuMs();
  const result = fn();
  return { cpuMs: cpuMs() - start, result };
}

/** Consecutive shards of the benchmark population, `size` subjects each, as `scoreBatch` takes them. */
function* shardsOf(subjects, eventsPerSubject, size) {
  let shard = { subjects: [], events: [], asOf: populationAsOf };
  for (const { subject, events } of populationSubjects(subjects, eventsPerSubject)) {
    shard.subjects.push(subject);
    for (const event of events) shard.events.push(event);
    if (shard.subjects.length === size) {
      yield shard;
      shard = { subjects: [], events: [], asOf: populationAsOf };
    }
  }
  if (shard.subjects.length > 0) yield shard;
}

const round = (x, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** Child: the population scored in shards with summaries; prints one JSON row. */
function shardRun(subjects, eventsPerSubject, size) {
  const loadAtStart = load();
  const scorer = createScorer();
  // Pass 1: every shard summarised; the parts are kept (plain data, a few KB a subject), the shards are not.
  const parts = [];
  let summariseMs = 0;
  for (const shard of shardsOf(subjects, eventsPerSubject, size)) {
    const t = cpuTimed(() => scorer.summarise(shard));
    summariseMs += t.cpuMs;
    parts.push(t.result);
  }
  const merged = cpuTimed(() => mergeSummaries(parts));
  parts.length = 0;
  const summaries = merged.result;
  // Pass 2: every shard scored with the merged summaries, validated then trusted; reports are counted and dropped.
  let events = 0;
  let shards = 0;
  let bareMs = 0;
  let validatedMs = 0;
  let trustedMs = 0;
  let reports = 0;
  let trustedReports = 0;
  let rejected = 0;
  let identical = true;
  for (const shard of shardsOf(subjects, eventsPerSubject, size)) {
    shards++;
    events += shard.events.length;
    bareMs += cpuTimed(() => bareLoop(shard.events)).cpuMs;
    const validated = cpuTimed(() => scorer.scoreBatch(shard, { summaries }));
    validatedMs += validated.cpuMs;
    reports += validated.result.reports.length;
    rejected += validated.result.rejected.length;
    // The trusted path takes the records as validation gives them (validated upstream, outside the timing).
    const upstream = {
      asOf: shard.asOf,
      subjects: shard.subjects.map((s) => safeParseSubject(s).data),
      events: shard.events.map((e) => safeParseEvent(e).data),
    };
    const trusted = cpuTimed(() => scorer.scoreBatch(upstream, { summaries, trusted: true }));
    trustedMs += trusted.cpuMs;
    trustedReports += trusted.result.reports.length;
    // Same scores both ways: a cheap check that the trusted path scored the same population.
    for (let i = 0; i < trusted.result.reports.length; i++) {
      if (trusted.result.reports[i].score !== validated.result.reports[i]?.score) identical = false;
    }
  }
  if (reports !== subjects || trustedReports !== subjects) throw new Error(`shards scored ${reports} and ${trustedReports} of ${subjects} subjects`);
  if (!identical) throw new Error('the trusted path gave other scores than the validated one');
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const row = (path, scoreMs) => {
    const totalMs = summariseMs + merged.cpuMs + scoreMs;
    return {
      path,
      subjects,
      events,
      shards,
      reports,
      rejected,
      'summarise cpu s': round(summariseMs / 1000, 1),
      'merge cpu s': round(merged.cpuMs / 1000, 2),
      'score cpu s': round(scoreMs / 1000, 1),
      'total cpu s': round(totalMs / 1000, 1),
      'events/s (cpu, total)': round((events / totalMs) * 1000),
      'events/s (cpu, score pass)': round((events / scoreMs) * 1000),
      'bare loop cpu s': round(bareMs / 1000, 2),
      'x bare (total)': round(totalMs / bareMs, 1),
      'x bare (score pass)': round(scoreMs / bareMs, 1),
      'peak RSS MiB': round(peakRssMiB),
      'load start / end': `${loadAtStart} / ${load()}`,
    };
  };
  return [row('validated', validatedMs), row('trusted', trustedMs)];
}

/** Child: one population scored whole, CPU median of `runs` after a warm-up; prints one JSON row. */
function perEventRun(subjects, eventsPerSubject, runs) {
  const loadAtStart = load();
  const scorer = createScorer();
  // Warm-up on a small population, so every size is measured with the same compiled code.
  scorer.scoreBatch(population(quick ? 5 : 100, eventsPerSubject, 2));
  const input = population(subjects, eventsPerSubject);
  const times = [];
  let reports = 0;
  for (let r = 0; r < runs; r++) {
    const t = cpuTimed(() => scorer.scoreBatch(input));
    reports = t.result.reports.length;
    times.push(t.cpuMs);
  }
  if (reports !== subjects) throw new Error(`scored ${reports} of ${subjects} subjects`);
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  return {
    subjects,
    events: input.events.length,
    runs,
    'cpu s (median)': round(median / 1000, 2),
    'cpu s (min-max)': `${round(times[0] / 1000, 2)}-${round(times[times.length - 1] / 1000, 2)}`,
    'µs/event (cpu)': round((median * 1000) / input.events.length, 2),
    'peak RSS MiB': round(process.resourceUsage().maxRSS / 1024),
    'load start / end': `${loadAtStart} / ${load()}`,
  };
}

const MiB = 1024 * 1024;

/** Heap used after a full collection, in MiB: what is held, not what is waiting to be collected. */
function heldMiB() {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / MiB;
}

/**
 * Child: one population held in memory and, unless `mode` is `input`, scored in one `scoreBatch`
 * with the result kept; prints one JSON row. The input is built as validation gives records (each
 * generated record parsed and the original dropped), so every mode holds the same input.
 */
function batchMemoryRun(mode, subjects, eventsPerSubject) {
  const loadAtStart = load();
  const scorer = createScorer();
  const input = { subjects: [], events: [], asOf: populationAsOf };
  for (const group of populationSubjects(subjects, eventsPerSubject)) {
    input.subjects.push(safeParseSubject(group.subject).data);
    for (const event of group.events) input.events.push(safeParseEvent(event).data);
  }
  const inputMiB = heldMiB();
  const inputRssMiB = process.memoryUsage().rss / MiB;
  let result;
  if (mode === 'validated-full') result = scorer.scoreBatch(input);
  else if (mode === 'trusted-compact') result = scorer.scoreBatch(input, { trusted: { uniqueEventIds: true }, reportDetail: 'compact' });
  const afterMiB = heldMiB();
  // The reports' JSON, one report at a time (the whole array would pass V8's string limit).
  let jsonBytes = 0;
  for (const report of result?.reports ?? []) jsonBytes += Buffer.byteLength(JSON.stringify(report));
  if (result?.catalogue !== undefined) jsonBytes += Buffer.byteLength(JSON.stringify(result.catalogue));
  if (result !== undefined && result.reports.length !== subjects) throw new Error(`scored ${result.reports.length} of ${subjects} subjects`);
  return {
    mode,
    subjects,
    events: input.events.length,
    'input heap MiB': round(inputMiB),
    'input RSS MiB': round(inputRssMiB),
    'heap after MiB': round(afterMiB),
    'held by the result MiB': round(afterMiB - inputMiB),
    'peak RSS MiB': round(process.resourceUsage().maxRSS / 1024),
    'report JSON MiB': round(jsonBytes / MiB),
    'load start / end': `${loadAtStart} / ${load()}`,
  };
}

/** Runs this script again in a fresh process for one measurement and returns its JSON rows. */
function inChild(childArgs, heapMiB) {
  const node = ['--expose-gc', ...(heapMiB !== undefined ? [`--max-old-space-size=${heapMiB}`] : [])];
  const out = execFileSync(process.execPath, [...node, fileURLToPath(import.meta.url), ...childArgs], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

const child = args.find((a) => a.startsWith('--child='))?.slice('--child='.length);
if (child === 'shards') {
  console.log(JSON.stringify(shardRun(option('subjects', 0), option('events', 0), option('shard', 0))));
} else if (child === 'batch-memory') {
  const mode = args.find((a) => a.startsWith('--mode='))?.slice('--mode='.length);
  console.log(JSON.stringify(batchMemoryRun(mode, option('subjects', 0), option('events', 0))));
} else if (child === 'per-event') {
  console.log(JSON.stringify(perEventRun(option('subjects', 0), option('events', 0), option('runs', 3))));
} else {
  const q = quick ? ['--quick'] : [];
  if (!flag('per-event-only') && !flag('memory-only')) {
    const subjects = option('subjects', quick ? 60 : 100_000);
    const perSubject = option('events', quick ? 20 : 50);
    const shard = option('shard', quick ? 25 : 5_000);
    // The merged summaries of 100,000 subjects are about 2 GB of objects beside one shard: room above the default heap.
    const rows = inChild(['--child=shards', `--subjects=${subjects}`, `--events=${perSubject}`, `--shard=${shard}`, ...q], quick ? undefined : 12_288);
    console.log(
      `\nShards with population summaries: ${subjects} subjects x ${perSubject} events in shards of ${shard}, all built-ins; ` +
        'summarise every shard, merge, score every shard (validated, then trusted); CPU time of one process',
    );
    if (json) console.log(JSON.stringify(rows));
    else console.table(rows);
  }
  if (!flag('shards-only') && !flag('memory-only')) {
    const base = option('base', quick ? 10 : 1_250);
    const perSubject = option('events', quick ? 20 : 200);
    const runs = quick ? 1 : 3;
    const rows = [];
    for (const times of [1, 2, 4, 8]) {
      const row = inChild(['--child=per-event', `--subjects=${base * times}`, `--events=${perSubject}`, `--runs=${runs}`, ...q]);
      rows.push({ population: `${times}x`, ...row });
    }
    const perEvent = rows.map((r) => r['µs/event (cpu)']);
    const spread = Math.max(...perEvent) / Math.min(...perEvent);
    console.log(
      `\nTime per event at 1x-8x the population (${base} subjects x ${perSubject} events at 1x), all built-ins, validated scoreBatch, ` +
        `a fresh process per size, CPU median of ${runs} after a warm-up`,
    );
    if (json) console.log(JSON.stringify(rows));
    else console.table(rows);
    console.log(`slowest / fastest µs per event: ${round(spread, 2)} (flat within 25% means at most 1.25)`);
  }
  if (!flag('shards-only') && !flag('per-event-only')) {
    const subjects = option(flag('memory-only') ? 'subjects' : 'memory-subjects', quick ? 20 : 10_000);
    const perSubject = option('events', quick ? 20 : 200);
    const rows = ['input', 'validated-full', 'trusted-compact'].map((mode) =>
      inChild(['--child=batch-memory', `--mode=${mode}`, `--subjects=${subjects}`, `--events=${perSubject}`, ...q]),
    );
    console.log(
      `\nOne batch in memory: ${subjects} subjects x ${perSubject} events, all built-ins, a fresh process per row; ` +
        'heap held after a full collection, before and after scoring with the result kept; input RSS once the input is built',
    );
    if (json) console.log(JSON.stringify(rows));
    else console.table(rows);
  }
  if (quick) console.log('quick run: sizes are tiny, times mean nothing; this only checks the script works');
}
