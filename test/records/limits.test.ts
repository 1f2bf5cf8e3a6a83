import { createScorer, jsonSchema, parseOutcomes, recordLimits, safeParseEvent, safeParseSubject } from '../../src/index';

const asOf = '2025-06-01T00:00:00Z';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = { next: value };
  return value;
}

describe('documented limits', () => {
  it('caps free-text fields: names, e-mails, URLs, notes, resume text', () => {
    const long = (n: number): string => 'x'.repeat(n);
    const cases: [unknown, string][] = [
      [{ id: 's', identity: { names: [{ value: long(recordLimits.shortText + 1) }] } }, 'identity.names[0].value'],
      [{ id: 's', contacts: { emails: [{ address: `${long(recordLimits.shortText)}@x.example` }] } }, 'contacts.emails[0].address'],
      [{ id: 's', profiles: [{ id: 'p', platform: 'github', url: long(recordLimits.longText + 1) }] }, 'profiles[0].url'],
      [{ id: 's', interviews: [{ id: 'i', at: asOf, mode: 'video', outcome: 'held', notes: long(recordLimits.note + 1) }] }, 'interviews[0].notes'],
      [{ id: 's', resumeText: long(recordLimits.document + 1) }, 'resumeText'],
      [{ id: 's', skills: [{ name: long(recordLimits.shortText + 1) }] }, 'skills[0].name'],
      [{ id: 's', employment: [{ id: 'j', organisation: 'A', domain: long(recordLimits.shortText + 1) }] }, 'employment[0].domain'],
      [{ id: long(recordLimits.shortText + 1) }, 'id'],
    ];
    for (const [record, path] of cases) {
      const parsed = safeParseSubject(record);
      expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path), path).toEqual([path]);
    }
    expect(safeParseSubject({ id: 's', interviews: [{ id: 'i', at: asOf, mode: 'video', outcome: 'held', notes: long(recordLimits.note) }] }).success).toBe(
      true,
    );
  });

  it('caps the text of outcome records too: who decided, the case', () => {
    const valid = { subjectId: 's', decidedAt: asOf, outcome: 'cleared', decidedBy: 'r', caseId: 'c' };
    expect(parseOutcomes([valid]).rejected).toEqual([]);
    const long = 'x'.repeat(recordLimits.shortText + 1);
    for (const field of ['decidedBy', 'caseId']) {
      const parsed = parseOutcomes([{ ...valid, [field]: long }]);
      expect(
        parsed.rejected.map((r) => r.issues.map((i) => i.path)),
        field,
      ).toEqual([[field]]);
    }
  });

  it('the caps appear in the JSON Schema as maxLength', () => {
    const subject = jsonSchema('subject') as {
      properties: Record<string, { anyOf?: { maxLength?: number; items?: { properties: Record<string, unknown> } }[] }>;
    };
    expect(subject.properties.resumeText?.anyOf?.[0]?.maxLength).toBe(recordLimits.document);
    const text = JSON.stringify(jsonSchema('input'));
    expect(text).toContain(`"maxLength":${recordLimits.shortText}`);
    expect(text).toContain(`"maxLength":${recordLimits.longText}`);
    expect(text).toContain(`"maxLength":${recordLimits.note}`);
    // Every string in the model has a cap: no schema node of type string lacks maxLength, except formats and patterns.
    const uncapped: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (
        n.type === 'string' &&
        n.maxLength === undefined &&
        n.pattern === undefined &&
        n.format === undefined &&
        n.enum === undefined &&
        n.const === undefined
      )
        uncapped.push(path);
      for (const [key, child] of Object.entries(n)) walk(child, `${path}/${key}`);
    };
    walk(jsonSchema('subject'), 'subject');
    walk(jsonSchema('event'), 'event');
    expect(uncapped).toEqual([]);
  });

  it('extensions nested deeper than the limit are a rejected record with their path; 10,000 levels never overflow the stack', () => {
    const ok = safeParseSubject({ id: 's', extensions: { a: nested(recordLimits.freeFormDepth - 2) } });
    expect(ok.success).toBe(true);
    const deep = safeParseSubject({ id: 's', extensions: { a: nested(10_000) } });
    expect(deep.success).toBe(false);
    if (!deep.success) {
      expect(deep.error.issues).toHaveLength(1);
      expect(deep.error.issues[0]?.path).toMatch(/^extensions\.a(\.next)+$/);
      expect(deep.error.issues[0]?.message).toContain(`at most ${recordLimits.freeFormDepth} levels`);
    }
    const custom = safeParseEvent({ id: 'e', subjectId: 's', type: 'custom', kind: 'k', at: asOf, data: { d: nested(10_000) } });
    expect(custom.success).toBe(false);
    const result = createScorer().scoreBatch({ asOf, subjects: [{ id: 's', extensions: { a: nested(10_000) } }, { id: 'ok' }] });
    expect(result.reports.map((r) => r.subjectId)).toEqual(['ok']);
    expect(result.rejected.map((r) => r.recordId)).toEqual(['s']);
  });

  it('free-form data is copied as plain JSON: cycles and non-JSON values are rejected with a path', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const parsedCycle = safeParseSubject({ id: 's', extensions: { c: cyclic } });
    expect(parsedCycle.success ? [] : parsedCycle.error.issues.map((i) => i.path)).toEqual(['extensions.c.self']);
    const parsedFn = safeParseSubject({ id: 's', extensions: { f: [1, () => 2] } });
    expect(parsedFn.success ? [] : parsedFn.error.issues.map((i) => i.path)).toEqual(['extensions.f[1]']);
    const source = { nested: { list: [1, 'two', null] } };
    const parsed = safeParseSubject({ id: 's', extensions: source });
    expect(parsed.success && parsed.data.extensions).toEqual(source);
    expect(parsed.success && parsed.data.extensions?.nested).not.toBe(source.nested);
  });

  it('a __proto__ key in free-form data stays data', () => {
    const parsed = safeParseSubject(JSON.parse('{"id":"s","extensions":{"__proto__":{"polluted":true}}}'));
    expect(parsed.success).toBe(true);
    if (parsed.success) {
      expect(Object.getPrototypeOf(parsed.data.extensions)).toBe(Object.prototype);
      expect(Object.keys(parsed.data.extensions ?? {})).toEqual(['__proto__']);
    }
  });
});
