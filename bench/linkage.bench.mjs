// Linkage benchmark: extracts link keys from synthetic subjects and builds the link index for
// 125k, 250k, 500k and 1,000,000 subjects, printing the time per size and the growth ratio.
// Linear growth shows as a ratio near 2 per doubling (a slope near 1 on a log-log scale).
// Three paths, each size of each in a fresh process:
// - batch: `groupPopulationLinkKeys` (two passes over the subjects) then `buildLinkIndexFromGroups`,
//   what callers of those public functions run;
// - summaries: what the linkage indicators run in a batch: `summarise` per subject (the linkage
//   summary, held for every subject), then the `combine` hooks of the six indicators that read the
//   link index, sharing one combine memo (one index, the authenticator sweep, the names);
// - scorer: `scoreBatch` of a scorer with only the linkage indicators on the whole population held
//   in memory (validation, views, linkage and reports: what a caller scoring a batch pays); the
//   population is generated before the clock starts. `--digest` adds a SHA-256 of the reports'
//   JSON (after the timing), to check that two builds give the same reports; on the batch path,
//   a SHA-256 of the links' JSON.
//
//   npm run build && node bench/linkage.bench.mjs          # full run (several minutes, about 2 GB of RAM at 1M)
//   node bench/linkage.bench.mjs --quick                   # tiny population, for CI
//   node bench/linkage.bench.mjs --sizes=10000,20000       # custom sizes
//   node bench/linkage.bench.mjs --path=summaries          # one path only (batch, summaries, scorer; default all three)
//   node bench/linkage.bench.mjs --dist=/tmp/old/dist      # another build of the package, to compare
//   node bench/linkage.bench.mjs --path=batch --plain      # batch path grouping without the index's windows
//
// The population is synthetic and seeded (mulberry32), so runs are comparable. Each subject has
// an e-mail, a phone, a home and ship-to address, a payout account, a device, an MFA device, a
// sign-in IP drawn from a pool (so IPs collide by chance, as in real NAT), every tenth a photo
// hash and every twentieth a resume; one subject in a thousand belongs to a laptop farm of ten
// sharing an address, an IP and a payout account, and one in fifty lives with a partner.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from './prng.mjs';

const HEAP_MB = 12288;
const quick = process.argv.includes('--quick');
const sizeArg = process.argv.find((a) => a.startsWith('--size='));
// --one-pass: the public one-pass form (extractLinkKeys objects into buildLinkIndex) instead of the batch's two passes.
const onePass = process.argv.includes('--one-pass');
// --plain: the batch path's grouping without the index's windows (every shared IP and device grouped).
const plain = process.argv.includes('--plain');
const pathArg = process.argv.find((a) => a.startsWith('--path='))?.slice(7);
const paths = pathArg === undefined || pathArg === 'all' ? ['batch', 'summaries', 'scorer'] : [pathArg];
if (paths.some((p) => p !== 'batch' && p !== 'summaries' && p !== 'scorer')) throw new Error(`--path: batch, summaries, scorer or all, not ${pathArg}`);
const digest = process.argv.includes('--digest');
const distArg = process.argv.find((a) => a.startsWith('--dist='))?.slice(7);
const dist = distArg !== undefined ? resolve(distArg) : fileURLToPath(new URL('../dist', import.meta.url));
const {
  buildLinkIndex,
  buildLinkIndexFromGroups,
  builtinIndicators,
  createScorer,
  extractLinkKeys,
  groupPopulationLinkKeys,
  personaMultiplicity,
  resumeSimilarity,
  sharedContact,
  sharedInfrastructure,
  sharedPaymentInstrument,
  sharedShippingAddress,
} = await import(pathToFileURL(`${dist}/index.js`).href);
/** The linkage indicators that read the link index, in catalogue order; they share one summary per subject. */
const indexReaders = [sharedContact, sharedShippingAddress, sharedPaymentInstrument, sharedInfrastructure, personaMultiplicity, resumeSimilarity];
const AS_OF = '2026-01-01T00:00:00.000Z';

