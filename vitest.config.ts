import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The indicator test kit finds describe/it on globalThis, as it would in a user's project.
    globals: true,
    // No test times anything; these limits only stop a hung test. Sized for a machine twice as slow
    // as a developer's laptop and shared with other work (the suite must pass at load 5-10 on 2 cores).
    // Big cases set their own, larger limit.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'examples/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
  },
});
