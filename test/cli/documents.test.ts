import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duplicateTopLevelKeys } from '../../src/cli/documentText';
import { run } from './run';
import { populationIndicatorIds } from '../support/population';

const dir = mkdtempSync(join(tmpdir(), 'redflags-documents-'));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const asOf = '2025-06-01T00:00:00Z';
const subjectA = { id: 'a' };
const subjectB = { id: 'b' };
// --stream refuses population-level indicators; these tests are about reading, so they disable them.
const noPopulation = file('no-population.json', JSON.stringify({ indicators: Object.fromEntries(populationIndicatorIds.map((id) => [id, false])) }));
const streaming = ['--stream', '--config', noPopulation];
const ndjson = (lines: readonly string[]): string => `${lines.join('\n')}\n`;
const record = (recordType: string, value: object): string => JSON.stringify({ recordType, ...value });

interface Out {
  reports: { subjectId: string; score: number }[];
  rejected: { kind: string; line?: number; recordId?: string; issues: { path: string; message: string }[] }[];
}

async function score(stdin: string, extra: readonly string[] = []): Promise<{ code: number; out: Out | undefined; stderr: string }> {
  const { code, stdout, stderr } = await run(['score', '-', '--as-of', asOf, '--format', 'json', ...extra], { stdin });
  return { code, out: stdout === '' ? undefined : (JSON.parse(stdout) as Out), stderr };
}

