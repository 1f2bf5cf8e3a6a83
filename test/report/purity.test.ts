import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the pure core', () => {
  it('never imports Node built-ins or the command line (only src/cli may)', () => {
    const offenders = files(src)
      .filter((f) => !f.includes(`${join(src, 'cli')}`) && !f.includes(`${join(src, 'testing')}`))
      .filter((f) => /from '(node:[^']+|[^']*\/cli\/[^']*)'/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it.skipIf(!existsSync(join(src, '../dist/index.js')))('keeps Node built-ins out of the built library', () => {
    const dist = join(src, '../dist');
    for (const file of readdirSync(dist).filter((f) => /^(index|chunk-).*\.(js|cjs)$/.test(f) && !f.endsWith('.map'))) {
      expect(readFileSync(join(dist, file), 'utf8')).not.toMatch(/require\("node:|from "node:|from 'node:/);
    }
  });
});
