import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The indicator test kit finds describe/it on globalThis, as it would in a user's project.
    globals: true,
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'examples/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
  },
});
