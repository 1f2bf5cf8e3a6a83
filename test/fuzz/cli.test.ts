import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { run, type RunResult } from '../cli/run';
import { accountingProblems, ndjsonAccountingProblems, rejectedShapeProblems, type Outcome } from './accounting';
import { documentArb, documentPlan, duplicateTopLevelKey, fuzzAsOf, ndjsonArb, ndjsonLineText, permute, type DocumentPlan } from './arbitraries';
import { toJsonText } from './plan';
import { fuzzTimeout, params } from './settings';
import { populationIndicatorIds } from '../support/population';

// Rejections nobody handled during a case fail that case, not some later test.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

async function settled(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  expect(unhandled.splice(0).map(String)).toEqual([]);
}

/** Population-level indicators (with a prepare hook) cannot stream; --stream runs disable them. */
const noPopulationConfig = join(mkdtempSync(join(tmpdir(), 'redflags-fuzz-')), 'no-population.json');
writeFileSync(noPopulationConfig, JSON.stringify({ indicators: Object.fromEntries(populationIndicatorIds.map((id) => [id, false])) }));

/** What every run must give, whatever the input: an exit code of the contract and no crash report. */
function expectNoCrash(result: RunResult): void {
  expect([0, 1, 2], result.stderr).toContain(result.code);
  expect(result.stderr).not.toMatch(/unexpected error/);
}

/** Parses `--format json` or `--format ndjson` output back into reports and rejected records. */
function parseOutput(stdout: string, format: 'json' | 'ndjson'): Outcome {
  if (format === 'json') return JSON.parse(stdout) as Outcome;
  const lines = stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { recordType: string } & Record<string, unknown>);
  return {
    reports: lines.filter((l) => l.recordType === 'report') as unknown as Outcome['reports'],
    rejected: lines.filter((l) => l.recordType === 'rejected') as unknown as Outcome['rejected'],
  };
}

const formats = ['json', 'ndjson', 'markdown', 'html', 'table'] as const;

describe('fuzz: the redflags command', () => {
  test.prop(
    [
      documentArb({ hostile: false, asOf: 'sometimes' }),
      fc.constantFrom('score' as const, 'validate' as const),
      fc.constantFrom(...formats),
      fc.boolean(),
      fc.constantFrom(1, 2),
    ],
    params('cliJson'),
  )(
    'a JSON document: no crash, valid JSON output, and every record scored or rejected',
    async (doc, command, format, asOfFlag, workers) => {
      const text = toJsonText(documentPlan(doc));
      const argv =
        command === 'validate'
          ? ['validate', '-', '--json']
          : ['score', '-', '--format', format, ...(asOfFlag ? ['--as-of', fuzzAsOf] : []), ...(workers > 1 ? ['--workers', String(workers)] : [])];
      const result = await run(argv, { stdin: text });
      await settled();
      expectNoCrash(result);
      const input = JSON.parse(text) as { subjects: unknown[]; events: unknown[]; watchlists: unknown[] };
      if (result.stdout === '') {
        // The only refusal this input allows: no asOf anywhere and no valid event to infer it from.
        expect(command === 'score' && !asOfFlag && doc.asOf === undefined, `refused: ${result.stderr}`).toBe(true);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/asOf|as-of/);
        return;
      }
      if (command === 'validate') {
        const out = JSON.parse(result.stdout) as { valid: boolean; counts: Record<string, number>; rejected: Outcome['rejected'] };
        expect(out.counts).toEqual({ subjects: input.subjects.length, events: input.events.length, watchlists: input.watchlists.length });
        expect(out.valid).toBe(out.rejected.length === 0);
        expect(rejectedShapeProblems({ reports: [], rejected: out.rejected })).toEqual([]);
        return;
      }
      if (format !== 'json' && format !== 'ndjson') return;
      expect(accountingProblems(input, parseOutput(result.stdout, format))).toEqual([]);
    },
    fuzzTimeout,
  );

  test.prop(
    [
      fc.oneof(
        ndjsonArb('any-order').map((plan) => ({ plan, stream: false })),
        ndjsonArb('grouped').map((plan) => ({ plan, stream: true })),
      ),
    ],
    params('cliNdjson'),
  )(
    'NDJSON with bad lines anywhere: each bad line rejected with its number, every record scored or rejected',
    async ({ plan, stream }) => {
      const lines = plan.lines.map(ndjsonLineText);
      const argv = ['score', '-', '--as-of', fuzzAsOf, '--format', 'json', ...(stream ? ['--stream', '--config', noPopulationConfig] : [])];
      const result = await run(argv, { stdin: `${lines.join('\n')}\n` });
      await settled();
      expectNoCrash(result);
      if (result.stdout === '') {
        // --stream may refuse input that is not grouped by subject (a mutated id can break the grouping); nothing else may refuse NDJSON.
        expect(stream && /--stream/.test(result.stderr), `refused: ${result.stderr}`).toBe(true);
        return;
      }
      expect(ndjsonAccountingProblems(lines, parseOutput(result.stdout, 'json'))).toEqual([]);
    },
    fuzzTimeout,
  );

  test.prop(
    [documentArb({ hostile: false, asOf: 'always' }), fc.constantFrom('subjects' as const, 'events' as const, 'watchlists' as const)],
    params('cliDuplicateKeys'),
  )(
    'a document whose top-level key repeats is refused with a clear message, never half-read',
    async (doc, key) => {
      const result = await run(['score', '-', '--format', 'json'], { stdin: toJsonText(duplicateTopLevelKey(doc, key)) });
      await settled();
      expectNoCrash(result);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/more than once/i);
      expect(result.stderr).toContain(key);
    },
    fuzzTimeout,
  );

  test.prop([documentArb({ hostile: false, asOf: 'always' }), fc.nat(), fc.nat()], params('cliDeterminism'))(
    'the same input gives byte-identical output, and reordering the records changes no report',
    async (doc, s1, s2) => {
      const argv = ['score', '-', '--format', 'json'];
      const text = toJsonText(documentPlan(doc));
      const first = await run(argv, { stdin: text });
      const second = await run(argv, { stdin: text });
      const reordered: DocumentPlan = { ...doc, subjects: permute(doc.subjects, s1), events: permute(doc.events, s2) };
      const third = await run(argv, { stdin: toJsonText(documentPlan(reordered)) });
      await settled();
      expectNoCrash(first);
      expect(second).toEqual(first);
      expect(third.code).toBe(first.code);
      if (first.stdout !== '') expect((JSON.parse(third.stdout) as Outcome).reports).toEqual((JSON.parse(first.stdout) as Outcome).reports);
    },
    fuzzTimeout,
  );
});
