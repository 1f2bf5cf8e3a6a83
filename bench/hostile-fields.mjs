// Times the CLI on one demo subject whose one field is 50,000 hostile characters, against the same
// document without it (docs/reliability.md, "Regular expressions, long strings and injection").
// Not part of `npm run bench` or CI: run it by hand after `npm run build`, e.g.
//   node bench/hostile-fields.mjs            every case
//   node bench/hostile-fields.mjs phone      one case
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist/cli.js');
if (!existsSync(cli)) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(2);
}
const N = 50_000;
const demo = JSON.parse(readFileSync(join(root, 'examples/demo/population.json'), 'utf8'));
const subject = demo.subjects[0];
const base = () => ({
  asOf: demo.asOf,
  subjects: [structuredClone(subject)],
  events: demo.events.filter((e) => e.subjectId === subject.id).map((e) => structuredClone(e)),
  watchlists: structuredClone(demo.watchlists),
  reference: structuredClone(demo.reference),
});
const cases = {
  baseline: (d) => d,
  phone: (d) => {
    d.subjects[0].contacts.phones[0].number = `1${' '.repeat(N)}1`;
  },
  'email-vs-domain-watchlist': (d) => {
    d.subjects[0].contacts.emails[0].address = `a@${'/'.repeat(N)}\nx`;
    d.watchlists.push({ name: 'seized', kind: 'seized-domains', entries: [{ id: 'd1', type: 'domain', value: 'front.example' }] });
  },
  'employment-domain': (d) => {
    d.subjects[0].employment[0].domain = `${'/'.repeat(N)}\nx`;
  },
  'employment-domain-labels': (d) => {
    d.subjects[0].employment[0].domain = `${'a.'.repeat(N / 2)}com`;
  },
  'session-ip': (d) => {
    d.events.find((e) => e.type === 'session').ip = `${'%'.repeat(N)}\nx`;
  },
  'skills-name': (d) => {
    d.subjects[0].skills = [{ name: `a${' '.repeat(N)}x`, since: '2015' }];
  },
  'names-jaro-winkler': (d) => {
    d.subjects[0].identity.names[0].value = 'x'.repeat(N);
    d.subjects[0].documents[0].holderName = 'y'.repeat(N);
  },
  'names-many-tokens': (d) => {
    d.subjects[0].identity.names[0].value = 'xa '.repeat(N / 3);
    d.subjects[0].documents[0].holderName = 'yb '.repeat(N / 3);
  },
};
const only = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'redflags-hostile-'));
try {
  for (const [name, change] of Object.entries(cases)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const doc = base();
    change(doc);
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(doc));
    const start = performance.now();
    let exit = 0;
    try {
      execFileSync(process.execPath, [cli, 'score', file, '--format', 'json', '--out', join(dir, `${name}.out.json`)], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      exit = error.status ?? 2;
    }
    console.log(`${name.padEnd(28)} ${((performance.now() - start) / 1000).toFixed(1).padStart(6)} s  exit ${exit}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
