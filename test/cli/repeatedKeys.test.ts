import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepeatedKeys, formatPath, maxPathSegments, repeatedKeyMessage, type ScanWork } from '../../src/text/repeatedKeys';
import { run } from './run';
import { populationIndicatorIds } from '../support/population';

const dir = mkdtempSync(join(tmpdir(), 'redflags-repeated-'));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const asOf = '2025-06-01T00:00:00Z';
const noPopulation = file('no-population.json', JSON.stringify({ indicators: Object.fromEntries(populationIndicatorIds.map((id) => [id, false])) }));
const streaming = ['--stream', '--config', noPopulation];
const ndjson = (lines: readonly string[]): string => `${lines.join('\n')}\n`;

interface Rejected {
  kind: string;
  index: number;
  line?: number;
  recordId?: string;
  issues: { path: string; message: string }[];
}
interface Out {
  reports: { subjectId: string }[];
  rejected: Rejected[];
}

async function score(stdin: string, extra: readonly string[] = []): Promise<{ code: number; out: Out | undefined; stderr: string }> {
  const { code, stdout, stderr } = await run(['score', '-', '--as-of', asOf, '--format', 'json', ...extra], { stdin });
  return { code, out: stdout === '' ? undefined : (JSON.parse(stdout) as Out), stderr };
}

async function validate(stdin: string): Promise<{ code: number; rejected: Rejected[] }> {
  const { code, stdout } = await run(['validate', '-', '--json'], { stdin });
  return { code, rejected: (JSON.parse(stdout) as { rejected: Rejected[] }).rejected };
}

const problems = (rejected: readonly Rejected[]): unknown[] =>
  rejected.map((r) => [r.kind, r.index, r.line, r.recordId, r.issues[0]?.path, r.issues[0]?.message]);

// Two subjects that repeat a key below the top level, one of them with the key written with an escape.
const nestedLines = [
  '{"recordType":"subject","id":"a"}',
  '{"recordType":"subject","id":"b","identity":{"names":[{"full":"B One"}],"\\u006eames":[{"full":"B Two"}]}}',
  '{"recordType":"subject","id":"c","contact":{"emails":[{"address":"c@example.com","verified":true,"verified":false}]}}',
  '{"recordType":"subject","id":"d"}',
];

describe('repeated keys below the top level of an NDJSON line', () => {
  it('reject the line with the path, and the other lines are scored (score, score --stream)', async () => {
    for (const stream of [[], streaming]) {
      const { code, out } = await score(ndjson(nestedLines), stream);
      expect(code).toBe(2);
      expect(out?.reports.map((r) => r.subjectId).sort()).toEqual(['a', 'd']);
      expect(out?.rejected.map((r) => [r.line, r.recordId, r.issues[0]?.path, r.issues[0]?.message])).toEqual([
        [2, 'b', 'identity.names', 'key "names" appears twice; JSON keeps only the last value, so the record is refused'],
        [3, 'c', 'contact.emails[0].verified', 'key "verified" appears twice; JSON keeps only the last value, so the record is refused'],
      ]);
    }
  });

  it('are found 100,000 levels deep without overflowing the stack, with the path cut', async () => {
    const depth = 100_000;
    const deep = `{"recordType":"subject","id":"b","x":${'['.repeat(depth)}{"a":1,"a":2}${']'.repeat(depth)}}`;
    for (const stream of [[], streaming]) {
      const { out } = await score(ndjson(['{"recordType":"subject","id":"a"}', deep]), stream);
      expect(out?.reports.map((r) => r.subjectId)).toEqual(['a']);
      expect(out?.rejected.map((r) => [r.line, r.issues[0]?.path, r.issues[0]?.message.slice(0, 21)])).toEqual([
        [2, `x${'[0]'.repeat(maxPathSegments - 1)}…`, 'key "a" appears twice'],
      ]);
    }
  });

  it('are reported by validate', async () => {
    const { code, rejected } = await validate(ndjson(nestedLines));
    expect(code).toBe(2);
    // Without asOf, validate also says the input has no time to score at (no events): that rejection has no line.
    expect(rejected.filter((r) => r.line !== undefined).map((r) => [r.line, r.issues[0]?.path])).toEqual([
      [2, 'identity.names'],
      [3, 'contact.emails[0].verified'],
    ]);
  });
});

