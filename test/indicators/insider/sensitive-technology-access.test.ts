import { sensitiveTechnologyAccess } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const read = (resource: string, tags: string[], fields: Record<string, unknown> = {}, at = '2025-03-20T10:00:00Z') => ({
  type: 'data-access',
  at,
  resource,
  tags,
  action: 'read',
  ...fields,
});
const webDev = { role: 'web-developer', hiredAt: '2025-03-01T00:00:00Z', projects: ['storefront'], authorizedDataTags: ['pii'] };

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(sensitiveTechnologyAccess, {
  valid: [
    { name: 'untagged work on the assigned project', subject: webDev, events: [read('storefront/api', [], { project: 'storefront' })] },
    {
      name: 'a grid-software engineer reads energy data',
      subject: { ...webDev, authorizedDataTags: ['energy'] },
      events: [read('grid/scada-specs', ['energy'])],
    },
    {
      name: 'tagged resources inside an assigned project',
      subject: webDev,
      events: [read('storefront/export-rules', ['export-controlled'], { project: 'storefront' })],
    },
    { name: 'non-sensitive tags', subject: webDev, events: [read('hr/handbook', ['internal', 'pii'])] },
  ],
  invalid: [
    {
      name: 'a new web developer reads nuclear and military designs',
      subject: webDev,
      events: [
        read('reactor/cooling-design', ['nuclear-power']),
        read('reactor/fuel-handling', ['Nuclear-Power']),
        read('defense/radar-spec', ['military', 'itar'], {}, '2025-03-21T10:00:00Z'),
      ],
      findings: [
        {
          messageId: 'access',
          data: { tag: 'nuclear-power', resources: 2, count: 2 },
          strength: [0.69, 0.71],
          evidence: ['e1', 'e2'],
          message: /nuclear-power.*first 90 days/,
        },
        { messageId: 'access', data: { tag: 'itar' } },
        { messageId: 'access', data: { tag: 'military' } },
      ],
    },
    {
      name: 'a caller-defined tag, late in tenure',
      subject: { ...webDev, hiredAt: '2020-01-01T00:00:00Z' },
      events: [read('labs/quantum-sensor', ['quantum'])],
      options: { extraTags: ['quantum'] },
      findings: [{ messageId: 'access', strength: 0.4, data: { tag: 'quantum', early: 'after the first months of tenure' } }],
    },
  ],
  notEvaluated: [{ name: 'no data access', subject: webDev, missing: ['events[type=data-access]'] }],
});
