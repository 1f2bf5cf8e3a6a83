// Import benchmark: writes a large GitHub audit-log export (NDJSON, the streaming/export shape) to a
// temporary file, then imports it the way `redflags import` does (file read in chunks, rows split,
// mapped, validated, de-duplicated, NDJSON written to a sink) and reports throughput (rows/s,
// MB/s) and memory: resident set size sampled as the import goes, and the process's peak RSS.
// Flat memory shows as RSS that stops growing after the first samples whatever the file size.
//
//   npm run build && node bench/import.bench.mjs                 # 1 GB (a few minutes)
//   node bench/import.bench.mjs --bytes=200000000                # another size, in bytes
//   node bench/import.bench.mjs --quick                          # 2 MB, for CI
//   node bench/import.bench.mjs --no-approvals                   # merges written at once (import --no-approvals)
//
// The rows are synthetic and seeded (mulberry32): 90% clones and fetches from a pool of 2,000
// actors and 500 repositories, the rest merges, policy overrides, visibility and member changes,
// and one row in a thousand repeats an earlier one (at-least-once delivery).
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubAuditConnector, createImporter, createJsonRowSplitter, githubAuditConnector } from '../dist/connectors.js';
import { mulberry32 } from './prng.mjs';

const quick = process.argv.includes('--quick');
// The default connector holds merges until the end for their reviews' approvals; --no-approvals streams them.
const connector = process.argv.includes('--no-approvals') ? createGitHubAuditConnector({ approvals: false }) : githubAuditConnector;
const bytesArg = process.argv.find((a) => a.startsWith('--bytes='));
const target = bytesArg !== undefined ? Number(bytesArg.slice('--bytes='.length)) : quick ? 2_000_000 : 1_000_000_000;
const T0 = Date.parse('2025-01-06T08:00:00Z');
const MB = 1_000_000;

function row(i, rnd) {
  const actor = `dev-${Math.floor(rnd() * 2000)}`;
  const repo = `acme/repo-${Math.floor(rnd() * 500)}`;
  const at = T0 + i * 1000;
  const pick = rnd();
  const common = {
    '@timestamp': at,
    created_at: at,
    _document_id: `doc-${i}`,
    actor,
    actor_id: 1000 + (i % 2000),
    org: 'acme',
    org_id: 7,
    business: 'acme-corp',
    operation_type: 'access',
  };
  if (pick < 0.6)
    return {
      ...common,
      action: 'git.clone',
      repo,
      repository: repo,
      actor_ip: `198.51.${i % 250}.${(i >> 8) % 250}`,
      actor_location: { country_code: 'US' },
      transport_protocol_name: 'ssh',
      transport_protocol: 2,
      repository_public: false,
      programmatic_access_type: 'SSH key',
    };
  if (pick < 0.9)
    return {
      ...common,
      action: 'git.fetch',
      repo,
      repository: repo,
      actor_location: { country_code: 'DE' },
      transport_protocol_name: 'http',
      hashed_token: 'c2VjcmV0LWhhc2g=',
    };
  if (pick < 0.95)
    return {
      ...common,
      action: 'pull_request.merge',
      repo,
      pull_request_id: 500000 + i,
      pull_request_url: `https://github.com/${repo}/pull/${i % 5000}`,
      pull_request_title: 'Refactor the settlement job',
      user: actor,
    };
  if (pick < 0.97) return { ...common, action: 'protected_branch.policy_override', repo, branch: 'main' };
  if (pick < 0.98) return { ...common, action: 'repo.access', repo, visibility: rnd() < 0.5 ? 'public' : 'private', previous_visibility: 'private' };
  if (pick < 0.99) return { ...common, action: 'org.update_member', user: `dev-${Math.floor(rnd() * 2000)}`, permission: 'admin', old_permission: 'read' };
  return { ...common, action: 'issue.create', repo };
}

async function generate(path) {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const rnd = mulberry32(20260101);
  let written = 0;
  let rows = 0;
  let buffer = '';
  let last = '';
  while (written < target) {
    // One row in a thousand is delivered twice.
    const line = rows % 1000 === 999 && last !== '' ? last : `${JSON.stringify(row(rows, rnd))}\n`;
    last = line;
    buffer += line;
    written += Buffer.byteLength(line);
    rows++;
    if (buffer.length >= 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return rows;
}

/** Writes NDJSON lines to a file in blocks, as `redflags import --out` does. */
function sink(path) {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let buffer = '';
  return {
    async line(text) {
      buffer += `${text}\n`;
      if (buffer.length >= 64 * 1024) {
        const block = buffer;
        buffer = '';
        if (!out.write(block)) await once(out, 'drain');
      }
    },
    async close() {
      out.end(buffer);
      await once(out, 'finish');
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'redflags-import-bench-'));
try {
  const input = join(dir, 'github-audit.ndjson');
  const generated = await generate(input);
  const size = statSync(input).size;
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const importer = createImporter(connector);
  const splitter = createJsonRowSplitter(connector.wrappers ?? []);
  const out = sink(join(dir, 'records.ndjson'));
  const samples = [];
  let readBytes = 0;
  let nextSample = size / 10;
  const started = performance.now();
  for await (const chunk of createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    readBytes += Buffer.byteLength(chunk);
    for (const r of splitter.write(chunk)) for (const record of importer.push(r)) await out.line(JSON.stringify(record));
    if (readBytes >= nextSample) {
      samples.push({ at: readBytes, rss: process.memoryUsage().rss });
      nextSample += size / 10;
    }
  }
  for (const r of splitter.end()) for (const record of importer.push(r)) await out.line(JSON.stringify(record));
  for (const record of importer.finishEach()) await out.line(JSON.stringify(record));
  await out.close();
  const seconds = (performance.now() - started) / 1000;
  const report = importer.report();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const mb = (n) => (n / MB).toFixed(1);
  console.log(
    `input: ${mb(size)} MB, ${generated.toLocaleString('en-US')} rows (generated to a temporary file), merges ${connector === githubAuditConnector ? 'held for their approvals' : 'written at once (--no-approvals)'}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `rows: ${report.rows.read} read, ${report.rows.mapped} mapped, ${report.rows.skipped} skipped; records written ${report.records.written}; duplicates ${report.records.duplicates.identical}`,
  );
  console.log(`| MB | rows | seconds | rows/s | MB/s | RSS before MB | RSS at 10% / 50% / 100% MB | peak RSS MB |`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- | --- |`);
  const at = (f) => mb(samples[Math.min(samples.length - 1, Math.max(0, Math.round(f * samples.length) - 1))]?.rss ?? 0);
  console.log(
    `| ${mb(size)} | ${report.rows.read} | ${seconds.toFixed(1)} | ${Math.round(report.rows.read / seconds)} | ${(size / MB / seconds).toFixed(1)} | ${mb(rssBefore)} | ${at(0.1)} / ${at(0.5)} / ${at(1)} | ${mb(peakRss)} |`,
  );
  if (report.rows.read !== generated) throw new Error(`read ${report.rows.read} rows of ${generated}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