describe('repeated keys inside a record of a JSON document', () => {
  const doc = [
    `{"asOf":"${asOf}","subjects":[`,
    '{"id":"a"},',
    '{"id":"b","identity":{"names":[{"full":"B One"}],"names":[{"full":"B Two"}]}},',
    '{"id":"c","id":"x"},',
    '{"id":"d"}],',
    '"events":[{"id":"e1","subjectId":"a","type":"login","at":"2025-05-01T00:00:00Z","type":"logout"},',
    '{"id":"e2","subjectId":"d","type":"login","at":"2025-05-01T00:00:00Z","at":"2025-05-02T00:00:00Z","at":"2025-05-03T00:00:00Z"},',
    '{"id":"e3","subjectId":"zz","type":"login","at":"2025-05-01T00:00:00Z"}]}',
  ].join('\n');
  const expected = [
    ['subject', 1, undefined, 'b', 'identity.names', 'key "names" appears twice; JSON keeps only the last value, so the record is refused'],
    // The id read is the last one, as JSON.parse keeps it.
    ['subject', 2, undefined, 'x', 'id', 'key "id" appears twice; JSON keeps only the last value, so the record is refused'],
    ['event', 0, undefined, 'e1', 'type', 'key "type" appears twice; JSON keeps only the last value, so the record is refused'],
    ['event', 1, undefined, 'e2', 'at', 'key "at" appears 3 times; JSON keeps only the last value, so the record is refused'],
  ];

  it('reject the record with its path and scores the others, and later rejections keep their document index (score)', async () => {
    const { code, out } = await score(doc);
    expect(code).toBe(2);
    expect(out?.reports.map((r) => r.subjectId).sort()).toEqual(['a', 'd']);
    const rejected = out?.rejected ?? [];
    expect(problems(rejected.slice(0, 4))).toEqual(expected);
    // The orphan event e3 is events[2] of the document, though two events before it were left out.
    expect(rejected.slice(4).map((r) => [r.kind, r.index, r.recordId])).toEqual([['event', 2, 'e3']]);
  });

  it('are reported by validate, which counts them among the records read', async () => {
    const { stdout, code } = await run(['validate', '-', '--json'], { stdin: doc });
    const out = JSON.parse(stdout) as { counts: unknown; rejected: Rejected[] };
    expect(code).toBe(2);
    expect(problems(out.rejected.slice(0, 4))).toEqual(expected);
    expect(out.counts).toEqual({ subjects: 4, events: 3, watchlists: 0 });
  });

  it('in a reference table leave that table out with a document rejection, and the rest is scored', async () => {
    const text = `{"asOf":"${asOf}","subjects":[{"id":"a"}],"reference":{"frontCompanyDomains":["a.example"],"frontCompanyDomains":["b.example"],"otherTable":[{"k":1,"k":2}],"kept":["x"]}}`;
    const { code, out } = await score(text);
    expect(code).toBe(2);
    expect(out?.reports.map((r) => r.subjectId)).toEqual(['a']);
    expect(problems(out?.rejected ?? [])).toEqual([
      [
        'document',
        0,
        undefined,
        undefined,
        'reference.frontCompanyDomains',
        'key "frontCompanyDomains" appears twice; JSON keeps only the last value, so the table is left out',
      ],
      ['document', 0, undefined, undefined, 'reference.otherTable[0].k', 'key "k" appears twice; JSON keeps only the last value, so the table is left out'],
    ]);
  });
});

describe('findRepeatedKeys', () => {
  it('compares keys by their decoded value and skips keys inside strings', () => {
    expect(findRepeatedKeys('{"a":1,"\\u0061":2}').map((r) => [r.key, r.segments])).toEqual([['a', ['a']]]);
    expect(findRepeatedKeys('{"a\\"":1,"a\\u0022":2}').map((r) => r.key)).toEqual(['a"']);
    expect(findRepeatedKeys('{"a\\\\":1,"a\\u005c":2,"b":"\\"b\\":1,\\"b\\":2"}').map((r) => r.key)).toEqual(['a\\']);
    expect(findRepeatedKeys('{"a":"x","b":["a","a"],"c":{"a":1,"b":2}}')).toEqual([]);
  });

  it('gives one entry a group, with the count of the others', () => {
    const text = '{"subjects":[{"id":"a","id":"b","x":1,"x":2},{"id":"c"},{"k":{"id":1,"id":2}}],"events":[{"id":"e","id":"f"}]}';
    expect(findRepeatedKeys(text).map((r) => [formatPath(r.segments), r.more])).toEqual([['subjects[0].id', 3]]);
    expect(findRepeatedKeys(text).map(repeatedKeyMessage)).toEqual([
      'key "id" appears twice (and 3 more repeated keys); JSON keeps only the last value, so the record is refused',
    ]);
    expect(findRepeatedKeys(text, 2).map((r) => [formatPath(r.segments), r.more])).toEqual([
      ['subjects[0].id', 1],
      ['subjects[2].k.id', 0],
      ['events[0].id', 0],
    ]);
  });

  it('scans 100,000 levels of nesting without recursion, and cuts the reported path', () => {
    const depth = 100_000;
    const text = `${'{"k":['.repeat(depth)}{"a":1,"a":2}${']}'.repeat(depth)}`;
    const [found] = findRepeatedKeys(text);
    expect(found?.key).toBe('a');
    expect(found?.truncated).toBe(true);
    expect(found?.segments).toHaveLength(maxPathSegments);
    expect(formatPath(found?.segments ?? [], true)).toMatch(/^k\[0\]\.k\[0\].*…$/);
  });

  it('does work linear in the text: 100,000 keys, all distinct, all repeated, or each in its own group', () => {
    const keys = 100_000;
    const distinct = `{${Array.from({ length: keys }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    const pairs = `{${Array.from({ length: keys }, (_, i) => `"k${i >> 1}":${i}`).join(',')}}`;
    const underLongKey = `{"${'x'.repeat(keys)}":{${Array.from({ length: keys }, (_, i) => `"k${i >> 1}":1`).join(',')}}}`;
    const records = `{"subjects":[${Array.from({ length: keys / 10 }, (_, i) => `{"a":{"b":{"c":{"id":${i},"id":${i}}}}}`).join(',')}]}`;
    const cases: [string, number, number][] = [
      [distinct, 0, 0],
      [pairs, 0, 1],
      [pairs, 2, keys / 2],
      [underLongKey, 0, 1],
      [underLongKey, 2, keys / 2],
      [records, 2, keys / 10],
    ];
    for (const [text, groupDepth, entries] of cases) {
      const work: ScanWork = { units: 0 };
      const found = findRepeatedKeys(text, groupDepth, work);
      expect(found.length).toBe(entries);
      // One unit a character, plus at most one unit and a cut path a repeat: a quadratic scan would be orders of magnitude above.
      expect(work.units).toBeLessThanOrEqual(2 * text.length);
    }
  });
});
