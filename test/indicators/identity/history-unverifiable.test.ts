import { historyUnverifiable } from '../../../src/index';
import { createScorer } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const job = (id: string, extra: Record<string, unknown>) => ({ id, organisation: `Org ${id}`, ...extra });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(historyUnverifiable, {
  valid: [
    {
      name: 'confirmed history',
      subject: { employment: [job('j1', { confirmed: 'confirmed' })], education: [{ id: 'ed1', organisation: 'State U', confirmed: 'confirmed' }] },
    },
    {
      name: 'domains not on the front-company list',
      subject: { employment: [job('j1', { domain: 'acme.com', confirmed: 'confirmed' })] },
      reference: { frontCompanyDomains: ['silverstar-soft.com'] },
    },
    {
      name: 'unconfirmed entries can be ignored by option',
      subject: { employment: [job('j1', { confirmed: 'unconfirmed' })] },
      options: { unconfirmedStrength: 0 },
    },
  ],
  invalid: [
    {
      name: 'employer on the seized front-company list (subdomain, www, scheme)',
      subject: { employment: [job('j1', { organisation: 'Volasys', domain: 'https://www.dev.volasys-silverstar.com/about' })] },
      reference: { frontCompanyDomains: ['volasys-silverstar.com'] },
      findings: [
        {
          messageId: 'front',
          strength: 1,
          data: { listed: 'volasys-silverstar.com' },
          message: /Employer "Volasys" uses the domain dev.volasys-silverstar.com/,
          evidence: ['j1'],
        },
      ],
    },
    {
      name: 'reference e-mail at a front company',
      subject: { references: [{ id: 'ref-1', name: 'John Lee', email: 'john@yanbian-soft.cn' }] },
      reference: { frontCompanyDomains: ['yanbian-soft.cn'] },
      findings: [{ messageId: 'front', data: { what: 'Reference', name: 'John Lee' } }],
    },
    {
      name: 'school contradicted the degree',
      subject: { education: [{ id: 'ed1', organisation: 'State U', confirmed: 'contradicted' }] },
      findings: [{ messageId: 'contradicted', strength: 0.8, message: 'School "State U" was contradicted by an independent check' }],
    },
    {
      name: 'two unconfirmed employers each count weakly',
      subject: { employment: [job('j1', { confirmed: 'unconfirmed' }), job('j2', { confirmed: 'unconfirmed' }), job('j3', { confirmed: 'confirmed' })] },
      findings: 2,
    },
  ],
  notEvaluated: [
    { name: 'nothing checked', subject: { employment: [job('j1', { confirmed: 'not-checked' })] } },
    { name: 'no history at all', missing: ['employment[].confirmed'] },
  ],
});

describe('identity/history-unverifiable evidence', () => {
  it('points at the e-mail field when the e-mail domain, not the web domain, is the front company', () => {
    const scorer = createScorer({ indicators: [historyUnverifiable] });
    const report = scorer.score(
      { id: 'cand-1', references: [{ id: 'ref-1', name: 'John Lee', domain: 'acme.com', email: 'john@yanbian-soft.cn' }] },
      { asOf: '2025-06-01T00:00:00Z', reference: { frontCompanyDomains: ['yanbian-soft.cn'] } },
    );
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]?.evidence).toEqual([{ recordId: 'ref-1', field: 'email', value: 'john@yanbian-soft.cn' }]);
  });
});
