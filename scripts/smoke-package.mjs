// Packs the package, installs the tarball into a throw-away ESM consumer and a CJS consumer,
// scores the same subject from both, and checks that the two reports are byte-identical.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'redflags-smoke-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

try {
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
  const tarball = join(work, packed[0].filename);
  const input = readFileSync(join(root, 'test/fixtures/smoke-input.json'), 'utf8');
  const body = (load) => `${load}
const input = ${input};
const scorer = createScorer();
const report = scorer.score(input.subject, { asOf: input.asOf, events: input.events });
if (typeof IndicatorTester !== 'function') throw new Error('redflags/testing did not load');
if (typeof kit.localHourIn !== 'function' || kit.compareText('a', 'b') !== -1) throw new Error('redflags/kit did not load');
// The bare engine runs exactly the indicators it is given: none here, so no reasons.
const bare = core.createScorer({ indicators: [] }).score(input.subject, { asOf: input.asOf, events: input.events });
if (bare.reasons.length !== 0 || bare.indicators.length !== 0) throw new Error('redflags/core scored with indicators it was not given');
process.stdout.write(JSON.stringify(report));
`;
  const consumers = {
    esm: {
      type: 'module',
      file: 'score.mjs',
      code: body(
        "import { createScorer } from 'redflags';\nimport { IndicatorTester } from 'redflags/testing';\nimport * as core from 'redflags/core';\nimport * as kit from 'redflags/kit';",
      ),
    },
    cjs: {
      type: 'commonjs',
      file: 'score.cjs',
      code: body(
        "const { createScorer } = require('redflags');\nconst { IndicatorTester } = require('redflags/testing');\nconst core = require('redflags/core');\nconst kit = require('redflags/kit');",
      ),
    },
  };
  const outputs = {};
  for (const [name, c] of Object.entries(consumers)) {
    const dir = join(work, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `smoke-${name}`, private: true, type: c.type }));
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], dir);
    writeFileSync(join(dir, c.file), c.code);
    outputs[name] = run(process.execPath, [c.file], dir);
  }
  // The bin must work from an installed package too, not only from the checkout.
  const esmDir = join(work, 'esm');
  const binVersion = run('npx', ['--no-install', 'redflags', '--version'], esmDir).trim();
  const catalogue = JSON.parse(run('npx', ['--no-install', 'redflags', 'indicators', '--json'], esmDir));
  if (binVersion !== packed[0].version || !Array.isArray(catalogue) || catalogue.length === 0) {
    console.error(`the installed redflags command misbehaves: --version gave "${binVersion}", indicators gave ${JSON.stringify(catalogue).slice(0, 100)}`);
    process.exit(1);
  }
  const report = JSON.parse(outputs.esm);
  if (outputs.esm !== outputs.cjs) {
    console.error('ESM and CJS consumers produced different reports');
    process.exit(1);
  }
  if (report.subjectId !== 'smoke-1' || report.reasons.length === 0) {
    console.error('the smoke report is not what the fixture should produce:', outputs.esm.slice(0, 300));
    process.exit(1);
  }
  console.log(
    `package smoke test: ESM and CJS reports are byte-identical (${outputs.esm.length} bytes, score ${report.score}, ${report.reasons.length} reasons); the installed bin reports ${binVersion} and ${catalogue.length} indicators`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
