// Scale-out in five steps, each a function and each runnable on its own machine in real use:
//
//   1. emit:   every subject's link keys as rows of a CSV key file (`extractLinkKeys`), and each
//              subject's records into its shard's NDJSON file (shard = a hash of the subject id);
//   2. group:  the key file loaded into DuckDB with the table and query of docs/scale.md, verbatim;
//   3. shards: for each shard, every group that has a member in it, folded into `linkGroups` and
//              written with the shard's records as one input document;
//   4. score:  `redflags score shard-N.json` once per shard, in separate processes (or machines);
//   5. merge:  the shards' sorted NDJSON reports merged into one ranking, as one batch orders it.
//
//   node examples/scale-out/pipeline.mjs --subjects=10000000 --shards=100 --dir=/big/disk/scale-out
//   node examples/scale-out/pipeline.mjs ... --steps=emit,group     # some steps only
//   node examples/scale-out/pipeline.mjs ... --parallel=4           # shards scored at once
//
// Needs the built package (`npm run build`) and `@duckdb/node-api` (a dev dependency here).

import { spawn } from 'node:child_process';
import { closeSync, createReadStream, mkdirSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { subjectAt, subjectId } from './population.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
/** The point in time every shard is scored for: shards must share it. */
export const asOf = '2025-06-01T00:00:00Z';

/** Shard of a subject: FNV-1a of its id, modulo the shard count (any stable hash will do). */
export function shardOf(id, shards) {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/** A line feed, as text and as a byte. */
const NEWLINE = Buffer.from('\n');
const LF = 0x0a;

/**
 * Lines written through a buffer: one `writeSync` per 1 MiB instead of one per line. Lines are
 * strings, or with `{ bytes: true }` Buffers copied as they are (the merge's reports).
 */
class LineFile {
  constructor(path, { bytes = false } = {}) {
    this.fd = openSync(path, 'w');
    this.bytes = bytes;
    this.parts = [];
    this.size = 0;
  }
  write(line) {
    if (this.bytes) this.parts.push(line, NEWLINE);
    else this.parts.push(line);
    this.size += line.length + 1;
    if (this.size >= 1 << 20) this.flush();
  }
  flush() {
    if (this.parts.length > 0) writeSync(this.fd, this.bytes ? Buffer.concat(this.parts) : `${this.parts.join('\n')}\n`);
    this.parts = [];
    this.size = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

/** A CSV field: NULL is an empty unquoted field; text is always quoted, quotes doubled. */
const csv = (v) => (v === undefined || v === null ? '' : `"${String(v).replaceAll('"', '""')}"`);

/**
 * Step 1. The key file (`keys.csv`, the columns of docs/scale.md's `link_keys`), the shard of
 * every subject (`shards.csv`) and each shard's records (`records-N.ndjson`).
 */
export async function emit({ subjects, shards, dir, dist = join(root, 'dist') }) {
  const { extractLinkKeys, parseEvent, parseSubject } = await import(pathToFileURL(join(dist, 'index.js')).href);
  mkdirSync(dir, { recursive: true });
  const keys = new LineFile(join(dir, 'keys.csv'));
  const shardFile = new LineFile(join(dir, 'shards.csv'));
  const records = Array.from({ length: shards }, (_, n) => new LineFile(join(dir, `records-${n}.ndjson`)));
  keys.write('kind,key,subject_id,record_id,field,seen_from,seen_until,signature');
  shardFile.write('subject_id,shard');
  let keyRows = 0;
  for (let i = 0; i < subjects; i++) {
    const { subject, events } = subjectAt(i);
    const shard = shardOf(subject.id, shards);
    shardFile.write(`${csv(subject.id)},${shard}`);
    const out = records[shard];
    out.write(JSON.stringify({ recordType: 'subject', ...subject }));
    for (const e of events) out.write(JSON.stringify({ recordType: 'event', ...e }));
    // What the caller's workers do: keys of the validated records (docs/scale.md, step 1).
    for (const k of extractLinkKeys(
      parseSubject(subject),
      events.map((e) => parseEvent(e)),
    )) {
      keys.write([k.kind, k.key, subject.id, k.recordId, k.field, k.at, k.until, k.signature].map(csv).join(','));
      keyRows++;
    }
  }
  for (const f of [keys, shardFile, ...records]) f.close();
  return { subjects, keyRows };
}

/** The two SQL blocks of docs/scale.md: the table, then the query that keeps shared keys. */
export function documentedSql() {
  const text = readFileSync(join(root, 'docs/scale.md'), 'utf8');
  const blocks = Array.from(text.matchAll(/```sql\n([^`]*)```/g), (m) => m[1].replace(/^ {3}/gm, ''));
  if (blocks.length !== 2) throw new Error(`docs/scale.md has ${blocks.length} SQL blocks, not 2`);
  return { create: blocks[0], select: blocks[1] };
}

/** A member of a group, as `inputs.linkGroups` takes it (the fold of docs/scale.md). */
function memberOf([, , subjectId, recordId, field, seenFrom, seenUntil, signature]) {
  return {
    subjectId,
    recordId,
    field,
    ...(seenFrom != null ? { at: seenFrom } : {}),
    ...(seenUntil != null ? { until: seenUntil } : {}),
    ...(signature != null ? { signature } : {}),
  };
}

/** The records of one shard, read back from its NDJSON file. */
async function shardRecords(dir, shard) {
  const subjects = [];
  const events = [];
  const lines = createInterface({ input: createReadStream(join(dir, `records-${shard}.ndjson`)), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    const { recordType, ...record } = JSON.parse(line);
    (recordType === 'subject' ? subjects : events).push(record);
  }
  return { subjects, events };
}

/** A DuckDB database file, opened for `use` and closed after. */
async function withDatabase(database, use) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(database);
  const connection = await db.connect();
  try {
    return await use(connection);
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

/** A path as an SQL string literal. */
const sqlPath = (path) => `'${path.replaceAll("'", "''")}'`;

/**
 * Step 2. DuckDB loads the key file into the table of docs/scale.md and keeps the shared keys
 * with its query, verbatim, as the table `shared_keys` of the database file (`keys.duckdb`).
 */
export async function group({ dir, database = join(dir, 'keys.duckdb') }) {
  const { create, select } = documentedSql();
  return withDatabase(database, async (connection) => {
    await connection.run(create);
    await connection.run(`COPY link_keys FROM ${sqlPath(join(dir, 'keys.csv'))} (HEADER)`);
    await connection.run(`CREATE TABLE shared_keys AS ${select.trim().replace(/;$/, '')}`);
    const [[keyRows, sharedRows, groups]] = (
      await connection.runAndReadAll(
        'SELECT (SELECT COUNT(*) FROM link_keys), (SELECT COUNT(*) FROM shared_keys), (SELECT COUNT(*) FROM (SELECT DISTINCT kind, key FROM shared_keys))',
      )
    ).getRowsJS();
    return { keyRows: Number(keyRows), sharedRows: Number(sharedRows), groups: Number(groups) };
  });
}

/**
 * Step 3. For each shard, every group that has a member in it (all its members, so links to
 * subjects in other shards keep their evidence), streamed from DuckDB in shard order, folded
 * into `linkGroups` and written with the shard's records as one input document, `shard-N.json`.
 */
export async function writeShards({ shards, dir, database = join(dir, 'keys.duckdb') }) {
  return withDatabase(database, async (connection) => {
    await connection.run('CREATE OR REPLACE TABLE subject_shards (subject_id text NOT NULL, shard integer NOT NULL)');
    await connection.run(`COPY subject_shards FROM ${sqlPath(join(dir, 'shards.csv'))} (HEADER)`);
    const result = await connection.stream(`
      SELECT t.shard, g.kind, g.key, g.subject_id, g.record_id, g.field, g.seen_from, g.seen_until, g.signature
      FROM (SELECT DISTINCT k.kind, k.key, s.shard FROM shared_keys AS k JOIN subject_shards AS s ON s.subject_id = k.subject_id) AS t
      JOIN shared_keys AS g ON g.kind = t.kind AND g.key = t.key
      ORDER BY t.shard, g.kind, g.key`);
    const written = [];
    let current = 0;
    let groups = new Map();
    const finish = async (shard) => {
      const { subjects, events } = await shardRecords(dir, shard);
      const path = join(dir, `shard-${shard}.json`);
      writeFileSync(path, JSON.stringify({ asOf, subjects, events, inputs: { linkGroups: Array.from(groups.values()) } }));
      written.push({ shard, path, subjects: subjects.length, groups: groups.size });
      groups = new Map();
    };
    for await (const rows of result.yieldRowsJs()) {
      for (const row of rows) {
        const shard = Number(row[0]);
        while (current < shard) await finish(current++);
        const [kind, key] = [row[1], row[2]];
        const id = `${kind}\u0000${key}`;
        let g = groups.get(id);
        if (g === undefined) groups.set(id, (g = { kind, key, members: [] }));
        g.members.push(memberOf(row.slice(1)));
      }
    }
    while (current < shards) await finish(current++);
    return written;
  });
}

/** Runs the built CLI on one shard; resolves with its exit code (2 when records were rejected). */
function scoreShard({ cli, shardPath, out, config }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, 'score', shardPath, '--config', config, '--format', 'ndjson', '--compact', '--out', out], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise(code));
  });
}

/** Step 4. Every shard scored by the CLI in its own process, `parallel` at a time. */
export async function score({ shards, dir, parallel = cpus().length, cli = join(root, 'dist/cli.js'), config = join(here, 'config.json') }) {
  const codes = new Array(shards);
  let next = 0;
  const worker = async () => {
    while (next < shards) {
      const shard = next++;
      codes[shard] = await scoreShard({ cli, shardPath: join(dir, `shard-${shard}.json`), out: join(dir, `reports-${shard}.ndjson`), config });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, shards)) }, worker));
  const failed = codes.flatMap((code, shard) => (code === 0 ? [] : [`shard ${shard}: exit ${code}`]));
  if (failed.length > 0) throw new Error(`scoring failed: ${failed.join(', ')}`);
  return codes;
}

