import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the pure core', () => {
  // Every module specifier: `from '...'`, `import '...'`, `import('...')`, `require('...')`, either quote.
  const specifiers = (text: string): string[] =>
    [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"]+)\1/g)].map((m) => m[2] as string);
  const builtins = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0] as string]));
  const forbidden = (spec: string): boolean => spec.startsWith('node:') || builtins.has(spec.split('/')[0] as string) || /(^|\/)cli(\/|$)/.test(spec);

  it('never imports Node built-ins or the command line (only src/cli may)', () => {
    const offenders = files(src)
      .filter((f) => !f.startsWith(join(src, 'cli')))
      .flatMap((f) =>
        specifiers(readFileSync(f, 'utf8'))
          .filter(forbidden)
          .map((spec) => `${f.slice(src.length)}: ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('catches every way of importing a built-in (the check above can fail)', () => {
    for (const text of [
      `import { readFile } from 'fs';`,
      `import "node:crypto";`,
      `const m = await import('worker_threads');`,
      `export * from "../cli/io";`,
      `const p = require('path/posix');`,
    ]) {
      expect(specifiers(text).filter(forbidden), text).toHaveLength(1);
    }
    expect(specifiers(`import { z } from 'zod';\nimport { x } from './format';`).filter(forbidden)).toEqual([]);
  });

  it('uses no Node globals in the core and the renderers', () => {
    const offenders = files(src)
      .filter((f) => !f.startsWith(join(src, 'cli')) && !f.startsWith(join(src, 'testing')))
      .filter((f) =>
        /^(?!\s*(?:\*|\/\/)).*\b(process\.(env|argv|stdout|stderr|stdin|exit|cwd|platform|versions?|hrtime|nextTick|memoryUsage)\b|Buffer\.(from|alloc|concat|byteLength|isBuffer)\b|__dirname|__filename)/m.test(
          readFileSync(f, 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });

  it.skipIf(!existsSync(join(src, '../dist/index.js')))('keeps Node built-ins out of the built library', () => {
    const dist = join(src, '../dist');
    for (const file of readdirSync(dist).filter((f) => /^(index|chunk-).*\.(js|cjs)$/.test(f) && !f.endsWith('.map'))) {
      expect(readFileSync(join(dist, file), 'utf8')).not.toMatch(/require\("node:|from "node:|from 'node:/);
    }
  });
});
