import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Built-in indicators are written with exactly what a custom indicator's author has: the public
// kit (`redflags/kit`), the indicator contract, the record schemas and types, and zod. Anything
// else (engine internals, a data table, a kit module behind the entry) would make a built-in
// privileged, so this test fails on it. Catalogue files may import each other.

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const catalogue = join(src, 'indicators');

/** Where an indicator may import from, as paths relative to src/ (a folder ends in `/`). */
const allowedTargets: readonly string[] = [
  'kit/index.ts', // redflags/kit
  'contract/', // the contract: defineIndicator and its types
  'records/', // record schemas and types
  'core.ts', // redflags/core, for the types of the catalogue's own settings (groups)
  'indicators/', // the catalogue itself
];
const allowedPackages: readonly string[] = ['zod'];

/**
 * Imports of engine-side population linkage by the linkage indicators, which no public entry
 * offers yet (the link index, its key kinds, its batch inputs, the union-find, the sharded map and
 * hash table of the approvals, and the engine's marker of a batch scored whole, with which the
 * linkage indicators build from the views instead of per-subject summaries). They go when linkage gets a public surface; the test fails when one
 * disappears, so the list stays true.
 */
const knownPrivate: readonly string[] = [
  'indicators/linkage/approvals.ts -> engine/hashTable64.ts',
  'indicators/linkage/approvals.ts -> engine/shardedMap.ts',
  'indicators/linkage/approvals.ts -> linking/packedRows.ts',
  'indicators/linkage/persona-multiplicity.ts -> linking/keys.ts',
  'indicators/linkage/persona-multiplicity.ts -> linking/linkIndex.ts',
  'indicators/linkage/persona-multiplicity.ts -> linking/unionFind.ts',
  'indicators/linkage/resume-similarity.ts -> linking/keys.ts',
  'indicators/linkage/shared-contact.ts -> linking/keys.ts',
  'indicators/linkage/shared-infrastructure.ts -> linking/keys.ts',
  'indicators/linkage/shared.ts -> engine/shardedMap.ts',
  'indicators/linkage/shared.ts -> linking/keys.ts',
  'indicators/linkage/shared.ts -> linking/linkIndex.ts',
  'indicators/linkage/shared.ts -> linking/population.ts',
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Module specifiers of a file's static imports, re-exports and dynamic imports (type-only ones included). */
function specifiers(text: string): string[] {
  const out: string[] = [];
  // A module specifier holds no whitespace: prose such as "from ' + '...'" in a split string is not an import.
  for (const m of text.matchAll(/\bfrom\s*(['"])([^'"\s]+)\1/g)) out.push(m[2] as string);
  for (const m of text.matchAll(/\bimport\s*\(\s*(['"])([^'"]+)\1/g)) out.push(m[2] as string);
  for (const m of text.matchAll(/^\s*import\s*(['"])([^'"]+)\1/gm)) out.push(m[2] as string);
  return out;
}

function resolveModule(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  return base;
}

const rel = (file: string): string => relative(src, file).split('\\').join('/');

/** Every import of the catalogue that a custom indicator could not make, as `importer -> imported`. */
function privateImports(): string[] {
  const out: string[] = [];
  for (const file of files(catalogue)) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) {
        if (!allowedPackages.includes(spec)) out.push(`${rel(file)} -> ${spec}`);
        continue;
      }
      const target = rel(resolveModule(file, spec));
      if (!allowedTargets.some((allowed) => (allowed.endsWith('/') ? target.startsWith(allowed) : target === allowed))) out.push(`${rel(file)} -> ${target}`);
    }
  }
  return [...new Set(out)].sort();
}

describe('the built-in indicators use only public entries', () => {
  it('import nothing but the kit, the contract, the records and zod (except the listed linkage internals)', () => {
    expect(privateImports()).toEqual([...knownPrivate].sort());
  });

  it('resolve a kit module behind the entry as private (the check above can fail)', () => {
    const indicator = join(catalogue, 'device/ip-kvm.ts');
    expect(rel(resolveModule(indicator, '../../kit'))).toBe('kit/index.ts');
    expect(rel(resolveModule(indicator, '../../kit/time'))).toBe('kit/time.ts');
    expect(rel(resolveModule(indicator, '../../data/countries'))).toBe('data/countries.ts');
    expect(specifiers(`import { a } from '../../kit/time';\nexport * from "../x";\nconst m = await import('../../engine/order');\nimport '../side';`)).toEqual([
      '../../kit/time',
      '../x',
      '../../engine/order',
      '../side',
    ]);
  });
});