/**
 * A file's lines as bytes, read in chunks of 1 MiB: the merge copies each report from its shard's
 * file to the output without decoding it to a string and encoding it again, which was most of its
 * time (a report is about 8 KB). A line is a view of its chunk, valid while the caller holds it.
 */
class ByteLines {
  constructor(path) {
    this.fd = openSync(path, 'r');
    this.chunk = Buffer.alloc(0);
    this.at = 0;
    this.ended = false;
  }
  /** The next line without its line feed, or undefined at the end of the file. */
  next() {
    for (;;) {
      const feed = this.chunk.indexOf(LF, this.at);
      if (feed !== -1) {
        const line = this.chunk.subarray(this.at, feed);
        this.at = feed + 1;
        return line;
      }
      if (this.ended) {
        if (this.at === this.chunk.length) return undefined;
        const last = this.chunk.subarray(this.at);
        this.at = this.chunk.length;
        return last;
      }
      const rest = this.chunk.subarray(this.at);
      // A new buffer each time: the lines already handed out keep viewing the old one.
      const fresh = Buffer.allocUnsafe(Math.max(1 << 20, 2 * rest.length));
      rest.copy(fresh, 0);
      const read = readSync(this.fd, fresh, rest.length, fresh.length - rest.length, null);
      if (read === 0) {
        this.ended = true;
        closeSync(this.fd);
      }
      this.chunk = fresh.subarray(0, rest.length + read);
      this.at = 0;
    }
  }
}

