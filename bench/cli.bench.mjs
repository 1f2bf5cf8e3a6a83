// The CLI end to end, against the built package (dist/cli.js): the benchmark population written as
// NDJSON (bench/generate-ndjson.mjs), then `redflags score <input> --format ndjson --out <file>`
// in a child process with 1, 2 and 4 worker threads. Per run: wall time, the child's CPU time
// (user + system) and peak RSS, and whether its output is byte-identical to the one-worker run's.
// Peak RSS and CPU come from `/usr/bin/time -v` where it exists, else from the child's own
// `process.resourceUsage()` at exit (a small module loaded with `--import`, written to the
// temporary directory). The main thread's own CPU (where the partitioned mode merges the threads'
// sorted runs and writes the output) is read from /proc/thread-self/stat at exit by a module loaded
// with `--import`, on Linux. Inputs and outputs live in a temporary directory removed at the end.
//
//   npm run build && node bench/cli.bench.mjs            # 5,000 subjects x 200 events (242 MB)
//   node bench/cli.bench.mjs --subjects=10000 --events=200
//   node bench/cli.bench.mjs --partitions=3              # the partitioned mode (default from 256 MB of NDJSON;
//                                                        # under that, --workers 2 or more scores in one thread)
//   node bench/cli.bench.mjs --partitions=per-thread     # 1 worker in memory; 2 and 4 with --partitions 2 and 4:
//                                                        # a partition per thread, held in memory by its thread
//   node bench/cli.bench.mjs --rss-from=wrapper          # skip /usr/bin/time
//   node bench/cli.bench.mjs --tmp-dir=/big/disk         # where the input and outputs go
//   node bench/cli.bench.mjs --workers=2                 # only these worker counts (comma-separated; default 1,2,4)
//   node bench/cli.bench.mjs --cli=/other/dist/cli.js    # another build, e.g. to compare before and after a change
//   node bench/cli.bench.mjs --input=pop.ndjson --digest # an input already generated (its --subjects must match); print the output's sha256
//   node bench/cli.bench.mjs --quick                     # tiny input, for CI; times mean nothing
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { populationAsOf } from './population.mjs';

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes('--quick');
const json = args.includes('--json');
const subjects = Number(option('subjects') ?? (quick ? 30 : 5_000));
const perSubject = Number(option('events') ?? (quick ? 20 : 200));
const partitions = option('partitions');
const useTime = option('rss-from') !== 'wrapper' && existsSync('/usr/bin/time');
const cli = resolve(option('cli') ?? resolve(import.meta.dirname, '../dist/cli.js'));
const workerCounts = (option('workers') ?? '1,2,4').split(',').map(Number);
const generator = resolve(import.meta.dirname, 'generate-ndjson.mjs');

