import { defineConfig, type Options } from 'tsup';

/**
 * The `redflags` command: Node-only, ESM, one self-contained file that is also its own
 * worker-thread script (so no chunk may be split off it). It needs no declarations, so
 * `tsup.cli.config.ts` builds it alone for the demo in seconds.
 */
export const cliBuild: Options = {
  entry: { cli: 'src/cli/bin.ts' },
  format: ['esm'],
  dts: false,
  clean: false,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  splitting: false,
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts', core: 'src/core.ts', kit: 'src/kit/index.ts', testing: 'src/testing/index.ts', connectors: 'src/connectors/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    treeshake: true,
    // The test kit and the core share one chunk instead of each bundling the engine.
    splitting: true,
  },
  cliBuild,
]);