/** The text before a report's `priorLogOdds` key: the order keys are all in it. */
const ORDER_KEYS_END = Buffer.from(',"priorLogOdds":');

/**
 * A report line's order keys, parsed from its head only: a report opens with `recordType`,
 * `subjectId`, `score`, `band` and `logOdds`, then `priorLogOdds`. Inside a JSON string every
 * `"` is escaped, so the first `,"priorLogOdds":` is the key itself, and the text before it plus
 * `}` is a small JSON object.
 */
export function orderKeys(line) {
  const end = line.indexOf(ORDER_KEYS_END);
  const head = end === -1 ? undefined : JSON.parse(`${line.toString('utf8', 0, end)}}`);
  if (typeof head?.subjectId !== 'string' || typeof head.score !== 'number' || typeof head.logOdds !== 'number') {
    throw new Error(`a report line does not open with its order keys: ${line.toString('utf8', 0, 80)}`);
  }
  return { score: head.score, logOdds: head.logOdds, subjectId: head.subjectId };
}

/** The head lines of a shard's output: its summary and catalogue, and a reader of its reports. */
function openRun(path) {
  const lines = new ByteLines(path);
  const summary = JSON.parse(lines.next()?.toString() ?? 'null');
  const catalogue = lines.next();
  if (summary === null || catalogue === undefined) throw new Error(`${path}: no summary and catalogue lines`);
  return { summary, catalogue, lines };
}