const round = (x, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const MiB = 1024 * 1024;

// Loaded into every child with --import: the main thread's CPU at exit, in seconds, from
// /proc/thread-self/stat (utime and stime, fields 14 and 15, in clock ticks of 1/100 s); absent
// where /proc is not.
const MAIN_THREAD_HOOK = `import { isMainThread } from 'node:worker_threads';
import { readFileSync, writeFileSync } from 'node:fs';
if (isMainThread) process.on('exit', () => {
  let cpuS = null;
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    cpuS = (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {}
  writeFileSync(process.env.REDFLAGS_BENCH_MAIN_THREAD, JSON.stringify({ cpuS }));
});
`;

// Loaded into the child with --import when /usr/bin/time is absent: its usage at exit, main thread only
// (worker threads load it too; their CPU and RSS are the process's, which the main thread reports last).
const USAGE_HOOK = `import { isMainThread } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
if (isMainThread) process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.REDFLAGS_BENCH_USAGE, JSON.stringify({ maxRssKiB: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime }));
});
`;

/** `/usr/bin/time -v`'s figures: peak RSS in KiB, user and system CPU in seconds. */
function parseTimeV(stderr) {
  const number = (label) => {
    const line = stderr.split('\n').find((l) => l.trim().startsWith(label));
    if (line === undefined) throw new Error(`/usr/bin/time -v printed no "${label}"`);
    return Number(line.slice(line.lastIndexOf(':') + 1));
  };
  return { maxRssKiB: number('Maximum resident set size (kbytes)'), userS: number('User time (seconds)'), systemS: number('System time (seconds)') };
}

/** One `redflags score` run in a child process: its wall time, CPU, peak RSS and output digest. */
function scoreRun(dir, input, workers) {
  const out = join(dir, `out-workers-${workers}.ndjson`);
  const usageFile = join(dir, `usage-${workers}.json`);
  const hook = join(dir, 'usage-hook.mjs');
  const mainThreadFile = join(dir, `main-thread-${workers}.json`);
  const mainThreadHook = ['--import', pathToFileURL(join(dir, 'main-thread-hook.mjs')).href];
  const cliArgs = [cli, 'score', input, '--as-of', populationAsOf, '--format', 'ndjson', '--out', out, '--workers', String(workers)];
  const perThread = partitions === 'per-thread';
  if (partitions !== undefined && !(perThread && workers === 1)) cliArgs.push('--partitions', perThread ? String(workers) : partitions, '--temp-dir', dir);
  const loadAtStart = load();
  const start = performance.now();
  const child = useTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...mainThreadHook, ...cliArgs], {
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, REDFLAGS_BENCH_MAIN_THREAD: mainThreadFile },
      })
    : spawnSync(process.execPath, [...mainThreadHook, '--import', pathToFileURL(hook).href, ...cliArgs], {
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, REDFLAGS_BENCH_USAGE: usageFile, REDFLAGS_BENCH_MAIN_THREAD: mainThreadFile },
      });
  const wallS = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`redflags score --workers ${workers} exited ${child.status}:\n${child.stderr}`);
  let usage;
  if (useTime) usage = parseTimeV(child.stderr);
  else {
    const u = JSON.parse(readFileSync(usageFile, 'utf8'));
    usage = { maxRssKiB: u.maxRssKiB, userS: u.userUs / 1e6, systemS: u.systemUs / 1e6 };
  }
  const mainThreadS = JSON.parse(readFileSync(mainThreadFile, 'utf8')).cpuS;
  const bytes = readFileSync(out);
  const summary = JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString('utf8'));
  const digest = createHash('sha256').update(bytes).digest('hex');
  rmSync(out);
  // A small NDJSON file is scored in one thread whatever --workers says, which the command says on stderr.
  const oneThread = child.stderr.includes('scoring in one thread');
  return { wallS, usage, mainThreadS, summary, digest, outBytes: bytes.length, loadAtStart, oneThread };
}

const dir = mkdtempSync(join(option('tmp-dir') ?? tmpdir(), 'redflags-cli-bench-'));
try {
  writeFileSync(join(dir, 'usage-hook.mjs'), USAGE_HOOK);
  writeFileSync(join(dir, 'main-thread-hook.mjs'), MAIN_THREAD_HOOK);
  const given = option('input');
  const input = given !== undefined ? resolve(given) : join(dir, 'population.ndjson');
  if (given === undefined)
    execFileSync(process.execPath, [generator, '--subjects', String(subjects), '--events', String(perSubject), '--out', input], { stdio: 'inherit' });
  const inputBytes = statSync(input).size;
  const events = subjects * perSubject;
  const rows = [];
  let first;
  for (const workers of workerCounts) {
    const run = scoreRun(dir, input, workers);
    first ??= run;
    if (run.summary.reports !== subjects) throw new Error(`--workers ${workers} wrote ${run.summary.reports} reports for ${subjects} subjects`);
    const cpuS = run.usage.userS + run.usage.systemS;
    rows.push({
      workers,
      'threads used': run.oneThread ? 1 : workers,
      'wall s': round(run.wallS, 1),
      'user s': round(run.usage.userS, 1),
      'system s': round(run.usage.systemS, 1),
      'main thread CPU s': run.mainThreadS === null ? '-' : round(run.mainThreadS, 2),
      'events/s (cpu)': round(events / cpuS),
      'peak RSS MiB': round(run.usage.maxRssKiB / 1024),
      reports: run.summary.reports,
      rejected: run.summary.rejected,
      'output MB': round(run.outBytes / 1e6, 1),
      'same bytes as 1 worker': run.digest === first.digest,
      'load start / end': `${run.loadAtStart} / ${load()}`,
    });
  }
  console.log(
    `\nredflags score, ${subjects} subjects x ${perSubject} events (${round(inputBytes / MiB, 1)} MiB of NDJSON), ` +
      `--format ndjson --out, ${partitions === 'per-thread' ? '1 worker in memory, --partitions = workers from 2' : partitions !== undefined ? `--partitions ${partitions}` : 'default mode'}; ` +
      `CPU and peak RSS from ${useTime ? '/usr/bin/time -v' : "the child's process.resourceUsage()"}`,
  );
  if (json) console.log(JSON.stringify(rows));
  else console.table(rows);
  if (rows.some((r) => !r['same bytes as 1 worker'])) throw new Error('the outputs differ between worker counts');
  if (args.includes('--digest')) console.log(`output sha256 (first run): ${first.digest}`);
  if (quick) console.log('quick run: sizes are tiny, times mean nothing; this only checks the script works');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
