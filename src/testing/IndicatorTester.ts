import { createScorer } from '../defaults';
import { stableStringify } from '../util/hash';
import type { IndicatorStatus, Report, ReportFinding } from '../engine/report';
import { unfilledPlaceholders } from '../engine/interpolate';
import type { AnyIndicator, FindingKind } from '../contract/types';
import { frameworkFromGlobals, type TestFramework } from './frameworkGlobals';
import { countOf } from '../text/plural';

/** Inputs every kind of test case accepts. */
export interface CaseInput {
  /** Test title; defaults to a short summary of the inputs. */
  readonly name?: string;
  /** Fields of the subject, merged onto `{ id: 'subject-1' }`. */
  readonly subject?: Readonly<Record<string, unknown>>;
  /** The subject's events; `id` (`e1`, `e2`... by position) and `subjectId` are filled in when omitted. */
  readonly events?: readonly Readonly<Record<string, unknown>>[];
  /** Indicator options, validated by its schema with defaults applied, as in production. */
  readonly options?: unknown;
  /** Other subjects and their events, for population-level indicators. */
  readonly population?: { readonly subjects?: readonly unknown[]; readonly events?: readonly unknown[] };
  /** Watchlists. */
  readonly watchlists?: readonly unknown[];
  /** Reference tables. */
  readonly reference?: unknown;
  /** Extra named inputs for `prepare` hooks. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** Overrides the tester's `asOf`. */
  readonly asOf?: string;
  /** Runs only this case (`it.only`), when the framework supports it. */
  readonly only?: boolean;
}

/** What one expected finding must look like. Every field but `messageId` is optional. */
export interface ExpectedFinding {
  /** The message id; must be a key of the indicator's messages. */
  readonly messageId: string;
  /** Exact strength (to 1e-6), or an inclusive `[min, max]` range. */
  readonly strength?: number | readonly [number, number];
  /** A subset of the finding's data that must match exactly. */
  readonly data?: Readonly<Record<string, string | number | boolean>>;
  /** Risk or mitigating. */
  readonly kind?: FindingKind;
  /** The rendered message, exactly or by pattern. */
  readonly message?: string | RegExp;
  /** Record ids that must appear in the finding's evidence. */
  readonly evidence?: readonly string[];
}

/** A case in which the indicator must run and find nothing. */
export type ValidCase = CaseInput;

/** A case in which the indicator must fire. */
export interface InvalidCase extends CaseInput {
  /** How many findings, or what each must look like, strongest first (the report's order). */
  readonly findings: number | readonly ExpectedFinding[];
}

/** A case in which the indicator must say it could not run for lack of data. */
export interface NotEvaluatedCase extends CaseInput {
  /** Field paths that must be among those it says are missing. */
  readonly missing?: readonly string[];
}

/** The cases of one indicator. */
export interface TestCases {
  /** Must not fire. */
  readonly valid?: readonly ValidCase[];
  /** Must fire. */
  readonly invalid?: readonly InvalidCase[];
  /** Must report missing data. */
  readonly notEvaluated?: readonly NotEvaluatedCase[];
}

/** Defaults shared by every case of a tester. */
export interface TesterDefaults {
  /** Point in time cases are scored for (ISO 8601). Default `2025-06-01T00:00:00Z`. */
  readonly asOf?: string;
  /** `describe` and `it`; found on `globalThis` when omitted. */
  readonly framework?: TestFramework;
}

/** What running one case gave. */
export interface CaseResult {
  /** The indicator's status. */
  readonly status: IndicatorStatus;
  /** Its findings, strongest first. */
  readonly findings: readonly ReportFinding[];
  /** The full report of the case subject. */
  readonly report: Report;
}

function reverseArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseArrays).reverse();
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = reverseArrays(v);
    return out;
  }
  return value;
}

function summarize(testCase: CaseInput): string {
  const parts: string[] = [];
  if (testCase.subject !== undefined) parts.push(`subject ${JSON.stringify(testCase.subject).slice(0, 60)}`);
  if (testCase.events !== undefined) parts.push(countOf(testCase.events.length, 'event'));
  if (testCase.options !== undefined) parts.push(`options ${JSON.stringify(testCase.options)}`);
  return parts.join(', ') || 'empty subject';
}

function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

/**
 * Runs one case through the real engine: options go through the indicator's schema, inputs
 * are frozen (a mutation throws), and the records are validated like production input.
 * @throws Error when the case's records are invalid or the indicator failed.
 */