const WORDS =
  'react node aws python java kotlin swift sql docker kubernetes api payments platform team led built scaled mentored designed migrated tested deployed shipped improved performance latency services frontend backend cloud data pipeline mobile app engineer developer senior years experience'.split(
    ' ',
  );
const T0 = Date.parse('2025-03-03T14:00:00Z');
const DAY = 86_400_000;

/** Subject `i` of a population of `n`, and its events. */
function synthetic(i, n, rnd) {
  const id = `s${i}`;
  const farm = i % 1000 < 10 ? Math.floor(i / 1000) : -1; // ten farm members per thousand subjects
  const household = i % 50 === 1 ? i - 1 : i; // every fiftieth subject lives with the previous one
  const home = { line1: `${household} Main Street`, line2: `Apt ${household % 97}`, postalCode: String(10000 + (household % 89999)), country: 'US' };
  const shipTo = farm >= 0 ? { line1: `${farm} Farm Road`, postalCode: '37203', country: 'US' } : home;
  const subject = {
    id,
    identity: { names: [{ value: `Person ${i}` }], residence: { address: home } },
    contacts: { emails: [{ address: `person.${i}+jobs@gmail.com` }], phones: [{ number: `+1 ${String(2000000000 + i)}` }] },
    shipments: [{ id: `${id}-ship`, shippedAt: '2025-02-25T10:00:00Z', address: shipTo }],
    paymentInstructions: [
      {
        id: `${id}-pay`,
        at: '2025-03-01T00:00:00Z',
        method: 'payment-platform',
        platform: 'payoneer',
        platformAccount: farm >= 0 ? `farm-${farm}` : `acct-${i}`,
      },
    ],
  };
  if (i % 10 === 0) {
    let hash = '';
    for (let k = 0; k < 16; k++) hash += Math.floor(rnd() * 16).toString(16);
    subject.photos = [{ id: `${id}-photo`, source: 'resume', perceptualHash: hash }];
  }
  if (i % 20 === 0) {
    const words = [];
    for (let k = 0; k < 60; k++) words.push(WORDS[Math.floor(rnd() * WORDS.length)]);
    subject.resumeText = words.join(' ');
  }
  const ipPool = Math.max(16, n >> 1);
  const ip =
    farm >= 0
      ? `203.0.${(farm >> 8) & 255}.${farm & 255}`
      : `10.${(Math.floor(rnd() * ipPool) >> 16) & 255}.${(Math.floor(rnd() * ipPool) >> 8) & 255}.${Math.floor(rnd() * 256)}`;
  const day = Math.floor(rnd() * 60);
  const events = [0, 1].map((k) => ({
    id: `${id}-e${k}`,
    subjectId: id,
    type: 'session',
    at: new Date(T0 + (day + k) * DAY).toISOString(),
    ip,
    deviceId: `${id}-laptop`,
    mfaDeviceId: `${id}-mfa`,
    result: 'success',
  }));
  return { subject, events };
}

/** Subjects generated at a time: generation is timed per chunk, so it can be taken out of the linkage figures. */
const CHUNK = 1024;

/** The population of `n` in chunks, generated afresh (same seed) each time it is read; generation is timed apart into `clock`. */
function* chunks(n, clock) {
  const rnd = mulberry32(20250601);
  for (let from = 0; from < n; from += CHUNK) {
    const t = performance.now();
    const c = process.cpuUsage();
    const chunk = [];
    for (let i = from; i < Math.min(n, from + CHUNK); i++) chunk.push(synthetic(i, n, rnd));
    const used = process.cpuUsage(c);
    clock.generateCpuMs += (used.user + used.system) / 1000;
    clock.generateMs += performance.now() - t;
    clock.peakHeap = Math.max(clock.peakHeap, process.memoryUsage().heapUsed);
    yield chunk;
  }
}

