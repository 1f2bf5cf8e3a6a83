import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The layers of src/, lowest first: a module may import its own layer and the layers below it,
// never one above. docs/architecture.md explains each layer.
const layers = ['foundation', 'records', 'contract', 'engine', 'catalogue', 'report', 'cli'] as const;
type Layer = (typeof layers)[number];

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/** The layer of each top-level folder or file of src/. */
const layerOfTop: Readonly<Record<string, Layer>> = {
  errors: 'foundation',
  text: 'foundation',
  data: 'foundation',
  'version.ts': 'foundation',
  'docsLink.ts': 'foundation',
  records: 'records',
  indicator: 'contract',
  engine: 'engine',
  'core.ts': 'engine',
  indicators: 'catalogue',
  linkage: 'catalogue',
  watchlist: 'catalogue',
  'defaults.ts': 'catalogue',
  kit: 'catalogue',
  report: 'report',
  decisions: 'report',
  privacy: 'report',
  testing: 'report',
  connectors: 'report',
  'index.ts': 'report',
  cli: 'cli',
};

/** Leaf modules that import nothing, filed in a higher folder but used from lower layers. */
const layerOfFile: Readonly<Record<string, Layer>> = {
  'engine/freeze.ts': 'foundation',
  'engine/hash.ts': 'foundation',
  'privacy/sha256.ts': 'foundation',
  // Applied by the engine between the indicators and the explanation: engine steps filed with the decision tools.
  'decisions/suppressions.ts': 'engine',
  'decisions/decay.ts': 'engine',
};

/**
 * Upward imports that exist today, each a value-level helper or schema filed in the wrong folder;
 * they go when the files move. The test fails when one disappears, so the list stays true.
 */
const knownUpward: readonly string[] = [
  'records/common.ts -> linkage/ip.ts',
  'records/input.ts -> linkage/input.ts',
  'engine/asOfCut.ts -> kit/dates.ts',
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Relative module specifiers of a file's static imports and re-exports (type-only ones included: they still couple the layers). */
function relativeSpecifiers(text: string): string[] {
  return [...text.matchAll(/\bfrom\s*(['"])(\.{1,2}\/[^'"]+)\1/g)].map((m) => m[2] as string);
}

function resolveModule(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  return undefined;
}

function layerOf(file: string): Layer {
  const rel = relative(src, file).split('\\').join('/');
  const fixed = layerOfFile[rel];
  if (fixed !== undefined) return fixed;
  const layer = layerOfTop[rel.split('/')[0] as string];
  if (layer === undefined) throw new Error(`${rel} is in no layer: add its folder to layerOfTop in test/report/layering.test.ts and to docs/architecture.md`);
  return layer;
}

/** Every import of a module from a higher layer, as `importer -> imported`. */
function upwardImports(): string[] {
  const out: string[] = [];
  for (const file of files(src)) {
    for (const spec of relativeSpecifiers(readFileSync(file, 'utf8'))) {
      const target = resolveModule(file, spec);
      if (target === undefined) continue;
      if (layers.indexOf(layerOf(target)) > layers.indexOf(layerOf(file))) out.push(`${relative(src, file)} -> ${relative(src, target)}`);
    }
  }
  return out.sort();
}

/** Every module `entry` reaches through its relative imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    for (const spec of relativeSpecifiers(readFileSync(file, 'utf8'))) {
      const target = resolveModule(file, spec);
      if (target !== undefined && !seen.has(target)) {
        seen.add(target);
        pending.push(target);
      }
    }
  }
  return seen;
}

describe('the layers of src/', () => {
  it('puts every module in a layer', () => {
    for (const file of files(src)) expect(layers).toContain(layerOf(file));
  });

  it('never imports a higher layer, except the listed upward imports', () => {
    expect(upwardImports()).toEqual([...knownUpward].sort());
  });

  it('keeps the catalogue out of redflags/core', () => {
    const catalogue = [...reachable(join(src, 'core.ts'))].map((f) => relative(src, f)).filter((f) => f.startsWith('indicators/') || f.startsWith('kit/'));
    // Two leaf kit helpers, reached through the upward imports listed above (partial dates; name
    // folding through the link allow-list schema); no indicator, group or table.
    expect(catalogue.sort()).toEqual(['kit/dates.ts', 'kit/names.ts']);
  });

  it('sees an upward import when there is one (the checks above can fail)', () => {
    expect(relativeSpecifiers(`import { builtinIndicators } from '../indicators/index';\nexport type { X } from "./x";`)).toEqual(['../indicators/index', './x']);
    expect(layers.indexOf(layerOf(join(src, 'indicators/index.ts')))).toBeGreaterThan(layers.indexOf(layerOf(join(src, 'engine/createScorer.ts'))));
    expect(layerOf(join(src, 'engine/freeze.ts'))).toBe('foundation');
  });
});
