import { createScorer, safeParseSubject } from '../../src/index';

describe('ids of nested records', () => {
  it('two shipments sh1 in one subject are rejected, every copy named with its path', () => {
    const address = { country: 'US' };
    const parsed = safeParseSubject({
      id: 's',
      shipments: [
        { id: 'sh1', address },
        { id: 'sh2', address },
        { id: 'sh1', address },
      ],
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.path)).toEqual(['shipments[0].id', 'shipments[2].id']);
  });

  it('holds for every nested list of records with ids', () => {
    const lists: Record<string, unknown> = {
      documents: { id: 'x', type: 'passport' },
      identityChecks: { id: 'x', kind: 'database', outcome: 'consistent' },
      verifications: { id: 'x', kind: 'drug-test', outcome: 'passed' },
      photos: { id: 'x', source: 'resume' },
      education: { id: 'x', organisation: 'U' },
      employment: { id: 'x', organisation: 'E' },
      references: { id: 'x' },
      profiles: { id: 'x', platform: 'github' },
      interviews: { id: 'x', at: '2025-01-01T00:00:00Z', mode: 'video', outcome: 'held' },
      paymentInstructions: { id: 'x', at: '2025-01-01T00:00:00Z', method: 'bank' },
      paymentRequests: { id: 'x', at: '2025-01-01T00:00:00Z', kind: 'advance' },
      shipments: { id: 'x', address: {} },
      engagements: { id: 'x', organisation: 'O' },
      workArrangementRequests: { id: 'x', at: '2025-01-01T00:00:00Z', kind: 'other' },
    };
    for (const [key, item] of Object.entries(lists)) {
      expect(safeParseSubject({ id: 's', [key]: [item] }).success, key).toBe(true);
      const twice = safeParseSubject({ id: 's', [key]: [item, item] });
      expect(twice.success ? [] : twice.error.issues.map((i) => i.path), key).toEqual([`${key}[0].id`, `${key}[1].id`]);
    }
  });

  it('the same nested id in two subjects is fine, and the verdict does not depend on order', () => {
    const one = { id: 'a', shipments: [{ id: 'sh1', address: {} }] };
    const two = { id: 'b', shipments: [{ id: 'sh1', address: {} }] };
    const result = createScorer().scoreBatch({ asOf: '2025-06-01T00:00:00Z', subjects: [one, two] });
    expect(result.rejected).toEqual([]);
  });
});