/** What every path reports besides its counts. */
function finish(n, clock, start, cpu) {
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  clock.peakHeap = Math.max(clock.peakHeap, process.memoryUsage().heapUsed);
  return { n, ms, cpuMs: (used.user + used.system) / 1000, generateMs: clock.generateMs, generateCpuMs: clock.generateCpuMs };
}

function memory(clock) {
  globalThis.gc?.();
  return {
    heapMb: Math.round(clock.peakHeap / 1e6),
    retainedMb: Math.round(process.memoryUsage().heapUsed / 1e6),
    rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    load: loadAverage(),
  };
}

/**
 * The summaries path: `summarise` of the linkage indicators for every subject (a view with the
 * subject, its events and a memo: what `summariseLinkage` reads), the summaries sorted by subject
 * id as the engine hands them over, then the six index readers' `combine` with one shared memo.
 * Returns the times of both steps and the size of the summaries.
 */
function runSummaries(n) {
  const clock = { generateMs: 0, generateCpuMs: 0, peakHeap: 0 };
  const context = { options: {}, asOf: AS_OF, asOfMs: Date.parse(AS_OF), watchlists: [], reference: {}, inputs: {} };
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const summaries = [];
  for (const chunk of chunks(n, clock)) {
    for (const { subject, events } of chunk) {
      const memo = new Map();
      const view = { subject, events, memo: (key, build) => (memo.has(key) ? memo.get(key) : (memo.set(key, build()), memo.get(key))) };
      summaries.push({ subjectId: subject.id, summary: sharedContact.summarise(view, context) });
    }
  }
  summaries.sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
  const summarised = finish(n, clock, start, cpu);
  const cpu2 = process.cpuUsage();
  const start2 = performance.now();
  const memo = new Map();
  const combineContext = { ...context, memo: (key, build) => (memo.has(key) ? memo.get(key) : (memo.set(key, build()), memo.get(key))) };
  let prepared;
  for (const indicator of indexReaders) prepared = indicator.combine(summaries, combineContext);
  const combined = finish(n, { generateMs: 0, generateCpuMs: 0, peakHeap: clock.peakHeap }, start2, cpu2);
  clock.peakHeap = Math.max(clock.peakHeap, process.memoryUsage().heapUsed);
  let keyRows = 0;
  // The keys are one JSON text a subject (packed rows), or an array in older builds (--dist=).
  for (const { summary } of summaries) keyRows += (typeof summary.keys === 'string' ? JSON.parse(summary.keys) : summary.keys).length / 7;
  // JSON bytes of the summaries, on every 64th subject (after the timing).
  let sampled = 0;
  let bytes = 0;
  for (let i = 0; i < summaries.length; i += 64) {
    sampled++;
    bytes += Buffer.byteLength(JSON.stringify(summaries[i].summary));
  }
  return {
    path: 'summaries',
    n,
    ms: summarised.ms + combined.ms,
    cpuMs: summarised.cpuMs + combined.cpuMs,
    generateMs: summarised.generateMs,
    generateCpuMs: summarised.generateCpuMs,
    summariseCpuMs: summarised.cpuMs - summarised.generateCpuMs,
    combineCpuMs: combined.cpuMs,
    keys: keyRows,
    summaryBytes: Math.round(bytes / sampled),
    links: prepared.index.stats.links,
    ...memory(clock),
  };
}

/**
 * The scorer path: the whole population generated into memory first (not timed), then one
 * `scoreBatch` of a scorer with only the linkage indicators. Reports the time of `scoreBatch`, the
 * findings, and optionally a digest of the reports.
 */
