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
  util: 'foundation',
  data: 'foundation',
  'version.ts': 'foundation',
  'docsLink.ts': 'foundation',
  records: 'records',
  contract: 'contract',
  engine: 'engine',
  'core.ts': 'engine',
  indicators: 'catalogue',
  linking: 'catalogue',
  watchlist: 'catalogue',
  'defaults.ts': 'catalogue',
  kit: 'catalogue',
  render: 'report',
  decisions: 'report',
  privacy: 'report',
  testing: 'report',
  connectors: 'report',
  'index.ts': 'report',
  cli: 'cli',
};

/**
 * Single files filed outside their folder's layer. Empty: every module sits in the folder of its
 * layer. Kept so a future exception is written down here rather than hidden.
 */
const layerOfFile: Readonly<Record<string, Layer>> = {};

/**
 * Upward imports that exist today, each a value-level helper or schema filed in the wrong folder;
 * they go when the files move. The test fails when one disappears, so the list stays true.
 */
const knownUpward: readonly string[] = [];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
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
  if (layer === undefined) throw new Error(`${rel} is in no layer: add its folder to layerOfTop in test/render/layering.test.ts and to docs/architecture.md`);
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
    // No indicator, group, table or kit helper: partial dates, which the engine's asOf cut reads,
    // are part of the record model (records/partialDates.ts).
    expect(catalogue.sort()).toEqual([]);
  });

  it('sees an upward import when there is one (the checks above can fail)', () => {
    expect(relativeSpecifiers(`import { builtinIndicators } from '../indicators/index';\nexport type { X } from "./x";`)).toEqual([
      '../indicators/index',
      './x',
    ]);
    expect(layers.indexOf(layerOf(join(src, 'indicators/index.ts')))).toBeGreaterThan(layers.indexOf(layerOf(join(src, 'engine/createScorer.ts'))));
    expect(layerOf(join(src, 'util/freeze.ts'))).toBe('foundation');
  });
});
