import { readFileSync } from 'node:fs';
import type { Options } from 'tsup';
import cliOnly from '../../tsup.cli.config';
import full from '../../tsup.config';

const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The builds a tsup config file describes (tsup accepts one options object or a list). */
function builds(config: unknown): Options[] {
  return Array.isArray(config) ? (config as Options[]) : [config as Options];
}

/** The npm scripts a script runs (`npm run x` inside it), followed to the end. */
function expand(name: string): string {
  const body = scripts[name] ?? '';
  return body.replace(/npm run ([\w:-]+)/g, (_, inner: string) => `(${expand(inner)})`);
}

describe('npm run demo', () => {
  it('builds only the command, without declarations it does not use', () => {
    const demo = expand('demo');
    expect(demo).toContain('node dist/cli.js score examples/demo/population.json');
    expect(demo).toContain('tsup --config tsup.cli.config.ts');
    // The full build (declarations for every entry) is not on the demo's path.
    const tsupCommands = demo
      .split(/&&|[()]/)
      .map((c) => c.trim())
      .filter((c) => c.startsWith('tsup'));
    expect(tsupCommands).toEqual(['tsup --config tsup.cli.config.ts']);
    for (const build of builds(cliOnly)) {
      expect(build.dts ?? false).toBe(false);
      expect(build.entry).toEqual({ cli: 'src/cli/bin.ts' });
      expect(build.clean).toBe(false);
    }
  });

  it('builds the same command as the full build', () => {
    expect(builds(full).filter((b) => JSON.stringify(b.entry) === JSON.stringify({ cli: 'src/cli/bin.ts' }))).toEqual(builds(cliOnly));
  });
});