function runScorer(n) {
  const clock = { generateMs: 0, generateCpuMs: 0, peakHeap: 0 };
  const subjects = [];
  const events = [];
  for (const chunk of chunks(n, clock)) {
    for (const { subject, events: own } of chunk) {
      subjects.push(subject);
      for (const e of own) events.push(e);
    }
  }
  const scorer = createScorer({ indicators: builtinIndicators.filter((i) => i.meta.category === 'linkage') });
  globalThis.gc?.();
  // The population is held before the clock starts: its generation is not linkage work.
  const held = { generateMs: 0, generateCpuMs: 0, peakHeap: process.memoryUsage().heapUsed };
  const sampler = setInterval(() => (held.peakHeap = Math.max(held.peakHeap, process.memoryUsage().heapUsed)), 50);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = scorer.scoreBatch({ subjects, events, asOf: AS_OF });
  const timed = finish(n, held, start, cpu);
  clearInterval(sampler);
  // The parent reads the garbage collections of the child's --trace-gc output between these two instants.
  timed.from = start;
  timed.to = start + timed.ms;
  let findings = 0;
  const hash = digest ? createHash('sha256') : undefined;
  for (const report of result.reports) {
    findings += report.findings?.length ?? 0;
    hash?.update(JSON.stringify(report));
    hash?.update('\n');
  }
  return { path: 'scorer', ...timed, reports: result.reports.length, findings, digest: hash?.digest('hex').slice(0, 16), links: findings, ...memory(held) };
}

/**
 * Extracts and links a population of `n` in the batch's two passes (or `--one-pass`); returns
 * the times in ms (the whole run, and the part spent generating the synthetic subjects, which is
 * not linkage work), the peak heap sampled every chunk, the heap still held after a full GC with
 * the index alive, and counts.
 */
function runBatch(n) {
  let keys = 0;
  let extractMs = 0;
  const clock = { generateMs: 0, generateCpuMs: 0, peakHeap: 0 };
  function* entries() {
    for (const chunk of chunks(n, clock)) {
      for (const { subject, events } of chunk) {
        const t0 = performance.now();
        const k = extractLinkKeys(subject, events);
        extractMs += performance.now() - t0;
        keys += k.length;
        yield { subjectId: subject.id, keys: k };
      }
    }
  }
  // The batch's form: the population read twice (hashes counted, then shared keys kept).
  const population = {
    forEachSubject(visit) {
      for (const chunk of chunks(n, clock)) for (const { subject, events } of chunk) visit(subject, events);
    },
    size: n,
  };
  let work;
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  // The index's windows (the defaults) given to the grouping, as the linkage indicators give them
  // (a build before they were taken ignores them); --plain groups without them.
  const windows = plain ? undefined : {};
  const index = onePass ? buildLinkIndex(entries()) : buildLinkIndexFromGroups(groupPopulationLinkKeys(population, {}, (w) => (work = w), windows));
  const timed = finish(n, clock, start, cpu);
  if (work !== undefined) keys = work.hashedKeys;
  // After the clock: a SHA-256 of the links (in their order, with their members), to compare two builds.
  let linksDigest;
  if (digest) {
    const hash = createHash('sha256');
    for (const link of index.links) hash.update(JSON.stringify(link));
    linksDigest = hash.digest('hex').slice(0, 16);
  }
  return {
    path: 'batch',
    ...timed,
    digest: linksDigest,
    extractMs,
    keys,
    keptKeys: work?.keptKeys,
    keptTexts: work?.table.distinctKeys,
    links: index.stats.links,
    ...memory(clock),
  };
}

/** The 1-minute load average, or undefined where the runtime has none (the machine may be shared: say so with the figures). */
function loadAverage() {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}

// A child process measures one size with a fresh heap, so one size's garbage never slows the next.
if (sizeArg !== undefined) {
  const n = Number(sizeArg.slice(7));
  console.log(JSON.stringify(run(paths[0], n)));
  process.exit(0);
}

function run(path, n) {
  return path === 'summaries' ? runSummaries(n) : path === 'scorer' ? runScorer(n) : runBatch(n);
}