export function evaluateCase(indicator: AnyIndicator, testCase: CaseInput, defaults: TesterDefaults = {}): CaseResult {
  const subject = { id: 'subject-1', ...testCase.subject };
  const events = (testCase.events ?? []).map((e, i) => ({ id: `e${i + 1}`, subjectId: subject.id, ...e }));
  const id = indicator.meta.id;
  const scorer = createScorer({
    // The engine freezes views and records, as in production: a mutation throws.
    indicators: [indicator],
    config: {
      indicators: testCase.options === undefined ? {} : { [id]: { options: testCase.options } },
      corroboration: false,
    },
  });
  const result = scorer.scoreBatch(
    {
      asOf: testCase.asOf ?? defaults.asOf ?? '2025-06-01T00:00:00Z',
      subjects: [subject, ...(testCase.population?.subjects ?? [])],
      events: [...events, ...(testCase.population?.events ?? [])],
      watchlists: testCase.watchlists ?? [],
      reference: testCase.reference,
      inputs: testCase.inputs ?? {},
    },
    { select: (sid) => sid === subject.id },
  );
  if (result.rejected.length > 0) {
    const lines = result.rejected.map((r) => `${r.kind} ${r.recordId ?? `#${r.index}`}: ${r.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    throw new Error(`the case's records are invalid:\n  ${lines.join('\n  ')}`);
  }
  const report = result.reports[0] as Report;
  const status = (report.indicators[0] as { status: IndicatorStatus }).status;
  if (status === 'error') throw new Error(`the indicator failed: ${report.errors.map((e) => e.message).join('; ')}`);
  return { status, findings: report.findings, report };
}

function reversedCase(testCase: CaseInput): CaseInput {
  return {
    ...testCase,
    ...(testCase.subject !== undefined ? { subject: reverseArrays(testCase.subject) as Record<string, unknown> } : {}),
    // Ids are pinned first, so reversing does not renumber them; arrays inside events (tags...) are reversed too.
    events: reverseArrays((testCase.events ?? []).map((e, i) => ({ id: `e${i + 1}`, ...e }))) as Record<string, unknown>[],
    population: {
      subjects: reverseArrays(testCase.population?.subjects ?? []) as unknown[],
      events: reverseArrays(testCase.population?.events ?? []) as unknown[],
    },
  };
}

function checkDeterminism(where: string, indicator: AnyIndicator, testCase: CaseInput, first: CaseResult, defaults: TesterDefaults): void {
  const second = evaluateCase(indicator, reversedCase(testCase), defaults);
  const a = JSON.stringify(first.findings);
  const b = JSON.stringify(second.findings);
  if (a !== b || first.status !== second.status) {
    fail(where, `the outcome changed when the order of records was reversed:\n  first:    ${a}\n  reversed: ${b}`);
  }
}

function checkFinding(where: string, indicator: AnyIndicator, actual: ReportFinding, expected: ExpectedFinding): void {
  const ids = Object.keys(indicator.meta.messages);
  if (!ids.includes(expected.messageId)) fail(where, `unknown messageId "${expected.messageId}"; the indicator has: ${ids.join(', ')}`);
  if (actual.messageId !== expected.messageId) fail(where, `messageId is "${actual.messageId}", expected "${expected.messageId}"`);
  if (expected.strength !== undefined) {
    if (typeof expected.strength === 'number') {
      if (Math.abs(actual.strength - expected.strength) > 1e-6) fail(where, `strength is ${actual.strength}, expected ${expected.strength}`);
    } else {
      const [min, max] = expected.strength;
      if (actual.strength < min || actual.strength > max) fail(where, `strength is ${actual.strength}, expected within [${min}, ${max}]`);
    }
  }
  if (expected.kind !== undefined && actual.kind !== expected.kind) fail(where, `kind is ${actual.kind}, expected ${expected.kind}`);
  for (const [key, value] of Object.entries(expected.data ?? {})) {
    if (actual.data[key] !== value) fail(where, `data.${key} is ${JSON.stringify(actual.data[key])}, expected ${JSON.stringify(value)}`);
  }
  if (expected.message !== undefined) {
    const ok = typeof expected.message === 'string' ? actual.message === expected.message : expected.message.test(actual.message);
    if (!ok) fail(where, `message "${actual.message}" does not match ${String(expected.message)}`);
  }
  const ids2 = new Set(actual.evidence.map((e) => e.recordId));
  for (const id of expected.evidence ?? []) if (!ids2.has(id)) fail(where, `evidence lacks record "${id}"; it has ${[...ids2].join(', ')}`);
}

/** Like ESLint's RuleTester: every placeholder of a finding's message template has a value in its data. */
function checkTemplates(where: string, indicator: AnyIndicator, findings: readonly ReportFinding[]): void {
  findings.forEach((f, i) => {
    const template = (indicator.meta.messages as Readonly<Record<string, string>>)[f.messageId] ?? '';
    const unfilled = unfilledPlaceholders(template, f.data);
    if (unfilled.length > 0) {
      const names = unfilled.map((key) => `{{${key}}}`).join(', ');
      fail(`${where}.findings[${i}]`, `message "${f.messageId}" has no data for ${names}; data has: ${Object.keys(f.data).join(', ') || '(none)'}`);
    }
  });
}

/**
 * Turns lists of cases into tests, like ESLint's RuleTester: `valid` cases must run and find
 * nothing, `invalid` cases must fire as described, `notEvaluated` cases must report missing data.
 * Every case also runs with its records in reverse order and must give the same findings.
 *
 * @example
 * ```ts
 * import { IndicatorTester } from 'redflags/testing';
 * import { continuousSession } from 'redflags';
 *
 * new IndicatorTester({ asOf: '2025-02-01T00:00:00Z' }).run(continuousSession, {
 *   valid: [{ name: 'office hours', events: [{ type: 'session', at: '2025-01-06T09:00:00Z', end: '2025-01-06T17:00:00Z' }] }],
 *   invalid: [],
 *   notEvaluated: [{ name: 'no sessions', missing: ['events[type=session]'] }],
 * });
 * ```
 */
export class IndicatorTester {
  readonly #defaults: TesterDefaults;

  /**
   * Creates a tester whose cases share these defaults.
   * @param defaults shared `asOf` and, optionally, the test framework's `describe` and `it`.
   */
  constructor(defaults: TesterDefaults = {}) {
    this.#defaults = defaults;
  }

  /**
   * Declares the tests of one indicator.
   * @throws Error at declaration when two cases are identical or an invalid case lacks `findings`.
   */
  run(indicator: AnyIndicator, cases: TestCases): void {
    const framework = this.#defaults.framework ?? frameworkFromGlobals();
    const defaults = this.#defaults;
    const seen = new Map<string, string>();
    const all: [string, CaseInput][] = [
      ...(cases.valid ?? []).map((c, i): [string, CaseInput] => [`valid[${i}]`, c]),
      ...(cases.invalid ?? []).map((c, i): [string, CaseInput] => [`invalid[${i}]`, c]),
      ...(cases.notEvaluated ?? []).map((c, i): [string, CaseInput] => [`notEvaluated[${i}]`, c]),
    ];
    for (const [where, c] of all) {
      const { name: _name, findings: _findings, missing: _missing, only: _only, ...rest } = c as InvalidCase & NotEvaluatedCase;
      // Key order is not meaning: { subject, events } and { events, subject } are the same case.
      const key = stableStringify(rest);
      const earlier = seen.get(key);
      if (earlier !== undefined) throw new Error(`${indicator.meta.id} ${where} duplicates ${earlier}`);
      seen.set(key, where);
    }
    const declare = (where: string, c: CaseInput, body: () => void): void => {
      const title = `${where} ${c.name ?? summarize(c)}`;
      const only = (framework.it as { only?: TestFramework['it'] }).only;
      if (c.only === true && typeof only === 'function') only(title, body);
      else framework.it(title, body);
    };
    framework.describe(indicator.meta.id, () => {
      (cases.valid ?? []).forEach((c, i) => {
        declare(`valid[${i}]`, c, () => {
          const where = `valid[${i}]`;
          const result = evaluateCase(indicator, c, defaults);
          if (result.status === 'not-evaluated') {
            const ne = result.report.coverage.notEvaluated[0];
            fail(where, `the indicator could not run (${ne?.reason ?? 'no reason'}); use notEvaluated cases for missing data`);
          }
          if (result.status !== 'not-fired') fail(where, `expected no findings, got:\n  ${result.findings.map((f) => f.message).join('\n  ')}`);
          checkDeterminism(where, indicator, c, result, defaults);
        });
      });
      (cases.invalid ?? []).forEach((c, i) => {
        const where = `invalid[${i}]`;
        if ((c as Partial<InvalidCase>).findings === undefined) throw new Error(`${indicator.meta.id} ${where} must say which findings it expects`);
        // An invalid case expecting no findings could never pass: it must fire, yet match a count of 0.
        if (c.findings === 0 || (Array.isArray(c.findings) && c.findings.length === 0)) {
          throw new Error(`${indicator.meta.id} ${where} must expect at least one finding; a case that must not fire is a valid case`);
        }
        declare(where, c, () => {
          const result = evaluateCase(indicator, c, defaults);
          if (result.status !== 'fired') {
            const ne = result.report.coverage.notEvaluated[0];
            fail(where, `expected findings, but the indicator ${result.status === 'not-evaluated' ? `could not run (${ne?.reason ?? ''})` : 'found nothing'}`);
          }
          checkTemplates(where, indicator, result.findings);
          const expected = c.findings;
          const count = typeof expected === 'number' ? expected : expected.length;
          if (result.findings.length !== count) {
            fail(
              where,
              `expected ${count} findings, got ${result.findings.length}:\n  ${result.findings.map((f) => `${f.messageId}: ${f.message}`).join('\n  ')}`,
            );
          }
          if (typeof expected !== 'number') {
            expected.forEach((e, j) => checkFinding(`${where}.findings[${j}]`, indicator, result.findings[j] as ReportFinding, e));
          }
          checkDeterminism(where, indicator, c, result, defaults);
        });
      });
      (cases.notEvaluated ?? []).forEach((c, i) => {
        declare(`notEvaluated[${i}]`, c, () => {
          const where = `notEvaluated[${i}]`;
          const result = evaluateCase(indicator, c, defaults);
          if (result.status !== 'not-evaluated') fail(where, `expected the indicator to report missing data; its status is ${result.status}`);
          const missing = result.report.coverage.notEvaluated[0]?.missing ?? [];
          for (const m of c.missing ?? []) if (!missing.includes(m)) fail(where, `missing does not include "${m}"; it is [${missing.join(', ')}]`);
          checkDeterminism(where, indicator, c, result, defaults);
        });
      });
    });
  }
}
