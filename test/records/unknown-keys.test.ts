import type { z } from 'zod';
import { activityEventSchema, createScorer, jsonSchema, safeParseEvent, safeParseSubject, subjectSchema, watchlistSchema } from '../../src/index';
import { run } from '../cli/run';

const asOf = '2025-06-01T00:00:00Z';
const scorer = createScorer();

describe('unknown keys', () => {
  it('misspelled fields are rejected with their path and the field meant', () => {
    const parsed = safeParseSubject({
      id: 's',
      identiy: { names: [{ value: 'Andrew Miller' }] },
      verificaton: [],
      documents: [{ id: 'd', type: 'passport', verificaton: { outcome: 'verified' } }],
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const byPath = new Map(parsed.error.issues.map((i) => [i.path, i.message]));
    expect(byPath.get('identiy')).toContain('Did you mean "identity"?');
    expect(byPath.get('verificaton')).toContain('"verifications"');
    expect(byPath.get('documents[0].verificaton')).toContain('Did you mean "verification"?');
    const event = safeParseEvent({ id: 'e', subjectId: 's', type: 'session', at: asOf, edn: asOf });
    expect(event.success).toBe(false);
    if (!event.success) expect(event.error.issues).toEqual([{ path: 'edn', message: expect.stringContaining('Did you mean "end"?') }]);
  });

  it('a misspelled field no longer scores silently: the subject is rejected, validate says so', async () => {
    const subject = { id: 's', identiy: { residence: { country: 'US' } } };
    const result = scorer.scoreBatch({ asOf, subjects: [subject] });
    expect(result.reports).toEqual([]);
    expect(result.rejected[0]?.issues[0]?.path).toBe('identiy');
    const { code, stdout } = await run(['validate', '-'], { stdin: JSON.stringify({ asOf, subjects: [subject] }) });
    expect(code).toBe(2);
    expect(stdout).toContain('identiy');
    expect(stdout).toContain('Did you mean "identity"?');
  });

  it('a reference table name one typo from a built-in table is reported with the table meant, not kept silently', () => {
    const subject = { id: 's', employment: [{ id: 'j', organisation: 'Front', domain: 'front.example' }] };
    const result = scorer.scoreBatch({
      asOf,
      subjects: [subject],
      reference: { frontCompanyDomain: ['front.example'], myCustomTable: { any: 'json' } },
    });
    expect(result.rejected).toEqual([
      {
        kind: 'document',
        index: 0,
        issues: [{ path: 'reference.frontCompanyDomain', message: expect.stringContaining('Did you mean "frontCompanyDomains"?') }],
      },
    ]);
    // A custom table whose name is not close to a built-in one is still passed through.
    const custom = scorer.scoreBatch({ asOf, subjects: [subject], reference: { myCustomTable: { any: 'json' } } });
    expect(custom.rejected).toEqual([]);
  });

  it('extensions stay the place for extra data', () => {
    expect(safeParseSubject({ id: 's', extensions: { anything: { goes: [1, 'two'] } } }).success).toBe(true);
  });

  it('lenient mode accepts the record, drops the key and lists it as a warning with id and path', () => {
    const subjects = [{ id: 's', identiy: { residence: { country: 'US' } }, kind: 'employee' }];
    const result = scorer.scoreBatch({ asOf, subjects }, { lenient: true });
    expect(result.rejected).toEqual([]);
    expect(result.reports.map((r) => r.subjectId)).toEqual(['s']);
    expect(result.warnings).toEqual([
      { kind: 'subject', index: 0, recordId: 's', issues: [{ path: 'identiy', message: expect.stringContaining('Dropped (lenient)') }] },
    ]);
    // The caller's record is untouched.
    expect(subjects[0]).toHaveProperty('identiy');
    const parsed = safeParseSubject(subjects[0], { lenient: true });
    expect(parsed.success && !('identiy' in parsed.data)).toBe(true);
  });

  it('lenient mode still rejects a record with a real problem', () => {
    const result = scorer.scoreBatch({ asOf, subjects: [{ id: 's', identiy: {}, kind: 'robot' }] }, { lenient: true });
    expect(result.reports).toEqual([]);
    expect(result.rejected[0]?.issues.map((i) => i.path)).toEqual(['kind']);
  });

  it('--lenient on the CLI scores the record and lists the dropped key on stderr', async () => {
    const doc = JSON.stringify({ asOf, subjects: [{ id: 's', identiy: {} }] });
    const strict = await run(['score', '-', '--format', 'json'], { stdin: doc });
    expect(strict.code).toBe(2);
    const lenient = await run(['score', '-', '--format', 'json', '--lenient'], { stdin: doc });
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('identiy');
    const validate = await run(['validate', '-', '--lenient', '--json'], { stdin: doc });
    expect(validate.code).toBe(0);
    expect((JSON.parse(validate.stdout) as { warnings: unknown[] }).warnings).toHaveLength(1);
  });

  it('every object of the record model is strict, in validation and in the JSON Schema', () => {
    // Walks the JSON Schema: any object with declared properties must refuse others.
    const open: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (n.type === 'object' && n.properties !== undefined && n.additionalProperties !== false) open.push(path);
      for (const [key, child] of Object.entries(n)) walk(child, `${path}/${key}`);
    };
    walk(jsonSchema('subject'), 'subject');
    walk(jsonSchema('event'), 'event');
    expect(open).toEqual([]);
    for (const schema of [subjectSchema, activityEventSchema, watchlistSchema] as z.ZodType[]) expect(schema.safeParse({ zz: 1 }).success).toBe(false);
  });
});