function measure(n, path) {
  if (quick) return run(path, n);
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MB}`,
      '--max-semi-space-size=64',
      '--expose-gc',
      '--trace-gc',
      fileURLToPath(import.meta.url),
      `--size=${n}`,
      `--path=${path}`,
      `--dist=${dist}`,
      ...(onePass ? ['--one-pass'] : []),
      ...(plain ? ['--plain'] : []),
      ...(digest ? ['--digest'] : []),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    throw new Error(`benchmark of ${n} subjects (${path}) failed`);
  }
  const lines = child.stdout.trim().split('\n');
  const result = JSON.parse(lines.filter((l) => l.startsWith('{')).pop());
  return { ...result, ...gcOf(lines, result.from ?? 0, result.to ?? Infinity) };
}

/**
 * Garbage collection in a child's `--trace-gc` lines between two instants (ms since the process
 * started): the pauses summed, and the largest heap any collection found (MB, before it ran;
 * the in-process sampler cannot run while `scoreBatch` holds the thread).
 */
function gcOf(lines, from, to) {
  let gcMs = 0;
  let gcHeapMb = 0;
  for (const line of lines) {
    const m = /\s(\d+) ms: [A-Za-z -]+?(?:\([a-z ]+\) )?([\d.]+) \(([\d.]+)\) -> [\d.]+ \([\d.]+\) MB, ([\d.]+) \/ [\d.]+ ms/.exec(line);
    if (m === null) continue;
    const at = Number(m[1]);
    if (at < from || at > to) continue;
    gcMs += Number(m[4]);
    gcHeapMb = Math.max(gcHeapMb, Number(m[2]));
  }
  return { gcMs, gcHeapMb: Math.round(gcHeapMb) };
}

const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
const sizes = sizesArg !== undefined ? sizesArg.slice(8).split(',').map(Number) : quick ? [2_000, 4_000] : [125_000, 250_000, 500_000, 1_000_000];
console.log(`redflags linkage benchmark (${quick ? 'quick' : 'full'}), node ${process.version}, package ${dist}`);
console.log(
  'Linkage = the whole run minus generating the synthetic subjects (extraction is part of linkage). Peak heap is sampled every 1,024 subjects; RSS is the process peak.',
);
let failed = false;

/** The scorer path's table: `scoreBatch` is the linkage here (no generation inside the clock). */
function scorerTable() {
  console.log('\nscorer path (scoreBatch of a scorer with only the linkage indicators, population held in memory before the clock)');
  console.log(
    'subjects   reports    findings  scoreBatch wall (s)  cpu (s)  GC pauses (s)  GC share of cpu  µs/subject (cpu)  peak heap at a GC (MB)  held after GC (MB)  peak RSS (MB)  load  digest            ratio to previous size (cpu)',
  );
  const results = [];
  for (const n of sizes) {
    const r = measure(n, 'scorer');
    const prev = results[results.length - 1];
    results.push(r);
    const ratio = prev === undefined ? '' : `${(r.cpuMs / prev.cpuMs).toFixed(2)}x for ${(n / prev.n).toFixed(0)}x subjects`;
    console.log(
      [
        String(n).padEnd(10),
        String(r.reports).padEnd(10),
        String(r.findings).padEnd(9),
        (r.ms / 1000).toFixed(2).padEnd(20),
        (r.cpuMs / 1000).toFixed(2).padEnd(8),
        // No --trace-gc in --quick (one process): no GC figures.
        (r.gcMs === undefined ? '-' : (r.gcMs / 1000).toFixed(2)).padEnd(14),
        (r.gcMs === undefined ? '-' : `${((100 * r.gcMs) / r.cpuMs).toFixed(0)}%`).padEnd(16),
        ((r.cpuMs * 1000) / n).toFixed(2).padEnd(17),
        String(Math.max(r.gcHeapMb ?? 0, r.heapMb)).padEnd(23),
        String(r.retainedMb).padEnd(19),
        String(r.rssMb).padEnd(14),
        String(r.load ?? '-').padEnd(5),
        String(r.digest ?? '-').padEnd(17),
        ratio,
      ].join(' '),
    );
    if (r.findings === 0) failed = true;
  }
  const first = results[0];
  const last = results[results.length - 1];
  const slope = (a, b) => (Math.log(b) - Math.log(a)) / Math.log(last.n / first.n);
  console.log(
    `growth exponent of scoreBatch from ${first.n} to ${last.n} subjects: wall ${slope(first.ms, last.ms).toFixed(2)}, cpu ${slope(first.cpuMs, last.cpuMs).toFixed(2)} (1.00 = linear)`,
  );
}

for (const path of paths) {
  const batch = path === 'batch';
  if (path === 'scorer') {
    scorerTable();
    continue;
  }
  console.log(
    batch
      ? `\nbatch path (${onePass ? 'one pass over extractLinkKeys objects' : 'groupPopulationLinkKeys, two passes, texts of shared keys only'}, then buildLinkIndexFromGroups)`
      : '\nsummaries path (summarise every subject, then the combine hooks of the six index readers)',
  );
  console.log(
    batch
      ? 'subjects   keys        kept keys  kept texts  links    linkage wall (s)  linkage cpu (s)  extract (s)  µs/subject (cpu)  peak heap (MB)  held after GC (MB)  peak RSS (MB)  load  links digest      ratio to previous size (cpu)'
      : 'subjects   key rows    summary (B)  links    linkage wall (s)  linkage cpu (s)  summarise cpu (s)  combine cpu (s)  µs/subject (cpu)  peak heap (MB)  held after GC (MB)  peak RSS (MB)  load  ratio to previous size (cpu)',
  );
  const results = [];
  for (const n of sizes) {
    const r = measure(n, path);
    r.linkMs = r.ms - r.generateMs;
    r.linkCpuMs = r.cpuMs - r.generateCpuMs;
    const prev = results[results.length - 1];
    results.push(r);
    const ratio = prev === undefined ? '' : `${(r.linkCpuMs / prev.linkCpuMs).toFixed(2)}x for ${(n / prev.n).toFixed(0)}x subjects`;
    const middle = batch
      ? [String(r.keys).padEnd(11), String(r.keptKeys ?? '-').padEnd(10), String(r.keptTexts ?? '-').padEnd(11)]
      : [String(r.keys).padEnd(11), String(r.summaryBytes).padEnd(12)];
    const times = [(r.linkMs / 1000).toFixed(2).padEnd(17), (r.linkCpuMs / 1000).toFixed(2).padEnd(16)];
    const split = batch
      ? [(onePass ? (r.extractMs / 1000).toFixed(2) : '-').padEnd(12)]
      : [(r.summariseCpuMs / 1000).toFixed(2).padEnd(18), (r.combineCpuMs / 1000).toFixed(2).padEnd(16)];
    console.log(
      [
        String(n).padEnd(10),
        ...middle,
        String(r.links).padEnd(8),
        ...times,
        ...split,
        ((r.linkCpuMs * 1000) / n).toFixed(2).padEnd(17),
        String(r.heapMb).padEnd(15),
        String(r.retainedMb).padEnd(19),
        String(r.rssMb).padEnd(14),
        String(r.load ?? '-').padEnd(5),
        ...(batch ? [String(r.digest ?? '-').padEnd(17)] : []),
        ratio,
      ].join(' '),
    );
  }
  const first = results[0];
  const last = results[results.length - 1];
  const slope = (a, b) => (Math.log(b) - Math.log(a)) / Math.log(last.n / first.n);
  console.log(
    `growth exponent of linkage from ${first.n} to ${last.n} subjects: wall ${slope(first.linkMs, last.linkMs).toFixed(2)}, cpu ${slope(first.linkCpuMs, last.linkCpuMs).toFixed(2)} (1.00 = linear)`,
  );
  if (results.some((r) => r.links === 0)) failed = true;
}
if (failed) {
  console.error('no links found: the synthetic population is broken');
  process.exit(1);
}