/**
 * Step 5. The shards' reports, each file already in ranking order, merged with a heap of one
 * head per shard (O(n log shards)), into `reports.ndjson`: one summary line, one catalogue line
 * (the same config in every shard, checked), then every report, copied as bytes.
 */
export async function merge({ shards, dir, dist = join(root, 'dist') }) {
  // The order of one batch's reports (score, then log-odds, highest first, then subject id), from the library.
  const { compareReports } = await import(pathToFileURL(join(dist, 'index.js')).href);
  const before = (a, b) => compareReports(a, b) < 0;
  const runs = [];
  for (let n = 0; n < shards; n++) runs.push(openRun(join(dir, `reports-${n}.ndjson`)));
  if (runs.some((r) => !r.catalogue.equals(runs[0].catalogue))) throw new Error('the shards were scored with different configs');
  const out = new LineFile(join(dir, 'reports.ndjson'), { bytes: true });
  const reports = runs.reduce((sum, r) => sum + r.summary.reports, 0);
  const rejected = runs.reduce((sum, r) => sum + r.summary.rejected, 0);
  out.write(Buffer.from(JSON.stringify({ ...runs[0].summary, reports, rejected })));
  out.write(runs[0].catalogue);
  const heap = [];
  const push = (item) => {
    heap.push(item);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i].key, heap[parent].key)) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < heap.length && before(heap[l].key, heap[best].key)) best = l;
        if (r < heap.length && before(heap[r].key, heap[best].key)) best = r;
        if (best === i) break;
        [heap[i], heap[best]] = [heap[best], heap[i]];
        i = best;
      }
    }
    return top;
  };
  const advance = (run) => {
    const line = run.lines.next();
    if (line === undefined || line.length === 0) return;
    push({ key: orderKeys(line), line, run });
  };
  for (const run of runs) advance(run);
  let merged = 0;
  while (heap.length > 0) {
    const { line, run } = pop();
    out.write(line);
    merged++;
    advance(run);
  }
  out.close();
  return { reports: merged, rejected };
}

/** `--name=value` arguments. */
function argument(name, fallback) {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found === undefined ? fallback : found.slice(name.length + 3);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const subjects = Number(argument('subjects', '100000'));
  const shards = Number(argument('shards', '8'));
  const dir = resolve(argument('dir', join(root, '.tmp/scale-out')));
  const parallel = Number(argument('parallel', String(cpus().length)));
  const step = async (name, run) => {
    const start = process.hrtime.bigint();
    const result = await run();
    console.log(`${name}: ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s`, JSON.stringify(result).slice(0, 200));
  };
  const steps = new Set(argument('steps', 'emit,group,shards,score,merge').split(','));
  if (steps.has('emit')) await step('emit', () => emit({ subjects, shards, dir }));
  if (steps.has('group')) await step('group', () => group({ dir }));
  if (steps.has('shards')) await step('shards', async () => (await writeShards({ shards, dir })).length);
  if (steps.has('score')) await step('score', async () => (await score({ shards, dir, parallel })).length);
  if (steps.has('merge')) await step('merge', () => merge({ shards, dir }));
  console.log(`${join(dir, 'reports.ndjson')}: the ranking of ${subjectId(0)} to ${subjectId(subjects - 1)}`);
}
