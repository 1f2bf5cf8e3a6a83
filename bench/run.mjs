// Runs every benchmark script in bench/ against the built package (dist/). `--quick` runs each on a
// tiny input so CI keeps the scripts working without timing anything; `--json` asks for JSON rows.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

const here = import.meta.dirname;
if (!existsSync(resolve(here, '../dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(2);
}
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
console.log(`node ${process.version} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), ${process.platform}-${process.arch}`);
for (const script of scripts) {
  console.log(`\n## ${script}`);
  execFileSync(process.execPath, ['--expose-gc', join(here, script), ...args.filter((a) => a.startsWith('--'))], { stdio: 'inherit' });
}
