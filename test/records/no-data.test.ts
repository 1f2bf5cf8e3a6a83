import { createScorer, safeParseEvent, safeParseSubject } from '../../src/index';

const asOf = '2025-06-01T00:00:00Z';

describe('null and empty objects are no data', () => {
  it('null in an optional field means unknown: accepted, and the key is left out (Okta asNumber, Graph isManaged)', () => {
    const event = safeParseEvent({ id: 'e', subjectId: 's', type: 'session', at: asOf, deviceManaged: null, network: { asn: null, country: 'US' } });
    expect(event.success).toBe(true);
    if (event.success) {
      expect('deviceManaged' in event.data).toBe(false);
      expect(event.data).toMatchObject({ network: { country: 'US' } });
      expect(event.success && event.data.type === 'session' && 'asn' in (event.data.network ?? {})).toBe(false);
    }
  });

  it('null in a required field is still a problem with its path', () => {
    const event = safeParseEvent({ id: 'e', subjectId: 's', type: 'worklog', at: asOf, end: null, hours: 1 });
    expect(event.success).toBe(false);
    if (!event.success) expect(event.error.issues.map((i) => i.path)).toEqual(['end']);
  });

  it('an empty object or an object of nulls is left out, recursively', () => {
    const subject = safeParseSubject({ id: 's', identity: { residence: { address: { city: null }, country: null }, names: null }, contacts: {} });
    expect(subject.success).toBe(true);
    if (subject.success) expect(subject.data).toEqual({ id: 's' });
  });

  it('ten sign-ins with network: {} leave network/anonymizing-infrastructure not evaluated, listed under coverage', () => {
    const events = Array.from({ length: 10 }, (_, i) => ({
      id: `e${i}`,
      subjectId: 's',
      type: 'session',
      at: `2025-05-${String(10 + i).padStart(2, '0')}T09:00:00Z`,
      network: {},
    }));
    const scorer = createScorer();
    const withEmpty = scorer.scoreBatch({ asOf, subjects: [{ id: 's' }], events }).reports[0];
    const withNulls = scorer.scoreBatch({ asOf, subjects: [{ id: 's' }], events: events.map((e) => ({ ...e, network: { isVpn: null, asnOrg: null } })) })
      .reports[0];
    const id = 'network/anonymizing-infrastructure';
    for (const report of [withEmpty, withNulls]) {
      expect(report?.indicators.find((i) => i.indicatorId === id)?.status).toBe('not-evaluated');
      expect(report?.coverage.notEvaluated.map((n) => n.indicatorId)).toContain(id);
    }
    // Real enrichment still counts as data.
    const enriched = scorer.scoreBatch({ asOf, subjects: [{ id: 's' }], events: events.map((e) => ({ ...e, network: { isVpn: false } })) }).reports[0];
    expect(enriched?.indicators.find((i) => i.indicatorId === id)?.status).toBe('not-fired');
  });
});
