import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', core: 'src/core.ts', kit: 'src/kit.ts', testing: 'src/testing/index.ts', connectors: 'src/connectors/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    treeshake: true,
    // The test kit and the core share one chunk instead of each bundling the engine.
    splitting: true,
  },
  {
    // The `redflags` command: Node-only, ESM, one self-contained file that is also its own
    // worker-thread script (so no chunk may be split off it).
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
  },
]);