describe('telling NDJSON from a JSON document', () => {
  const rest = [record('subject', subjectA), record('subject', subjectB)];

  it('a truncated first NDJSON line rejects only itself', async () => {
    for (const stream of [[], streaming]) {
      const { code, out } = await score(ndjson(['{"recordType":"subject","id":"x', ...rest]), stream);
      expect(code).toBe(2);
      expect(out?.reports.map((r) => r.subjectId).sort()).toEqual(['a', 'b']);
      expect(out?.rejected.map((r) => [r.line, r.issues[0]?.message])).toEqual([[1, 'not valid JSON']]);
    }
  });

  it('several truncated first NDJSON lines each reject only themselves (a fuzz counterexample, seed 20261202)', async () => {
    const truncated = '{"id":"trunc","subjectId":"s0"';
    for (const stream of [[], streaming]) {
      const { code, out } = await score(ndjson([truncated, truncated, ...rest]), stream);
      expect(code).toBe(2);
      expect(out?.reports.map((r) => r.subjectId).sort()).toEqual(['a', 'b']);
      expect(out?.rejected.map((r) => [r.line, r.issues[0]?.message])).toEqual([
        [1, 'not valid JSON'],
        [2, 'not valid JSON'],
      ]);
    }
  });

  it('a broken document of more than 1,000 lines with no record line is read as a document and refused', async () => {
    const broken = `{\n${Array.from({ length: 1_200 }, (_, i) => `"k${i}": [`).join('\n')}\n`;
    const { code, stderr } = await run(['score', '-', '--format', 'json'], { stdin: broken });
    expect(code).toBe(2);
    expect(stderr).toContain('is not valid JSON');
  });

  it('a first NDJSON line without recordType rejects only itself', async () => {
    for (const stream of [[], streaming]) {
      const { code, out } = await score(ndjson([JSON.stringify({ id: 'x' }), ...rest]), stream);
      expect(code).toBe(2);
      expect(out?.reports.map((r) => r.subjectId).sort()).toEqual(['a', 'b']);
      expect(out?.rejected.map((r) => [r.line, r.recordId, r.issues[0]?.path])).toEqual([[1, 'x', 'recordType']]);
    }
  });

  it('reads a pretty-printed JSON document as one document', async () => {
    const { code, out } = await score(`${JSON.stringify({ subjects: [subjectA, subjectB] }, null, 2)}\n`);
    expect(code).toBe(0);
    expect(out?.reports).toHaveLength(2);
  });

  it('reads a single-line JSON document as one document, and refuses it under --stream', async () => {
    const single = `${JSON.stringify({ subjects: [subjectA, subjectB] })}\n`;
    const { code, out } = await score(single);
    expect(code).toBe(0);
    expect(out?.reports).toHaveLength(2);
    const streamed = await score(single, streaming);
    expect(streamed.code).toBe(2);
    expect(streamed.stderr).toContain('--stream reads NDJSON only');
  });

  it('says so for empty input', async () => {
    const { code, stderr } = await score('\n\n');
    expect(code).toBe(2);
    expect(stderr).toContain('is empty');
  });

  it('keeps --input-format to force the layout', async () => {
    const forced = await score(ndjson([JSON.stringify({ subjects: [subjectA] })]), ['--input-format', 'ndjson']);
    expect(forced.code).toBe(2);
    expect(forced.out?.reports).toEqual([]);
    expect(forced.out?.rejected[0]?.issues[0]?.path).toBe('recordType');
  });
});

describe('repeated keys', () => {
  it('refuses a document that repeats "subjects" at the top level', async () => {
    const text = `{"asOf":"${asOf}","subjects":[{"id":"a"}],\n"subjects":[{"id":"b"}]}\n`;
    const { code, out, stderr } = await score(text);
    expect(code).toBe(2);
    expect(out).toBeUndefined();
    expect(stderr).toContain('"subjects" appears more than once at the top level');
  });

  it('rejects an NDJSON line that repeats a key, and scores the others', async () => {
    for (const stream of [[], streaming]) {
      const { code, out } = await score(ndjson([record('subject', subjectA), '{"recordType":"subject","id":"b","id":"c"}']), stream);
      expect(code).toBe(2);
      expect(out?.reports.map((r) => r.subjectId)).toEqual(['a']);
      expect(out?.rejected.map((r) => [r.line, r.issues[0]?.path])).toEqual([[2, 'id']]);
    }
  });

  it('finds repeated top-level keys only, with escapes decoded and strings skipped', () => {
    expect(duplicateTopLevelKeys('{"a":{"a":1,"a":2},"b":"\\"a\\",","c":[{"b":1}]}')).toEqual([]);
    expect(duplicateTopLevelKeys('{"a":1,"\\u0061":2,"b":[1,2],"b":{}}')).toEqual(['a', 'b']);
    expect(duplicateTopLevelKeys('["a","a"]')).toEqual([]);
  });
});

describe('"__proto__" keys from files are data', () => {
  const subject = { id: 'a', employment: [{ id: 'e1', organisation: 'Front Ltd', domain: 'front.example' }] };

  it('refuses a --config file with an indicator setting under "__proto__"', async () => {
    const config = file('proto-config.json', '{"indicators":{"__proto__":{"weight":20}}}');
    const { code, stderr } = await score(ndjson([record('subject', subject)]), ['--config', config]);
    expect(code).toBe(2);
    expect(stderr).toContain('indicators.__proto__');
  });

  it('an NDJSON reference line under "__proto__" does not change the score', async () => {
    const plain = await score(ndjson([record('subject', subject)]));
    for (const stream of [[], streaming]) {
      const hostile = await score(
        ndjson(['{"recordType":"reference","__proto__":{"frontCompanyDomains":["front.example"]}}', record('subject', subject)]),
        stream,
      );
      expect(hostile.out?.reports[0]?.score).toBe(plain.out?.reports[0]?.score);
      expect(hostile.out?.rejected[0]?.issues[0]?.path).toBe('reference.__proto__');
    }
  });

  it('a JSON document reference under "__proto__" does not change the score', async () => {
    const plain = await score(JSON.stringify({ subjects: [subject] }));
    const hostile = await score(`{"subjects":${JSON.stringify([subject])},"reference":{"__proto__":{"frontCompanyDomains":["front.example"]}}}`);
    expect(hostile.out?.reports[0]?.score).toBe(plain.out?.reports[0]?.score);
    expect(hostile.out?.rejected[0]?.issues[0]?.path).toBe('reference.__proto__');
  });
});

describe('indicator errors on stderr', () => {
  it('counts them and points at the report, keeping the exit code of the run', async () => {
    // Two VoIP numbers are two findings of one indicator, over a cap of one: an error in that report.
    const capped = file('one-finding.json', JSON.stringify({ maxFindingsPerIndicator: 1 }));
    const voip = (id: string) => ({
      id,
      contacts: {
        phones: [
          { number: '+12025550101', lineType: 'voip' },
          { number: '+12025550102', lineType: 'voip' },
        ],
      },
    });
    const { code, out, stderr } = await score(JSON.stringify({ subjects: [subjectA, voip('v'), voip('w')] }), ['--config', capped]);
    const errors = out?.reports.reduce((n, r) => n + (r as unknown as { errors: unknown[] }).errors.length, 0) as number;
    expect(errors).toBeGreaterThan(0);
    expect(code).toBe(0);
    expect(stderr).toContain(`redflags: ${errors} indicator errors; see the report's errors (first: `);
  });

  it('says nothing when no indicator failed', async () => {
    const { stderr } = await score(JSON.stringify({ subjects: [subjectA] }));
    expect(stderr).toBe('');
  });
});
