/** The test-framework functions the tester needs: vitest, jest and mocha all provide them. */
export interface TestFramework {
  /** Groups tests. */
  describe(name: string, fn: () => void): void;
  /** Declares one test. */
  it(name: string, fn: () => void): void;
}

/**
 * Finds `describe` and `it` on `globalThis`, where vitest (with `globals: true`), jest and mocha
 * put them. The test kit never imports a framework, so it adds no dependency.
 */
export function frameworkFromGlobals(): TestFramework {
  const g = globalThis as { describe?: TestFramework['describe']; it?: TestFramework['it'] };
  if (typeof g.describe !== 'function' || typeof g.it !== 'function') {
    throw new Error(
      'IndicatorTester needs describe() and it() from your test framework. With vitest, set `test.globals: true`, or pass them: new IndicatorTester({ framework: { describe, it } }).',
    );
  }
  return { describe: g.describe, it: g.it };
}
