// The indicator test kit, published as `redflags/testing`. It never imports a test framework.

export { IndicatorTester, evaluateCase } from './IndicatorTester';
export type { CaseInput, CaseResult, ExpectedFinding, InvalidCase, NotEvaluatedCase, TestCases, TesterDefaults, ValidCase } from './IndicatorTester';
export type { TestFramework } from './frameworkGlobals';
export { deepFreeze } from '../util/freeze';
