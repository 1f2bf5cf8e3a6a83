import { readFileSync } from 'node:fs';
import { createScorer, renderHtml, type BatchInput } from '../../src/index';

const population = JSON.parse(readFileSync(new URL('../../examples/demo/population.json', import.meta.url), 'utf8')) as BatchInput;

/** A message that opens with a record field path (`events[type=payment].accountNumber`, `contacts.emails[].address`). */
const startsWithFieldPath = /^[a-zA-Z]+(?:\[[^\]]*\])*\.[a-zA-Z]/;

describe('reasons read as sentences', () => {
  it('no reason of the demo population opens with a field path, so the top reason of the ranked list is a sentence', () => {
    const result = createScorer().scoreBatch(population);
    const opening = result.reports.flatMap((r) =>
      r.reasons.filter((reason) => startsWithFieldPath.test(reason.message)).map((reason) => `${r.subjectId} ${reason.indicatorId}: ${reason.message}`),
    );
    expect(opening).toEqual([]);
    // The ranked list shows the top risk reason of every subject: none is a field path.
    const html = renderHtml(result);
    const cells = [...html.matchAll(/<td>([^<]*)<\/td><\/tr>/g)].map((m) => m[1] as string);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => /\[type=|\[\]\./.test(c))).toEqual([]);
  }, 120_000);

  it('names each screened field of watchlist/match in words, and keeps the field path in the evidence', () => {
    const report = createScorer().score(
      { id: 'cand-1', contacts: { emails: [{ address: 'x@listed.example' }] } },
      {
        asOf: '2025-06-01T00:00:00Z',
        events: [{ id: 'p1', subjectId: 'cand-1', type: 'payment', at: '2025-05-01T00:00:00Z', amount: 100, currency: 'USD', accountNumber: 'acct-9' }],
        watchlists: [
          {
            name: 'Internal',
            kind: 'internal',
            entries: [
              { id: 'w1', type: 'bank-account', value: 'acct-9' },
              { id: 'w2', type: 'email', value: 'x@listed.example' },
            ],
          },
        ],
      },
    );
    const reasons = report.reasons.filter((r) => r.indicatorId === 'watchlist/match');
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons[0]?.message).toMatch(/^(Payee account number acct-9|E-mail address x@listed\.example) is on Internal/);
    expect(report.findings.filter((f) => f.indicatorId === 'watchlist/match').flatMap((f) => f.evidence.map((e) => e.field))).toEqual(
      expect.arrayContaining(['events[type=payment].accountNumber']),
    );
  });
});
